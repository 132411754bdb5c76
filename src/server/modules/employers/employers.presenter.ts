import type {
  AccountManagerHomeResponse,
  ContactPerson,
  Employer,
  EmployerListItem,
} from "../../../contracts/employers";
import type { ContactPersonRow } from "./contact-persons.repository";
import type { VacancyActivity, VacancyChangeRow } from "./employer-activity.repository";
import type { ContactAccess } from "./employers.policy";
import type { EmployerRow, PersonRef } from "./employers.repository";

export function presentListItem(
  row: Pick<EmployerRow, "id" | "name" | "city" | "kvkNumber" | "archivedAt"> & { contactNames: string[] },
  accountManager: PersonRef | null,
): EmployerListItem {
  return {
    id: row.id,
    name: row.name,
    city: row.city,
    kvkNumber: row.kvkNumber,
    contacts: row.contactNames,
    accountManager,
    archived: row.archivedAt !== null,
  };
}

export function presentContact(
  contact: ContactPersonRow,
  access: ContactAccess,
  activity: VacancyActivity | undefined,
): ContactPerson {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    notes: contact.notes,
    mayManageVacancies: contact.mayManageVacancies,
    language: contact.language,
    access,
    activity: {
      vacancies: activity?.vacancies ?? 0,
      lastActiveAt: activity?.lastActiveAt?.toISOString() ?? null,
    },
    createdAt: contact.createdAt.toISOString(),
  };
}

export interface EmployerDetails {
  accountManager: PersonRef | null;
  managedBy: { id: string; name: string } | null;
  contacts: ContactPerson[];
  vacancies: { active: number; expired: number };
  permissions: Employer["permissions"];
}

export function presentEmployer(employer: EmployerRow, details: EmployerDetails): Employer {
  return {
    id: employer.id,
    name: employer.name,
    kvkNumber: employer.kvkNumber,
    address: {
      street: employer.street,
      houseNumber: employer.houseNumber,
      postcode: employer.postcode,
      city: employer.city,
    },
    description: employer.description,
    website: employer.website,
    accountManager: details.accountManager,
    managedBy: details.managedBy,
    archived: employer.archivedAt !== null,
    archivedAt: employer.archivedAt?.toISOString() ?? null,
    contacts: details.contacts,
    vacancies: details.vacancies,
    permissions: details.permissions,
    createdAt: employer.createdAt.toISOString(),
  };
}

/** One row of the activity overview (HalloWerk "Download activiteiten overzicht"). */
export interface ActivityRow {
  name: string;
  email: string;
  role: "account_manager" | "contact_person";
  organisation: string;
  lastSignInAt: Date | null;
  vacanciesCreated: number;
  vacanciesChanged: number;
  candidatesSaved: number;
  candidatesProposed: number;
  reviews: number;
  invitationsSent: number;
  lastActivityAt: Date | null;
}

export interface PersonActivity {
  lastSignInAt: Date | null;
  vacancies: VacancyActivity | undefined;
  matches: { saved: number; proposed: number; last: Date | null } | undefined;
  invitations: { sent: number; last: Date | null } | undefined;
}

export function presentActivityRow(
  person: { name: string; email: string | null },
  role: ActivityRow["role"],
  organisation: string,
  activity: PersonActivity,
): ActivityRow {
  const { vacancies: v, matches: m, invitations: i } = activity;
  const dates = [v?.lastActiveAt, m?.last, i?.last].filter((d): d is Date => d instanceof Date);
  return {
    name: person.name,
    email: person.email ?? "",
    role,
    organisation,
    lastSignInAt: activity.lastSignInAt,
    vacanciesCreated: v?.created ?? 0,
    vacanciesChanged: v?.changed ?? 0,
    candidatesSaved: m?.saved ?? 0,
    candidatesProposed: m?.proposed ?? 0,
    reviews: 0,
    invitationsSent: i?.sent ?? 0,
    lastActivityAt: dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null,
  };
}

/** One vacancy of "Wat is er veranderd": its changes once each, the applications counted. */
export function presentChange(row: VacancyChangeRow): AccountManagerHomeResponse["changes"][number] {
  return {
    vacancyId: row.vacancyId,
    title: row.title,
    link: `/vacaturebeheer/${row.vacancyId}`,
    at: row.at.toISOString(),
    actions: [...new Set(row.actions)],
    applications: row.actions.filter((a) => a === "applied").length,
    actors: row.actors,
    closed: row.closed,
  };
}
