import type { Locale } from "../../../contracts/common";
import { AppError } from "../../platform/errors";
import { fieldMessage } from "../../platform/i18n";
import type { Bound } from "../../platform/store";
import type { Caller } from "../tenancy";
import type { VacancyActor } from "./vacancies.policy";
import type { vacancyPeopleRepository } from "./vacancy-people.repository";

/*
 * Carerix, "Nieuwe vacatures": a contact person's form has a required field "Afdeling" whose
 * values follow from their relation to the employer ("Relatie contactpersoon"). Here the
 * relation is the organisation their contact membership is on: on the employer itself, any of
 * its departments (or the employer as a whole); on a department, that department and those
 * below it. Staff who also act for the organisation otherwise are not limited by it.
 */

/**
 * Where the caller's relation to the organisation's employer lies (the organisations of their
 * contact memberships in its family), or null when no relation limits them there.
 */
export async function contactRelationOf(
  caller: Caller,
  actor: VacancyActor,
  organisationId: string,
): Promise<readonly string[] | null> {
  if (
    actor.platformAdmin ||
    !actor.contactOf.includes(organisationId) ||
    actor.accountManagerFor.includes(organisationId) ||
    actor.selectionOf.includes(organisationId) ||
    actor.hrOf.includes(organisationId)
  ) {
    return null;
  }
  const roots = new Set<string>();
  for (const m of await caller.memberships())
    if (m.role === "employer_contact" && m.organisationId && m.family.includes(organisationId))
      roots.add(m.organisationId);
  return [...roots];
}

/** The organisations (the employer and its departments) the relation lets the contact choose. */
export async function relationUnits(
  people: Bound<typeof vacancyPeopleRepository>,
  roots: readonly string[],
): Promise<ReadonlySet<string>> {
  return new Set(await people.unitsWithin(roots));
}

/**
 * Refuses (400, nothing stored) a vacancy whose department, or the organisation itself when it
 * has none, lies outside the contact's relation; without a department, asks for one.
 */
export function assertWithinRelation(
  units: ReadonlySet<string>,
  organisationId: string,
  departmentId: string | null | undefined,
  locale: Locale,
): void {
  if (departmentId ? units.has(departmentId) : units.has(organisationId)) return;
  const key = departmentId ? "department_outside_relation" : "department_required_for_relation";
  throw new AppError("validation_failed", {
    fields: [{ path: "departmentId", message: fieldMessage(key, locale) }],
  });
}
