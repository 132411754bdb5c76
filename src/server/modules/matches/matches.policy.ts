import type { MatchSummary, Outcome, PhaseMeaning } from "../../../contracts/matches";
import type { Access } from "../../platform/access";
import {
  canEdit,
  canManageOrganisation,
  canRead,
  VACANCY_STAFF_ROLES,
  type VacancyActor,
} from "../vacancies";
import type { VacancyOfMatch } from "./matches.repository";
import type { PhaseRow, ProcedureWithPhases } from "./procedures.repository";

/** Route-level access; what a caller may do with one vacancy's matches is decided below. */
export const matchesPolicy = {
  staff: { roles: VACANCY_STAFF_ROLES },
  candidate: { roles: ["candidate"] },
  /** Staff who look at candidate profiles (the candidates module's, decision 0011). */
  candidateStaff: { roles: ["platform_admin", "org_admin", "account_manager", "employer_contact"] },
  /** Contact persons reviewing proposed candidates. */
  reviewer: { roles: ["employer_contact"] },
} as const satisfies Record<string, Access>;

/** The outcome that ends a match (referral portal: red goes to "Gearchiveerde kandidaten"). */
export const ARCHIVING_OUTCOME: Outcome = "red";

/** Where a match stands: its phase's meaning, or archived after a red outcome. */
export function matchState(phase: Pick<PhaseRow, "meaning">, outcome: Outcome | null): PhaseMeaning {
  return outcome === ARCHIVING_OUTCOME ? "archived" : phase.meaning;
}

/** Hired, rejected, archived and withdrawn matches stay put until their last step is undone. */
export function isClosed(state: PhaseMeaning): boolean {
  return state !== "active";
}

/**
 * The milestones of a referral procedure, in order: the phases that take an outcome. Each is
 * taken in turn (seed 003): the first is open until it has a green outcome, then the next.
 */
type PhaseFacts = Pick<PhaseRow, "id" | "meaning" | "outcomes">;

export function milestonesOf<P extends PhaseFacts>(procedure: { phases: readonly P[] }): P[] {
  return procedure.phases.filter((p) => p.meaning === "active" && p.outcomes.length > 0);
}

/**
 * The milestone that may take an outcome now: the current one while it has none or an orange
 * one, the next after a green one; none once the match is archived or every milestone is green.
 */
export function openMilestone<P extends PhaseFacts>(
  procedure: { phases: readonly P[] },
  match: { phaseId: string; outcome: Outcome | null },
): P | null {
  const milestones = milestonesOf(procedure);
  const current = procedure.phases.find((p) => p.id === match.phaseId);
  if (!current || isClosed(matchState(current, match.outcome))) return null;
  const index = milestones.findIndex((m) => m.id === match.phaseId);
  if (index === -1) return milestones[0] ?? null;
  return match.outcome === "green" ? (milestones[index + 1] ?? null) : milestones[index]!;
}

/** The phases where a new match starts, by how it came: the first of these the procedure has. */
const ENTRY_KEYS: Record<MatchSummary["source"], readonly string[]> = {
  applied: ["applied", "submitted", "referred"],
  saved: ["saved", "submitted", "referred"],
  proposed: ["proposed"],
  referred: ["referred"],
  // A laureate called up from a reserve list skips the intake: in progress, else the first phase.
  reserve_list: ["in_progress"],
};

/** The first suitable phase of a procedure for a new match. */
export function entryPhase(procedure: ProcedureWithPhases, source: MatchSummary["source"]): PhaseRow {
  for (const key of ENTRY_KEYS[source]) {
    const found = procedure.phases.find((p) => p.key === key);
    if (found) return found;
  }
  const first = procedure.phases.find((p) => p.meaning === "active") ?? procedure.phases[0];
  if (!first) throw new Error(`procedure ${procedure.id} has no phases`);
  return first;
}

/** What the candidate reads under "mijn sollicitaties": it follows the phase. */
export function applicationStatus(
  phase: Pick<PhaseRow, "key" | "meaning">,
  outcome: Outcome | null,
): "submitted" | "in_review" | "withdrawn" | "hired" | "rejected" {
  const state = matchState(phase, outcome);
  if (state === "hired" || state === "withdrawn") return state;
  if (state === "rejected" || state === "archived") return "rejected";
  return ENTRY_KEYS.applied.includes(phase.key) || ENTRY_KEYS.saved.includes(phase.key)
    ? "submitted"
    : "in_review";
}

export interface MatchAccess {
  /** All matches, or only those (once) in a phase contact persons see; null: none. */
  sees: "all" | "visible_to_contacts" | null;
  /** Moves and undoes steps (within what it sees). */
  steer: boolean;
  chooseProcedure: boolean;
}

/**
 * Who may do what with a vacancy's matches. Those who manage the organisation's vacancies
 * (its managers, account managers, selection officers) see and steer all of them; a contact
 * person or HR officer sees those in phases meant for contact persons (Carerix), and steers
 * them when they may change the vacancy (their own), only into such phases. Anyone who sees
 * a match may give their verdict on it.
 */
export function matchAccess(actor: VacancyActor, vacancy: VacancyOfMatch): MatchAccess {
  const manage = canManageOrganisation(actor, vacancy.organisationId);
  const sees = manage ? "all" : canRead(actor, vacancy) ? "visible_to_contacts" : null;
  return { sees, steer: sees !== null && canEdit(actor, vacancy), chooseProcedure: manage };
}

/** The phases the caller may move a match to. */
export function movablePhases(access: MatchAccess, procedure: ProcedureWithPhases): PhaseRow[] {
  if (!access.steer) return [];
  return access.sees === "all" ? procedure.phases : procedure.phases.filter((p) => p.visibleToContacts);
}

/** Whether the caller, who sees the match, may undo a step between these phases. */
export function mayUndo(access: MatchAccess, from: PhaseRow | undefined, to: PhaseRow | undefined): boolean {
  if (!access.steer || !from || !to) return false;
  return access.sees === "all" || (from.visibleToContacts && to.visibleToContacts);
}

/** The phases a match may be proposed from (HalloWerk: saved or applied; also in screening). */
export const PROPOSABLE_KEYS: readonly string[] = ["saved", "applied", "screening"];

/**
 * Who proposes candidates to a vacancy's employer: the team that keeps the employer (its account
 * managers and org admins, a municipality's or an agency's), and the platform administrator.
 * The employer's own managers and selection officers steer matches but do not propose to
 * themselves.
 */
export function mayPropose(actor: VacancyActor, vacancy: Pick<VacancyOfMatch, "organisationId">): boolean {
  return actor.platformAdmin || actor.accountManagerFor.includes(vacancy.organisationId);
}
