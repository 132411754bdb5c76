import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { inTenant } from "../../platform/db";
import { candidates, organisations, portals, users, vacancies } from "../../platform/schema";
import { organisationsOf, type PortalScope, reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { visibleOnPortal } from "../candidates";
import { mailPortalColumns } from "../tenancy";
import { talentPoolMembers, talentPools } from "./talent-pools.schema";

export type TalentPoolRow = typeof talentPools.$inferSelect;
export type TalentPoolMemberRow = typeof talentPoolMembers.$inferSelect;

/** The ids in the scope, for clauses that need a list (the platform reaches every pool anyway). */
function scopeIds(scope: TenantScope): readonly string[] | "all" {
  return organisationsOf(scope);
}

// Drizzle leaves columns unqualified in a one-table select: correlated subqueries name the table.
const teamOrg = sql<string>`(select o.name from ${organisations} o where o.id = "talent_pools"."organisation_id")`;
const employerName = sql<
  string | null
>`(select o.name from ${organisations} o where o.id = "talent_pools"."employer_id")`;

/** Candidates of the pool visible through the portal: hidden profiles are left out, as everywhere. */
function visibleMemberCount(portal: PortalScope | null): SQL<number> {
  if (!portal) return sql<number>`0`;
  return sql<number>`(select count(*)::int from ${talentPoolMembers} m join ${candidates} c on c.id = m.candidate_id
    where m.pool_id = "talent_pools"."id" and ${visibleOnPortal(portal, sql`c`)})`;
}

function hasCandidate(candidateId: string | undefined): SQL<boolean | null> {
  if (!candidateId) return sql<null>`null`;
  return sql<boolean>`exists (select 1 from ${talentPoolMembers} m where m.pool_id = "talent_pools"."id" and m.candidate_id = ${candidateId})`;
}

const poolColumns = (portal: PortalScope | null, candidateId?: string) => ({
  pool: talentPools,
  organisationName: teamOrg,
  employerName,
  memberCount: visibleMemberCount(portal),
  hasCandidate: hasCandidate(candidateId),
});

export type PoolListRow = {
  pool: TalentPoolRow;
  organisationName: string;
  employerName: string | null;
  memberCount: number;
  hasCandidate: boolean | null;
};

/**
 * The team's side: pools kept by the organisations of the scope (the caller's team, as account
 * manager or organisation administrator), and the clients the team keeps.
 */
export const teamPoolsRepository = repository<TenantScope>()({
  /** The team's organisations that keep clients (not employers themselves), by id. */
  async teamOrganisations(db, scope, ids: readonly string[]) {
    const allowed = ids.filter((id) => reaches(scope, id));
    if (allowed.length === 0) return [];
    return db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(inArray(organisations.id, allowed), sql`${organisations.kind} <> 'employer'`));
  },

  /** Makes the team's general pool on first use; two requests at once make one. */
  async ensureGeneral(
    db,
    scope,
    organisation: { id: string; name: string },
    userId: string,
  ): Promise<TalentPoolRow | null> {
    if (!reaches(scope, organisation.id)) throw new Error("talent pools: ensureGeneral outside the scope");
    const [created] = await db
      .insert(talentPools)
      .values({
        organisationId: organisation.id,
        employerId: null,
        name: organisation.name,
        createdByUserId: userId,
      })
      .onConflictDoNothing()
      .returning();
    return created ?? null;
  },

  async list(db, scope, portal: PortalScope | null, candidateId?: string): Promise<PoolListRow[]> {
    return db
      .select(poolColumns(portal, candidateId))
      .from(talentPools)
      .where(inTenant(scope, talentPools.organisationId))
      .orderBy(sql`${talentPools.employerId} is not null`, asc(employerName), asc(talentPools.createdAt));
  },

  async find(db, scope, id: string, portal: PortalScope | null): Promise<PoolListRow | null> {
    const [row] = await db
      .select(poolColumns(portal))
      .from(talentPools)
      .where(and(eq(talentPools.id, id), inTenant(scope, talentPools.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** A client (employer) in the scope with the organisation that manages it. */
  async findEmployer(db, scope, employerId: string) {
    const [row] = await db
      .select({
        id: organisations.id,
        name: organisations.name,
        parentId: organisations.parentId,
        managedByOrganisationId: organisations.managedByOrganisationId,
      })
      .from(organisations)
      .where(
        and(
          eq(organisations.id, employerId),
          eq(organisations.kind, "employer"),
          inTenant(scope, organisations.id),
        ),
      )
      .limit(1);
    return row ?? null;
  },

  /** A client pool; null when the client already has one (the caller reads that one). */
  async createClientPool(
    db,
    scope,
    row: { organisationId: string; employerId: string; name: string; createdByUserId: string },
  ): Promise<TalentPoolRow | null> {
    if (!reaches(scope, row.organisationId) || !reaches(scope, row.employerId))
      throw new Error("talent pools: createClientPool outside the scope");
    const [created] = await db.insert(talentPools).values(row).onConflictDoNothing().returning();
    return created ?? null;
  },

  async poolOfClient(db, scope, employerId: string): Promise<TalentPoolRow | null> {
    const [row] = await db
      .select()
      .from(talentPools)
      .where(and(eq(talentPools.employerId, employerId), inTenant(scope, talentPools.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** Adds a candidate; null when they are already in the pool. */
  async addMember(
    db,
    scope,
    row: { pool: TalentPoolRow; candidateId: string; addedByUserId: string; note: string },
  ): Promise<TalentPoolMemberRow | null> {
    if (!reaches(scope, row.pool.organisationId))
      throw new Error("talent pools: addMember outside the scope");
    const [created] = await db
      .insert(talentPoolMembers)
      .values({
        poolId: row.pool.id,
        organisationId: row.pool.organisationId,
        candidateId: row.candidateId,
        addedByUserId: row.addedByUserId,
        note: row.note,
      })
      .onConflictDoNothing()
      .returning();
    return created ?? null;
  },

  async removeMember(db, scope, poolId: string, candidateId: string): Promise<TalentPoolMemberRow | null> {
    const [row] = await db
      .delete(talentPoolMembers)
      .where(
        and(
          eq(talentPoolMembers.poolId, poolId),
          eq(talentPoolMembers.candidateId, candidateId),
          inTenant(scope, talentPoolMembers.organisationId),
        ),
      )
      .returning();
    return row ?? null;
  },
});

/** WHERE over talent_pools: open to a contact of one of the scope's employers. */
function openToContactsOf(scope: TenantScope): SQL | undefined {
  const ids = scopeIds(scope);
  if (ids === "all") return undefined;
  if (ids.length === 0) return sql`false`;
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return or(
    inArray(talentPools.employerId, [...ids]),
    and(
      isNull(talentPools.employerId),
      sql`"talent_pools"."organisation_id" in (select o.managed_by_organisation_id from ${organisations} o
        where o.id in (${list}) and o.kind = 'employer')`,
    ),
  );
}

/**
 * The contact person's side (Carerix): the pools open to the employers of the scope (the
 * caller's, as employer contact): the general pool of the team that manages their employer and
 * their employer's own pool. Their own vacancies to match to.
 */
export const contactPoolsRepository = repository<TenantScope>()({
  async list(db, scope, portal: PortalScope | null): Promise<PoolListRow[]> {
    return db
      .select(poolColumns(portal))
      .from(talentPools)
      .where(openToContactsOf(scope))
      .orderBy(sql`${talentPools.employerId} is not null`, asc(talentPools.createdAt));
  },

  async find(db, scope, id: string, portal: PortalScope | null): Promise<PoolListRow | null> {
    const [row] = await db
      .select(poolColumns(portal))
      .from(talentPools)
      .where(and(eq(talentPools.id, id), openToContactsOf(scope)))
      .limit(1);
    return row ?? null;
  },

  /** The vacancies of the scope's employers still open for candidates (newest first). */
  async openVacancies(db, scope) {
    return db
      .select({
        id: vacancies.id,
        organisationId: vacancies.organisationId,
        status: vacancies.status,
        contactUserId: vacancies.contactUserId,
        requestedByUserId: vacancies.requestedByUserId,
        createdByUserId: vacancies.createdByUserId,
        displayTitle: vacancies.displayTitle,
      })
      .from(vacancies)
      .where(
        and(
          inTenant(scope, vacancies.organisationId),
          inArray(vacancies.status, ["draft", "published", "withdrawn"]),
        ),
      )
      .orderBy(desc(vacancies.createdAt))
      .limit(200);
  },
});

/**
 * The candidates of one pool whom the portal shows (decision 0011: hiding takes effect at once),
 * with who added them and when. The caller has checked the pool is theirs to open.
 */
export const poolMembersRepository = repository<PortalScope>()({
  async members(db, scope, poolId: string) {
    return db
      .select({
        member: talentPoolMembers,
        candidate: {
          id: candidates.id,
          firstName: candidates.firstName,
          lastName: candidates.lastName,
          headline: candidates.headline,
          city: candidates.city,
          workLevel: candidates.workLevel,
          workTypes: candidates.workTypes,
          hoursMin: candidates.hoursMin,
          hoursMax: candidates.hoursMax,
        },
        addedByName: users.name,
      })
      .from(talentPoolMembers)
      .innerJoin(candidates, eq(candidates.id, talentPoolMembers.candidateId))
      .leftJoin(users, eq(users.id, talentPoolMembers.addedByUserId))
      .where(and(eq(talentPoolMembers.poolId, poolId), visibleOnPortal(scope)))
      .orderBy(desc(talentPoolMembers.addedAt), asc(candidates.lastName));
  },

  /** The candidate's place in the pool, if they are in it and the portal shows them. */
  async member(db, scope, poolId: string, candidateId: string): Promise<TalentPoolMemberRow | null> {
    const [row] = await db
      .select({ member: talentPoolMembers })
      .from(talentPoolMembers)
      .innerJoin(candidates, eq(candidates.id, talentPoolMembers.candidateId))
      .where(
        and(
          eq(talentPoolMembers.poolId, poolId),
          eq(talentPoolMembers.candidateId, candidateId),
          visibleOnPortal(scope),
        ),
      )
      .limit(1);
    return row?.member ?? null;
  },
});

/** What the matched-mail subscriber needs, read with the events' scope when it runs. */
export const poolMailRepository = repository<TenantScope>()({
  async matchedFacts(
    db,
    scope,
    input: { vacancyId: string; candidateId: string; actorUserId: string | null },
  ) {
    const [row] = await db
      .select({
        vacancyTitle: vacancies.displayTitle,
        vacancyPortalId: vacancies.portalId,
        organisationId: vacancies.organisationId,
        organisationName: organisations.name,
        accountManagerUserId: organisations.accountManagerUserId,
        parentAccountManagerUserId: sql<
          string | null
        >`(select p.account_manager_user_id from ${organisations} p where p.id = ${organisations.parentId})`,
        candidateName: sql<string>`(select trim(c.first_name || ' ' || c.last_name) from ${candidates} c where c.id = ${input.candidateId})`,
        contactName: sql<
          string | null
        >`(select u.name from ${users} u where u.id = ${input.actorUserId ?? null})`,
      })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .where(and(eq(vacancies.id, input.vacancyId), inTenant(scope, vacancies.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** The recipient with the portal the link goes to. */
  async recipient(db, _scope, userId: string, portalId: string) {
    const [row] = await db
      .select({
        email: users.email,
        name: users.name,
        locale: users.locale,
        deactivatedAt: users.deactivatedAt,
        ...mailPortalColumns,
      })
      .from(users)
      .innerJoin(portals, eq(portals.id, portalId))
      .where(eq(users.id, userId))
      .limit(1);
    return row ?? null;
  },
});
