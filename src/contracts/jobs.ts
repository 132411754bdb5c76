import { z } from "zod";

/** Scheduled jobs and their runs, for the platform administrator's "Taken" screen (issue 17 part 7). */

export const JOB_RUN_TRIGGERS = ["schedule", "queue", "manual", "cli", "start"] as const;
export const JOB_RUN_OUTCOMES = ["running", "ok", "failed"] as const;

export const JobRunSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  trigger: z.enum(JOB_RUN_TRIGGERS),
  /** ISO timestamps. */
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  outcome: z.enum(JOB_RUN_OUTCOMES),
  /** The error's message when the run failed. */
  error: z.string().nullable(),
});
export type JobRun = z.infer<typeof JobRunSchema>;

export const ScheduledJobSchema = z.object({
  name: z.string(),
  /** Cron expression (minute hour day month weekday) read in `timeZone`. */
  cron: z.string(),
  timeZone: z.string(),
  /** Whether a run of it is going on in the process that answered. */
  running: z.boolean(),
  /** The newest runs first (at most 10). */
  lastRuns: z.array(JobRunSchema),
});
export type ScheduledJob = z.infer<typeof ScheduledJobSchema>;

export const ScheduledJobListResponseSchema = z.object({
  /** Whether jobs run on their schedule in this installation (JOBS=on); manual runs work either way. */
  scheduling: z.boolean(),
  jobs: z.array(ScheduledJobSchema),
});
export type ScheduledJobListResponse = z.infer<typeof ScheduledJobListResponseSchema>;

export const JobRunResponseSchema = z.object({ run: JobRunSchema });
export type JobRunResponse = z.infer<typeof JobRunResponseSchema>;
