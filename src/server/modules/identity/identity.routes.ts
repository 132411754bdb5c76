import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { MeResponseSchema } from "../../../contracts/identity";
import { type Principal, principalOf } from "../../platform/access";
import { publicScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import { accountsRepository } from "./accounts.repository";
import { AUTH_BASE_PATH, type Auth } from "./auth";
import { createAuthGateway } from "./auth-gateway";
import { resolvePrincipal, sessionUserOf } from "./principal";

export { resolvePrincipal } from "./principal";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export async function registerIdentity(
  app: FastifyInstance,
  deps: { auth: Auth; store: Store; publicUrl: string },
): Promise<void> {
  const { auth, store } = deps;
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (request) => {
    request.principal = await resolvePrincipal(auth, request);
  });

  const forwardToAuth = createAuthGateway(deps);
  app.route({
    method: ["GET", "POST"],
    url: `${AUTH_BASE_PATH}/*`,
    config: { access: "public" },
    schema: { hide: true },
    handler: forwardToAuth,
  });

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
      if (!principal) return { user: null };
      // The account the session lookup read; by the session's user id otherwise.
      const accounts = store.bind(publicScope, accountsRepository);
      const sessionUser = sessionUserOf(request);
      const row = sessionUser ? null : await accounts.byId(principal.userId);
      const user =
        sessionUser ?? (row && { ...row, smsNumber: row.phoneNumberVerified ? row.phoneNumber : null });
      if (!user) return { user: null };
      // Without a confirmed number it is the app (no third statement for most requests); with one,
      // the app still leads while its secret exists (a number confirmed, the switch not finished).
      const secondFactor: "app" | "sms" | null = !user.twoFactorEnabled
        ? null
        : !user.smsNumber || (await accounts.hasAuthenticator(user.id))
          ? "app"
          : "sms";
      return {
        user: {
          id: user.id,
          name: user.name,
          email: user.email,
          avatarUrl: user.image,
          locale: user.locale,
          roles: [...principal.roles],
          twoFactorEnabled: user.twoFactorEnabled,
          needsTwoFactorSetup: principal.needsTwoFactorSetup === true,
          secondFactor,
          smsNumber: user.smsNumber,
        },
      };
    },
  );
}
