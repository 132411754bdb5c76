import type { Jobs } from "../../platform/jobs";
import type { Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { PLACEMENT_EVENTS } from "./placements.events";
import { timesheetEventsRepository } from "./placements.repository";

/** Every morning at seven, Dutch time: the digests of contacts who chose one mail a day. */
export const TIMESHEET_DIGEST_JOB = "timesheet-digest";
export const TIMESHEET_DIGEST_CRON = "0 7 * * *";

export interface PlacementJobDeps {
  store: Store;
}

/**
 * Takes the weeks queued for each contact's digest under one digest id per person and writes a
 * `timesheet.digest_due` event for each, in one transaction; the subscriber mails them. Safe to
 * run twice or in two processes: a queued week is taken once. Returns the digests made.
 */
export async function runTimesheetDigest(deps: PlacementJobDeps): Promise<number> {
  return deps.store.transaction(async (tx) => {
    const digests = await tx.bind(systemScope("job"), timesheetEventsRepository).takeDigests();
    for (const digest of digests)
      await tx.emit({
        type: PLACEMENT_EVENTS.digestDue,
        organisationId: digest.organisationId,
        portalId: null,
        subject: { userId: digest.userId },
        actorUserId: null,
        payload: { digestId: digest.digestId, userId: digest.userId },
      });
    return digests.length;
  });
}

export async function registerPlacementJobs(jobs: Jobs, deps: PlacementJobDeps): Promise<void> {
  await jobs.schedule(TIMESHEET_DIGEST_JOB, TIMESHEET_DIGEST_CRON, async () => {
    await runTimesheetDigest(deps);
  });
}
