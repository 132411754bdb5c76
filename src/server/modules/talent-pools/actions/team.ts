import type {
  AddTalentPoolMemberRequest,
  CreateTalentPoolRequest,
  TalentPool,
  TalentPoolDetailResponse,
} from "../../../../contracts/talent-pools";
import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { poolEvent, TALENT_POOL_EVENTS } from "../talent-pools.events";
import { TEAM_ROLES } from "../talent-pools.policy";
import { poolMembersRepository, teamPoolsRepository } from "../talent-pools.repository";
import { memberDto, poolDto, type TalentPoolDeps, teamScopeOf } from "./context";

/** The organisations the caller is account manager or administrator of (not their departments). */
async function teamOrganisationIds(caller: Caller): Promise<string[]> {
  const facts = await caller.memberships();
  return [
    ...new Set(
      facts.flatMap((m) =>
        TEAM_ROLES.some((r) => r === m.role) && m.organisationId ? [m.organisationId] : [],
      ),
    ),
  ];
}

/**
 * The team's pools with the number of candidates in each; the general pool of each of the
 * caller's teams is made on first use. With `candidateId`, whether that candidate is in each.
 */
export async function listTeamPools(
  deps: TalentPoolDeps,
  caller: Caller,
  candidateId: string | undefined,
): Promise<TalentPool[]> {
  const scope = await teamScopeOf(caller);
  const pools = deps.store.bind(scope, teamPoolsRepository);
  const teams = await pools.teamOrganisations(await teamOrganisationIds(caller));
  const userId = caller.userId();
  for (const team of teams)
    await deps.store.transaction(async (tx) => {
      const created = await tx.bind(scope, teamPoolsRepository).ensureGeneral(team, userId);
      if (created) await tx.emit(poolEvent(TALENT_POOL_EVENTS.created, created, userId));
    });
  const portal = await caller.portalCandidates();
  return (await pools.list(portal, candidateId)).map(poolDto);
}

async function teamPool(deps: TalentPoolDeps, caller: Caller, poolId: string) {
  const scope = await teamScopeOf(caller);
  const portal = await caller.portalCandidates();
  const found = await deps.store.bind(scope, teamPoolsRepository).find(poolId, portal);
  if (!found) throw new AppError("not_found");
  return { scope, portal, found };
}

/** A pool with its candidates (those the portal shows), who added them and when. */
export async function getTeamPool(
  deps: TalentPoolDeps,
  caller: Caller,
  poolId: string,
): Promise<TalentPoolDetailResponse> {
  const { portal, found } = await teamPool(deps, caller, poolId);
  const members = portal ? await deps.store.bind(portal, poolMembersRepository).members(poolId) : [];
  return { pool: poolDto(found), members: members.map((m) => memberDto(m, true)) };
}

/**
 * A pool for one client (employer) the team keeps; a client has one, so asking again gives it
 * back. The team that manages the client keeps it (else the caller's own team).
 */
export async function createClientPool(
  deps: TalentPoolDeps,
  caller: Caller,
  input: CreateTalentPoolRequest,
): Promise<{ pool: TalentPool; created: boolean }> {
  const scope = await teamScopeOf(caller);
  const pools = deps.store.bind(scope, teamPoolsRepository);
  const employer = await pools.findEmployer(input.employerId);
  if (!employer) throw new AppError("not_found");
  const teams = await pools.teamOrganisations(await teamOrganisationIds(caller));
  const owner =
    teams.find((t) => t.id === employer.managedByOrganisationId) ??
    (
      await pools.teamOrganisations(
        employer.managedByOrganisationId ? [employer.managedByOrganisationId] : [],
      )
    )[0] ??
    teams[0];
  if (!owner) throw new AppError("forbidden");
  const userId = caller.userId();
  const created = await deps.store.transaction(async (tx) => {
    const row = await tx.bind(scope, teamPoolsRepository).createClientPool({
      organisationId: owner.id,
      employerId: employer.id,
      name: input.name ?? employer.name,
      createdByUserId: userId,
    });
    if (row) await tx.emit(poolEvent(TALENT_POOL_EVENTS.created, row, userId));
    return row;
  });
  const id = created?.id ?? (await pools.poolOfClient(employer.id))?.id;
  if (!id) throw new AppError("not_found");
  const { found } = await teamPool(deps, caller, id);
  return { pool: poolDto(found), created: created !== null };
}

/** Adds a candidate the team may see to the pool (who and when are kept); twice is refused. */
export async function addMember(
  deps: TalentPoolDeps,
  caller: Caller,
  poolId: string,
  input: AddTalentPoolMemberRequest,
): Promise<TalentPoolDetailResponse> {
  const { scope, found } = await teamPool(deps, caller, poolId);
  await deps.assertCandidateVisible(caller, input.candidateId);
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const added = await tx.bind(scope, teamPoolsRepository).addMember({
      pool: found.pool,
      candidateId: input.candidateId,
      addedByUserId: userId,
      note: input.note ?? "",
    });
    if (!added) throw new AppError("candidate_already_in_pool");
    await tx.emit(
      poolEvent(TALENT_POOL_EVENTS.memberAdded, found.pool, userId, { candidateId: input.candidateId }),
    );
  });
  return getTeamPool(deps, caller, poolId);
}

/** Takes a candidate out of the pool; their matches stay. */
export async function removeMember(
  deps: TalentPoolDeps,
  caller: Caller,
  poolId: string,
  candidateId: string,
): Promise<void> {
  const { scope, found } = await teamPool(deps, caller, poolId);
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const removed = await tx.bind(scope, teamPoolsRepository).removeMember(poolId, candidateId);
    if (!removed) throw new AppError("not_found");
    await tx.emit(poolEvent(TALENT_POOL_EVENTS.memberRemoved, found.pool, userId, { candidateId }));
  });
}
