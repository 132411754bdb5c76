import { sql } from "drizzle-orm";
import type { Role } from "../../../contracts/tenancy";
import { type Db, queryRows } from "../../platform/db";

/** One membership of the caller with what access decisions need about its organisation. */
export interface MembershipFact {
  role: Role;
  organisationId: string | null;
  portalId: string | null;
  mayManageVacancies: boolean;
  /** The portal the membership's organisation is at home on. */
  homePortalId: string | null;
  /** The organisation's whole family: up to its top organisation and down to every department and branch. */
  family: readonly string[];
}

/*
 * These functions read the caller's own memberships to work out their scopes: they run before any
 * scope exists, keyed by the signed-in user's id, and are used only by `caller.ts`.
 */

/**
 * The user's memberships with each organisation's home portal and family, in one statement;
 * memberships of deactivated organisations are left out, so they grant no role.
 */
export async function membershipFactsOf(db: Db, userId: string): Promise<MembershipFact[]> {
  const rows = await queryRows<{
    role: Role;
    organisation_id: string | null;
    portal_id: string | null;
    may_manage_vacancies: boolean;
    home_portal_id: string | null;
    family: string[] | null;
  }>(
    db,
    sql`
    with recursive mine as (
      select m.role, m.organisation_id, m.portal_id, m.may_manage_vacancies, o.home_portal_id, m.created_at
      from memberships m left join organisations o on o.id = m.organisation_id
      where m.user_id = ${userId}
    ), up(start, id, parent_id, deactivated) as (
      select o.id, o.id, o.parent_id, o.deactivated_at is not null from organisations o
      where o.id in (select organisation_id from mine where organisation_id is not null)
      union
      select up.start, o.id, o.parent_id, o.deactivated_at is not null
      from organisations o join up on o.id = up.parent_id
    ), down(start, id) as (
      select start, id from up where parent_id is null
      union
      select down.start, o.id from organisations o join down on o.parent_id = down.id
    ), family as (
      select start, array_agg(distinct id) as ids
      from (select start, id from up union select start, id from down) f group by start
    )
    select mine.role, mine.organisation_id, mine.portal_id, mine.may_manage_vacancies,
           mine.home_portal_id, family.ids as family
    from mine left join family on family.start = mine.organisation_id
    -- A deactivated organisation (or one under a deactivated parent) grants no role (decision 0032).
    where not exists (select 1 from up where up.start = mine.organisation_id and up.deactivated)
    order by mine.created_at`,
  );
  return rows.map((r) => ({
    role: r.role,
    organisationId: r.organisation_id,
    portalId: r.portal_id,
    mayManageVacancies: r.may_manage_vacancies,
    homePortalId: r.home_portal_id,
    family: r.family ?? [],
  }));
}

/**
 * The employers (with their families) a team keeps in its CRM: managed by an organisation of the
 * team, or looked after by one of the team's account managers; with `includeShared`, also every
 * employer at home on a portal of the team that shares its employers (read only). The team's own
 * organisations are left out.
 */
export async function employersKeptBy(
  db: Db,
  team: readonly string[],
  includeShared: boolean,
): Promise<string[]> {
  if (team.length === 0) return [];
  const ids = sql.join(
    team.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const shared = includeShared
    ? sql`or (o.kind = 'employer' and o.home_portal_id in (
        select p.id from portals p join organisations t on t.home_portal_id = p.id
        where p.share_employers and t.id in (${ids})))`
    : sql``;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    with recursive kept as (
      select o.id, o.parent_id from organisations o
      where o.managed_by_organisation_id in (${ids})
         or o.account_manager_user_id in (
           select m.user_id from memberships m
           where m.organisation_id in (${ids}) and m.role in ('account_manager', 'org_admin'))
         ${shared}
    ), up(id, parent_id) as (
      select id, parent_id from kept
      union
      select o.id, o.parent_id from organisations o join up on o.id = up.parent_id
    ), down(id) as (
      select id from up where parent_id is null
      union
      select o.id from organisations o join down on o.parent_id = down.id
    )
    select id from (select id from up union select id from down) f
    where id not in (${ids})`,
  );
  return rows.map((r) => r.id);
}

/** The person's own candidate rows (one per portal they registered on). */
export async function candidateIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from candidates where user_id = ${userId} order by created_at`,
  );
  return rows.map((r) => r.id);
}
