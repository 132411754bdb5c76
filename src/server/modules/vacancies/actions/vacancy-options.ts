import type { VacancyOptionsResponse } from "../../../../contracts/vacancies";
import type { Caller } from "../../tenancy";
import { accountManagerScopeOf, vacancyActorOf, vacancyCreateScopeOf, vacancyScopeOf } from "../actor";
import { vacancyPeopleRepository } from "../vacancy-people.repository";
import type { VacancyDeps } from "./context";

/** Employers, departments, contact persons, account managers and owners the form offers. */
export async function vacancyOptions(
  deps: VacancyDeps,
  caller: Caller,
  organisationId: string | undefined,
): Promise<VacancyOptionsResponse> {
  const actor = await vacancyActorOf(caller);
  const creatable = deps.store.bind(await vacancyCreateScopeOf(caller, actor), vacancyPeopleRepository);
  const organisations = await creatable.formOrganisations(organisationId);
  const accountManagers = await deps.store
    .bind(await accountManagerScopeOf(caller, actor), vacancyPeopleRepository)
    .accountManagers();
  // Owners of any vacancy the caller can see the organisation of.
  const owners = organisationId
    ? await deps.store.bind(await vacancyScopeOf(caller), vacancyPeopleRepository).owners(organisationId)
    : [];
  return {
    organisations: organisations.map((org) => ({
      id: org.id,
      name: org.name,
      departments: org.departments,
      contacts: org.contacts.map((p) => ({ id: p.id, name: p.name, email: p.email })),
      accountManager: org.account_manager
        ? { id: org.account_manager.id, name: org.account_manager.name, email: org.account_manager.email }
        : null,
      headOffice: {
        street: org.street ? `${org.street} ${org.house_number ?? ""}`.trim() : null,
        city: org.city,
      },
    })),
    accountManagers,
    owners,
  };
}
