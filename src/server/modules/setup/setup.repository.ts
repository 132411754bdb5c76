import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { accounts, memberships, portals, setupTokens, users } from "../../platform/schema";
import type { PlatformScope, PublicScope } from "../../platform/scope";
import { repository } from "../../platform/store";

export type SetupTokenRow = typeof setupTokens.$inferSelect;

/*
 * First run belongs to no tenant: it exists exactly while the platform has no administrator.
 * The public scope is the setup page's (the token is its only key), the platform scope the
 * start-up banner's and the admin:create script's.
 */
export const setupRepository = repository<PublicScope | PlatformScope>()({
  /** An active (not deactivated) platform administrator exists. */
  async hasPlatformAdmin(db: Db, _scope: PublicScope | PlatformScope): Promise<boolean> {
    const [row] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.role, "platform_admin"), isNull(users.deactivatedAt)))
      .limit(1);
    return row !== undefined;
  },

  /** A portal with this subdomain exists (the TLS certificate check of the reverse proxy). */
  async portalSlugExists(db: Db, _scope: PublicScope | PlatformScope, slug: string): Promise<boolean> {
    const [row] = await db.select({ id: portals.id }).from(portals).where(eq(portals.slug, slug)).limit(1);
    return row !== undefined;
  },

  /** A new link replaces every older unused one (only the newest printed link works). */
  async issue(
    db: Db,
    _scope: PublicScope | PlatformScope,
    input: { tokenHash: string; now: Date; expiresAt: Date },
  ): Promise<void> {
    await db
      .update(setupTokens)
      .set({ supersededAt: input.now })
      .where(and(isNull(setupTokens.usedAt), isNull(setupTokens.supersededAt)));
    await db.insert(setupTokens).values({
      tokenHash: input.tokenHash,
      createdAt: input.now,
      expiresAt: input.expiresAt,
    });
  },

  async byTokenHash(
    db: Db,
    _scope: PublicScope | PlatformScope,
    tokenHash: string,
  ): Promise<SetupTokenRow | null> {
    const [row] = await db.select().from(setupTokens).where(eq(setupTokens.tokenHash, tokenHash)).limit(1);
    return row ?? null;
  },

  /** The token row locked for this transaction: two submissions of one link cannot both pass. */
  async lockByTokenHash(
    db: Db,
    _scope: PublicScope | PlatformScope,
    tokenHash: string,
  ): Promise<SetupTokenRow | null> {
    const [row] = await db
      .select()
      .from(setupTokens)
      .where(eq(setupTokens.tokenHash, tokenHash))
      .limit(1)
      .for("update");
    return row ?? null;
  },

  async markUsed(
    db: Db,
    _scope: PublicScope | PlatformScope,
    id: string,
    userId: string,
    now: Date,
  ): Promise<void> {
    await db.update(setupTokens).set({ usedAt: now, usedByUserId: userId }).where(eq(setupTokens.id, id));
  },

  async emailTaken(db: Db, _scope: PublicScope | PlatformScope, email: string): Promise<boolean> {
    const [row] = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
      .limit(1);
    return row !== undefined;
  },

  /**
   * A platform administrator who signs in with a password (hashed by the caller). The address is
   * taken as proven: the operator typed it on the server's own link or command line.
   */
  async createPlatformAdmin(
    db: Db,
    _scope: PublicScope | PlatformScope,
    input: { name: string; email: string; locale: string; passwordHash: string },
  ): Promise<string> {
    const userId = randomUUID();
    await db.insert(users).values({
      id: userId,
      name: input.name,
      email: input.email,
      emailVerified: true,
      locale: input.locale,
    });
    await db.insert(accounts).values({
      id: randomUUID(),
      userId,
      accountId: userId,
      providerId: "credential",
      password: input.passwordHash,
    });
    await db.insert(memberships).values({ userId, role: "platform_admin" });
    return userId;
  },
});
