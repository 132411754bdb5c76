import type { TalentPool, TalentPoolMember } from "../../../../contracts/talent-pools";
import type { OrgScope, PlatformScope } from "../../../platform/scope";
import type { Store } from "../../../platform/store";
import type { MatchDeps } from "../../matches";
import type { Caller } from "../../tenancy";
import { TEAM_ROLES } from "../talent-pools.policy";
import type { PoolListRow, TalentPoolMemberRow } from "../talent-pools.repository";

/** What the talent-pool actions work with: repositories through the store, never the database. */
export interface TalentPoolDeps {
  store: Store;
  /** For the match a contact makes from a pool (the matches module creates it). */
  matches: MatchDeps;
  /**
   * 404 unless the staff member may see this candidate through the request's portal (decision
   * 0011); the candidates module decides, the app wires it in.
   */
  assertCandidateVisible(caller: Caller, candidateId: string): Promise<void>;
}

/** The team's pools and the clients it keeps (account managers and administrators). */
export function teamScopeOf(caller: Caller): Promise<OrgScope | PlatformScope> {
  return caller.scopeAs(TEAM_ROLES, null, { teamEmployers: "kept" });
}

/** The employers the caller is a contact person of. */
export function contactScopeOf(caller: Caller): Promise<OrgScope | PlatformScope> {
  return caller.scopeAs(["employer_contact"]);
}

export function poolDto(row: PoolListRow): TalentPool {
  return {
    id: row.pool.id,
    name: row.pool.name,
    kind: row.pool.employerId ? "client" : "general",
    organisation: { id: row.pool.organisationId, name: row.organisationName },
    employer: row.pool.employerId ? { id: row.pool.employerId, name: row.employerName ?? "" } : null,
    memberCount: Number(row.memberCount),
    ...(row.hasCandidate === null ? {} : { hasCandidate: row.hasCandidate }),
    createdAt: row.pool.createdAt.toISOString(),
  };
}

export interface MemberRow {
  member: TalentPoolMemberRow;
  candidate: {
    id: string;
    firstName: string;
    lastName: string;
    headline: string;
    city: string | null;
    workLevel: string | null;
    workTypes: string[];
    hoursMin: number | null;
    hoursMax: number | null;
  };
  addedByName: string | null;
}

/** A pool's candidate without contact details; the team's note only for the team. */
export function memberDto(row: MemberRow, withNote: boolean): TalentPoolMember {
  const { candidate: c, member } = row;
  return {
    candidate: {
      id: c.id,
      name: `${c.firstName} ${c.lastName}`.trim(),
      headline: c.headline,
      city: c.city,
      workLevel: c.workLevel,
      workTypes: c.workTypes,
      hoursMin: c.hoursMin,
      hoursMax: c.hoursMax,
    },
    addedBy: member.addedByUserId ? { id: member.addedByUserId, name: row.addedByName ?? "" } : null,
    addedAt: member.addedAt.toISOString(),
    note: withNote ? member.note : null,
  };
}
