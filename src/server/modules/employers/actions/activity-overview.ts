import type { Caller } from "../../tenancy";
import { employerActivityRepository } from "../employer-activity.repository";
import { crmScopesOf } from "../employers.policy";
import { type ActivityRow, presentActivityRow } from "../employers.presenter";
import type { EmployerDeps } from "./context";

/**
 * The activity overview (HalloWerk "Download activiteiten overzicht"): a row for every account
 * manager of the team and every contact person of the employers the caller sees.
 */
export async function activityOverview({ store }: EmployerDeps, caller: Caller): Promise<ActivityRow[]> {
  const scopes = await crmScopesOf(caller);
  const managers = await store.bind(scopes.team, employerActivityRepository).teamManagers();
  const contacts = await store.bind(scopes.read, employerActivityRepository).contactsOfEmployers();
  const userIds = [
    ...managers.map((m) => m.id),
    ...contacts.flatMap((c) => (c.contact.userId ? [c.contact.userId] : [])),
  ];
  const work = store.bind(scopes.work, employerActivityRepository);
  const vacancies = await work.vacancyActivity(userIds);
  const matches = await work.matchActivity(userIds);
  const invitations = await work.invitationActivity(userIds);
  const signIns = await work.lastSignIns(userIds);
  const ownOrganisation = await store
    .bind(scopes.team, employerActivityRepository)
    .managerOrganisations(managers.map((m) => m.id));
  const activityOf = (userId: string | null) => ({
    lastSignInAt: userId ? (signIns.get(userId) ?? null) : null,
    vacancies: userId ? vacancies.get(userId) : undefined,
    matches: userId ? matches.get(userId) : undefined,
    invitations: userId ? invitations.get(userId) : undefined,
  });
  return [
    ...managers.map((m) =>
      presentActivityRow(m, "account_manager", ownOrganisation.get(m.id) ?? "", activityOf(m.id)),
    ),
    ...contacts.map((c) =>
      presentActivityRow(c.contact, "contact_person", c.organisationName, activityOf(c.contact.userId)),
    ),
  ];
}

/** The time zone the caller's activity overview is written in (its organisation's). */
export async function activityTimeZone({ store }: EmployerDeps, caller: Caller): Promise<string> {
  const scopes = await crmScopesOf(caller);
  return store.bind(scopes.team, employerActivityRepository).teamTimeZone();
}
