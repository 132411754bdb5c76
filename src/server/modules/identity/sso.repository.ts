import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { memberships, ssoConnections } from "../../platform/schema";
import { type OrgScope, organisationsOf, type PlatformScope, type PublicScope } from "../../platform/scope";
import { repository } from "../../platform/store";

export type SsoConnectionRow = typeof ssoConnections.$inferSelect;

/** The e-mail domain of an address, lower-case; null when it has none. */
export function emailDomainOf(email: string): string | null {
  const at = email.trim().lastIndexOf("@");
  const domain =
    at > 0
      ? email
          .trim()
          .slice(at + 1)
          .toLowerCase()
      : "";
  return domain === "" ? null : domain;
}

/** The connections org admins set up for their organisations. */
export const ssoConnectionsRepository = repository<OrgScope | PlatformScope>()({
  async list(db: Db, scope: OrgScope | PlatformScope): Promise<SsoConnectionRow[]> {
    const ids = organisationsOf(scope);
    if (ids !== "all" && ids.length === 0) return [];
    return db
      .select()
      .from(ssoConnections)
      .where(ids === "all" ? undefined : inArray(ssoConnections.organisationId, [...ids]))
      .orderBy(ssoConnections.emailDomain);
  },

  async insert(
    db: Db,
    scope: OrgScope | PlatformScope,
    input: Pick<SsoConnectionRow, "organisationId" | "emailDomain" | "issuer" | "clientId" | "clientSecret">,
  ): Promise<SsoConnectionRow | null> {
    const ids = organisationsOf(scope);
    if (ids !== "all" && !ids.includes(input.organisationId)) return null;
    const [row] = await db
      .insert(ssoConnections)
      .values({ ...input, emailDomain: input.emailDomain.toLowerCase() })
      .returning();
    return row ?? null;
  },
});

/**
 * What the sign-in itself needs, before anyone is known: the connection of an e-mail domain
 * (whether it exists is no secret: the sign-in page asks it), and whether the account found by
 * the provider's e-mail belongs to the connection's organisation.
 */
export const ssoSignInRepository = repository<PublicScope>()({
  async byDomain(db: Db, _scope: PublicScope, domain: string): Promise<SsoConnectionRow | null> {
    const [row] = await db
      .select()
      .from(ssoConnections)
      .where(eq(ssoConnections.emailDomain, domain.toLowerCase()));
    return row ?? null;
  },

  async byId(db: Db, _scope: PublicScope, id: string): Promise<SsoConnectionRow | null> {
    const [row] = await db.select().from(ssoConnections).where(eq(ssoConnections.id, id)).limit(1);
    return row ?? null;
  },

  /** Whether the user has a membership in the organisation or one of its departments. */
  async isMemberOfOrganisationTree(
    db: Db,
    _scope: PublicScope,
    userId: string,
    organisationId: string,
  ): Promise<boolean> {
    const [row] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          sql`${memberships.organisationId} in (
            with recursive tree(id) as (
              select ${organisationId}::uuid
              union
              select o.id from organisations o join tree on o.parent_id = tree.id)
            select id from tree)`,
        ),
      )
      .limit(1);
    return row !== undefined;
  },
});
