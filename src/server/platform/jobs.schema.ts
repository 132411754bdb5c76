import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * How a job run began: its cron slot, a queued job, a platform admin's button, `npm run job`, or
 * the server's start (the file sweep).
 */
export const JOB_TRIGGERS = ["schedule", "queue", "manual", "cli", "start"] as const;
export const JOB_OUTCOMES = ["running", "ok", "failed"] as const;

/**
 * Every run of a background job (decision 0035), written by the wrapper in `jobs.ts` around each
 * handler: the platform's record of what ran, when and how it ended. A run left "running" is one
 * whose process died; the newest runs per job are kept.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    trigger: text("trigger", { enum: JOB_TRIGGERS }).notNull(),
    /** The platform admin who pressed "Nu uitvoeren" (a user id; no reference, the record stays). */
    requestedBy: text("requested_by"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    outcome: text("outcome", { enum: JOB_OUTCOMES }).notNull().default("running"),
    error: text("error"),
  },
  (t) => [index("job_runs_name_started_idx").on(t.name, t.startedAt)],
);
