import type { z } from "zod";
import type { Locale } from "../../../../contracts/common";
import type {
  ContactPerson,
  ContactPersonInputSchema,
  UpdateContactPersonRequestSchema,
} from "../../../../contracts/employers";
import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { contactPersonsRepository } from "../contact-persons.repository";
import { EMPLOYER_EVENTS } from "../employers.events";
import { holdsAccess } from "../employers.policy";
import { employersRepository } from "../employers.repository";
import { aboutEmployer, type EmployerDeps, writable } from "./context";
import { contactView } from "./employer-view";

type ContactInput = z.output<typeof ContactPersonInputSchema>;
type ContactUpdate = z.output<typeof UpdateContactPersonRequestSchema>;

/** A contact person of the employer, once per e-mail address in its family. */
export async function addContact(
  deps: EmployerDeps,
  caller: Caller,
  id: string,
  input: ContactInput,
  locale: Locale,
): Promise<ContactPerson> {
  const { store } = deps;
  const { scopes, employer } = await writable(deps, caller, id);
  const family = await store.bind(scopes.write, employersRepository).families([id]);
  if (input.email) {
    const existing = (await store.bind(scopes.write, contactPersonsRepository).list(family)).find(
      (c) => c.email?.toLowerCase() === input.email,
    );
    if (existing) {
      throw new AppError("conflict", {
        fields: [
          {
            path: "email",
            message:
              locale === "nl"
                ? `Al contactpersoon: ${existing.name}.`
                : `Already a contact person: ${existing.name}.`,
          },
        ],
      });
    }
  }
  const created = await store.transaction(async (tx) => {
    const row = await tx
      .bind(scopes.write, contactPersonsRepository)
      .insert({ organisationId: id, ...input, createdByUserId: caller.userId() });
    await tx.emit(
      aboutEmployer(caller, employer, {
        type: EMPLOYER_EVENTS.contactAdded,
        subject: { contactPersonId: row.id },
        payload: { name: row.name, mayManageVacancies: row.mayManageVacancies, language: row.language },
      }),
    );
    return row;
  });
  return (await contactView(store, scopes, family, created.id))!;
}

/** Changes a contact person; the right to manage vacancies is their account's right too. */
export async function updateContact(
  deps: EmployerDeps,
  caller: Caller,
  id: string,
  contactId: string,
  input: ContactUpdate,
): Promise<ContactPerson> {
  const { store } = deps;
  const { scopes, employer } = await writable(deps, caller, id);
  const family = await store.bind(scopes.write, employersRepository).families([id]);
  const contact = await store.bind(scopes.write, contactPersonsRepository).find(id, contactId);
  if (!contact) throw new AppError("not_found");
  await store.transaction(async (tx) => {
    const contacts = tx.bind(scopes.write, contactPersonsRepository);
    await contacts.update(contactId, input);
    if (input.mayManageVacancies !== undefined && contact.userId)
      await contacts.setMayManageVacancies(family, contact.userId, input.mayManageVacancies);
    await tx.emit(
      aboutEmployer(caller, employer, {
        type: EMPLOYER_EVENTS.contactUpdated,
        // With an account, the contact's language is their account's too (identity follows it).
        subject: { contactPersonId: contactId, ...(contact.userId ? { userId: contact.userId } : {}) },
        payload: {
          fields: Object.keys(input).filter((k) => input[k as keyof ContactUpdate] !== undefined),
          ...(input.language && input.language !== contact.language ? { language: input.language } : {}),
        },
      }),
    );
  });
  return (await contactView(store, scopes, family, contactId))!;
}

/** Only after their access is revoked (HalloWerk). */
export async function deleteContact(
  deps: EmployerDeps,
  caller: Caller,
  id: string,
  contactId: string,
): Promise<void> {
  const { store } = deps;
  const { scopes, employer } = await writable(deps, caller, id);
  const family = await store.bind(scopes.write, employersRepository).families([id]);
  const contact = await contactView(store, scopes, family, contactId);
  if (!contact) throw new AppError("not_found");
  if (holdsAccess(contact.access)) {
    throw new AppError("conflict", {
      message: {
        nl: `${contact.name} heeft nog toegang of een openstaande uitnodiging. Trek die eerst in.`,
        en: `${contact.name} still has access or a pending invitation. Revoke it first.`,
        de: `${contact.name} hat noch Zugang oder eine offene Einladung. Entziehen Sie diese zuerst.`,
        fr: `${contact.name} a encore un accès ou une invitation en attente. Révoquez-les d'abord.`,
      },
    });
  }
  await store.transaction(async (tx) => {
    const removed = await tx.bind(scopes.write, contactPersonsRepository).delete(contactId);
    if (!removed) return;
    await tx.emit(
      aboutEmployer(caller, employer, {
        type: EMPLOYER_EVENTS.contactRemoved,
        subject: { contactPersonId: contactId },
        payload: { name: removed.name },
      }),
    );
  });
}
