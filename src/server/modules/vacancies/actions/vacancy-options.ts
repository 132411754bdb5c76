import type { VacancyOptionsResponse } from "../../../../contracts/vacancies";
import type { Caller } from "../../tenancy";
import { accountManagerScopeOf, vacancyActorOf, vacancyCreateScopeOf, vacancyScopeOf } from "../actor";
import { contactRelationOf, relationUnits } from "../contact-relation";
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
  const rows = await creatable.formOrganisations(organisationId);
  // A contact chooses only within their relation to the employer; an organisation where that
  // leaves nothing to choose is not offered.
  const organisations = [];
  const unitsOf = new Map<string, ReadonlySet<string>>();
  for (const row of rows) {
    const relation = await contactRelationOf(caller, actor, row.id);
    let units: ReadonlySet<string> | null = null;
    if (relation) {
      const key = [...relation].sort().join(",");
      units = unitsOf.get(key) ?? (await relationUnits(creatable, relation));
      unitsOf.set(key, units);
    }
    const dto = formOrganisationDto(row, units);
    if (dto.wholeOrganisation || dto.departments.length > 0) organisations.push(dto);
  }
  const accountManagers = await deps.store
    .bind(await accountManagerScopeOf(caller, actor), vacancyPeopleRepository)
    .accountManagers();
  // Owners of any vacancy the caller can see the organisation of.
  const owners = organisationId
    ? await deps.store.bind(await vacancyScopeOf(caller), vacancyPeopleRepository).owners(organisationId)
    : [];
  return {
    organisations,
    accountManagers,
    owners,
  };
}
