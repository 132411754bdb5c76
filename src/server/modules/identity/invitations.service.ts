import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type {
  AcceptInvitationRequest,
  CreateInvitationRequest,
  Invitation,
  InvitationPreviewResponse,
} from "../../../contracts/identity";
import type { Role } from "../../../contracts/tenancy";
import type { Principal } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import type { Mailer } from "../../platform/mail";
import { invitation as invitationMail, mailLocale } from "../../platform/mail-templates";
import { type OrganisationScope, portalUrl } from "../../platform/tenancy";
import { contactPersons } from "../employers/employers.schema";
import { organisationIdsOfUser } from "../tenancy/tenancy.repository";
import { accounts, memberships, organisations, users } from "../tenancy/tenancy.schema";
import { recordAudit } from "./audit.repository";
import { hashPassword } from "./auth";
import { invitations } from "./identity.schema";
import * as repo from "./invitations.repository";
import { checkPassword, passwordRuleMessage } from "./password-policy";

/** An invitation link works for 30 days (HalloWerk manual, "Aan de slag"). */
export const INVITATION_DAYS = 30;

const ROLE_LABELS: Record<Role, { nl: string; en: string; de?: string; fr?: string }> = {
  platform_admin: { nl: "platformbeheerder", en: "platform administrator" },
  org_admin: { nl: "beheerder", en: "administrator" },
  account_manager: { nl: "accountmanager", en: "account manager" },
  // Contact persons may read German or French (their language is set per contact).
  employer_contact: {
    nl: "contactpersoon",
    en: "contact person",
    de: "Ansprechpartner",
    fr: "personne de contact",
  },
  hr_officer: { nl: "HR-medewerker", en: "HR officer" },
  selection_officer: { nl: "selectieverantwoordelijke", en: "selection officer" },
  jury_member: { nl: "jurylid", en: "jury member" },
  referrer: { nl: "verwijzer", en: "referrer" },
  candidate: { nl: "kandidaat", en: "candidate" },
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

function statusOf(row: repo.InvitationRow, now = new Date()): Invitation["status"] {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt <= now) return "expired";
  return "pending";
}

function present(row: repo.InvitationWithContext): Invitation {
  const i = row.invitation;
  return {
    id: i.id,
    email: i.email,
    organisationId: i.organisationId,
    organisationName: row.organisationName,
    role: i.role as Invitation["role"],
    mayManageVacancies: i.mayManageVacancies,
    status: statusOf(i),
    invitedBy: { name: row.inviterName, email: row.inviterEmail },
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    lastSentAt: i.lastSentAt.toISOString(),
  };
}

export interface InvitationContext {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

export function createInvitationService({ db, mailer, publicUrl }: InvitationContext) {
  /**
   * Where the principal may invite: org admins into their organisations (and departments),
   * account managers contact persons into employers of their portal; platform admins anywhere.
   */
  async function inviteScope(
    principal: Principal,
    role?: Role,
    organisationId?: string,
  ): Promise<OrganisationScope> {
    if (principal.roles.includes("platform_admin"))
      return { organisationIds: organisationId ? [organisationId] : [] };
    const adminOf = await organisationIdsOfUser(db, principal.userId, ["org_admin"]);
    if (organisationId && adminOf.includes(organisationId)) return { organisationIds: adminOf };
    const managerOf = await organisationIdsOfUser(db, principal.userId, ["account_manager"]);
    if (managerOf.length > 0 && (role === undefined || role === "employer_contact")) {
      const own = await db.query.organisations.findMany({
        where: (o, { inArray }) => inArray(o.id, managerOf),
        columns: { homePortalId: true },
      });
      const portalIds = [...new Set(own.map((o) => o.homePortalId))];
      const employers = await db.query.organisations.findMany({
        where: (o, { and, inArray, eq }) => and(inArray(o.homePortalId, portalIds), eq(o.kind, "employer")),
        columns: { id: true },
      });
      return { organisationIds: [...adminOf, ...employers.map((e) => e.id)] };
    }
    return { organisationIds: adminOf };
  }

  async function send(row: repo.InvitationWithContext, token: string): Promise<void> {
    const i = row.invitation;
    const locale = mailLocale(i.locale);
    const acceptUrl = new URL(
      `uitnodiging?token=${encodeURIComponent(token)}`,
      portalUrl(publicUrl, row.portalParentId === null ? null : row.portalSlug),
    ).toString();
    await mailer.send({
      to: i.email,
      ...invitationMail({
        locale,
        portalName: locale === "nl" ? row.portalNameNl : row.portalNameEn,
        inviterName: row.inviterName,
        organisationName: row.organisationName,
        roleLabel: ROLE_LABELS[i.role][locale] ?? ROLE_LABELS[i.role].en,
        personalMessage: i.personalMessage,
        acceptUrl,
        expiresOn: i.expiresAt,
      }),
    });
  }

  async function scoped(
    principal: Principal,
    id: string,
  ): Promise<{ row: repo.InvitationWithContext; scope: OrganisationScope }> {
    const scope = principal.roles.includes("platform_admin")
      ? {
          organisationIds: (
            await db
              .select({ id: invitations.organisationId })
              .from(invitations)
              .where(eq(invitations.id, id))
          ).map((r) => r.id),
        }
      : await inviteScope(principal);
    const row = await repo.findInvitation(db, scope, id);
    if (!row) throw new AppError("not_found");
    return { row, scope };
  }

  return {
    async create(principal: Principal, input: CreateInvitationRequest): Promise<Invitation> {
      const scope = await inviteScope(principal, input.role, input.organisationId);
      if (!scope.organisationIds.includes(input.organisationId)) throw new AppError("forbidden");
      const existingUser = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, input.email) });
      if (existingUser) {
        const already = await db.query.memberships.findFirst({
          where: (m, { and, eq }) =>
            and(
              eq(m.userId, existingUser.id),
              eq(m.organisationId, input.organisationId),
              eq(m.role, input.role),
            ),
        });
        if (already) {
          throw new AppError("conflict", {
            message: {
              nl: "Deze persoon heeft deze rol al bij deze organisatie.",
              en: "This person already has this role at this organisation.",
            },
          });
        }
      }
      if (await repo.findPendingFor(db, input.email, input.organisationId)) {
        throw new AppError("conflict", {
          message: {
            nl: "Er staat al een uitnodiging open voor dit e-mailadres. Verstuur die opnieuw of trek hem in.",
            en: "An invitation for this address is already open. Resend it or revoke it.",
          },
        });
      }
      const token = newToken();
      const created = await repo.insertInvitation(db, {
        tokenHash: hashToken(token),
        email: input.email,
        organisationId: input.organisationId,
        role: input.role,
        mayManageVacancies: input.role === "employer_contact" && input.mayManageVacancies,
        personalMessage: input.personalMessage,
        locale: input.locale,
        invitedByUserId: principal.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      });
      const row = (await repo.findInvitation(db, scope, created.id))!;
      await send(row, token);
      await recordAudit(db, {
        type: "invitation_sent",
        actorUserId: principal.userId,
        organisationIds: [input.organisationId],
        email: input.email,
        details: { role: input.role },
      });
      return present(row);
    },

    async list(principal: Principal): Promise<Invitation[]> {
      const scope = principal.roles.includes("platform_admin")
        ? {
            organisationIds: (await db.select({ id: organisations.id }).from(organisations)).map((o) => o.id),
          }
        : await inviteScope(principal);
      return (await repo.listInvitations(db, scope)).map(present);
    },

    /** A new link (the old one stops working) and a fresh 30 days. */
    async resend(principal: Principal, id: string): Promise<Invitation> {
      const { row, scope } = await scoped(principal, id);
      const status = statusOf(row.invitation);
      if (status === "accepted" || status === "revoked") throw new AppError("conflict");
      const token = newToken();
      const patch = {
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
        lastSentAt: new Date(),
      };
      await repo.updateInvitation(db, scope, id, patch);
      const updated = { ...row, invitation: { ...row.invitation, ...patch } };
      await send(updated, token);
      await recordAudit(db, {
        type: "invitation_resent",
        actorUserId: principal.userId,
        organisationIds: [row.invitation.organisationId],
        email: row.invitation.email,
      });
      return present(updated);
    },

    async revoke(principal: Principal, id: string): Promise<Invitation> {
      const { row, scope } = await scoped(principal, id);
      if (statusOf(row.invitation) === "accepted") throw new AppError("conflict");
      const revokedAt = new Date();
      await repo.updateInvitation(db, scope, id, { revokedAt });
      await recordAudit(db, {
        type: "invitation_revoked",
        actorUserId: principal.userId,
        organisationIds: [row.invitation.organisationId],
        email: row.invitation.email,
      });
      return present({ ...row, invitation: { ...row.invitation, revokedAt } });
    },

    async preview(token: string): Promise<InvitationPreviewResponse> {
      const row = await repo.findInvitationByTokenHash(db, hashToken(token));
      if (!row) throw new AppError("not_found", { message: unusableMessage });
      const i = row.invitation;
      const existing = await db.query.users.findFirst({
        where: (u, { eq }) => eq(u.email, i.email),
        columns: { id: true },
      });
      return {
        status: statusOf(i),
        email: i.email,
        organisationName: row.organisationName,
        role: i.role as InvitationPreviewResponse["role"],
        portalName: { nl: row.portalNameNl, en: row.portalNameEn },
        invitedBy: { name: row.inviterName, email: row.inviterEmail },
        personalMessage: i.personalMessage,
        expiresAt: i.expiresAt.toISOString(),
        existingAccount: existing !== undefined,
      };
    },

    /**
     * Makes the account (or adds the role to an existing one) in one transaction: a failure at
     * any step leaves no half-made account, and the invitation stays usable.
     */
    async accept(input: AcceptInvitationRequest, locale: "nl" | "en"): Promise<{ email: string }> {
      const tokenHash = hashToken(input.token);
      return db.transaction(async (tx) => {
        const [invite] = await tx
          .select()
          .from(invitations)
          .where(eq(invitations.tokenHash, tokenHash))
          .for("update");
        if (!invite || statusOf(invite) !== "pending") {
          throw new AppError("invitation_unusable", { message: unusableMessage });
        }
        const existing = await tx.query.users.findFirst({ where: (u, { eq }) => eq(u.email, invite.email) });
        let userId: string;
        if (existing) {
          userId = existing.id;
          if (existing.deactivatedAt) throw new AppError("account_deactivated");
        } else {
          const password = input.password ?? "";
          const check = checkPassword(password, { email: invite.email });
          if (!check.ok) {
            throw new AppError("password_policy", {
              fields: check.failed.map((rule) => ({
                path: "password",
                message: passwordRuleMessage(rule, locale),
              })),
            });
          }
          userId = randomUUID();
          await tx.insert(users).values({
            id: userId,
            name: input.name,
            email: invite.email,
            // The link came by mail to this address: that proves it.
            emailVerified: true,
            // The web app speaks Dutch and English; a German or French reader gets English.
            locale: invite.locale === "nl" ? "nl" : "en",
          });
          await tx.insert(accounts).values({
            id: randomUUID(),
            userId,
            accountId: userId,
            providerId: "credential",
            password: await hashPassword(password),
          });
        }
        await tx.insert(memberships).values({
          userId,
          role: invite.role,
          organisationId: invite.organisationId,
          mayManageVacancies: invite.mayManageVacancies,
        });
        await tx
          .update(invitations)
          .set({ acceptedAt: new Date(), acceptedUserId: userId })
          .where(and(eq(invitations.id, invite.id), isNull(invitations.acceptedAt)));
        // The employer's contact person record now has an account (employers CRM).
        await tx
          .update(contactPersons)
          .set({ userId, updatedAt: new Date() })
          .where(
            and(
              eq(contactPersons.organisationId, invite.organisationId),
              sql`lower(${contactPersons.email}) = lower(${invite.email})`,
            ),
          );
        await recordAudit(tx as unknown as Db, {
          type: "invitation_accepted",
          userId,
          organisationIds: [invite.organisationId],
          email: invite.email,
          details: { role: invite.role },
        });
        return { email: invite.email };
      });
    },
  };
}

const unusableMessage = {
  nl: "Deze uitnodiging kan niet meer gebruikt worden. Vraag degene die je uitnodigde om een nieuwe.",
  en: "This invitation can no longer be used. Ask the person who invited you for a new one.",
};

export type InvitationService = ReturnType<typeof createInvitationService>;
