import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { vacancyEvent } from "../vacancies.events";
import { canEdit, vacancyPermissions } from "../vacancies.policy";
import { vacancyRepository } from "../vacancies.repository";
import { vacancyFilesRepository } from "../vacancy-files.repository";
import { readable, type VacancyDeps } from "./context";

/** Deletes a draft, archived or rejected vacancy for good (with its files), once confirmed. */
export async function removeVacancy(
  deps: VacancyDeps,
  caller: Caller,
  id: string,
  confirmed: boolean,
): Promise<void> {
  const { actor, scope, view } = await readable(deps, caller, id);
  if (!vacancyPermissions(actor, view).delete) {
    if (canEdit(actor, view)) throw new AppError("invalid_transition");
    throw new AppError("forbidden");
  }
  if (!confirmed) throw new AppError("confirmation_required");
  const vacancies = deps.store.bind(scope, vacancyRepository);
  if ((await vacancies.countMatches(id)) > 0) throw new AppError("has_applications");
  const attachments = await deps.store.bind(scope, vacancyFilesRepository).attachmentKeys(id);
  await deps.store.transaction(async (tx) => {
    // Its history goes with it; the event remains.
    if (!(await tx.bind(scope, vacancyRepository).remove(id))) throw new AppError("not_found");
    await tx.emit(vacancyEvent("vacancy.deleted", view, actor.userId, { previousStatus: view.status }));
  });
  for (const file of [...attachments, ...(view.imageFileKey ? [view.imageFileKey] : [])]) {
    await deps.files.delete(file);
  }
}
