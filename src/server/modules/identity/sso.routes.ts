import { symmetricEncrypt } from "better-auth/crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorResponseSchema } from "../../../contracts/common";
import { LoginMethodRequestSchema, LoginMethodResponseSchema } from "../../../contracts/identity";
import { AppError } from "../../platform/errors";
import { publicScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import { callerOf } from "../tenancy";
import type { Auth } from "./auth";
import { identityPolicy } from "./identity.policy";
import {
  emailDomainOf,
  type SsoConnectionRow,
  ssoConnectionsRepository,
  ssoSignInRepository,
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

export async function registerSsoRoutes(
  app: FastifyInstance,
  deps: { auth: Auth; store: Store },
): Promise<void> {
  const { auth, store } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signIn = store.bind(publicScope, ssoSignInRepository);
  /** Org admins manage their own organisations' connections; the platform admin every one. */
  const connectionsOf = async (request: FastifyRequest) =>
    store.bind(await callerOf(request).scopeAs(["org_admin"]), ssoConnectionsRepository);

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
      const connection = domain ? await signIn.byDomain(domain) : null;
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
    async (request) => ({ items: (await (await connectionsOf(request)).list()).map(present) }),
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
      const connections = await connectionsOf(request);
      if (await signIn.byDomain(request.body.emailDomain)) throw new AppError("conflict");
      const { secretConfig } = await auth.$context;
      const row = await connections.insert({
        ...request.body,
        issuer: request.body.issuer.replace(/\/+$/, ""),
        clientSecret: await symmetricEncrypt({ key: secretConfig, data: request.body.clientSecret }),
      });
      if (!row) throw new AppError("forbidden");
      return reply.code(201).send(present(row));
    },
  );
}
