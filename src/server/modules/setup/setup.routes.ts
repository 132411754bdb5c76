import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CompleteSetupRequestSchema,
  CompleteSetupResponseSchema,
  SetupStatusResponseSchema,
  SetupTokenSchema,
} from "../../../contracts/setup";
import { errorResponses } from "../../platform/http";
import { requestMessageLocale } from "../../platform/i18n";
import { publicScope } from "../../platform/scope";
import { portalFromHost } from "../../platform/tenancy";
import { completeSetup, type FirstRunDeps, setupStatus } from "./first-run";
import { setupPolicy } from "./setup.policy";
import { setupRepository } from "./setup.repository";

const errors = errorResponses(400, 409, 410);

export async function registerSetupRoutes(
  app: FastifyInstance,
  deps: FirstRunDeps & { baseDomain: string },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Caddy's on-demand TLS asks here before it fetches a certificate for a host (deploy/Caddyfile):
  // only the national domain and existing portals' subdomains get one, so a stranger pointing
  // random names at the server cannot make it request certificates without end.
  r.get(
    "/api/tls/ask",
    {
      config: { access: setupPolicy.askCertificate },
      schema: {
        tags: ["setup"],
        summary: "Whether a host name is one of this deployment's portals (reverse proxy TLS check)",
        querystring: z.object({ domain: z.string().min(1).max(253) }),
        response: { 200: z.object({ ok: z.literal(true) }), 404: z.object({ ok: z.literal(false) }) },
      },
    },
    async (request, reply) => {
      const host = request.query.domain.toLowerCase().replace(/\.$/, "");
      const base = deps.baseDomain.toLowerCase();
      const hostPortal = portalFromHost(host, base);
      const known =
        host === base || host === `www.${base}`
          ? true
          : hostPortal.kind === "portal" &&
            /^[a-z0-9-]+$/.test(hostPortal.slug) &&
            (await deps.store.bind(publicScope, setupRepository).portalSlugExists(hostPortal.slug));
      return known ? { ok: true as const } : reply.code(404).send({ ok: false as const });
    },
  );

  r.get(
    "/api/v1/setup",
    {
      config: { access: setupPolicy.useSetupLink },
      schema: {
        tags: ["setup"],
        summary: "Whether a first-run setup link still works (before showing its form)",
        querystring: z.object({ token: SetupTokenSchema }),
        response: { 200: SetupStatusResponseSchema, ...errors },
      },
    },
    async (request) => setupStatus(deps, request.query.token),
  );

  r.post(
    "/api/v1/setup",
    {
      config: { access: setupPolicy.useSetupLink },
      schema: {
        tags: ["setup"],
        summary: "Create the first platform administrator with the one-time setup link",
        body: CompleteSetupRequestSchema,
        response: { 201: CompleteSetupResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { email } = await completeSetup(deps, request.body, requestMessageLocale(request));
      return reply.code(201).send({ email, next: "sign-in" as const });
    },
  );
}
