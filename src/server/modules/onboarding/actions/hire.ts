import type { z } from "zod";
import {
  isValidNationalRegisterNumber,
  nationalRegisterDigits,
} from "../../../../contracts/national-register";
import type {
  Hire,
  HireRequestSchema,
  UpdateHireRequestSchema,
  VacancyHiring,
} from "../../../../contracts/onboarding";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import type { TenantScope } from "../../../platform/scope";
import type { Store, TxStore } from "../../../platform/store";
import { applicantContext, applicantIdentity } from "../../applicants";
import { moveMatch, type StepHooks } from "../../matches";
import type { Caller } from "../../tenancy";
import { ONBOARDING_EVENTS, onboardingEvent } from "../onboarding.events";
import { hireDtos } from "../onboarding.presenter";
import { onboardingRepository } from "../onboarding.repository";
import type { OnboardingDeps } from "./context";
import { startOnboarding } from "./onboarding-start";

type HireInput = z.output<typeof HireRequestSchema>;
type UpdateInput = z.output<typeof UpdateHireRequestSchema>;

/** The number as 11 digits when it is a valid rijksregisternummer, else null. */
function validNumber(value: string | null | undefined): string | null {
  if (!value || !isValidNationalRegisterNumber(value)) return null;
  return nationalRegisterDigits(value);
}

/** What the hiring screen passes on to the step: the start date and the mentor, checked already. */
export interface HireDetails {
  startDate: string | null;
  mentorUserId: string | null;
}

/**
 * The selection procedure's step hooks: a step into the hired phase ("Aangenomen"), from
 * whichever screen, needs the laureate's national register number (corrected in the
 * "aanpassingsvelden" or given on the application form) and records the hire with the
 * vacancy's leader, then starts the onboarding; without the number the step is refused and
 * nothing changes. Undoing that step removes the hire. No step nor undo once the procedure is
 * completed or cancelled.
 */
export function selectionStepHooks(
  details: HireDetails = { startDate: null, mentorUserId: null },
): StepHooks {
  return {
    async moved(tx, { scope, step, match, target }) {
      const repo = tx.bind(scope, onboardingRepository);
      // A completed or cancelled procedure is read only from every screen that moves its
      // matches (the match's own page too), not only from the applicants' one.
      const closed = await repo.procedureClosed(match.vacancyId);
      if (closed === null) throw new AppError("not_found");
      if (closed) throw new AppError("procedure_closed");
      if (target.meaning !== "hired") return;
      const identity = await applicantIdentity({ store: tx }, scope, match.id);
      const number = validNumber(identity?.nationalRegisterNumber);
      if (!identity || !number) throw new AppError("national_register_number_required");
      const leader = await repo.leaderOf(match.vacancyId);
      const hire = await repo.insertHire({
        organisationId: match.organisationId,
        vacancyId: match.vacancyId,
        matchId: match.id,
        candidateId: match.candidateId,
        nationalRegisterNumber: number,
        name: `${identity.firstName} ${identity.lastName}`.trim(),
        email: identity.email,
        startDate: details.startDate,
        leaderUserId: leader?.id ?? null,
        mentorUserId: details.mentorUserId,
        hiredByUserId: step.actorUserId,
      });
      await tx.emit(onboardingEvent(ONBOARDING_EVENTS.hired, hire, step.actorUserId));
      await startOnboarding(tx, scope, hire, step.actorUserId);
    },
    async undone(tx, { scope, match }) {
      const repo = tx.bind(scope, onboardingRepository);
      if (await repo.procedureClosed(match.vacancyId)) throw new AppError("procedure_closed");
      const found = await repo.hireOfMatch(match.id);
      if (!found) return;
      await repo.deleteHireOfMatch(match.id);
      await tx.emit(onboardingEvent(ONBOARDING_EVENTS.hireUndone, found.hire, null));
    },
  };
}

/**
 * A vacancy the caller reaches as its staff (the applicants module decides: 404 otherwise), with
 * whether they manage its applicants (the owner, co-owners, HR, the selection officers).
 */
async function vacancyContext(deps: OnboardingDeps, caller: Caller, vacancyId: string) {
  const ctx = await applicantContext(
    { store: deps.store, files: deps.files, matches: deps.matches },
    caller,
    vacancyId,
  );
  const vacancy = await deps.store.bind(ctx.scope, onboardingRepository).vacancy(vacancyId);
  if (!vacancy) throw new AppError("not_found");
  return {
    ...ctx,
    facts: vacancy,
    manages: ctx.manages,
    closed: vacancy.procedureClosed,
  };
}
type VacancyContext = Awaited<ReturnType<typeof vacancyContext>>;

function assertManages(ctx: VacancyContext): void {
  if (!ctx.manages) throw new AppError("forbidden");
  if (ctx.closed) throw new AppError("procedure_closed");
}

/** A real calendar day, not before today. */
function startDateProblem(value: string, today: string, locale: MessageLocale): FieldError | null {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value)
    return { path: "startDate", message: fieldMessage("date_invalid", locale) };
  if (value < today) return { path: "startDate", message: fieldMessage("start_date_past", locale) };
  return null;
}

/** Checks the start date and the mentor (active staff of the vacancy's organisation family). */
async function checkDetails(
  deps: OnboardingDeps,
  ctx: VacancyContext,
  input: { startDate?: string | null; mentorUserId?: string | null },
  locale: MessageLocale,
): Promise<void> {
  const problems: FieldError[] = [];
  if (input.startDate) {
    const problem = startDateProblem(input.startDate, deps.today(), locale);
    if (problem) problems.push(problem);
  }
  if (input.mentorUserId) {
    const staff = await deps.store
      .bind(ctx.scope, onboardingRepository)
      .staffOfFamily(ctx.facts.organisationId);
    if (!staff.some((s) => s.id === input.mentorUserId))
      problems.push({ path: "mentorUserId", message: fieldMessage("mentor_not_staff", locale) });
  }
  if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
}

async function hireOf(store: Store, scope: TenantScope, vacancyId: string, matchId: string) {
  const found = await store.bind(scope, onboardingRepository).hireOfMatch(matchId);
  if (!found || found.hire.vacancyId !== vacancyId) throw new AppError("not_found");
  return found;
}

async function oneHire(deps: OnboardingDeps, scope: TenantScope, vacancyId: string, matchId: string) {
  const found = await hireOf(deps.store, scope, vacancyId, matchId);
  const [dto] = await hireDtos(deps.store, scope, [found]);
  return dto!;
}

/**
 * "Aangenomen": moves the applicant to the hired phase through the matches module (its rules,
 * history and events) with the start date and mentor, which the step's hook records.
 */
export async function hire(
  deps: OnboardingDeps,
  caller: Caller,
  vacancyId: string,
  input: HireInput,
  locale: MessageLocale,
): Promise<Hire> {
  const ctx = await vacancyContext(deps, caller, vacancyId);
  assertManages(ctx);
  const identity = await applicantIdentity(deps, ctx.scope, input.matchId);
  if (!identity || identity.vacancyId !== vacancyId) throw new AppError("not_found");
  await checkDetails(deps, ctx, input, locale);
  // Other procedures have hooks of their own (a referral's points), which these would replace.
  const hired = ctx.procedure.phases.find((p) => p.meaning === "hired");
  if (!hired || ctx.procedure.kind !== "selection") throw new AppError("phase_unknown");
  await moveMatch(
    deps.matches,
    caller,
    input.matchId,
    { phaseId: hired.id, ...(input.comment ? { comment: input.comment } : {}) },
    selectionStepHooks({ startDate: input.startDate, mentorUserId: input.mentorUserId }),
  );
  return oneHire(deps, ctx.scope, vacancyId, input.matchId);
}

/** The start date and the mentor, entered on hiring or right after; a new mentor gets the action. */
export async function updateHire(
  deps: OnboardingDeps,
  caller: Caller,
  vacancyId: string,
  matchId: string,
  input: UpdateInput,
  locale: MessageLocale,
): Promise<Hire> {
  const ctx = await vacancyContext(deps, caller, vacancyId);
  const found = await hireOf(deps.store, ctx.scope, vacancyId, matchId);
  assertManages(ctx);
  await checkDetails(deps, ctx, input, locale);
  const userId = caller.userId();
  await deps.store.transaction(async (tx: TxStore) => {
    const repo = tx.bind(ctx.scope, onboardingRepository);
    await repo.updateHire(found.hire.id, {
      ...(input.startDate !== undefined ? { startDate: input.startDate } : {}),
      ...(input.mentorUserId !== undefined ? { mentorUserId: input.mentorUserId } : {}),
    });
    if (input.mentorUserId !== undefined && input.mentorUserId !== found.hire.mentorUserId) {
      const enabled = await repo.onboardingEnabled(vacancyId);
      if (enabled) {
        const actionId = await repo.setAction(found.hire, "mentor", input.mentorUserId);
        if (actionId)
          await tx.emit(
            onboardingEvent(ONBOARDING_EVENTS.actionAssigned, found.hire, userId, {
              actionId,
              role: "mentor",
            }),
          );
      }
    }
  });
  return oneHire(deps, ctx.scope, vacancyId, matchId);
}

/** The vacancy's hiring screen: the onboarding switch, the leader, mentors to choose, the hires. */
export async function vacancyHiring(
  deps: OnboardingDeps,
  caller: Caller,
  vacancyId: string,
): Promise<VacancyHiring> {
  const ctx = await vacancyContext(deps, caller, vacancyId);
  const repo = deps.store.bind(ctx.scope, onboardingRepository);
  const rows = await repo.hiresOfVacancy(vacancyId);
  return {
    vacancyId,
    selection: ctx.procedure.kind === "selection",
    onboarding: await repo.onboardingEnabled(vacancyId),
    mayManage: ctx.manages && !ctx.closed,
    mayDownload: ctx.manages,
    closed: ctx.closed,
    leader: await repo.leaderOf(vacancyId),
    mentorOptions: ctx.manages ? await repo.staffOfFamily(ctx.facts.organisationId) : [],
    applicants: ctx.manages ? await openApplicants(deps, ctx.scope, vacancyId) : [],
    hires: await hireDtos(deps.store, ctx.scope, rows),
  };
}

async function openApplicants(deps: OnboardingDeps, scope: TenantScope, vacancyId: string) {
  const rows = await deps.store.bind(scope, onboardingRepository).openApplicants(vacancyId);
  const out: VacancyHiring["applicants"] = [];
  for (const row of rows) {
    const identity = await applicantIdentity(deps, scope, row.matchId);
    out.push({
      matchId: row.matchId,
      name: row.name,
      phase: { nl: row.phaseLabel.nl, en: row.phaseLabel.en },
      hasRegisterNumber: validNumber(identity?.nationalRegisterNumber) !== null,
    });
  }
  return out;
}

/**
 * Switches the vacancy's onboarding on or off. Switched on, the hires it has already get their
 * actions and (external profiles) material, as a new hire would.
 */
export async function setOnboarding(
  deps: OnboardingDeps,
  caller: Caller,
  vacancyId: string,
  enabled: boolean,
): Promise<VacancyHiring> {
  const ctx = await vacancyContext(deps, caller, vacancyId);
  assertManages(ctx);
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const repo = tx.bind(ctx.scope, onboardingRepository);
    await repo.setOnboarding(ctx.facts, enabled, userId);
    if (enabled)
      for (const { hire: row } of await repo.hiresOfVacancy(vacancyId))
        await startOnboarding(tx, ctx.scope, row, userId);
  });
  return vacancyHiring(deps, caller, vacancyId);
}

/** The starter form's facts, for those who manage the vacancy's applicants (officer, HR). */
export async function starterFormFacts(
  deps: OnboardingDeps,
  caller: Caller,
  vacancyId: string,
  matchId: string,
) {
  const ctx = await vacancyContext(deps, caller, vacancyId);
  if (!ctx.manages) throw new AppError("forbidden");
  const found = await hireOf(deps.store, ctx.scope, vacancyId, matchId);
  const identity = await applicantIdentity(deps, ctx.scope, matchId);
  if (!identity) throw new AppError("not_found");
  return { vacancy: ctx.facts, hire: found, identity };
}
export type StarterFormFacts = Awaited<ReturnType<typeof starterFormFacts>>;
