import type { Locale } from "../../../../contracts/common";
import type {
  InvolvedVacanciesResponse,
  PutVacancyTeamRequest,
  TeamRole,
  VacancyTeam,
  VacancyTeamOptions,
} from "../../../../contracts/vacancy-team";
import { AppError } from "../../../platform/errors";
import { fieldMessage } from "../../../platform/i18n";
import type { Caller } from "../../tenancy";
import { vacancyEvent } from "../vacancies.events";
import { vacancyPermissions } from "../vacancies.policy";
import { vacancyRepository } from "../vacancies.repository";
import { type TeamEntry, vacancyTeamRepository } from "../vacancy-team.repository";
import { type Found, readable, type VacancyDeps } from "./context";

/** The membership roles of people who reach vacancies only through a team (leader, jury). */
export const INVOLVED_ROLES = ["jury_member", "line_manager"] as const;
/** The team places that give a leader or jury member sight of a vacancy with applicants. */
const INVOLVED_PLACES: readonly TeamRole[] = ["leader", "jury"];

const PLACES = [
  ["coOwners", "co_owner"],
  ["hr", "hr"],
  ["leaders", "leader"],
  ["jury", "jury"],
] as const satisfies readonly (readonly [keyof PutVacancyTeamRequest, TeamRole])[];

function personRef(p: { id: string; name: string; email: string | null }) {
  return { id: p.id, name: p.name, email: p.email };
}

async function teamOf(deps: VacancyDeps, found: Found): Promise<VacancyTeam> {
  const members = await deps.store.bind(found.scope, vacancyTeamRepository).members(found.view.id);
  const of = (role: TeamRole) => members.filter((m) => m.role === role).map(personRef);
  return {
    owner: found.view.owner ? personRef(found.view.owner) : null,
    coOwners: of("co_owner"),
    hr: of("hr"),
    leaders: of("leader"),
    jury: of("jury"),
    mayChange: vacancyPermissions(found.actor, found.view).changeOwner,
  };
}

/** The vacancy's team, for everyone who may read the vacancy. */
export async function vacancyTeam(deps: VacancyDeps, caller: Caller, id: string): Promise<VacancyTeam> {
  return teamOf(deps, await readable(deps, caller, id));
}

async function changeable(deps: VacancyDeps, caller: Caller, id: string): Promise<Found> {
  const found = await readable(deps, caller, id);
  if (!vacancyPermissions(found.actor, found.view).changeOwner) throw new AppError("forbidden");
  return found;
}

/** Who the team places offer: the organisation family's people with a fitting role. */
export async function vacancyTeamOptions(
  deps: VacancyDeps,
  caller: Caller,
  id: string,
): Promise<VacancyTeamOptions> {
  const found = await changeable(deps, caller, id);
  const options = await deps.store
    .bind(found.scope, vacancyTeamRepository)
    .options(found.view.organisationId);
  return {
    owners: options.owner.map(personRef),
    hr: options.hr.map(personRef),
    leaders: options.leader.map(personRef),
    jury: options.jury.map(personRef),
  };
}

/**
 * Sets the primary owner and the team in one step ("eigenaarschap overdragen" included). Each
 * person must hold a fitting role in the vacancy's organisation family; the field of anyone who
 * does not is named, and nothing changes.
 */
export async function putVacancyTeam(
  deps: VacancyDeps,
  caller: Caller,
  id: string,
  input: PutVacancyTeamRequest,
  locale: Locale,
): Promise<VacancyTeam> {
  const found = await changeable(deps, caller, id);
  const { view, scope, actor } = found;
  const entries: TeamEntry[] = [];
  const checks: { userId: string; place: TeamRole | "owner"; path: string }[] = [];
  if (input.ownerUserId) checks.push({ userId: input.ownerUserId, place: "owner", path: "ownerUserId" });
  for (const [field, role] of PLACES) {
    const seen = new Set<string>();
    input[field].forEach((userId, i) => {
      if (seen.has(userId)) return;
      seen.add(userId);
      entries.push({ userId, role });
      checks.push({ userId, place: role, path: `${field}.${i}` });
    });
  }
  const misfits = await deps.store.bind(scope, vacancyTeamRepository).misplaced(view.organisationId, checks);
  if (misfits.length > 0)
    throw new AppError("validation_failed", {
      fields: misfits.map((i) => ({
        path: checks[i]!.path,
        message: fieldMessage("person_not_allowed", locale),
      })),
    });

  const ownerChanged = (input.ownerUserId ?? null) !== (view.ownerUserId ?? null);
  await deps.store.transaction(async (tx) => {
    const { added, removed } = await tx
      .bind(scope, vacancyTeamRepository)
      .replace({ id: view.id, organisationId: view.organisationId }, entries, actor.userId);
    if (!ownerChanged && added.length === 0 && removed.length === 0) return;
    const changes: Record<string, [unknown, unknown]> = {};
    if (ownerChanged) changes.ownerUserId = [view.ownerUserId ?? null, input.ownerUserId ?? null];
    if (added.length > 0) changes.teamAdded = [null, added];
    if (removed.length > 0) changes.teamRemoved = [removed, null];
    const history = { userId: actor.userId, action: "team_changed", changes, comment: null };
    const changed = await tx
      .bind(scope, vacancyRepository)
      .change(view, ownerChanged ? { ownerUserId: input.ownerUserId ?? null } : {}, history);
    if (!changed) throw new AppError("not_found");
    await tx.emit(vacancyEvent("vacancy.team_changed", changed, actor.userId, history));
  });
  return teamOf(deps, await readable(deps, caller, id));
}

/**
 * A vacancy as a leader or jury member reaches it: they are on its team and someone applied.
 * Null for anyone else (the caller's other rights are checked by `readable`).
 */
export async function involvedVacancy(
  deps: Pick<VacancyDeps, "store">,
  caller: Caller,
  id: string,
): Promise<{ found: Found; roles: TeamRole[] } | null> {
  if (!caller.hasRole(...INVOLVED_ROLES)) return null;
  const scope = await caller.scopeAs(INVOLVED_ROLES);
  const hit = await deps.store
    .bind(scope, vacancyTeamRepository)
    .involvedView(id, caller.userId(), INVOLVED_PLACES);
  if (!hit) return null;
  const actor = {
    userId: caller.userId(),
    platformAdmin: false,
    contactOf: [],
    managerOf: [],
    accountManagerFor: [],
    hrOf: [],
    selectionOf: [],
  };
  return { found: { actor, scope, view: hit.view }, roles: hit.roles };
}

/** "Vacatures" of a leader or jury member: those they are on that have applicants, per phase. */
export async function involvedVacancies(
  deps: VacancyDeps,
  caller: Caller,
  locale: Locale,
): Promise<InvolvedVacanciesResponse> {
  const scope = await caller.scopeAs(INVOLVED_ROLES);
  const rows = await deps.store.bind(scope, vacancyTeamRepository).involved(caller.userId(), INVOLVED_PLACES);
  return {
    items: rows.map((r) => ({
      ...r,
      applicants: Number(r.applicants),
      phases: r.phases.map((p) => ({
        phaseId: p.phaseId,
        key: p.key,
        label: p.label[locale],
        count: Number(p.count),
      })),
    })),
  };
}
