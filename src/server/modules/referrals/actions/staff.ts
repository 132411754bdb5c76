import type {
  RecordOutcomeRequest,
  ReferralDetail,
  ReferralListResponse,
  ReferralReachResponse,
} from "../../../../contracts/referrals";
import { AppError } from "../../../platform/errors";
import {
  getMatch,
  milestonesOf,
  moveMatch,
  openMilestone,
  readNotices,
  undoMatch,
  unreadNotices,
} from "../../matches";
import type { Caller } from "../../tenancy";
import { distanceKm, referralSummaryDto, staffMilestones } from "../referrals.presenter";
import { type ParsedQuery, referralsRepository } from "../referrals.repository";
import { type ReferralDeps, staffReach } from "./context";
import { pointsTable, referralStepHooks } from "./points";

/** "Kandidaten": the referred candidates, live or archived, filtered and sorted (seed 003, step 1). */
export async function listReferrals(
  deps: ReferralDeps,
  caller: Caller,
  query: ParsedQuery,
): Promise<ReferralListResponse> {
  const { scope, reach } = await staffReach(deps, caller);
  const repo = deps.store.bind(scope, referralsRepository);
  const [{ rows, total }, facets] = await Promise.all([repo.list(reach, query), repo.facets(reach)]);
  const phases = new Map<string, (typeof facets.phases)[number]>();
  for (const phase of facets.phases) if (!phases.has(phase.key)) phases.set(phase.key, phase);
  return {
    items: rows.map(referralSummaryDto),
    total,
    page: query.page,
    pageSize: query.pageSize,
    facets: {
      sites: facets.sites,
      vacancies: facets.vacancies,
      phases: [...phases.values()].map(({ key, label }) => ({ key, label })),
      cities: facets.cities.filter((c): c is string => c !== null).sort((a, b) => a.localeCompare(b, "nl")),
    },
  };
}

/** One referred candidate with contact details, distance, and the milestones to work on. */
export async function getReferral(deps: ReferralDeps, caller: Caller, id: string): Promise<ReferralDetail> {
  const { scope, reach } = await staffReach(deps, caller);
  const repo = deps.store.bind(scope, referralsRepository);
  const found = await repo.find(reach, id);
  if (!found) throw new AppError("not_found");
  const [match, rules] = await Promise.all([
    getMatch(deps, caller, found.referral.matchId),
    repo.pointRules(found.referral.organisationId),
  ]);
  const open = openMilestone(match.procedure, match);
  const mayUpdate = match.permissions.moveTo.length > 0 || match.permissions.undo;
  const { contact } = found;
  return {
    ...referralSummaryDto(found),
    contact: {
      email: contact.email,
      phone: contact.phone,
      postcode: contact.postcode,
      city: contact.city,
      distanceKm: distanceKm(contact, { lat: contact.workLat, lon: contact.workLon }),
    },
    reason: found.referral.reason,
    consentAt: found.referral.consentAt.toISOString(),
    milestones: staffMilestones(match, mayUpdate && open ? open.id : null, pointsTable(rules)),
    mayUpdate,
  };
}

async function referralMatch(deps: ReferralDeps, caller: Caller, id: string) {
  const { scope, reach } = await staffReach(deps, caller);
  const found = await deps.store.bind(scope, referralsRepository).find(reach, id);
  if (!found) throw new AppError("not_found");
  return found.referral;
}

/**
 * Gives the open milestone an outcome from its list (seed 003, step 3): green notifies the
 * referrer and opens the next milestone, orange keeps it open, red archives the candidate.
 * The matches module keeps the order and writes the step; the points change with it.
 */
export async function recordOutcome(
  deps: ReferralDeps,
  caller: Caller,
  id: string,
  phaseId: string,
  input: RecordOutcomeRequest,
): Promise<ReferralDetail> {
  const referral = await referralMatch(deps, caller, id);
  const match = await getMatch(deps, caller, referral.matchId);
  if (!milestonesOf(match.procedure).some((m) => m.id === phaseId)) throw new AppError("milestone_unknown");
  await moveMatch(
    deps,
    caller,
    referral.matchId,
    { phaseId, outcomeOption: input.option, ...(input.comment ? { comment: input.comment } : {}) },
    referralStepHooks,
  );
  return getReferral(deps, caller, id);
}

/** "Ongedaan maken" on a milestone: takes back its outcome when it was the last one given. */
export async function undoOutcome(
  deps: ReferralDeps,
  caller: Caller,
  id: string,
  phaseId: string,
): Promise<ReferralDetail> {
  const referral = await referralMatch(deps, caller, id);
  const match = await getMatch(deps, caller, referral.matchId);
  if (!milestonesOf(match.procedure).some((m) => m.id === phaseId)) throw new AppError("milestone_unknown");
  const last = match.history.filter((s) => s.undone === null && s.fromPhaseId !== null).at(-1);
  if (!last) throw new AppError("nothing_to_undo");
  if (last.toPhaseId !== phaseId) throw new AppError("milestone_not_last");
  await undoMatch(deps, caller, referral.matchId, referralStepHooks);
  return getReferral(deps, caller, id);
}

/**
 * Whether "Verwijzingen" leads somewhere for the caller (they manage an organisation that takes
 * referrals), with their unread notices of new referred candidates.
 */
export async function referralReach(deps: ReferralDeps, caller: Caller): Promise<ReferralReachResponse> {
  const unread = await unreadNotices(deps, caller, "referral_new");
  try {
    const { scope } = await staffReach(deps, caller);
    return { works: await deps.store.bind(scope, referralsRepository).takesReferrals(), unread };
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") return { works: false, unread };
    throw error;
  }
}

/** Marks the caller's notices of new referrals, or of their referrals' progress, read. */
export async function readReferralNotices(
  deps: ReferralDeps,
  caller: Caller,
  kind: "new" | "progress",
): Promise<number> {
  return readNotices(deps, caller, kind === "new" ? "referral_new" : "referral_progress");
}

/** Whether the vacancy's owner hears of every new referred candidate (for those who manage it). */
export async function referralNoticeSetting(deps: ReferralDeps, caller: Caller, vacancyId: string) {
  const { scope } = await staffReach(deps, caller);
  const notify = await deps.store.bind(scope, referralsRepository).notifySetting(vacancyId);
  if (notify === null) throw new AppError("not_found");
  return { notify };
}

export async function setReferralNoticeSetting(
  deps: ReferralDeps,
  caller: Caller,
  vacancyId: string,
  notify: boolean,
) {
  const { scope } = await staffReach(deps, caller);
  if (!(await deps.store.bind(scope, referralsRepository).setNotify(vacancyId, notify)))
    throw new AppError("not_found");
  return { notify };
}
