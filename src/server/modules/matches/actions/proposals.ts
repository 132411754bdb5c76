import type {
  Proposal,
  ProposeRequest,
  Reviewer,
  VacancyProposalsResponse,
} from "../../../../contracts/matches";
import { AppError } from "../../../platform/errors";
import type { TenantScope } from "../../../platform/scope";
import type { Store } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { MATCH_EVENTS, matchEvent } from "../matches.events";
import { applicationStatus, entryPhase, mayPropose, PROPOSABLE_KEYS } from "../matches.policy";
import { type MatchRow, matchCreationRepository, matchesRepository } from "../matches.repository";
import {
  notificationsRepository,
  type ProposalRow,
  proposalsRepository,
  type VacancyProposalRow,
} from "../proposals.repository";
import { type MatchDeps, matchContext, procedureFor, vacancyContext } from "./context";

const actor = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

function proposalDto(row: VacancyProposalRow, unread: ReadonlySet<string>): Proposal {
  const p = row.proposal;
  return {
    id: p.id,
    matchId: p.matchId,
    proposedBy: actor(p.proposedByUserId, row.proposerName),
    proposedAt: p.proposedAt.toISOString(),
    note: p.note,
    reviewers: row.reviewers.map((r) => ({ contactPersonId: r.contactPersonId, name: r.name })),
    decision: p.decision,
    decidedBy: actor(p.decidedByUserId, row.deciderName),
    decidedAt: p.decidedAt?.toISOString() ?? null,
    comment: p.comment,
    unread: unread.has(p.matchId),
  };
}

/** A vacancy the caller may propose on (404 when they may not see it, 403 when they may not propose). */
async function proposable(deps: MatchDeps, caller: Caller, vacancyId: string) {
  const context = await vacancyContext(deps, caller, vacancyId);
  if (!mayPropose(context.actor, context.vacancy)) throw new AppError("forbidden");
  return context;
}

/** The employer's contact persons who can review (they have portal access), for the dialog. */
export async function listReviewers(deps: MatchDeps, caller: Caller, vacancyId: string): Promise<Reviewer[]> {
  const { scope, vacancy } = await proposable(deps, caller, vacancyId);
  const rows = await deps.store.bind(scope, proposalsRepository).reviewableContacts(vacancy.organisationId);
  return rows.map((r) => ({ contactPersonId: r.id, name: r.name, email: r.email, language: r.language }));
}

/** The live proposals on a vacancy's matches: who proposed, when, to whom, the verdict. */
export async function vacancyProposals(
  deps: MatchDeps,
  caller: Caller,
  vacancyId: string,
): Promise<VacancyProposalsResponse> {
  const { scope, actor: who, access, vacancy } = await vacancyContext(deps, caller, vacancyId);
  if (access.sees !== "all") return { proposals: [], mayPropose: false };
  const rows = await deps.store.bind(scope, proposalsRepository).ofVacancy(vacancyId);
  const unread = new Set(
    await deps.store
      .bind(await caller.self(), notificationsRepository)
      .unreadMatches(rows.map((r) => r.proposal.matchId)),
  );
  return { proposals: rows.map((r) => proposalDto(r, unread)), mayPropose: mayPropose(who, vacancy) };
}

/**
 * "Voorstellen aan werkgever": the candidate's match on the vacancy (saved, applied or in
 * screening) moves to the procedure's "proposed" phase with the note as the step's comment, or a
 * new match starts there; the chosen contacts review it. `assertVisible` checks a candidate who
 * is not on the vacancy yet may be seen by the caller (decision 0011).
 */
export async function propose(
  deps: MatchDeps,
  caller: Caller,
  vacancyId: string,
  input: ProposeRequest,
  assertVisible: () => Promise<void>,
): Promise<Proposal> {
  const { scope, vacancy } = await proposable(deps, caller, vacancyId);
  const proposals = deps.store.bind(scope, proposalsRepository);
  const contacts = await proposals.reviewableContacts(vacancy.organisationId);
  const chosen = [...new Set(input.reviewerIds)].map((id) => contacts.find((c) => c.id === id));
  if (chosen.some((c) => c === undefined)) throw new AppError("reviewer_unknown");
  const reviewers = chosen.flatMap((c) => (c ? [{ contactPersonId: c.id, userId: c.userId }] : []));
  const procedure = await procedureFor(deps, scope, vacancy);
  const target = procedure.phases.find((p) => p.key === "proposed");
  if (!target) throw new AppError("not_proposable");
  const existing = await proposals.matchOf(vacancyId, input.candidateId);
  if (existing) {
    const live = await proposals.liveProposal(existing.id);
    if (live && live.decision === null) throw new AppError("already_proposed");
    const current = procedure.phases.find((p) => p.id === existing.phaseId);
    if (existing.procedureId !== procedure.id || !current || !PROPOSABLE_KEYS.includes(current.key))
      throw new AppError("not_proposable");
    // A decided proposal is its match's record; moved back by hand, it is not proposed twice.
    if (live) throw new AppError("already_proposed");
    if (existing.outcome !== null) throw new AppError("not_proposable");
  } else {
    await assertVisible();
  }
  const userId = caller.userId();
  const note = input.note.trim();
  await deps.store.transaction(async (tx) => {
    let match: MatchRow | null = existing;
    if (match) {
      const moved = await tx.bind(scope, matchesRepository).setPhase(
        match.id,
        { phaseId: match.phaseId, outcome: null },
        {
          phaseId: target.id,
          outcome: null,
          since: "now",
          status: applicationStatus(target, null),
          proposalNow: true,
        },
      );
      if (!moved) throw new AppError("match_changed");
      await tx.bind(scope, matchesRepository).addStep({
        match,
        fromPhaseId: match.phaseId,
        toPhaseId: target.id,
        outcome: null,
        comment: note || null,
        actorUserId: userId,
      });
    } else {
      match = await tx.bind(scope, matchCreationRepository).create({
        portalId: vacancy.portalId,
        organisationId: vacancy.organisationId,
        vacancyId,
        candidateId: input.candidateId,
        source: "proposed",
        procedureId: procedure.id,
        phaseId: target.id,
        status: applicationStatus(target, null),
        createdByUserId: userId,
        proposedAt: new Date(),
      });
      if (!match) throw new AppError("match_changed");
    }
    const proposal = await tx.bind(scope, proposalsRepository).create(
      {
        matchId: match.id,
        organisationId: match.organisationId,
        proposedByUserId: userId,
        note,
        fromPhaseId: existing?.phaseId ?? null,
      },
      reviewers,
    );
    await tx.emit(
      matchEvent(MATCH_EVENTS.proposed, match, userId, {
        proposalId: proposal.id,
        fromPhaseId: existing?.phaseId ?? null,
        toPhaseId: target.id,
        created: !existing,
      }),
    );
  });
  return proposalOfVacancy(deps, caller, vacancyId, input.candidateId);
}

async function proposalOfVacancy(
  deps: MatchDeps,
  caller: Caller,
  vacancyId: string,
  candidateId: string,
): Promise<Proposal> {
  const { scope } = await vacancyContext(deps, caller, vacancyId);
  const match = await deps.store.bind(scope, proposalsRepository).matchOf(vacancyId, candidateId);
  const { proposals } = await vacancyProposals(deps, caller, vacancyId);
  const found = proposals.find((p) => p.matchId === match?.id);
  if (!found) throw new AppError("match_changed");
  return found;
}

/**
 * "Voorstel intrekken": only while no verdict was given. The match goes back to the phase it was
 * proposed from (saved when the proposal created it), and the reviewers no longer see it.
 */
export async function withdrawProposal(deps: MatchDeps, caller: Caller, matchId: string): Promise<void> {
  const { scope, actor: who, vacancy, match, procedure } = await matchContext(deps, caller, matchId);
  if (!mayPropose(who, vacancy)) throw new AppError("forbidden");
  const proposals = deps.store.bind(scope, proposalsRepository);
  const live: ProposalRow | null = await proposals.liveProposal(match.id);
  if (!live) throw new AppError("no_proposal");
  if (live.decision) throw new AppError("proposal_decided");
  const current = procedure.phases.find((p) => p.id === match.phaseId);
  const back = procedure.phases.find((p) => p.id === live.fromPhaseId) ?? entryPhase(procedure, "saved");
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    if (!(await tx.bind(scope, proposalsRepository).withdraw(live.id)))
      throw new AppError("proposal_decided");
    // Only a match still waiting in "proposed" goes back; one moved on by hand stays where it is.
    if (current?.key === "proposed") {
      const repo = tx.bind(scope, matchesRepository);
      const moved = await repo.setPhase(
        match.id,
        { phaseId: match.phaseId, outcome: match.outcome },
        {
          phaseId: back.id,
          outcome: null,
          since: "now",
          status: applicationStatus(back, null),
          proposalNow: false,
        },
      );
      if (!moved) throw new AppError("match_changed");
      await repo.addStep({
        match,
        fromPhaseId: match.phaseId,
        toPhaseId: back.id,
        outcome: null,
        comment: null,
        actorUserId: userId,
      });
    }
    await tx.emit(
      matchEvent(MATCH_EVENTS.proposalWithdrawn, match, userId, {
        proposalId: live.id,
        fromPhaseId: match.phaseId,
        toPhaseId: current?.key === "proposed" ? back.id : match.phaseId,
      }),
    );
  });
}

/**
 * The contact persons of the organisation's employer (its whole family) with portal access:
 * those who review proposals, and those who approve a placement's hours.
 */
export async function contactsWithPortalAccess(store: Store, scope: TenantScope, organisationId: string) {
  return store.bind(scope, proposalsRepository).reviewableContacts(organisationId);
}
