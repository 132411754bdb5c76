import { AsyncLocalStorage } from "node:async_hooks";
import { hash, type Options, verify } from "@node-rs/argon2";
import { betterAuth } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { symmetricEncrypt } from "better-auth/crypto";
import { phoneNumber, twoFactor } from "better-auth/plugins";
import type { Db } from "../../platform/db";
import type { Env } from "../../platform/env";
import { publicScope } from "../../platform/scope";
import { normaliseDutchMobile } from "../../platform/sms";
import { createStore, type Store } from "../../platform/store";
import { accountsRepository } from "./accounts.repository";
import { authDatabase } from "./auth.repository";
import { type LinkMail, RESET_LINK_MINUTES, VERIFY_LINK_HOURS } from "./identity.mail";
import { checkPassword } from "./password-policy";
import { rateLimitRepository } from "./rate-limit.repository";
import { sso } from "./sso.plugin";

/** better-auth reads the client address from this header, which our HTTP layer alone sets. */
export const CLIENT_IP_HEADER = "x-werkbrug-client-ip";
export const AUTH_BASE_PATH = "/api/auth";

/** argon2id with OWASP's second recommended profile (19 MiB, 2 iterations). */
// `algorithm: 2` is Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const ARGON2: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export interface AuthDeps {
  /** The database for better-auth's own adapter (auth.repository.ts). */
  db: Db;
  /** Our own reads next to better-auth's; made from `db` when not given (seeding). */
  store?: Store;
  env: Env;
  secret: string;
  /** Sends the password-reset mail; the URL is the single-use link. */
  sendResetPassword(input: LinkMail): Promise<void>;
  /** Sends the link that confirms a self-registered candidate's e-mail address. */
  sendVerificationEmail?(input: LinkMail): Promise<void>;
  /** Sends a text message; without it the SMS second factor is not offered. */
  sendSms?(to: string, text: string): Promise<void>;
}

/**
 * The number sign-in codes are texted to: the one the user confirmed with a code (better-auth's
 * phone-number plugin), never the contact number from the profile, which nobody proved to own.
 */
export function smsNumberOf(user: unknown): string | null {
  const { phoneNumber: number, phoneNumberVerified: verified } = (user ?? {}) as {
    phoneNumber?: unknown;
    phoneNumberVerified?: unknown;
  };
  if (verified !== true || typeof number !== "string" || number === "") return null;
  try {
    return normaliseDutchMobile(number);
  } catch {
    return null;
  }
}

const noPhone = () =>
  new APIError("BAD_REQUEST", {
    code: "NO_PHONE",
    message: "No confirmed mobile number on file for this user",
  });

/** Hands a text to the HTTP layer, which sends it after better-auth answered (see sendOTP). */
function queueText(send: () => Promise<void>): Promise<void> | undefined {
  const queue = pendingTexts.getStore();
  if (!queue) return send();
  queue.push(send);
  return undefined;
}

export function smsCodeText(code: string, locale: unknown): string {
  switch (locale) {
    case "en":
      return `Your Werkbrug code is ${code}. Do not share it with anyone.`;
    case "de":
      return `Ihr Werkbrug-Code lautet ${code}. Geben Sie ihn an niemanden weiter.`;
    case "fr":
      return `Votre code Werkbrug est ${code}. Ne le communiquez à personne.`;
    default:
      return `Je Werkbrug-code is ${code}. Deel deze code met niemand.`;
  }
}

/** Paths whose body carries a new password, and the field it is in. */
const NEW_PASSWORD_FIELD: Record<string, string> = {
  "/sign-up/email": "password",
  "/reset-password": "newPassword",
  "/change-password": "newPassword",
};

/** Outside the app (seeding) nothing emits events through the auth's own store. */
const noEvents = {
  write: () => Promise.reject(new Error("no event bus here")),
  committed: () => {},
};

export function createAuth({
  db,
  env,
  secret,
  sendResetPassword,
  sendVerificationEmail,
  sendSms,
  ...deps
}: AuthDeps) {
  const store = deps.store ?? createStore(db, noEvents);
  const accounts = store.bind(publicScope, accountsRepository);
  const limits = store.bind(publicScope, rateLimitRepository);
  const secure = env.PUBLIC_URL.startsWith("https://");
  const base = new URL(env.PUBLIC_URL);
  return betterAuth({
    appName: "Werkbrug",
    baseURL: env.PUBLIC_URL,
    basePath: AUTH_BASE_PATH,
    secret,
    telemetry: { enabled: false },
    // Every portal is a subdomain of the base domain, with the same scheme and port.
    trustedOrigins: [base.origin, `${base.protocol}//*.${base.host}`],
    database: authDatabase(db),
    user: {
      modelName: "users",
      // A new address counts once the link sent to it is followed (the verification mail).
      changeEmail: { enabled: true },
      additionalFields: {
        locale: { type: "string", required: false, defaultValue: "nl", input: false },
        phone: { type: "string", required: false, input: false },
        // The phone-number plugin's fields, declared here too so they are read without SMS.
        phoneNumber: { type: "string", required: false, input: false },
        phoneNumberVerified: { type: "boolean", required: false, input: false, defaultValue: false },
        postcode: { type: "string", required: false, input: false },
        deactivatedAt: { type: "date", required: false, input: false },
      },
    },
    session: {
      modelName: "sessions",
      expiresIn: 60 * 60 * 24 * 7,
      updateAge: 60 * 60,
      // Revocation must take effect at once, so no signed cookie cache in front of the table.
      cookieCache: { enabled: false },
      additionalFields: {
        secondFactor: { type: "string", required: false, input: false },
      },
    },
    account: { modelName: "accounts" },
    verification: { modelName: "verifications" },
    emailVerification: {
      sendOnSignUp: false,
      // Signing in with an unconfirmed address sends a fresh link.
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: VERIFY_LINK_HOURS * 60 * 60,
      sendVerificationEmail: async ({ user, url }) => {
        await sendVerificationEmail?.({
          userId: user.id,
          email: user.email,
          name: user.name,
          url,
          portalId: requestPortal.getStore() ?? null,
        });
      },
    },
    emailAndPassword: {
      enabled: true,
      // Staff are invited and candidates register through our own routes.
      disableSignUp: true,
      requireEmailVerification: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: {
        hash: hashPassword,
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await sendResetPassword({
          userId: user.id,
          email: user.email,
          name: user.name,
          url,
          portalId: requestPortal.getStore() ?? null,
        });
      },
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 120,
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/request-password-reset": { window: 300, max: 5 },
        "/two-factor/verify-totp": { window: 60, max: 10 },
        "/two-factor/verify-backup-code": { window: 60, max: 10 },
        "/two-factor/verify-otp": { window: 60, max: 10 },
        // Every text costs money and can be abused to spam a number.
        "/two-factor/send-otp": { window: 60, max: 3 },
        "/phone-number/send-otp": { window: 60, max: 3 },
        "/phone-number/verify": { window: 60, max: 10 },
      },
      customStorage: {
        consume: (key, rule) => limits.consume(`ip:${key}`, rule),
      },
    },
    advanced: {
      cookiePrefix: "werkbrug",
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // One statement for a session and its user (relations in identity.schema.ts), not two:
      // it runs on every signed-in request.
      database: { generateId: () => crypto.randomUUID(), joins: true },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // Enabling the SMS factor without a mobile number would lock the user out.
        if (
          ctx.path === "/two-factor/enable" &&
          (ctx.body as { method?: unknown } | undefined)?.method === "otp"
        ) {
          const session = await getSessionFromCtx(ctx);
          if (session && !smsNumberOf(session.user)) throw noPhone();
        }
        const field = NEW_PASSWORD_FIELD[ctx.path];
        if (!field) return;
        const body = (ctx.body ?? {}) as Record<string, unknown>;
        const password = body[field];
        if (typeof password !== "string") return;
        const email = typeof body.email === "string" ? body.email : ctx.context.session?.user.email;
        const result = checkPassword(password, email ? { email } : {});
        if (!result.ok) {
          throw new APIError("BAD_REQUEST", {
            code: "PASSWORD_POLICY",
            message: `Password rule failed: ${result.failed.join(", ")}`,
            rules: result.failed,
          });
        }
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user keeps their row (history) but may not start a session.
          before: async (session) => {
            const user = await accounts.byId(session.userId);
            if (user?.deactivatedAt)
              throw new APIError("FORBIDDEN", {
                code: "ACCOUNT_DEACTIVATED",
                message: "Account deactivated",
              });
          },
        },
      },
    },
    plugins: [
      sso({ store }),
      ...(sendSms
        ? [
            // Confirms a mobile number for the SMS second factor; only its send-otp and verify
            // endpoints are open, for a signed-in user and their own number (auth-gateway.ts).
            phoneNumber({
              otpLength: 6,
              expiresIn: 5 * 60,
              allowedAttempts: 5,
              // The gateway normalises what was typed; this keeps anything else out.
              phoneNumberValidator: (number) => /^\+316[1-58]\d{7}$/.test(number),
              sendOTP: ({ phoneNumber: to, code }, ctx) =>
                queueText(() =>
                  sendSms(
                    to,
                    smsCodeText(code, (ctx?.context.session?.user as { locale?: unknown })?.locale),
                  ),
                ),
            }),
          ]
        : []),
      twoFactor({
        issuer: "Werkbrug",
        twoFactorTable: "twoFactors",
        totpOptions: { digits: 6, period: 30 },
        backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: "encrypted" },
        accountLockout: { enabled: true, maxFailedAttempts: 10, durationSeconds: 900 },
        ...(sendSms && {
          otpOptions: {
            digits: 6,
            period: 5, // minutes; texts can take a while to arrive
            allowedAttempts: 5,
            storeOTP: "hashed" as const,
            // Deliberately not async: better-auth awaits a returned promise but only logs its
            // rejection, so "no phone" must be thrown synchronously to reach the client as 400.
            // Inside a request the text is handed to the HTTP layer, which sends it after
            // better-auth answers and reports a gateway failure to the user.
            sendOTP: ({ user, otp }) => {
              const to = smsNumberOf(user);
              if (!to) throw noPhone();
              return queueText(() => sendSms(to, smsCodeText(otp, (user as { locale?: unknown }).locale)));
            },
          },
        }),
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * The portal (id) the current request came in on, for the links better-auth mails: better-auth
 * knows one base URL, the person asked on a portal of their own (auth-gateway.ts, registration).
 */
export const requestPortal = new AsyncLocalStorage<string | null>();

/** Texts better-auth asked to send during the current request; see sendOTP above. */
export const pendingTexts = new AsyncLocalStorage<Array<() => Promise<void>>>();

/** Encrypts a value the way better-auth stores second-factor secrets (for seeding). */
export async function secretEncryptor(
  db: Db,
  env: Env,
  secret: string,
): Promise<(data: string) => Promise<string>> {
  const auth = createAuth({ db, env, secret, sendResetPassword: async () => {} });
  const context = await auth.$context;
  return (data) => symmetricEncrypt({ key: context.secretConfig, data });
}
