import { randomUUID } from "node:crypto";
import type { Locale } from "../../../../contracts/common";
import type {
  Answers,
  ApplicationDraft,
  ApplyFormResponse,
  FormDefinition,
  SaveDraftRequest,
  SubmitApplicationRequest,
  UploadedFile,
} from "../../../../contracts/forms";
import type { Application } from "../../../../contracts/vacancies";
import { AppError } from "../../../platform/errors";
import { sniffDocument, sniffImage } from "../../../platform/files";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import { publicScope } from "../../../platform/scope";
import { apply, ensureCandidate } from "../../matches";
import type { Caller } from "../../tenancy";
import { candidateViewerOf, todayIn } from "../../vacancies";
import { answerProblems, fileIdsIn, knockOutOf } from "../answers";
import { fieldsOf } from "../definition";
import { fileDto } from "../forms.presenter";
import { applicantRepository, publicFormsRepository } from "../forms.repository";
import type { FormsDeps } from "./context";

type DraftRow = { answers: Answers; step: ApplicationDraft["step"]; updatedAt: Date };

/** The form of a vacancy the caller may see on the job board; null when it has none (or is hidden). */
async function currentForm(deps: FormsDeps, caller: Caller, vacancyId: string) {
  const viewer = await candidateViewerOf(caller);
  const today = (deps.matches.today ?? (() => todayIn()))();
  const version = await deps.store
    .bind(publicScope, publicFormsRepository)
    .currentVersion(vacancyId, viewer, today);
  return { viewer, version };
}

async function requiredForm(deps: FormsDeps, caller: Caller, vacancyId: string) {
  const found = await currentForm(deps, caller, vacancyId);
  if (!found.version) throw new AppError("not_found");
  return { viewer: found.viewer, version: found.version };
}

/** The draft's answers to the questions the form still has (a newer version may have dropped some). */
function draftDto(row: DraftRow, keys: ReadonlySet<string>): ApplicationDraft {
  const answers: Answers = {};
  for (const [key, value] of Object.entries(row.answers)) if (keys.has(key)) answers[key] = value;
  return { answers, step: row.step, updatedAt: row.updatedAt.toISOString() };
}

/** The profile's words for a language level, as the nearest CEFR level. */
const CEFR_OF_PROFILE = { basic: "A2", good: "B2", fluent: "C1", native: "C2" } as const;

/** The answers the profile gives: the person applies with their own account and profile each time. */
function prefillFrom(
  definition: FormDefinition,
  profile: {
    educationLevel: string | null;
    languages: { code: string; level: keyof typeof CEFR_OF_PROFILE }[];
  },
): Answers {
  const answers: Answers = {};
  for (const { field } of fieldsOf(definition)) {
    if (field.kind === "diploma_level" && profile.educationLevel) answers[field.key] = profile.educationLevel;
    if (field.kind === "languages" && profile.languages.length > 0)
      answers[field.key] = profile.languages.map((l) => ({ code: l.code, level: CEFR_OF_PROFILE[l.level] }));
  }
  return answers;
}

/** Whether applicants apply to the vacancy through a form (then the plain motivation + CV route refuses). */
export async function vacancyHasForm(
  { store }: Pick<FormsDeps, "store">,
  vacancyId: string,
): Promise<boolean> {
  return store.bind(publicScope, publicFormsRepository).hasForm(vacancyId);
}

/** What the applicant needs to apply: the form, their draft and uploaded files, whether they applied. */
export async function applyForm(
  deps: FormsDeps,
  caller: Caller,
  vacancyId: string,
): Promise<ApplyFormResponse> {
  const { version } = await currentForm(deps, caller, vacancyId);
  if (!version) return { form: null, draft: null, prefill: {}, files: [], applied: false };
  const own = deps.store.bind(await caller.self(), applicantRepository);
  const [draft, files, applied, profile] = await Promise.all([
    own.draft(vacancyId),
    own.files(vacancyId),
    own.onVacancy(vacancyId),
    own.profile(),
  ]);
  const keys = new Set(fieldsOf(version.definition).map((f) => f.field.key));
  return {
    form: { versionId: version.id, definition: version.definition },
    draft: draft ? draftDto(draft, keys) : null,
    prefill: profile ? prefillFrom(version.definition, profile) : {},
    files: files.map(fileDto),
    applied,
  };
}

/** The applicant's candidate row (made on first use) and their fresh self scope. */
async function applicant(
  deps: FormsDeps,
  caller: Caller,
  portalIds: readonly string[],
  hostPortalId: string | null,
) {
  const candidate = await ensureCandidate(deps.matches, caller, portalIds, hostPortalId);
  return { candidate, self: await caller.self({ fresh: true }) };
}

/** "Concept opslaan": keeps the answers so far (partial answers are fine). */
export async function saveDraft(
  deps: FormsDeps,
  caller: Caller,
  vacancyId: string,
  input: SaveDraftRequest,
  hostPortalId: string | null,
): Promise<ApplicationDraft> {
  const { viewer, version } = await requiredForm(deps, caller, vacancyId);
  const { candidate, self } = await applicant(deps, caller, viewer.portalIds, hostPortalId);
  const own = deps.store.bind(self, applicantRepository);
  if (await own.onVacancy(vacancyId)) throw new AppError("already_applied");
  const row = await own.saveDraft({
    candidateId: candidate.id,
    vacancyId,
    formVersionId: version.id,
    answers: input.answers,
    step: input.step,
  });
  return draftDto(row, new Set(Object.keys(row.answers)));
}

/** A file for one of the form's file questions: PDF, DOCX or an image, judged by its content. */
export async function uploadFile(
  deps: FormsDeps,
  caller: Caller,
  vacancyId: string,
  upload: { fieldKey: string; fileName: string; data: Buffer },
  hostPortalId: string | null,
  locale: MessageLocale,
): Promise<UploadedFile> {
  const { viewer, version } = await requiredForm(deps, caller, vacancyId);
  const path = `answers.${upload.fieldKey}`;
  const field = fieldsOf(version.definition).find((f) => f.field.key === upload.fieldKey)?.field;
  if (field?.kind !== "file")
    throw new AppError("validation_failed", {
      fields: [{ path, message: fieldMessage("answer_unknown_field", locale) }],
    });
  const kind = sniffDocument(upload.data) ?? sniffImage(upload.data);
  if (!kind)
    throw new AppError("unsupported_media_type", {
      fields: [{ path, message: fieldMessage("file_type_not_allowed", locale) }],
    });
  const { candidate, self } = await applicant(deps, caller, viewer.portalIds, hostPortalId);
  const own = deps.store.bind(self, applicantRepository);
  if (await own.onVacancy(vacancyId)) throw new AppError("already_applied");
  const key = `applications/${candidate.id}/${randomUUID()}.${kind.ext}`;
  await deps.files.put(key, upload.data, kind.type);
  const row = await own.addFile({
    candidateId: candidate.id,
    vacancyId,
    fileKey: key,
    fileName: `${upload.fileName.replace(/\.[a-z0-9]{1,5}$/i, "")}.${kind.ext}`,
    contentType: kind.type,
    sizeBytes: upload.data.length,
  });
  return fileDto(row);
}

/** One of the applicant's uploaded files (download). */
export async function applicantFile(deps: FormsDeps, caller: Caller, fileId: string) {
  const row = await deps.store.bind(await caller.self(), applicantRepository).findFile(fileId);
  if (!row) throw new AppError("not_found");
  const file = await deps.files.get(row.fileKey);
  if (!file) throw new AppError("not_found");
  return { ...file, fileName: row.fileName };
}

/**
 * Submits the draft: every answer is checked (required questions, knock-out answers, the
 * register number, files, unknown questions); on any problem the draft stays as it was. The
 * match is made by the matches module's apply, with the answers and the form version in its
 * transaction, and the draft goes.
 */
export async function submitApplication(
  deps: FormsDeps,
  caller: Caller,
  vacancyId: string,
  input: SubmitApplicationRequest,
  hostPortalId: string | null,
  locale: MessageLocale,
  contentLocale: Locale,
): Promise<Application> {
  const { version } = await requiredForm(deps, caller, vacancyId);
  const own = deps.store.bind(await caller.self(), applicantRepository);
  if (await own.onVacancy(vacancyId)) throw new AppError("already_applied");
  const draft = await own.draft(vacancyId);
  const answers: Answers = draft?.answers ?? {};
  const knocked = knockOutOf(version.definition, answers);
  if (knocked) {
    const text = (l: MessageLocale) => knocked.message[l === "nl" ? "nl" : "en"] || knocked.message.nl;
    throw new AppError("application_knocked_out", {
      fields: [{ path: `answers.${knocked.key}`, message: text(locale) }],
      message: { nl: text("nl"), en: text("en"), de: text("de"), fr: text("fr") },
    });
  }
  const files = await own.files(vacancyId);
  const problems = answerProblems(version.definition, answers, new Set(files.map((f) => f.id)), locale);
  if (problems.length > 0) throw new AppError("application_incomplete", { fields: problems });

  // The CV question (or else the first file) is the match's CV, as staff know it from other applications.
  const fileIds = fileIdsIn(version.definition, answers);
  const cvField = fieldsOf(version.definition).find((f) => f.field.kind === "file" && f.field.key === "cv");
  const cvValue = cvField ? answers[cvField.field.key] : undefined;
  const cvId =
    cvValue && typeof cvValue === "object" && !Array.isArray(cvValue) ? cvValue.fileId : (fileIds[0] ?? null);
  const cvFile = files.find((f) => f.id === cvId);
  const motivation = typeof answers.motivation === "string" ? answers.motivation : "";
  return apply(
    deps.matches,
    caller,
    vacancyId,
    {
      motivation,
      cv: null,
      source: input.source?.toLowerCase() ?? null,
      referralCode: input.referralCode ?? null,
      viaForm: {
        storedCv: cvFile ? { key: cvFile.fileKey, name: cvFile.fileName, type: cvFile.contentType } : null,
        record: async (tx, match, self) => {
          const inTx = tx.bind(self, applicantRepository);
          await inTx.recordAnswers({
            matchId: match.id,
            organisationId: match.organisationId,
            formVersionId: version.id,
            answers,
          });
          await inTx.deleteDraft(vacancyId);
        },
      },
    },
    hostPortalId,
    contentLocale,
  );
}
