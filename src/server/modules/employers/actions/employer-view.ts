import type { ContactPerson, Employer } from "../../../../contracts/employers";
import type { Store } from "../../../platform/store";
import { contactPersonsRepository } from "../contact-persons.repository";
import { employerActivityRepository } from "../employer-activity.repository";
import { type CrmScopes, contactAccess, employerPermissions } from "../employers.policy";
import { presentContact, presentEmployer } from "../employers.presenter";
import { type EmployerRow, employersRepository } from "../employers.repository";

/** The contact persons of an employer's family with their access and their activity. */
export async function contactViews(
  store: Store,
  scopes: CrmScopes,
  family: readonly string[],
): Promise<ContactPerson[]> {
  const contactsRepo = store.bind(scopes.read, contactPersonsRepository);
  const [contacts, facts] = await Promise.all([contactsRepo.list(family), contactsRepo.accessFacts(family)]);
  const activity = await store
    .bind(scopes.work, employerActivityRepository)
    .vacancyActivity(contacts.flatMap((c) => (c.userId ? [c.userId] : [])));
  const now = new Date();
  return contacts.map((c) => {
    const access = contactAccess(c, facts, now);
    return presentContact(c, access, access.userId ? activity.get(access.userId) : undefined);
  });
}

/** One contact person of the family as the employer page shows it. */
export async function contactView(
  store: Store,
  scopes: CrmScopes,
  family: readonly string[],
  contactId: string,
): Promise<ContactPerson | undefined> {
  return (await contactViews(store, scopes, family)).find((c) => c.id === contactId);
}

/** The employer page: details, contact persons with their access, vacancy counts, rights. */
export async function employerView(
  store: Store,
  scopes: CrmScopes,
  employer: EmployerRow,
): Promise<Employer> {
  const employers = store.bind(scopes.read, employersRepository);
  const family = await employers.families([employer.id]);
  const [refs, contacts, vacancies] = await Promise.all([
    employers.refs(employer.id),
    contactViews(store, scopes, family),
    store.bind(scopes.read, employerActivityRepository).vacancyCounts(family),
  ]);
  return presentEmployer(employer, {
    ...refs,
    contacts,
    vacancies,
    permissions: employerPermissions(scopes, employer),
  });
}
