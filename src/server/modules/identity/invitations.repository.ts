import { randomUUID } from "node:crypto";
import { and, desc, eq, gt, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db";
import {
  auditEvents,
  contactPersons,
  invitations,
  organisations,
  portals,
  users,
} from "../../platform/schema";
import { type OrgScope, organisationsOf, type PlatformScope, type PublicScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { mailPortalColumns } from "../tenancy";
import { IDENTITY_EVENTS } from "./identity.mail";

export type InvitationRow = typeof invitations.$inferSelect;
export type NewInvitationRow = typeof invitations.$inferInsert;

/** The subscriber that mails invitations (identity.events.ts); its deliveries are the mail's state. */
export const INVITATION_MAIL = "identity.invitation-mail";

/**
 * Where the invitation's latest mail is: "sending" until the mail subscriber delivered it,
 * "failed" as soon as an attempt failed (the bus may still retry), "sent" once delivered. Null
 * for an invitation that never went through the outbox (mailed before it existed).
 */
export type InvitationDelivery = "sending" | "sent" | "failed";

const delivery = sql<InvitationDelivery | null>`(
  select case when d.status = 'delivered' then 'sent'
              when d.status = 'failed' or d.attempts > 0 then 'failed'
              else 'sending' end
  from domain_events e
  left join event_deliveries d on d.event_id = e.id and d.subscriber = ${INVITATION_MAIL}
  where e.type in (${IDENTITY_EVENTS.invitationCreated}, ${IDENTITY_EVENTS.invitationResent})
    and e.subject ->> 'invitationId' = ${invitations.id}::text
  order by e.seq desc limit 1)`;

const withContext = {
  invitation: invitations,
  organisationName: organisations.name,
  ...mailPortalColumns,
  inviterName: users.name,
  inviterEmail: users.email,
  delivery,
};

function selectWithContext(db: Db) {
  return db
    .select(withContext)
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .innerJoin(portals, eq(portals.id, organisations.homePortalId))
    .innerJoin(users, eq(users.id, invitations.invitedByUserId));
}
export type InvitationWithContext = Awaited<
  ReturnType<ReturnType<typeof selectWithContext>["execute"]>
>[number];

/** The scope's condition on `invitations.organisation_id` (none for the platform). */
function inScope(scope: OrgScope | PlatformScope): SQL | undefined {
  const ids = organisationsOf(scope);
  if (ids === "all") return undefined;
  return ids.length > 0 ? inArray(invitations.organisationId, [...ids]) : sql`false`;
}

/** Invitations of the organisations the scope reaches. */
export const invitationsRepository = repository<OrgScope | PlatformScope>()({
  async insert(
    db: Db,
    scope: OrgScope | PlatformScope,
    row: NewInvitationRow,
  ): Promise<InvitationRow | null> {
    const ids = organisationsOf(scope);
    if (ids !== "all" && !ids.includes(row.organisationId)) return null;
    const [created] = await db.insert(invitations).values(row).returning();
    return created ?? null;
  },

  async list(db: Db, scope: OrgScope | PlatformScope): Promise<InvitationWithContext[]> {
    return selectWithContext(db).where(inScope(scope)).orderBy(desc(invitations.createdAt));
  },

  async find(db: Db, scope: OrgScope | PlatformScope, id: string): Promise<InvitationWithContext | null> {
    const [row] = await selectWithContext(db)
      .where(and(eq(invitations.id, id), inScope(scope)))
      .limit(1);
    return row ?? null;
  },

  /** An open (not accepted, revoked or expired) invitation for this address and organisation. */
  async findPendingFor(
    db: Db,
    scope: OrgScope | PlatformScope,
    email: string,
    organisationId: string,
  ): Promise<InvitationRow | null> {
    const [row] = await db
      .select()
      .from(invitations)
      .where(
        and(
          inScope(scope),
          eq(invitations.email, email),
          eq(invitations.organisationId, organisationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .limit(1);
    return row ?? null;
  },

  async update(
    db: Db,
    scope: OrgScope | PlatformScope,
    id: string,
    patch: Partial<Pick<NewInvitationRow, "tokenHash" | "expiresAt" | "lastSentAt" | "revokedAt">>,
  ): Promise<void> {
    await db
      .update(invitations)
      .set(patch)
      .where(and(eq(invitations.id, id), inScope(scope)));
  },
});

/**
 * By the hash of the token in the link: the invitee has no tenant scope yet, the token is it
 * (whoever holds it may see and accept that one invitation).
 */
export const invitationTokensRepository = repository<PublicScope>()({
  async findByTokenHash(
    db: Db,
    _scope: PublicScope,
    tokenHash: string,
  ): Promise<InvitationWithContext | null> {
    const [row] = await selectWithContext(db).where(eq(invitations.tokenHash, tokenHash)).limit(1);
    return row ?? null;
  },

  /** The invitation row, locked until the accepting transaction ends (two tabs accept once). */
  async lockByTokenHash(db: Db, _scope: PublicScope, tokenHash: string): Promise<InvitationRow | null> {
    const [row] = await db
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, tokenHash))
      .for("update");
    return row ?? null;
  },

  async markAccepted(db: Db, _scope: PublicScope, invitationId: string, userId: string): Promise<void> {
    await db
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedUserId: userId })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt)));
  },

  /**
   * The employer's contact person with the invited address now has an account (employers CRM);
   * part of accepting, so it commits or rolls back with it.
   */
  async linkContactPerson(
    db: Db,
    _scope: PublicScope,
    invitation: Pick<InvitationRow, "organisationId" | "email">,
    userId: string,
  ): Promise<void> {
    await db
      .update(contactPersons)
      .set({ userId, updatedAt: new Date() })
      .where(
        and(
          eq(contactPersons.organisationId, invitation.organisationId),
          sql`lower(${contactPersons.email}) = lower(${invitation.email})`,
        ),
      );
  },

  /** The security-log row of the acceptance, for the invitation's organisation. */
  async recordAccepted(
    db: Db,
    _scope: PublicScope,
    invitation: InvitationRow,
    userId: string,
  ): Promise<void> {
    await db.insert(auditEvents).values({
      id: randomUUID(),
      type: "invitation_accepted",
      userId,
      organisationIds: [invitation.organisationId],
      email: invitation.email,
      details: { role: invitation.role },
    });
  },
});
