import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { accessRevoked, mailLocale } from "../../platform/mail-templates";
import type { Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { IDENTITY_EVENTS, type LanguageChangedPayload } from "../identity";
import { contactPersonsRepository } from "./contact-persons.repository";

/*
 * The events of the employer CRM. Each is written in the transaction of its change, about the
 * employer (`organisationId`, `subject.employerId`) on its home portal, with the actor:
 * - employer.created                 payload { name, kvkNumber, managedByOrganisationId, accountManagerUserId }
 * - employer.updated                 payload { changes: the fields set, with their new values }
 * - employer.account_manager_assigned payload { from, to, vacancyIds (now following `to`) }
 * - employer.archived                payload { name, vacancyIds (archived along) }
 * - employer.restored                payload { name }
 * - employer.deleted                 payload { name, kvkNumber, organisationIds, vacancyIds }
 * - contact_person.added             subject + contactPersonId; payload { name, mayManageVacancies, language }
 * - contact_person.updated           payload { fields, language? }; subject.userId when the contact has an account
 * - contact_person.removed           payload { name }
 * - contact_person.access_revoked    subject + contactPersonId, userId; payload { organisationName, recipient }
 */
export const EMPLOYER_EVENTS = {
  created: "employer.created",
  updated: "employer.updated",
  accountManagerAssigned: "employer.account_manager_assigned",
  archived: "employer.archived",
  restored: "employer.restored",
  deleted: "employer.deleted",
  contactAdded: "contact_person.added",
  contactUpdated: "contact_person.updated",
  contactRemoved: "contact_person.removed",
  accessRevoked: "contact_person.access_revoked",
} as const;

export interface AccessRevokedPayload {
  organisationName: string;
  /** Null when the account no longer exists: nobody to write to. */
  recipient: { email: string; name: string; locale: string } | null;
}

/**
 * The mail a contact gets when their access to an employer ends (retried until it is sent), and
 * the employer's record of a contact following the language the contact chose for their account.
 */
export function registerEmployerSubscribers(events: EventBus, deps: { mailer: Mailer; store: Store }): void {
  events.subscribe({
    name: "employers.contact-language",
    types: [IDENTITY_EVENTS.languageChanged],
    async handle(event) {
      const userId = event.subject.userId;
      const { locale } = event.payload as unknown as LanguageChangedPayload;
      if (!userId) return;
      await deps.store
        .bind(systemScope("events"), contactPersonsRepository)
        .setLanguageOfUser(userId, locale);
    },
  });

  events.subscribe({
    name: "employers.access-revoked-mail",
    types: [EMPLOYER_EVENTS.accessRevoked],
    async handle(event) {
      const { organisationName, recipient } = event.payload as unknown as AccessRevokedPayload;
      if (!recipient) return;
      await deps.mailer.send({
        to: recipient.email,
        ...accessRevoked({
          locale: mailLocale(recipient.locale),
          portalName: "Werkbrug",
          name: recipient.name,
          organisationName,
        }),
      });
    },
  });
}
