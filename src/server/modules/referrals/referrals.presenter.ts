import type { MatchDetail } from "../../../contracts/matches";
import {
  REFERRAL_COLOURS,
  type ReferralColour,
  type ReferralDetail,
  type ReferralSummary,
  type StaffMilestone,
} from "../../../contracts/referrals";
import { milestonesOf } from "../matches";
import type { ReferralListRow } from "./referrals.repository";

/** A step's outcome as a referral colour; null for none (or a test's passed/failed). */
export const referralColour = (outcome: string | null): ReferralColour | null =>
  outcome !== null && (REFERRAL_COLOURS as readonly string[]).includes(outcome)
    ? (outcome as ReferralColour)
    : null;

export function referralSummaryDto(row: ReferralListRow): ReferralSummary {
  const { referral } = row;
  const colour = row.milestone ? referralColour(row.outcome) : null;
  return {
    id: referral.id,
    matchId: referral.matchId,
    candidateName: row.candidateName,
    referrer:
      referral.referrerUserId && row.referrerName
        ? { id: referral.referrerUserId, name: row.referrerName }
        : null,
    vacancy: { id: referral.vacancyId, title: row.vacancyTitle, city: row.vacancyCity },
    site: row.siteId && row.siteName ? { id: row.siteId, name: row.siteName } : null,
    channel: referral.channel,
    phase: row.milestone ? { key: row.phaseKey, label: row.phaseLabel } : null,
    status: colour ?? "none",
    archived: row.archived,
    eoiAt: referral.eoiAt?.toISOString() ?? null,
    referredAt: referral.createdAt.toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** Great-circle distance in km, rounded to one decimal. */
export function distanceKm(
  from: { lat: number | null; lon: number | null },
  to: { lat: number | null; lon: number | null },
): number | null {
  if (from.lat === null || from.lon === null || to.lat === null || to.lon === null) return null;
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(to.lat - from.lat);
  const dLon = rad(to.lon - from.lon);
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(from.lat)) * Math.cos(rad(to.lat)) * Math.sin(dLon / 2) ** 2;
  return Math.round(6371 * 2 * Math.asin(Math.sqrt(a)) * 10) / 10;
}

/**
 * The milestones of a referral as the organisation works with them: per milestone the outcome
 * that stands (the last step into it that was not undone), whether it is open now, and whether
 * its outcome is the last step (the one "ongedaan maken" takes back).
 */
export function staffMilestones(
  match: MatchDetail,
  openPhaseId: string | null,
  pointsOf: (phaseKey: string) => number,
): StaffMilestone[] {
  const live = match.history.filter((s) => s.undone === null);
  const last = live.filter((s) => s.fromPhaseId !== null).at(-1);
  return milestonesOf(match.procedure).map((phase) => {
    const standing = live.filter((s) => s.toPhaseId === phase.id && s.fromPhaseId !== null).at(-1);
    const colour = referralColour(standing?.outcome ?? null);
    return {
      phaseId: phase.id,
      key: phase.key,
      label: phase.label,
      options: phase.outcomeOptions,
      outcome:
        standing && colour
          ? {
              option: phase.outcomeOptions.find((o) => o.key === standing.outcomeOption) ?? null,
              colour,
              at: standing.at,
              by: standing.actor,
              comment: standing.comment,
            }
          : null,
      open: phase.id === openPhaseId,
      undoable: last !== undefined && last.toPhaseId === phase.id && match.permissions.undo,
      points: pointsOf(phase.key),
    };
  });
}

export function referralDetailDto(
  summary: ReferralSummary,
  extra: Omit<ReferralDetail, keyof ReferralSummary>,
): ReferralDetail {
  return { ...summary, ...extra };
}
