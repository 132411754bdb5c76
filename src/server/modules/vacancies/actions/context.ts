import { AppError } from "../../../platform/errors";
import type { FileStorage } from "../../../platform/files";
import type { TenantScope } from "../../../platform/scope";
import type { Store } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { vacancyActorOf, vacancyScopeOf } from "../actor";
import { canEdit, canRead, type VacancyActor } from "../vacancies.policy";
import { type VacancyView, vacancyRepository } from "../vacancies.repository";

/** What the vacancy actions work with: repositories through the store, files, the day. */
export interface VacancyDeps {
  store: Store;
  files: FileStorage;
  /** Today's date in the Netherlands; tests may pin it. */
  today: () => string;
}

export interface Found {
  actor: VacancyActor;
  scope: TenantScope;
  view: VacancyView;
}

/** A vacancy the caller may read, in one statement; 404 for anything else, so ids cannot be probed. */
export async function readable(deps: VacancyDeps, caller: Caller, id: string): Promise<Found> {
  const actor = await vacancyActorOf(caller);
  const scope = await vacancyScopeOf(caller);
  const view = await deps.store.bind(scope, vacancyRepository).findView(id);
  if (!view || !canRead(actor, view)) throw new AppError("not_found");
  return { actor, scope, view };
}

/** A vacancy the caller may change; 403 when they may only read it. */
export async function editable(deps: VacancyDeps, caller: Caller, id: string): Promise<Found> {
  const found = await readable(deps, caller, id);
  if (!canEdit(found.actor, found.view)) throw new AppError("forbidden");
  return found;
}
