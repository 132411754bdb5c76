import { symmetricEncrypt } from "better-auth/crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorResponseSchema } from "../../../contracts/common";
import { LoginMethodRequestSchema, LoginMethodResponseSchema } from "../../../contracts/identity";
import { requirePrincipal } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { organisationIdsOfUser } from "../tenancy/tenancy.repository";
import type { Auth } from "./auth";
import { identityPolicy } from "./identity.policy";
import {
  emailDomainOf,
  findSsoConnectionByDomain,
  insertSsoConnection,
  listSsoConnections,
  type SsoConnectionRow,
} from "./sso.repository";

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema };

const SsoConnectionSchema = z.object({
  id: z.string(),
  organisationId: z.string(),
  emailDomain: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  createdAt: z.string(),
});
const CreateSsoConnectionSchema = z.object({
  organisationId: z.uuid(),
  emailDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/),
  issuer: z.url().max(500),
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().min(1).max(500),
});

/** The secret stays on the server. */
const present = ({ clientSecret: _secret, createdAt, ...rest }: SsoConnectionRow) => ({
  ...rest,
  createdAt: createdAt.toISOString(),
});

export async function registerSsoRoutes(app: FastifyInstance, deps: { auth: Auth; db: Db }): Promise<void> {
  const { auth, db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function scopeOf(request: FastifyRequest): Promise<readonly string[] | "all"> {
    const principal = requirePrincipal(request);
    if (principal.roles.includes("platform_admin")) return "all";
    return organisationIdsOfUser(db, principal.userId, ["org_admin"]);
  }

  r.post(
    "/api/v1/auth/login-method",
    {
      config: { access: identityPolicy.loginMethod },
      schema: {
        tags: ["identity"],
        summary: "Whether an e-mail domain signs in with its organisation's Microsoft account",
        body: LoginMethodRequestSchema,
        response: { 200: LoginMethodResponseSchema },
      },
    },
    async (request) => {
      const domain = emailDomainOf(request.body.email);
      const connection = domain ? await findSsoConnectionByDomain(db, domain) : null;
      return { method: connection ? ("sso" as const) : ("password" as const) };
    },
  );

  r.get(
    "/api/v1/sso-connections",
    {
      config: { access: identityPolicy.manageSso },
      schema: {
        tags: ["identity"],
        summary: "Microsoft (OpenID Connect) sign-in set up for your organisations",
        response: { 200: z.object({ items: z.array(SsoConnectionSchema) }), ...errors },
      },
    },
    async (request) => ({ items: (await listSsoConnections(db, await scopeOf(request))).map(present) }),
  );

  r.post(
    "/api/v1/sso-connections",
    {
      config: { access: identityPolicy.manageSso },
      schema: {
        tags: ["identity"],
        summary: "Set up Microsoft (OpenID Connect) sign-in for an e-mail domain",
        body: CreateSsoConnectionSchema,
        response: { 201: SsoConnectionSchema, ...errors, 409: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      const scope = await scopeOf(request);
      if (await findSsoConnectionByDomain(db, request.body.emailDomain)) throw new AppError("conflict");
      const { secretConfig } = await auth.$context;
      const row = await insertSsoConnection(db, scope, {
        ...request.body,
        issuer: request.body.issuer.replace(/\/+$/, ""),
        clientSecret: await symmetricEncrypt({ key: secretConfig, data: request.body.clientSecret }),
      });
      if (!row) throw new AppError("forbidden");
      return reply.code(201).send(present(row));
    },
  );
}
