import { isMonday, weekDays, weeksBetween } from "../../../../contracts/calendar-weeks";
import type {
  BulkApproveRequest,
  MyPlacementsResponse,
  SaveTimesheetRequest,
  Timesheet,
  TimesheetDecisionRequest,
  TimesheetListResponse,
  TimesheetMailPreference,
} from "../../../../contracts/placements";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import type { SelfScope, TenantScope } from "../../../platform/scope";
import type { Caller } from "../../tenancy";
import { PLACEMENT_EVENTS, placementEvent } from "../placements.events";
import { approvedByContacts, RECRUITER_ROLES } from "../placements.policy";
import { placementDto, summaryDto, timesheetDto } from "../placements.presenter";
import {
  type EntryRecord,
  mailSettingsRepository,
  type PlacementRow,
  type Reach,
  type TimesheetRecord,
  type TimesheetRow,
  timesheetsRepository,
} from "../placements.repository";
import { type PlacementDeps, recruiterScope } from "./placements";

/** One way the caller reaches weeks: as their candidate, as an approving contact, as a recruiter. */
interface Access {
  scope: TenantScope | SelfScope;
  reach: Reach | null;
  role: "candidate" | "contact" | "recruiter";
}

/** Every way the caller reaches weeks, the most capable first. */
async function accessesOf(deps: PlacementDeps, caller: Caller): Promise<Access[]> {
  const found: Access[] = [];
  if (caller.hasRole(...RECRUITER_ROLES))
    found.push({ scope: await recruiterScope(caller), reach: { kind: "recruiter" }, role: "recruiter" });
  if (caller.hasRole("employer_contact"))
    found.push({
      scope: await caller.scopeAs(["employer_contact"]),
      reach: { kind: "contact", userId: caller.userId(), today: deps.today() },
      role: "contact",
    });
  if (caller.hasRole("candidate")) found.push({ scope: await caller.self(), reach: null, role: "candidate" });
  return found;
}

/** The contact decides while Carerix's conditions hold, the recruiter otherwise. */
function decides(access: Access, placement: PlacementRow, today: string): boolean {
  const byContacts = approvedByContacts(placement.placement, today);
  return access.role === "contact" ? byContacts : access.role === "recruiter" && !byContacts;
}

/** The days of the week, each marked whether the placement ran on it. */
function daysOf(placement: PlacementRow, weekStart: string) {
  const { startDate, endDate } = placement.placement;
  return weekDays(weekStart).map((date) => ({
    date,
    inPlacement: date >= startDate && (endDate === null || date <= endDate),
  }));
}

async function view(
  deps: PlacementDeps,
  access: Access,
  placement: PlacementRow,
  weekStart: string,
  row: TimesheetRow | null,
): Promise<Timesheet> {
  const repo = bindTimesheets(deps, access);
  const id = row?.timesheet.id;
  const [entries, log] = id ? await Promise.all([repo.entries(id), repo.log(id)]) : [[], []];
  return timesheetDto({
    placement,
    weekStart,
    row,
    entries,
    log,
    days: daysOf(placement, weekStart),
    mayEdit: access.role === "candidate",
    mayDecide: row?.timesheet.status === "submitted" && decides(access, placement, deps.today()),
  });
}

const bindTimesheets = (deps: PlacementDeps, access: Access) =>
  deps.store.bind(access.scope, timesheetsRepository);

/** The week (by id) as the caller may see it, with the way they reach it; 404 otherwise. */
async function reachTimesheet(deps: PlacementDeps, caller: Caller, id: string) {
  for (const access of await accessesOf(deps, caller)) {
    const repo = bindTimesheets(deps, access);
    const row = await repo.timesheet(access.reach, id);
    if (!row) continue;
    const placement = await repo.placement(access.reach, row.timesheet.placementId);
    if (placement) return { access, row, placement };
  }
  throw new AppError("not_found");
}

export async function timesheet(deps: PlacementDeps, caller: Caller, id: string): Promise<Timesheet> {
  const { access, row, placement } = await reachTimesheet(deps, caller, id);
  return view(deps, access, placement, row.timesheet.weekStart, row);
}

// --- The candidate's side ----------------------------------------------------------------------

async function ownPlacement(deps: PlacementDeps, caller: Caller, placementId: string) {
  const access: Access = { scope: await caller.self(), reach: null, role: "candidate" };
  const placement = await bindTimesheets(deps, access).placement(null, placementId);
  if (!placement) throw new AppError("not_found");
  return { access, placement };
}

/**
 * The Monday must start a week that has begun and that the placement runs in (at least one day
 * of it); hours are written for days worked, so the current week is the last one.
 */
function checkWeek(placement: PlacementRow, weekStart: string, today: string, locale: MessageLocale) {
  const field = (key: string) =>
    new AppError("validation_failed", {
      fields: [{ path: "weekStart", message: fieldMessage(key, locale) }],
    });
  if (!isMonday(weekStart)) throw field("week_starts_monday");
  if (weekStart > today) throw field("week_in_future");
  if (!daysOf(placement, weekStart).some((d) => d.inPlacement)) throw field("date_outside_placement");
}

/** "Urenstaten" for the candidate: each placement with its weeks from the start up to this week. */
export async function myPlacements(deps: PlacementDeps, caller: Caller): Promise<MyPlacementsResponse> {
  const access: Access = { scope: await caller.self(), reach: null, role: "candidate" };
  const repo = bindTimesheets(deps, access);
  const placements = await repo.placements(null);
  const weeks = await repo.weeks(
    null,
    placements.map((p) => p.placement.id),
  );
  const today = deps.today();
  return {
    placements: placements.map((placement) => {
      const { startDate, endDate } = placement.placement;
      const last = endDate !== null && endDate < today ? endDate : today;
      const saved = weeks.filter((w) => w.timesheet.placementId === placement.placement.id);
      const mondays = new Set([
        ...(startDate <= today ? weeksBetween(startDate, last) : []),
        ...saved.map((w) => w.timesheet.weekStart),
      ]);
      return {
        placement: placementDto(placement, today),
        weeks: [...mondays]
          .sort()
          .reverse()
          .map((monday) =>
            summaryDto(placement, monday, saved.find((w) => w.timesheet.weekStart === monday) ?? null),
          ),
      };
    }),
  };
}

export async function myWeek(
  deps: PlacementDeps,
  caller: Caller,
  placementId: string,
  weekStart: string,
  locale: MessageLocale,
): Promise<Timesheet> {
  const { access, placement } = await ownPlacement(deps, caller, placementId);
  checkWeek(placement, weekStart, deps.today(), locale);
  const row = await bindTimesheets(deps, access).weekOf(placementId, weekStart);
  return view(deps, access, placement, weekStart, row);
}

/**
 * The hours must fit: each on a day of this week on which the placement ran, each day and kind
 * once, at most 24 hours on a day (negative or non-quarter hours never pass the schema).
 */
function checkEntries(
  placement: PlacementRow,
  weekStart: string,
  entries: SaveTimesheetRequest["entries"],
  locale: MessageLocale,
): EntryRecord[] {
  const fields: FieldError[] = [];
  const days = new Map(daysOf(placement, weekStart).map((d) => [d.date, d.inPlacement]));
  const seen = new Set<string>();
  const perDay = new Map<string, number>();
  entries.forEach((entry, i) => {
    const path = `entries.${i}`;
    const inPlacement = days.get(entry.date);
    if (inPlacement === undefined)
      fields.push({ path: `${path}.date`, message: fieldMessage("date_outside_week", locale) });
    else if (!inPlacement)
      fields.push({ path: `${path}.date`, message: fieldMessage("date_outside_placement", locale) });
    const key = `${entry.date}/${entry.kind}`;
    if (seen.has(key)) fields.push({ path: `${path}.kind`, message: fieldMessage("entry_twice", locale) });
    seen.add(key);
    const day = (perDay.get(entry.date) ?? 0) + entry.hours;
    perDay.set(entry.date, day);
    if (day > 24) fields.push({ path: `${path}.hours`, message: fieldMessage("hours_over_day", locale) });
  });
  if (fields.length > 0) throw new AppError("validation_failed", { fields });
  return entries.map((e) => ({ date: e.date, kind: e.kind, minutes: Math.round(e.hours * 60) }));
}

/**
 * Saves the week as a draft ("Opslaan") or saves and submits it ("Versturen"): status
 * "Verzonden", logged, and the approvers hear of it through `timesheet.submitted`. A submitted or
 * approved week does not change (409); a rejected one may be corrected and submitted again.
 */
export async function saveMyWeek(
  deps: PlacementDeps,
  caller: Caller,
  placementId: string,
  weekStart: string,
  input: SaveTimesheetRequest,
  options: { submit: boolean; locale: MessageLocale },
): Promise<Timesheet> {
  const { access, placement } = await ownPlacement(deps, caller, placementId);
  checkWeek(placement, weekStart, deps.today(), options.locale);
  const entries = checkEntries(placement, weekStart, input.entries, options.locale);
  if (options.submit && entries.length === 0) throw new AppError("timesheet_empty");
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const repo = tx.bind(access.scope, timesheetsRepository);
    const saved = await repo.save(placement.placement, weekStart, { remark: input.remark, entries });
    if (!saved) throw new AppError("timesheet_locked");
    if (!options.submit) return;
    const submitted = await repo.submit(saved.id);
    if (!submitted) throw new AppError("timesheet_locked");
    const action = submitted.submissions > 1 ? "resubmitted" : "submitted";
    await repo.addLog({ timesheet: submitted, action, actorUserId: userId, comment: null });
    await tx.emit(
      placementEvent(PLACEMENT_EVENTS.submitted, placement.placement, userId, {
        timesheetId: submitted.id,
        weekStart,
        submission: submitted.submissions,
      }),
    );
  });
  const row = await bindTimesheets(deps, access).weekOf(placementId, weekStart);
  return view(deps, access, placement, weekStart, row);
}

// --- Deciding ----------------------------------------------------------------------------------

/** The week, if the caller decides it now; 404 when they cannot see it, 409 when it does not wait. */
async function decidable(deps: PlacementDeps, caller: Caller, id: string) {
  const found = await reachTimesheet(deps, caller, id);
  if (found.row.timesheet.status !== "submitted") throw new AppError("timesheet_not_waiting");
  if (!decides(found.access, found.placement, deps.today())) throw new AppError("forbidden");
  return found;
}

async function decideIn(
  tx: Parameters<Parameters<PlacementDeps["store"]["transaction"]>[0]>[0],
  access: Access,
  placement: PlacementRow,
  id: string,
  decision: { approve: boolean; userId: string; comment: string | null },
): Promise<TimesheetRecord> {
  const repo = tx.bind(access.scope, timesheetsRepository);
  const status = decision.approve ? "approved" : "rejected";
  const decided = await repo.decide(id, { status, userId: decision.userId, comment: decision.comment });
  if (!decided) throw new AppError("timesheet_not_waiting");
  await repo.addLog({
    timesheet: decided,
    action: status,
    actorUserId: decision.userId,
    comment: decision.comment,
  });
  await tx.emit(
    placementEvent(
      decision.approve ? PLACEMENT_EVENTS.approved : PLACEMENT_EVENTS.rejected,
      placement.placement,
      decision.userId,
      { timesheetId: decided.id, weekStart: decided.weekStart },
    ),
  );
  return decided;
}

/** "Goedkeuren" / "Afkeuren" (a comment is required to reject); who and when is logged. */
export async function decideTimesheet(
  deps: PlacementDeps,
  caller: Caller,
  id: string,
  input: TimesheetDecisionRequest,
): Promise<Timesheet> {
  const comment = input.comment.trim();
  if (input.decision === "reject" && !comment) throw new AppError("timesheet_comment_required");
  const { access, placement } = await decidable(deps, caller, id);
  const userId = caller.userId();
  await deps.store.transaction((tx) =>
    decideIn(tx, access, placement, id, {
      approve: input.decision === "approve",
      userId,
      comment: comment || null,
    }),
  );
  return timesheet(deps, caller, id);
}

/** Approving several weeks at once: all of them, or (when one cannot be) none. */
export async function approveTimesheets(
  deps: PlacementDeps,
  caller: Caller,
  input: BulkApproveRequest,
): Promise<{ approved: number }> {
  const ids = [...new Set(input.timesheetIds)];
  const weeks = await Promise.all(ids.map(async (id) => ({ id, ...(await decidable(deps, caller, id)) })));
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    for (const week of weeks)
      await decideIn(tx, week.access, week.placement, week.id, { approve: true, userId, comment: null });
  });
  return { approved: weeks.length };
}

/** The weeks waiting for the caller's decision, or those decided (latest first). */
export async function listTimesheets(
  deps: PlacementDeps,
  caller: Caller,
  status: "waiting" | "decided",
): Promise<TimesheetListResponse> {
  const today = deps.today();
  const result: TimesheetListResponse["timesheets"] = [];
  const seen = new Set<string>();
  for (const access of await accessesOf(deps, caller)) {
    if (access.role === "candidate") continue;
    const repo = bindTimesheets(deps, access);
    const rows = await repo.list(access.reach, status, 200);
    const placementIds = [...new Set(rows.map((r) => r.placementId))];
    const [placements, weeks] = await Promise.all([
      repo.placements(access.reach, placementIds),
      repo.weeks(access.reach, placementIds),
    ]);
    for (const row of rows) {
      const placement = placements.find((p) => p?.placement.id === row.placementId);
      if (!placement || seen.has(row.timesheet.id)) continue;
      // Recruiters wait only on the weeks that do not go to the client.
      if (status === "waiting" && !decides(access, placement, today)) continue;
      seen.add(row.timesheet.id);
      const week = weeks.find((w) => w.timesheet.id === row.timesheet.id) ?? null;
      result.push(summaryDto(placement, row.timesheet.weekStart, week));
    }
  }
  return { timesheets: result };
}

/** The contact's dashboard block "Urenstaten": submitted weeks waiting for them. */
export async function timesheetsWaitingCount(deps: PlacementDeps, caller: Caller): Promise<number> {
  if (!caller.hasRole("employer_contact")) return 0;
  const scope = await caller.scopeAs(["employer_contact"]);
  return deps.store
    .bind(scope, timesheetsRepository)
    .waitingCount({ kind: "contact", userId: caller.userId(), today: deps.today() });
}

export async function mailPreference(deps: PlacementDeps, caller: Caller): Promise<TimesheetMailPreference> {
  return { mode: await deps.store.bind(await caller.self(), mailSettingsRepository).mode() };
}

export async function setMailPreference(
  deps: PlacementDeps,
  caller: Caller,
  input: TimesheetMailPreference,
): Promise<TimesheetMailPreference> {
  await deps.store.bind(await caller.self(), mailSettingsRepository).setMode(input.mode);
  return input;
}
