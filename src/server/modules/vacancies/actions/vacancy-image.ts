import { randomUUID } from "node:crypto";
import type { Locale } from "../../../../contracts/common";
import type { Vacancy } from "../../../../contracts/vacancies";
import { AppError } from "../../../platform/errors";
import { sniffImage } from "../../../platform/files";
import { fieldMessage } from "../../../platform/i18n";
import { publicScope } from "../../../platform/scope";
import type { Caller } from "../../tenancy";
import { candidateViewerOf, vacancyScopeOf } from "../actor";
import { visibleVacancyRepository } from "../candidate-vacancies.repository";
import { vacancyEvent } from "../vacancies.events";
import { vacancyDto } from "../vacancies.presenter";
import { vacancyRepository } from "../vacancies.repository";
import { vacancyFilesRepository } from "../vacancy-files.repository";
import { editable, type Found, type VacancyDeps } from "./context";

async function changeImage(
  deps: VacancyDeps,
  { actor, scope, view }: Found,
  imageFileKey: string | null,
  action: "image_changed" | "image_removed",
) {
  const history = { userId: actor.userId, action, changes: {}, comment: null };
  return deps.store.transaction(async (tx) => {
    const changed = await tx.bind(scope, vacancyRepository).change(view, { imageFileKey }, history);
    if (!changed) throw new AppError("not_found");
    await tx.emit(vacancyEvent("vacancy.updated", changed, actor.userId, history));
    return changed;
  });
}

/** Sets the vacancy's own image (PNG, JPG or WebP, judged by content). */
export async function setVacancyImage(
  deps: VacancyDeps,
  caller: Caller,
  id: string,
  data: Buffer,
  locale: Locale,
): Promise<Vacancy> {
  const found = await editable(deps, caller, id);
  const image = sniffImage(data);
  if (!image) {
    throw new AppError("validation_failed", {
      fields: [{ path: "image", message: fieldMessage("image_type_not_allowed", locale) }],
    });
  }
  const key = `vacancies/${found.view.id}/image-${randomUUID()}.${image.ext}`;
  await deps.files.put(key, data, image.type);
  const updated = await changeImage(deps, found, key, "image_changed");
  if (found.view.imageFileKey) await deps.files.delete(found.view.imageFileKey);
  return vacancyDto(updated, found.actor, deps.today());
}

/** Removes the vacancy's own image: the organisation's logo shows again. */
export async function removeVacancyImage(deps: VacancyDeps, caller: Caller, id: string): Promise<Vacancy> {
  const found = await editable(deps, caller, id);
  const old = found.view.imageFileKey;
  if (!old) return vacancyDto(found.view, found.actor, deps.today());
  const updated = await changeImage(deps, found, null, "image_removed");
  await deps.files.delete(old);
  return vacancyDto(updated, found.actor, deps.today());
}

/**
 * The vacancy's image (or the organisation's logo): for staff who may read the vacancy, and for
 * anyone who can see it (candidates, visitors of the public board).
 */
export async function vacancyImage(deps: VacancyDeps, caller: Caller, id: string) {
  let found: { key: string | null } | null = null;
  if (caller.principal?.roles.some((r) => r !== "candidate")) {
    // The read scope is exactly the organisations whose vacancies the caller may read.
    found = await deps.store.bind(await vacancyScopeOf(caller), vacancyFilesRepository).imageKey(id);
  }
  if (!found) {
    const viewer = caller.principal ? await candidateViewerOf(caller) : ({ kind: "anonymous" } as const);
    found = await deps.store.bind(publicScope, visibleVacancyRepository).imageKey(viewer, id, deps.today());
  }
  const file = found?.key ? await deps.files.get(found.key) : null;
  if (!file) throw new AppError("not_found");
  return file;
}
