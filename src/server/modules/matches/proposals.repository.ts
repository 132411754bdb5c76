import { and, asc, desc, eq, inArray, isNull, like, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Db, inTenant, queryRows } from "../../platform/db";
import { candidates, contactPersons, portals, users, vacancies } from "../../platform/schema";
import { type PlatformScope, reaches, type SelfScope, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { mailPortalColumns } from "../tenancy";
import { matches, matchProposals, matchReviewers, notifications, procedurePhases } from "./matches.schema";

export type ProposalRow = typeof matchProposals.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;

export interface VacancyProposalRow {
  proposal: ProposalRow;
  proposerName: string | null;
  deciderName: string | null;
  reviewers: Array<{ proposalId: string; contactPersonId: string; name: string }>;
}

/** The organisation's whole family (up to the top and down every department), as ids. */
async function familyOf(db: Db, organisationId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with recursive up(id, parent_id) as (
      select id, parent_id from organisations where id = ${organisationId}
      union select o.id, o.parent_id from organisations o join up on o.id = up.parent_id
    ), down(id) as (
      select id from up where parent_id is null
      union select o.id from organisations o join down on o.parent_id = down.id
    ) select id from down`,
  );
  return rows.map((r) => r.id);
}

const candidateName = sql<string>`trim(${candidates.firstName} || ' ' || ${candidates.lastName})`;

/**
 * Contact persons with portal access: an account (not deactivated) holding employer_contact on
 * the employer's family.
 */
const hasPortalAccess = (family: readonly string[]) => sql`exists (
  select 1 from memberships m where m.user_id = ${contactPersons.userId}
  and m.role = 'employer_contact' and m.organisation_id in (${sql.join(
    family.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}))`;

/** The recruiter's side: reviewers, proposing and withdrawing, within the caller's organisations. */
export const proposalsRepository = repository<TenantScope>()({
  /** The contacts of the organisation's employer (its family) who can review proposals. */
  async reviewableContacts(db, scope, organisationId: string) {
    if (!reaches(scope, organisationId)) return [];
    const family = await familyOf(db, organisationId);
    if (family.length === 0) return [];
    return db
      .select({
        id: contactPersons.id,
        name: contactPersons.name,
        email: users.email,
        language: contactPersons.language,
        userId: users.id,
      })
      .from(contactPersons)
      .innerJoin(users, eq(users.id, contactPersons.userId))
      .where(
        and(
          inArray(contactPersons.organisationId, family),
          inTenant(scope, contactPersons.organisationId),
          isNull(users.deactivatedAt),
          hasPortalAccess(family),
        ),
      )
      .orderBy(asc(contactPersons.name));
  },

  /** The candidate's match on the vacancy, if any. */
  async matchOf(db, scope, vacancyId: string, candidateId: string) {
    const [row] = await db
      .select()
      .from(matches)
      .where(
        and(
          eq(matches.vacancyId, vacancyId),
          eq(matches.candidateId, candidateId),
          inTenant(scope, matches.organisationId),
        ),
      )
      .limit(1);
    return row ?? null;
  },

  /** The match's live (not withdrawn) proposal, if any. */
  async liveProposal(db, scope, matchId: string): Promise<ProposalRow | null> {
    const [row] = await db
      .select()
      .from(matchProposals)
      .where(
        and(
          eq(matchProposals.matchId, matchId),
          isNull(matchProposals.withdrawnAt),
          inTenant(scope, matchProposals.organisationId),
        ),
      )
      .limit(1);
    return row ?? null;
  },

  async create(
    db,
    scope,
    row: typeof matchProposals.$inferInsert,
    reviewers: ReadonlyArray<{ contactPersonId: string; userId: string }>,
  ): Promise<ProposalRow> {
    if (!reaches(scope, row.organisationId)) throw new Error("proposals.create outside the scope");
    const [created] = await db.insert(matchProposals).values(row).returning();
    await db.insert(matchReviewers).values(
      reviewers.map((r) => ({
        proposalId: created!.id,
        matchId: row.matchId,
        organisationId: row.organisationId,
        contactPersonId: r.contactPersonId,
        userId: r.userId,
      })),
    );
    return created!;
  },

  /** Withdraws a live proposal without a verdict; null when there is none (any more). */
  async withdraw(db, scope, proposalId: string): Promise<ProposalRow | null> {
    const [row] = await db
      .update(matchProposals)
      .set({ withdrawnAt: sql`now()` })
      .where(
        and(
          eq(matchProposals.id, proposalId),
          isNull(matchProposals.withdrawnAt),
          isNull(matchProposals.decision),
          inTenant(scope, matchProposals.organisationId),
        ),
      )
      .returning();
    return row ?? null;
  },

  /** The live proposals on a vacancy's matches, with who proposed, decided and reviews. */
  async ofVacancy(db, scope, vacancyId: string): Promise<VacancyProposalRow[]> {
    const decider = alias(users, "decider");
    const rows = await db
      .select({ proposal: matchProposals, proposerName: users.name, deciderName: decider.name })
      .from(matchProposals)
      .innerJoin(matches, eq(matches.id, matchProposals.matchId))
      .leftJoin(users, eq(users.id, matchProposals.proposedByUserId))
      .leftJoin(decider, eq(decider.id, matchProposals.decidedByUserId))
      .where(
        and(
          eq(matches.vacancyId, vacancyId),
          isNull(matchProposals.withdrawnAt),
          inTenant(scope, matchProposals.organisationId),
        ),
      )
      .orderBy(desc(matchProposals.proposedAt));
    const reviewers =
      rows.length === 0
        ? []
        : await db
            .select({
              proposalId: matchReviewers.proposalId,
              contactPersonId: matchReviewers.contactPersonId,
              name: contactPersons.name,
            })
            .from(matchReviewers)
            .innerJoin(contactPersons, eq(contactPersons.id, matchReviewers.contactPersonId))
            .where(
              and(
                inArray(
                  matchReviewers.proposalId,
                  rows.map((r) => r.proposal.id),
                ),
                inTenant(scope, matchReviewers.organisationId),
              ),
            )
            .orderBy(asc(contactPersons.name));
    return rows.map((r) => ({ ...r, reviewers: reviewers.filter((x) => x.proposalId === r.proposal.id) }));
  },
});

/**
 * The contact's side: the proposals they review or reviewed. Waiting ones (still in the
 * "proposed" phase) and approved ones in whatever phase; rejected and withdrawn ones are gone.
 */
export const reviewsRepository = repository<TenantScope>()({
  async forReviewer(db, scope, userId: string, matchId?: string) {
    return db
      .selectDistinctOn([matchProposals.id], {
        proposal: matchProposals,
        match: matches,
        candidateName,
        vacancy: { id: vacancies.id, displayTitle: vacancies.displayTitle },
        proposerName: users.name,
        phase: { key: procedurePhases.key, label: procedurePhases.label },
      })
      .from(matchReviewers)
      .innerJoin(matchProposals, eq(matchProposals.id, matchReviewers.proposalId))
      .innerJoin(matches, eq(matches.id, matchReviewers.matchId))
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .leftJoin(users, eq(users.id, matchProposals.proposedByUserId))
      .where(
        and(
          eq(matchReviewers.userId, userId),
          matchId ? eq(matchReviewers.matchId, matchId) : undefined,
          isNull(matchProposals.withdrawnAt),
          or(
            and(isNull(matchProposals.decision), eq(procedurePhases.key, "proposed")),
            eq(matchProposals.decision, "approved"),
          ),
          inTenant(scope, matchReviewers.organisationId),
          inTenant(scope, matches.organisationId),
        ),
      )
      .orderBy(matchProposals.id);
  },

  /** Proposals waiting for this contact's verdict (for the contact's dashboard). */
  async waitingCount(db, scope, userId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${matchProposals.id})::int` })
      .from(matchReviewers)
      .innerJoin(matchProposals, eq(matchProposals.id, matchReviewers.proposalId))
      .innerJoin(matches, eq(matches.id, matchReviewers.matchId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(
        and(
          eq(matchReviewers.userId, userId),
          isNull(matchProposals.withdrawnAt),
          isNull(matchProposals.decision),
          eq(procedurePhases.key, "proposed"),
          inTenant(scope, matchReviewers.organisationId),
        ),
      );
    return row?.n ?? 0;
  },

  /** Records the verdict once: null when another verdict (or a withdrawal) came first. */
  async decide(
    db,
    scope,
    proposalId: string,
    verdict: { decision: "approved" | "rejected"; userId: string; comment: string },
  ): Promise<ProposalRow | null> {
    const [row] = await db
      .update(matchProposals)
      .set({
        decision: verdict.decision,
        decidedByUserId: verdict.userId,
        decidedAt: sql`now()`,
        comment: verdict.comment,
      })
      .where(
        and(
          eq(matchProposals.id, proposalId),
          isNull(matchProposals.decision),
          isNull(matchProposals.withdrawnAt),
          inTenant(scope, matchProposals.organisationId),
        ),
      )
      .returning();
    return row ?? null;
  },

  /** A proposal the contact reviews, decided or not (to tell a second verdict from a stranger's). */
  async assigned(db, scope, userId: string, matchId: string): Promise<ProposalRow | null> {
    const [row] = await db
      .select({ proposal: matchProposals })
      .from(matchReviewers)
      .innerJoin(matchProposals, eq(matchProposals.id, matchReviewers.proposalId))
      .where(
        and(
          eq(matchReviewers.userId, userId),
          eq(matchReviewers.matchId, matchId),
          isNull(matchProposals.withdrawnAt),
          inTenant(scope, matchReviewers.organisationId),
        ),
      )
      .orderBy(desc(matchProposals.proposedAt))
      .limit(1);
    return row?.proposal ?? null;
  },
});

/** What the mail subscribers need, read with the dispatcher's scope. */
export const proposalMailRepository = repository<PlatformScope>()({
  async proposalFacts(db, _scope, proposalId: string) {
    const [row] = await db
      .select({
        proposal: matchProposals,
        candidateName,
        vacancyTitle: vacancies.displayTitle,
        vacancyId: vacancies.id,
        accountManagerUserId: vacancies.accountManagerUserId,
        proposerName: users.name,
        ...mailPortalColumns,
      })
      .from(matchProposals)
      .innerJoin(matches, eq(matches.id, matchProposals.matchId))
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
      .innerJoin(portals, eq(portals.id, matches.portalId))
      .leftJoin(users, eq(users.id, matchProposals.proposedByUserId))
      .where(eq(matchProposals.id, proposalId));
    return row ?? null;
  },

  /** The proposal's reviewers with the address and language to write to. */
  async reviewers(db, _scope, proposalId: string) {
    return db
      .select({
        userId: users.id,
        name: contactPersons.name,
        email: users.email,
        language: contactPersons.language,
        deactivatedAt: users.deactivatedAt,
      })
      .from(matchReviewers)
      .innerJoin(contactPersons, eq(contactPersons.id, matchReviewers.contactPersonId))
      .innerJoin(users, eq(users.id, matchReviewers.userId))
      .where(eq(matchReviewers.proposalId, proposalId));
  },

  async people(db, _scope, userIds: readonly string[]) {
    if (userIds.length === 0) return [];
    return db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        locale: users.locale,
        deactivatedAt: users.deactivatedAt,
      })
      .from(users)
      .where(inArray(users.id, [...userIds]));
  },

  async notify(db, _scope, row: typeof notifications.$inferInsert): Promise<void> {
    await db.insert(notifications).values(row).onConflictDoNothing();
  },
});

/** A person's own notices. */
export const notificationsRepository = repository<SelfScope>()({
  async list(db, scope, limit: number) {
    return db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, scope.userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit);
  },

  /** Unread notices of the kinds that start with `prefix` ("proposal_", "referral_"). */
  async unread(db, scope, prefix: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, scope.userId),
          isNull(notifications.readAt),
          like(notifications.kind, `${prefix}%`),
        ),
      );
    return row?.n ?? 0;
  },

  /** Marks every notice of these kinds read (the page that shows what they are about was opened). */
  async markAllRead(db, scope, prefix: string): Promise<number> {
    const rows = await db
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.userId, scope.userId),
          isNull(notifications.readAt),
          like(notifications.kind, `${prefix}%`),
        ),
      )
      .returning({ id: notifications.id });
    return rows.length;
  },

  /** Unread notices about these matches (the vacancy page's badges). */
  async unreadMatches(db, scope, matchIds: readonly string[]): Promise<string[]> {
    if (matchIds.length === 0) return [];
    const rows = await db
      .selectDistinct({ matchId: notifications.matchId })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, scope.userId),
          isNull(notifications.readAt),
          like(notifications.kind, "proposal_%"),
          inArray(notifications.matchId, [...matchIds]),
        ),
      );
    return rows.flatMap((r) => (r.matchId ? [r.matchId] : []));
  },

  async markRead(db, scope, id: string): Promise<NotificationRow | null> {
    const [row] = await db
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, scope.userId)))
      .returning();
    return row ?? null;
  },
});
