import { isoWeek } from "../../../contracts/calendar-weeks";
import type {
  HourKind,
  HourTotals,
  Placement,
  Timesheet,
  TimesheetSummary,
} from "../../../contracts/placements";
import { approvedByContacts, isEditable, placementState } from "./placements.policy";
import type { EntryRecord, PlacementRow, TimesheetRow } from "./placements.repository";

const hours = (minutes: number) => minutes / 60;

/** Minutes per kind as hours per kind with the total. */
export function totalsOf(minutes: Record<HourKind, number>): HourTotals {
  return {
    normal: hours(minutes.normal),
    overtime: hours(minutes.overtime),
    travel: hours(minutes.travel),
    total: hours(minutes.normal + minutes.overtime + minutes.travel),
  };
}

export function sumTotals(all: readonly HourTotals[]): HourTotals {
  const sum: HourTotals = { normal: 0, overtime: 0, travel: 0, total: 0 };
  for (const t of all) {
    sum.normal += t.normal;
    sum.overtime += t.overtime;
    sum.travel += t.travel;
    sum.total += t.total;
  }
  return sum;
}

const actor = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function placementDto(row: PlacementRow, today: string): Placement {
  const p = row.placement;
  return {
    id: p.id,
    matchId: p.matchId,
    candidate: { id: p.candidateId, name: row.candidateName },
    vacancy: { id: p.vacancyId, displayTitle: row.vacancyTitle },
    employer: { id: p.employerId, name: row.employerName },
    approvers: row.approvers.map(({ contactPersonId, name }) => ({ contactPersonId, name })),
    startDate: p.startDate,
    endDate: p.endDate,
    needsClientApproval: p.needsClientApproval,
    rateCents: p.rateCents,
    nonBillable: p.nonBillable,
    state: placementState(p, today),
    approvedByContacts: approvedByContacts(p, today),
    waiting: row.waiting,
    approvedHours: hours(row.approvedMinutes),
    createdBy: actor(p.createdByUserId, row.creatorName),
    createdAt: p.createdAt.toISOString(),
  };
}

/** A week in a list; `week` is null for one nobody has saved yet. */
export function summaryDto(
  placement: PlacementRow,
  weekStart: string,
  week: (TimesheetRow & { minutes: Record<HourKind, number> }) | null,
): TimesheetSummary {
  const t = week?.timesheet ?? null;
  return {
    id: t?.id ?? null,
    placementId: placement.placement.id,
    weekStart,
    week: isoWeek(weekStart),
    status: t?.status ?? null,
    candidate: { id: placement.placement.candidateId, name: placement.candidateName },
    vacancy: { id: placement.placement.vacancyId, displayTitle: placement.vacancyTitle },
    employer: { id: placement.placement.employerId, name: placement.employerName },
    totals: totalsOf(week?.minutes ?? { normal: 0, overtime: 0, travel: 0 }),
    submittedAt: t?.submittedAt?.toISOString() ?? null,
    decidedAt: t?.decidedAt?.toISOString() ?? null,
    decidedBy: t ? actor(t.decidedByUserId, week?.deciderName ?? null) : null,
    decisionComment: t?.decisionComment ?? null,
  };
}

export interface TimesheetView {
  placement: PlacementRow;
  weekStart: string;
  row: TimesheetRow | null;
  entries: readonly EntryRecord[];
  log: ReadonlyArray<{
    action: Timesheet["log"][number]["action"];
    actorUserId: string | null;
    actorName: string | null;
    comment: string | null;
    at: Date;
  }>;
  days: Timesheet["days"];
  mayEdit: boolean;
  mayDecide: boolean;
}

export function timesheetDto(view: TimesheetView): Timesheet {
  const minutes: Record<HourKind, number> = { normal: 0, overtime: 0, travel: 0 };
  for (const e of view.entries) minutes[e.kind] += e.minutes;
  const t = view.row?.timesheet ?? null;
  return {
    ...summaryDto(view.placement, view.weekStart, view.row ? { ...view.row, minutes } : null),
    entries: view.entries.map((e) => ({ date: e.date, kind: e.kind, hours: hours(e.minutes) })),
    remark: t?.remark ?? "",
    decisionComment: t?.decisionComment ?? null,
    days: view.days,
    log: view.log.map((l) => ({
      action: l.action,
      by: actor(l.actorUserId, l.actorName),
      at: l.at.toISOString(),
      comment: l.comment,
    })),
    rateCents: view.placement.placement.rateCents,
    mayEdit: view.mayEdit && isEditable(t?.status ?? null),
    mayDecide: view.mayDecide,
  };
}
