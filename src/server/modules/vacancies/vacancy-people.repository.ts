import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Role } from "../../../contracts/tenancy";
import { type Db, queryRows } from "../../platform/db";
import { memberships, organisationSites, organisations, users } from "../../platform/schema";
import { reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { inScope, type PersonJson } from "./vacancies.repository";

/*
 * The organisations and people a vacancy form offers and checks: departments, contact persons,
 * account managers and owners. Each function takes the caller's scope: the organisation asked
 * about must be in it (else nothing is found).
 */

export type PersonRow = PersonJson;

/** Staff who may be a vacancy's contact person. */
export const CONTACT_ROLES: readonly Role[] = [
  "employer_contact",
  "org_admin",
  "hr_officer",
  "selection_officer",
  "account_manager",
];
const TEAM_ROLES: readonly Role[] = ["account_manager", "org_admin"];

const roleList = (roles: readonly Role[]) =>
  sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  );

/**
 * The ids of the whole family of the organisations `seed` selects: up to the top organisation
 * and down to every department and branch. Aliases of its own, so it nests in any query.
 */
export function familyOf(seed: SQL): SQL {
  return sql`(with recursive fam_up(id, parent_id) as (
      select fo.id, fo.parent_id from ${organisations} fo where fo.id in (${seed})
      union
      select fo.id, fo.parent_id from ${organisations} fo join fam_up on fo.id = fam_up.parent_id
    ), fam_down(id) as (
      select id from fam_up where parent_id is null
      union
      select fo.id from ${organisations} fo join fam_down on fo.parent_id = fam_down.id
    ) select id from fam_up union select id from fam_down)`;
}

/** Active staff (no candidates) with one of the roles in the organisations `within` selects, by name. */
export function staffJson(within: SQL, roles: readonly Role[]): SQL<PersonJson[]> {
  return sql<
    PersonJson[]
  >`(select coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'email', s.email)
      order by s.name, s.id), '[]'::json)
    from (select distinct u.id, u.name, u.email from ${memberships} sm join ${users} u on u.id = sm.user_id
      where sm.organisation_id in ${within} and sm.role in (${roleList(roles)}) and u.deactivated_at is null) s)`;
}

export interface FormOrganisation {
  id: string;
  name: string;
  street: string | null;
  houseNumber: string | null;
  postcode: string | null;
  city: string | null;
  lat: number | null;
  lon: number | null;
  homePortalId: string;
  accountManagerUserId: string | null;
}

export interface FormOrganisationRow {
  id: string;
  name: string;
  street: string | null;
  house_number: string | null;
  city: string | null;
  account_manager: PersonJson | null;
  departments: { id: string; name: string }[];
  contacts: PersonJson[];
  sites: { id: string; name: string; city: string }[];
}

export const vacancyPeopleRepository = repository<TenantScope>()({
  /** An organisation of the scope with what a new vacancy takes from it. */
  async organisation(db: Db, scope: TenantScope, id: string): Promise<FormOrganisation | null> {
    if (!reaches(scope, id)) return null;
    const [row] = await db
      .select({
        id: organisations.id,
        name: organisations.name,
        street: organisations.street,
        houseNumber: organisations.houseNumber,
        postcode: organisations.postcode,
        city: organisations.city,
        lat: organisations.lat,
        lon: organisations.lon,
        homePortalId: organisations.homePortalId,
        accountManagerUserId: organisations.accountManagerUserId,
      })
      .from(organisations)
      .where(eq(organisations.id, id));
    return row ?? null;
  },

  /** Whether `departmentId` is a department or branch in the organisation's family. */
  async isDepartmentOf(db: Db, scope: TenantScope, organisationId: string, departmentId: string) {
    if (!reaches(scope, organisationId) || departmentId === organisationId) return false;
    const rows = await queryRows<{ ok: boolean }>(
      db,
      sql`select ${departmentId}::uuid in ${familyOf(sql`${organisationId}::uuid`)} as ok`,
    );
    return rows[0]?.ok === true;
  },

  /**
   * The organisations a contact person's relation reaches: each of `roots` (where their
   * relation to the employer is) with every department and branch below it.
   */
  async unitsWithin(db: Db, scope: TenantScope, roots: readonly string[]): Promise<string[]> {
    const reachable = roots.filter((id) => reaches(scope, id));
    if (reachable.length === 0) return [];
    const rows = await queryRows<{ id: string }>(
      db,
      sql`with recursive down(id) as (
        select o.id from ${organisations} o where o.id in (${sql.join(
          reachable.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        union
        select o.id from ${organisations} o join down on o.parent_id = down.id
      ) select id from down`,
    );
    return rows.map((r) => r.id);
  },

  /** Whether `siteId` is an active site of the organisation (not of another in its family). */
  async isActiveSiteOf(db: Db, scope: TenantScope, organisationId: string, siteId: string) {
    if (!reaches(scope, organisationId)) return false;
    const rows = await db
      .select({ id: organisationSites.id })
      .from(organisationSites)
      .where(
        and(
          eq(organisationSites.id, siteId),
          eq(organisationSites.organisationId, organisationId),
          isNull(organisationSites.deactivatedAt),
        ),
      );
    return rows.length > 0;
  },

  /** Whether the person is staff of the organisation's family who may be its contact person. */
  async isContactOf(db: Db, scope: TenantScope, organisationId: string, userId: string) {
    if (!reaches(scope, organisationId)) return false;
    const rows = await queryRows<{ ok: boolean }>(
      db,
      sql`select exists (select 1 from ${memberships} m join ${users} u on u.id = m.user_id
        where m.user_id = ${userId} and m.role in (${roleList(CONTACT_ROLES)}) and u.deactivated_at is null
        and m.organisation_id in ${familyOf(sql`${organisationId}::uuid`)}) as ok`,
    );
    return rows[0]?.ok === true;
  },

  /**
   * Whether the person is an account manager (or organisation administrator) anywhere: the
   * account manager of an employer works for another organisation (the municipality's team), so
   * the scope bounds the vacancy's organisation, not theirs.
   */
  async isAccountManager(db: Db, scope: TenantScope, organisationId: string, userId: string) {
    if (!reaches(scope, organisationId)) return false;
    const rows = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), inArray(memberships.role, [...TEAM_ROLES])))
      .limit(1);
    return rows.length > 0;
  },

  /**
   * Who may own the organisation's vacancies: its family's staff, and the account managers and
   * administrators of the team of the organisation's account manager. By name (Dutch order).
   */
  async owners(db: Db, scope: TenantScope, organisationId: string): Promise<PersonRow[]> {
    if (!reaches(scope, organisationId)) return [];
    const team = sql`select tm.organisation_id from ${memberships} tm
      join ${organisations} org on org.account_manager_user_id = tm.user_id
      where org.id = ${organisationId}::uuid and tm.organisation_id is not null
        and tm.role in (${roleList(TEAM_ROLES)})`;
    const rows = await queryRows<{ own: PersonJson[]; team: PersonJson[] }>(
      db,
      sql`select ${staffJson(familyOf(sql`${organisationId}::uuid`), CONTACT_ROLES)} as own,
        ${staffJson(familyOf(team), TEAM_ROLES)} as team`,
    );
    const byId = new Map<string, PersonRow>();
    for (const p of [...(rows[0]?.own ?? []), ...(rows[0]?.team ?? [])])
      byId.set(p.id, { id: p.id, name: p.name, email: p.email });
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "nl"));
  },

  /**
   * The organisations the form offers (those of the scope; one when asked), each with its
   * departments, possible contact persons, account manager and head office; at most 200.
   */
  async formOrganisations(db: Db, scope: TenantScope, only: string | undefined) {
    const family = familyOf(sql`org.id`);
    const rows = await queryRows<FormOrganisationRow>(
      db,
      sql`select org.id, org.name, org.street, org.house_number, org.city,
        (select json_build_object('id', u.id, 'name', u.name, 'email', u.email) from ${users} u
          where u.id = org.account_manager_user_id) as account_manager,
        (select coalesce(json_agg(json_build_object('id', d.id, 'name', d.name) order by d.name, d.id), '[]'::json)
          from ${organisations} d where d.id in ${family} and d.id <> org.id and d.parent_id is not null) as departments,
        ${staffJson(family, CONTACT_ROLES)} as contacts,
        (select coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'city', s.city)
          order by s.name, s.id), '[]'::json)
          from ${organisationSites} s where s.organisation_id = org.id and s.deactivated_at is null) as sites
      from ${organisations} org
      where ${and(only ? sql`org.id = ${only}::uuid` : undefined, inScope(scope, sql`org.id`)) ?? sql`true`}
      order by org.name
      limit 200`,
    );
    return rows;
  },

  /** The account managers (and administrators) of the scope's organisations, by name. */
  async accountManagers(db: Db, scope: TenantScope): Promise<PersonRow[]> {
    return db
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(inArray(memberships.role, [...TEAM_ROLES]), inScope(scope, sql`${memberships.organisationId}`)),
      )
      .orderBy(users.name);
  },
});
