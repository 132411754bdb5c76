import { createHash, randomBytes } from "node:crypto";
import type { Role } from "../../../contracts/tenancy";
import type { MailMessage } from "../../platform/mail";
import { invitation as invitationMail, mailLocale } from "../../platform/mail-templates";
import { type MailPortal, mailPortalName, mailPortalUrl } from "../../platform/tenancy";
import type { InvitationWithContext } from "./invitations.repository";

/** An invitation link works for 30 days (HalloWerk manual, "Aan de slag"). */
export const INVITATION_DAYS = 30;

const ROLE_LABELS: Record<Role, { nl: string; en: string; de?: string; fr?: string }> = {
  platform_admin: { nl: "platformbeheerder", en: "platform administrator" },
  org_admin: { nl: "beheerder", en: "administrator" },
  account_manager: { nl: "accountmanager", en: "account manager" },
  // Contact persons may read German or French (their language is set per contact).
  employer_contact: {
    nl: "contactpersoon",
    en: "contact person",
    de: "Ansprechpartner",
    fr: "personne de contact",
  },
  hr_officer: { nl: "HR-medewerker", en: "HR officer" },
  selection_officer: { nl: "selectieverantwoordelijke", en: "selection officer" },
  jury_member: { nl: "jurylid", en: "jury member" },
  line_manager: { nl: "leidinggevende", en: "line manager" },
  referrer: { nl: "verwijzer", en: "referrer" },
  candidate: { nl: "kandidaat", en: "candidate" },
};

/** Only this hash is stored; the token itself is in the link (and sealed in the event). */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The invitation mail, in the invitation's language, with the link to `portal` (the portal it was
 * made on) or else the organisation's home portal.
 */
export function invitationMessage(
  row: InvitationWithContext,
  token: string,
  publicUrl: string,
  portal: MailPortal | null = null,
): MailMessage {
  const i = row.invitation;
  const on = portal ?? row;
  const locale = mailLocale(i.locale);
  const acceptUrl = new URL(
    `uitnodiging?token=${encodeURIComponent(token)}`,
    mailPortalUrl(publicUrl, on),
  ).toString();
  return {
    to: i.email,
    ...invitationMail({
      locale,
      portalName: mailPortalName(locale, on),
      inviterName: row.inviterName,
      organisationName: row.organisationName,
      roleLabel: ROLE_LABELS[i.role][locale] ?? ROLE_LABELS[i.role].en,
      personalMessage: i.personalMessage,
      acceptUrl,
      expiresOn: i.expiresAt,
    }),
  };
}
