import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import type { EmployerListQuery } from "../../../contracts/employers";
import { type Db, queryRows, containsText as textMatches } from "../../platform/db";
import {
  invitations,
  memberships,
  organisations,
  portals,
  users,
  vacancies,
  vacancyHistory,
} from "../../platform/schema";
import { type PublicScope, reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";

export type EmployerRow = typeof organisations.$inferSelect;
export type EmployerInsert = typeof organisations.$inferInsert;
export type EmployerListRow = EmployerRow & {
  contactNames: string[];
  manager: { id: string; name: string; email: string } | null;
};
export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

export const EMPLOYER_PAGE_SIZE = 20;

/** The rows of a tenant scope: nothing for an empty one, everything for the platform. */
export function inScope(scope: TenantScope, column: AnyPgColumn = organisations.id): SQL | undefined {
  if (scope.kind === "platform") return undefined;
  if (scope.organisationIds.length === 0) return sql`false`;
  return inArray(column, [...scope.organisationIds]);
}

async function findEmployer(db: Db, scope: TenantScope, id: string): Promise<EmployerRow | null> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), inScope(scope)))
    .limit(1);
  return row ?? null;
}

/**
 * The employers with their departments and branches (up to each top organisation and down to
 * every department), of those employers that are in scope.
 */
async function familiesOf(db: Db, scope: TenantScope, ids: readonly string[]): Promise<string[]> {
  const anchors = ids.filter((id) => reaches(scope, id));
  if (anchors.length === 0) return [];
  const list = sql.join(
    anchors.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive up(id, parent_id) as (
      select id, parent_id from organisations where id in (${list})
      union
      select o.id, o.parent_id from organisations o join up on o.id = up.parent_id
    ), down(id) as (
      select id from up where parent_id is null
      union
      select o.id from organisations o join down on o.parent_id = down.id
    )
    select id from down union select id from up`,
  );
  return rows.map((r) => r.id);
}

/** The employer's account manager and the team that keeps it, by name. */
async function refsOf(
  db: Db,
  scope: TenantScope,
  id: string,
): Promise<{ accountManager: PersonRef | null; managedBy: { id: string; name: string } | null }> {
  const team = alias(organisations, "team");
  const [row] = await db
    .select({
      accountManager: { id: users.id, name: users.name, email: users.email },
      managedBy: { id: team.id, name: team.name },
    })
    .from(organisations)
    .leftJoin(users, eq(users.id, organisations.accountManagerUserId))
    .leftJoin(team, eq(team.id, organisations.managedByOrganisationId))
    .where(and(eq(organisations.id, id), inScope(scope)));
  return { accountManager: row?.accountManager ?? null, managedBy: row?.managedBy ?? null };
}

async function listEmployers(
  db: Db,
  scope: TenantScope,
  query: EmployerListQuery,
  context: { userId: string },
): Promise<{ rows: EmployerListRow[]; total: number }> {
  // Written out with table names: Drizzle leaves columns unqualified in a one-table select,
  // which inside a correlated subquery would bind to the subquery's own table.
  const contactNames = sql<
    string[]
  >`coalesce((select array_agg(cp.name order by cp.user_id is null, cp.created_at, cp.name) from contact_persons cp where cp.organisation_id = "organisations"."id"), '{}')`;
  const managerName = sql<
    string | null
  >`(select u.name from users u where u.id = "organisations"."account_manager_user_id")`;
  const filters: (SQL | undefined)[] = [
    inScope(scope),
    // Top-level employers; departments and branches show on their employer's page.
    isNull(organisations.parentId),
    eq(organisations.kind, "employer"),
    query.archive === "archived" ? isNotNull(organisations.archivedAt) : isNull(organisations.archivedAt),
  ];
  if (query.accountManager === "mine") filters.push(eq(organisations.accountManagerUserId, context.userId));
  else if (query.accountManager === "none") filters.push(isNull(organisations.accountManagerUserId));
  else if (query.accountManager !== "all")
    filters.push(eq(organisations.accountManagerUserId, query.accountManager));
  if (query.q) {
    filters.push(
      or(
        textMatches(query.q, [sql`${organisations.name}`, sql`${organisations.city}`, managerName]),
        sql`exists (select 1 from contact_persons cp where cp.organisation_id = "organisations"."id" and ${textMatches(query.q, [sql`cp.name`])})`,
      ),
    );
  }
  const where = and(...filters);
  const sortColumn: Record<EmployerListQuery["sort"], SQL> = {
    name: sql`lower(${organisations.name})`,
    location: sql`lower(${organisations.city})`,
    contacts: sql`lower(${contactNames}[1])`,
    accountManager: sql`lower(${managerName})`,
  };
  const direction = query.order === "asc" ? sql`asc nulls last` : sql`desc nulls last`;
  const rows = await db
    .select({
      organisation: organisations,
      contactNames,
      manager: { id: users.id, name: users.name, email: users.email },
    })
    .from(organisations)
    .leftJoin(users, eq(users.id, organisations.accountManagerUserId))
    .where(where)
    .orderBy(
      sql`${sortColumn[query.sort]} ${direction}`,
      query.order === "asc" ? asc(organisations.id) : desc(organisations.id),
    )
    .limit(EMPLOYER_PAGE_SIZE)
    .offset((query.page - 1) * EMPLOYER_PAGE_SIZE);
  const [total] = await db.select({ n: count() }).from(organisations).where(where);
  return {
    rows: rows.map((r) => ({ ...r.organisation, contactNames: r.contactNames ?? [], manager: r.manager })),
    total: Number(total?.n ?? 0),
  };
}

/** The team's top organisation, which keeps the employers it adds; none for the platform. */
async function teamOrganisation(db: Db, scope: TenantScope): Promise<EmployerRow | null> {
  if (scope.kind === "platform" || scope.organisationIds.length === 0) return null;
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(inScope(scope), isNull(organisations.parentId)))
    .limit(1);
  return row ?? null;
}

/** Adds an employer kept by an organisation of the scope (the team); the platform keeps none. */
async function insertEmployer(db: Db, scope: TenantScope, row: EmployerInsert): Promise<EmployerRow> {
  if (
    scope.kind !== "platform" &&
    !(row.managedByOrganisationId && reaches(scope, row.managedByOrganisationId))
  ) {
    throw new Error("insertEmployer: an employer is kept by an organisation of the caller's team");
  }
  const [created] = await db.insert(organisations).values(row).returning();
  return created!;
}

async function updateEmployer(
  db: Db,
  scope: TenantScope,
  id: string,
  patch: Partial<EmployerInsert>,
): Promise<EmployerRow | null> {
  const [row] = await db
    .update(organisations)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(organisations.id, id), inScope(scope)))
    .returning();
  return row ?? null;
}

/** The employer's account manager, whom its vacancies (not archived) follow. */
async function assignAccountManager(
  db: Db,
  scope: TenantScope,
  id: string,
  family: readonly string[],
  userId: string | null,
): Promise<{ employer: EmployerRow | null; vacancyIds: string[] }> {
  const employer = await updateEmployer(db, scope, id, { accountManagerUserId: userId });
  if (family.length === 0) return { employer, vacancyIds: [] };
  const moved = await db
    .update(vacancies)
    .set({ accountManagerUserId: userId, updatedAt: new Date() })
    .where(
      and(
        inArray(vacancies.organisationId, [...family]),
        inScope(scope, vacancies.organisationId),
        ne(vacancies.status, "archived"),
      ),
    )
    .returning({ id: vacancies.id });
  return { employer, vacancyIds: moved.map((v) => v.id) };
}

/** Archives the family and its vacancies, each vacancy with its history row. */
async function archiveFamily(
  db: Db,
  scope: TenantScope,
  id: string,
  family: readonly string[],
  actorUserId: string,
): Promise<{ employer: EmployerRow | null; vacancyIds: string[] }> {
  if (family.length === 0) return { employer: null, vacancyIds: [] };
  const archived = await db
    .update(vacancies)
    .set({ status: "archived", updatedAt: new Date() })
    .where(
      and(
        inArray(vacancies.organisationId, [...family]),
        inScope(scope, vacancies.organisationId),
        ne(vacancies.status, "archived"),
      ),
    )
    .returning({ id: vacancies.id, organisationId: vacancies.organisationId });
  if (archived.length > 0) {
    await db.insert(vacancyHistory).values(
      archived.map((v) => ({
        vacancyId: v.id,
        organisationId: v.organisationId,
        userId: actorUserId,
        action: "archived",
        changes: {},
        comment: "Werkgever gearchiveerd",
      })),
    );
  }
  await db
    .update(organisations)
    .set({ archivedAt: new Date(), updatedAt: new Date() })
    .where(and(inArray(organisations.id, [...family]), inScope(scope)));
  return { employer: await findEmployer(db, scope, id), vacancyIds: archived.map((v) => v.id) };
}

async function restoreFamily(
  db: Db,
  scope: TenantScope,
  id: string,
  family: readonly string[],
): Promise<EmployerRow | null> {
  if (family.length === 0) return null;
  await db
    .update(organisations)
    .set({ archivedAt: null, updatedAt: new Date() })
    .where(and(inArray(organisations.id, [...family]), inScope(scope)));
  return findEmployer(db, scope, id);
}

/**
 * Removes the employer for good: its vacancies (and the applications on them), invitations and
 * memberships; organisations it kept are kept by nobody. Children before their parent.
 */
async function deleteFamily(
  db: Db,
  scope: TenantScope,
  id: string,
  family: readonly string[],
): Promise<{ vacancyIds: string[] }> {
  const ids = family.filter((f) => reaches(scope, f));
  if (!ids.includes(id)) return { vacancyIds: [] };
  const removed = await db
    .delete(vacancies)
    .where(inArray(vacancies.organisationId, ids))
    .returning({ id: vacancies.id });
  await db.delete(invitations).where(inArray(invitations.organisationId, ids));
  await db.delete(memberships).where(inArray(memberships.organisationId, ids));
  await db
    .update(organisations)
    .set({ managedByOrganisationId: null })
    .where(inArray(organisations.managedByOrganisationId, ids));
  const children = ids.filter((f) => f !== id);
  if (children.length) await db.delete(organisations).where(inArray(organisations.id, children));
  await db.delete(organisations).where(eq(organisations.id, id));
  return { vacancyIds: removed.map((v) => v.id) };
}

/** The employers of the CRM, bound to what the caller sees (reads) or keeps (changes). */
export const employersRepository = repository<TenantScope>()({
  find: findEmployer,
  families: familiesOf,
  refs: refsOf,
  list: listEmployers,
  teamOrganisation,
  insert: insertEmployer,
  update: updateEmployer,
  assignAccountManager,
  archive: archiveFamily,
  restore: restoreFamily,
  delete: deleteFamily,
});

/**
 * What anyone on the platform may know: a KvK number is registered once on the whole platform,
 * and the registration's name and link are shown to whoever tries again (decision 0010), as the
 * KvK register itself is public. The national portal is where employers without a team live.
 */
export const registrationsRepository = repository<PublicScope>()({
  async byKvk(
    db: Db,
    _scope: PublicScope,
    kvkNumbers: readonly string[],
  ): Promise<Pick<EmployerRow, "id" | "name" | "kvkNumber">[]> {
    if (kvkNumbers.length === 0) return [];
    return db
      .select({ id: organisations.id, name: organisations.name, kvkNumber: organisations.kvkNumber })
      .from(organisations)
      .where(and(inArray(organisations.kvkNumber, [...kvkNumbers]), isNull(organisations.parentId)));
  },
  async nationalPortalId(db: Db, _scope: PublicScope): Promise<string | null> {
    const [row] = await db.select({ id: portals.id }).from(portals).where(isNull(portals.parentId)).limit(1);
    return row?.id ?? null;
  },
});
