import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Role } from "../../../contracts/tenancy";
import type { Db } from "../../platform/db";
import { memberships, organisations, sessions, users } from "../../platform/schema";
import { type OrgScope, organisationsOf, type PlatformScope } from "../../platform/scope";
import { repository } from "../../platform/store";

export type MembershipRow = typeof memberships.$inferSelect;
type UserRow = typeof users.$inferSelect;

/** The scope's condition on `memberships.organisation_id`; staff memberships only. */
function inScope(scope: OrgScope | PlatformScope): SQL {
  const ids = organisationsOf(scope);
  if (ids === "all") return sql`${memberships.organisationId} is not null`;
  return ids.length > 0 ? inArray(memberships.organisationId, [...ids]) : sql`false`;
}

export interface ManagedMembershipRow {
  membership: MembershipRow;
  user: UserRow;
  organisationName: string;
  lastActiveAt: Date | null;
}

/**
 * The people an org admin manages: those with a role in the admin's organisations. Everything
 * here goes through such a membership, so an admin reaches no one outside their scope.
 */
export const usersRepository = repository<OrgScope | PlatformScope>()({
  async managed(db: Db, scope: OrgScope | PlatformScope, userId?: string): Promise<ManagedMembershipRow[]> {
    const rows = await db
      .select({
        membership: memberships,
        user: users,
        organisationName: organisations.name,
        lastActiveAt: sql<
          string | Date | null
        >`(select max(s.updated_at) from sessions s where s.user_id = ${users.id})`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(and(inScope(scope), userId ? eq(users.id, userId) : undefined))
      .orderBy(users.name);
    return rows.map((r) => ({
      ...r,
      lastActiveAt: r.lastActiveAt === null ? null : new Date(r.lastActiveAt),
    }));
  },

  async membership(
    db: Db,
    scope: OrgScope | PlatformScope,
    userId: string,
    membershipId: string,
  ): Promise<MembershipRow | null> {
    const [row] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId), inScope(scope)));
    return row ?? null;
  },

  async membershipsOf(db: Db, scope: OrgScope | PlatformScope, userId: string): Promise<MembershipRow[]> {
    return db
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, userId), inScope(scope)));
  },

  async changeRole(
    db: Db,
    scope: OrgScope | PlatformScope,
    membershipId: string,
    change: { role: Role; mayManageVacancies: boolean },
  ): Promise<void> {
    await db
      .update(memberships)
      .set(change)
      .where(and(eq(memberships.id, membershipId), inScope(scope)));
  },

  /**
   * Removes the memberships (those in scope), deactivates the account when it has no role left
   * anywhere, and ends its sessions: the person's next request is a visitor's.
   */
  async revoke(
    db: Db,
    scope: OrgScope | PlatformScope,
    userId: string,
    membershipIds: readonly string[],
  ): Promise<void> {
    if (membershipIds.length === 0) return;
    await db
      .delete(memberships)
      .where(
        and(inArray(memberships.id, [...membershipIds]), eq(memberships.userId, userId), inScope(scope)),
      );
    await db.execute(sql`
      update users set deactivated_at = now()
      where id = ${userId} and not exists (select 1 from memberships where user_id = ${userId})`);
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },

  /** Ends the sessions of someone with a role in scope (after their role changed). */
  async endSessions(db: Db, scope: OrgScope | PlatformScope, userId: string): Promise<void> {
    await db
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, userId),
          sql`exists (select 1 from ${memberships} where ${eq(memberships.userId, userId)} and ${inScope(scope)})`,
        ),
      );
  },

  async organisationName(
    db: Db,
    scope: OrgScope | PlatformScope,
    organisationId: string,
  ): Promise<string | null> {
    const ids = organisationsOf(scope);
    if (ids !== "all" && !ids.includes(organisationId)) return null;
    const [row] = await db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    return row?.name ?? null;
  },
});
