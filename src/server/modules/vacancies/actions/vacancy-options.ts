import type { VacancyOptionsResponse } from "../../../../contracts/vacancies";
import type { Caller } from "../../tenancy";
import { accountManagerScopeOf, vacancyActorOf, vacancyCreateScopeOf, vacancyScopeOf } from "../actor";
import { formOrganisationDto } from "../vacancies.presenter";
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
    organisations: organisations.map(formOrganisationDto),
    accountManagers,
    owners,
  };
}
