import type { Audience } from "../../../contracts/vacancies";
import type { Jobs } from "../../platform/jobs";
import type { Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { todayIn } from "./publication";
import { publicationJobRepository } from "./publication-job.repository";
import { vacancyEvent } from "./vacancies.events";

/**
 * The publication job. Who sees a vacancy is decided at read time from its dates
 * (`publication.ts`); this job makes the stored state follow those dates: it closes published
 * vacancies whose closing date has passed (history and a `vacancy.closed` event, whose
 * subscriber mails the owner) and records, once per audience, the day a vacancy became visible
 * to it ("published_to" in the history, and a `vacancy.published_to` event).
 *
 * Safe to run in several processes at once: both steps lock the rows they change with
 * `for update skip locked` and re-check them, so each vacancy is closed (and its event written)
 * by exactly one run and each audience is announced once.
 */

export const VACANCY_PUBLICATION_JOB = "vacancy-publication";
export const VACANCY_PUBLICATION_CRON = "*/5 * * * *";
export { CLOSED_COMMENT } from "./publication-job.repository";

const ANNOUNCE_BATCH = 200;

export interface VacancyJobDeps {
  store: Store;
  log?: (message: string) => void;
}

export interface PublicationRun {
  today: string;
  /** Vacancies this run closed. */
  closed: string[];
  /** Audiences this run announced, per vacancy. */
  announced: Array<{ vacancyId: string; audience: Audience }>;
  /** Closing mails on their way: closed vacancies with an owner or contact person to write to. */
  mailed: number;
}

const job = () => systemScope("job");

async function closeExpired(store: Store, today: string, now: Date) {
  return store.transaction(async (tx) => {
    const closed = await tx.bind(job(), publicationJobRepository).closeExpired(today, now);
    for (const v of closed) {
      await tx.emit(
        vacancyEvent("vacancy.closed", { ...v, status: "closed" }, null, {
          previousStatus: "published",
          reason: "closing_date",
          closesOn: v.closesOn,
          // The subscriber writes to the owner, else the contact person.
          recipientUserId: v.ownerUserId ?? v.contactUserId,
        }),
      );
    }
    return closed;
  });
}

async function announceVisible(store: Store, today: string, now: Date): Promise<PublicationRun["announced"]> {
  const announced: PublicationRun["announced"] = [];
  for (;;) {
    const batch = await store.transaction(async (tx) => {
      const result = await tx.bind(job(), publicationJobRepository).announceBatch(today, now, ANNOUNCE_BATCH);
      for (const { vacancy, audiences } of result.done) {
        await tx.emit(vacancyEvent("vacancy.published_to", vacancy, null, { audiences }));
      }
      return result;
    });
    for (const { vacancy, audiences } of batch.done)
      for (const audience of audiences) announced.push({ vacancyId: vacancy.id, audience });
    // A short batch was the last; a batch without progress would only repeat itself.
    if (batch.selected < ANNOUNCE_BATCH || batch.done.length === 0) return announced;
  }
}

/** One sweep at `now`: close what has passed its closing date, then announce what became visible. */
export async function runVacancyPublication(
  deps: VacancyJobDeps,
  now: Date = new Date(),
): Promise<PublicationRun> {
  const today = todayIn(now);
  const closed = await closeExpired(deps.store, today, now);
  const announced = await announceVisible(deps.store, today, now);
  return {
    today,
    closed: closed.map((v) => v.id),
    announced,
    mailed: closed.filter((v) => (v.ownerUserId ?? v.contactUserId) !== null).length,
  };
}

/** Runs the sweep every five minutes (cron slots are shared by all instances). */
export function registerVacancyJobs(jobs: Jobs, deps: VacancyJobDeps): Promise<void> {
  return jobs.schedule(VACANCY_PUBLICATION_JOB, VACANCY_PUBLICATION_CRON, async () => {
    const run = await runVacancyPublication(deps);
    if (run.closed.length > 0 || run.announced.length > 0) {
      deps.log?.(
        `Vacancy publication ${run.today}: ${run.closed.length} closed (${run.mailed} to mail), ${run.announced.length} audiences announced`,
      );
    }
  });
}
