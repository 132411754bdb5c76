import type { Db } from "../../platform/db";
import type { Mailer } from "../../platform/mail";
import { mailLocale, resetPassword, verifyEmail } from "../../platform/mail-templates";

/** Minutes a password-reset link works; auth.ts gives better-auth the same figure. */
export const RESET_LINK_MINUTES = 60;

/** The password-reset mail, in the recipient's language. */
export async function sendPasswordResetMail(
  mailer: Mailer,
  db: Db,
  input: { userId: string; email: string; name: string; url: string },
): Promise<void> {
  const user = await db.query.users.findFirst({
    where: (u, { eq }) => eq(u.id, input.userId),
    columns: { locale: true },
  });
  await mailer.send({
    to: input.email,
    ...resetPassword({
      locale: mailLocale(user?.locale),
      portalName: "Werkbrug",
      name: input.name,
      resetUrl: input.url,
      expiresInMinutes: RESET_LINK_MINUTES,
    }),
  });
}

/** The link a self-registered candidate follows to confirm the address. */
export async function sendVerificationMail(
  mailer: Mailer,
  db: Db,
  input: { userId: string; email: string; name: string; url: string },
): Promise<void> {
  const user = await db.query.users.findFirst({
    where: (u, { eq }) => eq(u.id, input.userId),
    columns: { locale: true },
  });
  await mailer.send({
    to: input.email,
    ...verifyEmail({
      locale: mailLocale(user?.locale),
      portalName: "Werkbrug",
      name: input.name,
      verifyUrl: input.url,
    }),
  });
}
