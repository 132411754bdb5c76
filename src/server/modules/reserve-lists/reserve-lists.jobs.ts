import type { Jobs } from "../../platform/jobs";
import type { Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { todayIn } from "../vacancies";
import { RESERVE_LIST_EVENTS } from "./reserve-lists.events";
import { reserveListJobRepository } from "./reserve-lists.repository";

/**
 * The daily expiry warning: a reserve list that ends within 30 days warns its vacancy's owner
 * (else its contact person) once, through `reserve_list.expiring`. The lists are claimed with
 * `for update skip locked` and marked in the same statement, so two runs never warn twice.
 */
export const RESERVE_LIST_EXPIRY_JOB = "reserve-list-expiry";
export const RESERVE_LIST_EXPIRY_CRON = "0 7 * * *";
export const EXPIRY_WARNING_DAYS = 30;

export interface ReserveListJobDeps {
  store: Store;
  log?: (message: string) => void;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** One run at `now`: the lists it warned about. */
export async function runReserveListExpiry(
  deps: ReserveListJobDeps,
  now: Date = new Date(),
): Promise<{ today: string; warned: string[] }> {
  const today = todayIn(now);
  const warned = await deps.store.transaction(async (tx) => {
    const due = await tx
      .bind(systemScope("job"), reserveListJobRepository)
      .claimExpiring(today, addDays(today, EXPIRY_WARNING_DAYS), now);
    for (const list of due)
      await tx.emit({
        type: RESERVE_LIST_EVENTS.expiring,
        organisationId: list.organisationId,
        portalId: list.portalId,
        subject: { reserveListId: list.id, vacancyId: list.vacancyId },
        actorUserId: null,
        payload: { endsOn: list.endsOn, recipientUserId: list.recipientUserId },
      });
    return due.map((l) => l.id);
  });
  return { today, warned };
}

export function registerReserveListJobs(jobs: Jobs, deps: ReserveListJobDeps): Promise<void> {
  return jobs.schedule(RESERVE_LIST_EXPIRY_JOB, RESERVE_LIST_EXPIRY_CRON, async () => {
    const run = await runReserveListExpiry(deps);
    if (run.warned.length > 0)
      deps.log?.(`Reserve lists ${run.today}: ${run.warned.length} owners warned of the end`);
  });
}
