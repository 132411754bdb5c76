import type { Locale } from "../../../../contracts/common";
import type {
  AttendanceRequest,
  CreateSelectionEventInput,
  InviteApplicantsRequest,
  InviteApplicantsResponse,
  SelectionEvent,
  SelectionEventListResponse,
  SessionInput,
  UpdateSelectionEventInput,
} from "../../../../contracts/selection-events";
import { AppError } from "../../../platform/errors";
import { fieldMessage } from "../../../platform/i18n";
import type { Store } from "../../../platform/store";
import { type ApplicantContext, type ApplicantDeps, applicantContext } from "../../applicants";
import type { Caller } from "../../tenancy";
import {
  canRead,
  INVOLVED_ROLES,
  VACANCY_STAFF_ROLES,
  vacancyActorOf,
  vacancyScopeOf,
} from "../../vacancies";
import { SELECTION_EVENT_EVENTS, selectionEvent } from "../selection-events.events";
import { presentEvent, presentSummary } from "../selection-events.presenter";
import { type NewSession, selectionEventsRepository } from "../selection-events.repository";

export interface SelectionEventDeps {
  store: Store;
  /** Who sees and manages a vacancy's applicants decides who reads and plans its events. */
  applicants: ApplicantDeps;
  now: () => Date;
}

/** Whoever manages the vacancy's applicants plans its events; its jury and leader only read. */
const manages = (ctx: ApplicantContext) => ctx.manages;

function assertOpen(ctx: ApplicantContext): void {
  if (ctx.closed) throw new AppError("procedure_closed");
}

function assertManages(ctx: ApplicantContext): void {
  if (!manages(ctx)) throw new AppError("forbidden");
  assertOpen(ctx);
}

/** The event's vacancy, through every scope the caller reads vacancies in; 404 when none reaches it. */
async function eventContext(deps: SelectionEventDeps, caller: Caller, eventId: string) {
  const scopes = [];
  if (caller.hasRole(...VACANCY_STAFF_ROLES)) scopes.push(await vacancyScopeOf(caller));
  if (caller.hasRole(...INVOLVED_ROLES)) scopes.push(await caller.scopeAs(INVOLVED_ROLES));
  let vacancyId: string | null = null;
  for (const scope of scopes) {
    vacancyId = await deps.store.bind(scope, selectionEventsRepository).vacancyOfEvent(eventId);
    if (vacancyId) break;
  }
  if (!vacancyId) throw new AppError("not_found");
  const ctx = await applicantContext(deps.applicants, caller, vacancyId);
  const event = await deps.store.bind(ctx.scope, selectionEventsRepository).event(eventId);
  if (!event) throw new AppError("not_found");
  return { ctx, event };
}

function sessionRows(sessions: SessionInput[]): NewSession[] {
  return sessions.map((s) => {
    return {
      day: s.date,
      startsAt: s.start,
      endsAt: s.end,
      slots: s.slots.map((slot) => ({ startsAt: slot.start, endsAt: slot.end, capacity: slot.capacity })),
    };
  });
}

async function present(
  deps: SelectionEventDeps,
  ctx: ApplicantContext,
  eventId: string,
  locale: Locale,
): Promise<SelectionEvent> {
  const repo = deps.store.bind(ctx.scope, selectionEventsRepository);
  const event = await repo.event(eventId);
  if (!event) throw new AppError("not_found");
  const [structure, counts] = await Promise.all([repo.structure(eventId), repo.phaseCounts(ctx.vacancy.id)]);
  const canManage = manages(ctx);
  return presentEvent(
    event,
    {
      ...structure,
      invitations: structure.invitations.map((i) => ({
        ...i,
        phase: i.phaseLabel[locale] ?? i.phaseLabel.nl,
      })),
    },
    canManage,
    canManage
      ? ctx.procedure.phases.map((p) => ({
          id: p.id,
          key: p.key,
          label: p.label[locale] ?? p.label.nl,
          count: counts.get(p.id) ?? 0,
        }))
      : [],
  );
}

export async function getEvent(deps: SelectionEventDeps, caller: Caller, eventId: string, locale: Locale) {
  const { ctx } = await eventContext(deps, caller, eventId);
  return present(deps, ctx, eventId, locale);
}

/** A vacancy's events, and whether the caller may plan one there. */
export async function vacancyEvents(
  deps: SelectionEventDeps,
  caller: Caller,
  vacancyId: string,
): Promise<SelectionEventListResponse> {
  const ctx = await applicantContext(deps.applicants, caller, vacancyId);
  const rows = await deps.store.bind(ctx.scope, selectionEventsRepository).summariesOfVacancy(vacancyId);
  return { events: rows.map(presentSummary), canPlan: manages(ctx) && !ctx.closed };
}

/**
 * The overview of planned events ("selectiemomenten"): those of vacancies whose applicants the
 * caller sees as staff, and those where they sit as leader or jury member.
 */
export async function overview(
  deps: SelectionEventDeps,
  caller: Caller,
): Promise<SelectionEventListResponse> {
  const found = new Map<string, ReturnType<typeof presentSummary>>();
  if (caller.hasRole(...VACANCY_STAFF_ROLES)) {
    const [actor, scope] = await Promise.all([vacancyActorOf(caller), vacancyScopeOf(caller)]);
    const rows = await deps.store.bind(scope, selectionEventsRepository).summariesInScope();
    for (const row of rows)
      if (canRead({ ...actor, contactOf: actor.managerOf }, { organisationId: row.vacancyOrganisationId }))
        found.set(row.event.id, presentSummary(row));
  }
  if (caller.hasRole(...INVOLVED_ROLES)) {
    const scope = await caller.scopeAs(INVOLVED_ROLES);
    const rows = await deps.store.bind(scope, selectionEventsRepository).summariesOnTeam(caller.userId());
    for (const row of rows) if (!found.has(row.event.id)) found.set(row.event.id, presentSummary(row));
  }
  const events = [...found.values()].sort((a, b) =>
    (a.firstDate ?? "9999").localeCompare(b.firstDate ?? "9999"),
  );
  return { events, canPlan: false };
}

export async function createEvent(
  deps: SelectionEventDeps,
  caller: Caller,
  vacancyId: string,
  input: CreateSelectionEventInput,
  locale: Locale,
): Promise<SelectionEvent> {
  const ctx = await applicantContext(deps.applicants, caller, vacancyId);
  assertManages(ctx);
  const made = await deps.store.transaction(async (tx) => {
    const repo = tx.bind(ctx.scope, selectionEventsRepository);
    const event = await repo.insertEvent({
      organisationId: ctx.vacancy.organisationId,
      vacancyId,
      name: input.name,
      description: input.description,
      location: input.location,
      onlineUrl: input.onlineUrl,
      bookingDeadline: new Date(input.bookingDeadline),
      createdByUserId: caller.userId(),
    });
    await repo.insertSessions(event, sessionRows(input.sessions));
    return event;
  });
  return present(deps, ctx, made.id, locale);
}

export async function updateEvent(
  deps: SelectionEventDeps,
  caller: Caller,
  eventId: string,
  input: UpdateSelectionEventInput,
  locale: Locale,
): Promise<SelectionEvent> {
  const { ctx } = await eventContext(deps, caller, eventId);
  assertManages(ctx);
  await deps.store.bind(ctx.scope, selectionEventsRepository).updateEvent(eventId, {
    name: input.name,
    description: input.description,
    location: input.location,
    onlineUrl: input.onlineUrl,
    bookingDeadline: new Date(input.bookingDeadline),
  });
  return present(deps, ctx, eventId, locale);
}

export async function addSession(
  deps: SelectionEventDeps,
  caller: Caller,
  eventId: string,
  input: SessionInput,
  locale: Locale,
): Promise<SelectionEvent> {
  const { ctx, event } = await eventContext(deps, caller, eventId);
  assertManages(ctx);
  await deps.store.transaction((tx) =>
    tx.bind(ctx.scope, selectionEventsRepository).insertSessions(event.event, sessionRows([input])),
  );
  return present(deps, ctx, eventId, locale);
}

export async function removeSession(
  deps: SelectionEventDeps,
  caller: Caller,
  eventId: string,
  sessionId: string,
  locale: Locale,
): Promise<SelectionEvent> {
  const { ctx } = await eventContext(deps, caller, eventId);
  assertManages(ctx);
  const result = await deps.store
    .bind(ctx.scope, selectionEventsRepository)
    .deleteSession(eventId, sessionId);
  if (result === "missing") throw new AppError("not_found");
  if (result === "booked") throw new AppError("session_has_bookings");
  return present(deps, ctx, eventId, locale);
}

/**
 * Invites the vacancy's applicants in the chosen phases (each once): an invitation row and a
 * `selection_event.invited` per applicant in one transaction; the subscriber mails the link.
 */
export async function inviteApplicants(
  deps: SelectionEventDeps,
  caller: Caller,
  eventId: string,
  input: InviteApplicantsRequest,
  locale: Locale,
): Promise<InviteApplicantsResponse> {
  const { ctx, event } = await eventContext(deps, caller, eventId);
  assertManages(ctx);
  const known = new Set(ctx.procedure.phases.map((p) => p.id));
  const unknown = input.phaseIds.flatMap((id, i) => (known.has(id) ? [] : [i]));
  if (unknown.length > 0)
    throw new AppError("validation_failed", {
      fields: unknown.map((i) => ({ path: `phaseIds.${i}`, message: fieldMessage("phase_unknown", locale) })),
    });
  const userId = caller.userId();
  const invited = await deps.store.transaction(async (tx) => {
    const rows = await tx
      .bind(ctx.scope, selectionEventsRepository)
      .invite(event.event, [...new Set(input.phaseIds)], userId);
    for (const row of rows)
      await tx.emit(
        selectionEvent(
          SELECTION_EVENT_EVENTS.invited,
          { ...event.event, eventId: event.event.id, portalId: ctx.vacancy.portalId },
          row,
          userId,
        ),
      );
    return rows.length;
  });
  return { invited, event: await present(deps, ctx, eventId, locale) };
}

/** Present or absent, marked after the session (null takes the mark back). */
export async function markAttendance(
  deps: SelectionEventDeps,
  caller: Caller,
  eventId: string,
  invitationId: string,
  input: AttendanceRequest,
  locale: Locale,
): Promise<SelectionEvent> {
  const { ctx } = await eventContext(deps, caller, eventId);
  assertManages(ctx);
  const result = await deps.store
    .bind(ctx.scope, selectionEventsRepository)
    .setAttendance(eventId, invitationId, input.attendance);
  if (result === "missing") throw new AppError("not_found");
  if (result === "not_booked") throw new AppError("not_booked");
  return present(deps, ctx, eventId, locale);
}
