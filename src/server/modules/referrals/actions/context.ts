import { AppError } from "../../../platform/errors";
import type { FileStorage } from "../../../platform/files";
import type { TenantScope } from "../../../platform/scope";
import type { Sealer } from "../../../platform/secrets";
import type { Store } from "../../../platform/store";
import type { MatchDeps } from "../../matches";
import type { Caller } from "../../tenancy";
import { todayIn, type VacancyActor, vacancyActorOf, vacancyScopeOf } from "../../vacancies";
import type { ReferralReach } from "../referrals.repository";

/** What the referrer's actions work with: repositories through the store, never the database. */
export interface ReferrerDeps {
  store: Store;
  files: FileStorage;
  /** Seals the confirmation token into the event that mails it. */
  sealer: Sealer;
  /** Public URL of the national portal; a portal's URL is derived from it. */
  publicUrl: string;
  /** Today's date in the Netherlands; tests may pin it. */
  today?: () => string;
}

export const today = (deps: ReferrerDeps) => (deps.today ?? (() => todayIn()))();

/**
 * The referrer and the organisations they refer for (each a whole family). What they see of
 * referrals is further limited to their own (`referrer_user_id`).
 */
export async function referrerOf(caller: Caller) {
  const scope = await caller.scopeAs(["referrer"]);
  return { scope, userId: caller.userId() };
}

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
export async function staffReach(_deps: ReferralDeps, caller: Caller): Promise<StaffReach> {
  const [actor, readable] = await Promise.all([vacancyActorOf(caller), vacancyScopeOf(caller)]);
  const managed = [...new Set([...actor.managerOf, ...actor.accountManagerFor, ...actor.selectionOf])];
  if (!actor.platformAdmin && managed.length === 0) throw new AppError("forbidden");
  const scope = actor.platformAdmin ? readable : caller.narrow(readable, managed);
  return { actor, scope, reach: { userId: actor.platformAdmin ? null : caller.userId() } };
}
