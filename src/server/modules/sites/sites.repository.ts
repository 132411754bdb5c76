import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../platform/db";
import {
  memberships,
  organisationSites,
  organisations,
  siteStaff,
  users,
  vacancies,
} from "../../platform/schema";
import { reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";

export type SiteRow = typeof organisationSites.$inferSelect;
export type SiteInsert = typeof organisationSites.$inferInsert;
export interface SitePersonRow {
  id: string;
  name: string;
  email: string;
}
export interface SiteListRow {
  site: SiteRow;
  staff: SitePersonRow[];
  vacancyCount: number;
}

/**
 * The ids of the organisation's whole family (up to the top organisation, down to every
 * department and branch): its staff are those with a staff role anywhere in it.
 */
function familyOf(organisationId: string) {
  return sql`(with recursive fam_up(id, parent_id) as (
      select fo.id, fo.parent_id from ${organisations} fo where fo.id = ${organisationId}::uuid
      union
      select fo.id, fo.parent_id from ${organisations} fo join fam_up on fo.id = fam_up.parent_id
    ), fam_down(id) as (
      select id from fam_up where parent_id is null
      union
      select fo.id from ${organisations} fo join fam_down on fo.parent_id = fam_down.id
    ) select id from fam_up union select id from fam_down)`;
}

// Drizzle leaves columns unqualified in a one-table select: correlated subqueries name the table.
const siteStaffJson = sql<SitePersonRow[]>`(select coalesce(json_agg(json_build_object('id', u.id,
    'name', u.name, 'email', u.email) order by u.name, u.id), '[]'::json)
  from ${siteStaff} ss join ${users} u on u.id = ss.user_id where ss.site_id = "organisation_sites"."id")`;
const vacancyCount = sql<number>`(select count(*)::int from ${vacancies} v
  where v.site_id = "organisation_sites"."id" and v.status <> 'archived')`;

/**
 * An organisation's sites and the staff limited to them. Every function checks that the scope
 * reaches the organisation asked about; outside it nothing is found.
 */
export const sitesRepository = repository<TenantScope>()({
  /** The organisation, when the scope reaches it. */
  async organisation(db, scope, organisationId: string) {
    if (!reaches(scope, organisationId)) return null;
    const [row] = await db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.id, organisationId), isNull(organisations.archivedAt)));
    return row ?? null;
  },

  /** These organisations (or, for "all", the top organisations), with their number of active sites. */
  async organisations(db, scope, ids: readonly string[] | "all") {
    const filter =
      ids === "all"
        ? isNull(organisations.parentId)
        : inArray(
            organisations.id,
            ids.filter((id) => reaches(scope, id)),
          );
    if (ids !== "all" && ids.length === 0) return [];
    return db
      .select({
        id: organisations.id,
        name: organisations.name,
        siteCount: sql<number>`(select count(*)::int from ${organisationSites} s
          where s.organisation_id = "organisations"."id" and s.deactivated_at is null)`,
      })
      .from(organisations)
      .where(and(filter, isNull(organisations.archivedAt)))
      .orderBy(asc(organisations.name))
      .limit(500);
  },

  async list(db, scope, organisationId: string, includeInactive: boolean): Promise<SiteListRow[]> {
    if (!reaches(scope, organisationId)) return [];
    return db
      .select({ site: organisationSites, staff: siteStaffJson, vacancyCount })
      .from(organisationSites)
      .where(
        and(
          eq(organisationSites.organisationId, organisationId),
          includeInactive ? undefined : isNull(organisationSites.deactivatedAt),
        ),
      )
      .orderBy(asc(organisationSites.name));
  },

  async find(db, scope, organisationId: string, siteId: string): Promise<SiteListRow | null> {
    if (!reaches(scope, organisationId)) return null;
    const [row] = await db
      .select({ site: organisationSites, staff: siteStaffJson, vacancyCount })
      .from(organisationSites)
      .where(and(eq(organisationSites.organisationId, organisationId), eq(organisationSites.id, siteId)));
    return row ?? null;
  },

  /** Another site of the organisation with this name (case-insensitive), if any. */
  async sameName(db, scope, organisationId: string, name: string, exceptId: string | null) {
    if (!reaches(scope, organisationId)) return null;
    const [row] = await db
      .select({ id: organisationSites.id, name: organisationSites.name })
      .from(organisationSites)
      .where(
        and(
          eq(organisationSites.organisationId, organisationId),
          sql`lower(${organisationSites.name}) = lower(${name})`,
          exceptId ? sql`${organisationSites.id} <> ${exceptId}` : undefined,
        ),
      );
    return row ?? null;
  },

  async insert(db, scope, values: SiteInsert): Promise<SiteRow> {
    if (!reaches(scope, values.organisationId)) throw new Error("sites: organisation outside the scope");
    const [row] = await db.insert(organisationSites).values(values).returning();
    return row!;
  },

  async update(db, scope, organisationId: string, siteId: string, values: Partial<SiteInsert>) {
    if (!reaches(scope, organisationId)) return;
    await db
      .update(organisationSites)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(organisationSites.organisationId, organisationId), eq(organisationSites.id, siteId)));
  },

  /** Staff of the organisation's family: users with a staff role there, active, by name. */
  async staff(db: Db, scope, organisationId: string): Promise<SitePersonRow[]> {
    if (!reaches(scope, organisationId)) return [];
    return queryRows<SitePersonRow>(
      db,
      sql`select distinct u.id, u.name, u.email from ${memberships} m join ${users} u on u.id = m.user_id
        where m.organisation_id in ${familyOf(organisationId)} and m.role <> 'candidate'
          and m.role <> 'platform_admin' and u.deactivated_at is null
        order by u.name, u.id`,
    );
  },

  /** Replaces the staff limited to the site. */
  async setStaff(db, scope, organisationId: string, siteId: string, userIds: readonly string[]) {
    if (!reaches(scope, organisationId)) return;
    await db
      .delete(siteStaff)
      .where(and(eq(siteStaff.organisationId, organisationId), eq(siteStaff.siteId, siteId)));
    if (userIds.length > 0)
      await db
        .insert(siteStaff)
        .values(userIds.map((userId) => ({ siteId, organisationId, userId })))
        .onConflictDoNothing();
  },
});

/**
 * For other modules (through index.ts): the sites a user is limited to in an organisation. No
 * rows means no limit: they work with all its sites.
 */
export const siteLimitsRepository = repository<TenantScope>()({
  async limitsOf(db, scope, userId: string, organisationId: string): Promise<string[]> {
    if (!reaches(scope, organisationId)) return [];
    const rows = await db
      .select({ siteId: siteStaff.siteId })
      .from(siteStaff)
      .where(and(eq(siteStaff.organisationId, organisationId), eq(siteStaff.userId, userId)))
      .orderBy(asc(siteStaff.siteId));
    return rows.map((r) => r.siteId);
  },

  /** The organisation's sites as { id, name, city }, active ones unless `includeInactive`. */
  async sitesOf(db, scope, organisationId: string, includeInactive = false) {
    if (!reaches(scope, organisationId)) return [];
    return db
      .select({ id: organisationSites.id, name: organisationSites.name, city: organisationSites.city })
      .from(organisationSites)
      .where(
        and(
          eq(organisationSites.organisationId, organisationId),
          includeInactive ? undefined : isNull(organisationSites.deactivatedAt),
        ),
      )
      .orderBy(asc(organisationSites.name));
  },
});
