import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Labels } from "../../../contracts/matches";
import type { ApprovalStatus, SelectionReport, Verdict } from "../../../contracts/selection-results";
import { type Db, insertOwned, inTenant, queryRows } from "../../platform/db";
import {
  candidates,
  matches,
  organisations,
  portals,
  procedureClosedOf,
  procedurePhases,
  users,
  vacancies,
  vacancyTeam,
} from "../../platform/schema";
import { type PlatformScope, reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { mailPortalColumns } from "../tenancy";
import { selectionApprovals, selectionParts, selectionScores } from "./selection-results.schema";

export type PartRow = typeof selectionParts.$inferSelect & { scored: boolean };

export interface ApplicantRow {
  matchId: string;
  firstName: string;
  lastName: string;
  phaseKey: string;
  phaseLabel: Labels;
  organisationId: string;
}

export interface ScoreRow {
  partId: string;
  matchId: string;
  juryUserId: string;
  juryName: string;
  score: number | null;
  verdict: Verdict | null;
  motivation: string | null;
  updatedAt: Date;
}

export interface ApprovalRow {
  id: string;
  organisationId: string;
  vacancyId: string;
  portalId: string;
  vacancyTitle: string;
  organisationName: string;
  procedureClosed: boolean;
  status: ApprovalStatus;
  approverUserId: string;
  approverName: string;
  requestedByUserId: string | null;
  requesterName: string | null;
  message: string | null;
  remarks: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
}

const requester = sql<
  string | null
>`(select u.name from ${users} u where u.id = ${selectionApprovals.requestedByUserId})`;
const approvalColumns = {
  id: selectionApprovals.id,
  organisationId: selectionApprovals.organisationId,
  vacancyId: selectionApprovals.vacancyId,
  portalId: vacancies.portalId,
  vacancyTitle: vacancies.displayTitle,
  organisationName: organisations.name,
  procedureClosed: procedureClosedOf(vacancies.id),
  status: selectionApprovals.status,
  approverUserId: selectionApprovals.approverUserId,
  approverName: users.name,
  requestedByUserId: selectionApprovals.requestedByUserId,
  requesterName: requester,
  message: selectionApprovals.message,
  remarks: selectionApprovals.remarks,
  requestedAt: selectionApprovals.requestedAt,
  decidedAt: selectionApprovals.decidedAt,
};

/** A vacancy's selection parts, the jury's scores and the PV's approvals, within the caller's scope. */
export const selectionResultsRepository = repository<TenantScope>()({
  /** The vacancy's organisation name and primary owner's name (for the PV). */
  async vacancyInfo(db: Db, scope: TenantScope, vacancyId: string) {
    const [row] = await db
      .select({
        organisationName: organisations.name,
        ownerName: sql<string | null>`(select u.name from ${users} u where u.id = ${vacancies.ownerUserId})`,
      })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(and(eq(vacancies.id, vacancyId), inTenant(scope, vacancies.organisationId)));
    return row ?? null;
  },

  async parts(db: Db, scope: TenantScope, vacancyId: string): Promise<PartRow[]> {
    return db
      .select({
        id: selectionParts.id,
        organisationId: selectionParts.organisationId,
        vacancyId: selectionParts.vacancyId,
        name: selectionParts.name,
        dates: selectionParts.dates,
        maxScore: selectionParts.maxScore,
        position: selectionParts.position,
        createdAt: selectionParts.createdAt,
        updatedAt: selectionParts.updatedAt,
        scored: sql<boolean>`exists (select 1 from ${selectionScores} s where s.part_id = "selection_parts"."id")`,
      })
      .from(selectionParts)
      .where(and(eq(selectionParts.vacancyId, vacancyId), inTenant(scope, selectionParts.organisationId)))
      .orderBy(asc(selectionParts.position), asc(selectionParts.createdAt));
  },

  /** Makes the vacancy's parts these, in this order: ids kept are updated, the rest made or removed. */
  async replaceParts(
    db: Db,
    scope: TenantScope,
    vacancy: { id: string; organisationId: string },
    parts: readonly { id?: string | undefined; name: string; dates: string[]; maxScore: number }[],
  ): Promise<void> {
    const kept = parts.flatMap((p) => (p.id ? [p.id] : []));
    const existing = await db
      .select({ id: selectionParts.id })
      .from(selectionParts)
      .where(and(eq(selectionParts.vacancyId, vacancy.id), inTenant(scope, selectionParts.organisationId)));
    const gone = existing.filter((e) => !kept.includes(e.id)).map((e) => e.id);
    if (gone.length > 0) await db.delete(selectionParts).where(inArray(selectionParts.id, gone));
    for (const [position, part] of parts.entries()) {
      if (part.id)
        await db
          .update(selectionParts)
          .set({
            name: part.name,
            dates: part.dates,
            maxScore: part.maxScore,
            position,
            updatedAt: new Date(),
          })
          .where(and(eq(selectionParts.id, part.id), eq(selectionParts.vacancyId, vacancy.id)));
      else
        await insertOwned(db, scope, selectionParts, [
          {
            organisationId: vacancy.organisationId,
            vacancyId: vacancy.id,
            name: part.name,
            dates: part.dates,
            maxScore: part.maxScore,
            position,
          },
        ]);
    }
  },

  /** The people on the vacancy's team in these places, by name. */
  async team(db: Db, scope: TenantScope, vacancyId: string, roles: readonly ("jury" | "hr" | "leader")[]) {
    return db
      .select({ id: users.id, name: users.name, role: vacancyTeam.role })
      .from(vacancyTeam)
      .innerJoin(users, eq(users.id, vacancyTeam.userId))
      .where(
        and(
          eq(vacancyTeam.vacancyId, vacancyId),
          inArray(vacancyTeam.role, [...roles]),
          inTenant(scope, vacancyTeam.organisationId),
          sql`${users.deactivatedAt} is null`,
        ),
      )
      .orderBy(asc(users.name));
  },

  /** The vacancy's applicants (every match but the candidates staff only saved), by name. */
  async applicants(db: Db, scope: TenantScope, vacancyId: string): Promise<ApplicantRow[]> {
    return db
      .select({
        matchId: matches.id,
        firstName: candidates.firstName,
        lastName: candidates.lastName,
        phaseKey: procedurePhases.key,
        phaseLabel: procedurePhases.label,
        organisationId: matches.organisationId,
      })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(
        and(
          eq(matches.vacancyId, vacancyId),
          sql`${matches.source} <> 'saved'`,
          inTenant(scope, matches.organisationId),
        ),
      )
      .orderBy(asc(candidates.lastName), asc(candidates.firstName), asc(matches.id));
  },

  async scores(db: Db, scope: TenantScope, vacancyId: string): Promise<ScoreRow[]> {
    return db
      .select({
        partId: selectionScores.partId,
        matchId: selectionScores.matchId,
        juryUserId: selectionScores.juryUserId,
        juryName: users.name,
        score: selectionScores.score,
        verdict: selectionScores.verdict,
        motivation: selectionScores.motivation,
        updatedAt: selectionScores.updatedAt,
      })
      .from(selectionScores)
      .innerJoin(users, eq(users.id, selectionScores.juryUserId))
      .where(and(eq(selectionScores.vacancyId, vacancyId), inTenant(scope, selectionScores.organisationId)))
      .orderBy(asc(users.name));
  },

  /** Records (or replaces) one jury member's score on one applicant for one part. */
  async putScore(
    db: Db,
    scope: TenantScope,
    row: {
      organisationId: string;
      vacancyId: string;
      partId: string;
      matchId: string;
      juryUserId: string;
      score: number | null;
      verdict: Verdict | null;
      motivation: string | null;
    },
  ): Promise<void> {
    if (!reaches(scope, row.organisationId)) throw new Error("selection score outside the caller's scope");
    // One row per part, applicant and jury member: a second save (or two at once) changes it.
    await db
      .insert(selectionScores)
      .values(row)
      .onConflictDoUpdate({
        target: [selectionScores.partId, selectionScores.matchId, selectionScores.juryUserId],
        set: { score: row.score, verdict: row.verdict, motivation: row.motivation, updatedAt: new Date() },
      });
  },

  /** The latest approval request of the vacancy. */
  async latestApproval(db: Db, scope: TenantScope, vacancyId: string): Promise<ApprovalRow | null> {
    const [row] = await db
      .select(approvalColumns)
      .from(selectionApprovals)
      .innerJoin(vacancies, eq(vacancies.id, selectionApprovals.vacancyId))
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .innerJoin(users, eq(users.id, selectionApprovals.approverUserId))
      .where(
        and(eq(selectionApprovals.vacancyId, vacancyId), inTenant(scope, selectionApprovals.organisationId)),
      )
      .orderBy(desc(selectionApprovals.requestedAt))
      .limit(1);
    return row ?? null;
  },

  async insertApproval(
    db: Db,
    scope: TenantScope,
    row: {
      organisationId: string;
      vacancyId: string;
      requestedByUserId: string;
      approverUserId: string;
      message: string | null;
      report: SelectionReport;
    },
  ): Promise<string> {
    const [inserted] = await insertOwned(db, scope, selectionApprovals, [row]);
    return inserted!.id;
  },

  /** The requests the user was asked to decide, waiting ones first, newest first. */
  async approvalsFor(db: Db, scope: TenantScope, approverUserId: string): Promise<ApprovalRow[]> {
    return db
      .select(approvalColumns)
      .from(selectionApprovals)
      .innerJoin(vacancies, eq(vacancies.id, selectionApprovals.vacancyId))
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .innerJoin(users, eq(users.id, selectionApprovals.approverUserId))
      .where(
        and(
          eq(selectionApprovals.approverUserId, approverUserId),
          inTenant(scope, selectionApprovals.organisationId),
        ),
      )
      .orderBy(sql`${selectionApprovals.status} = 'pending' desc`, desc(selectionApprovals.requestedAt));
  },

  /** One request the user was asked to decide, with the report as sent; null for anyone else. */
  async approvalFor(db: Db, scope: TenantScope, id: string, approverUserId: string) {
    const [row] = await db
      .select({ ...approvalColumns, report: selectionApprovals.report })
      .from(selectionApprovals)
      .innerJoin(vacancies, eq(vacancies.id, selectionApprovals.vacancyId))
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .innerJoin(users, eq(users.id, selectionApprovals.approverUserId))
      .where(
        and(
          eq(selectionApprovals.id, id),
          eq(selectionApprovals.approverUserId, approverUserId),
          inTenant(scope, selectionApprovals.organisationId),
        ),
      );
    return row ? { ...row, report: row.report as SelectionReport } : null;
  },

  /** Decides a waiting request; false when it was decided meanwhile. */
  async decideApproval(
    db: Db,
    scope: TenantScope,
    id: string,
    status: "approved" | "rejected",
    remarks: string | null,
  ): Promise<boolean> {
    const rows = await db
      .update(selectionApprovals)
      .set({ status, remarks, decidedAt: new Date() })
      .where(
        and(
          eq(selectionApprovals.id, id),
          eq(selectionApprovals.status, "pending"),
          inTenant(scope, selectionApprovals.organisationId),
        ),
      )
      .returning({ id: selectionApprovals.id });
    return rows.length > 0;
  },
});

export interface ApprovalMailFacts {
  id: string;
  status: ApprovalStatus;
  remarks: string | null;
  vacancyId: string;
  vacancyTitle: string;
  organisationName: string;
  approver: { name: string; email: string | null; locale: string | null } | null;
  requester: { name: string; email: string | null; locale: string | null } | null;
  portalSlug: string;
  portalParentId: string | null;
  portalNameNl: string;
  portalNameEn: string;
}

/** What the approval mails need, read when they are sent (the event subscribers' scope). */
export const approvalMailRepository = repository<PlatformScope>()({
  async approval(db: Db, _scope: PlatformScope, id: string): Promise<ApprovalMailFacts | null> {
    const person = (column: "approver_user_id" | "requested_by_user_id") =>
      sql`(select json_build_object('name', u.name, 'email', u.email, 'locale', u.locale) from ${users} u
        where u.id = a.${sql.raw(column)} and u.deactivated_at is null)`;
    const [row] = await queryRows<
      Omit<ApprovalMailFacts, "portalSlug" | "portalParentId" | "portalNameNl" | "portalNameEn"> & {
        portalId: string;
      }
    >(
      db,
      sql`select a.id, a.status, a.remarks, v.id as "vacancyId", v.display_title as "vacancyTitle",
          o.name as "organisationName", v.portal_id as "portalId",
          ${person("approver_user_id")} as approver, ${person("requested_by_user_id")} as requester
        from ${selectionApprovals} a join ${vacancies} v on v.id = a.vacancy_id
        join ${organisations} o on o.id = v.organisation_id
        where a.id = ${id}::uuid`,
    );
    if (!row) return null;
    const { portalId, ...rest } = row;
    const [portal] = await db.select(mailPortalColumns).from(portals).where(eq(portals.id, portalId));
    if (!portal) return null;
    return { ...rest, ...portal };
  },
});
