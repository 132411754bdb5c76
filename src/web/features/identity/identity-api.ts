import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  AcceptInvitationResponseSchema,
  InvitationPreviewResponseSchema,
  type LoginMethodResponse,
  LoginMethodResponseSchema,
  RegisterCandidateResponseSchema,
  SsoStartResponseSchema,
} from "../../../contracts/identity";
import { api } from "../../api";

/*
 * better-auth's endpoints (under /api/auth) answer in better-auth's own shapes, which have no
 * contract in src/contracts; these schemas name only the fields the web app reads.
 */

const SignInResponseSchema = z.looseObject({
  twoFactorRedirect: z.boolean().optional(),
  /** "otp": a code by text message is possible as well as the app's. */
  twoFactorMethods: z.array(z.string()).optional(),
});
const OkSchema = z.unknown();
const EnableTwoFactorResponseSchema = z.object({ totpURI: z.string(), backupCodes: z.array(z.string()) });
const BackupCodesResponseSchema = z.looseObject({ backupCodes: z.array(z.string()) });

// The server keeps session tokens to itself; devices are told apart and ended by id.
export const SessionSchema = z.looseObject({
  id: z.string(),
  createdAt: z.coerce.date(),
  updatedAt: z.coerce.date(),
  expiresAt: z.coerce.date(),
  ipAddress: z.string().nullish(),
  userAgent: z.string().nullish(),
});
export type Session = z.infer<typeof SessionSchema>;

const CurrentSessionResponseSchema = z.looseObject({ session: z.looseObject({ id: z.string() }) }).nullable();

export const RESET_PASSWORD_PATH = "/wachtwoord-herstellen";

/** After "Volgende": whether this address signs in with its organisation's Microsoft account. */
export async function loginMethod(email: string): Promise<LoginMethodResponse> {
  return api("/api/v1/auth/login-method", LoginMethodResponseSchema, { method: "POST", body: { email } });
}

/** Starts Microsoft sign-in; the browser leaves for the provider and comes back signed in. */
export async function startSso(email: string, callbackURL: string): Promise<string> {
  return (
    await api("/api/auth/sso/start", SsoStartResponseSchema, { method: "POST", body: { email, callbackURL } })
  ).url;
}

/**
 * Step 2 of signing in; `twoFactor` means the code step follows (staff); `app` that the
 * authenticator app (and its back-up codes) can give it, `sms` that a text can bring it (only
 * for an account with a confirmed mobile number).
 */
export async function signInWithPassword(
  email: string,
  password: string,
): Promise<{ twoFactor: boolean; app: boolean; sms: boolean }> {
  const result = await api("/api/auth/sign-in/email", SignInResponseSchema, {
    method: "POST",
    body: { email, password },
  });
  return {
    twoFactor: result.twoFactorRedirect === true,
    app: result.twoFactorMethods?.includes("totp") ?? true,
    sms: result.twoFactorMethods?.includes("otp") ?? false,
  };
}

/** Sends a sign-in code by text message to the phone number in the account. */
export async function sendSmsCode(): Promise<void> {
  await api("/api/auth/two-factor/send-otp", OkSchema, { method: "POST", body: {} });
}

export async function verifySmsCode(code: string, trustDevice = false): Promise<void> {
  await api("/api/auth/two-factor/verify-otp", OkSchema, { method: "POST", body: { code, trustDevice } });
}

/** Signing in (step 3) and finishing enrolment both end here. */
export async function verifyTotp(code: string, trustDevice = false): Promise<void> {
  await api("/api/auth/two-factor/verify-totp", OkSchema, { method: "POST", body: { code, trustDevice } });
}

export async function verifyBackupCode(code: string, trustDevice = false): Promise<void> {
  await api("/api/auth/two-factor/verify-backup-code", OkSchema, {
    method: "POST",
    body: { code, trustDevice },
  });
}

export async function signOut(): Promise<void> {
  await api("/api/auth/sign-out", OkSchema, { method: "POST", body: {} });
}

export function enableTwoFactor(password: string) {
  return api("/api/auth/two-factor/enable", EnableTwoFactorResponseSchema, {
    method: "POST",
    body: { password },
  });
}

/** Texts a code to the mobile number to be confirmed for SMS sign-in codes. */
export async function sendPhoneCode(phoneNumber: string): Promise<void> {
  await api("/api/auth/phone-number/send-otp", OkSchema, { method: "POST", body: { phoneNumber } });
}

/** Confirms the number with the texted code; it becomes the account's number for SMS codes. */
export async function confirmPhone(phoneNumber: string, code: string): Promise<void> {
  await api("/api/auth/phone-number/verify", OkSchema, { method: "POST", body: { phoneNumber, code } });
}

/** Makes SMS the second factor (needs a confirmed number); the authenticator app stops working. */
export async function enableSms(password: string): Promise<void> {
  await api("/api/auth/two-factor/enable", OkSchema, { method: "POST", body: { method: "otp", password } });
}

export async function generateBackupCodes(password: string): Promise<string[]> {
  const result = await api("/api/auth/two-factor/generate-backup-codes", BackupCodesResponseSchema, {
    method: "POST",
    body: { password },
  });
  return result.backupCodes;
}

export async function requestPasswordReset(email: string): Promise<void> {
  await api("/api/auth/request-password-reset", OkSchema, {
    method: "POST",
    body: { email, redirectTo: RESET_PASSWORD_PATH },
  });
}

export async function resetPassword(token: string, newPassword: string): Promise<void> {
  await api("/api/auth/reset-password", OkSchema, { method: "POST", body: { token, newPassword } });
}

export async function changePassword(input: {
  currentPassword: string;
  newPassword: string;
  revokeOtherSessions: boolean;
}): Promise<void> {
  await api("/api/auth/change-password", OkSchema, { method: "POST", body: input });
}

export const sessionsQuery = queryOptions({
  queryKey: ["identity", "sessions"],
  queryFn: async ({ signal }) => {
    const [sessions, current] = await Promise.all([
      api("/api/auth/list-sessions", z.array(SessionSchema), { signal }),
      api("/api/auth/get-session", CurrentSessionResponseSchema, { signal }),
    ]);
    const currentId = current?.session.id ?? null;
    return sessions
      .map((session) => ({ ...session, current: session.id === currentId }))
      .sort((a, b) => Number(b.current) - Number(a.current) || b.updatedAt.getTime() - a.updatedAt.getTime());
  },
});

export async function revokeSession(id: string): Promise<void> {
  await api("/api/auth/revoke-session", OkSchema, { method: "POST", body: { id } });
}

export async function revokeOtherSessions(): Promise<void> {
  await api("/api/auth/revoke-other-sessions", OkSchema, { method: "POST", body: {} });
}

export function invitationPreviewQuery(token: string) {
  return queryOptions({
    queryKey: ["identity", "invitation", token],
    queryFn: ({ signal }) =>
      api(`/api/v1/invitations/preview?token=${encodeURIComponent(token)}`, InvitationPreviewResponseSchema, {
        signal,
      }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function acceptInvitation(input: { token: string; name: string; password?: string }) {
  return api("/api/v1/invitations/accept", AcceptInvitationResponseSchema, {
    method: "POST",
    body: { ...input, acceptTerms: true },
  });
}

export function registerCandidate(input: {
  email: string;
  name: string;
  password: string;
  locale: "nl" | "en";
}) {
  return api("/api/v1/candidates/register", RegisterCandidateResponseSchema, {
    method: "POST",
    body: { ...input, acceptTerms: true },
  });
}
