import type { ProcedureKind } from "../../../../contracts/matches";
import { AppError } from "../../../platform/errors";
import type { FileStorage } from "../../../platform/files";
import type { SelfScope, TenantScope } from "../../../platform/scope";
import type { Store } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { todayIn, type VacancyActor, type Viewer, vacancyActorOf, vacancyScopeOf } from "../../vacancies";
import { type MatchAccess, matchAccess } from "../matches.policy";
import { matchesRepository, type VacancyOfMatch } from "../matches.repository";
import {
  type ProcedureWithPhases,
  proceduresRepository,
  templatesRepository,
  vacancyProcedureRepository,
} from "../procedures.repository";
import type { StepHooks } from "./move-match";

/** What the matches actions work with: repositories through the store, never the database. */
export interface MatchDeps {
  store: Store;
  files: FileStorage;
  /** Today's date in the Netherlands; tests may pin it. */
  today?: () => string;
  /**
   * What the domain built on a kind of procedure does in the transaction of every step of its
   * matches, whichever screen made it (referrals: the referrer's points).
   */
  stepHooks?: Partial<Record<ProcedureKind, StepHooks>>;
  /** Whether applicants apply to this vacancy through its application form (the forms module knows). */
  applicationFormRequired?: (vacancyId: string) => Promise<boolean>;
}

export const today = (deps: MatchDeps) => (deps.today ?? (() => todayIn()))();

export interface StaffContext {
  actor: VacancyActor;
  scope: TenantScope;
  access: MatchAccess;
}

/** A vacancy whose matches the caller may see; 404 for anything else, so ids cannot be probed. */
export async function vacancyContext(
  deps: MatchDeps,
  caller: Caller,
  vacancyId: string,
): Promise<StaffContext & { vacancy: VacancyOfMatch }> {
  const [actor, scope] = await Promise.all([vacancyActorOf(caller), vacancyScopeOf(caller)]);
  const vacancy = await deps.store.bind(scope, matchesRepository).findVacancy(vacancyId);
  if (!vacancy) throw new AppError("not_found");
  const access = matchAccess(actor, vacancy);
  if (!access.sees) throw new AppError("not_found");
  return { actor, scope, access, vacancy };
}

/** A match the caller may see, with its vacancy and procedure; 404 for anything else. */
export async function matchContext(deps: MatchDeps, caller: Caller, matchId: string) {
  const [actor, scope] = await Promise.all([vacancyActorOf(caller), vacancyScopeOf(caller)]);
  const found = await deps.store.bind(scope, matchesRepository).find(matchId);
  if (!found) throw new AppError("not_found");
  const access = matchAccess(actor, found.vacancy);
  if (!access.sees || (access.sees === "visible_to_contacts" && !found.everVisible))
    throw new AppError("not_found");
  const procedure = await deps.store.bind(scope, proceduresRepository).find(found.match.procedureId);
  if (!procedure) throw new AppError("not_found");
  return { actor, scope, access, ...found, procedure };
}

/** The procedure a vacancy's new matches get, copying the templates on first use. */
export async function procedureFor(
  deps: MatchDeps,
  scope: TenantScope | SelfScope,
  vacancy: { organisationId: string; procedureId: string | null },
): Promise<ProcedureWithPhases> {
  const procedures = deps.store.bind(scope, vacancyProcedureRepository);
  const found = await procedures.procedureOfVacancy(vacancy);
  if (found) return found;
  await deps.store.bind(scope, templatesRepository).ensureProcedures([vacancy.organisationId]);
  const made = await procedures.procedureOfVacancy(vacancy);
  if (!made) throw new Error(`organisation ${vacancy.organisationId} has no default procedure`);
  return made;
}

/** Who is looking, for the job board's rules: the candidate's portals and staff organisations. */
export async function viewerOf(caller: Caller): Promise<Extract<Viewer, { kind: "candidate" }>> {
  const facts = await caller.memberships();
  return {
    kind: "candidate",
    portalIds: facts.flatMap((m) => (m.role === "candidate" && m.portalId ? [m.portalId] : [])),
    organisationIds: [
      ...new Set(facts.flatMap((m) => (m.role !== "candidate" && m.organisationId ? m.family : []))),
    ],
  };
}
