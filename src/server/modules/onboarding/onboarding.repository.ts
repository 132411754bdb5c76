import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { MaterialAvailability } from "../../../contracts/onboarding";
import type { Role } from "../../../contracts/tenancy";
import { type Db, inTenant, queryRows } from "../../platform/db";
import {
  candidates,
  hires,
  learningMaterials,
  matches,
  materialAssignments,
  memberships,
  onboardingActions,
  organisationEmailDomains,
  organisations,
  portals,
  procedureClosedOf,
  procedurePhases,
  users,
  vacancies,
  vacancyOnboarding,
  vacancyTeam,
} from "../../platform/schema";
import { reaches, type SelfScope, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";

export type HireRow = typeof hires.$inferSelect;
export type MaterialRow = typeof learningMaterials.$inferSelect;
export type ActionRow = typeof onboardingActions.$inferSelect;

/** Staff roles of an organisation's own people (a mentor is one of them). */
export const STAFF_ROLES: readonly Role[] = [
  "org_admin",
  "hr_officer",
  "selection_officer",
  "jury_member",
  "line_manager",
  "account_manager",
];

/** The top organisation of an organisation's family (material and e-mail domains live there). */
function topOf(organisationId: SQL | string): SQL<string> {
  return sql<string>`(with recursive up(id, parent_id) as (
      select o.id, o.parent_id from ${organisations} o where o.id = ${organisationId}::uuid
      union
      select o.id, o.parent_id from ${organisations} o join up on o.id = up.parent_id
    ) select id from up where parent_id is null limit 1)`;
}

/** Every organisation of the family under a top organisation. */
function familyUnder(topId: string): SQL {
  return sql`(with recursive down(id) as (
      select o.id from ${organisations} o where o.id = ${topId}::uuid
      union
      select o.id from ${organisations} o join down on o.parent_id = down.id
    ) select id from down)`;
}

const roleList = (roles: readonly Role[]) =>
  sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  );

export interface PersonRow {
  id: string;
  name: string;
  email: string | null;
}

const person = (id: SQL | string) =>
  sql<PersonRow | null>`(select json_build_object('id', pu.id, 'name', pu.name, 'email', pu.email)
    from ${users} pu where pu.id = ${id})`;

const hireColumns = {
  hire: hires,
  vacancyTitle: vacancies.displayTitle,
  leader: person(sql`${hires.leaderUserId}`),
  mentor: person(sql`${hires.mentorUserId}`),
  onboarding: sql<boolean>`coalesce((select vo.enabled from ${vacancyOnboarding} vo
    where vo.vacancy_id = ${hires.vacancyId}), false)`,
};
export type HireView = {
  hire: HireRow;
  vacancyTitle: string;
  leader: PersonRow | null;
  mentor: PersonRow | null;
  onboarding: boolean;
};

/**
 * Hires, their onboarding actions and learning material, bound to the caller's tenant scope:
 * every read filters on the rows' organisation, every write checks the scope reaches it.
 */
export const onboardingRepository = repository<TenantScope>()({
  /** Whether the vacancy's selection was completed or cancelled; null for a vacancy out of scope. */
  async procedureClosed(db, scope, vacancyId: string): Promise<boolean | null> {
    const [row] = await db
      .select({ closed: procedureClosedOf(vacancies.id) })
      .from(vacancies)
      .where(and(eq(vacancies.id, vacancyId), inTenant(scope, vacancies.organisationId)))
      .limit(1);
    return row ? row.closed : null;
  },

  /** The vacancy as the starter form and the hiring screen need it. */
  async vacancy(db, scope, vacancyId: string) {
    const [row] = await db
      .select({
        id: vacancies.id,
        title: vacancies.displayTitle,
        functionTitle: vacancies.title,
        status: vacancies.status,
        procedureClosed: procedureClosedOf(vacancies.id),
        organisationId: vacancies.organisationId,
        organisationName: organisations.name,
        department: sql<string | null>`(select d.name from ${organisations} d
          where d.id = ${vacancies.departmentId})`,
        salaryScaleMin: vacancies.salaryScaleMin,
        salaryScaleMax: vacancies.salaryScaleMax,
        topOrganisationId: topOf(sql`${vacancies.organisationId}`),
      })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(and(eq(vacancies.id, vacancyId), inTenant(scope, vacancies.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** The vacancy's applicants still in the running (an active phase), by name: who may be hired. */
  async openApplicants(db, scope, vacancyId: string) {
    return db
      .select({
        matchId: matches.id,
        name: sql<string>`trim(${candidates.firstName} || ' ' || ${candidates.lastName})`,
        phaseLabel: procedurePhases.label,
      })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(
        and(
          eq(matches.vacancyId, vacancyId),
          ne(matches.source, "saved"),
          eq(procedurePhases.meaning, "active"),
          inTenant(scope, matches.organisationId),
        ),
      )
      .orderBy(asc(candidates.firstName), asc(candidates.lastName));
  },

  /** The vacancy's leader ("leidinggevende") on its team: the first by name. */
  async leaderOf(db, scope, vacancyId: string): Promise<PersonRow | null> {
    const [row] = await db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(vacancyTeam)
      .innerJoin(users, eq(users.id, vacancyTeam.userId))
      .where(
        and(
          eq(vacancyTeam.vacancyId, vacancyId),
          eq(vacancyTeam.role, "leader"),
          inTenant(scope, vacancyTeam.organisationId),
        ),
      )
      .orderBy(asc(users.name))
      .limit(1);
    return row ?? null;
  },

  /** Active staff of the organisation's whole family, by name (the mentors to choose from). */
  async staffOfFamily(db, scope, organisationId: string): Promise<PersonRow[]> {
    if (!reaches(scope, organisationId)) return [];
    return queryRows<PersonRow>(
      db,
      sql`select distinct u.id, u.name, u.email from ${memberships} m join ${users} u on u.id = m.user_id
        where m.organisation_id in ${familyUnder(await topId(db, organisationId))}
          and m.role in (${roleList(STAFF_ROLES)}) and u.deactivated_at is null
        order by u.name, u.id`,
    );
  },

  async onboardingEnabled(db, scope, vacancyId: string): Promise<boolean> {
    const [row] = await db
      .select({ enabled: vacancyOnboarding.enabled })
      .from(vacancyOnboarding)
      .where(
        and(eq(vacancyOnboarding.vacancyId, vacancyId), inTenant(scope, vacancyOnboarding.organisationId)),
      );
    return row?.enabled ?? false;
  },

  async setOnboarding(
    db,
    scope,
    vacancy: { id: string; organisationId: string },
    enabled: boolean,
    userId: string,
  ) {
    if (!reaches(scope, vacancy.organisationId)) throw new Error("vacancy outside the caller's scope");
    await db
      .insert(vacancyOnboarding)
      .values({ vacancyId: vacancy.id, organisationId: vacancy.organisationId, enabled, setByUserId: userId })
      .onConflictDoUpdate({
        target: vacancyOnboarding.vacancyId,
        set: { enabled, setByUserId: userId, updatedAt: sql`now()` },
      });
  },

  async insertHire(db, scope, row: typeof hires.$inferInsert): Promise<HireRow> {
    if (!reaches(scope, row.organisationId)) throw new Error("hire outside the caller's scope");
    const [created] = await db.insert(hires).values(row).returning();
    return created!;
  },

  /** Undoing the step into "hired" takes the hire with its actions and material away. */
  async deleteHireOfMatch(db, scope, matchId: string) {
    await db.delete(hires).where(and(eq(hires.matchId, matchId), inTenant(scope, hires.organisationId)));
  },

  async hireOfMatch(db, scope, matchId: string): Promise<HireView | null> {
    const [row] = await db
      .select(hireColumns)
      .from(hires)
      .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
      .where(and(eq(hires.matchId, matchId), inTenant(scope, hires.organisationId)));
    return row ?? null;
  },

  async hire(db, scope, hireId: string): Promise<HireView | null> {
    const [row] = await db
      .select(hireColumns)
      .from(hires)
      .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
      .where(and(eq(hires.id, hireId), inTenant(scope, hires.organisationId)));
    return row ?? null;
  },

  async hiresOfVacancy(db, scope, vacancyId: string): Promise<HireView[]> {
    return db
      .select(hireColumns)
      .from(hires)
      .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
      .where(and(eq(hires.vacancyId, vacancyId), inTenant(scope, hires.organisationId)))
      .orderBy(asc(hires.createdAt));
  },

  /** Hires this person leads (to assign material by hand), newest first. */
  async hiresLedBy(db, scope, userId: string): Promise<HireView[]> {
    return db
      .select(hireColumns)
      .from(hires)
      .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
      .where(and(eq(hires.leaderUserId, userId), inTenant(scope, hires.organisationId)))
      .orderBy(desc(hires.createdAt));
  },

  async updateHire(
    db,
    scope,
    hireId: string,
    change: { startDate?: string | null; mentorUserId?: string | null },
  ) {
    await db
      .update(hires)
      .set({ ...change, updatedAt: sql`now()` })
      .where(and(eq(hires.id, hireId), inTenant(scope, hires.organisationId)));
  },

  async actionsOf(db, scope, hireIds: readonly string[]) {
    if (hireIds.length === 0) return [];
    return db
      .select({ action: onboardingActions, assignee: person(sql`${onboardingActions.assigneeUserId}`) })
      .from(onboardingActions)
      .where(
        and(
          inArray(onboardingActions.hireId, [...hireIds]),
          inTenant(scope, onboardingActions.organisationId),
        ),
      )
      .orderBy(asc(onboardingActions.role));
  },

  /**
   * The hire's action for a role goes to this person: kept when it is theirs already, handed
   * over (open again) when someone else had it, removed when nobody holds the role. The id of
   * a newly made action, else null.
   */
  async setAction(
    db,
    scope,
    hire: { id: string; organisationId: string },
    role: "leader" | "mentor",
    assigneeUserId: string | null,
  ): Promise<string | null> {
    if (!reaches(scope, hire.organisationId)) throw new Error("hire outside the caller's scope");
    const mine = and(eq(onboardingActions.hireId, hire.id), eq(onboardingActions.role, role));
    if (assigneeUserId === null) {
      await db.delete(onboardingActions).where(mine);
      return null;
    }
    await db.delete(onboardingActions).where(and(mine, ne(onboardingActions.assigneeUserId, assigneeUserId)));
    const created = await db
      .insert(onboardingActions)
      .values({ organisationId: hire.organisationId, hireId: hire.id, role, assigneeUserId })
      .onConflictDoNothing()
      .returning({ id: onboardingActions.id });
    return created[0]?.id ?? null;
  },

  /** The person's own actions, open first, with the hire they are about. */
  async actionsOfAssignee(db, scope, userId: string) {
    return db
      .select({
        action: onboardingActions,
        assignee: person(sql`${onboardingActions.assigneeUserId}`),
        hire: { id: hires.id, name: hires.name, startDate: hires.startDate },
        vacancyTitle: vacancies.displayTitle,
      })
      .from(onboardingActions)
      .innerJoin(hires, eq(hires.id, onboardingActions.hireId))
      .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
      .where(
        and(eq(onboardingActions.assigneeUserId, userId), inTenant(scope, onboardingActions.organisationId)),
      )
      .orderBy(
        sql`${onboardingActions.doneAt} is not null`,
        asc(hires.startDate),
        asc(onboardingActions.createdAt),
      );
  },

  /** Marks the person's own open action done; null when it is not theirs or done already. */
  async markDone(db, scope, actionId: string, userId: string): Promise<ActionRow | null> {
    const [row] = await db
      .update(onboardingActions)
      .set({ doneAt: sql`now()` })
      .where(
        and(
          eq(onboardingActions.id, actionId),
          eq(onboardingActions.assigneeUserId, userId),
          isNull(onboardingActions.doneAt),
          inTenant(scope, onboardingActions.organisationId),
        ),
      )
      .returning();
    return row ?? null;
  },

  async action(db, scope, actionId: string): Promise<ActionRow | null> {
    const [row] = await db
      .select()
      .from(onboardingActions)
      .where(and(eq(onboardingActions.id, actionId), inTenant(scope, onboardingActions.organisationId)));
    return row ?? null;
  },

  /** The top organisation of an organisation's family, when the scope reaches both. */
  async topOrganisation(db, scope, organisationId: string): Promise<string | null> {
    if (!reaches(scope, organisationId)) return null;
    const id = await topId(db, organisationId);
    return id && reaches(scope, id) ? id : null;
  },

  /** Top organisations among these, with their own e-mail domains, by name. */
  async organisationsWithDomains(db, scope, ids: readonly string[] | "all") {
    if (ids !== "all" && ids.length === 0) return [];
    return db
      .select({
        id: organisations.id,
        name: organisations.name,
        emailDomains: sql<string[]>`coalesce(${organisationEmailDomains.domains}, '{}'::text[])`,
      })
      .from(organisations)
      .leftJoin(organisationEmailDomains, eq(organisationEmailDomains.organisationId, organisations.id))
      .where(
        and(
          isNull(organisations.parentId),
          ids === "all" ? undefined : inArray(organisations.id, [...ids]),
          inTenant(scope, organisations.id),
        ),
      )
      .orderBy(asc(organisations.name));
  },

  async emailDomainsOf(db, scope, topOrganisationId: string): Promise<string[]> {
    const [row] = await db
      .select({ domains: organisationEmailDomains.domains })
      .from(organisationEmailDomains)
      .where(
        and(
          eq(organisationEmailDomains.organisationId, topOrganisationId),
          inTenant(scope, organisationEmailDomains.organisationId),
        ),
      );
    return row?.domains ?? [];
  },

  async setEmailDomains(db, scope, topOrganisationId: string, domains: readonly string[], userId: string) {
    if (!reaches(scope, topOrganisationId)) throw new Error("organisation outside the caller's scope");
    await db
      .insert(organisationEmailDomains)
      .values({ organisationId: topOrganisationId, domains: [...domains], updatedByUserId: userId })
      .onConflictDoUpdate({
        target: organisationEmailDomains.organisationId,
        set: { domains: [...domains], updatedByUserId: userId, updatedAt: sql`now()` },
      });
  },

  async materials(db, scope, organisationIds: readonly string[] | "all"): Promise<MaterialRow[]> {
    if (organisationIds !== "all" && organisationIds.length === 0) return [];
    return db
      .select()
      .from(learningMaterials)
      .where(
        and(
          organisationIds === "all"
            ? undefined
            : inArray(learningMaterials.organisationId, [...organisationIds]),
          inTenant(scope, learningMaterials.organisationId),
        ),
      )
      .orderBy(asc(learningMaterials.title), asc(learningMaterials.id));
  },

  async material(db, scope, materialId: string): Promise<MaterialRow | null> {
    const [row] = await db
      .select()
      .from(learningMaterials)
      .where(and(eq(learningMaterials.id, materialId), inTenant(scope, learningMaterials.organisationId)));
    return row ?? null;
  },

  async insertMaterial(db, scope, row: typeof learningMaterials.$inferInsert): Promise<MaterialRow> {
    if (!reaches(scope, row.organisationId)) throw new Error("material outside the caller's scope");
    const [created] = await db.insert(learningMaterials).values(row).returning();
    return created!;
  },

  async updateMaterial(
    db,
    scope,
    materialId: string,
    change: Partial<{
      title: string;
      description: string;
      url: string;
      availability: MaterialAvailability;
      active: boolean;
    }>,
  ): Promise<MaterialRow | null> {
    const [row] = await db
      .update(learningMaterials)
      .set({ ...change, updatedAt: sql`now()` })
      .where(and(eq(learningMaterials.id, materialId), inTenant(scope, learningMaterials.organisationId)))
      .returning();
    return row ?? null;
  },

  /** Gives the hire these materials (those it has already stay as they are); the new ones. */
  async assign(
    db,
    scope,
    hire: { id: string; organisationId: string },
    materialIds: readonly string[],
    byUserId: string | null,
  ): Promise<string[]> {
    if (!reaches(scope, hire.organisationId)) throw new Error("hire outside the caller's scope");
    if (materialIds.length === 0) return [];
    const rows = await db
      .insert(materialAssignments)
      .values(
        materialIds.map((materialId) => ({
          organisationId: hire.organisationId,
          hireId: hire.id,
          materialId,
          assignedByUserId: byUserId,
        })),
      )
      .onConflictDoNothing()
      .returning({ materialId: materialAssignments.materialId });
    return rows.map((r) => r.materialId);
  },

  async assignmentsOf(db, scope, hireIds: readonly string[]) {
    if (hireIds.length === 0) return [];
    return db
      .select({
        assignment: materialAssignments,
        title: learningMaterials.title,
        availability: learningMaterials.availability,
        by: person(sql`${materialAssignments.assignedByUserId}`),
      })
      .from(materialAssignments)
      .innerJoin(learningMaterials, eq(learningMaterials.id, materialAssignments.materialId))
      .where(
        and(
          inArray(materialAssignments.hireId, [...hireIds]),
          inTenant(scope, materialAssignments.organisationId),
        ),
      )
      .orderBy(asc(learningMaterials.title));
  },

  /** For the mail to an action's assignee: who, in which language, about whom. */
  async actionRecipient(db, scope, actionId: string) {
    const [row] = await db
      .select({
        action: onboardingActions,
        name: users.name,
        email: users.email,
        locale: users.locale,
        deactivatedAt: users.deactivatedAt,
        hireName: hires.name,
        startDate: hires.startDate,
        vacancyTitle: vacancies.displayTitle,
        portalSlug: portals.slug,
        portalParentId: portals.parentId,
        portalNameNl: portals.nameNl,
        portalNameEn: portals.nameEn,
      })
      .from(onboardingActions)
      .innerJoin(users, eq(users.id, onboardingActions.assigneeUserId))
      .innerJoin(hires, eq(hires.id, onboardingActions.hireId))
      .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
      .innerJoin(portals, eq(portals.id, vacancies.portalId))
      .where(and(eq(onboardingActions.id, actionId), inTenant(scope, onboardingActions.organisationId)));
    return row ?? null;
  },

  /** For the mail to the new employee: where to write and in which language. */
  async recipientOf(db, scope, hireId: string) {
    const [row] = await db
      .select({
        hire: hires,
        vacancyTitle: vacancies.displayTitle,
        organisationName: organisations.name,
        locale: users.locale,
        portalSlug: portals.slug,
        portalParentId: portals.parentId,
        portalNameNl: portals.nameNl,
        portalNameEn: portals.nameEn,
      })
      .from(hires)
      .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
      .innerJoin(portals, eq(portals.id, vacancies.portalId))
      .innerJoin(organisations, eq(organisations.id, hires.organisationId))
      .innerJoin(candidates, eq(candidates.id, hires.candidateId))
      .leftJoin(users, eq(users.id, candidates.userId))
      .where(and(eq(hires.id, hireId), inTenant(scope, hires.organisationId)));
    return row ?? null;
  },
});

async function topId(db: Db, organisationId: string): Promise<string> {
  const [row] = await queryRows<{ id: string | null }>(db, sql`select ${topOf(organisationId)} as id`);
  return row?.id ?? organisationId;
}

/** The new employee's own hires and material (the candidate's self scope). */
export const ownOnboardingRepository = repository<SelfScope>()({
  async hires(db, scope) {
    if (scope.candidateIds.length === 0) return [];
    return db
      .select({
        id: hires.id,
        vacancyTitle: vacancies.displayTitle,
        organisationName: organisations.name,
        startDate: hires.startDate,
      })
      .from(hires)
      .innerJoin(vacancies, eq(vacancies.id, hires.vacancyId))
      .innerJoin(organisations, eq(organisations.id, hires.organisationId))
      .where(inArray(hires.candidateId, [...scope.candidateIds]))
      .orderBy(desc(hires.createdAt));
  },

  async materials(db, scope, hireIds: readonly string[]) {
    if (hireIds.length === 0 || scope.candidateIds.length === 0) return [];
    return db
      .select({
        hireId: materialAssignments.hireId,
        material: learningMaterials,
      })
      .from(materialAssignments)
      .innerJoin(hires, eq(hires.id, materialAssignments.hireId))
      .innerJoin(learningMaterials, eq(learningMaterials.id, materialAssignments.materialId))
      .where(
        and(
          inArray(materialAssignments.hireId, [...hireIds]),
          inArray(hires.candidateId, [...scope.candidateIds]),
        ),
      )
      .orderBy(asc(learningMaterials.title));
  },
});
