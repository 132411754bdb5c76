import { addDays, daysBetween, isCalendarDate, isoWeek } from "../../../../contracts/calendar-weeks";
import type { Locale } from "../../../../contracts/common";
import type { TimesheetExportQuery } from "../../../../contracts/placements";
import { AppError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import type { TenantScope } from "../../../platform/scope";
import type { Caller } from "../../tenancy";
import { placementsRepository, timesheetsRepository } from "../placements.repository";
import { setuTimecardXml } from "../setu-timecard";
import { timesheetExportCsv, timesheetExportXlsx } from "../timesheet-export";
import { type PlacementDeps, recruiterScope } from "./placements";

const RECRUITER = { kind: "recruiter" } as const;
const DEFAULT_TIME_ZONE = "Europe/Amsterdam";

/** The time zone of the organisation the caller works for (the first of their staff memberships). */
async function callerTimeZone(deps: PlacementDeps, caller: Caller, scope: TenantScope): Promise<string> {
  const own = (await caller.memberships()).find((m) => m.role !== "candidate" && m.organisationId);
  if (!own?.organisationId) return DEFAULT_TIME_ZONE;
  return (
    (await deps.store.bind(scope, placementsRepository).timeZoneOf(own.organisationId)) ?? DEFAULT_TIME_ZONE
  );
}

/**
 * Approved hours of the weeks starting in the period, one row per placement and week with the
 * totals and the rate, as xlsx or CSV (payroll and invoicing); approval times in the team's zone.
 */
export async function exportApprovedHours(
  deps: PlacementDeps,
  caller: Caller,
  query: TimesheetExportQuery,
  locale: Locale,
  messageLocale: MessageLocale,
) {
  const { from, to } = query;
  if (!isCalendarDate(from) || !isCalendarDate(to) || to < from || daysBetween(from, to) > 366)
    throw new AppError("validation_failed", {
      fields: [{ path: "to", message: fieldMessage("period_invalid", messageLocale) }],
    });
  const scope = await recruiterScope(caller);
  const weeks = await deps.store
    .bind(scope, timesheetsRepository)
    .approvedWeeks({ from, to, employerId: query.employerId });
  const rows = weeks.map((w) => ({
    employerName: w.employerName,
    vacancyTitle: w.vacancyTitle,
    candidateName: w.candidateName,
    placementId: w.placementId,
    weekStart: w.weekStart,
    week: isoWeek(w.weekStart),
    minutes: w.minutes,
    rateCents: w.rateCents,
    nonBillable: w.nonBillable,
    approvedByName: w.decidedByName,
    approvedAt: w.decidedAt ?? new Date(0),
  }));
  const options = { locale, timeZone: await callerTimeZone(deps, caller, scope) };
  const name = `${locale === "nl" ? "uren" : "hours"}-${from}-${to}`;
  if (query.format === "csv")
    return {
      data: Buffer.from(timesheetExportCsv(rows, options), "utf8"),
      contentType: "text/csv; charset=utf-8",
      fileName: `${name}.csv`,
    };
  return {
    data: await timesheetExportXlsx(rows, options),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    fileName: `${name}.xlsx`,
  };
}

/** An approved week as a SETU Timecard v2 document (payroll and staffing systems read it). */
export async function setuTimecard(deps: PlacementDeps, caller: Caller, id: string) {
  const scope = await recruiterScope(caller);
  const repo = deps.store.bind(scope, timesheetsRepository);
  const row = await repo.timesheet(RECRUITER, id);
  if (!row) throw new AppError("not_found");
  if (row.timesheet.status !== "approved") throw new AppError("timesheet_not_approved");
  const placement = await repo.placement(RECRUITER, row.timesheet.placementId);
  const parties = await deps.store.bind(scope, placementsRepository).parties(row.timesheet.placementId);
  if (!placement || !parties) throw new AppError("not_found");
  const entries = await repo.entries(id);
  const approver = placement.approvers.find((a) => a.userId === row.timesheet.decidedByUserId);
  const p = placement.placement;
  const xml = setuTimecardXml({
    documentId: id,
    supplier: { organisationId: parties.supplierId, kvkNumber: parties.supplierKvk },
    customer: {
      organisationId: parties.employerId,
      kvkNumber: parties.employerKvk,
      approver: approver ? { name: approver.name, email: null } : null,
    },
    person: { candidateId: p.candidateId, name: placement.candidateName },
    period: { start: row.timesheet.weekStart, end: addDays(row.timesheet.weekStart, 6) },
    assignmentId: p.id,
    rateCents: p.rateCents,
    billable: !p.nonBillable,
    entries: entries.map((e) => ({ date: e.date, kind: e.kind, minutes: e.minutes })),
  });
  return {
    data: Buffer.from(xml, "utf8"),
    contentType: "application/xml; charset=utf-8",
    fileName: `timecard-${isoWeek(row.timesheet.weekStart)}-${p.id.slice(0, 8)}.xml`,
  };
}
