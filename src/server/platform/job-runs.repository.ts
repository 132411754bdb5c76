import { eq, sql } from "drizzle-orm";
import { type Db, queryRows } from "./db";
import { type JOB_OUTCOMES, type JOB_TRIGGERS, jobRuns } from "./jobs.schema";
import type { PlatformScope } from "./scope";
import { repository } from "./store";

/*
 * Job runs belong to the platform, not to a tenant: the jobs wrapper writes them as the job
 * itself (no caller), and only the platform administrator reads them.
 */

export type JobRunRow = typeof jobRuns.$inferSelect;
export type JobTrigger = (typeof JOB_TRIGGERS)[number];
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

/** The newest runs kept per job; older ones go when a run finishes. */
const RUNS_KEPT_PER_JOB = 100;

export async function insertJobRun(
  db: Db,
  run: { name: string; trigger: JobTrigger; requestedBy: string | null; startedAt: Date },
): Promise<JobRunRow> {
  const [row] = await db.insert(jobRuns).values(run).returning();
  return row!;
}

/** Ends a run and drops the job's runs beyond the newest RUNS_KEPT_PER_JOB. */
export async function finishJobRun(
  db: Db,
  id: string,
  result: { outcome: Exclude<JobOutcome, "running">; error: string | null; finishedAt: Date },
): Promise<JobRunRow | null> {
  const [row] = await db.update(jobRuns).set(result).where(eq(jobRuns.id, id)).returning();
  if (row)
    await queryRows(
      db,
      sql`delete from job_runs where name = ${row.name} and id not in (
        select id from job_runs where name = ${row.name} order by started_at desc limit ${RUNS_KEPT_PER_JOB})`,
    );
  return row ?? null;
}

export const jobRunsRepository = repository<PlatformScope>()({
  /** The newest `perJob` runs of each named job, newest first. */
  async recent(db: Db, _scope: PlatformScope, names: readonly string[], perJob: number) {
    if (names.length === 0) return [];
    return queryRows<{
      id: string;
      name: string;
      trigger: JobTrigger;
      requested_by: string | null;
      started_at: string | Date;
      finished_at: string | Date | null;
      outcome: JobOutcome;
      error: string | null;
    }>(
      db,
      sql`select id, name, trigger, requested_by, started_at, finished_at, outcome, error from (
        select r.*, row_number() over (partition by name order by started_at desc) as n
        from job_runs r where r.name in ${sql`(${sql.join(
          names.map((n) => sql`${n}`),
          sql`, `,
        )})`}) ranked where n <= ${perJob} order by name, started_at desc`,
    );
  },
  async byId(db: Db, _scope: PlatformScope, id: string) {
    const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, id));
    return row ?? null;
  },
});
