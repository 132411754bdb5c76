import type { Labels } from "../../../../contracts/matches";
import type { MyPointsResponse, MyReferral, ReferralColour } from "../../../../contracts/referrals";
import { AppError } from "../../../platform/errors";
import { matchState } from "../../matches";
import type { Caller } from "../../tenancy";
import { referralColour } from "../referrals.presenter";
import { referrerRepository } from "../referrer.repository";
import { type ReferrerDeps, referrerOf } from "./context";

const fullName = (row: { firstName: string; lastName: string }) => `${row.firstName} ${row.lastName}`.trim();

/**
 * The people the caller referred, each with their progress as the referrer may see it: per
 * milestone only the colour of its outcome and when, never the option chosen or a comment.
 */
export async function myReferrals(
  deps: ReferrerDeps,
  caller: Caller,
  referralId?: string,
): Promise<MyReferral[]> {
  const { scope, userId } = await referrerOf(caller);
  const repo = deps.store.bind(scope, referrerRepository);
  const rows = await repo.myReferrals(userId, referralId);
  const [milestones, steps] = await Promise.all([
    repo.milestones([...new Set(rows.map((r) => r.procedureId))]),
    repo.liveSteps(rows.map((r) => r.matchId)),
  ]);
  return rows.map((row) => {
    // The last step still standing on a milestone is its outcome (oldest first: later wins).
    const latest = new Map<string, { colour: ReferralColour | null; at: Date }>();
    for (const step of steps)
      if (step.matchId === row.matchId)
        latest.set(step.toPhaseId, { colour: referralColour(step.outcome), at: step.at });
    const state = matchState({ meaning: row.meaning }, row.outcome);
    return {
      id: row.id,
      name: fullName(row),
      vacancy: { id: row.vacancyId, title: row.vacancyTitle },
      channel: row.channel,
      referredAt: row.createdAt.toISOString(),
      confirmedAt: row.eoiAt?.toISOString() ?? null,
      state: state === "active" || state === "hired" ? "live" : "stopped",
      milestones: milestones
        .filter((m) => m.procedureId === row.procedureId)
        .map((m) => {
          const step = latest.get(m.id);
          return {
            key: m.key,
            label: m.label,
            colour: step?.colour ?? null,
            at: step?.colour ? step.at.toISOString() : null,
          };
        }),
      points: Number(row.points),
    };
  });
}

/** One of the caller's own referrals; 404 for anyone else's. */
export async function myReferral(
  deps: ReferrerDeps,
  caller: Caller,
  referralId: string,
): Promise<MyReferral> {
  const [found] = await myReferrals(deps, caller, referralId);
  if (!found) throw new AppError("not_found");
  return found;
}

/** The caller's points: the ledger's lines, newest first, and their sum. */
export async function myPoints(deps: ReferrerDeps, caller: Caller): Promise<MyPointsResponse> {
  const { scope, userId } = await referrerOf(caller);
  const rows = await deps.store.bind(scope, referrerRepository).pointsLedger(userId);
  const entries = rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    points: row.points,
    milestone: labelsOf(row.label, row.phaseKey),
    candidateName: fullName(row),
    vacancyTitle: row.vacancyTitle,
    reversal: row.reversesId !== null,
  }));
  return { balance: entries.reduce((sum, e) => sum + e.points, 0), entries };
}

function labelsOf(label: Record<string, string> | null, fallback: string): Labels {
  return {
    nl: label?.nl ?? fallback,
    en: label?.en ?? fallback,
    de: label?.de ?? label?.en ?? fallback,
    fr: label?.fr ?? label?.en ?? fallback,
  };
}
