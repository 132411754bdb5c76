import type { FileStorage } from "../../../platform/files";
import type { Sealer } from "../../../platform/secrets";
import type { Store } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { todayIn } from "../../vacancies";

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
