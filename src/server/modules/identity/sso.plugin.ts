import { createHash, randomBytes } from "node:crypto";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import { symmetricDecrypt } from "better-auth/crypto";
import { type JWTPayload, jwtVerify } from "jose";
import { z } from "zod";
import { publicScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import { discover, isInvalidClient, ProviderProblem, requestToken, type TokenAnswer } from "./sso.provider";
import { emailDomainOf, type SsoConnectionRow, ssoSignInRepository } from "./sso.repository";

/** Microsoft's tenant for personal accounts (Hotmail, Outlook.com, MSN, Live). */
export const MICROSOFT_CONSUMER_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
export const SSO_PROVIDER_PREFIX = "sso:";
/** Marks a session whose second factor was the identity provider's MFA (decision 0008). */
export const SSO_SECOND_FACTOR = "sso";

const STATE_MINUTES = 10;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface PendingLogin {
  connectionId: string;
  codeVerifier: string;
  nonce: string;
  callbackURL: string;
}

const fail = (status: "BAD_REQUEST" | "FORBIDDEN", code: string, message: string) =>
  new APIError(status, { code, message });

const base64url = (bytes: Buffer) => bytes.toString("base64url");

/** Only a path on our own site: no scheme, no protocol-relative "//", no backslashes. */
function safeCallback(url: string | undefined): string {
  if (!url?.startsWith("/") || url.startsWith("//") || url.includes("\\")) return "/";
  return url;
}

/** The provider's metadata and keys; an unusable provider is a clear "provider unavailable". */
async function providerOf(issuer: string) {
  try {
    return await discover(issuer);
  } catch (error) {
    if (error instanceof ProviderProblem)
      throw fail("BAD_REQUEST", "SSO_PROVIDER_UNAVAILABLE", error.message);
    throw error;
  }
}

/**
 * Refuses what is not a work account of the connection's organisation: Microsoft personal
 * accounts, another tenant than the configured one, or an address outside the domain.
 */
function workEmail(claims: JWTPayload, connection: SsoConnectionRow): string {
  const tid = typeof claims.tid === "string" ? claims.tid.toLowerCase() : null;
  const configuredTenant = GUID.exec(connection.issuer)?.[0]?.toLowerCase() ?? null;
  const email = [claims.email, claims.preferred_username, claims.upn].find(
    (v): v is string => typeof v === "string" && v.includes("@"),
  );
  if (
    tid === MICROSOFT_CONSUMER_TENANT ||
    (configuredTenant !== null && tid !== configuredTenant) ||
    !email ||
    emailDomainOf(email) !== connection.emailDomain
  ) {
    throw fail("FORBIDDEN", "SSO_PRIVATE_ACCOUNT", "Not a work account of this organisation");
  }
  return email.trim().toLowerCase();
}

export function sso(options: { store: Store }) {
  const connections = options.store.bind(publicScope, ssoSignInRepository);
  return {
    id: "werkbrug-sso",
    endpoints: {
      ssoStart: createAuthEndpoint(
        "/sso/start",
        {
          method: "POST",
          body: z.object({ email: z.string().max(320), callbackURL: z.string().max(2000).optional() }),
        },
        async (ctx) => {
          const domain = emailDomainOf(ctx.body.email);
          const connection = domain ? await connections.byDomain(domain) : null;
          if (!connection)
            throw fail("BAD_REQUEST", "SSO_NOT_CONFIGURED", "No single sign-on for this e-mail domain");
          const { metadata } = await providerOf(connection.issuer);
          const state = base64url(randomBytes(32));
          const pending: PendingLogin = {
            connectionId: connection.id,
            codeVerifier: base64url(randomBytes(32)),
            nonce: base64url(randomBytes(16)),
            callbackURL: safeCallback(ctx.body.callbackURL),
          };
          await ctx.context.internalAdapter.createVerificationValue({
            identifier: `sso:${state}`,
            value: JSON.stringify(pending),
            expiresAt: new Date(Date.now() + STATE_MINUTES * 60 * 1000),
          });
          const url = new URL(metadata.authorization_endpoint);
          url.search = new URLSearchParams({
            client_id: connection.clientId,
            response_type: "code",
            redirect_uri: `${ctx.context.baseURL}/sso/callback`,
            scope: "openid email profile",
            state,
            nonce: pending.nonce,
            code_challenge: base64url(createHash("sha256").update(pending.codeVerifier).digest()),
            code_challenge_method: "S256",
            login_hint: ctx.body.email.trim(),
          }).toString();
          return ctx.json({ url: url.toString() });
        },
      ),
      ssoCallback: createAuthEndpoint(
        "/sso/callback",
        {
          method: "GET",
          query: z.object({
            code: z.string().optional(),
            state: z.string().optional(),
            error: z.string().optional(),
          }),
        },
        async (ctx) => {
          const { code, state } = ctx.query;
          const stored = state
            ? await ctx.context.internalAdapter.consumeVerificationValue(`sso:${state}`)
            : null;
          if (!stored) throw fail("BAD_REQUEST", "SSO_STATE_INVALID", "Unknown or expired sign-in attempt");
          const pending = JSON.parse(stored.value) as PendingLogin;
          if (!code) throw fail("BAD_REQUEST", "SSO_FAILED", ctx.query.error ?? "No authorization code");
          const connection = await connections.byId(pending.connectionId);
          if (!connection) throw fail("BAD_REQUEST", "SSO_NOT_CONFIGURED", "Connection removed");
          const { metadata, jwks } = await providerOf(connection.issuer);
          const secret = (data: string) => symmetricDecrypt({ key: ctx.context.secretConfig, data });
          const exchange = async (encrypted: string): Promise<TokenAnswer> =>
            requestToken(
              metadata,
              { clientId: connection.clientId, clientSecret: await secret(encrypted) },
              {
                grant_type: "authorization_code",
                code,
                redirect_uri: `${ctx.context.baseURL}/sso/callback`,
                code_verifier: pending.codeVerifier,
              },
            );
          // A rotated-in secret is tried first; the provider refusing the client ("invalid_client")
          // falls back to the current one. The first answer with a token promotes it (0033).
          let tokenAnswer: TokenAnswer;
          const waiting = connection.pendingClientSecret;
          if (waiting) {
            tokenAnswer = await exchange(waiting);
            if (isInvalidClient(tokenAnswer)) tokenAnswer = await exchange(connection.clientSecret);
            else if (tokenAnswer.body.id_token)
              await connections.promotePendingSecret(connection.id, waiting);
          } else {
            tokenAnswer = await exchange(connection.clientSecret);
          }
          const tokens = tokenAnswer.body;
          if (tokenAnswer.status !== 200 || !tokens.id_token)
            throw fail("BAD_REQUEST", "SSO_FAILED", `Token exchange failed: ${tokenAnswer.status}`);
          let claims: JWTPayload;
          try {
            ({ payload: claims } = await jwtVerify(tokens.id_token, jwks, {
              issuer: metadata.issuer,
              audience: connection.clientId,
            }));
          } catch {
            throw fail("FORBIDDEN", "SSO_PRIVATE_ACCOUNT", "ID token not issued by the configured tenant");
          }
          if (claims.nonce !== pending.nonce || typeof claims.sub !== "string")
            throw fail("BAD_REQUEST", "SSO_FAILED", "Nonce mismatch");
          const email = workEmail(claims, connection);

          // Invitation-only: SSO signs in existing members of the organisation, never creates users.
          const found = await ctx.context.internalAdapter.findUserByEmail(email);
          if (
            !found ||
            !(await connections.isMemberOfOrganisationTree(found.user.id, connection.organisationId))
          )
            throw fail("FORBIDDEN", "SSO_NO_ACCOUNT", "No Werkbrug account for this work account");
          const providerId = `${SSO_PROVIDER_PREFIX}${connection.id}`;
          const linked = (await ctx.context.internalAdapter.findAccounts(found.user.id)).find(
            (a) => a.providerId === providerId,
          );
          if (linked && linked.accountId !== claims.sub)
            throw fail("FORBIDDEN", "SSO_NO_ACCOUNT", "Linked to another work account");
          if (!linked)
            await ctx.context.internalAdapter.linkAccount({
              userId: found.user.id,
              providerId,
              accountId: claims.sub,
            });
          const session = await ctx.context.internalAdapter.createSession(found.user.id, false, {
            secondFactor: SSO_SECOND_FACTOR,
          });
          await setSessionCookie(ctx, { session, user: found.user });
          throw ctx.redirect(pending.callbackURL);
        },
      ),
    },
    rateLimit: [{ pathMatcher: (path: string) => path.startsWith("/sso/"), window: 60, max: 20 }],
  } satisfies BetterAuthPlugin;
}
