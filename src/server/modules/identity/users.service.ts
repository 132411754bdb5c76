import type { ManagedUser } from "../../../contracts/identity";
import type { Role } from "../../../contracts/tenancy";
import { AppError } from "../../platform/errors";
import type { OrgScope, PlatformScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import type { Caller } from "../tenancy";
import { auditRepository } from "./audit.repository";
import type { AccessRevokedPayload } from "./identity.events";
import { IDENTITY_EVENTS } from "./identity.mail";
import { type ManagedMembershipRow, usersRepository } from "./users.repository";

export { createProfileService, type ProfileService } from "./profile.service";

function presentManaged(rows: readonly ManagedMembershipRow[]): ManagedUser[] {
  const byUser = new Map<string, ManagedUser>();
  for (const { membership, user, organisationName, lastActiveAt } of rows) {
    const entry =
      byUser.get(user.id) ??
      ({
        id: user.id,
        name: user.name,
        email: user.email,
        twoFactorEnabled: user.twoFactorEnabled,
        deactivated: user.deactivatedAt !== null,
        lastActiveAt: lastActiveAt?.toISOString() ?? null,
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

/**
 * User management for org admins ("Gebruikersbeheer"): the people with a role in the admin's
 * organisations. Changing or revoking touches only memberships inside that scope; sessions are
 * ended so the change takes effect on the person's next request.
 */
export function createUserService({ store }: { store: Store }) {
  const adminScope = (caller: Caller): Promise<OrgScope | PlatformScope> => caller.scopeAs(["org_admin"]);

  return {
    async list(caller: Caller): Promise<ManagedUser[]> {
      return presentManaged(await store.bind(await adminScope(caller), usersRepository).managed());
    },

    async changeRole(
      caller: Caller,
      userId: string,
      membershipId: string,
      change: { role: Role; mayManageVacancies: boolean },
    ): Promise<ManagedUser> {
      const scope = await adminScope(caller);
      if (userId === caller.userId()) {
        throw new AppError("forbidden", {
          message: {
            nl: "Je kunt je eigen rol niet wijzigen.",
            en: "You cannot change your own role.",
            de: "Sie können Ihre eigene Rolle nicht ändern.",
            fr: "Vous ne pouvez pas modifier votre propre rôle.",
          },
        });
      }
      const users = store.bind(scope, usersRepository);
      const membership = await users.membership(userId, membershipId);
      if (!membership?.organisationId) throw new AppError("not_found");
      await store.transaction(async (tx) => {
        const scoped = tx.bind(scope, usersRepository);
        await scoped.changeRole(membershipId, {
          role: change.role,
          mayManageVacancies: change.role === "employer_contact" && change.mayManageVacancies,
        });
        await scoped.endSessions(userId);
        await tx.bind(scope, auditRepository).record({
          type: "role_changed",
          userId,
          actorUserId: caller.userId(),
          organisationIds: [membership.organisationId!],
          details: { from: membership.role, to: change.role },
        });
      });
      return presentManaged(await users.managed(userId))[0]!;
    },

    /**
     * Revokes the person's roles in the admin's organisations and ends every session at once.
     * With no role left anywhere the account is deactivated, so it cannot sign in. The person
     * is told by mail, through the `identity.access_revoked` event.
     */
    async revokeAccess(caller: Caller, userId: string): Promise<void> {
      const scope = await adminScope(caller);
      if (userId === caller.userId()) {
        throw new AppError("forbidden", {
          message: {
            nl: "Je kunt je eigen toegang niet intrekken.",
            en: "You cannot revoke your own access.",
            de: "Sie können Ihren eigenen Zugang nicht entziehen.",
            fr: "Vous ne pouvez pas révoquer votre propre accès.",
          },
        });
      }
      const managed = await store.bind(scope, usersRepository).managed(userId);
      const user = managed[0]?.user;
      if (!user) throw new AppError("not_found");
      const organisationIds = [...new Set(managed.map((m) => m.membership.organisationId!))];
      await store.transaction(async (tx) => {
        await tx.bind(scope, usersRepository).revoke(
          userId,
          managed.map((m) => m.membership.id),
        );
        await tx.bind(scope, auditRepository).record({
          type: "access_revoked",
          userId,
          actorUserId: caller.userId(),
          organisationIds,
          email: user.email,
        });
        await tx.emit({
          type: IDENTITY_EVENTS.accessRevoked,
          organisationId: organisationIds[0]!,
          portalId: null,
          subject: { userId },
          actorUserId: caller.userId(),
          payload: {
            email: user.email,
            name: user.name,
            locale: user.locale,
            organisationName: managed[0]!.organisationName,
          } satisfies AccessRevokedPayload,
        });
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
