import type { Db } from "../../platform/db";
import type { FileStorage } from "../../platform/files";
import type { Jobs } from "../../platform/jobs";
import type { Mailer } from "../../platform/mail";
import { mailLocale, profileRetentionReminder } from "../../platform/mail-templates";
import { portalUrl } from "../../platform/tenancy";
import { recordAudit } from "../identity/audit.repository";
import { allPortals, type CandidateRow, candidatesOfUser } from "./candidates.repository";
import {
  clearRetentionReminders,
  deleteCandidateMembership,
  findUser,
  hasStaffRoles,
  lockDueForAnonymisation,
  lockDueForReminder,
  lockUser,
  markReminded,
  type UserRow,
} from "./privacy.repository";
import { anonymiseAccount, anonymiseProfiles, deleteFiles, hideForRetention } from "./privacy.service";

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
 * reminded (and mailed) once and anonymised once. Mail and file deletion follow the commit.
 */

export const CANDIDATE_RETENTION_JOB = "candidate-retention";
/** Every night at 03:30, Dutch time. */
export const CANDIDATE_RETENTION_CRON = "30 3 * * *";

const BATCH = 100;
const DAY_MS = 86_400_000;

export interface RetentionDeps {
  db: Db;
  mailer: Mailer;
  files: FileStorage;
  /** Public URL of the national portal; a portal's URL is derived from it. */
  publicUrl: string;
  retentionMonths: number;
  graceDays: number;
  log?: (message: string) => void;
}

export interface RetentionRun {
  /** Reminders cleared because the profile changed after them. */
  cleared: number;
  /** Profiles reminded and hidden by this run. */
  reminded: string[];
  /** Reminder mails sent. */
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

interface Reminder {
  row: CandidateRow;
  user: UserRow | null;
}

async function remindBatch(db: Db, staleBefore: Date, now: Date): Promise<Reminder[]> {
  return db.transaction(async (tx) => {
    const due = await lockDueForReminder(tx, staleBefore, BATCH);
    const out: Reminder[] = [];
    for (const row of due) {
      await hideForRetention(tx, row, now);
      out.push({ row, user: row.userId ? await findUser(tx, row.userId) : null });
    }
    await markReminded(
      tx,
      due.map((r) => r.id),
      now,
    );
    return out;
  });
}

async function mailReminders(deps: RetentionDeps, reminders: Reminder[], now: Date): Promise<number> {
  if (reminders.length === 0) return 0;
  const portals = new Map((await allPortals(deps.db)).map((p) => [p.id, p]));
  const anonymiseOn = new Date(now.getTime() + deps.graceDays * DAY_MS);
  let sent = 0;
  for (const { row, user } of reminders) {
    const to = user && !user.deactivatedAt ? user.email : row.email;
    const portal = portals.get(row.portalId);
    if (!to || !portal) continue;
    const locale = mailLocale(user?.locale);
    const profileUrl = new URL(
      "profiel",
      portalUrl(deps.publicUrl, portal.parentId === null ? null : portal.slug),
    ).toString();
    try {
      await deps.mailer.send({
        to,
        ...profileRetentionReminder({
          locale,
          portalName: locale === "nl" ? portal.nameNl : portal.nameEn,
          name: user?.name ?? `${row.firstName} ${row.lastName}`.trim(),
          lastUpdated: row.profileUpdatedAt,
          anonymiseOn,
          profileUrl,
        }),
      });
      sent++;
    } catch (error) {
      // The profile is hidden and reminded either way; a retry would not find it again.
      deps.log?.(
        `Candidate ${row.id}: retention reminder failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return sent;
}

async function anonymiseBatch(deps: RetentionDeps, remindedBefore: Date, now: Date) {
  return deps.db.transaction(async (tx) => {
    const due = await lockDueForAnonymisation(tx, remindedBefore, BATCH);
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
        keys.push(...(await anonymiseProfiles(tx, rows, null, "system", now)));
        anonymised.push(...rows.map((r) => r.id));
        continue;
      }
      // Someone else is busy with this person (they are deleting their account): next run.
      const user = await lockUser(tx, userId, { skipLocked: true });
      if (!user) continue;
      anonymised.push(...rows.map((r) => r.id));
      const ids = new Set(rows.map((r) => r.id));
      const others = (await candidatesOfUser(tx, userId)).filter(
        (r) => r.anonymisedAt === null && !ids.has(r.id),
      );
      if (others.length === 0 && !(await hasStaffRoles(tx, userId))) {
        keys.push(...(await anonymiseAccount(tx, user, rows, "system", now)));
        erasedUsers.push(userId);
        continue;
      }
      // The person keeps their account (another profile, or a staff role): only these profiles go,
      // with the candidate role on portals where they have no other profile.
      keys.push(...(await anonymiseProfiles(tx, rows, null, "system", now, { keepMailTo: [user.email] })));
      for (const row of rows) {
        if (!others.some((o) => o.portalId === row.portalId))
          await deleteCandidateMembership(tx, userId, row.portalId);
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
  const run: RetentionRun = { cleared: 0, reminded: [], mailed: 0, anonymised: [], erasedUsers: [] };
  run.cleared = await clearRetentionReminders(deps.db);

  const staleBefore = monthsBefore(now, deps.retentionMonths);
  for (;;) {
    const reminders = await remindBatch(deps.db, staleBefore, now);
    run.reminded.push(...reminders.map((r) => r.row.id));
    run.mailed += await mailReminders(deps, reminders, now);
    if (reminders.length < BATCH) break;
  }

  const remindedBefore = new Date(now.getTime() - deps.graceDays * DAY_MS);
  for (;;) {
    const batch = await anonymiseBatch(deps, remindedBefore, now);
    run.anonymised.push(...batch.anonymised);
    run.erasedUsers.push(...batch.erasedUsers);
    await deleteFiles(deps, batch.keys);
    for (const userId of batch.erasedUsers) {
      await recordAudit(deps.db, {
        type: "account_erased",
        userId,
        actorUserId: null,
        organisationIds: [],
        details: { reason: "retention" },
      });
    }
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
        `Candidate retention: ${run.reminded.length} reminded (${run.mailed} mailed) and hidden, ${run.cleared} reminders cleared, ${run.anonymised.length} profiles and ${run.erasedUsers.length} accounts anonymised`,
      );
    }
  });
}
