import type { StepHooks } from "../../matches";
import { referralsRepository } from "../referrals.repository";

/**
 * Points a green outcome gives the referrer when the organisation set none (seed 003: "Interview
 * voltooid", "Begonnen werk" and "nog aan het werk" give points).
 */
export const DEFAULT_POINTS: Readonly<Record<string, number>> = {
  interview_done: 25,
  started: 50,
  still_working: 100,
};

/** The points per milestone key: the organisation's own rules, or the defaults when it has none. */
export function pointsTable(rules: readonly { phaseKey: string; points: number }[]) {
  const table: Readonly<Record<string, number>> =
    rules.length > 0 ? Object.fromEntries(rules.map((r) => [r.phaseKey, r.points])) : DEFAULT_POINTS;
  return (phaseKey: string): number => table[phaseKey] ?? 0;
}

/**
 * The referrer's points change in the transaction of the step, whichever screen made it: a green
 * outcome on a milestone that gives points adds an award to the ledger, undoing that step adds
 * its reversal. The balance is always the sum of the ledger.
 */
export const referralStepHooks: StepHooks = {
  async moved(tx, { scope, step, match, target }) {
    const repo = tx.bind(scope, referralsRepository);
    const referral = await repo.byMatch(match.id);
    if (!referral) return;
    await repo.touch(referral.id);
    if (step.outcome !== "green" || !referral.referrerUserId) return;
    const points = pointsTable(await repo.pointRules(referral.organisationId))(target.key);
    if (points <= 0) return;
    await repo.award({
      organisationId: referral.organisationId,
      referrerUserId: referral.referrerUserId,
      referralId: referral.id,
      stepId: step.id,
      phaseKey: target.key,
      points,
    });
  },
  async undone(tx, { scope, undone, match }) {
    const repo = tx.bind(scope, referralsRepository);
    const referral = await repo.byMatch(match.id);
    if (!referral) return;
    await repo.touch(referral.id);
    await repo.reverseAwardOf(undone.id);
  },
};
