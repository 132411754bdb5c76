import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { ContactDashboardResponseSchema } from "../../../contracts/contact-home";
import { errorResponses } from "../../platform/http";
import { callerOf } from "../tenancy";
import { type ContactHomeDeps, contactDashboard } from "./actions/dashboard";
import { contactHomePolicy } from "./contact-home.policy";

export interface ContactHomeRouteDeps {
  contactHome: ContactHomeDeps;
}

/** The employer contact's home: the dashboard of what waits for them. */
export async function registerContactHomeRoutes(
  app: FastifyInstance,
  deps: ContactHomeRouteDeps,
): Promise<void> {
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.get(
      "/api/v1/contact/dashboard",
      {
        config: { access: contactHomePolicy.contact },
        schema: {
          tags: ["contact-home"],
          summary:
            "The employer contact's dashboard: active vacancies, proposed candidates to review, figures per month",
          response: { 200: ContactDashboardResponseSchema, ...errorResponses(401, 403) },
        },
      },
      async (request) => contactDashboard(deps.contactHome, callerOf(request)),
    );
  });
}
