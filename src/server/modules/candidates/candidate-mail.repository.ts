import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { organisations, portals, users } from "../../platform/schema";
import type { PlatformScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { candidates } from "./candidates.schema";
import { accountClaims, candidateMessages } from "./outreach.schema";

/*
 * What the mail subscribers read when they deliver (PlatformScope: the event dispatcher). Events
 * carry ids only, so a mail is built from the rows as they are then: a profile anonymised in the
 * meantime has no address left and gets no mail.
 */

/** "Benaderen": the message with its sender and where the candidate can be reached. */
async function approachMail(db: Db, _scope: PlatformScope, messageId: string) {
  const [row] = await db
    .select({
      subject: candidateMessages.subject,
      body: candidateMessages.body,
      senderUserId: candidateMessages.senderUserId,
      senderOrganisationId: candidateMessages.senderOrganisationId,
      candidate: {
        firstName: candidates.firstName,
        email: candidates.email,
        userId: candidates.userId,
        portalId: candidates.portalId,
        anonymisedAt: candidates.anonymisedAt,
      },
    })
    .from(candidateMessages)
    .innerJoin(candidates, eq(candidates.id, candidateMessages.candidateId))
    .where(eq(candidateMessages.id, messageId));
  if (!row || row.candidate.anonymisedAt) return null;
  const [sender] = row.senderUserId
    ? await db
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, row.senderUserId))
    : [];
  const [organisation] = row.senderOrganisationId
    ? await db
        .select({ name: organisations.name })
        .from(organisations)
        .where(eq(organisations.id, row.senderOrganisationId))
    : [];
  return {
    ...row,
    senderName: sender?.name ?? null,
    senderEmail: sender?.email ?? null,
    organisationName: organisation?.name ?? null,
    ...(await addressee(db, row.candidate)),
  };
}

/** A claim link still to send: the claim is open and its person has an address. */
async function claimMail(db: Db, _scope: PlatformScope, claimId: string) {
  const [row] = await db
    .select({ claim: accountClaims, user: users, firstName: candidates.firstName })
    .from(accountClaims)
    .innerJoin(users, eq(users.id, accountClaims.userId))
    .innerJoin(candidates, eq(candidates.id, accountClaims.candidateId))
    .where(
      and(eq(accountClaims.id, claimId), isNull(accountClaims.claimedAt), isNull(accountClaims.revokedAt)),
    );
  if (!row) return null;
  const [portal] = await db.select().from(portals).where(eq(portals.id, row.claim.portalId));
  const [manager] = row.claim.createdByUserId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, row.claim.createdByUserId))
    : [];
  return { ...row, portal: portal ?? null, registeredBy: manager?.name ?? "" };
}

/** A retention reminder still due: the profile is reminded, not anonymised, not changed since. */
async function reminderMail(db: Db, _scope: PlatformScope, candidateId: string) {
  const [row] = await db
    .select()
    .from(candidates)
    .where(
      and(
        eq(candidates.id, candidateId),
        isNull(candidates.anonymisedAt),
        isNotNull(candidates.retentionRemindedAt),
      ),
    );
  if (!row) return null;
  return { row, ...(await addressee(db, row)) };
}

/** Where mail to a profile goes (its account's address, else the profile's) and in which language. */
async function addressee(
  db: Db,
  candidate: { email: string | null; userId: string | null; portalId: string },
): Promise<{
  to: string | null;
  userName: string | null;
  locale: string | null;
  portal: typeof portals.$inferSelect | null;
}> {
  const [user] = candidate.userId ? await db.select().from(users).where(eq(users.id, candidate.userId)) : [];
  const [portal] = await db.select().from(portals).where(eq(portals.id, candidate.portalId));
  const account = user && !user.deactivatedAt ? user : undefined;
  return {
    to: account?.email ?? candidate.email,
    userName: account?.name ?? null,
    locale: account?.locale ?? null,
    portal: portal ?? null,
  };
}

export const candidateMailRepository = repository<PlatformScope>()({ approachMail, claimMail, reminderMail });
