import type { JobRun } from "../../../contracts/jobs";
import type { JobRunRow } from "../../platform/job-runs.repository";

const iso = (value: Date | string) => new Date(value).toISOString();

export function presentJobRun(row: JobRunRow): JobRun {
  return {
    id: row.id,
    name: row.name,
    trigger: row.trigger,
    startedAt: iso(row.startedAt),
    finishedAt: row.finishedAt ? iso(row.finishedAt) : null,
    outcome: row.outcome,
    error: row.error,
  };
}
