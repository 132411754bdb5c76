import type { z } from "zod";
import type { Locale } from "../../../../contracts/common";
import type { Employer, UpdateEmployerRequestSchema } from "../../../../contracts/employers";
import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { employerActivityRepository } from "../employer-activity.repository";
import { EMPLOYER_EVENTS } from "../employers.events";
import { crmScopesOf } from "../employers.policy";
import { type EmployerInsert, employersRepository, type PersonRef } from "../employers.repository";
import { aboutEmployer, type EmployerDeps, readable, writable } from "./context";
import { addressOf, refuseDuplicateKvk, teamManager } from "./create-employer";
import { employerView } from "./employer-view";

type UpdateInput = z.output<typeof UpdateEmployerRequestSchema>;

export async function getEmployer(deps: EmployerDeps, caller: Caller, id: string): Promise<Employer> {
  const { scopes, employer } = await readable(deps, caller, id);
  return employerView(deps.store, scopes, employer);
}

/** Changes the employer's name, address, KvK number, description or website. */
export async function updateEmployer(
  deps: EmployerDeps,
  caller: Caller,
  id: string,
  input: UpdateInput,
  locale: Locale,
): Promise<Employer> {
  const { store } = deps;
  const { scopes } = await writable(deps, caller, id);
  if (input.kvkNumber) await refuseDuplicateKvk(deps, input.kvkNumber, id, locale);
  const patch: Partial<EmployerInsert> = { ...addressOf(input, locale) };
  if (input.name !== undefined) patch.name = input.name;
  if (input.kvkNumber !== undefined) patch.kvkNumber = input.kvkNumber;
  if (input.description !== undefined) patch.description = input.description;
  if (input.website !== undefined) patch.website = input.website;
  const updated = await store.transaction(async (tx) => {
    const row = await tx.bind(scopes.write, employersRepository).update(id, patch);
    if (!row) throw new AppError("not_found");
    if (Object.keys(patch).length > 0)
      await tx.emit(
        aboutEmployer(caller, row, { type: EMPLOYER_EVENTS.updated, payload: { changes: patch } }),
      );
    return row;
  });
  return employerView(store, scopes, updated);
}

/** The account managers the caller can assign: their team's (everyone's for the administrator). */
export async function assignableManagers({ store }: EmployerDeps, caller: Caller): Promise<PersonRef[]> {
  const scopes = await crmScopesOf(caller);
  return store.bind(scopes.team, employerActivityRepository).teamManagers();
}

/** "Wijzig accountmanager": the employer's vacancies follow, except archived ones. */
export async function assignAccountManager(
  deps: EmployerDeps,
  caller: Caller,
  id: string,
  userId: string | null,
  locale: Locale,
): Promise<Employer> {
  const { store } = deps;
  const { scopes, employer } = await writable(deps, caller, id);
  await teamManager(deps, caller, userId, locale);
  const updated = await store.transaction(async (tx) => {
    const employers = tx.bind(scopes.write, employersRepository);
    const family = await employers.families([id]);
    const { employer: row, vacancyIds } = await employers.assignAccountManager(id, family, userId);
    if (!row) throw new AppError("not_found");
    await tx.emit(
      aboutEmployer(caller, row, {
        type: EMPLOYER_EVENTS.accountManagerAssigned,
        payload: { from: employer.accountManagerUserId, to: userId, vacancyIds },
      }),
    );
    return row;
  });
  return employerView(store, scopes, updated);
}
