import { symmetricDecrypt, symmetricEncrypt } from "better-auth/crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorResponseSchema } from "../../../contracts/common";
import { LoginMethodRequestSchema, LoginMethodResponseSchema } from "../../../contracts/identity";
import {
  CreateSsoConnectionSchema,
  RotateSsoSecretSchema,
  SSO_SECRET_WARNING_DAYS,
  type SsoConnection,
  SsoConnectionListSchema,
  SsoConnectionSchema,
  type SsoProviderKind,
  type SsoSecretState,
  SsoTestResultSchema,
  UpdateSsoConnectionSchema,
} from "../../../contracts/sso";
import { AppError } from "../../platform/errors";
import { publicScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import { callerOf } from "../tenancy";
import type { Auth } from "./auth";
import { identityPolicy } from "./identity.policy";
import {
  checkClient,
  countSigningKeys,
  type Discovery,
  ProviderProblem,
  readDiscovery,
} from "./sso.provider";
import {
  emailDomainOf,
  type SsoConnectionWithOrganisation,
  ssoConnectionsRepository,
  ssoSignInRepository,
} from "./sso.repository";

const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
  409: ErrorResponseSchema,
  422: ErrorResponseSchema,
};
const IdParams = z.object({ id: z.uuid() });

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function secretState(expiresOn: string | null): SsoSecretState {
  if (!expiresOn) return { expiresOn: null, status: "unknown" };
  if (expiresOn < today()) return { expiresOn, status: "expired" };
  if (expiresOn <= inDays(SSO_SECRET_WARNING_DAYS)) return { expiresOn, status: "expiring" };
  return { expiresOn, status: "ok" };
}

const kindOf = (kind: string): SsoProviderKind => (kind === "oidc" ? "oidc" : "entra");

/** The secrets stay on the server: only their expiry dates and whether one waits are shown. */
function present(row: SsoConnectionWithOrganisation): SsoConnection {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    emailDomain: row.emailDomain,
    issuer: row.issuer,
    clientId: row.clientId,
    providerKind: kindOf(row.providerKind),
    displayName: row.displayName,
    enabled: row.enabled,
    secret: secretState(row.clientSecretExpiresOn),
    pendingSecret: row.pendingClientSecret ? secretState(row.pendingSecretExpiresOn) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the sign-in button says: Microsoft for Entra, else the connection's name. */
export function providerLabel(row: { providerKind: string; displayName: string }) {
  const kind = kindOf(row.providerKind);
  return { kind, name: kind === "entra" ? "Microsoft" : row.displayName.trim() || "OpenID Connect" };
}

/** A provider that cannot be used: 422 naming the problem, in every language. */
function discoveryFailed(problem: ProviderProblem): AppError {
  const base = new AppError("sso_discovery_failed");
  return new AppError("sso_discovery_failed", {
    message: {
      nl: `${base.messageFor("nl")} (${problem.message})`,
      en: `${base.messageFor("en")} (${problem.message})`,
      de: `${base.messageFor("de")} (${problem.message})`,
      fr: `${base.messageFor("fr")} (${problem.message})`,
    },
    cause: problem,
  });
}

/** Reads the discovery document and the key set; nothing is stored when either fails. */
async function inspect(issuer: string): Promise<{ metadata: Discovery; signingKeys: number }> {
  try {
    const metadata = await readDiscovery(issuer);
    return { metadata, signingKeys: await countSigningKeys(metadata.jwks_uri) };
  } catch (error) {
    if (error instanceof ProviderProblem) throw discoveryFailed(error);
    throw error;
  }
}

export async function registerSsoRoutes(
  app: FastifyInstance,
  deps: { auth: Auth; store: Store },
): Promise<void> {
  const { auth, store } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signIn = store.bind(publicScope, ssoSignInRepository);
  /** Org admins manage their own organisations' connections; the platform admin every one. */
  const scopeOf = (request: FastifyRequest) => callerOf(request).scopeAs(["org_admin"]);
  const connectionsOf = async (request: FastifyRequest) =>
    store.bind(await scopeOf(request), ssoConnectionsRepository);
  const encrypt = async (data: string) => symmetricEncrypt({ key: (await auth.$context).secretConfig, data });
  const decrypt = async (data: string) => symmetricDecrypt({ key: (await auth.$context).secretConfig, data });
  const redirectUri = async () => `${(await auth.$context).baseURL}/sso/callback`;

  async function found(request: FastifyRequest, id: string) {
    const row = await (await connectionsOf(request)).get(id);
    if (!row) throw new AppError("not_found");
    return row;
  }

  r.post(
    "/api/v1/auth/login-method",
    {
      config: { access: identityPolicy.loginMethod },
      schema: {
        tags: ["identity"],
        summary: "Whether an e-mail domain signs in with its organisation's identity provider",
        body: LoginMethodRequestSchema,
        response: { 200: LoginMethodResponseSchema },
      },
    },
    async (request) => {
      // Reveals which domains use single sign-on (and its provider), never whether an account exists.
      const domain = emailDomainOf(request.body.email);
      const connection = domain ? await signIn.byDomain(domain) : null;
      return connection
        ? { method: "sso" as const, provider: providerLabel(connection) }
        : { method: "password" as const };
    },
  );

  r.get(
    "/api/v1/sso-connections",
    {
      config: { access: identityPolicy.manageSso },
      schema: {
        tags: ["identity"],
        summary: "Single sign-on (OpenID Connect) set up for your organisations",
        response: { 200: SsoConnectionListSchema, ...errors },
      },
    },
    async (request) => {
      const connections = await connectionsOf(request);
      return {
        items: (await connections.list()).map(present),
        organisations: await connections.organisations(),
      };
    },
  );

  r.post(
    "/api/v1/sso-connections",
    {
      config: { access: identityPolicy.manageSso },
      schema: {
        tags: ["identity"],
        summary:
          "Set up single sign-on for an e-mail domain (the issuer's discovery document is checked first)",
        body: CreateSsoConnectionSchema,
        response: { 201: SsoConnectionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const connections = await connectionsOf(request);
      const body = request.body;
      if (await signIn.domainTaken(body.emailDomain)) throw new AppError("sso_domain_taken");
      const scope = await scopeOf(request);
      if (scope.kind !== "platform" && !scope.organisationIds.includes(body.organisationId))
        throw new AppError("forbidden");
      await inspect(body.issuer);
      const row = await connections.insert({
        organisationId: body.organisationId,
        emailDomain: body.emailDomain,
        issuer: body.issuer,
        clientId: body.clientId,
        clientSecret: await encrypt(body.clientSecret),
        clientSecretExpiresOn: body.clientSecretExpiresOn ?? null,
        providerKind: body.providerKind,
        displayName: body.displayName,
      });
      if (!row) throw new AppError("forbidden");
      const created = await connections.get(row.id);
      if (!created) throw new AppError("not_found");
      return reply.code(201).send(present(created));
    },
  );

  r.patch(
    "/api/v1/sso-connections/:id",
    {
      config: { access: identityPolicy.manageSso },
      schema: {
        tags: ["identity"],
        summary: "Change a connection: domain, issuer, client id, provider, name, enabled",
        params: IdParams,
        body: UpdateSsoConnectionSchema,
        response: { 200: SsoConnectionSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const current = await found(request, id);
      const changes = request.body;
      if (changes.emailDomain && (await signIn.domainTaken(changes.emailDomain, id)))
        throw new AppError("sso_domain_taken");
      if (changes.issuer && changes.issuer !== current.issuer) await inspect(changes.issuer);
      const scope = await scopeOf(request);
      await store.transaction(async (tx) => {
        const connections = tx.bind(scope, ssoConnectionsRepository);
        await connections.update(id, changes);
        // Disabling signs out whoever the provider signed in (an emergency stop, decision 0033).
        if (changes.enabled === false && current.enabled) await connections.endSignIns(id, { unlink: false });
      });
      return present(await found(request, id));
    },
  );

  r.delete(
    "/api/v1/sso-connections/:id",
    {
      config: { access: identityPolicy.manageSso },
      schema: {
        tags: ["identity"],
        summary: "Delete a connection: its sign-ins end and its account links are removed",
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await found(request, id);
      const scope = await scopeOf(request);
      await store.transaction(async (tx) => {
        const connections = tx.bind(scope, ssoConnectionsRepository);
        await connections.endSignIns(id, { unlink: true });
        await connections.remove(id);
      });
      return reply.code(204).send(null);
    },
  );

  r.post(
    "/api/v1/sso-connections/:id/secret",
    {
      config: { access: identityPolicy.manageSso },
      schema: {
        tags: ["identity"],
        summary: "Add a new client secret; the current one is kept until the new one has worked",
        params: IdParams,
        body: RotateSsoSecretSchema,
        response: { 200: SsoConnectionSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await found(request, id);
      await (await connectionsOf(request)).setPendingSecret(id, {
        encrypted: await encrypt(request.body.clientSecret),
        expiresOn: request.body.expiresOn,
      });
      return present(await found(request, id));
    },
  );

  r.delete(
    "/api/v1/sso-connections/:id/secret",
    {
      config: { access: identityPolicy.manageSso },
      schema: {
        tags: ["identity"],
        summary: "Withdraw the waiting client secret (the current one stays)",
        params: IdParams,
        response: { 200: SsoConnectionSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      await found(request, id);
      if (!(await (await connectionsOf(request)).dropPendingSecret(id)))
        throw new AppError("sso_no_pending_secret");
      return present(await found(request, id));
    },
  );

  r.post(
    "/api/v1/sso-connections/:id/test",
    {
      config: { access: identityPolicy.manageSso },
      schema: {
        tags: ["identity"],
        summary:
          "Test a connection: discovery document, key set, and the client credentials at the token endpoint",
        params: IdParams,
        response: { 200: SsoTestResultSchema, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const row = await found(request, id);
      const { metadata, signingKeys } = await inspect(row.issuer);
      const check = async (encrypted: string) =>
        checkClient(
          metadata,
          { clientId: row.clientId, clientSecret: await decrypt(encrypted) },
          await redirectUri(),
        );
      const waiting = row.pendingClientSecret;
      const credentials = await check(waiting ?? row.clientSecret);
      let promoted = false;
      let fallback: "accepted" | "rejected" | "unknown" | null = null;
      if (waiting && credentials === "accepted") promoted = await signIn.promotePendingSecret(id, waiting);
      else if (waiting) fallback = await check(row.clientSecret);
      return {
        discovery: {
          issuer: metadata.issuer,
          authorizationEndpoint: metadata.authorization_endpoint,
          tokenEndpoint: metadata.token_endpoint,
          jwksUri: metadata.jwks_uri,
          scopesSupported: metadata.scopes_supported ?? [],
        },
        signingKeys,
        credentials,
        secretTested: waiting ? ("pending" as const) : ("current" as const),
        promoted,
        fallback,
        connection: present(await found(request, id)),
      };
    },
  );
}
