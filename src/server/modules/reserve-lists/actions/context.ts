import { AppError } from "../../../platform/errors";
import type { FileStorage } from "../../../platform/files";
import type { Store } from "../../../platform/store";
import type { MatchDeps } from "../../matches";
import type { Caller } from "../../tenancy";
import { todayIn, vacancyActorOf, vacancyScopeOf } from "../../vacancies";
import { managesReserve, procedureIsClosed, seesReserve } from "../reserve-lists.policy";
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
 * A vacancy whose reserve list and closing the caller may see (its staff, as for its applicants),
 * with whether they manage them: those who may change the vacancy, its owner, and the co-owners
 * and HR officer on its team. 404 for anything else, so ids cannot be probed.
 */
export async function vacancyContext(deps: ReserveListDeps, caller: Caller, vacancyId: string) {
  const [actor, scope] = await Promise.all([vacancyActorOf(caller), vacancyScopeOf(caller)]);
  const repo = deps.store.bind(scope, reserveListsRepository);
  const vacancy = await repo.vacancy(vacancyId);
  if (!vacancy || !seesReserve(actor, vacancy)) throw new AppError("not_found");
  const roles = await repo.teamRolesOf(vacancyId, actor.userId);
  return {
    actor,
    scope,
    vacancy,
    manages: managesReserve(actor, vacancy, roles),
    closed: procedureIsClosed(vacancy),
  };
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
