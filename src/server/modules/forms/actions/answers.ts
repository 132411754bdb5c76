import type { ApplicationAnswersResponse } from "../../../../contracts/forms";
import { AppError } from "../../../platform/errors";
import { matchContext } from "../../matches";
import type { Caller } from "../../tenancy";
import { fileIdsIn } from "../answers";
import { fileDto } from "../forms.presenter";
import { formsRepository } from "../forms.repository";
import type { FormsDeps } from "./context";

/**
 * What an applicant answered, in the version of the form they answered, for staff who see the
 * match (the matches module decides who: 404 for anyone else).
 */
export async function matchAnswers(
  deps: FormsDeps,
  caller: Caller,
  matchId: string,
): Promise<ApplicationAnswersResponse> {
  const { scope, match } = await matchContext(deps.matches, caller, matchId);
  const repo = deps.store.bind(scope, formsRepository);
  const found = await repo.answersOfMatch(match.id);
  if (!found) return { answers: null };
  const files = await repo.filesOfMatch(match, fileIdsIn(found.definition, found.answers));
  return {
    answers: {
      version: found.version,
      definition: found.definition,
      answers: found.answers,
      files: files.map((f) => ({
        ...fileDto(f),
        url: `/api/v1/matches/${match.id}/application-files/${f.id}`,
      })),
    },
  };
}

/** One file of an application's answers (download), for staff who see the match. */
export async function matchAnswerFile(deps: FormsDeps, caller: Caller, matchId: string, fileId: string) {
  const { scope, match } = await matchContext(deps.matches, caller, matchId);
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
