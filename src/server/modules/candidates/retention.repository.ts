import { and, asc, inArray, isNotNull, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import type { PlatformScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import type { CandidateRow } from "./candidates.repository";
import { candidates } from "./candidates.schema";

/*
 * The retention sweep over every profile (PlatformScope: the nightly job). Each step locks the
 * rows it changes with `for update skip locked`, so several processes can sweep at once.
 */

/** A reminder counts until the profile changes: a later change clears it. */
async function clearRetentionReminders(db: Db, _scope: PlatformScope): Promise<number> {
  const rows = await db
    .update(candidates)
    .set({ retentionRemindedAt: null })
    .where(
      and(
        isNotNull(candidates.retentionRemindedAt),
        isNull(candidates.anonymisedAt),
        sql`${candidates.profileUpdatedAt} > ${candidates.retentionRemindedAt}`,
      ),
    )
    .returning({ id: candidates.id });
  return rows.length;
}

/** Profiles unchanged since `staleBefore` and not reminded yet, locked (others' rows skipped). */
async function lockDueForReminder(
  db: Db,
  _scope: PlatformScope,
  staleBefore: Date,
  limit: number,
): Promise<CandidateRow[]> {
  return db
    .select()
    .from(candidates)
    .where(
      and(
        isNull(candidates.anonymisedAt),
        isNull(candidates.retentionRemindedAt),
        lt(candidates.profileUpdatedAt, staleBefore),
      ),
    )
    .orderBy(asc(candidates.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}

async function markReminded(db: Db, _scope: PlatformScope, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(candidates)
    .set({ retentionRemindedAt: now, updatedAt: now })
    .where(and(inArray(candidates.id, [...ids]), isNull(candidates.retentionRemindedAt)));
}

/** Profiles reminded before `remindedBefore` and unchanged since, locked (others' rows skipped). */
async function lockDueForAnonymisation(
  db: Db,
  _scope: PlatformScope,
  remindedBefore: Date,
  limit: number,
): Promise<CandidateRow[]> {
  return db
    .select()
    .from(candidates)
    .where(
      and(
        isNull(candidates.anonymisedAt),
        isNotNull(candidates.retentionRemindedAt),
        lt(candidates.retentionRemindedAt, remindedBefore),
        lte(candidates.profileUpdatedAt, candidates.retentionRemindedAt),
      ),
    )
    .orderBy(asc(candidates.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export const retentionRepository = repository<PlatformScope>()({
  clearRetentionReminders,
  lockDueForReminder,
  markReminded,
  lockDueForAnonymisation,
});
