import { and, eq, getTableColumns, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { accounts, memberships, organisations, sessions, ssoConnections, users } from "../../platform/schema";
import {
  type OrgScope,
  organisationsOf,
  type PlatformScope,
  type PublicScope,
  reaches,
} from "../../platform/scope";
import { repository } from "../../platform/store";

export type SsoConnectionRow = typeof ssoConnections.$inferSelect;
export type SsoConnectionWithOrganisation = SsoConnectionRow & { organisationName: string };

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

/** What an administrator may change in place (secrets go through rotation). */
export type SsoConnectionChanges = Partial<
  Pick<SsoConnectionRow, "emailDomain" | "issuer" | "clientId" | "providerKind" | "displayName" | "enabled">
>;

const withOrganisation = { ...getTableColumns(ssoConnections), organisationName: organisations.name };

/** Org admins manage their own organisations' connections; the platform admin every one. */
export const ssoConnectionsRepository = repository<OrgScope | PlatformScope>()({
  async list(db: Db, scope: OrgScope | PlatformScope): Promise<SsoConnectionWithOrganisation[]> {
    const ids = organisationsOf(scope);
    if (ids !== "all" && ids.length === 0) return [];
    return db
      .select(withOrganisation)
      .from(ssoConnections)
      .innerJoin(organisations, eq(organisations.id, ssoConnections.organisationId))
      .where(ids === "all" ? undefined : inArray(ssoConnections.organisationId, [...ids]))
      .orderBy(organisations.name, ssoConnections.emailDomain);
  },

  /** The organisations a connection may be set up for: the scope's own (every one for the platform). */
  async organisations(db: Db, scope: OrgScope | PlatformScope): Promise<{ id: string; name: string }[]> {
    const ids = organisationsOf(scope);
    if (ids !== "all" && ids.length === 0) return [];
    return db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(ids === "all" ? undefined : inArray(organisations.id, [...ids]))
      .orderBy(organisations.name);
  },

  /** One connection the scope reaches; null for another organisation's (as if it did not exist). */
  async get(
    db: Db,
    scope: OrgScope | PlatformScope,
    id: string,
  ): Promise<SsoConnectionWithOrganisation | null> {
    const [row] = await db
      .select(withOrganisation)
      .from(ssoConnections)
      .innerJoin(organisations, eq(organisations.id, ssoConnections.organisationId))
      .where(eq(ssoConnections.id, id))
      .limit(1);
    return row && reaches(scope, row.organisationId) ? row : null;
  },

  async insert(
    db: Db,
    scope: OrgScope | PlatformScope,
    input: Pick<
      SsoConnectionRow,
      | "organisationId"
      | "emailDomain"
      | "issuer"
      | "clientId"
      | "clientSecret"
      | "clientSecretExpiresOn"
      | "providerKind"
      | "displayName"
    >,
  ): Promise<SsoConnectionRow | null> {
    if (!reaches(scope, input.organisationId)) return null;
    const [row] = await db
      .insert(ssoConnections)
      .values({ ...input, emailDomain: input.emailDomain.toLowerCase() })
      .returning();
    return row ?? null;
  },

  async update(db: Db, scope: OrgScope | PlatformScope, id: string, changes: SsoConnectionChanges) {
    const ids = organisationsOf(scope);
    const [row] = await db
      .update(ssoConnections)
      .set({ ...changes, updatedAt: new Date() })
      .where(
        and(
          eq(ssoConnections.id, id),
          ids === "all" ? undefined : inArray(ssoConnections.organisationId, [...ids]),
        ),
      )
      .returning({ id: ssoConnections.id });
    return row !== undefined;
  },

  /** A new secret waits beside the current one until it has worked once (decision 0033). */
  async setPendingSecret(
    db: Db,
    scope: OrgScope | PlatformScope,
    id: string,
    secret: { encrypted: string; expiresOn: string },
  ) {
    const ids = organisationsOf(scope);
    const [row] = await db
      .update(ssoConnections)
      .set({
        pendingClientSecret: secret.encrypted,
        pendingSecretExpiresOn: secret.expiresOn,
        pendingSecretWarnedAt: null,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(ssoConnections.id, id),
          ids === "all" ? undefined : inArray(ssoConnections.organisationId, [...ids]),
        ),
      )
      .returning({ id: ssoConnections.id });
    return row !== undefined;
  },

  async dropPendingSecret(db: Db, scope: OrgScope | PlatformScope, id: string) {
    const ids = organisationsOf(scope);
    const [row] = await db
      .update(ssoConnections)
      .set({ pendingClientSecret: null, pendingSecretExpiresOn: null, pendingSecretWarnedAt: null })
      .where(
        and(
          eq(ssoConnections.id, id),
          isNotNull(ssoConnections.pendingClientSecret),
          ids === "all" ? undefined : inArray(ssoConnections.organisationId, [...ids]),
        ),
      )
      .returning({ id: ssoConnections.id });
    return row !== undefined;
  },

  /**
   * Ends the sessions the provider started for the users linked to this connection, and (with
   * `unlink`) removes their `sso:<id>` accounts rows, so nothing refers to a deleted connection.
   */
  async endSignIns(db: Db, scope: OrgScope | PlatformScope, id: string, options: { unlink: boolean }) {
    const ids = organisationsOf(scope);
    const [row] = await db
      .select({ organisationId: ssoConnections.organisationId })
      .from(ssoConnections)
      .where(eq(ssoConnections.id, id));
    if (!row || (ids !== "all" && !ids.includes(row.organisationId))) return 0;
    const providerId = `sso:${id}`;
    const linked = db
      .select({ userId: accounts.userId })
      .from(accounts)
      .where(eq(accounts.providerId, providerId));
    const ended = await db
      .delete(sessions)
      .where(and(eq(sessions.secondFactor, "sso"), inArray(sessions.userId, linked)))
      .returning({ id: sessions.id });
    if (options.unlink) await db.delete(accounts).where(eq(accounts.providerId, providerId));
    return ended.length;
  },

  async remove(db: Db, scope: OrgScope | PlatformScope, id: string) {
    const ids = organisationsOf(scope);
    const [row] = await db
      .delete(ssoConnections)
      .where(
        and(
          eq(ssoConnections.id, id),
          ids === "all" ? undefined : inArray(ssoConnections.organisationId, [...ids]),
        ),
      )
      .returning({ id: ssoConnections.id });
    return row !== undefined;
  },
});

/**
 * What the sign-in itself needs, before anyone is known: the enabled connection of an e-mail
 * domain (whether it exists is no secret: the sign-in page asks it), and whether the account found
 * by the provider's e-mail belongs to the connection's organisation.
 */
export const ssoSignInRepository = repository<PublicScope>()({
  async byDomain(db: Db, _scope: PublicScope, domain: string): Promise<SsoConnectionRow | null> {
    const [row] = await db
      .select()
      .from(ssoConnections)
      .where(and(eq(ssoConnections.emailDomain, domain.toLowerCase()), eq(ssoConnections.enabled, true)));
    return row ?? null;
  },

  /** Any connection of the domain, enabled or not (a second one for the domain is refused). */
  async domainTaken(db: Db, _scope: PublicScope, domain: string, exceptId?: string): Promise<boolean> {
    const [row] = await db
      .select({ id: ssoConnections.id })
      .from(ssoConnections)
      .where(
        and(
          eq(ssoConnections.emailDomain, domain.toLowerCase()),
          exceptId ? sql`${ssoConnections.id} <> ${exceptId}::uuid` : undefined,
        ),
      );
    return row !== undefined;
  },

  /** An enabled connection by id (a disabled one signs nobody in). */
  async byId(db: Db, _scope: PublicScope, id: string): Promise<SsoConnectionRow | null> {
    const [row] = await db
      .select()
      .from(ssoConnections)
      .where(and(eq(ssoConnections.id, id), eq(ssoConnections.enabled, true)))
      .limit(1);
    return row ?? null;
  },

  /**
   * The waiting secret worked: it becomes the current one and the old one is dropped. Only when
   * the waiting secret is still the one that was tried (a rotation in between wins).
   */
  async promotePendingSecret(db: Db, _scope: PublicScope, id: string, encrypted: string): Promise<boolean> {
    const [row] = await db
      .update(ssoConnections)
      .set({
        clientSecret: encrypted,
        clientSecretExpiresOn: sql`${ssoConnections.pendingSecretExpiresOn}`,
        clientSecretWarnedAt: sql`${ssoConnections.pendingSecretWarnedAt}`,
        pendingClientSecret: null,
        pendingSecretExpiresOn: null,
        pendingSecretWarnedAt: null,
        updatedAt: new Date(),
      })
      .where(and(eq(ssoConnections.id, id), eq(ssoConnections.pendingClientSecret, encrypted)))
      .returning({ id: ssoConnections.id });
    return row !== undefined;
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

/** The daily expiry warning and the mails it sends (system scope). */
export const ssoJobRepository = repository<PlatformScope>()({
  /**
   * Secrets (current or waiting) that expire on or before `until` and were not warned about yet,
   * marked warned in the same statement so that two runs never warn twice.
   */
  async claimExpiringSecrets(db: Db, _scope: PlatformScope, until: string, now: Date) {
    const current = await db
      .update(ssoConnections)
      .set({ clientSecretWarnedAt: now })
      .where(
        and(
          isNull(ssoConnections.clientSecretWarnedAt),
          isNotNull(ssoConnections.clientSecretExpiresOn),
          lte(ssoConnections.clientSecretExpiresOn, until),
        ),
      )
      .returning({
        id: ssoConnections.id,
        organisationId: ssoConnections.organisationId,
        expiresOn: ssoConnections.clientSecretExpiresOn,
      });
    const pending = await db
      .update(ssoConnections)
      .set({ pendingSecretWarnedAt: now })
      .where(
        and(
          isNull(ssoConnections.pendingSecretWarnedAt),
          isNotNull(ssoConnections.pendingClientSecret),
          isNotNull(ssoConnections.pendingSecretExpiresOn),
          lte(ssoConnections.pendingSecretExpiresOn, until),
        ),
      )
      .returning({
        id: ssoConnections.id,
        organisationId: ssoConnections.organisationId,
        expiresOn: ssoConnections.pendingSecretExpiresOn,
      });
    return [
      ...current.map((c) => ({ ...c, slot: "current" as const })),
      ...pending.map((c) => ({ ...c, slot: "pending" as const })),
    ];
  },

  async connection(db: Db, _scope: PlatformScope, id: string) {
    const [row] = await db
      .select({
        id: ssoConnections.id,
        emailDomain: ssoConnections.emailDomain,
        organisationName: organisations.name,
      })
      .from(ssoConnections)
      .innerJoin(organisations, eq(organisations.id, ssoConnections.organisationId))
      .where(eq(ssoConnections.id, id));
    return row ?? null;
  },

  /**
   * Who hears of an expiring secret: the organisation's admins (of the organisation itself), or
   * the platform admins when it has none. Deactivated accounts hear nothing.
   */
  async recipients(db: Db, _scope: PlatformScope, organisationId: string) {
    const of = (where: ReturnType<typeof and>) =>
      db
        .selectDistinct({ email: users.email, name: users.name, locale: users.locale })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(where, isNull(users.deactivatedAt)));
    const admins = await of(
      and(eq(memberships.role, "org_admin"), eq(memberships.organisationId, organisationId)),
    );
    return admins.length > 0 ? admins : of(eq(memberships.role, "platform_admin"));
  },
});
