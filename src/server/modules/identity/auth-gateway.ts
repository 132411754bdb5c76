import { createHash } from "node:crypto";
import { fromNodeHeaders } from "better-auth/node";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError, type ErrorCode, type FieldError } from "../../platform/errors";
import { sendError } from "../../platform/http";
import { type MessageLocale, requestMessageLocale } from "../../platform/i18n";
import { publicScope } from "../../platform/scope";
import { InvalidPhoneNumberError, normaliseDutchMobile } from "../../platform/sms";
import type { Store } from "../../platform/store";
import { accountsRepository } from "./accounts.repository";
import { authAuditRepository } from "./audit.repository";
import {
  AUTH_BASE_PATH,
  type Auth,
  CLIENT_IP_HEADER,
  pendingTexts,
  requestPortal,
  smsNumberOf,
} from "./auth";
import { type PasswordRule, passwordRuleMessage } from "./password-policy";
import { sessionUserOf } from "./principal";
import { type RateRule, rateLimitRepository } from "./rate-limit.repository";

/*
 * Password attempts (decision 0035). Wrong passwords lock the pair of account and address they
 * come from, so a stranger who knows an address cannot lock its owner out from elsewhere, and
 * they lock the address itself across accounts. Guessing from many addresses is slowed, not
 * locked: past a higher count per account, the account takes one attempt per few seconds.
 */
/** Sign-in attempts per account from one address. */
const ACCOUNT_SOURCE_RULE: RateRule = { window: 15 * 60, max: 8 };
/** Failed sign-in attempts per address, whatever accounts they are for (successes are refunded). */
const SOURCE_SIGN_IN_RULE: RateRule = { window: 15 * 60, max: 30 };
/** Sign-in attempts per account from all addresses before the account is slowed down. */
const ACCOUNT_SIGN_IN_RULE: RateRule = { window: 15 * 60, max: 30 };
/** Once slowed: one attempt per this window for the account. */
const ACCOUNT_SLOWED_RULE: RateRule = { window: 10, max: 1 };
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
  // Confirming the signed-in user's own mobile number for SMS codes; not the plugin's sign-in
  // by phone number or its password reset.
  "/phone-number/send-otp",
  "/phone-number/verify",
];
/** What staff without a second factor may still call: the set-up and leaving. */
const BEFORE_TWO_FACTOR = ["/get-session", "/sign-out", "/two-factor/", "/phone-number/"];

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
  INVALID_PHONE_NUMBER: "not_a_mobile_number",
  INVALID_OTP: "invalid_sms_code",
  OTP_EXPIRED: "sms_code_expired",
  OTP_NOT_FOUND: "sms_code_expired",
  TOO_MANY_ATTEMPTS: "sms_code_expired",
  PHONE_NUMBER_EXIST: "sms_number_taken",
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

const isOpen = (path: string) =>
  OPEN_ENDPOINTS.some(
    (open) => path === open || (open.endsWith("/") && path.startsWith(open)) || path.startsWith(`${open}/`),
  );

function challengeKey(request: FastifyRequest): string | null {
  const cookie = /werkbrug\.two_factor=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
  return cookie ? `2fa:${createHash("sha256").update(cookie).digest("hex").slice(0, 32)}` : null;
}

const phoneNumberMessages: Record<InvalidPhoneNumberError["reason"], Record<MessageLocale, string>> = {
  invalid: {
    nl: "Dit is geen geldig telefoonnummer. Vul een mobiel nummer in, zoals 06 12345678.",
    en: "This is not a valid phone number. Enter a mobile number, such as 06 12345678.",
    de: "Dies ist keine gültige Telefonnummer. Geben Sie eine Mobilnummer ein, z. B. 06 12345678.",
    fr: "Ce n'est pas un numéro de téléphone valide. Saisissez un numéro de mobile, par exemple 06 12345678.",
  },
  not_mobile: {
    nl: "Dit is geen mobiel nummer. Een sms kan alleen naar een nummer dat met 06 begint.",
    en: "This is not a mobile number. A text can only go to a number starting with 06.",
    de: "Dies ist keine Mobilnummer. Eine SMS kann nur an eine Nummer gehen, die mit 06 beginnt.",
    fr: "Ce n'est pas un numéro de mobile. Un SMS ne peut être envoyé qu'à un numéro commençant par 06.",
  },
  not_dutch: {
    nl: "Alleen Nederlandse mobiele nummers (06) kunnen sms-codes ontvangen.",
    en: "Only Dutch mobile numbers (06) can receive text codes.",
    de: "Nur niederländische Mobilnummern (06) können SMS-Codes empfangen.",
    fr: "Seuls les numéros de mobile néerlandais (06) peuvent recevoir des codes par SMS.",
  },
};

const wrongCodesMessage = {
  nl: "Te veel foute codes. Log opnieuw in om het nog eens te proberen.",
  en: "Too many wrong codes. Sign in again to try once more.",
  de: "Zu viele falsche Codes. Melden Sie sich erneut an, um es noch einmal zu versuchen.",
  fr: "Trop de codes erronés. Reconnectez-vous pour réessayer.",
};

/**
 * Werkbrug in front of better-auth: which endpoints are open, per-account and per-challenge rate
 * limits on top of better-auth's per-address ones, SMS codes sent after better-auth answered,
 * the security log, and better-auth's errors in our shape and the user's language.
 */
export function createAuthGateway(deps: { auth: Auth; store: Store; publicUrl: string }) {
  const { auth, publicUrl } = deps;
  const limits = deps.store.bind(publicScope, rateLimitRepository);
  const audit = deps.store.bind(publicScope, authAuditRepository);
  const accounts = deps.store.bind(publicScope, accountsRepository);

  async function consumeOrRefuse(reply: FastifyReply, key: string, rule: RateRule) {
    const verdict = await limits.consume(key, rule);
    if (verdict.allowed) return;
    reply.header("retry-after", String(verdict.retryAfter ?? rule.window));
    throw new AppError("rate_limited");
  }

  /** Password attempts per account and address, per address, and per account; and codes per challenge. */
  async function limit(request: FastifyRequest, reply: FastifyReply, path: string, email: unknown) {
    if (path === "/sign-in/email" && typeof email === "string") {
      const account = email.trim().toLowerCase();
      const sourceKey = `sign-in-source:${request.ip}`;
      const accountSourceKey = `account:${account}:source:${request.ip}`;
      const accountKey = `account:${account}`;
      await consumeOrRefuse(reply, sourceKey, SOURCE_SIGN_IN_RULE);
      await consumeOrRefuse(reply, accountSourceKey, ACCOUNT_SOURCE_RULE);
      const overall = await limits.consume(accountKey, ACCOUNT_SIGN_IN_RULE);
      if (!overall.allowed) await consumeOrRefuse(reply, `account-slowed:${account}`, ACCOUNT_SLOWED_RULE);
      return { signInKeys: { sourceKey, accountSourceKey, accountKey }, twoFactorKey: null };
    }
    const twoFactorKey = CODE_CHECKS.includes(path) ? challengeKey(request) : null;
    if (twoFactorKey) {
      const verdict = await limits.consume(twoFactorKey, TWO_FACTOR_ATTEMPTS);
      if (!verdict.allowed) {
        reply.header("retry-after", String(verdict.retryAfter ?? TWO_FACTOR_ATTEMPTS.window));
        throw new AppError("rate_limited", { message: wrongCodesMessage });
      }
    }
    return { signInKeys: null, twoFactorKey };
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
    if (!response.ok) {
      if (signIn && email)
        await audit.record({
          type: "sign_in_failed",
          ...base,
          userId: null,
          email,
          details: { status: response.status },
        });
      return;
    }
    if (path === "/two-factor/disable" && request.principal) {
      await audit.record({ type: "two_factor_disabled", ...base, userId: request.principal.userId });
      return;
    }
    if (payload.twoFactorRedirect) return;
    const userId = payload.user?.id ?? request.principal?.userId ?? null;
    if (!userId) return;
    await audit.record({
      type: verify && request.principal ? "two_factor_enabled" : "sign_in_succeeded",
      ...base,
      userId,
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
    const token = await accounts.sessionTokenOf(owner, body.id);
    if (!token) throw new AppError("not_found");
    return { token };
  }

  /**
   * The phone-number plugin is for the signed-in user's own number only: it is normalised to
   * E.164 (so a code sent to "06 12 34 56 78" is checked against the same number) and verifying
   * always updates the caller's account without starting another session.
   */
  function phoneNumberBody(request: FastifyRequest, path: string, body: Record<string, unknown>) {
    const principal = request.principal;
    if (!principal) throw new AppError("unauthenticated");
    const typed = typeof body.phoneNumber === "string" ? body.phoneNumber : "";
    let number: string;
    try {
      number = normaliseDutchMobile(typed);
    } catch (error) {
      if (!(error instanceof InvalidPhoneNumberError)) throw error;
      const message = phoneNumberMessages[error.reason];
      throw new AppError("not_a_mobile_number", {
        message,
        fields: [{ path: "phoneNumber", message: message[requestMessageLocale(request)] }],
      });
    }
    if (path === "/phone-number/send-otp") {
      if (sessionUserOf(request)?.smsNumber === number) throw new AppError("sms_number_unchanged");
      return { phoneNumber: number };
    }
    const code = typeof body.code === "string" ? body.code.replace(/\s/g, "") : "";
    return { phoneNumber: number, code, updatePhoneNumber: true, disableSession: true };
  }

  /** Sign-in offers a code by text only to an account with a confirmed mobile number. */
  async function withOfferedMethods(path: string, text: string, email: string | null): Promise<string> {
    if (path !== "/sign-in/email" || !email) return text;
    let payload: { twoFactorRedirect?: boolean; twoFactorMethods?: string[] };
    try {
      payload = JSON.parse(text) as typeof payload;
    } catch {
      return text;
    }
    if (!payload.twoFactorRedirect || !payload.twoFactorMethods?.includes("otp")) return text;
    if (smsNumberOf(await accounts.byEmail(email))) return text;
    return JSON.stringify({
      ...payload,
      twoFactorMethods: payload.twoFactorMethods.filter((method) => method !== "otp"),
    });
  }

  /** One second factor at a time: choosing SMS retires the app, confirming the app the number. */
  async function afterSecondFactorChange(
    request: FastifyRequest,
    path: string,
    body: Record<string, unknown>,
  ) {
    const userId = request.principal?.userId;
    if (!userId) return;
    if (path === "/two-factor/enable" && body.method === "otp") {
      await accounts.removeAuthenticator(userId);
      await audit.record({
        type: "two_factor_enabled",
        ipAddress: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        userId,
        details: { factor: "sms" },
      });
    } else if (path === "/two-factor/verify-totp" || path === "/two-factor/disable") {
      await accounts.forgetSmsNumber(userId);
    }
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
    const locale = requestMessageLocale(request);
    let fields: FieldError[] | undefined;
    let message: Record<MessageLocale, string> | undefined;
    if (code === "password_policy" && payload.rules) {
      fields = payload.rules.map((rule) => ({
        path: "password",
        message: passwordRuleMessage(rule, locale),
      }));
    }
    if (code === "invalid_two_factor_code" && twoFactorKey) {
      const left = await limits.attemptsLeft(twoFactorKey, TWO_FACTOR_ATTEMPTS);
      message = {
        nl: `Deze code klopt niet. Je kunt het nog ${left} keer proberen.`,
        en: `This code is not correct. You have ${left} ${left === 1 ? "attempt" : "attempts"} left.`,
        de: `Dieser Code ist nicht korrekt. Sie haben noch ${left} ${left === 1 ? "Versuch" : "Versuche"}.`,
        fr: `Ce code est incorrect. Il vous reste ${left} ${left === 1 ? "tentative" : "tentatives"}.`,
      };
    }
    return sendError(
      request,
      reply,
      new AppError(code, { ...(fields ? { fields } : {}), ...(message ? { message } : {}) }),
    );
  }

  /**
   * better-auth makes some redirects absolute on its one base URL (the national host); the person
   * followed a link on their own portal and stays there (issue 19).
   */
  function onRequestHost(location: string): string {
    const base = new URL(publicUrl);
    const target = new URL(location, base);
    return target.origin === base.origin ? `${target.pathname}${target.search}${target.hash}` : location;
  }

  /** Hands one `/api/auth/*` request to better-auth and its answer back to the client. */
  return async function forwardToAuth(request: FastifyRequest, reply: FastifyReply) {
    const path = authPath(request.url);
    if (!isOpen(path)) throw new AppError("not_found");
    if (request.principal?.needsTwoFactorSetup && !BEFORE_TWO_FACTOR.some((p) => path.startsWith(p)))
      throw new AppError("two_factor_required");
    const body = request.body as Record<string, unknown> | undefined;
    const { signInKeys, twoFactorKey } = await limit(request, reply, path, body?.email);
    const forwarded = path.startsWith("/phone-number/")
      ? phoneNumberBody(request, path, body ?? {})
      : await withSessionToken(request, path, body);

    const headers = fromNodeHeaders(request.headers);
    headers.delete(CLIENT_IP_HEADER);
    headers.set(CLIENT_IP_HEADER, request.ip);
    headers.delete("content-length");
    const outgoingTexts: Array<() => Promise<void>> = [];
    const authRequest = new Request(new URL(request.url, publicUrl), {
      method: request.method,
      headers,
      ...(request.method === "POST" ? { body: JSON.stringify(forwarded) } : {}),
    });
    const response = await requestPortal.run(request.portal?.row.id ?? null, () =>
      pendingTexts.run(outgoingTexts, () => auth.handler(authRequest)),
    );
    if (response.ok && outgoingTexts.length > 0) {
      try {
        for (const send of outgoingTexts) await send();
      } catch (error) {
        request.log.error({ err: error }, "sending the sign-in code by SMS failed");
        throw new AppError("sms_not_sent", { cause: error });
      }
    }

    if (response.ok) await afterSecondFactorChange(request, path, body ?? {});
    if (response.ok && signInKeys) {
      await limits.clear(signInKeys.accountSourceKey);
      await limits.clear(signInKeys.accountKey);
      await limits.refund(signInKeys.sourceKey);
    }
    if (response.ok && twoFactorKey) await limits.clear(twoFactorKey);
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
      reply.header(key, key === "location" ? onRequestHost(value) : value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) reply.header("set-cookie", cookies);
    const text = await withOfferedMethods(
      path,
      await response.text(),
      typeof body?.email === "string" ? body.email : null,
    );
    return reply.send(SESSION_READS.has(path) ? withoutSessionTokens(text) : text);
  };
}
