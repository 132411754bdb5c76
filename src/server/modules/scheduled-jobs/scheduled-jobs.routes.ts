import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { JobRunResponseSchema, ScheduledJobListResponseSchema } from "../../../contracts/jobs";
import { errorResponses } from "../../platform/http";
import { callerOf } from "../tenancy";
import { listScheduledJobs, runScheduledJob, type ScheduledJobsDeps } from "./actions/jobs";
import { scheduledJobsPolicy } from "./scheduled-jobs.policy";

const errors = errorResponses(401, 403, 404, 409);
const JobParams = z.object({ name: z.string().regex(/^[a-z0-9-]{1,100}$/) });

/** The installation's scheduled jobs for the platform administrator: their runs, and "run now". */
export async function registerScheduledJobRoutes(
  app: FastifyInstance,
  deps: { scheduledJobs: ScheduledJobsDeps },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: scheduledJobsPolicy.admin };
  const tags = ["platform administration"];

  r.get(
    "/api/v1/admin/jobs",
    {
      config,
      schema: {
        tags,
        summary: "Every scheduled job with its cron expression and its last runs",
        response: { 200: ScheduledJobListResponseSchema, ...errors },
      },
    },
    async (request) => listScheduledJobs(deps.scheduledJobs, callerOf(request)),
  );

  r.post(
    "/api/v1/admin/jobs/:name/run",
    {
      config,
      schema: {
        tags,
        summary: "Run a scheduled job now; answers the run when it has finished, failed or not",
        params: JobParams,
        response: { 200: JobRunResponseSchema, ...errors },
      },
    },
    async (request) => runScheduledJob(deps.scheduledJobs, callerOf(request), request.params.name),
  );
}
