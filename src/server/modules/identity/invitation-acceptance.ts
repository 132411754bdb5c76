import { type UiLocale, uiLocaleOf } from "../../../contracts/common";
import type { AcceptInvitationRequest, InvitationPreviewResponse } from "../../../contracts/identity";
import { AppError } from "../../platform/errors";
import { publicScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import { accountsRepository } from "./accounts.repository";
import { hashPassword } from "./auth";
import { hashToken } from "./invitations.mail";
import { statusOf } from "./invitations.presenter";
import { invitationTokensRepository } from "./invitations.repository";
import { checkPassword, type PasswordLocale, passwordRuleMessage } from "./password-policy";

const unusableMessage = {
  nl: "Deze uitnodiging kan niet meer gebruikt worden. Vraag degene die je uitnodigde om een nieuwe.",
  en: "This invitation can no longer be used. Ask the person who invited you for a new one.",
  de: "Diese Einladung kann nicht mehr verwendet werden. Bitten Sie die Person, die Sie eingeladen hat, um eine neue.",
  fr: "Cette invitation ne peut plus être utilisée. Demandez-en une nouvelle à la personne qui vous a invité.",
};

/** What the invitee does with the link: look at it, and accept it. The token is their only key. */
/** The invitation's language as the account's: German and French for contact persons only. */
function accountLocale(role: string, locale: string): UiLocale {
  const chosen = uiLocaleOf(locale);
  return role === "employer_contact" || chosen === "nl" || chosen === "en" ? chosen : "en";
}

export function createInvitationAcceptance({ store }: { store: Store }) {
  return {
    async preview(token: string): Promise<InvitationPreviewResponse> {
      const row = await store.bind(publicScope, invitationTokensRepository).findByTokenHash(hashToken(token));
      if (!row) throw new AppError("not_found", { message: unusableMessage });
      const i = row.invitation;
      const existing = await store.bind(publicScope, accountsRepository).byEmail(i.email);
      return {
        status: statusOf(i),
        email: i.email,
        organisationName: row.organisationName,
        role: i.role as InvitationPreviewResponse["role"],
        portalName: { nl: row.portalNameNl, en: row.portalNameEn },
        invitedBy: { name: row.inviterName, email: row.inviterEmail },
        personalMessage: i.personalMessage,
        expiresAt: i.expiresAt.toISOString(),
        existingAccount: existing !== null,
        locale: accountLocale(i.role, i.locale),
      };
    },

    /**
     * Makes the account (or adds the role to an existing one) in one transaction: a failure at
     * any step leaves no half-made account, and the invitation stays usable.
     */
    async accept(input: AcceptInvitationRequest, locale: PasswordLocale): Promise<{ email: string }> {
      const tokenHash = hashToken(input.token);
      return store.transaction(async (tx) => {
        const tokens = tx.bind(publicScope, invitationTokensRepository);
        const accounts = tx.bind(publicScope, accountsRepository);
        const invite = await tokens.lockByTokenHash(tokenHash);
        if (!invite || statusOf(invite) !== "pending") {
          throw new AppError("invitation_unusable", { message: unusableMessage });
        }
        const existing = await accounts.byEmail(invite.email);
        let userId: string;
        if (existing) {
          userId = existing.id;
          if (existing.deactivatedAt) throw new AppError("account_deactivated");
        } else {
          const password = input.password ?? "";
          const check = checkPassword(password, { email: invite.email });
          if (!check.ok) {
            throw new AppError("password_policy", {
              fields: check.failed.map((rule) => ({
                path: "password",
                message: passwordRuleMessage(rule, locale),
              })),
            });
          }
          userId = await accounts.createWithPassword({
            name: input.name,
            email: invite.email,
            // The link came by mail to this address: that proves it.
            emailVerified: true,
            // The language the account manager chose for the invitation is the account's (de/fr for contacts).
            locale:
              invite.role === "employer_contact"
                ? uiLocaleOf(invite.locale)
                : invite.locale === "en"
                  ? "en"
                  : "nl",
            passwordHash: await hashPassword(password),
          });
        }
        await accounts.addMembership({
          userId,
          role: invite.role,
          organisationId: invite.organisationId,
          mayManageVacancies: invite.mayManageVacancies,
        });
        await tokens.markAccepted(invite.id, userId);
        await tokens.linkContactPerson(invite, userId);
        await tokens.recordAccepted(invite, userId);
        return { email: invite.email };
      });
    },
  };
}
