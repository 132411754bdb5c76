import type { Caller } from "../../tenancy";
import { vacancyActorOf, vacancyScopeOf } from "../../vacancies";
import { contactMatchesRepository } from "../contact-matches.repository";
import { matchAccess } from "../matches.policy";
import { type MatchDeps, matchContext } from "./context";

/** A match as another module may name it: for whom, on which vacancy. */
export interface VisibleMatch {
  id: string;
  /** The vacancy's organisation (the employer or one of its departments). */
  organisationId: string;
  vacancyTitle: string;
  candidateName: string;
}

/** One match the caller sees by the matches rules (contacts: those once in a phase for them); 404 else. */
export async function visibleMatch(deps: MatchDeps, caller: Caller, matchId: string): Promise<VisibleMatch> {
  const found = await matchContext(deps, caller, matchId);
  return {
    id: found.match.id,
    organisationId: found.match.organisationId,
    vacancyTitle: found.vacancy.displayTitle,
    candidateName: found.candidateName,
  };
}

/** The matches the caller sees by the same rules, newest first (at most `limit`). */
export async function visibleMatches(deps: MatchDeps, caller: Caller, limit = 200): Promise<VisibleMatch[]> {
  const [actor, scope] = await Promise.all([vacancyActorOf(caller), vacancyScopeOf(caller)]);
  const rows = await deps.store.bind(scope, contactMatchesRepository).listInScope(limit);
  return rows
    .filter((row) => {
      const sees = matchAccess(actor, row.vacancy).sees;
      return sees === "all" || (sees === "visible_to_contacts" && row.everVisible);
    })
    .map((row) => ({
      id: row.id,
      organisationId: row.organisationId,
      vacancyTitle: row.vacancy.displayTitle,
      candidateName: row.candidateName,
    }));
}
