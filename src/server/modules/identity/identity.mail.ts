import type { Db } from "../../platform/db";
import type { Mailer } from "../../platform/mail";
import {
  type MailContent,
  type MailLocale,
  mailLocale,
  resetPassword,
  verifyEmail,
} from "../../platform/mail-templates";

/** Minutes a password-reset link works; auth.ts gives better-auth the same figure. */
export const RESET_LINK_MINUTES = 60;

interface LinkMail {
  userId: string;
  email: string;
  name: string;
  url: string;
}

/** A mail with a link better-auth made, in the recipient's own language. */
async function sendInUserLanguage(
  mailer: Mailer,
  db: Db,
  input: LinkMail,
  content: (locale: MailLocale) => MailContent,
): Promise<void> {
  const user = await db.query.users.findFirst({
    where: (u, { eq }) => eq(u.id, input.userId),
    columns: { locale: true },
  });
  await mailer.send({ to: input.email, ...content(mailLocale(user?.locale)) });
}

export function sendPasswordResetMail(mailer: Mailer, db: Db, input: LinkMail): Promise<void> {
  return sendInUserLanguage(mailer, db, input, (locale) =>
    resetPassword({
      locale,
      portalName: "Werkbrug",
      name: input.name,
      resetUrl: input.url,
      expiresInMinutes: RESET_LINK_MINUTES,
    }),
  );
}

/** The link a self-registered candidate (or someone changing address) follows to confirm it. */
export function sendVerificationMail(mailer: Mailer, db: Db, input: LinkMail): Promise<void> {
  return sendInUserLanguage(mailer, db, input, (locale) =>
    verifyEmail({ locale, portalName: "Werkbrug", name: input.name, verifyUrl: input.url }),
  );
}
