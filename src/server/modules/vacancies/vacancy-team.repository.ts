import { type AnyColumn, and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Labels } from "../../../contracts/matches";
import type { Role } from "../../../contracts/tenancy";
import type { TeamRole } from "../../../contracts/vacancy-team";
import { type Db, inTenant, queryRows } from "../../platform/db";
import { matches, memberships, organisations, procedurePhases, users } from "../../platform/schema";
import { reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import type { VacancyView } from "./vacancies.repository";
import { vacancyRepository } from "./vacancies.repository";
import { vacancies, vacancyTeam } from "./vacancies.schema";
import { familyOf, type PersonRow, staffJson } from "./vacancy-people.repository";

/**
 * Which membership roles may hold each place on a vacancy's team, within the vacancy's
 * organisation family (Vlimpers: owners are selection officers; the jury may also hold people
 * of HR, selection and the line).
 */
export const TEAM_PLACE_ROLES: Record<TeamRole | "owner", readonly Role[]> = {
  owner: ["selection_officer", "org_admin"],
  co_owner: ["selection_officer", "org_admin"],
  hr: ["hr_officer"],
  leader: ["line_manager"],
  jury: ["jury_member", "line_manager", "hr_officer", "selection_officer"],
};

/** Applicants: every match on the vacancy but the candidates staff only saved. */
export const APPLICANT = sql`m.source <> 'saved'`;
const hasApplicant = (vacancyId: SQL | AnyColumn) =>
  sql`exists (select 1 from ${matches} m where m.vacancy_id = ${vacancyId} and ${APPLICANT})`;

export interface TeamEntry {
  userId: string;
  role: TeamRole;
}

export interface TeamMemberRow extends PersonRow {
  role: TeamRole;
}

export interface InvolvedRow {
  id: string;
  displayTitle: string;
  organisationName: string;
  status: VacancyView["status"];
  closesOn: string | null;
  roles: TeamRole[];
  applicants: number;
  phases: { phaseId: string; key: string; label: Labels; count: number }[];
}

export const vacancyTeamRepository = repository<TenantScope>()({
  /** The team of a vacancy in the scope, by role and name. */
  async members(db: Db, scope: TenantScope, vacancyId: string): Promise<TeamMemberRow[]> {
    return db
      .select({ id: users.id, name: users.name, email: users.email, role: vacancyTeam.role })
      .from(vacancyTeam)
      .innerJoin(users, eq(users.id, vacancyTeam.userId))
      .where(and(eq(vacancyTeam.vacancyId, vacancyId), inTenant(scope, vacancyTeam.organisationId)))
      .orderBy(vacancyTeam.role, users.name);
  },

  /** Replaces the team (the owner is the vacancy's own column, changed by the caller). */
  async replace(
    db: Db,
    scope: TenantScope,
    vacancy: { id: string; organisationId: string },
    entries: readonly TeamEntry[],
    addedByUserId: string,
  ): Promise<{ added: TeamEntry[]; removed: TeamEntry[] }> {
    if (!reaches(scope, vacancy.organisationId)) throw new Error("vacancy team outside the caller's scope");
    const before = await db
      .select({ userId: vacancyTeam.userId, role: vacancyTeam.role })
      .from(vacancyTeam)
      .where(eq(vacancyTeam.vacancyId, vacancy.id));
    const key = (e: TeamEntry) => `${e.role}:${e.userId}`;
    const was = new Set(before.map(key));
    const now = new Set(entries.map(key));
    const added = entries.filter((e) => !was.has(key(e)));
    const removed = before.filter((e) => !now.has(key(e)));
    for (const e of removed)
      await db
        .delete(vacancyTeam)
        .where(
          and(
            eq(vacancyTeam.vacancyId, vacancy.id),
            eq(vacancyTeam.userId, e.userId),
            eq(vacancyTeam.role, e.role),
          ),
        );
    if (added.length > 0)
      await db.insert(vacancyTeam).values(
        added.map((e) => ({
          vacancyId: vacancy.id,
          organisationId: vacancy.organisationId,
          userId: e.userId,
          role: e.role,
          addedByUserId,
        })),
      );
    return { added, removed };
  },

  /** The people of the organisation's family who may hold each place, by name. */
  async options(
    db: Db,
    scope: TenantScope,
    organisationId: string,
  ): Promise<Record<TeamRole | "owner", PersonRow[]>> {
    const empty = { owner: [], co_owner: [], hr: [], leader: [], jury: [] };
    if (!reaches(scope, organisationId)) return empty;
    const family = familyOf(sql`${organisationId}::uuid`);
    const [row] = await queryRows<Record<"owner" | "hr" | "leader" | "jury", PersonRow[]>>(
      db,
      sql`select ${staffJson(family, TEAM_PLACE_ROLES.owner)} as owner,
        ${staffJson(family, TEAM_PLACE_ROLES.hr)} as hr,
        ${staffJson(family, TEAM_PLACE_ROLES.leader)} as leader,
        ${staffJson(family, TEAM_PLACE_ROLES.jury)} as jury`,
    );
    if (!row) return empty;
    return { owner: row.owner, co_owner: row.owner, hr: row.hr, leader: row.leader, jury: row.jury };
  },

  /**
   * A vacancy of the scope that the user is on as one of `roles` and that has an applicant:
   * how a leader or jury member reaches it (none before the first application).
   */
  async involvedView(
    db: Db,
    scope: TenantScope,
    vacancyId: string,
    userId: string,
    roles: readonly TeamRole[],
  ): Promise<{ view: VacancyView; roles: TeamRole[] } | null> {
    const [row] = await db
      .select({ roles: sql<TeamRole[]>`array_agg(${vacancyTeam.role} order by ${vacancyTeam.role})` })
      .from(vacancyTeam)
      .where(
        and(
          eq(vacancyTeam.vacancyId, vacancyId),
          eq(vacancyTeam.userId, userId),
          inArray(vacancyTeam.role, [...roles]),
          inTenant(scope, vacancyTeam.organisationId),
          hasApplicant(vacancyTeam.vacancyId),
        ),
      )
      .groupBy(vacancyTeam.vacancyId);
    if (!row) return null;
    const view = await vacancyRepository.findView(db, scope, vacancyId);
    return view ? { view, roles: row.roles } : null;
  },

  /** The vacancies the user is on as one of `roles` that have applicants, with counts per phase. */
  async involved(
    db: Db,
    scope: TenantScope,
    userId: string,
    roles: readonly TeamRole[],
  ): Promise<InvolvedRow[]> {
    const tenant = inTenant(scope, sql`t.organisation_id`) ?? sql`true`;
    return queryRows<InvolvedRow>(
      db,
      sql`with mine as (
          select t.vacancy_id, array_agg(t.role order by t.role) as roles from ${vacancyTeam} t
          where t.user_id = ${userId} and t.role in (${sql.join(
            roles.map((r) => sql`${r}`),
            sql`, `,
          )}) and ${tenant}
          group by t.vacancy_id
        )
        select v.id, v.display_title as "displayTitle", o.name as "organisationName", v.status,
          v.closes_on::text as "closesOn", mine.roles,
          (select count(*)::int from ${matches} m where m.vacancy_id = v.id and ${APPLICANT}) as applicants,
          (select coalesce(json_agg(json_build_object('phaseId', p.id, 'key', p.key, 'label', p.label,
              'count', (select count(*)::int from ${matches} m where m.vacancy_id = v.id and m.phase_id = p.id and ${APPLICANT}))
            order by p.position), '[]'::json)
            from ${procedurePhases} p where p.procedure_id in (select m.procedure_id from ${matches} m
              where m.vacancy_id = v.id and ${APPLICANT})) as phases
        from mine join ${vacancies} v on v.id = mine.vacancy_id
        join ${organisations} o on o.id = v.organisation_id
        where ${hasApplicant(sql`v.id`)}
        order by v.closes_on nulls last, v.display_title`,
    );
  },

  /** The positions in `entries` of people who may not hold that place on the organisation's vacancies. */
  async misplaced(
    db: Db,
    scope: TenantScope,
    organisationId: string,
    entries: readonly { userId: string; place: TeamRole | "owner" }[],
  ): Promise<number[]> {
    if (entries.length === 0) return [];
    if (!reaches(scope, organisationId)) return entries.map((_, i) => i);
    const family = familyOf(sql`${organisationId}::uuid`);
    const rows = await db
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          inArray(memberships.userId, [...new Set(entries.map((e) => e.userId))]),
          sql`${memberships.organisationId} in ${family}`,
          sql`${users.deactivatedAt} is null`,
        ),
      );
    return entries.flatMap((e, i) =>
      rows.some((r) => r.userId === e.userId && TEAM_PLACE_ROLES[e.place].includes(r.role)) ? [] : [i],
    );
  },
});
