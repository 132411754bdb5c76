import type { Employer } from "../../../../contracts/employers";
import { AppError } from "../../../platform/errors";
import type { TenantScope } from "../../../platform/scope";
import type { Store } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { contactPersonsRepository } from "../contact-persons.repository";
import { EMPLOYER_EVENTS } from "../employers.events";
import { peopleWithAccess } from "../employers.policy";
import { employersRepository } from "../employers.repository";
import { aboutEmployer, type EmployerDeps, writable } from "./context";
import { employerView } from "./employer-view";

/** Who in the family still has access or a pending invitation. */
async function withAccess(store: Store, scope: TenantScope, family: readonly string[]) {
  const contacts = store.bind(scope, contactPersonsRepository);
  return peopleWithAccess(await contacts.list(family), await contacts.accessFacts(family), new Date());
}

/** HalloWerk: only when no contact person still has access; departments, contacts and vacancies go along. */
export async function archiveEmployer(deps: EmployerDeps, caller: Caller, id: string): Promise<Employer> {
  const { store } = deps;
  const { scopes, employer } = await writable(deps, caller, id);
  if (employer.archivedAt) return employerView(store, scopes, employer);
  const family = await store.bind(scopes.write, employersRepository).families([id]);
  const holding = await withAccess(store, scopes.write, family);
  if (holding.length > 0) {
    throw new AppError("conflict", {
      message: {
        nl: `Trek eerst de toegang in van: ${holding.join(", ")}.`,
        en: `First revoke the access of: ${holding.join(", ")}.`,
        de: `Entziehen Sie zuerst den Zugang von: ${holding.join(", ")}.`,
        fr: `Révoquez d'abord l'accès de : ${holding.join(", ")}.`,
      },
    });
  }
  const archived = await store.transaction(async (tx) => {
    const { employer: row, vacancyIds } = await tx
      .bind(scopes.write, employersRepository)
      .archive(id, family, caller.userId());
    if (!row) throw new AppError("not_found");
    await tx.emit(
      aboutEmployer(caller, row, {
        type: EMPLOYER_EVENTS.archived,
        payload: { name: row.name, vacancyIds },
      }),
    );
    return row;
  });
  return employerView(store, scopes, archived);
}

/** Makes an archived employer (with its departments) active again; its vacancies stay archived. */
export async function restoreEmployer(deps: EmployerDeps, caller: Caller, id: string): Promise<Employer> {
  const { store } = deps;
  const { scopes, employer } = await writable(deps, caller, id);
  const restored = await store.transaction(async (tx) => {
    const employers = tx.bind(scopes.write, employersRepository);
    const row = await employers.restore(id, await employers.families([id]));
    if (!row) throw new AppError("not_found");
    if (employer.archivedAt)
      await tx.emit(
        aboutEmployer(caller, row, { type: EMPLOYER_EVENTS.restored, payload: { name: row.name } }),
      );
    return row;
  });
  return employerView(store, scopes, restored);
}

/** For good: only from the archive, after confirmation, and with nobody's access left. */
export async function deleteEmployer(
  deps: EmployerDeps,
  caller: Caller,
  id: string,
  confirmed: boolean,
): Promise<void> {
  const { store } = deps;
  const { scopes, employer } = await writable(deps, caller, id);
  if (!employer.archivedAt) {
    throw new AppError("conflict", {
      message: {
        nl: "Archiveer de werkgever eerst; alleen gearchiveerde werkgevers kun je verwijderen.",
        en: "Archive the employer first; only archived employers can be deleted.",
        de: "Archivieren Sie zuerst den Arbeitgeber; nur archivierte Arbeitgeber können gelöscht werden.",
        fr: "Archivez d'abord l'employeur ; seuls les employeurs archivés peuvent être supprimés.",
      },
    });
  }
  if (!confirmed) throw new AppError("confirmation_required");
  const family = await store.bind(scopes.write, employersRepository).families([id]);
  if ((await withAccess(store, scopes.write, family)).length > 0) throw new AppError("conflict");
  await store.transaction(async (tx) => {
    const { vacancyIds } = await tx.bind(scopes.write, employersRepository).delete(id, family);
    await tx.emit(
      aboutEmployer(caller, employer, {
        type: EMPLOYER_EVENTS.deleted,
        payload: { name: employer.name, kvkNumber: employer.kvkNumber, organisationIds: family, vacancyIds },
      }),
    );
  });
}
