import type { z } from "zod";
import type { Locale } from "../../../../contracts/common";
import type {
  DecideRequestSchema,
  PutSelectionPartsRequestSchema,
  ScoreRequestSchema,
  SelectionOverview,
} from "../../../../contracts/selection-results";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import { moveMatch } from "../../matches";
import type { Caller } from "../../tenancy";
import { computeResults, DECIDED_PHASES } from "../results";
import { approvalDto } from "../selection-results.presenter";
import { selectionResultsRepository } from "../selection-results.repository";
import {
  assertManager,
  assertUnlocked,
  type SelectionContext,
  type SelectionResultsDeps,
  selectionContext,
} from "./context";

type PartsInput = z.output<typeof PutSelectionPartsRequestSchema>;
type ScoreInput = z.output<typeof ScoreRequestSchema>;
type DecideInput = z.output<typeof DecideRequestSchema>;

/** The officer or a jury member of the vacancy; anyone else who sees its applicants may not. */
async function participant(deps: SelectionResultsDeps, caller: Caller, vacancyId: string) {
  const ctx = await selectionContext(deps, caller, vacancyId);
  if (!ctx.manage && !ctx.isJury) throw new AppError("not_on_jury");
  return ctx;
}

export async function overviewOf(ctx: SelectionContext, locale: Locale): Promise<SelectionOverview> {
  const parts = await ctx.repo.parts(ctx.vacancy.id);
  const applicants = await ctx.repo.applicants(ctx.vacancy.id);
  const scores = await ctx.repo.scores(ctx.vacancy.id);
  const approvers = ctx.manage ? await ctx.repo.team(ctx.vacancy.id, ["hr", "leader"]) : [];
  const results = computeResults(parts, applicants, scores, ctx.manage ? null : ctx.userId);
  return {
    vacancy: { id: ctx.vacancy.id, title: ctx.vacancy.displayTitle, status: ctx.vacancy.status },
    parts: parts.map((p) => ({
      id: p.id,
      name: p.name,
      dates: p.dates,
      maxScore: p.maxScore,
      scored: p.scored,
    })),
    jury: ctx.jury.map((j) => ({ id: j.id, name: j.name })),
    applicants: results.map((r) => ({ ...r, phase: { key: r.phase.key, label: r.phase.label[locale] } })),
    maxTotal: parts.reduce((sum, p) => sum + p.maxScore, 0),
    approval: ctx.approval ? approvalDto(ctx.approval) : null,
    approvers: approvers.map((a) => ({ id: a.id, name: a.name, role: a.role as "hr" | "leader" })),
    permissions: { manage: ctx.manage, score: ctx.isJury, locked: ctx.locked },
  };
}

/** The selection of a vacancy: parts, jury, applicants with the scores the caller may see. */
export async function getSelection(
  deps: SelectionResultsDeps,
  caller: Caller,
  vacancyId: string,
  locale: Locale,
): Promise<SelectionOverview> {
  return overviewOf(await participant(deps, caller, vacancyId), locale);
}

/**
 * The officer sets the vacancy's parts in order. A part a jury member scored stays (it may be
 * renamed, re-dated or get another maximum, not one below a score given); unknown ids are named.
 */
export async function putParts(
  deps: SelectionResultsDeps,
  caller: Caller,
  vacancyId: string,
  input: PartsInput,
  locale: Locale,
  messages: MessageLocale,
): Promise<SelectionOverview> {
  const ctx = await participant(deps, caller, vacancyId);
  assertManager(ctx);
  assertUnlocked(ctx);
  const existing = await ctx.repo.parts(vacancyId);
  const scores = await ctx.repo.scores(vacancyId);
  const problems: FieldError[] = [];
  input.parts.forEach((part, i) => {
    if (!part.id) return;
    if (!existing.some((e) => e.id === part.id))
      problems.push({ path: `parts.${i}.id`, message: fieldMessage("selection_part_unknown", messages) });
    const highest = Math.max(0, ...scores.filter((s) => s.partId === part.id).map((s) => s.score ?? 0));
    if (highest > part.maxScore)
      problems.push({ path: `parts.${i}.maxScore`, message: fieldMessage("score_above_max", messages) });
  });
  if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
  const kept = new Set(input.parts.flatMap((p) => (p.id ? [p.id] : [])));
  const scoredGone = existing.filter((e) => e.scored && !kept.has(e.id));
  if (scoredGone.length > 0)
    throw new AppError("selection_part_scored", {
      fields: scoredGone.map((p) => ({ path: "parts", message: p.name })),
    });
  await deps.store.transaction(async (tx) => {
    await tx.bind(ctx.scope, selectionResultsRepository).replaceParts(
      { id: ctx.vacancy.id, organisationId: ctx.vacancy.organisationId },
      input.parts.map((p) => ({ ...p, dates: [...new Set(p.dates)].sort() })),
    );
  });
  return overviewOf(await selectionContext(deps, caller, vacancyId), locale);
}

/**
 * A jury member's own score and/or verdict on one applicant for one part; they change it until
 * the officer decides on the applicant. Only the vacancy's jury scores.
 */
export async function putScore(
  deps: SelectionResultsDeps,
  caller: Caller,
  vacancyId: string,
  matchId: string,
  partId: string,
  input: ScoreInput,
  locale: Locale,
  messages: MessageLocale,
): Promise<SelectionOverview> {
  const ctx = await participant(deps, caller, vacancyId);
  if (!ctx.isJury) throw new AppError("not_on_jury");
  assertUnlocked(ctx);
  const part = (await ctx.repo.parts(vacancyId)).find((p) => p.id === partId);
  const applicant = (await ctx.repo.applicants(vacancyId)).find((a) => a.matchId === matchId);
  if (!part || !applicant) throw new AppError("not_found");
  if (DECIDED_PHASES.has(applicant.phaseKey)) throw new AppError("selection_outcome_decided");
  const problems: FieldError[] = [];
  if (input.score === null && input.verdict === null)
    problems.push({ path: "score", message: fieldMessage("score_or_verdict_required", messages) });
  if (input.score !== null && input.score > part.maxScore)
    problems.push({
      path: "score",
      message: `${fieldMessage("score_above_max", messages)} (${part.maxScore})`,
    });
  if (input.score !== null && Math.abs(Math.round(input.score * 100) - input.score * 100) > 1e-6)
    problems.push({ path: "score", message: fieldMessage("score_precision", messages) });
  if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
  await ctx.repo.putScore({
    organisationId: ctx.vacancy.organisationId,
    vacancyId,
    partId,
    matchId,
    juryUserId: ctx.userId,
    score: input.score,
    verdict: input.verdict,
    motivation: input.motivation,
  });
  return overviewOf(ctx, locale);
}

/**
 * The officer's decision on an applicant: passed, failed or reserve, as a step of the match in
 * the vacancy's selection procedure (the matches module's rules, history, hooks and events).
 */
export async function decide(
  deps: SelectionResultsDeps,
  caller: Caller,
  vacancyId: string,
  input: DecideInput,
  locale: Locale,
): Promise<SelectionOverview> {
  const ctx = await participant(deps, caller, vacancyId);
  assertManager(ctx);
  assertUnlocked(ctx);
  const applicant = (await ctx.repo.applicants(vacancyId)).find((a) => a.matchId === input.matchId);
  if (!applicant) throw new AppError("not_found");
  const target = ctx.procedure.phases.find((p) => p.key === input.outcome);
  if (!target) throw new AppError("selection_outcome_unavailable");
  await moveMatch(deps.matches, caller, applicant.matchId, {
    phaseId: target.id,
    ...(input.comment ? { comment: input.comment } : {}),
  });
  return overviewOf(await selectionContext(deps, caller, vacancyId), locale);
}
