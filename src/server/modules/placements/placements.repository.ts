import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  HourKind,
  TimesheetAction,
  TimesheetMailMode,
  TimesheetStatus,
} from "../../../contracts/placements";
import { containsText, type Db, inTenant, queryRows } from "../../platform/db";
import { candidates, contactPersons, organisations, portals, users, vacancies } from "../../platform/schema";
import { type PlatformScope, reaches, type SelfScope, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { mailPortalColumns } from "../tenancy";
import {
  placementApprovers,
  placements,
  timesheetDigestItems,
  timesheetEntries,
  timesheetLog,
  timesheetMailSettings,
  timesheets,
} from "./placements.schema";

export type PlacementRecord = typeof placements.$inferSelect;
export type TimesheetRecord = typeof timesheets.$inferSelect;
export type EntryRecord = Pick<typeof timesheetEntries.$inferSelect, "date" | "kind" | "minutes">;

/**
 * Which placements a caller reaches, besides the scope's organisations: the recruiters all of
 * them, a contact person those they approve while Carerix's three conditions hold (on `today`),
 * the candidate their own (the self scope).
 */
export type Reach = { kind: "recruiter" } | { kind: "contact"; userId: string; today: string };

/** Carerix's conditions for contacts to see a placement's weeks, as SQL (see placements.policy). */
function contactSees(userId: string, today: string): SQL {
  return sql`(${placements.startDate} <= ${today}::date
    and (${placements.endDate} is null or ${placements.endDate} >= ${today}::date)
    and ${placements.needsClientApproval}
    and not ${placements.nonBillable}
    and coalesce(${placements.rateCents}, 0) > 0
    and exists (select 1 from placement_approvers pa
      where pa.placement_id = ${placements.id} and pa.user_id = ${userId}))`;
}

function reachSql(scope: TenantScope | SelfScope, reach: Reach | null): SQL | undefined {
  if (scope.kind === "self") {
    if (scope.candidateIds.length === 0) return sql`false`;
    return inArray(placements.candidateId, [...scope.candidateIds]);
  }
  const tenant = inTenant(scope, placements.organisationId);
  if (reach?.kind === "contact") return and(tenant, contactSees(reach.userId, reach.today));
  return tenant;
}

const creator = alias(users, "creator");
const employer = alias(organisations, "employer");
const supplier = alias(organisations, "supplier");
const candidateName = sql<string>`trim(${candidates.firstName} || ' ' || ${candidates.lastName})`;

/** What a placement shows: its terms, whose it is, and its weeks at a glance. */
const placementColumns = {
  placement: placements,
  candidateName,
  candidateUserId: candidates.userId,
  vacancyTitle: vacancies.displayTitle,
  employerName: employer.name,
  creatorName: creator.name,
  waiting: sql<number>`(select count(*)::int from timesheets t
    where t.placement_id = ${placements.id} and t.status = 'submitted')`,
  approvedMinutes: sql<number>`(select coalesce(sum(e.minutes), 0)::int from timesheet_entries e
    join timesheets t on t.id = e.timesheet_id
    where t.placement_id = ${placements.id} and t.status = 'approved')`,
};

export interface PlacementRow {
  placement: PlacementRecord;
  candidateName: string;
  candidateUserId: string | null;
  vacancyTitle: string;
  employerName: string;
  creatorName: string | null;
  waiting: number;
  approvedMinutes: number;
  approvers: Array<{ contactPersonId: string; name: string; userId: string }>;
}

function selectPlacements(db: Db) {
  return db
    .select(placementColumns)
    .from(placements)
    .innerJoin(candidates, eq(candidates.id, placements.candidateId))
    .innerJoin(vacancies, eq(vacancies.id, placements.vacancyId))
    .innerJoin(employer, eq(employer.id, placements.employerId))
    .leftJoin(creator, eq(creator.id, placements.createdByUserId));
}

async function withApprovers(db: Db, rows: Array<Omit<PlacementRow, "approvers">>): Promise<PlacementRow[]> {
  if (rows.length === 0) return [];
  const approvers = await db
    .select({
      placementId: placementApprovers.placementId,
      contactPersonId: placementApprovers.contactPersonId,
      userId: placementApprovers.userId,
      name: contactPersons.name,
    })
    .from(placementApprovers)
    .innerJoin(contactPersons, eq(contactPersons.id, placementApprovers.contactPersonId))
    .where(
      inArray(
        placementApprovers.placementId,
        rows.map((r) => r.placement.id),
      ),
    )
    .orderBy(asc(contactPersons.name));
  return rows.map((r) => ({
    ...r,
    approvedMinutes: Number(r.approvedMinutes),
    waiting: Number(r.waiting),
    approvers: approvers
      .filter((a) => a.placementId === r.placement.id)
      .map(({ contactPersonId, name, userId }) => ({ contactPersonId, name, userId })),
  }));
}

export interface PlacementFilter {
  status: "active" | "upcoming" | "ended" | "all";
  employerId?: string | undefined;
  q?: string | undefined;
  today: string;
  limit: number;
  offset: number;
}

function stateSql(status: PlacementFilter["status"], today: string): SQL | undefined {
  if (status === "upcoming") return sql`${placements.startDate} > ${today}::date`;
  if (status === "ended") return sql`${placements.endDate} < ${today}::date`;
  if (status === "active")
    return sql`${placements.startDate} <= ${today}::date and (${placements.endDate} is null or ${placements.endDate} >= ${today}::date)`;
  return undefined;
}

/** The recruiters' side: recording and changing placements, within the team's organisations. */
export const placementsRepository = repository<TenantScope>()({
  /** The top organisation of the family the organisation belongs to (the employer). */
  async employerOf(db, scope, organisationId: string): Promise<string | null> {
    if (!reaches(scope, organisationId)) return null;
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`with recursive up(id, parent_id) as (
        select id, parent_id from organisations where id = ${organisationId}
        union all select o.id, o.parent_id from organisations o join up on o.id = up.parent_id
      ) select id from up where parent_id is null limit 1`,
    );
    return row?.id ?? null;
  },

  async findByMatch(db, scope, matchId: string): Promise<PlacementRow | null> {
    const rows = await selectPlacements(db)
      .where(and(eq(placements.matchId, matchId), inTenant(scope, placements.organisationId)))
      .limit(1);
    return (await withApprovers(db, rows))[0] ?? null;
  },

  async create(
    db,
    scope,
    row: typeof placements.$inferInsert,
    approvers: ReadonlyArray<{ contactPersonId: string; userId: string }>,
  ): Promise<PlacementRecord | null> {
    if (!reaches(scope, row.organisationId)) throw new Error("placements.create outside the scope");
    const [created] = await db.insert(placements).values(row).onConflictDoNothing().returning();
    if (!created) return null;
    if (approvers.length > 0)
      await db
        .insert(placementApprovers)
        .values(
          approvers.map((a) => ({ placementId: created.id, organisationId: created.organisationId, ...a })),
        );
    return created;
  },

  async update(
    db,
    scope,
    id: string,
    patch: Partial<
      Pick<PlacementRecord, "startDate" | "endDate" | "needsClientApproval" | "rateCents" | "nonBillable">
    >,
    approvers: ReadonlyArray<{ contactPersonId: string; userId: string }> | null,
  ): Promise<PlacementRecord | null> {
    const [updated] = await db
      .update(placements)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(placements.id, id), inTenant(scope, placements.organisationId)))
      .returning();
    if (!updated) return null;
    if (approvers) {
      await db.delete(placementApprovers).where(eq(placementApprovers.placementId, id));
      if (approvers.length > 0)
        await db
          .insert(placementApprovers)
          .values(approvers.map((a) => ({ placementId: id, organisationId: updated.organisationId, ...a })));
    }
    return updated;
  },

  /** The days of the placement's weeks that have hours: the dates a new term must still cover. */
  async datesWithHours(db, scope, id: string): Promise<{ first: string | null; last: string | null }> {
    const [row] = await db
      .select({
        first: sql<string | null>`min(${timesheetEntries.date})`,
        last: sql<string | null>`max(${timesheetEntries.date})`,
      })
      .from(timesheetEntries)
      .innerJoin(timesheets, eq(timesheets.id, timesheetEntries.timesheetId))
      .where(and(eq(timesheets.placementId, id), inTenant(scope, timesheets.organisationId)));
    return { first: row?.first ?? null, last: row?.last ?? null };
  },

  async list(db, scope, filter: PlacementFilter): Promise<{ rows: PlacementRow[]; total: number }> {
    const where = and(
      inTenant(scope, placements.organisationId),
      stateSql(filter.status, filter.today),
      filter.employerId ? eq(placements.employerId, filter.employerId) : undefined,
      filter.q ? containsText(filter.q, [candidateName, sql`${vacancies.displayTitle}`]) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      selectPlacements(db)
        .where(where)
        .orderBy(desc(placements.startDate), asc(candidateName))
        .limit(filter.limit)
        .offset(filter.offset),
      db
        .select({ n: count() })
        .from(placements)
        .innerJoin(candidates, eq(candidates.id, placements.candidateId))
        .innerJoin(vacancies, eq(vacancies.id, placements.vacancyId))
        .where(where),
    ]);
    return { rows: await withApprovers(db, rows), total: Number(total?.n ?? 0) };
  },

  /** The team that supplies the candidate (the employer's keeper) and the employer, for SETU. */
  async parties(db, scope, placementId: string) {
    const [row] = await db
      .select({
        employerId: employer.id,
        employerKvk: employer.kvkNumber,
        supplierId: supplier.id,
        supplierKvk: supplier.kvkNumber,
      })
      .from(placements)
      .innerJoin(employer, eq(employer.id, placements.employerId))
      // The team that keeps the employer supplies the candidate; an employer it keeps itself.
      .innerJoin(
        supplier,
        sql`${supplier.id} = coalesce(${employer.managedByOrganisationId}, ${employer.id})`,
      )
      .where(and(eq(placements.id, placementId), inTenant(scope, placements.organisationId)));
    return row ?? null;
  },

  /** The time zone an organisation reads times in. */
  async timeZoneOf(db, scope, organisationId: string): Promise<string | null> {
    if (!reaches(scope, organisationId)) return null;
    const [row] = await db
      .select({ timeZone: organisations.timeZone })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    return row?.timeZone ?? null;
  },

  /** The employers the scope's placements are with, for the filter. */
  async employers(db, scope): Promise<Array<{ id: string; name: string }>> {
    return db
      .selectDistinct({ id: employer.id, name: employer.name })
      .from(placements)
      .innerJoin(employer, eq(employer.id, placements.employerId))
      .where(inTenant(scope, placements.organisationId))
      .orderBy(asc(employer.name));
  },
});

export interface ApprovedWeekRow {
  timesheetId: string;
  placementId: string;
  weekStart: string;
  employerName: string;
  timeZone: string;
  vacancyTitle: string;
  candidateName: string;
  rateCents: number | null;
  nonBillable: boolean;
  decidedByName: string | null;
  decidedAt: Date | null;
  minutes: Record<HourKind, number>;
}

const decider = alias(users, "decider");

export interface TimesheetRow {
  timesheet: TimesheetRecord;
  deciderName: string | null;
  placementId: string;
}

/** Weeks with their placement (for the reach) and the name of who decided them. */
function selectWeeks(db: Db) {
  return db
    .select({ timesheet: timesheets, deciderName: decider.name, placementId: placements.id })
    .from(timesheets)
    .innerJoin(placements, eq(placements.id, timesheets.placementId))
    .leftJoin(decider, eq(decider.id, timesheets.decidedByUserId));
}

/**
 * Placements and their weeks as the recruiters, the contacts who approve them and the placed
 * candidate reach them (`Reach`, with the self scope for the candidate).
 */
export const timesheetsRepository = repository<TenantScope | SelfScope>()({
  async placement(db, scope, reach: Reach | null, id: string): Promise<PlacementRow | null> {
    const rows = await selectPlacements(db)
      .where(and(eq(placements.id, id), reachSql(scope, reach)))
      .limit(1);
    return (await withApprovers(db, rows))[0] ?? null;
  },

  /** The placements the caller reaches (the candidate's own), or those of these ids; newest first. */
  async placements(db, scope, reach: Reach | null, ids?: readonly string[]): Promise<PlacementRow[]> {
    if (ids?.length === 0) return [];
    const rows = await selectPlacements(db)
      .where(and(reachSql(scope, reach), ids ? inArray(placements.id, [...ids]) : undefined))
      .orderBy(desc(placements.startDate));
    return withApprovers(db, rows);
  },

  /** The weeks of these placements with their minutes per kind. */
  async weeks(
    db,
    scope,
    reach: Reach | null,
    placementIds: readonly string[],
  ): Promise<Array<TimesheetRow & { minutes: Record<HourKind, number> }>> {
    if (placementIds.length === 0) return [];
    const rows = await selectWeeks(db)
      .where(and(inArray(timesheets.placementId, [...placementIds]), reachSql(scope, reach)))
      .orderBy(desc(timesheets.weekStart));
    const totals = await minutesPerKind(
      db,
      rows.map((r) => r.timesheet.id),
    );
    return rows.map((r) => ({ ...r, minutes: totals.get(r.timesheet.id) ?? emptyMinutes() }));
  },

  async timesheet(db, scope, reach: Reach | null, id: string): Promise<TimesheetRow | null> {
    const [row] = await selectWeeks(db)
      .where(and(eq(timesheets.id, id), reachSql(scope, reach)))
      .limit(1);
    return row ?? null;
  },

  async weekOf(db, scope, placementId: string, weekStart: string): Promise<TimesheetRow | null> {
    const [row] = await selectWeeks(db)
      .where(
        and(
          eq(timesheets.placementId, placementId),
          eq(timesheets.weekStart, weekStart),
          reachSql(scope, null),
        ),
      )
      .limit(1);
    return row ?? null;
  },

  async entries(db, scope, timesheetId: string): Promise<EntryRecord[]> {
    return db
      .select({ date: timesheetEntries.date, kind: timesheetEntries.kind, minutes: timesheetEntries.minutes })
      .from(timesheetEntries)
      .innerJoin(timesheets, eq(timesheets.id, timesheetEntries.timesheetId))
      .innerJoin(placements, eq(placements.id, timesheets.placementId))
      .where(and(eq(timesheetEntries.timesheetId, timesheetId), reachSql(scope, null)))
      .orderBy(asc(timesheetEntries.date), asc(timesheetEntries.kind));
  },

  async log(db, scope, timesheetId: string) {
    return db
      .select({
        action: timesheetLog.action,
        actorUserId: timesheetLog.actorUserId,
        actorName: users.name,
        comment: timesheetLog.comment,
        at: timesheetLog.at,
      })
      .from(timesheetLog)
      .innerJoin(timesheets, eq(timesheets.id, timesheetLog.timesheetId))
      .innerJoin(placements, eq(placements.id, timesheets.placementId))
      .leftJoin(users, eq(users.id, timesheetLog.actorUserId))
      .where(and(eq(timesheetLog.timesheetId, timesheetId), reachSql(scope, null)))
      .orderBy(asc(timesheetLog.at));
  },

  /**
   * Saves the week's hours while it may still change (new, draft or rejected), replacing its
   * entries; null when it is submitted or approved (someone else got there first).
   */
  async save(
    db,
    scope,
    placement: Pick<PlacementRecord, "id" | "organisationId" | "candidateId">,
    weekStart: string,
    input: { remark: string; entries: readonly EntryRecord[] },
  ): Promise<TimesheetRecord | null> {
    if (scope.kind === "self" && !scope.candidateIds.includes(placement.candidateId))
      throw new Error("timesheets.save outside the scope");
    const [row] = await db
      .insert(timesheets)
      .values({
        placementId: placement.id,
        organisationId: placement.organisationId,
        candidateId: placement.candidateId,
        weekStart,
        remark: input.remark,
      })
      .onConflictDoUpdate({
        target: [timesheets.placementId, timesheets.weekStart],
        set: { remark: input.remark, updatedAt: sql`now()` },
        setWhere: sql`${timesheets.status} in ('draft', 'rejected')`,
      })
      .returning();
    if (!row) return null;
    await db.delete(timesheetEntries).where(eq(timesheetEntries.timesheetId, row.id));
    if (input.entries.length > 0)
      await db
        .insert(timesheetEntries)
        .values(
          input.entries.map((e) => ({ timesheetId: row.id, organisationId: row.organisationId, ...e })),
        );
    return row;
  },

  /** Draft or rejected -> submitted ("Verzonden"); null when it is not in one of those. */
  async submit(db, scope, id: string): Promise<TimesheetRecord | null> {
    const [row] = await db
      .update(timesheets)
      .set({
        status: "submitted",
        submissions: sql`${timesheets.submissions} + 1`,
        submittedAt: sql`now()`,
        decidedAt: null,
        decidedByUserId: null,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(timesheets.id, id),
          inArray(timesheets.status, ["draft", "rejected"]),
          scope.kind === "self"
            ? inArray(timesheets.candidateId, [...scope.candidateIds])
            : inTenant(scope, timesheets.organisationId),
        ),
      )
      .returning();
    return row ?? null;
  },

  /** Submitted -> approved or rejected by this person; null when it no longer waits. */
  async decide(
    db,
    scope,
    id: string,
    decision: {
      status: Extract<TimesheetStatus, "approved" | "rejected">;
      userId: string;
      comment: string | null;
    },
  ): Promise<TimesheetRecord | null> {
    if (scope.kind === "self") throw new Error("a candidate does not decide weeks");
    const [row] = await db
      .update(timesheets)
      .set({
        status: decision.status,
        decidedAt: sql`now()`,
        decidedByUserId: decision.userId,
        decisionComment: decision.comment,
        updatedAt: sql`now()`,
      })
      .where(
        and(
          eq(timesheets.id, id),
          eq(timesheets.status, "submitted"),
          inTenant(scope, timesheets.organisationId),
        ),
      )
      .returning();
    return row ?? null;
  },

  async addLog(
    db,
    scope,
    row: { timesheet: TimesheetRecord; action: TimesheetAction; actorUserId: string; comment: string | null },
  ): Promise<void> {
    if (scope.kind !== "self" && !reaches(scope, row.timesheet.organisationId))
      throw new Error("timesheets.addLog outside the scope");
    await db.insert(timesheetLog).values({
      timesheetId: row.timesheet.id,
      organisationId: row.timesheet.organisationId,
      action: row.action,
      actorUserId: row.actorUserId,
      comment: row.comment,
    });
  },

  /** Weeks in a status across what the caller reaches: waiting (submitted) or decided. */
  async list(
    db,
    scope,
    reach: Reach | null,
    status: "waiting" | "decided",
    limit: number,
  ): Promise<TimesheetRow[]> {
    const rows = await selectWeeks(db)
      .where(
        and(
          reachSql(scope, reach),
          status === "waiting"
            ? eq(timesheets.status, "submitted")
            : inArray(timesheets.status, ["approved", "rejected"]),
        ),
      )
      .orderBy(
        status === "waiting" ? asc(timesheets.submittedAt) : desc(timesheets.decidedAt),
        asc(timesheets.weekStart),
      )
      .limit(limit);
    return rows;
  },

  /** Submitted weeks the caller decides now (the contact's dashboard count). */
  async waitingCount(db, scope, reach: Reach): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(timesheets)
      .innerJoin(placements, eq(placements.id, timesheets.placementId))
      .where(and(reachSql(scope, reach), eq(timesheets.status, "submitted")));
    return Number(row?.n ?? 0);
  },

  /** Approved weeks starting in [from, to] for payroll, one row per placement and week. */
  async approvedWeeks(
    db,
    scope,
    filter: { from: string; to: string; employerId?: string | undefined },
  ): Promise<ApprovedWeekRow[]> {
    const rows = await db
      .select({
        timesheetId: timesheets.id,
        placementId: placements.id,
        weekStart: timesheets.weekStart,
        employerName: employer.name,
        timeZone: employer.timeZone,
        vacancyTitle: vacancies.displayTitle,
        candidateName,
        rateCents: placements.rateCents,
        nonBillable: placements.nonBillable,
        decidedByName: decider.name,
        decidedAt: timesheets.decidedAt,
      })
      .from(timesheets)
      .innerJoin(placements, eq(placements.id, timesheets.placementId))
      .innerJoin(candidates, eq(candidates.id, placements.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, placements.vacancyId))
      .innerJoin(employer, eq(employer.id, placements.employerId))
      .leftJoin(decider, eq(decider.id, timesheets.decidedByUserId))
      .where(
        and(
          reachSql(scope, null),
          eq(timesheets.status, "approved"),
          sql`${timesheets.weekStart} between ${filter.from}::date and ${filter.to}::date`,
          filter.employerId ? eq(placements.employerId, filter.employerId) : undefined,
        ),
      )
      .orderBy(asc(employer.name), asc(candidateName), asc(timesheets.weekStart));
    const totals = await minutesPerKind(
      db,
      rows.map((r) => r.timesheetId),
    );
    return rows.map((r) => ({ ...r, minutes: totals.get(r.timesheetId) ?? emptyMinutes() }));
  },
});

const emptyMinutes = (): Record<HourKind, number> => ({ normal: 0, overtime: 0, travel: 0 });

async function minutesPerKind(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, Record<HourKind, number>>> {
  const totals = new Map<string, Record<HourKind, number>>();
  if (ids.length === 0) return totals;
  const rows = await db
    .select({
      id: timesheetEntries.timesheetId,
      kind: timesheetEntries.kind,
      minutes: sql<number>`sum(${timesheetEntries.minutes})::int`,
    })
    .from(timesheetEntries)
    .where(inArray(timesheetEntries.timesheetId, [...ids]))
    .groupBy(timesheetEntries.timesheetId, timesheetEntries.kind);
  for (const r of rows) {
    const t = totals.get(r.id) ?? emptyMinutes();
    t[r.kind] += Number(r.minutes);
    totals.set(r.id, t);
  }
  return totals;
}

/** A person's own choice of how to hear about submitted weeks. */
export const mailSettingsRepository = repository<SelfScope>()({
  async mode(db, scope): Promise<TimesheetMailMode> {
    const [row] = await db
      .select({ mode: timesheetMailSettings.mode })
      .from(timesheetMailSettings)
      .where(eq(timesheetMailSettings.userId, scope.userId));
    return row?.mode ?? "each";
  },
  async setMode(db, scope, mode: TimesheetMailMode): Promise<void> {
    await db
      .insert(timesheetMailSettings)
      .values({ userId: scope.userId, mode })
      .onConflictDoUpdate({ target: timesheetMailSettings.userId, set: { mode, updatedAt: sql`now()` } });
  },
});

const candidateUser = alias(users, "candidate_user");

/** What the event subscribers and the digest job read and write (system scope). */
export const timesheetEventsRepository = repository<PlatformScope>()({
  /** The week with its placement, candidate (and account), vacancy, employer and portal. */
  async facts(db, _scope, timesheetId: string) {
    const [row] = await db
      .select({
        timesheet: timesheets,
        placement: placements,
        candidateName,
        candidateEmail: candidateUser.email,
        candidateLocale: candidateUser.locale,
        candidateDeactivatedAt: candidateUser.deactivatedAt,
        vacancyTitle: vacancies.displayTitle,
        employerName: employer.name,
        ...mailPortalColumns,
        deciderName: decider.name,
      })
      .from(timesheets)
      .innerJoin(placements, eq(placements.id, timesheets.placementId))
      .innerJoin(candidates, eq(candidates.id, placements.candidateId))
      .leftJoin(candidateUser, eq(candidateUser.id, candidates.userId))
      .innerJoin(vacancies, eq(vacancies.id, placements.vacancyId))
      .innerJoin(employer, eq(employer.id, placements.employerId))
      .innerJoin(portals, eq(portals.id, placements.portalId))
      .leftJoin(decider, eq(decider.id, timesheets.decidedByUserId))
      .where(eq(timesheets.id, timesheetId));
    return row ?? null;
  },

  async minutes(db, _scope, timesheetId: string): Promise<Record<HourKind, number>> {
    return (await minutesPerKind(db, [timesheetId])).get(timesheetId) ?? emptyMinutes();
  },

  /** The comment of the week's latest rejection (the log keeps it when the week moves on). */
  async lastRejection(db, _scope, timesheetId: string): Promise<string | null> {
    const [row] = await db
      .select({ comment: timesheetLog.comment })
      .from(timesheetLog)
      .where(and(eq(timesheetLog.timesheetId, timesheetId), eq(timesheetLog.action, "rejected")))
      .orderBy(desc(timesheetLog.at))
      .limit(1);
    return row?.comment ?? null;
  },

  /** The placement's approvers with their account, language and mail choice. */
  async approvers(db, _scope, placementId: string) {
    return db
      .select({
        userId: users.id,
        name: contactPersons.name,
        email: users.email,
        language: contactPersons.language,
        deactivatedAt: users.deactivatedAt,
        mode: sql<TimesheetMailMode>`coalesce(${timesheetMailSettings.mode}, 'each')`,
      })
      .from(placementApprovers)
      .innerJoin(contactPersons, eq(contactPersons.id, placementApprovers.contactPersonId))
      .innerJoin(users, eq(users.id, placementApprovers.userId))
      .leftJoin(timesheetMailSettings, eq(timesheetMailSettings.userId, users.id))
      .where(eq(placementApprovers.placementId, placementId));
  },

  async queueDigest(
    db,
    _scope,
    item: { userId: string; timesheetId: string; organisationId: string; eventId: string },
  ): Promise<void> {
    await db.insert(timesheetDigestItems).values(item).onConflictDoNothing();
  },

  /**
   * Takes every person's waiting digest items under a new digest id (one per person), so a
   * second run takes nothing twice; returns the digests made.
   */
  async takeDigests(
    db,
    _scope,
  ): Promise<Array<{ digestId: string; userId: string; organisationId: string }>> {
    return queryRows(
      db,
      sql`with people as (
        select user_id, gen_random_uuid() as digest_id, min(organisation_id::text)::uuid as organisation_id
        from timesheet_digest_items where digest_id is null group by user_id
      ), taken as (
        update timesheet_digest_items i set digest_id = p.digest_id from people p
        where i.user_id = p.user_id and i.digest_id is null returning p.digest_id, p.user_id, p.organisation_id
      ) select distinct digest_id as "digestId", user_id as "userId", organisation_id as "organisationId" from taken`,
    );
  },

  /** The weeks of one digest that still wait for a decision, with what the mail lists. */
  async digestWeeks(db, _scope, digestId: string) {
    return db
      .select({
        timesheetId: timesheets.id,
        weekStart: timesheets.weekStart,
        candidateName,
        vacancyTitle: vacancies.displayTitle,
        ...mailPortalColumns,
        minutes: sql<number>`(select coalesce(sum(e.minutes), 0)::int from timesheet_entries e where e.timesheet_id = ${timesheets.id})`,
      })
      .from(timesheetDigestItems)
      .innerJoin(timesheets, eq(timesheets.id, timesheetDigestItems.timesheetId))
      .innerJoin(placements, eq(placements.id, timesheets.placementId))
      .innerJoin(candidates, eq(candidates.id, placements.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, placements.vacancyId))
      .innerJoin(portals, eq(portals.id, placements.portalId))
      .where(and(eq(timesheetDigestItems.digestId, digestId), eq(timesheets.status, "submitted")))
      .orderBy(asc(timesheets.weekStart), asc(candidateName));
  },

  async person(db, _scope, userId: string) {
    const [row] = await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        deactivatedAt: users.deactivatedAt,
        // One-table selects leave columns unqualified: the subquery names the table itself.
        language: sql<
          string | null
        >`(select cp.language from contact_persons cp where cp.user_id = users.id limit 1)`,
      })
      .from(users)
      .where(eq(users.id, userId));
    return row ?? null;
  },
});
