import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { accounts, memberships, portals, users } from "../../platform/schema";
import type { PortalScope, PublicScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { candidates } from "./candidates.schema";
import { accountClaims } from "./outreach.schema";

/*
 * Job seekers an account manager registers (PortalScope: on the portal their organisation is at
 * home on), and the link with which they claim the account. The claim itself is reached by the
 * holder of its token (PublicScope: a visitor with the token; only its hash is stored).
 */

export type AccountClaimRow = typeof accountClaims.$inferSelect;

/** Rows of the scope's portal (the national portal reaches every portal). */
const onPortal = (scope: PortalScope, column: typeof candidates.portalId | typeof accountClaims.portalId) =>
  (scope.national ? undefined : eq(column, scope.portalId)) as SQL | undefined;

/** Whether an account with this address exists (addresses are unique across the platform). */
async function emailInUse(db: Db, _scope: PublicScope, email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return row !== undefined;
}

/** An account for the job seeker, with the candidate role on the scope's portal; unconfirmed until claimed. */
async function insertJobSeekerAccount(
  db: Db,
  scope: PortalScope,
  input: { name: string; email: string; phone: string | null },
): Promise<string> {
  const userId = randomUUID();
  await db.insert(users).values({
    id: userId,
    name: input.name,
    email: input.email,
    // Confirmed when they claim the account through the link sent to this address.
    emailVerified: false,
    phone: input.phone,
  });
  await db.insert(memberships).values({ userId, role: "candidate", portalId: scope.portalId });
  return userId;
}

/** A profile on the scope's portal kept by this account manager. */
async function managedProfile(db: Db, scope: PortalScope, candidateId: string, accountManagerUserId: string) {
  const [row] = await db
    .select()
    .from(candidates)
    .where(
      and(
        eq(candidates.id, candidateId),
        eq(candidates.accountManagerUserId, accountManagerUserId),
        onPortal(scope, candidates.portalId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** One link at a time: a new one replaces the person's open links. */
async function revokeOpenClaims(db: Db, scope: PortalScope, userId: string, now: Date): Promise<void> {
  await db
    .update(accountClaims)
    .set({ revokedAt: now })
    .where(
      and(
        eq(accountClaims.userId, userId),
        isNull(accountClaims.claimedAt),
        isNull(accountClaims.revokedAt),
        onPortal(scope, accountClaims.portalId),
      ),
    );
}

async function insertClaim(
  db: Db,
  scope: PortalScope,
  row: typeof accountClaims.$inferInsert,
): Promise<AccountClaimRow> {
  if (!scope.national && row.portalId !== scope.portalId) throw new Error("insertClaim outside the portal");
  const [created] = await db.insert(accountClaims).values(row).returning();
  return created!;
}

/** The newest claim of a profile on the scope's portal, and whether any was claimed. */
async function claimsOf(db: Db, scope: PortalScope, candidateId: string) {
  const rows = await db
    .select()
    .from(accountClaims)
    .where(and(eq(accountClaims.candidateId, candidateId), onPortal(scope, accountClaims.portalId)))
    .orderBy(desc(accountClaims.createdAt));
  return { latest: rows[0] ?? null, claimed: rows.some((r) => r.claimedAt !== null) };
}

/** The claim with this token hash, its person and portal, and who registered them. */
async function claimByTokenHash(db: Db, _scope: PublicScope, tokenHash: string) {
  const [row] = await db
    .select({ claim: accountClaims, user: users, portal: portals })
    .from(accountClaims)
    .innerJoin(users, eq(users.id, accountClaims.userId))
    .innerJoin(portals, eq(portals.id, accountClaims.portalId))
    .where(eq(accountClaims.tokenHash, tokenHash));
  if (!row) return null;
  const [by] = row.claim.createdByUserId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, row.claim.createdByUserId))
    : [];
  return { ...row, registeredBy: by?.name ?? null };
}

/**
 * Uses up the claim and gives its person a password and a confirmed address (the link came
 * there). False when the claim was used meanwhile. Call inside a transaction.
 */
async function completeClaim(
  db: Db,
  _scope: PublicScope,
  claim: Pick<AccountClaimRow, "id" | "userId">,
  passwordHash: string,
  now: Date,
): Promise<boolean> {
  const used = await db
    .update(accountClaims)
    .set({ claimedAt: now })
    .where(and(eq(accountClaims.id, claim.id), isNull(accountClaims.claimedAt)))
    .returning({ id: accountClaims.id });
  if (used.length === 0) return false;
  await db.insert(accounts).values({
    id: randomUUID(),
    userId: claim.userId,
    accountId: claim.userId,
    providerId: "credential",
    password: passwordHash,
  });
  await db.update(users).set({ emailVerified: true, updatedAt: now }).where(eq(users.id, claim.userId));
  return true;
}

export const jobSeekersRepository = repository<PortalScope>()({
  insertJobSeekerAccount,
  managedProfile,
  revokeOpenClaims,
  insertClaim,
  claimsOf,
});

export const accountClaimsRepository = repository<PublicScope>()({
  emailInUse,
  claimByTokenHash,
  completeClaim,
});
