import type { RegisterCandidateRequest } from "../../../contracts/identity";
import { AppError } from "../../platform/errors";
import { publicScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import { accountsRepository } from "./accounts.repository";
import { type Auth, hashPassword, requestPortal } from "./auth";
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
  deps: { store: Store; auth: Auth },
  input: RegisterCandidateRequest & { portalId: string },
  locale: "nl" | "en",
): Promise<void> {
  const { store, auth } = deps;
  const check = checkPassword(input.password, { email: input.email });
  if (!check.ok) {
    throw new AppError("password_policy", {
      fields: check.failed.map((rule) => ({ path: "password", message: passwordRuleMessage(rule, locale) })),
    });
  }
  if (await store.bind(publicScope, accountsRepository).byEmail(input.email)) return;
  const passwordHash = await hashPassword(input.password);
  const [firstName = input.name, ...rest] = input.name.split(/\s+/);
  await store.transaction(async (tx) => {
    const accounts = tx.bind(publicScope, accountsRepository);
    const userId = await accounts.createWithPassword({
      name: input.name,
      email: input.email,
      emailVerified: false,
      locale: input.locale,
      passwordHash,
    });
    await accounts.addMembership({ userId, role: "candidate", portalId: input.portalId });
    await accounts.addCandidateProfile({
      portalId: input.portalId,
      userId,
      firstName,
      lastName: rest.join(" "),
      email: input.email,
    });
  });
  // better-auth makes the link and calls back, which writes the mail's event (identity.mail.ts).
  // On the portal they registered on, so the link brings them back there.
  await requestPortal.run(input.portalId, () =>
    auth.api.sendVerificationEmail({ body: { email: input.email, callbackURL: VERIFIED_CALLBACK } }),
  );
}
