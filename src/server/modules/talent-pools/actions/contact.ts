import type {
  MatchFromPoolResponse,
  PoolVacancy,
  TalentPool,
  TalentPoolDetailResponse,
} from "../../../../contracts/talent-pools";
import { AppError } from "../../../platform/errors";
import { createMatchInTransaction } from "../../matches";
import type { Caller } from "../../tenancy";
import { canEdit, vacancyActorOf } from "../../vacancies";
import { TALENT_POOL_EVENTS } from "../talent-pools.events";
import { POOL_MATCH_PHASES } from "../talent-pools.policy";
import { contactPoolsRepository, poolMembersRepository } from "../talent-pools.repository";
import { contactScopeOf, memberDto, poolDto, type TalentPoolDeps } from "./context";

/** The pools open to the contact: their team's general pool and their employer's own. */
export async function listContactPools(deps: TalentPoolDeps, caller: Caller): Promise<TalentPool[]> {
  const scope = await contactScopeOf(caller);
  const portal = await caller.portalCandidates();
  return (await deps.store.bind(scope, contactPoolsRepository).list(portal)).map(poolDto);
}

async function openPool(deps: TalentPoolDeps, caller: Caller, poolId: string) {
  const scope = await contactScopeOf(caller);
  const portal = await caller.portalCandidates();
  const found = await deps.store.bind(scope, contactPoolsRepository).find(poolId, portal);
  if (!found) throw new AppError("not_found");
  return { portal, found };
}

/** A pool open to the contact with its candidates as contacts see them (no contact details, no notes). */
export async function getContactPool(
  deps: TalentPoolDeps,
  caller: Caller,
  poolId: string,
): Promise<TalentPoolDetailResponse> {
  const { portal, found } = await openPool(deps, caller, poolId);
  const members = portal ? await deps.store.bind(portal, poolMembersRepository).members(poolId) : [];
  return { pool: poolDto(found), members: members.map((m) => memberDto(m, false)) };
}

/** The contact's own vacancies (those they may change) a pool candidate can be matched to. */
export async function contactVacancies(deps: TalentPoolDeps, caller: Caller): Promise<PoolVacancy[]> {
  const [scope, actor] = await Promise.all([contactScopeOf(caller), vacancyActorOf(caller)]);
  const rows = await deps.store.bind(scope, contactPoolsRepository).openVacancies();
  return rows
    .filter((v) => canEdit(actor, v))
    .map((v) => ({ id: v.id, displayTitle: v.displayTitle, status: v.status }));
}

/**
 * "Matchen met mijn vacatures" (Carerix): the candidate stays in the pool and gets a new match on
 * the contact's own vacancy, in the procedure's "approved" phase (the contact chose them) or else
 * its entry phase. The match and `talent_pool.matched` (the recruiter's mail) commit together.
 */
export async function matchFromPool(
  deps: TalentPoolDeps,
  caller: Caller,
  poolId: string,
  candidateId: string,
  vacancyId: string,
): Promise<MatchFromPoolResponse> {
  const { portal, found } = await openPool(deps, caller, poolId);
  const member = portal
    ? await deps.store.bind(portal, poolMembersRepository).member(poolId, candidateId)
    : null;
  if (!member) throw new AppError("not_found");
  const userId = caller.userId();
  return deps.store.transaction(async (tx) => {
    const { match, phaseKey, vacancy } = await createMatchInTransaction(deps.matches, tx, caller, {
      vacancyId,
      candidateId,
      source: "proposed",
      phaseKeys: POOL_MATCH_PHASES,
      via: { talentPoolId: found.pool.id },
    });
    await tx.emit({
      type: TALENT_POOL_EVENTS.matched,
      organisationId: vacancy.organisationId,
      portalId: vacancy.portalId,
      subject: { talentPoolId: found.pool.id, matchId: match.id, vacancyId: vacancy.id, candidateId },
      actorUserId: userId,
      payload: { phaseKey, addedByUserId: member.addedByUserId },
    });
    return { match: { id: match.id, vacancyId: vacancy.id, candidateId, phaseKey } };
  });
}
