import type { SelectionReport } from "../../../../contracts/selection-results";
import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { byRank, computeResults } from "../results";
import { assertManager, type SelectionContext, type SelectionResultsDeps, selectionContext } from "./context";

/**
 * The PV-rapport as it stands: the vacancy, the jury, the parts with their dates, each
 * applicant's scores per part and jury member with the means and verdicts, and the ranking with
 * the decisions. The same figures as the officer's side-by-side view.
 */
export async function reportOf(ctx: SelectionContext, now: Date): Promise<SelectionReport> {
  const info = await ctx.repo.vacancyInfo(ctx.vacancy.id);
  if (!info) throw new AppError("not_found");
  const parts = await ctx.repo.parts(ctx.vacancy.id);
  const results = computeResults(
    parts,
    await ctx.repo.applicants(ctx.vacancy.id),
    await ctx.repo.scores(ctx.vacancy.id),
  );
  return {
    vacancy: {
      id: ctx.vacancy.id,
      title: ctx.vacancy.displayTitle,
      organisation: info.organisationName,
      owner: info.ownerName,
    },
    generatedAt: now.toISOString(),
    jury: ctx.jury.map((j) => ({ id: j.id, name: j.name })),
    parts: parts.map((p) => ({ id: p.id, name: p.name, dates: p.dates, maxScore: p.maxScore })),
    maxTotal: parts.reduce((sum, p) => sum + p.maxScore, 0),
    applicants: byRank(results).map((r) => ({
      ...r,
      phase: { key: r.phase.key, label: { nl: r.phase.label.nl, en: r.phase.label.en } },
    })),
  };
}

/** The live PV, for the officer. */
export async function selectionReport(
  deps: SelectionResultsDeps,
  caller: Caller,
  vacancyId: string,
  now: Date,
): Promise<SelectionReport> {
  const ctx = await selectionContext(deps, caller, vacancyId);
  if (!ctx.manage && !ctx.isJury) throw new AppError("not_on_jury");
  assertManager(ctx);
  return reportOf(ctx, now);
}
