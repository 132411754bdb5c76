import type { SelectionOverview } from "../../../../contracts/selection-results";
import { AppError } from "../../../platform/errors";
import { type ApplicantDeps, applicantContext } from "../../applicants";
import type { Caller } from "../../tenancy";
import { type ApprovalRow, selectionResultsRepository } from "../selection-results.repository";

/** What the selection results actions work with: the applicants module's deps (store, matches). */
export type SelectionResultsDeps = ApplicantDeps;

/**
 * A vacancy's selection as the caller reaches it: through the applicants module's rule (who may
 * see its applicants; 404 otherwise), whether they manage them (the officer: the owner,
 * co-owners, HR on the team and those who may change the vacancy) and whether they sit on its
 * jury. Anyone else who sees the applicants (a leader not on the jury) has no business here.
 */
export async function selectionContext(deps: SelectionResultsDeps, caller: Caller, vacancyId: string) {
  const ctx = await applicantContext(deps, caller, vacancyId);
  const repo = deps.store.bind(ctx.scope, selectionResultsRepository);
  const jury = await repo.team(vacancyId, ["jury"]);
  const userId = caller.userId();
  // The applicants module's "manages" is what lets mail and correct: the officer's rights.
  const manage = ctx.manages;
  const isJury = jury.some((j) => j.id === userId);
  const approval = await repo.latestApproval(vacancyId);
  return {
    ...ctx,
    repo,
    jury,
    manage,
    isJury,
    approval,
    userId,
    locked: lockOf(ctx.closed, approval),
  };
}
export type SelectionContext = Awaited<ReturnType<typeof selectionContext>>;

function lockOf(closed: boolean, approval: ApprovalRow | null): SelectionOverview["permissions"]["locked"] {
  if (closed) return "closed";
  if (approval?.status === "pending") return "approval_pending";
  if (approval?.status === "approved") return "approved";
  return null;
}

/** Refuses any change while the procedure is closed or its PV waits for, or has, approval. */
export function assertUnlocked(ctx: SelectionContext): void {
  if (ctx.locked === "closed") throw new AppError("procedure_closed");
  if (ctx.locked) throw new AppError("selection_report_locked");
}

export function assertManager(ctx: SelectionContext): void {
  if (!ctx.manage) throw new AppError("forbidden");
}
