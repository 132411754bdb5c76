import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Role } from "../../../contracts/tenancy";
import type { Db } from "../../platform/db";
import {
  accounts,
  candidates,
  memberships,
  portals,
  sessions,
  twoFactors,
  users,
} from "../../platform/schema";
import type { PlatformScope, PublicScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import type { MailPortal } from "../../platform/tenancy";
import { mailPortalColumns } from "../tenancy";

export type UserRow = typeof users.$inferSelect;

/*
 * Accounts (users with their sign-in methods and sessions) belong to no tenant: one person may
 * work for several organisations. Which account a function touches is decided by its caller:
 * the signed-in user's own id from the session, an address typed into a public form, or a user
 * the org admin reached through memberships in their own scope (users.repository.ts).
 */
export const accountsRepository = repository<PublicScope | PlatformScope>()({
  async byId(db: Db, _scope: PublicScope | PlatformScope, userId: string): Promise<UserRow | null> {
    const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
    return row ?? null;
  },

  /** The portal a mail links to (the one the person asked on), with its names. */
  async mailPortal(
    db: Db,
    _scope: PublicScope | PlatformScope,
    portalId: string,
  ): Promise<MailPortal | null> {
    const [row] = await db
      .select({
        ...mailPortalColumns,
      })
      .from(portals)
      .where(eq(portals.id, portalId))
      .limit(1);
    return row ?? null;
  },

  async byEmail(db: Db, _scope: PublicScope | PlatformScope, email: string): Promise<UserRow | null> {
    const [row] = await db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
      .limit(1);
    return row ?? null;
  },

  /** A new account that signs in with a password (the hash is made by the caller). */
  async createWithPassword(
    db: Db,
    _scope: PublicScope | PlatformScope,
    input: { name: string; email: string; emailVerified: boolean; locale: string; passwordHash: string },
  ): Promise<string> {
    const userId = randomUUID();
    await db.insert(users).values({
      id: userId,
      name: input.name,
      email: input.email,
      emailVerified: input.emailVerified,
      locale: input.locale,
    });
    await db.insert(accounts).values({
      id: randomUUID(),
      userId,
      accountId: userId,
      providerId: "credential",
      password: input.passwordHash,
    });
    return userId;
  },

  async hasMembership(
    db: Db,
    _scope: PublicScope | PlatformScope,
    userId: string,
    organisationId: string,
    role: Role,
  ): Promise<boolean> {
    const [row] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.organisationId, organisationId),
          eq(memberships.role, role),
        ),
      )
      .limit(1);
    return row !== undefined;
  },

  /** A role for the account; the caller checked that it may be given (an accepted invitation). */
  async addMembership(
    db: Db,
    _scope: PublicScope | PlatformScope,
    input: {
      userId: string;
      role: Role;
      organisationId?: string;
      portalId?: string;
      mayManageVacancies?: boolean;
    },
  ): Promise<void> {
    await db.insert(memberships).values(input);
  },

  /**
   * The empty candidate profile a self-registered person starts with, made in the registering
   * transaction (the candidates module reads it; it stays out of the explorer until opted in).
   */
  async addCandidateProfile(
    db: Db,
    _scope: PublicScope | PlatformScope,
    input: { portalId: string; userId: string; firstName: string; lastName: string; email: string },
  ): Promise<void> {
    await db.insert(candidates).values({ ...input, visible: false });
  },

  /** The token of one of the user's own sessions (better-auth revokes by token). */
  async sessionTokenOf(
    db: Db,
    _scope: PublicScope | PlatformScope,
    userId: string,
    sessionId: string,
  ): Promise<string | null> {
    const [row] = await db
      .select({ token: sessions.token })
      .from(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
    return row?.token ?? null;
  },

  async setImage(
    db: Db,
    _scope: PublicScope | PlatformScope,
    userId: string,
    url: string | null,
  ): Promise<void> {
    await db.update(users).set({ image: url, updatedAt: new Date() }).where(eq(users.id, userId));
  },

  async updateProfile(
    db: Db,
    _scope: PublicScope | PlatformScope,
    userId: string,
    patch: Partial<
      Pick<UserRow, "name" | "phone" | "postcode" | "locale" | "consentEmbeddedVideo" | "consentResearch">
    >,
  ): Promise<void> {
    await db
      .update(users)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(users.id, userId));
  },

  /** Whether the user has a confirmed authenticator app (better-auth's TOTP secret). */
  async hasAuthenticator(db: Db, _scope: PublicScope | PlatformScope, userId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: twoFactors.id })
      .from(twoFactors)
      .where(and(eq(twoFactors.userId, userId), eq(twoFactors.verified, true)))
      .limit(1);
    return row !== undefined;
  },

  /** Switching to SMS: the app's secret (and its back-up codes) stop working. */
  async removeAuthenticator(db: Db, _scope: PublicScope | PlatformScope, userId: string): Promise<void> {
    await db.delete(twoFactors).where(eq(twoFactors.userId, userId));
  },

  /** Switching to the app: the number no longer receives sign-in codes and must be confirmed again. */
  async forgetSmsNumber(db: Db, _scope: PublicScope | PlatformScope, userId: string): Promise<void> {
    await db
      .update(users)
      .set({ phoneNumber: null, phoneNumberVerified: false, updatedAt: new Date() })
      .where(eq(users.id, userId));
  },
});
