import type { z } from "zod";
import type { Locale } from "../../../../contracts/common";
import type { UpdateVacancyRequestSchema, Vacancy } from "../../../../contracts/vacancies";
import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { assertWithinRelation, contactRelationOf, relationUnits } from "../contact-relation";
import { vacancyEvent } from "../vacancies.events";
import { vacancyPermissions } from "../vacancies.policy";
import { vacancyDto } from "../vacancies.presenter";
import { type VacancyRow, vacancyRepository } from "../vacancies.repository";
import { diff, missingForPublication, resolveFields } from "../vacancy-fields";
import { vacancyPeopleRepository } from "../vacancy-people.repository";
import { editable, type VacancyDeps } from "./context";

type UpdateInput = z.output<typeof UpdateVacancyRequestSchema>;

/**
 * Changes the fields sent. Beyond the caller's own statements: one to read the vacancy, one to
 * change it with its history entry, one for its event (and lookups only for people or a
 * department the request names).
 */
export async function updateVacancy(
  deps: VacancyDeps,
  caller: Caller,
  id: string,
  input: UpdateInput,
  locale: Locale,
): Promise<Vacancy> {
  const { actor, scope, view } = await editable(deps, caller, id);
  if (input.ownerUserId !== undefined && !vacancyPermissions(actor, view).changeOwner) {
    throw new AppError("forbidden");
  }
  const people = deps.store.bind(scope, vacancyPeopleRepository);
  // A contact moves their vacancy only to a department within their relation to the employer.
  if (input.departmentId !== undefined) {
    const relation = await contactRelationOf(caller, actor, view.organisationId);
    if (relation) {
      const units = await relationUnits(people, relation);
      assertWithinRelation(units, view.organisationId, input.departmentId, locale);
    }
  }
  const fields = await resolveFields(input, {
    organisationId: view.organisationId,
    current: view,
    locale,
    people,
  });
  const changes = diff(view, fields);
  if (Object.keys(changes).length === 0) return vacancyDto(view, actor, deps.today());
  // A published vacancy must stay publishable.
  if (view.status === "published") {
    const missing = missingForPublication({ ...view, ...fields } as VacancyRow, locale);
    if (missing.length > 0) throw new AppError("validation_failed", { fields: missing });
  }
  const history = { userId: actor.userId, action: "updated", changes, comment: null };
  const updated = await deps.store.transaction(async (tx) => {
    const changed = await tx.bind(scope, vacancyRepository).change(view, fields, history);
    if (!changed) throw new AppError("not_found");
    await tx.emit(vacancyEvent("vacancy.updated", changed, actor.userId, history));
    return changed;
  });
  return vacancyDto(updated, actor, deps.today());
}
