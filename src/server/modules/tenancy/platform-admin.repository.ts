import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { OrganisationKind } from "../../../contracts/tenancy";
import { containsText, type Db, queryRows } from "../../platform/db";
import { memberships, organisations, portals } from "../../platform/schema";
import type { PlatformScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import type { NewOrganisationRow, OrganisationRow, PortalRow } from "./tenancy.repository";

export type NewPortalRow = typeof portals.$inferInsert;
export type PortalPatch = Partial<
  Pick<NewPortalRow, "nameNl" | "nameEn" | "primaryColor" | "logoUrl" | "logoFileKey" | "deactivatedAt">
>;
export type AdminOrganisationPatch = Partial<
  Pick<
    NewOrganisationRow,
    | "name"
    | "kvkNumber"
    | "street"
    | "houseNumber"
    | "postcode"
    | "city"
    | "lat"
    | "lon"
    | "parentId"
    | "deactivatedAt"
  >
>;

export interface AdminOrganisationRow extends OrganisationRow {
  memberCount: number;
  childCount: number;
}

/**
 * The platform administrator's reads and writes of portals and organisations (decision 0032):
 * only the platform scope reaches every tenant, so only it is accepted here.
 */
// Drizzle leaves columns unqualified in a one-table select: the counting subqueries name theirs.
export const platformAdminRepository = repository<PlatformScope>()({
  async portals(db: Db, _scope: PlatformScope): Promise<Array<PortalRow & { organisationCount: number }>> {
    const rows = await db
      .select({
        portal: portals,
        organisationCount: sql<number>`(select count(*) from organisations o where o.home_portal_id = "portals"."id")`,
      })
      .from(portals)
      .orderBy(asc(portals.parentId), asc(portals.nameNl));
    return rows.map((r) => ({ ...r.portal, organisationCount: Number(r.organisationCount) }));
  },

  async portal(db: Db, _scope: PlatformScope, id: string): Promise<PortalRow | null> {
    const [row] = await db.select().from(portals).where(eq(portals.id, id)).limit(1);
    return row ?? null;
  },

  async slugTaken(db: Db, _scope: PlatformScope, slug: string): Promise<boolean> {
    const [row] = await db.select({ id: portals.id }).from(portals).where(eq(portals.slug, slug)).limit(1);
    return Boolean(row);
  },

  async nationalPortal(db: Db, _scope: PlatformScope): Promise<PortalRow | null> {
    const [row] = await db.select().from(portals).where(isNull(portals.parentId)).limit(1);
    return row ?? null;
  },

  async insertPortal(db: Db, _scope: PlatformScope, values: NewPortalRow): Promise<PortalRow> {
    const [row] = await db.insert(portals).values(values).returning();
    return row!;
  },

  async updatePortal(
    db: Db,
    _scope: PlatformScope,
    id: string,
    patch: PortalPatch,
  ): Promise<PortalRow | null> {
    const [row] = await db.update(portals).set(patch).where(eq(portals.id, id)).returning();
    return row ?? null;
  },

  /** Organisations with their member and child counts; filters by name/KvK, kind and portal. */
  async organisations(
    db: Db,
    _scope: PlatformScope,
    filter: { q?: string | undefined; kind?: OrganisationKind | undefined; portalId?: string | undefined },
  ): Promise<AdminOrganisationRow[]> {
    const conditions = [
      filter.q
        ? containsText(filter.q, [sql`${organisations.name}`, sql`${organisations.kvkNumber}`])
        : undefined,
      filter.kind ? eq(organisations.kind, filter.kind) : undefined,
      filter.portalId ? eq(organisations.homePortalId, filter.portalId) : undefined,
    ];
    const rows = await db
      .select({
        organisation: organisations,
        memberCount: sql<number>`(select count(*) from memberships m where m.organisation_id = "organisations"."id")`,
        childCount: sql<number>`(select count(*) from organisations c where c.parent_id = "organisations"."id")`,
      })
      .from(organisations)
      .where(and(...conditions))
      .orderBy(asc(organisations.name))
      .limit(1000);
    return rows.map((r) => ({
      ...r.organisation,
      memberCount: Number(r.memberCount),
      childCount: Number(r.childCount),
    }));
  },

  async organisation(db: Db, _scope: PlatformScope, id: string): Promise<AdminOrganisationRow | null> {
    const [row] = await db
      .select({
        organisation: organisations,
        memberCount: sql<number>`(select count(*) from memberships m where m.organisation_id = "organisations"."id")`,
        childCount: sql<number>`(select count(*) from organisations c where c.parent_id = "organisations"."id")`,
      })
      .from(organisations)
      .where(eq(organisations.id, id))
      .limit(1);
    return row
      ? { ...row.organisation, memberCount: Number(row.memberCount), childCount: Number(row.childCount) }
      : null;
  },

  /** Every organisation's id and parent: the forest the service walks for trees and cycles. */
  async parents(db: Db, _scope: PlatformScope): Promise<Array<{ id: string; parentId: string | null }>> {
    return db.select({ id: organisations.id, parentId: organisations.parentId }).from(organisations);
  },

  async kvkTaken(
    db: Db,
    _scope: PlatformScope,
    kvkNumber: string,
    exceptId: string | null,
  ): Promise<boolean> {
    const [row] = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          eq(organisations.kvkNumber, kvkNumber),
          isNull(organisations.parentId),
          exceptId ? ne(organisations.id, exceptId) : undefined,
        ),
      )
      .limit(1);
    return Boolean(row);
  },

  async insertOrganisation(
    db: Db,
    _scope: PlatformScope,
    values: NewOrganisationRow,
  ): Promise<OrganisationRow> {
    const [row] = await db.insert(organisations).values(values).returning();
    return row!;
  },

  async updateOrganisation(
    db: Db,
    _scope: PlatformScope,
    id: string,
    patch: AdminOrganisationPatch,
  ): Promise<OrganisationRow | null> {
    const [row] = await db
      .update(organisations)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(organisations.id, id))
      .returning();
    return row ?? null;
  },

  /** Moves these organisations (a family or a subtree) to another home portal. */
  async setHomePortal(
    db: Db,
    _scope: PlatformScope,
    ids: readonly string[],
    portalId: string,
  ): Promise<void> {
    if (ids.length === 0) return;
    await db
      .update(organisations)
      .set({ homePortalId: portalId, updatedAt: new Date() })
      .where(inArray(organisations.id, [...ids]));
  },

  async memberCount(db: Db, _scope: PlatformScope, organisationId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(memberships)
      .where(eq(memberships.organisationId, organisationId));
    return Number(row?.n ?? 0);
  },

  /**
   * Whether any row anywhere refers to the organisation (departments, vacancies, invitations,
   * sites ...): every foreign key to `organisations` is read from the catalogue, so a table added
   * later is counted too, including those that would cascade on delete.
   */
  async isReferenced(db: Db, _scope: PlatformScope, organisationId: string): Promise<boolean> {
    const keys = await queryRows<{ table_name: string; column_name: string }>(
      db,
      sql`select c.conrelid::regclass::text as table_name, a.attname as column_name
          from pg_constraint c
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          where c.contype = 'f' and c.confrelid = 'organisations'::regclass`,
    );
    for (const key of keys) {
      const table = key.table_name.replace(/^"|"$/g, "");
      const found = await queryRows<{ one: number }>(
        db,
        sql`select 1 as one from ${sql.identifier(table)} where ${sql.identifier(key.column_name)} = ${organisationId} limit 1`,
      );
      if (found.length > 0) return true;
    }
    return false;
  },

  async deleteOrganisation(db: Db, _scope: PlatformScope, id: string): Promise<boolean> {
    const rows = await db
      .delete(organisations)
      .where(eq(organisations.id, id))
      .returning({ id: organisations.id });
    return rows.length > 0;
  },
});
