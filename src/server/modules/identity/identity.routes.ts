import { createHash } from "node:crypto";
import { fromNodeHeaders } from "better-auth/node";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { MeResponseSchema } from "../../../contracts/identity";
import type { Role } from "../../../contracts/tenancy";
import { type Principal, principalOf } from "../../platform/access";
import { type Db, queryRows } from "../../platform/db";
import { AppError, type ErrorCode, type FieldError } from "../../platform/errors";
import { sendError } from "../../platform/http";
import { requestLocale } from "../../platform/i18n";
import { membershipsOfUser } from "../tenancy/tenancy.repository";
import { recordAudit } from "./audit.repository";
import { AUTH_BASE_PATH, type Auth, CLIENT_IP_HEADER, pendingTexts } from "./auth";
import { sessions } from "./identity.schema";
import { type PasswordRule, passwordRuleMessage } from "./password-policy";
import { clearRate, consumeRate, type RateRule } from "./rate-limit.repository";
import { SSO_SECOND_FACTOR } from "./sso.plugin";

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Sign-in attempts per account, whatever address they come from. */
const ACCOUNT_SIGN_IN_RULE: RateRule = { window: 15 * 60, max: 8 };
/** Wrong codes per sign-in attempt before the user must start over. */
const TWO_FACTOR_ATTEMPTS: RateRule = { window: 10 * 60, max: 5 };

/**
 * The better-auth endpoints Werkbrug offers. Others (self sign-up for staff, deleting users,
 * changing e-mail without verification…) stay closed until a flow needs them.
 */
const OPEN_ENDPOINTS = [
  "/sign-in/email",
  "/sign-out",
  "/get-session",
  "/request-password-reset",
  "/reset-password",
  "/change-password",
  "/list-sessions",
  "/revoke-session",
  "/revoke-other-sessions",
  "/two-factor/",
  "/verify-email",
  "/change-email",
  "/sso/",
];
/** What staff without a second factor may still call: the set-up and leaving. */
const BEFORE_TWO_FACTOR = ["/get-session", "/sign-out", "/two-factor/"];

const BETTER_AUTH_CODES: Record<string, ErrorCode> = {
  INVALID_EMAIL_OR_PASSWORD: "invalid_credentials",
  INVALID_PASSWORD: "invalid_credentials",
  INVALID_CODE: "invalid_two_factor_code",
  INVALID_BACKUP_CODE: "invalid_two_factor_code",
  INVALID_TWO_FACTOR_COOKIE: "two_factor_expired",
  ACCOUNT_TEMPORARILY_LOCKED: "account_locked",
  TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE: "rate_limited",
  INVALID_TOKEN: "invalid_token",
  EMAIL_NOT_VERIFIED: "email_not_verified",
  PASSWORD_POLICY: "password_policy",
  PASSWORD_TOO_SHORT: "password_policy",
  PASSWORD_TOO_LONG: "password_policy",
  ACCOUNT_DEACTIVATED: "account_deactivated",
  NO_PHONE: "no_phone",
  SSO_NOT_CONFIGURED: "sso_not_configured",
  SSO_PRIVATE_ACCOUNT: "sso_private_account",
  SSO_NO_ACCOUNT: "sso_no_account",
};

/** Where a code for the pending sign-in is checked (authenticator, backup code, SMS). */
const FACTORS: Record<string, string> = {
  "/two-factor/verify-totp": "totp",
  "/two-factor/verify-backup-code": "backup_code",
  "/two-factor/verify-otp": "sms",
};
const CODE_CHECKS = Object.keys(FACTORS);

const STATUS_CODES: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  429: "rate_limited",
};

/** Responses that list sessions: their tokens are bearer credentials and stay on the server. */
const SESSION_READS = new Set(["/list-sessions", "/get-session"]);

function stripToken(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripToken);
  if (value && typeof value === "object") {
    const { token: _token, ...rest } = value as Record<string, unknown>;
    if ("session" in rest) rest.session = stripToken(rest.session);
    return rest;
  }
  return value;
}

function withoutSessionTokens(text: string): string {
  try {
    return JSON.stringify(stripToken(JSON.parse(text)));
  } catch {
    return text;
  }
}

function authPath(url: string): string {
  return (url.split("?")[0] ?? "").slice(AUTH_BASE_PATH.length) || "/";
}

const isStaff = (roles: readonly Role[]) => roles.some((r) => r !== "candidate");

export async function resolvePrincipal(
  auth: Auth,
  db: Db,
  request: FastifyRequest,
): Promise<Principal | null> {
  if (!request.headers.cookie?.includes("werkbrug.")) return null;
  const session = await auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!session) return null;
  const roles = [...new Set((await membershipsOfUser(db, session.user.id)).map((m) => m.role))];
  const twoFactorEnabled = (session.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled === true;
  // Sessions from the organisation's identity provider carry its MFA (decision 0008).
  const viaSso = (session.session as { secondFactor?: string | null }).secondFactor === SSO_SECOND_FACTOR;
  return {
    userId: session.user.id,
    roles,
    needsTwoFactorSetup: isStaff(roles) && !twoFactorEnabled && !viaSso,
  };
}

function challengeKey(request: FastifyRequest): string | null {
  const cookie = /werkbrug\.two_factor=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
  return cookie ? `2fa:${createHash("sha256").update(cookie).digest("hex").slice(0, 32)}` : null;
}

export async function registerIdentity(
  app: FastifyInstance,
  deps: { auth: Auth; db: Db; publicUrl: string },
): Promise<void> {
  const { auth, db, publicUrl } = deps;
  app.decorateRequest("principal", null);
  app.addHook("onRequest", async (request) => {
    request.principal = await resolvePrincipal(auth, db, request);
  });

  app.route({
    method: ["GET", "POST"],
    url: `${AUTH_BASE_PATH}/*`,
    config: { access: "public" },
    schema: { hide: true },
    handler: async (request, reply) => forwardToAuth(request, reply),
  });

  async function forwardToAuth(request: FastifyRequest, reply: FastifyReply) {
    const path = authPath(request.url);
    if (
      !OPEN_ENDPOINTS.some(
        (open) =>
          path === open || (open.endsWith("/") && path.startsWith(open)) || path.startsWith(`${open}/`),
      )
    ) {
      throw new AppError("not_found");
    }
    const principal = request.principal;
    if (principal?.needsTwoFactorSetup && !BEFORE_TWO_FACTOR.some((p) => path === p || path.startsWith(p))) {
      throw new AppError("two_factor_required");
    }
    const body = request.body as Record<string, unknown> | undefined;

    // Per-account limit on password attempts, on top of better-auth's per-address one.
    let accountKey: string | null = null;
    if (path === "/sign-in/email" && typeof body?.email === "string") {
      accountKey = `account:${body.email.trim().toLowerCase()}`;
      const verdict = await consumeRate(db, accountKey, ACCOUNT_SIGN_IN_RULE);
      if (!verdict.allowed) {
        reply.header("retry-after", String(verdict.retryAfter ?? ACCOUNT_SIGN_IN_RULE.window));
        throw new AppError("rate_limited");
      }
    }
    let twoFactorKey: string | null = null;
    if (CODE_CHECKS.includes(path)) {
      twoFactorKey = challengeKey(request);
      if (twoFactorKey) {
        const verdict = await consumeRate(db, twoFactorKey, TWO_FACTOR_ATTEMPTS);
        if (!verdict.allowed) {
          reply.header("retry-after", String(verdict.retryAfter ?? TWO_FACTOR_ATTEMPTS.window));
          throw new AppError("rate_limited", {
            message: {
              nl: "Te veel foute codes. Log opnieuw in om het nog eens te proberen.",
              en: "Too many wrong codes. Sign in again to try once more.",
            },
          });
        }
      }
    }

    const headers = fromNodeHeaders(request.headers);
    headers.delete(CLIENT_IP_HEADER);
    headers.set(CLIENT_IP_HEADER, request.ip);
    headers.delete("content-length");
    const url = new URL(request.url, publicUrl);
    const outgoingTexts: Array<() => Promise<void>> = [];
    const authRequest = new Request(url, {
      method: request.method,
      headers,
      ...(request.method === "POST"
        ? { body: JSON.stringify(await withSessionToken(request, path, body)) }
        : {}),
    });
    const response = await pendingTexts.run(outgoingTexts, () => auth.handler(authRequest));
    if (response.ok && outgoingTexts.length > 0) {
      try {
        for (const send of outgoingTexts) await send();
      } catch (error) {
        request.log.error({ err: error }, "sending the sign-in code by SMS failed");
        throw new AppError("sms_not_sent", { cause: error });
      }
    }

    if (response.ok && accountKey && path === "/sign-in/email") await clearRate(db, accountKey);
    if (response.ok && twoFactorKey) await clearRate(db, twoFactorKey);
    await auditAuthResponse(
      request,
      path,
      response.clone(),
      typeof body?.email === "string" ? body.email : null,
    );

    if (response.status >= 400 && path === "/sso/callback") {
      // A browser navigation, not an API call: back to the sign-in page, which shows the message.
      const payload = (await response.json().catch(() => ({}))) as { code?: string };
      const code =
        (payload.code && BETTER_AUTH_CODES[payload.code]) || STATUS_CODES[response.status] || "bad_request";
      return reply.redirect(`/inloggen?sso_error=${code}`, 302);
    }
    if (response.status >= 400) return presentAuthError(request, reply, response, twoFactorKey);
    reply.code(response.status);
    response.headers.forEach((value, key) => {
      if (key === "set-cookie" || key === "content-length" || key === "content-encoding") return;
      reply.header(key, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) reply.header("set-cookie", cookies);
    const text = await response.text();
    return reply.send(SESSION_READS.has(path) ? withoutSessionTokens(text) : text);
  }

  /** Security events worth an org admin's review, recorded from what better-auth answered. */
  async function auditAuthResponse(
    request: FastifyRequest,
    path: string,
    response: Response,
    email: string | null,
  ) {
    const signIn = path === "/sign-in/email";
    const verify = CODE_CHECKS.includes(path);
    if (!signIn && !verify && path !== "/two-factor/disable") return;
    const payload = (await response.json().catch(() => ({}))) as {
      twoFactorRedirect?: boolean;
      user?: { id: string };
    };
    const base = { ipAddress: request.ip, userAgent: request.headers["user-agent"] ?? null };
    const orgsOf = async (userId: string | null | undefined) =>
      userId
        ? (await membershipsOfUser(db, userId))
            .map((m) => m.organisationId)
            .filter((id): id is string => id !== null)
        : [];
    if (!response.ok) {
      if (!signIn || !email) return;
      const user = await db.query.users.findFirst({
        where: (u, { eq }) => eq(u.email, email.trim().toLowerCase()),
      });
      await recordAudit(db, {
        type: "sign_in_failed",
        ...base,
        userId: user?.id ?? null,
        email,
        organisationIds: await orgsOf(user?.id),
        details: { status: response.status },
      });
      return;
    }
    if (path === "/two-factor/disable" && request.principal) {
      await recordAudit(db, {
        type: "two_factor_disabled",
        ...base,
        userId: request.principal.userId,
        organisationIds: await orgsOf(request.principal.userId),
      });
      return;
    }
    if (payload.twoFactorRedirect) return;
    const userId = payload.user?.id ?? request.principal?.userId ?? null;
    if (!userId) return;
    const type = verify && request.principal ? "two_factor_enabled" : "sign_in_succeeded";
    await recordAudit(db, {
      type,
      ...base,
      userId,
      organisationIds: await orgsOf(userId),
      details: verify ? { factor: FACTORS[path] } : {},
    });
  }

  /**
   * Devices are ended by session id (the web app never sees tokens); better-auth wants the
   * token, which we look up among the caller's own sessions only.
   */
  async function withSessionToken(
    request: FastifyRequest,
    path: string,
    body: Record<string, unknown> | undefined,
  ) {
    if (path !== "/revoke-session" || typeof body?.id !== "string") return body ?? {};
    const owner = request.principal?.userId;
    if (!owner) throw new AppError("unauthenticated");
    const [row] = await db
      .select({ token: sessions.token })
      .from(sessions)
      .where(and(eq(sessions.id, body.id), eq(sessions.userId, owner)));
    if (!row) throw new AppError("not_found");
    return { token: row.token };
  }

  async function presentAuthError(
    request: FastifyRequest,
    reply: FastifyReply,
    response: Response,
    twoFactorKey: string | null,
  ) {
    const payload = (await response.json().catch(() => ({}))) as { code?: string; rules?: PasswordRule[] };
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) reply.header("set-cookie", cookies);
    const retryAfter = response.headers.get("x-retry-after") ?? response.headers.get("retry-after");
    if (retryAfter) reply.header("retry-after", retryAfter);
    const code =
      (payload.code && BETTER_AUTH_CODES[payload.code]) || STATUS_CODES[response.status] || "bad_request";
    const locale = requestLocale(request);
    let fields: FieldError[] | undefined;
    let message: { nl: string; en: string } | undefined;
    if (code === "password_policy" && payload.rules) {
      fields = payload.rules.map((rule) => ({
        path: "password",
        message: passwordRuleMessage(rule, locale),
      }));
    }
    if (code === "invalid_two_factor_code" && twoFactorKey) {
      const left = await attemptsLeft(twoFactorKey);
      message = {
        nl: `Deze code klopt niet. Je kunt het nog ${left} keer proberen.`,
        en: `This code is not correct. You have ${left} ${left === 1 ? "attempt" : "attempts"} left.`,
      };
    }
    return sendError(
      request,
      reply,
      new AppError(code, { ...(fields ? { fields } : {}), ...(message ? { message } : {}) }),
    );
  }

  async function attemptsLeft(key: string): Promise<number> {
    const [row] = await queryRows<{ count: number }>(
      db,
      sql`select count from rate_limits where key = ${key}`,
    );
    const used = Number(row?.count ?? 0);
    return Math.max(0, TWO_FACTOR_ATTEMPTS.max - used);
  }

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
      const user = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, principal.userId) });
      if (!user) return { user: null };
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
        },
      };
    },
  );
}
