import { queryOptions } from "@tanstack/react-query";
import { JobRunResponseSchema, ScheduledJobListResponseSchema } from "../../../contracts/jobs";
import { api } from "../../api";

export const jobKeys = { all: ["admin", "jobs"] as const };

/** The installation's scheduled jobs with their last runs (platform administrator). */
export const scheduledJobsQuery = queryOptions({
  queryKey: jobKeys.all,
  queryFn: ({ signal }) => api("/api/v1/admin/jobs", ScheduledJobListResponseSchema, { signal }),
});

/** Runs a job now; resolves with the finished run (its outcome may be "failed"). */
export async function runJobNow(name: string) {
  return (
    await api(`/api/v1/admin/jobs/${encodeURIComponent(name)}/run`, JobRunResponseSchema, { method: "POST" })
  ).run;
}
