import { randomUUID } from "node:crypto";
import type { RegisterCandidateRequest } from "../../../contracts/identity";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { candidates } from "../candidates/candidates.schema";
import { accounts, memberships, users } from "../tenancy/tenancy.schema";
import { type Auth, hashPassword } from "./auth";
import { checkPassword, passwordRuleMessage } from "./password-policy";

/** Where the verification link lands in the web app. */
export const VERIFIED_CALLBACK = "/registreren/bevestigd";

/**
 * A person registers on a portal's candidate side. The account, its candidate role on this
 * portal and an empty profile are made in one transaction; the address must be confirmed
 * before the first sign-in. The answer is the same when the address already has an account,
 * so the form does not tell who is registered.
 */
export async function registerCandidate(
  deps: { db: Db; auth: Auth },
  input: RegisterCandidateRequest & { portalId: string },
  locale: "nl" | "en",
): Promise<void> {
  const { db, auth } = deps;
  const check = checkPassword(input.password, { email: input.email });
  if (!check.ok) {
    throw new AppError("password_policy", {
      fields: check.failed.map((rule) => ({ path: "password", message: passwordRuleMessage(rule, locale) })),
    });
  }
  const existing = await db.query.users.findFirst({
    where: (u, { eq }) => eq(u.email, input.email),
    columns: { id: true },
  });
  if (existing) return;
  const userId = randomUUID();
  const passwordHash = await hashPassword(input.password);
  const [firstName = input.name, ...rest] = input.name.split(/\s+/);
  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id: userId,
      name: input.name,
      email: input.email,
      emailVerified: false,
      locale: input.locale,
    });
    await tx.insert(accounts).values({
      id: randomUUID(),
      userId,
      accountId: userId,
      providerId: "credential",
      password: passwordHash,
    });
    await tx.insert(memberships).values({ userId, role: "candidate", portalId: input.portalId });
    await tx.insert(candidates).values({
      portalId: input.portalId,
      userId,
      firstName,
      lastName: rest.join(" "),
      email: input.email,
      // A new profile stays out of the explorer until its owner fills it in and opts in.
      visible: false,
    });
  });
  await auth.api.sendVerificationEmail({ body: { email: input.email, callbackURL: VERIFIED_CALLBACK } });
}
