import {
  type ApplicantDetail,
  type ApplicantField,
  CORRECTION_FIELDS,
  type Correction,
  type CorrectionField,
  type TimelineItem,
} from "../../../../contracts/applicants";
import type { ApplicationAnswers } from "../../../../contracts/forms";
import { AppError } from "../../../platform/errors";
import { answerFileOf, answersOf } from "../../forms";
import type { Caller } from "../../tenancy";
import { summaryDto } from "../applicants.presenter";
import { applicantsRepository } from "../applicants.repository";
import { mailLocaleOf } from "../mail-letters";
import { type ApplicantContext, type ApplicantDeps, applicantContext } from "./context";

const actor = (id: string | null, name: string | null) => (id ? { id, name: name ?? "" } : null);

export const cvUrl = (vacancyId: string, matchId: string) =>
  `/api/v1/vacancies/${vacancyId}/applicants/${matchId}/cv`;
const answerFileUrl = (vacancyId: string, matchId: string, fileId: string) =>
  `/api/v1/vacancies/${vacancyId}/applicants/${matchId}/files/${fileId}`;

/** The application form's answers to an applicant's match, in the version they answered. */
export function answersOfApplicant(deps: ApplicantDeps, ctx: ApplicantContext, row: Detail) {
  return answersOf(
    deps,
    ctx.scope,
    {
      id: row.id,
      candidateId: row.candidateId,
      vacancyId: ctx.vacancy.id,
      organisationId: row.organisationId,
    },
    (fileId) => answerFileUrl(ctx.vacancy.id, row.id, fileId),
  );
}

/** The rijksregisternummer the applicant gave on the form, if it asked for one. */
export function registerNumberIn(answers: ApplicationAnswers | null): string | null {
  if (!answers) return null;
  for (const section of answers.definition.sections)
    for (const field of section.fields) {
      const value = answers.answers[field.key];
      if (field.kind === "national_register_number" && typeof value === "string" && value) return value;
    }
  return null;
}

type Detail = NonNullable<Awaited<ReturnType<ReturnType<typeof bindRepo>["detail"]>>>;
const bindRepo = (deps: ApplicantDeps, ctx: ApplicantContext) =>
  deps.store.bind(ctx.scope, applicantsRepository);

/** The original value of a correctable field: the profile's (the application form's later). */
function originalOf(row: Detail, field: CorrectionField, registerNumber: string | null): string | null {
  switch (field) {
    case "first_name":
      return row.candidate.firstName;
    case "last_name":
      return row.candidate.lastName;
    case "email":
      return row.candidate.email;
    case "phone":
      return row.candidate.phone;
    case "national_register_number":
      // As given on the application form, when it asked.
      return registerNumber;
  }
}

/** One applicant of the vacancy; 404 when the match is not one of its applicants the caller sees. */
export async function loadApplicant(deps: ApplicantDeps, ctx: ApplicantContext, matchId: string) {
  const row = await bindRepo(deps, ctx).detail(ctx.vacancy.id, matchId);
  if (!row) throw new AppError("not_found");
  return row;
}

export function fieldsOf(
  row: Detail,
  corrections: Awaited<ReturnType<ReturnType<typeof bindRepo>["corrections"]>>,
  registerNumber: string | null,
): ApplicantField[] {
  return CORRECTION_FIELDS.map((field) => {
    const history: Correction[] = corrections
      .filter((c) => c.correction.field === field)
      .map(({ correction: c, byName }) => ({
        id: c.id,
        field: c.field,
        oldValue: c.oldValue,
        newValue: c.newValue,
        by: actor(c.byUserId, byName),
        at: c.at.toISOString(),
      }));
    const original = originalOf(row, field, registerNumber);
    const latest = history[0];
    return {
      field,
      original,
      value: latest?.newValue ?? original,
      corrected: latest !== undefined && latest.newValue !== null,
      history,
    };
  });
}

export async function getApplicant(
  deps: ApplicantDeps,
  caller: Caller,
  vacancyId: string,
  matchId: string,
): Promise<ApplicantDetail> {
  const ctx = await applicantContext(deps, caller, vacancyId);
  const repo = bindRepo(deps, ctx);
  const row = await loadApplicant(deps, ctx, matchId);
  const [steps, notes, corrections, mails] = await Promise.all([
    repo.steps(matchId),
    repo.notes(matchId),
    repo.corrections(matchId),
    repo.mailsOf(matchId),
  ]);
  const answers = await answersOfApplicant(deps, ctx, row);
  const phaseIds = [
    ...new Set(steps.flatMap((s) => [s.step.toPhaseId, s.step.fromPhaseId ?? s.step.toPhaseId])),
  ];
  const phases = await repo.phases(phaseIds);
  const phase = (id: string) => {
    const found = phases.find((p) => p.id === id);
    return { id, label: found?.label ?? { nl: "", en: "", de: "", fr: "" } };
  };
  const noteDtos = notes.map(({ note, authorName }) => ({
    id: note.id,
    text: note.text,
    author: actor(note.authorUserId, authorName),
    at: note.createdAt.toISOString(),
  }));
  const fields = fieldsOf(row, corrections, registerNumberIn(answers));
  const timeline: TimelineItem[] = [
    ...steps.map(
      ({ step, actorName }): TimelineItem => ({
        kind: "step",
        id: step.id,
        at: step.at.toISOString(),
        by: actor(step.actorUserId, actorName),
        fromPhase: step.fromPhaseId ? phase(step.fromPhaseId) : null,
        toPhase: phase(step.toPhaseId),
        comment: step.comment,
        undone: step.undoneAt !== null,
      }),
    ),
    ...noteDtos.map((n): TimelineItem => ({ kind: "note", id: n.id, at: n.at, by: n.author, text: n.text })),
    ...mails.map(
      ({ recipient, sentByUserId, sentByName, status }): TimelineItem => ({
        kind: "mail",
        id: recipient.id,
        at: recipient.createdAt.toISOString(),
        by: actor(sentByUserId, sentByName),
        mailingId: recipient.mailingId,
        subject: recipient.subject,
        body: recipient.body,
        to: recipient.email,
        status: status ?? "sending",
      }),
    ),
    ...fields.flatMap((f) => f.history.map((c): TimelineItem => ({ kind: "correction", ...c }))),
  ].sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  return {
    ...summaryDto(row),
    vacancy: { id: ctx.vacancy.id, title: ctx.vacancy.displayTitle },
    profile: {
      headline: row.candidate.headline,
      summary: row.candidate.summary,
      city: row.candidate.city,
      educationLevel: row.candidate.educationLevel,
      workLevel: row.candidate.workLevel,
      experience: row.candidate.experience.map((e) => ({ title: e.title, employer: e.employer || null })),
      locale: mailLocaleOf(row.candidate.userId ? row.locale : null),
      hasAccount: row.candidate.userId !== null,
    },
    contact: { email: row.email, phone: row.phone },
    motivation: row.motivation,
    cv: row.cvFileKey ? { fileName: row.cvFileName ?? "cv", url: cvUrl(ctx.vacancy.id, row.id) } : null,
    answers,
    fields,
    notes: noteDtos,
    timeline,
    permissions: ctx.permissions,
  };
}

/** A file the applicant sent with the application form (download). */
export async function applicantAnswerFile(
  deps: ApplicantDeps,
  caller: Caller,
  vacancyId: string,
  matchId: string,
  fileId: string,
) {
  const ctx = await applicantContext(deps, caller, vacancyId);
  const row = await loadApplicant(deps, ctx, matchId);
  return answerFileOf(
    deps,
    ctx.scope,
    {
      id: row.id,
      candidateId: row.candidateId,
      vacancyId: ctx.vacancy.id,
      organisationId: row.organisationId,
    },
    fileId,
  );
}

/** The CV sent with the application (download). */
export async function applicantCv(deps: ApplicantDeps, caller: Caller, vacancyId: string, matchId: string) {
  const ctx = await applicantContext(deps, caller, vacancyId);
  const row = await loadApplicant(deps, ctx, matchId);
  if (!row.cvFileKey) throw new AppError("not_found");
  const file = await deps.files.get(row.cvFileKey);
  if (!file) throw new AppError("not_found");
  return { ...file, fileName: row.cvFileName ?? "cv" };
}
