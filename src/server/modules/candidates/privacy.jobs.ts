import type { FileStorage } from "../../platform/files";
import type { Jobs } from "../../platform/jobs";
import type { PlatformScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { hideEverywhere, reconcileConsents } from "./actions/consents";
import { anonymiseAccount, anonymiseProfiles, deleteFiles } from "./actions/erase";
import { CANDIDATE_EVENTS } from "./candidates.events";
import { type CandidateRow, profilesRepository } from "./candidates.repository";
import { erasureRepository } from "./erasure.repository";
import { retentionRepository } from "./retention.repository";

/**
 * Retention (issue 5 part 7): a candidate profile nobody changed for RETENTION_MONTHS is hidden
 * everywhere and its owner gets a reminder with a link to the profile; a change to the profile
 * clears the reminder (the profile stays hidden until the candidate shows it again). Still
 * unchanged RETENTION_GRACE_DAYS after the reminder, the profile is anonymised with the same
 * functions as "delete my account"; when it was the person's last profile and they have no
 * staff role, their account too.
 *
 * Safe in several processes at once: each step locks the rows it changes with
 * `for update skip locked` in one transaction and re-checks them there, so every profile is
 * reminded once and anonymised once. The reminder is an event in the same transaction
 * (`candidate.retention_reminded`); its mail is sent by the subscriber in candidates.events.ts.
 * File deletion follows the commit.
 */

export const CANDIDATE_RETENTION_JOB = "candidate-retention";
/** Every night at 03:30, Dutch time. */
export const CANDIDATE_RETENTION_CRON = "30 3 * * *";

const BATCH = 100;
const DAY_MS = 86_400_000;

export interface RetentionDeps {
  /** Repositories and the outbox (the app's event bus delivers the reminder mails). */
  store: Store;
  files: FileStorage;
  retentionMonths: number;
  graceDays: number;
  log?: (message: string) => void;
}

export interface RetentionRun {
  /** Reminders cleared because the profile changed after them. */
  cleared: number;
  /** Profiles reminded and hidden by this run. */
  reminded: string[];
  /** Reminder mails queued (profiles with an address to write to). */
  mailed: number;
  /** Profiles anonymised by this run. */
  anonymised: string[];
  /** Accounts anonymised with their last profile. */
  erasedUsers: string[];
}

/** `now` minus whole calendar months (the 31st falls back to the month's last day). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  const dayOfMonth = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(dayOfMonth, last));
  return d;
}

/** One batch: hides the due profiles, marks them reminded and queues each reminder. */
async function remindBatch(deps: RetentionDeps, scope: PlatformScope, staleBefore: Date, now: Date) {
  const anonymiseOn = new Date(now.getTime() + deps.graceDays * DAY_MS);
  return deps.store.transaction(async (tx) => {
    const due = await tx.bind(scope, retentionRepository).lockDueForReminder(staleBefore, BATCH);
    let mailed = 0;
    for (const row of due) {
      await reconcileConsents(tx, scope, [row], null, now);
      await hideEverywhere(tx, scope, row, "system", null, now);
      const user = row.userId ? await tx.bind(scope, profilesRepository).person(row.userId) : null;
      if ((user && !user.deactivatedAt ? user.email : row.email) !== null) mailed++;
      await tx.emit({
        type: CANDIDATE_EVENTS.retentionReminded,
        organisationId: null,
        portalId: row.portalId,
        subject: { candidateId: row.id },
        actorUserId: null,
        payload: { lastUpdated: row.profileUpdatedAt.toISOString(), anonymiseOn: anonymiseOn.toISOString() },
      });
    }
    await tx.bind(scope, retentionRepository).markReminded(
      due.map((r) => r.id),
      now,
    );
    return { reminded: due.map((r) => r.id), mailed };
  });
}

async function anonymiseBatch(deps: RetentionDeps, scope: PlatformScope, remindedBefore: Date, now: Date) {
  return deps.store.transaction(async (tx) => {
    const due = await tx.bind(scope, retentionRepository).lockDueForAnonymisation(remindedBefore, BATCH);
    const erase = tx.bind(scope, erasureRepository);
    const erasure = { source: "system" as const, reason: "retention" as const, actorUserId: null, now };
    const keys: string[] = [];
    const erasedUsers: string[] = [];
    const byPerson = new Map<string, CandidateRow[]>();
    for (const row of due) {
      const key = row.userId ?? `candidate:${row.id}`;
      byPerson.set(key, [...(byPerson.get(key) ?? []), row]);
    }
    const anonymised: string[] = [];
    for (const rows of byPerson.values()) {
      const userId = rows[0]!.userId;
      if (!userId) {
        keys.push(...(await anonymiseProfiles(tx, scope, rows, null, erasure)));
        anonymised.push(...rows.map((r) => r.id));
        continue;
      }
      // Someone else is busy with this person (they are deleting their account): next run.
      const user = await erase.lockUser(userId, { skipLocked: true });
      if (!user) continue;
      anonymised.push(...rows.map((r) => r.id));
      const ids = new Set(rows.map((r) => r.id));
      const others = (await tx.bind(scope, profilesRepository).profilesOf(userId)).filter(
        (r) => r.anonymisedAt === null && !ids.has(r.id),
      );
      if (others.length === 0 && !(await erase.hasStaffRoles(userId))) {
        keys.push(...(await anonymiseAccount(tx, scope, user, rows, erasure)));
        erasedUsers.push(userId);
        continue;
      }
      // The person keeps their account (another profile, or a staff role): only these profiles go,
      // with the candidate role on portals where they have no other profile.
      keys.push(...(await anonymiseProfiles(tx, scope, rows, null, erasure, { keepMailTo: [user.email] })));
      for (const row of rows) {
        if (!others.some((o) => o.portalId === row.portalId))
          await erase.deleteCandidateMembership(userId, row.portalId);
      }
    }
    return { anonymised, keys, erasedUsers, selected: due.length };
  });
}

/** One sweep at `now`. Idempotent: a second run at the same moment finds nothing to do. */
export async function runCandidateRetention(
  deps: RetentionDeps,
  now: Date = new Date(),
): Promise<RetentionRun> {
  const scope = systemScope("job");
  const run: RetentionRun = { cleared: 0, reminded: [], mailed: 0, anonymised: [], erasedUsers: [] };
  run.cleared = await deps.store.bind(scope, retentionRepository).clearRetentionReminders();

  const staleBefore = monthsBefore(now, deps.retentionMonths);
  for (;;) {
    const batch = await remindBatch(deps, scope, staleBefore, now);
    run.reminded.push(...batch.reminded);
    run.mailed += batch.mailed;
    if (batch.reminded.length < BATCH) break;
  }

  const remindedBefore = new Date(now.getTime() - deps.graceDays * DAY_MS);
  for (;;) {
    const batch = await anonymiseBatch(deps, scope, remindedBefore, now);
    run.anonymised.push(...batch.anonymised);
    run.erasedUsers.push(...batch.erasedUsers);
    await deleteFiles(deps, batch.keys);
    if (batch.selected < BATCH || batch.anonymised.length === 0) break;
  }
  return run;
}

/** Runs the sweep once a night (cron slots are shared by all instances). */
export function registerCandidateRetentionJob(jobs: Jobs, deps: RetentionDeps): Promise<void> {
  return jobs.schedule(CANDIDATE_RETENTION_JOB, CANDIDATE_RETENTION_CRON, async () => {
    const run = await runCandidateRetention(deps);
    if (run.cleared + run.reminded.length + run.anonymised.length > 0) {
      deps.log?.(
        `Candidate retention: ${run.reminded.length} reminded (${run.mailed} mails queued) and hidden, ${run.cleared} reminders cleared, ${run.anonymised.length} profiles and ${run.erasedUsers.length} accounts anonymised`,
      );
    }
  });
}
