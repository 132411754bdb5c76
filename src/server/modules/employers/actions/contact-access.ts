import type { Locale } from "../../../../contracts/common";
import type { ContactPerson } from "../../../../contracts/employers";
import { AppError } from "../../../platform/errors";
import { fieldMessage } from "../../../platform/i18n";
import type { Caller } from "../../tenancy";
import { contactPersonsRepository } from "../contact-persons.repository";
import { type AccessRevokedPayload, EMPLOYER_EVENTS } from "../employers.events";
import { employersRepository } from "../employers.repository";
import { aboutEmployer, type EmployerDeps, writable } from "./context";
import { contactView } from "./employer-view";

/**
 * Invites the contact person to the portal with a personal message (30 days), or sends the
 * pending invitation again; the invitation and its mail are the identity module's.
 */
export async function inviteContact(
  deps: EmployerDeps,
  caller: Caller,
  id: string,
  contactId: string,
  personalMessage: string | null,
  locale: Locale,
): Promise<ContactPerson> {
  const { store } = deps;
  const { scopes, employer } = await writable(deps, caller, id);
  if (employer.archivedAt) throw new AppError("invalid_transition");
  const family = await store.bind(scopes.read, employersRepository).families([id]);
  const contact = await contactView(store, scopes, family, contactId);
  if (!contact) throw new AppError("not_found");
  if (!contact.email) {
    throw new AppError("validation_failed", {
      fields: [{ path: "email", message: fieldMessage("required", locale) }],
    });
  }
  if (contact.access.status === "active") throw new AppError("conflict");
  if (contact.access.status === "invited" && contact.access.invitationId) {
    await deps.invitations.resend(caller, contact.access.invitationId);
  } else {
    await deps.invitations.create(caller, {
      email: contact.email,
      organisationId: id,
      role: "employer_contact",
      mayManageVacancies: contact.mayManageVacancies,
      personalMessage,
      locale: contact.language,
    });
  }
  return (await contactView(store, scopes, family, contactId))!;
}

/** Withdraws a pending invitation, or ends the access of a contact who has an account. */
export async function revokeContact(
  deps: EmployerDeps,
  caller: Caller,
  id: string,
  contactId: string,
): Promise<ContactPerson> {
  const { store } = deps;
  const { scopes, employer } = await writable(deps, caller, id);
  const family = await store.bind(scopes.read, employersRepository).families([id]);
  const contact = await contactView(store, scopes, family, contactId);
  if (!contact) throw new AppError("not_found");
  if (contact.access.status === "invited" && contact.access.invitationId) {
    await deps.invitations.revoke(caller, contact.access.invitationId);
  } else if (contact.access.status === "active" && contact.access.userId) {
    const userId = contact.access.userId;
    await store.transaction(async (tx) => {
      const ended = await tx
        .bind(scopes.write, contactPersonsRepository)
        .endAccess(family, userId, caller.userId());
      if (!ended) return;
      // The mail goes to the person as they were when their access ended.
      const payload: AccessRevokedPayload = { organisationName: employer.name, recipient: ended.recipient };
      await tx.emit(
        aboutEmployer(caller, employer, {
          type: EMPLOYER_EVENTS.accessRevoked,
          subject: { contactPersonId: contactId, userId },
          payload: { ...payload },
        }),
      );
    });
  } else {
    throw new AppError("invalid_transition");
  }
  return (await contactView(store, scopes, family, contactId))!;
}
