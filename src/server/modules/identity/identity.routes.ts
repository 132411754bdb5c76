import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { MeResponseSchema } from "../../../contracts/identity";
import { principalOf } from "../../platform/access";

/**
 * Who is signed in. Sign-in itself arrives with the identity work (better-auth); until then
 * every caller is a visitor and this answers `{ user: null }`.
 */
export async function registerIdentity(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/me",
    {
      config: { access: "public" },
      schema: {
        tags: ["identity"],
        summary: "The signed-in user, or null",
        response: { 200: MeResponseSchema },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return { user: principal ? { id: principal.userId, name: "", roles: [...principal.roles] } : null };
    },
  );
}
