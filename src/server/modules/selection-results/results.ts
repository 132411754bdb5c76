import type { Labels } from "../../../contracts/matches";
import type { ApplicantResult, PartResult } from "../../../contracts/selection-results";
import type { ApplicantRow, PartRow, ScoreRow } from "./selection-results.repository";

/** The phases that are the officer's decision on an applicant (hired follows a pass). */
export const DECIDED_PHASES = new Set(["passed", "failed", "reserve", "hired"]);

export const round2 = (n: number) => Math.round(n * 100) / 100;

export interface ComputedApplicant extends Omit<ApplicantResult, "phase"> {
  phase: { key: string; label: Labels };
}

/**
 * Each applicant's results: per part the jury's scores, their mean and the verdicts counted; the
 * total is the sum of the parts' means, and the ranking orders the totals (equal totals share a
 * place, the next place skips: 1, 1, 3). `onlyJury` keeps one jury member's own scores and
 * leaves out the means (a jury member scores without seeing the others').
 */
export function computeResults(
  parts: readonly PartRow[],
  applicants: readonly ApplicantRow[],
  scores: readonly ScoreRow[],
  onlyJury: string | null = null,
): ComputedApplicant[] {
  const rows = applicants.map((a) => {
    const results: PartResult[] = parts.map((part) => {
      const own = scores.filter((s) => s.matchId === a.matchId && s.partId === part.id);
      const shown = onlyJury ? own.filter((s) => s.juryUserId === onlyJury) : own;
      const numbers = own.flatMap((s) => (s.score === null ? [] : [s.score]));
      return {
        partId: part.id,
        scores: shown.map((s) => ({
          jury: { id: s.juryUserId, name: s.juryName },
          score: s.score,
          verdict: s.verdict,
          motivation: s.motivation,
          at: s.updatedAt.toISOString(),
        })),
        average:
          onlyJury || numbers.length === 0
            ? null
            : round2(numbers.reduce((x, y) => x + y, 0) / numbers.length),
        suitable: onlyJury ? 0 : own.filter((s) => s.verdict === "suitable").length,
        unsuitable: onlyJury ? 0 : own.filter((s) => s.verdict === "unsuitable").length,
      };
    });
    const averages = results.flatMap((r) => (r.average === null ? [] : [r.average]));
    return {
      matchId: a.matchId,
      name: `${a.firstName} ${a.lastName}`.trim(),
      phase: { key: a.phaseKey, label: a.phaseLabel },
      decision: DECIDED_PHASES.has(a.phaseKey) ? a.phaseKey : null,
      results,
      total: averages.length === 0 ? null : round2(averages.reduce((x, y) => x + y, 0)),
      rank: null as number | null,
    };
  });
  const totals = rows.flatMap((r) => (r.total === null ? [] : [r.total])).sort((x, y) => y - x);
  for (const row of rows) if (row.total !== null) row.rank = totals.indexOf(row.total) + 1;
  return rows;
}

/** Ranked first (by place, then name), the unranked after them by name. */
export function byRank<T extends { rank: number | null; name: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      a.name.localeCompare(b.name),
  );
}
