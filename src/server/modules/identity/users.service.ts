import { randomUUID } from "node:crypto";
import { and, eq, inArray, max } from "drizzle-orm";
import type { ManagedUser, ProfileSettings, UpdateMeRequest } from "../../../contracts/identity";
import type { Role } from "../../../contracts/tenancy";
import type { Principal } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { type FileStorage, sniffImage } from "../../platform/files";
import type { Mailer } from "../../platform/mail";
import { accessRevoked, mailLocale } from "../../platform/mail-templates";
import { organisationIdsOfUser } from "../tenancy/tenancy.repository";
import { memberships, organisations, users } from "../tenancy/tenancy.schema";
import { recordAudit } from "./audit.repository";
import { sessions } from "./identity.schema";

/**
 * User management for org admins ("Gebruikersbeheer"): the people with a role in the admin's
 * organisations. Changing or revoking touches only memberships inside that scope; sessions are
 * ended so the change takes effect on the person's next request.
 */
/** Profile photos up to 2 MB, as PNG, JPEG or WebP. */
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
const AVATAR_URL = /^\/api\/v1\/avatars\/([^/]+)\/([a-z0-9-]+\.(?:png|jpg|webp))$/;

export function createUserService({ db, mailer, files }: { db: Db; mailer: Mailer; files: FileStorage }) {
  async function adminScope(principal: Principal): Promise<string[]> {
    if (principal.roles.includes("platform_admin")) {
      return (await db.select({ id: organisations.id }).from(organisations)).map((o) => o.id);
    }
    return organisationIdsOfUser(db, principal.userId, ["org_admin"]);
  }

  async function managedUsers(scope: string[], userId?: string): Promise<ManagedUser[]> {
    if (scope.length === 0) return [];
    const rows = await db
      .select({ membership: memberships, user: users, organisationName: organisations.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(and(inArray(memberships.organisationId, scope), userId ? eq(users.id, userId) : undefined))
      .orderBy(users.name);
    const ids = [...new Set(rows.map((r) => r.user.id))];
    const active =
      ids.length === 0
        ? []
        : await db
            .select({ userId: sessions.userId, last: max(sessions.updatedAt) })
            .from(sessions)
            .where(inArray(sessions.userId, ids))
            .groupBy(sessions.userId);
    const byUser = new Map<string, ManagedUser>();
    for (const { membership, user, organisationName } of rows) {
      const entry =
        byUser.get(user.id) ??
        ({
          id: user.id,
          name: user.name,
          email: user.email,
          twoFactorEnabled: user.twoFactorEnabled,
          deactivated: user.deactivatedAt !== null,
          lastActiveAt: active.find((a) => a.userId === user.id)?.last?.toISOString() ?? null,
          memberships: [],
        } satisfies ManagedUser);
      entry.memberships.push({
        id: membership.id,
        organisationId: membership.organisationId!,
        organisationName,
        role: membership.role,
        mayManageVacancies: membership.mayManageVacancies,
      });
      byUser.set(user.id, entry);
    }
    return [...byUser.values()];
  }

  async function dropAvatarFile(url: string | null): Promise<void> {
    const match = url ? AVATAR_URL.exec(url) : null;
    if (match) await files.delete(`avatars/${match[1]}/${match[2]}`);
  }

  async function endSessions(userId: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  }

  return {
    async list(principal: Principal): Promise<ManagedUser[]> {
      return managedUsers(await adminScope(principal));
    },

    async changeRole(
      principal: Principal,
      userId: string,
      membershipId: string,
      change: { role: Role; mayManageVacancies: boolean },
    ): Promise<ManagedUser> {
      const scope = await adminScope(principal);
      if (userId === principal.userId) {
        throw new AppError("forbidden", {
          message: { nl: "Je kunt je eigen rol niet wijzigen.", en: "You cannot change your own role." },
        });
      }
      const [membership] = await db
        .select()
        .from(memberships)
        .where(and(eq(memberships.id, membershipId), eq(memberships.userId, userId)));
      if (!membership?.organisationId || !scope.includes(membership.organisationId))
        throw new AppError("not_found");
      await db
        .update(memberships)
        .set({
          role: change.role,
          mayManageVacancies: change.role === "employer_contact" && change.mayManageVacancies,
        })
        .where(eq(memberships.id, membershipId));
      await endSessions(userId);
      await recordAudit(db, {
        type: "role_changed",
        userId,
        actorUserId: principal.userId,
        organisationIds: [membership.organisationId],
        details: { from: membership.role, to: change.role },
      });
      return (await managedUsers(scope, userId))[0]!;
    },

    /**
     * Revokes the person's roles in the admin's organisations and ends every session at once.
     * With no role left anywhere the account is deactivated, so it cannot sign in.
     */
    async revokeAccess(principal: Principal, userId: string): Promise<void> {
      const scope = await adminScope(principal);
      if (userId === principal.userId) {
        throw new AppError("forbidden", {
          message: {
            nl: "Je kunt je eigen toegang niet intrekken.",
            en: "You cannot revoke your own access.",
          },
        });
      }
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      const inScope = await db
        .select()
        .from(memberships)
        .where(
          and(
            eq(memberships.userId, userId),
            inArray(memberships.organisationId, scope.length ? scope : [""]),
          ),
        );
      if (!user || inScope.length === 0) throw new AppError("not_found");
      const revokedIds = inScope.map((m) => m.id);
      await db.transaction(async (tx) => {
        await tx.delete(memberships).where(inArray(memberships.id, revokedIds));
        const remaining = await tx.$count(memberships, eq(memberships.userId, userId));
        if (remaining === 0)
          await tx.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, userId));
        await tx.delete(sessions).where(eq(sessions.userId, userId));
      });
      const organisationIds = [...new Set(inScope.map((m) => m.organisationId!))];
      await recordAudit(db, {
        type: "access_revoked",
        userId,
        actorUserId: principal.userId,
        organisationIds,
        email: user.email,
      });
      const [org] = await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, organisationIds[0]!));
      const locale = mailLocale(user.locale);
      await mailer.send({
        to: user.email,
        ...accessRevoked({
          locale,
          portalName: "Werkbrug",
          name: user.name,
          organisationName: org?.name ?? "",
        }),
      });
    },

    /** Stores a new profile photo after checking what it really is, and drops the old one. */
    async setAvatar(userId: string, data: Buffer, declaredType: string): Promise<string> {
      const image = sniffImage(data);
      if (!image || image.type !== declaredType) {
        throw new AppError("unsupported_media_type", {
          message: {
            nl: "Dit bestand is geen foto in PNG-, JPG- of WebP-formaat.",
            en: "This file is not a PNG, JPG or WebP photo.",
          },
        });
      }
      const [user] = await db.select({ image: users.image }).from(users).where(eq(users.id, userId));
      const file = `${randomUUID()}.${image.ext}`;
      await files.put(`avatars/${userId}/${file}`, data, image.type);
      const url = `/api/v1/avatars/${userId}/${file}`;
      await db.update(users).set({ image: url, updatedAt: new Date() }).where(eq(users.id, userId));
      await dropAvatarFile(user?.image ?? null);
      return url;
    },

    async removeAvatar(userId: string): Promise<void> {
      const [user] = await db.select({ image: users.image }).from(users).where(eq(users.id, userId));
      await db.update(users).set({ image: null, updatedAt: new Date() }).where(eq(users.id, userId));
      await dropAvatarFile(user?.image ?? null);
    },

    async avatar(userId: string, file: string) {
      const [user] = await db.select({ image: users.image }).from(users).where(eq(users.id, userId));
      // Only the current photo is served: replaced ones are gone for good.
      if (user?.image !== `/api/v1/avatars/${userId}/${file}`) throw new AppError("not_found");
      const stored = await files.get(`avatars/${userId}/${file}`);
      if (!stored) throw new AppError("not_found");
      return stored;
    },

    async profile(userId: string): Promise<ProfileSettings> {
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (!user) throw new AppError("not_found");
      return {
        name: user.name,
        email: user.email,
        phone: user.phone,
        postcode: user.postcode,
        locale: user.locale === "en" ? "en" : "nl",
        consentEmbeddedVideo: user.consentEmbeddedVideo,
        consentResearch: user.consentResearch,
      };
    },

    async updateProfile(userId: string, patch: UpdateMeRequest): Promise<ProfileSettings> {
      const postcode = patch.postcode?.replace(
        /^(\d{4}) ?([a-z]{2})$/i,
        (_m, d: string, l: string) => `${d} ${l.toUpperCase()}`,
      );
      await db
        .update(users)
        .set({ ...patch, ...(postcode !== undefined ? { postcode } : {}), updatedAt: new Date() })
        .where(eq(users.id, userId));
      return this.profile(userId);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
