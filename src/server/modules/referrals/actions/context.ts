import { AppError } from "../../../platform/errors";
import type { TenantScope } from "../../../platform/scope";
import type { MatchDeps } from "../../matches";
import type { Caller } from "../../tenancy";
import { type VacancyActor, vacancyActorOf, vacancyScopeOf } from "../../vacancies";
import { type ReferralReach, referralsRepository } from "../referrals.repository";

/** What the referral actions work with: the matches' deps (store, files, the step hooks). */
export type ReferralDeps = MatchDeps;

export interface StaffReach {
  actor: VacancyActor;
  /** The organisations whose referrals the caller works with. */
  scope: TenantScope;
  reach: ReferralReach;
}

/**
 * The organisation's side: those who manage its vacancies see its referred candidates; a staff
 * member limited to sites sees only those sites' vacancies. Anyone else gets 403.
 */
export async function staffReach(deps: ReferralDeps, caller: Caller): Promise<StaffReach> {
  const [actor, readable] = await Promise.all([vacancyActorOf(caller), vacancyScopeOf(caller)]);
  const managed = [...new Set([...actor.managerOf, ...actor.accountManagerFor, ...actor.selectionOf])];
  if (!actor.platformAdmin && managed.length === 0) throw new AppError("forbidden");
  const scope = actor.platformAdmin ? readable : caller.narrow(readable, managed);
  const limits = await deps.store.bind(scope, referralsRepository).siteLimits(caller.userId());
  return { actor, scope, reach: { sites: limits.length > 0 ? limits : null } };
}
