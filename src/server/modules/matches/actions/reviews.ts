import type { CandidateStaffView } from "../../../../contracts/candidates";
import type {
  Notification,
  NotificationListResponse,
  ProposalDecision,
  ProposedCandidate,
  ProposedCandidateDetail,
  VerdictRequest,
} from "../../../../contracts/matches";
import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { MATCH_EVENTS, matchEvent } from "../matches.events";
import { applicationStatus } from "../matches.policy";
import { matchesRepository } from "../matches.repository";
import { proceduresRepository } from "../procedures.repository";
import { type NotificationRow, notificationsRepository, reviewsRepository } from "../proposals.repository";
import type { MatchDeps } from "./context";

/** The contact's scope: the employers (families) where they are a contact person with an account. */
const contactScope = (caller: Caller) => caller.scopeAs(["employer_contact"]);

type ReviewRow = Awaited<ReturnType<typeof reviewRows>>[number];

async function reviewRows(deps: MatchDeps, caller: Caller, matchId?: string) {
  const scope = await contactScope(caller);
  return deps.store.bind(scope, reviewsRepository).forReviewer(caller.userId(), matchId);
}

function proposedDto(row: ReviewRow): ProposedCandidate {
  const p = row.proposal;
  return {
    matchId: p.matchId,
    candidate: { id: row.match.candidateId, name: row.candidateName },
    vacancy: row.vacancy,
    proposedBy:
      p.proposedByUserId && row.proposerName ? { id: p.proposedByUserId, name: row.proposerName } : null,
    proposedAt: p.proposedAt.toISOString(),
    note: p.note,
    status: p.decision === "approved" ? "approved" : "waiting",
    phase: row.phase,
  };
}

/** "Voorgesteld": what waits for the contact's verdict and what they approved, newest first. */
export async function listProposed(deps: MatchDeps, caller: Caller): Promise<ProposedCandidate[]> {
  const rows = await reviewRows(deps, caller);
  return rows
    .map(proposedDto)
    .sort((a, b) =>
      a.status === b.status ? b.proposedAt.localeCompare(a.proposedAt) : a.status === "waiting" ? -1 : 1,
    );
}

/**
 * How many proposals wait for this contact's verdict (for the contact's dashboard). Zero for a
 * caller who is no contact person.
 */
export async function proposalsAwaitingCount(deps: MatchDeps, caller: Caller): Promise<number> {
  const scope = await contactScope(caller);
  return deps.store.bind(scope, reviewsRepository).waitingCount(caller.userId());
}

/**
 * One proposal as the contact opens it: the candidate's profile as the candidates module shows it
 * to them (null when it is not visible through this portal), the match's motivation and CV, and
 * the steps through phases contact persons see.
 */
export async function getProposed(
  deps: MatchDeps,
  caller: Caller,
  matchId: string,
  profileOf: (candidateId: string) => Promise<CandidateStaffView | null>,
): Promise<ProposedCandidateDetail> {
  const [row] = await reviewRows(deps, caller, matchId);
  if (!row) throw new AppError("not_found");
  const scope = await contactScope(caller);
  const [procedure, history, profile] = await Promise.all([
    deps.store.bind(scope, proceduresRepository).find(row.match.procedureId),
    deps.store.bind(scope, matchesRepository).history(row.match.id),
    profileOf(row.match.candidateId),
  ]);
  const phases = procedure?.phases ?? [];
  const p = row.proposal;
  return {
    ...proposedDto(row),
    profile,
    motivation: row.match.motivation,
    cv: row.match.cvFileKey
      ? { fileName: row.match.cvFileName ?? "cv", url: `/api/v1/proposals/${row.match.id}/cv` }
      : null,
    history: history.flatMap(({ step }) => {
      const phase = phases.find((x) => x.id === step.toPhaseId);
      if (step.undoneAt || !phase?.visibleToContacts) return [];
      return [
        { at: step.at.toISOString(), phase: { key: phase.key, label: phase.label }, comment: step.comment },
      ];
    }),
    mayDecide: p.decision === null && row.phase.key === "proposed",
    decision:
      p.decision && p.decidedAt
        ? { decision: p.decision, comment: p.comment ?? "", at: p.decidedAt.toISOString() }
        : null,
  };
}

/** The CV sent with the match, for a contact who reviews it (always a download). */
export async function proposedCv(deps: MatchDeps, caller: Caller, matchId: string) {
  const [row] = await reviewRows(deps, caller, matchId);
  if (!row?.match.cvFileKey) throw new AppError("not_found");
  const file = await deps.files.get(row.match.cvFileKey);
  if (!file) throw new AppError("not_found");
  return { ...file, fileName: row.match.cvFileName ?? "cv" };
}

/**
 * "Goedkeuren" / "Afwijzen": once per proposal, while the match waits in "proposed". Approval
 * moves it to the procedure's "approved" phase, rejection to "declined"; the comment goes on the
 * step and on the match's evaluations (the recruiter's "Evaluatie" tab).
 */
export async function decideProposal(
  deps: MatchDeps,
  caller: Caller,
  matchId: string,
  input: VerdictRequest,
) {
  const scope = await contactScope(caller);
  const userId = caller.userId();
  const reviews = deps.store.bind(scope, reviewsRepository);
  const proposal = await reviews.assigned(userId, matchId);
  if (!proposal) throw new AppError("not_found");
  const comment = input.comment.trim();
  if (input.decision === "reject" && !comment) throw new AppError("verdict_comment_required");
  if (proposal.decision) throw new AppError("proposal_decided");
  const found = await deps.store.bind(scope, matchesRepository).find(matchId);
  if (!found) throw new AppError("not_found");
  const { match } = found;
  const procedure = await deps.store.bind(scope, proceduresRepository).find(match.procedureId);
  const current = procedure?.phases.find((p) => p.id === match.phaseId);
  if (!procedure || current?.key !== "proposed" || match.outcome !== null)
    throw new AppError("not_reviewable");
  const decision: ProposalDecision = input.decision === "approve" ? "approved" : "rejected";
  const target = procedure.phases.find((p) => p.key === (decision === "approved" ? "approved" : "declined"));
  if (!target) throw new AppError("not_reviewable");
  await deps.store.transaction(async (tx) => {
    const decided = await tx
      .bind(scope, reviewsRepository)
      .decide(proposal.id, { decision, userId, comment });
    if (!decided) throw new AppError("proposal_decided");
    const repo = tx.bind(scope, matchesRepository);
    const moved = await repo.setPhase(
      match.id,
      { phaseId: match.phaseId, outcome: null },
      {
        phaseId: target.id,
        outcome: null,
        since: "now",
        status: applicationStatus(target, null),
        proposalNow: false,
      },
    );
    if (!moved) throw new AppError("match_changed");
    await repo.addStep({
      match,
      fromPhaseId: match.phaseId,
      toPhaseId: target.id,
      outcome: null,
      comment: comment || null,
      actorUserId: userId,
    });
    const evaluation = await repo.addEvaluation({
      matchId: match.id,
      organisationId: match.organisationId,
      authorUserId: userId,
      verdict: decision === "approved" ? "yes" : "no",
      comment,
      phaseId: match.phaseId,
    });
    await tx.emit(
      matchEvent(MATCH_EVENTS.proposalDecided, match, userId, {
        proposalId: proposal.id,
        decision,
        evaluationId: evaluation.id,
        toPhaseId: target.id,
        toPhaseKey: target.key,
      }),
    );
  });
  return { matchId, decision, phase: { key: target.key, label: target.label } };
}

function notificationDto(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    matchId: row.matchId,
    vacancyId: row.vacancyId,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** How many of the caller's notices (verdicts on their proposals) are unread: the staff home's count. */
export async function unreadNoticesCount(deps: Pick<MatchDeps, "store">, caller: Caller): Promise<number> {
  return deps.store.bind(await caller.self(), notificationsRepository).unread("proposal_");
}

/** The caller's own notices, newest first, with the unread count. */
export async function listNotifications(deps: MatchDeps, caller: Caller): Promise<NotificationListResponse> {
  const repo = deps.store.bind(await caller.self(), notificationsRepository);
  const [rows, unread] = await Promise.all([repo.list(50), repo.unread("")]);
  return { notifications: rows.map(notificationDto), unread };
}

export async function readNotification(deps: MatchDeps, caller: Caller, id: string): Promise<Notification> {
  const row = await deps.store.bind(await caller.self(), notificationsRepository).markRead(id);
  if (!row) throw new AppError("not_found");
  return notificationDto(row);
}

/** The caller's unread notices of the kinds starting with `prefix` (a domain's own, "referral_"). */
export async function unreadNotices(deps: Pick<MatchDeps, "store">, caller: Caller, prefix: string) {
  return deps.store.bind(await caller.self(), notificationsRepository).unread(prefix);
}

/** Marks the caller's notices of these kinds read, once the page they are about was opened. */
export async function readNotices(deps: Pick<MatchDeps, "store">, caller: Caller, prefix: string) {
  return deps.store.bind(await caller.self(), notificationsRepository).markAllRead(prefix);
}
