import type { ApplicationAnswersResponse } from "../../../../contracts/forms";
import { AppError } from "../../../platform/errors";
import { matchContext } from "../../matches";
import type { Caller } from "../../tenancy";
import { fileIdsIn } from "../answers";
import { fileDto } from "../forms.presenter";
import { formsRepository } from "../forms.repository";
import type { FormsDeps } from "./context";

type Scope = Parameters<typeof formsRepository.answersOfMatch>[1];
type MatchFacts = { id: string; candidateId: string; vacancyId: string; organisationId: string };

/**
 * What an applicant answered, in the version of the form they answered, read in a scope the
 * caller's module already checked (the matches module for the match, the applicants module for
 * the vacancy's applicants); `fileUrl` says where that module serves each file.
 */
export async function answersOf(
  deps: Pick<FormsDeps, "store">,
  scope: Scope,
  match: MatchFacts,
  fileUrl: (fileId: string) => string,
): Promise<ApplicationAnswersResponse["answers"]> {
  const repo = deps.store.bind(scope, formsRepository);
  const found = await repo.answersOfMatch(match.id);
  if (!found) return null;
  const files = await repo.filesOfMatch(match, fileIdsIn(found.definition, found.answers));
  return {
    version: found.version,
    definition: found.definition,
    answers: found.answers,
    files: files.map((f) => ({ ...fileDto(f), url: fileUrl(f.id) })),
  };
}

/** One file of an application's answers (download), read in a scope the caller checked. */
export async function answerFileOf(
  deps: Pick<FormsDeps, "store" | "files">,
  scope: Scope,
  match: MatchFacts,
  fileId: string,
) {
  const repo = deps.store.bind(scope, formsRepository);
  const found = await repo.answersOfMatch(match.id);
  const ids = found ? fileIdsIn(found.definition, found.answers) : [];
  if (!ids.includes(fileId)) throw new AppError("not_found");
  const [row] = await repo.filesOfMatch(match, [fileId]);
  if (!row) throw new AppError("not_found");
  const file = await deps.files.get(row.fileKey);
  if (!file) throw new AppError("not_found");
  return { ...file, fileName: row.fileName };
}

/** For staff who see the match (the matches module decides who: 404 for anyone else). */
export async function matchAnswers(
  deps: FormsDeps,
  caller: Caller,
  matchId: string,
): Promise<ApplicationAnswersResponse> {
  const { scope, match } = await matchContext(deps.matches, caller, matchId);
  return {
    answers: await answersOf(deps, scope, match, (f) => `/api/v1/matches/${match.id}/application-files/${f}`),
  };
}

/** One file of an application's answers (download), for staff who see the match. */
export async function matchAnswerFile(deps: FormsDeps, caller: Caller, matchId: string, fileId: string) {
  const { scope, match } = await matchContext(deps.matches, caller, matchId);
  return answerFileOf(deps, scope, match, fileId);
}

/**
 * The choice questions (single and multiple choice, yes/no, knock-out questions among them) of
 * the vacancy's current form, with their options, for filtering its applicants; none without a
 * form. Read in a scope the caller checked.
 */
export async function choiceQuestionsOf(deps: Pick<FormsDeps, "store">, scope: Scope, vacancyId: string) {
  const form = await deps.store.bind(scope, formsRepository).formOfVacancy(vacancyId);
  if (!form) return [];
  const yesNo = [
    { key: "yes", label: { nl: "Ja", en: "Yes" } },
    { key: "no", label: { nl: "Nee", en: "No" } },
  ];
  return form.version.definition.sections.flatMap((section) =>
    section.fields
      .filter((f) => f.kind === "single_choice" || f.kind === "multiple_choice" || f.kind === "yes_no")
      .map((f) => ({
        key: f.key,
        label: f.label,
        options: f.kind === "yes_no" ? yesNo : f.options.map((o) => ({ key: o.key, label: o.label })),
        knockOut: f.knockOut !== null,
      })),
  );
}
