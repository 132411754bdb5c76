import { createHash, randomBytes } from "node:crypto";
import type { CompleteSetupRequest, SetupStatusResponse } from "../../../contracts/setup";
import { AppError } from "../../platform/errors";
import type { MessageLocale } from "../../platform/i18n";
import { type PlatformScope, publicScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import { checkPassword, hashPassword, passwordRuleMessage } from "../identity";
import { type SetupTokenRow, setupRepository } from "./setup.repository";

/** How long a printed setup link works (decision 0031). */
export const SETUP_LINK_HOURS = 24;

export function hashSetupToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The page the link opens (a web route, Dutch path as the app's other pages). */
export function setupUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/inrichten?token=${encodeURIComponent(token)}`;
}

function usable(row: SetupTokenRow | null, now: Date): row is SetupTokenRow {
  return row !== null && row.usedAt === null && row.supersededAt === null && row.expiresAt > now;
}

function passwordProblems(password: string, email: string, locale: MessageLocale) {
  const check = checkPassword(password, { email });
  if (check.ok) return;
  throw new AppError("password_policy", {
    fields: check.failed.map((rule) => ({ path: "password", message: passwordRuleMessage(rule, locale) })),
  });
}

export interface FirstRunDeps {
  store: Store;
  now?: () => Date;
}

/**
 * The banner's link: made only while the platform has no administrator. Every start makes a new
 * one and the older ones stop working, so the newest banner is always the one to follow.
 */
export async function issueSetupLink(
  { store, now = () => new Date() }: FirstRunDeps,
  scope: PlatformScope,
  publicUrl: string,
): Promise<{ url: string; expiresAt: Date } | null> {
  const setup = store.bind(scope, setupRepository);
  if (await setup.hasPlatformAdmin()) return null;
  const token = randomBytes(32).toString("base64url");
  const issuedAt = now();
  const expiresAt = new Date(issuedAt.getTime() + SETUP_LINK_HOURS * 3_600_000);
  await store.transaction(async (tx) => {
    await tx
      .bind(scope, setupRepository)
      .issue({ tokenHash: hashSetupToken(token), now: issuedAt, expiresAt });
  });
  return { url: setupUrl(publicUrl, token), expiresAt };
}

/** What the setup page asks before it shows the form. */
export async function setupStatus(
  { store, now = () => new Date() }: FirstRunDeps,
  token: string,
): Promise<SetupStatusResponse> {
  const setup = store.bind(publicScope, setupRepository);
  if (await setup.hasPlatformAdmin()) throw new AppError("setup_already_done");
  const row = await setup.byTokenHash(hashSetupToken(token));
  if (!usable(row, now())) throw new AppError("setup_link_unusable");
  return { status: "ready", expiresAt: row.expiresAt.toISOString() };
}

/**
 * Creates the first platform administrator in one transaction with the link's use: a refusal at
 * any step leaves the link usable and nothing stored.
 */
export async function completeSetup(
  { store, now = () => new Date() }: FirstRunDeps,
  input: CompleteSetupRequest,
  locale: MessageLocale,
): Promise<{ email: string; userId: string }> {
  return store.transaction(async (tx) => {
    const setup = tx.bind(publicScope, setupRepository);
    const row = await setup.lockByTokenHash(hashSetupToken(input.token));
    const at = now();
    if (!usable(row, at)) throw new AppError("setup_link_unusable");
    if (await setup.hasPlatformAdmin()) throw new AppError("setup_already_done");
    if (await setup.emailTaken(input.email)) throw new AppError("account_email_taken");
    passwordProblems(input.password, input.email, locale);
    const userId = await setup.createPlatformAdmin({
      name: input.name,
      email: input.email,
      locale: input.locale,
      passwordHash: await hashPassword(input.password),
    });
    await setup.markUsed(row.id, userId, at);
    return { email: input.email, userId };
  });
}

/** `npm run admin:create`: another platform administrator for scripted installs. */
export async function createPlatformAdmin(
  { store }: FirstRunDeps,
  scope: PlatformScope,
  input: { name: string; email: string; password: string; locale: "nl" | "en" },
): Promise<{ userId: string }> {
  return store.transaction(async (tx) => {
    const setup = tx.bind(scope, setupRepository);
    const email = input.email.trim().toLowerCase();
    if (await setup.emailTaken(email)) throw new AppError("account_email_taken");
    passwordProblems(input.password, email, "en");
    const userId = await setup.createPlatformAdmin({
      name: input.name.trim(),
      email,
      locale: input.locale,
      passwordHash: await hashPassword(input.password),
    });
    return { userId };
  });
}
