import { randomUUID } from "node:crypto";
import type { Locale } from "../../../../contracts/common";
import type { ApplicationTimeline } from "../../../../contracts/forms";
import type { Application } from "../../../../contracts/vacancies";
import { AppError, type FieldError } from "../../../platform/errors";
import { sniffDocument } from "../../../platform/files";
import { fieldMessage } from "../../../platform/i18n";
import { publicScope, type SelfScope } from "../../../platform/scope";
import type { TxStore } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { applicationsRepository, visibleVacanciesRepository } from "../applications.repository";
import { MATCH_EVENTS, matchEvent } from "../matches.events";
import { applicationStatus, entryPhase, isClosed, matchState } from "../matches.policy";
import { applicationDto } from "../matches.presenter";
import { type MatchRow, matchCreationRepository } from "../matches.repository";
import { type MatchDeps, procedureFor, today, viewerOf } from "./context";

export interface ApplicationInput {
  motivation: string;
  cv: { fileName: string; data: Buffer } | null;
  /** utm_source of the page the candidate applied from. */
  source: string | null;
  /** The `ref` of an employee's personal link the candidate came through (referrals record it). */
  referralCode?: string | null;
  /**
   * An application through the vacancy's form (forms module): the answers were checked there,
   * the CV (if any) is already stored, and `record` keeps the answers in the match's transaction.
   */
  viaForm?: {
    storedCv: { key: string; name: string; type: string } | null;
    record: (tx: TxStore, match: MatchRow, self: SelfScope) => Promise<void>;
  };
}

/**
 * The person's candidate row to apply with: the one on this portal, else their first; a person
 * who applies before making a profile gets one on a portal where they are a candidate.
 */
export async function ensureCandidate(
  deps: MatchDeps,
  caller: Caller,
  portalIds: readonly string[],
  hostPortalId: string | null,
) {
  const own = deps.store.bind(await caller.self(), applicationsRepository);
  const existing = await own.ownCandidates();
  const preferred = existing.find((c) => c.portalId === hostPortalId) ?? existing[0];
  if (preferred) return preferred;
  const portalId = portalIds.find((p) => p === hostPortalId) ?? portalIds[0];
  if (!portalId) throw new AppError("forbidden");
  return own.createOwnCandidate(portalId);
}

/**
 * "Reageren": a match candidate x vacancy with a motivation and optionally a CV, in the first
 * suitable phase of the vacancy's procedure.
 */
export async function apply(
  deps: MatchDeps,
  caller: Caller,
  vacancyId: string,
  input: ApplicationInput,
  hostPortalId: string | null,
  locale: Locale,
): Promise<Application> {
  const viewer = await viewerOf(caller);
  const vacancy = await deps.store
    .bind(publicScope, visibleVacanciesRepository)
    .findVisibleVacancy(viewer, vacancyId, today(deps));
  if (!vacancy) throw new AppError("not_found");
  if (!input.viaForm && (await deps.applicationFormRequired?.(vacancyId)))
    throw new AppError("application_form_required");
  const motivation = input.motivation.trim();
  const problems: FieldError[] = [];
  if (motivation.length === 0 && !input.viaForm)
    problems.push({ path: "motivation", message: fieldMessage("required", locale) });
  const cvKind = input.cv ? sniffDocument(input.cv.data) : null;
  if (input.cv && !cvKind)
    problems.push({ path: "cv", message: fieldMessage("document_type_not_allowed", locale) });
  if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });

  const candidate = await ensureCandidate(deps, caller, viewer.portalIds, hostPortalId);
  const self = await caller.self({ fresh: true });
  const own = deps.store.bind(self, applicationsRepository);
  const existing = await own.findMatchOfCandidate(vacancyId);
  if (existing?.candidateId === candidate.id) throw new AppError("already_applied");
  const procedure = await procedureFor(deps, self, vacancy);
  const phase = entryPhase(procedure, "applied");

  let cv: { key: string; name: string; type: string } | null = input.viaForm?.storedCv ?? null;
  if (input.cv && cvKind) {
    cv = {
      key: `applications/${candidate.id}/${randomUUID()}.${cvKind.ext}`,
      name: `${input.cv.fileName.replace(/\.[a-z0-9]{1,5}$/i, "")}.${cvKind.ext}`,
      type: cvKind.type,
    };
    await deps.files.put(cv.key, input.cv.data, cv.type);
  }
  const userId = caller.userId();
  const created = await deps.store.transaction(async (tx) => {
    const match = await tx.bind(self, matchCreationRepository).create({
      portalId: vacancy.portalId,
      organisationId: vacancy.organisationId,
      vacancyId,
      candidateId: candidate.id,
      source: "applied",
      procedureId: procedure.id,
      phaseId: phase.id,
      status: applicationStatus(phase, null),
      motivation,
      cvFileKey: cv?.key ?? null,
      cvFileName: cv?.name ?? null,
      cvContentType: cv?.type ?? null,
      channelSource: input.source,
      createdByUserId: userId,
    });
    if (match && input.viaForm) await input.viaForm.record(tx, match, self);
    if (match)
      await tx.emit(
        matchEvent(MATCH_EVENTS.created, match, userId, {
          source: "applied",
          procedureId: procedure.id,
          phaseId: phase.id,
          phaseKey: phase.key,
          channelSource: input.source,
          ...(input.referralCode ? { referralCode: input.referralCode } : {}),
        }),
      );
    return match;
  });
  if (!created) {
    if (cv && !input.viaForm) await deps.files.delete(cv.key);
    throw new AppError("already_applied");
  }
  return applicationDto({
    match: created,
    displayTitle: vacancy.displayTitle,
    organisationName: vacancy.organisationName,
  });
}

/** "Mijn sollicitaties". */
export async function myApplications(deps: MatchDeps, caller: Caller): Promise<Application[]> {
  const rows = await deps.store.bind(await caller.self(), applicationsRepository).listApplications();
  return rows.map(applicationDto);
}

/** "Mijn sollicitaties": one application's steps (phases and dates, no comments) and whether it may be withdrawn. */
export async function applicationTimeline(
  deps: MatchDeps,
  caller: Caller,
  applicationId: string,
): Promise<ApplicationTimeline> {
  const own = deps.store.bind(await caller.self(), applicationsRepository);
  const match = await own.findApplication(applicationId);
  if (match?.source !== "applied") throw new AppError("not_found");
  const [steps, phases] = await Promise.all([own.timeline(match.id), own.phasesOfApplication(match.id)]);
  const current = phases.find((p) => p.id === match.phaseId);
  return {
    applicationId: match.id,
    steps: steps.map((s) => ({
      phase: { key: s.key, label: { nl: s.label.nl, en: s.label.en } },
      at: s.at.toISOString(),
    })),
    canWithdraw:
      current !== undefined &&
      !isClosed(matchState(current, match.outcome)) &&
      phases.some((p) => p.meaning === "withdrawn"),
  };
}

/**
 * The applicant withdraws their application: the match moves to its procedure's withdrawn
 * phase, with the step and the event in one transaction; refused once the match is final.
 */
export async function withdrawApplication(
  deps: MatchDeps,
  caller: Caller,
  applicationId: string,
): Promise<ApplicationTimeline> {
  const self = await caller.self();
  const own = deps.store.bind(self, applicationsRepository);
  const match = await own.findApplication(applicationId);
  if (match?.source !== "applied") throw new AppError("not_found");
  const phases = await own.phasesOfApplication(match.id);
  const current = phases.find((p) => p.id === match.phaseId);
  const target = phases.find((p) => p.meaning === "withdrawn");
  if (!current || !target || isClosed(matchState(current, match.outcome)))
    throw new AppError("application_final");
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const moved = await tx.bind(self, applicationsRepository).withdraw(match, target.id, userId);
    if (!moved) throw new AppError("match_changed");
    await tx.emit(
      matchEvent(MATCH_EVENTS.moved, match, userId, {
        procedureId: match.procedureId,
        fromPhaseId: match.phaseId,
        toPhaseId: target.id,
        toPhaseKey: target.key,
        outcome: null,
        state: "withdrawn",
        byApplicant: true,
      }),
    );
  });
  return applicationTimeline(deps, caller, applicationId);
}

/** The CV sent with one of the person's own applications. */
export async function applicationCv(deps: MatchDeps, caller: Caller, applicationId: string) {
  const match = await deps.store
    .bind(await caller.self(), applicationsRepository)
    .findApplication(applicationId);
  if (!match?.cvFileKey) throw new AppError("not_found");
  const file = await deps.files.get(match.cvFileKey);
  if (!file) throw new AppError("not_found");
  return { ...file, fileName: match.cvFileName ?? "cv" };
}
