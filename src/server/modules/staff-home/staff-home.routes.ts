import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { StaffDashboardResponseSchema } from "../../../contracts/staff-home";
import { errorResponses } from "../../platform/http";
import { callerOf } from "../tenancy";
import { type StaffHomeDeps, staffDashboard } from "./actions/dashboard";
import { staffHomePolicy } from "./staff-home.policy";

export interface StaffHomeRouteDeps {
  staffHome: StaffHomeDeps;
}

/** The staff member's home: what waits for them and their team's figures over time. */
export async function registerStaffHomeRoutes(app: FastifyInstance, deps: StaffHomeRouteDeps): Promise<void> {
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.get(
      "/api/v1/home/staff",
      {
        config: { access: staffHomePolicy.staff },
        schema: {
          tags: ["staff-home"],
          summary:
            "The staff dashboard: new applications, closing vacancies, verdicts, messages and invitations waiting, figures per week",
          response: { 200: StaffDashboardResponseSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => staffDashboard(deps.staffHome, callerOf(request)),
    );
  });
}
