import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { EmployerListQuery } from "../../../contracts/employers";
import { type Db, containsText as textMatches } from "../../platform/db";
import type { OrganisationScope } from "../../platform/tenancy";
import { invitations, sessions } from "../identity/identity.schema";
import { organisationFamilies } from "../tenancy/tenancy.repository";
import { memberships, organisations, portals, users } from "../tenancy/tenancy.schema";
import { vacancies, vacancyHistory } from "../vacancies/vacancies.schema";
import { contactPersons, lastVisits } from "./employers.schema";

export type EmployerRow = typeof organisations.$inferSelect;
export type ContactPersonRow = typeof contactPersons.$inferSelect;

/** Employers a caller may read or change; the platform administrator has every one. */
export type EmployerScope = OrganisationScope | { readonly all: true };

export const EMPLOYER_PAGE_SIZE = 20;

function inScope(scope: EmployerScope, column: AnyPgColumn = organisations.id): SQL | undefined {
  if ("all" in scope) return undefined;
  if (scope.organisationIds.length === 0) return sql`false`;
  return inArray(column, [...scope.organisationIds]);
}

/**
 * The employers (with their departments and branches) a team keeps in its CRM: managed by an
 * organisation of the team, or looked after by one of the team's account managers. With
 * `sharedPortals`, also every employer at home on those portals (the portal's rule, read only).
 */
export async function employersOfTeam(
  db: Db,
  teamOrganisationIds: readonly string[],
  options: { includeShared: boolean } = { includeShared: false },
): Promise<string[]> {
  if (teamOrganisationIds.length === 0) return [];
  const team = [...teamOrganisationIds];
  const teamUsers = db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(
      and(
        inArray(memberships.organisationId, team),
        inArray(memberships.role, ["account_manager", "org_admin"]),
      ),
    );
  const clauses: SQL[] = [
    inArray(organisations.managedByOrganisationId, team),
    inArray(organisations.accountManagerUserId, teamUsers),
  ];
  if (options.includeShared) {
    const shared = db
      .select({ id: portals.id })
      .from(portals)
      .innerJoin(organisations, eq(organisations.homePortalId, portals.id))
      .where(and(eq(portals.shareEmployers, true), inArray(organisations.id, team)));
    clauses.push(and(eq(organisations.kind, "employer"), inArray(organisations.homePortalId, shared))!);
  }
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(or(...clauses));
  return organisationFamilies(
    db,
    rows.map((r) => r.id),
  ).then((ids) => ids.filter((id) => !team.includes(id)));
}

/** The organisations a user works for as account manager or org admin, with their families. */
export async function teamOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, ["account_manager", "org_admin"])));
  return organisationFamilies(
    db,
    rows.flatMap((r) => (r.id ? [r.id] : [])),
  );
}

export async function findEmployer(db: Db, scope: EmployerScope, id: string): Promise<EmployerRow | null> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, id), inScope(scope)))
    .limit(1);
  return row ?? null;
}

export async function findByKvk(
  db: Db,
  kvkNumbers: readonly string[],
): Promise<Pick<EmployerRow, "id" | "name" | "kvkNumber">[]> {
  if (kvkNumbers.length === 0) return [];
  // Any organisation: a KvK number is registered once on the whole platform.
  return db
    .select({ id: organisations.id, name: organisations.name, kvkNumber: organisations.kvkNumber })
    .from(organisations)
    .where(and(inArray(organisations.kvkNumber, [...kvkNumbers]), isNull(organisations.parentId)));
}

export async function listEmployers(
  db: Db,
  scope: EmployerScope,
  query: EmployerListQuery,
  context: { userId: string },
): Promise<{ rows: (EmployerRow & { contactNames: string[] })[]; total: number }> {
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
    .select({ organisation: organisations, contactNames })
    .from(organisations)
    .where(where)
    .orderBy(
      sql`${sortColumn[query.sort]} ${direction}`,
      query.order === "asc" ? asc(organisations.id) : desc(organisations.id),
    )
    .limit(EMPLOYER_PAGE_SIZE)
    .offset((query.page - 1) * EMPLOYER_PAGE_SIZE);
  const [total] = await db.select({ n: count() }).from(organisations).where(where);
  return {
    rows: rows.map((r) => ({ ...r.organisation, contactNames: r.contactNames ?? [] })),
    total: Number(total?.n ?? 0),
  };
}

export async function insertEmployer(db: Db, row: typeof organisations.$inferInsert): Promise<EmployerRow> {
  const [created] = await db.insert(organisations).values(row).returning();
  return created!;
}

export async function updateEmployer(
  db: Db,
  scope: EmployerScope,
  id: string,
  patch: Partial<typeof organisations.$inferInsert>,
): Promise<EmployerRow | null> {
  const [row] = await db
    .update(organisations)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(organisations.id, id), inScope(scope)))
    .returning();
  return row ?? null;
}

export async function listContacts(
  db: Db,
  scope: EmployerScope,
  organisationIds: readonly string[],
): Promise<ContactPersonRow[]> {
  if (organisationIds.length === 0) return [];
  return db
    .select()
    .from(contactPersons)
    .where(
      and(
        inArray(contactPersons.organisationId, [...organisationIds]),
        inScope(scope, contactPersons.organisationId),
      ),
    )
    .orderBy(sql`${contactPersons.userId} is null`, asc(contactPersons.createdAt), asc(contactPersons.name));
}

export async function findContact(
  db: Db,
  scope: EmployerScope,
  organisationId: string,
  contactId: string,
): Promise<ContactPersonRow | null> {
  const [row] = await db
    .select()
    .from(contactPersons)
    .where(
      and(
        eq(contactPersons.id, contactId),
        eq(contactPersons.organisationId, organisationId),
        inScope(scope, contactPersons.organisationId),
      ),
    );
  return row ?? null;
}

export async function insertContact(
  db: Db,
  scope: EmployerScope,
  row: typeof contactPersons.$inferInsert,
): Promise<ContactPersonRow> {
  if (!("all" in scope) && !scope.organisationIds.includes(row.organisationId)) {
    throw new Error("insertContact outside the caller's employers");
  }
  const [created] = await db.insert(contactPersons).values(row).returning();
  return created!;
}

export async function updateContact(
  db: Db,
  scope: EmployerScope,
  contactId: string,
  patch: Partial<typeof contactPersons.$inferInsert>,
): Promise<ContactPersonRow | null> {
  const [row] = await db
    .update(contactPersons)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(contactPersons.id, contactId), inScope(scope, contactPersons.organisationId)))
    .returning();
  return row ?? null;
}

export async function deleteContact(db: Db, scope: EmployerScope, contactId: string): Promise<boolean> {
  const rows = await db
    .delete(contactPersons)
    .where(and(eq(contactPersons.id, contactId), inScope(scope, contactPersons.organisationId)))
    .returning({ id: contactPersons.id });
  return rows.length > 0;
}

export interface AccessFacts {
  /** Users holding the employer_contact role in these organisations, by lower-case e-mail. */
  activeByEmail: Map<string, { userId: string; lastSignInAt: Date | null }>;
  activeByUserId: Set<string>;
  /** The newest invitation per lower-case e-mail. */
  invitationByEmail: Map<string, typeof invitations.$inferSelect>;
}

export async function accessFacts(db: Db, organisationIds: readonly string[]): Promise<AccessFacts> {
  const facts: AccessFacts = {
    activeByEmail: new Map(),
    activeByUserId: new Set(),
    invitationByEmail: new Map(),
  };
  if (organisationIds.length === 0) return facts;
  const active = await db
    .select({
      userId: users.id,
      email: users.email,
      lastSignInAt: sql<Date | null>`(select max(${sessions.createdAt}) from ${sessions} where ${sessions.userId} = ${users.id})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.organisationId, [...organisationIds]),
        eq(memberships.role, "employer_contact"),
        isNull(users.deactivatedAt),
      ),
    );
  for (const a of active) {
    const last = a.lastSignInAt ? new Date(a.lastSignInAt) : null;
    facts.activeByEmail.set(a.email.toLowerCase(), { userId: a.userId, lastSignInAt: last });
    facts.activeByUserId.add(a.userId);
  }
  const invites = await db
    .select()
    .from(invitations)
    .where(
      and(
        inArray(invitations.organisationId, [...organisationIds]),
        eq(invitations.role, "employer_contact"),
      ),
    )
    .orderBy(asc(invitations.createdAt));
  for (const i of invites) facts.invitationByEmail.set(i.email.toLowerCase(), i);
  return facts;
}

export async function vacancyCounts(
  db: Db,
  organisationIds: readonly string[],
  today: string,
): Promise<{ active: number; expired: number }> {
  if (organisationIds.length === 0) return { active: 0, expired: 0 };
  const [row] = await db
    .select({
      active: sql<number>`count(*) filter (where ${vacancies.status} <> 'archived' and (${vacancies.closesOn} is null or ${vacancies.closesOn} >= ${today}))`,
      expired: sql<number>`count(*) filter (where ${vacancies.status} <> 'archived' and ${vacancies.closesOn} < ${today})`,
    })
    .from(vacancies)
    .where(inArray(vacancies.organisationId, [...organisationIds]));
  return { active: Number(row?.active ?? 0), expired: Number(row?.expired ?? 0) };
}

/** Per user: vacancies they created or changed, and when they last did. */
export async function vacancyActivity(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, { vacancies: number; lastActiveAt: Date | null; created: number; changed: number }>> {
  const result = new Map<
    string,
    { vacancies: number; lastActiveAt: Date | null; created: number; changed: number }
  >();
  if (userIds.length === 0) return result;
  const rows = await db
    .select({
      userId: vacancyHistory.userId,
      vacancies: sql<number>`count(distinct ${vacancyHistory.vacancyId})`,
      created: sql<number>`count(*) filter (where ${vacancyHistory.action} in ('created', 'requested', 'copied'))`,
      changed: sql<number>`count(*) filter (where ${vacancyHistory.action} not in ('created', 'requested', 'copied'))`,
      last: sql<Date | null>`max(${vacancyHistory.at})`,
    })
    .from(vacancyHistory)
    .where(inArray(vacancyHistory.userId, [...userIds]))
    .groupBy(vacancyHistory.userId);
  for (const r of rows) {
    if (!r.userId) continue;
    result.set(r.userId, {
      vacancies: Number(r.vacancies),
      created: Number(r.created),
      changed: Number(r.changed),
      lastActiveAt: r.last ? new Date(r.last) : null,
    });
  }
  return result;
}

export async function lastVisit(db: Db, userId: string, page: string): Promise<Date | null> {
  const [row] = await db
    .select()
    .from(lastVisits)
    .where(and(eq(lastVisits.userId, userId), eq(lastVisits.page, page)));
  return row?.at ?? null;
}

export async function recordVisit(db: Db, userId: string, page: string, at: Date): Promise<void> {
  await db
    .insert(lastVisits)
    .values({ userId, page, at })
    .onConflictDoUpdate({ target: [lastVisits.userId, lastVisits.page], set: { at } });
}
