import { AppError } from "../../../platform/errors";
import type { FileStorage } from "../../../platform/files";
import type { Store } from "../../../platform/store";
import { applicantContext } from "../../applicants";
import type { MatchDeps } from "../../matches";
import type { Caller } from "../../tenancy";
import { todayIn, vacancyScopeOf } from "../../vacancies";
import { type ReserveListRow, reserveListsRepository } from "../reserve-lists.repository";

/** What the reserve-list and closing actions work with. */
export interface ReserveListDeps {
  store: Store;
  files: FileStorage;
  /** The matches module's actions (moves, new matches) run with these, its step hooks included. */
  matches: MatchDeps;
  /** Today's date in the Netherlands and Belgium; tests may pin it. */
  today?: () => string;
}

export const todayOf = (deps: ReserveListDeps) => (deps.today ?? (() => todayIn()))();

/**
 * A vacancy whose reserve list and closing the caller may see: the applicants module's rule
 * (`applicantContext`: its staff, and read only its leader and jury; 404 for anything else, so
 * ids cannot be probed), with whether they manage them (those who manage its applicants) and
 * whether its procedure is closed.
 */
export async function vacancyContext(deps: ReserveListDeps, caller: Caller, vacancyId: string) {
  const { actor, scope, vacancy, manages, closed } = await applicantContext(deps, caller, vacancyId);
  return { actor, scope, vacancy, manages, closed };
}
export type VacancyContext = Awaited<ReturnType<typeof vacancyContext>>;

/** A reserve list the caller may see, with its vacancy's context; 404 for anything else. */
export async function listContext(
  deps: ReserveListDeps,
  caller: Caller,
  listId: string,
): Promise<VacancyContext & { list: ReserveListRow }> {
  const scope = await vacancyScopeOf(caller);
  const list = await deps.store.bind(scope, reserveListsRepository).find(listId);
  if (!list) throw new AppError("not_found");
  return { ...(await vacancyContext(deps, caller, list.vacancyId)), list };
}
