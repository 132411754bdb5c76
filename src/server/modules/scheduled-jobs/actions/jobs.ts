import type { JobRunResponse, ScheduledJobListResponse } from "../../../../contracts/jobs";
import { AppError } from "../../../platform/errors";
import { type JobRunRow, jobRunsRepository } from "../../../platform/job-runs.repository";
import { JobAlreadyRunningError, type Jobs, UnknownJobError } from "../../../platform/jobs";
import type { PlatformScope } from "../../../platform/scope";
import type { Store } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { presentJobRun } from "../scheduled-jobs.presenter";

export interface ScheduledJobsDeps {
  store: Store;
  jobs: Jobs;
  /** Whether jobs run on their schedule here (JOBS=on). */
  scheduling: boolean;
}

const RUNS_SHOWN = 10;

async function platformScopeOf(caller: Caller): Promise<PlatformScope> {
  const scope = await caller.scopeAs(["platform_admin"]);
  if (scope.kind !== "platform") throw new AppError("forbidden");
  return scope;
}

/** Every scheduled job with its cron and its newest runs. */
export async function listScheduledJobs(
  deps: ScheduledJobsDeps,
  caller: Caller,
): Promise<ScheduledJobListResponse> {
  const scope = await platformScopeOf(caller);
  const scheduled = deps.jobs.scheduled();
  const rows = await deps.store.bind(scope, jobRunsRepository).recent(
    scheduled.map((job) => job.name),
    RUNS_SHOWN,
  );
  const runsOf = new Map<string, JobRunRow[]>();
  for (const row of rows) {
    const run: JobRunRow = {
      id: row.id,
      name: row.name,
      trigger: row.trigger,
      requestedBy: row.requested_by,
      startedAt: new Date(row.started_at),
      finishedAt: row.finished_at === null ? null : new Date(row.finished_at),
      outcome: row.outcome,
      error: row.error,
    };
    runsOf.set(row.name, [...(runsOf.get(row.name) ?? []), run]);
  }
  return {
    scheduling: deps.scheduling,
    jobs: scheduled.map((job) => ({
      name: job.name,
      cron: job.cron,
      timeZone: job.timeZone,
      running: deps.jobs.isRunning(job.name),
      lastRuns: (runsOf.get(job.name) ?? []).map(presentJobRun),
    })),
  };
}

/** Runs a scheduled job here and now, and answers its recorded run (failed runs too). */
export async function runScheduledJob(
  deps: ScheduledJobsDeps,
  caller: Caller,
  name: string,
): Promise<JobRunResponse> {
  await platformScopeOf(caller);
  if (!deps.jobs.scheduled().some((job) => job.name === name)) throw new AppError("job_not_found");
  try {
    const run = await deps.jobs.runRecorded(name, { trigger: "manual", requestedBy: caller.userId() });
    return { run: presentJobRun(run) };
  } catch (error) {
    if (error instanceof UnknownJobError) throw new AppError("job_not_found");
    if (error instanceof JobAlreadyRunningError) throw new AppError("job_already_running");
    throw error;
  }
}
