import type { CreateInvitationRequest, Invitation } from "../../../contracts/identity";
import { AppError } from "../../platform/errors";
import { publicScope, reaches } from "../../platform/scope";
import type { Sealer } from "../../platform/secrets";
import type { Store } from "../../platform/store";
import type { Caller } from "../tenancy";
import { accountsRepository } from "./accounts.repository";
import { auditRepository } from "./audit.repository";
import { IDENTITY_EVENTS } from "./identity.mail";
import { createInvitationAcceptance } from "./invitation-acceptance";
import { hashToken, INVITATION_DAYS, newToken } from "./invitations.mail";
import { invitationScope } from "./invitations.policy";
import { presentInvitation, statusOf } from "./invitations.presenter";
import { invitationsRepository } from "./invitations.repository";

export { INVITATION_DAYS } from "./invitations.mail";

export interface InvitationDeps {
  store: Store;
  /** Seals the token in the event, so only the mail subscriber can read it (decision 0015). */
  sealer: Sealer;
}

const alreadyMember = {
  nl: "Deze persoon heeft deze rol al bij deze organisatie.",
  en: "This person already has this role at this organisation.",
  de: "Diese Person hat diese Rolle bei dieser Organisation bereits.",
  fr: "Cette personne a déjà ce rôle dans cette organisation.",
};
const alreadyOpen = {
  nl: "Er staat al een uitnodiging open voor dit e-mailadres. Verstuur die opnieuw of trek hem in.",
  en: "An invitation for this address is already open. Resend it or revoke it.",
  de: "Für diese E-Mail-Adresse ist bereits eine Einladung offen. Senden Sie sie erneut oder ziehen Sie sie zurück.",
  fr: "Une invitation est déjà en attente pour cette adresse. Renvoyez-la ou révoquez-la.",
};

/**
 * Staff invitations: made, resent and withdrawn by admins. The mail is not sent here: the
 * invitation's event is written with it, and the identity subscriber mails it (so it shows as
 * "sending" until delivered, and "failed" when delivery fails).
 */
export function createInvitationService({ store, sealer }: InvitationDeps) {
  const expiry = () => new Date(Date.now() + INVITATION_DAYS * 86_400_000);

  return {
    async create(caller: Caller, input: CreateInvitationRequest): Promise<Invitation> {
      const scope = await invitationScope(caller, input.role);
      if (!reaches(scope, input.organisationId)) throw new AppError("forbidden");
      const accounts = store.bind(publicScope, accountsRepository);
      const existing = await accounts.byEmail(input.email);
      if (existing && (await accounts.hasMembership(existing.id, input.organisationId, input.role)))
        throw new AppError("conflict", { message: alreadyMember });
      const token = newToken();
      const id = await store.transaction(async (tx) => {
        const invitations = tx.bind(scope, invitationsRepository);
        if (await invitations.findPendingFor(input.email, input.organisationId))
          throw new AppError("conflict", { message: alreadyOpen });
        const created = await invitations.insert({
          tokenHash: hashToken(token),
          email: input.email,
          organisationId: input.organisationId,
          role: input.role,
          mayManageVacancies: input.role === "employer_contact" && input.mayManageVacancies,
          personalMessage: input.personalMessage,
          locale: input.locale,
          invitedByUserId: caller.userId(),
          expiresAt: expiry(),
        });
        if (!created) throw new AppError("forbidden");
        await tx.bind(scope, auditRepository).record({
          type: "invitation_sent",
          actorUserId: caller.userId(),
          organisationIds: [input.organisationId],
          email: input.email,
          details: { role: input.role },
        });
        await tx.emit({
          type: IDENTITY_EVENTS.invitationCreated,
          organisationId: input.organisationId,
          // The portal the admin works on: the mail's link goes there (identity.events.ts).
          portalId: caller.portal?.id ?? null,
          subject: { invitationId: created.id },
          actorUserId: caller.userId(),
          payload: { sealedToken: sealer.seal(token) },
        });
        return created.id;
      });
      const row = await store.bind(scope, invitationsRepository).find(id);
      if (!row) throw new AppError("not_found");
      return presentInvitation(row);
    },

    async list(caller: Caller): Promise<Invitation[]> {
      const scope = await invitationScope(caller);
      return (await store.bind(scope, invitationsRepository).list()).map(presentInvitation);
    },

    /** A new link (the old one stops working), a fresh 30 days, and a new mail. */
    async resend(caller: Caller, id: string): Promise<Invitation> {
      const scope = await invitationScope(caller);
      const row = await store.bind(scope, invitationsRepository).find(id);
      if (!row) throw new AppError("not_found");
      const status = statusOf(row.invitation);
      if (status === "accepted" || status === "revoked") throw new AppError("conflict");
      const token = newToken();
      const patch = { tokenHash: hashToken(token), expiresAt: expiry(), lastSentAt: new Date() };
      await store.transaction(async (tx) => {
        await tx.bind(scope, invitationsRepository).update(id, patch);
        await tx.bind(scope, auditRepository).record({
          type: "invitation_resent",
          actorUserId: caller.userId(),
          organisationIds: [row.invitation.organisationId],
          email: row.invitation.email,
        });
        await tx.emit({
          type: IDENTITY_EVENTS.invitationResent,
          organisationId: row.invitation.organisationId,
          // The portal the admin works on: the mail's link goes there (identity.events.ts).
          portalId: caller.portal?.id ?? null,
          subject: { invitationId: id },
          actorUserId: caller.userId(),
          payload: { sealedToken: sealer.seal(token) },
        });
      });
      const updated = await store.bind(scope, invitationsRepository).find(id);
      return presentInvitation(
        updated ?? { ...row, invitation: { ...row.invitation, ...patch }, delivery: "sending" },
      );
    },

    async revoke(caller: Caller, id: string): Promise<Invitation> {
      const scope = await invitationScope(caller);
      const row = await store.bind(scope, invitationsRepository).find(id);
      if (!row) throw new AppError("not_found");
      if (statusOf(row.invitation) === "accepted") throw new AppError("conflict");
      const revokedAt = new Date();
      await store.transaction(async (tx) => {
        await tx.bind(scope, invitationsRepository).update(id, { revokedAt });
        await tx.bind(scope, auditRepository).record({
          type: "invitation_revoked",
          actorUserId: caller.userId(),
          organisationIds: [row.invitation.organisationId],
          email: row.invitation.email,
        });
      });
      return presentInvitation({ ...row, invitation: { ...row.invitation, revokedAt } });
    },

    ...createInvitationAcceptance({ store }),
  };
}

export type InvitationService = ReturnType<typeof createInvitationService>;
