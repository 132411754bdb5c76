import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Role } from "../../../contracts/tenancy";
import { type Db, queryRows } from "../../platform/db";
import type { OrganisationScope, PortalScope } from "../../platform/tenancy";
import { memberships, organisations, portals, users } from "./tenancy.schema";

export type PortalRow = typeof portals.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
export type NewOrganisationRow = typeof organisations.$inferInsert;
export type MembershipRow = typeof memberships.$inferSelect;

// Portals are platform-level rows, not owned by a tenant: anyone may know which portals exist.
export async function listPortals(db: Db): Promise<PortalRow[]> {
  return db.select().from(portals).orderBy(asc(portals.parentId), asc(portals.nameNl));
}

export async function findPortalBySlug(db: Db, slug: string): Promise<PortalRow | null> {
  const [row] = await db.select().from(portals).where(eq(portals.slug, slug)).limit(1);
  return row ?? null;
}

export async function findNationalPortal(db: Db): Promise<PortalRow | null> {
  const [row] = await db.select().from(portals).where(isNull(portals.parentId)).limit(1);
  return row ?? null;
}

/** Organisations whose home is this portal; the national portal sees every organisation. */
export async function listOrganisations(
  db: Db,
  scope: PortalScope & { national: boolean },
  page: { limit: number; offset: number },
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const where = scope.national ? undefined : eq(organisations.homePortalId, scope.portalId);
  const rows = await db
    .select()
    .from(organisations)
    .where(where)
    .orderBy(asc(organisations.name))
    .limit(page.limit)
    .offset(page.offset);
  const [totalRow] = await db.select({ n: count() }).from(organisations).where(where);
  return { rows, total: Number(totalRow?.n ?? 0) };
}

/** One of the caller's own organisations; null for anyone else's, so callers cannot probe ids. */
export async function findOwnOrganisation(
  db: Db,
  scope: OrganisationScope,
  organisationId: string,
): Promise<OrganisationRow | null> {
  if (!scope.organisationIds.includes(organisationId)) return null;
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.id, organisationId), inArray(organisations.id, [...scope.organisationIds])))
    .limit(1);
  return row ?? null;
}

export async function updateOwnOrganisation(
  db: Db,
  scope: OrganisationScope,
  organisationId: string,
  patch: Partial<
    Pick<
      NewOrganisationRow,
      "name" | "kvkNumber" | "street" | "houseNumber" | "postcode" | "city" | "lat" | "lon"
    >
  >,
): Promise<OrganisationRow | null> {
  if (!scope.organisationIds.includes(organisationId)) return null;
  const [row] = await db
    .update(organisations)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(organisations.id, organisationId), inArray(organisations.id, [...scope.organisationIds])))
    .returning();
  return row ?? null;
}

/**
 * The organisation ids a user acts for in the given roles: their memberships plus every
 * department and branch below them.
 */
export async function organisationIdsOfUser(
  db: Db,
  userId: string,
  roles: readonly Role[],
): Promise<string[]> {
  if (roles.length === 0) return [];
  const direct = await db
    .selectDistinct({ id: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), inArray(memberships.role, [...roles])));
  const ids = new Set(direct.map((d) => d.id).filter((id): id is string => id !== null));
  let frontier = [...ids];
  while (frontier.length > 0) {
    const children = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(inArray(organisations.parentId, frontier));
    frontier = children.map((c) => c.id).filter((id) => !ids.has(id));
    for (const id of frontier) ids.add(id);
  }
  return [...ids];
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row ?? null;
}

export async function membershipsOfUser(db: Db, userId: string): Promise<MembershipRow[]> {
  return db.select().from(memberships).where(eq(memberships.userId, userId));
}

export async function countPortals(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(portals);
  return Number(row?.n ?? 0);
}

/**
 * The whole family of each organisation: up to its top organisation and down to every
 * department and branch below it.
 */
export async function organisationFamilies(db: Db, organisationIds: readonly string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const ids = sql.join(
    organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive up(id, parent_id) as (
      select id, parent_id from organisations where id in (${ids})
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
