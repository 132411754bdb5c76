import { and, asc, desc, eq, gte, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { type Db, inTenant } from "../../platform/db";
import {
  candidates,
  matches,
  matchHistory,
  organisationSites,
  organisations,
  portals,
  procedurePhases,
  users,
  vacancies,
} from "../../platform/schema";
import { type PublicScope, reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { mailPortalColumns } from "../tenancy";
import { isMilestone } from "./referrals.repository";
import { referralLinks, referralPoints, referrals } from "./referrals.schema";

export type ReferralRow = typeof referrals.$inferSelect;
export type NewReferralRow = typeof referrals.$inferInsert;

/** Published and not past its closing date. */
const isOpen = (today: string): SQL =>
  and(eq(vacancies.status, "published"), or(isNull(vacancies.closesOn), gte(vacancies.closesOn, today)))!;

/** The vacancy's procedure (its own, else the organisation's default) is the referral procedure. */
const hasReferralProcedure = sql`exists (select 1 from procedures p where p.organisation_id = ${vacancies.organisationId}
  and p.kind = 'referral' and (p.id = ${vacancies.procedureId} or (${vacancies.procedureId} is null and p.is_default)))`;

const vacancyColumns = {
  id: vacancies.id,
  displayTitle: vacancies.displayTitle,
  city: vacancies.city,
  closesOn: vacancies.closesOn,
  publishPublicFrom: vacancies.publishPublicFrom,
  organisationId: vacancies.organisationId,
  portalId: vacancies.portalId,
  procedureId: vacancies.procedureId,
  siteId: organisationSites.id,
  siteName: organisationSites.name,
  ...mailPortalColumns,
};

export type ReferrableVacancyRow = {
  id: string;
  displayTitle: string;
  city: string | null;
  closesOn: string | null;
  publishPublicFrom: string | null;
  organisationId: string;
  portalId: string;
  procedureId: string | null;
  siteId: string | null;
  siteName: string | null;
  portalSlug: string;
  portalParentId: string | null;
  portalNameNl: string;
  portalNameEn: string;
};

/** The referrer's own side: their organisation's vacancies, their links, referrals and points. */
export const referrerRepository = repository<TenantScope>()({
  /** Open vacancies of the scope's organisations that take referrals, with the referrer's link. */
  async openVacancies(db: Db, scope: TenantScope, referrerUserId: string, today: string) {
    return db
      .select({
        ...vacancyColumns,
        linkCode: referralLinks.code,
        referredByMe: sql<number>`(select count(*)::int from referrals r where r.vacancy_id = ${vacancies.id} and r.referrer_user_id = ${referrerUserId})`,
      })
      .from(vacancies)
      .innerJoin(portals, eq(portals.id, vacancies.portalId))
      .leftJoin(organisationSites, eq(organisationSites.id, vacancies.siteId))
      .leftJoin(
        referralLinks,
        and(eq(referralLinks.vacancyId, vacancies.id), eq(referralLinks.referrerUserId, referrerUserId)),
      )
      .where(and(inTenant(scope, vacancies.organisationId), isOpen(today), hasReferralProcedure))
      .orderBy(asc(vacancies.displayTitle), asc(vacancies.id));
  },

  /** One open vacancy of the scope's organisations that takes referrals; null for anything else. */
  async referrableVacancy(
    db: Db,
    scope: TenantScope,
    vacancyId: string,
    today: string,
  ): Promise<ReferrableVacancyRow | null> {
    const [row] = await db
      .select(vacancyColumns)
      .from(vacancies)
      .innerJoin(portals, eq(portals.id, vacancies.portalId))
      .leftJoin(organisationSites, eq(organisationSites.id, vacancies.siteId))
      .where(
        and(
          eq(vacancies.id, vacancyId),
          inTenant(scope, vacancies.organisationId),
          isOpen(today),
          hasReferralProcedure,
        ),
      )
      .limit(1);
    return row ?? null;
  },

  /** The referrer's link to a vacancy: made on first use, the same code ever after. */
  async ensureLink(
    db: Db,
    scope: TenantScope,
    link: { organisationId: string; vacancyId: string; referrerUserId: string; code: string },
  ): Promise<string> {
    if (!reaches(scope, link.organisationId)) throw new Error("referral link outside the caller's scope");
    await db.insert(referralLinks).values(link).onConflictDoNothing();
    const [row] = await db
      .select({ code: referralLinks.code })
      .from(referralLinks)
      .where(
        and(
          eq(referralLinks.vacancyId, link.vacancyId),
          eq(referralLinks.referrerUserId, link.referrerUserId),
        ),
      );
    return row!.code;
  },

  async referralExists(db: Db, scope: TenantScope, vacancyId: string, email: string): Promise<boolean> {
    const [row] = await db
      .select({ id: referrals.id })
      .from(referrals)
      .where(
        and(
          eq(referrals.vacancyId, vacancyId),
          eq(referrals.email, email),
          inTenant(scope, referrals.organisationId),
        ),
      )
      .limit(1);
    return row !== undefined;
  },

  /** A new referral; null when the person (or the match) was already referred to the vacancy. */
  async insertReferral(db: Db, scope: TenantScope, row: NewReferralRow): Promise<ReferralRow | null> {
    if (!reaches(scope, row.organisationId)) throw new Error("referral outside the caller's scope");
    const [created] = await db.insert(referrals).values(row).onConflictDoNothing().returning();
    return created ?? null;
  },

  /** The referrer's referred people (or one of them), newest first, with the match's state. */
  async myReferrals(db: Db, scope: TenantScope, referrerUserId: string, referralId?: string) {
    return db
      .select({
        id: referrals.id,
        channel: referrals.channel,
        createdAt: referrals.createdAt,
        eoiAt: referrals.eoiAt,
        firstName: candidates.firstName,
        lastName: candidates.lastName,
        vacancyId: vacancies.id,
        vacancyTitle: vacancies.displayTitle,
        matchId: matches.id,
        procedureId: matches.procedureId,
        outcome: matches.outcome,
        meaning: procedurePhases.meaning,
        points: sql<number>`(select coalesce(sum(rp.points), 0)::int from referral_points rp
          where rp.referral_id = ${referrals.id} and rp.referrer_user_id = ${referrerUserId})`,
      })
      .from(referrals)
      .innerJoin(candidates, eq(candidates.id, referrals.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
      .innerJoin(matches, eq(matches.id, referrals.matchId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(
        and(
          eq(referrals.referrerUserId, referrerUserId),
          inTenant(scope, referrals.organisationId),
          referralId ? eq(referrals.id, referralId) : undefined,
        ),
      )
      .orderBy(desc(referrals.createdAt), asc(referrals.id));
  },

  /** The milestones (phases with a list of outcomes) of these procedures, in order. */
  async milestones(db: Db, scope: TenantScope, procedureIds: readonly string[]) {
    if (procedureIds.length === 0) return [];
    return db
      .select({
        id: procedurePhases.id,
        procedureId: procedurePhases.procedureId,
        key: procedurePhases.key,
        label: procedurePhases.label,
      })
      .from(procedurePhases)
      .where(
        and(
          inArray(procedurePhases.procedureId, [...procedureIds]),
          inTenant(scope, procedurePhases.organisationId),
          isMilestone,
        ),
      )
      .orderBy(asc(procedurePhases.procedureId), asc(procedurePhases.position));
  },

  /** The steps of these matches that still stand, oldest first: colour and time only. */
  async liveSteps(db: Db, scope: TenantScope, matchIds: readonly string[]) {
    if (matchIds.length === 0) return [];
    return db
      .select({
        matchId: matchHistory.matchId,
        toPhaseId: matchHistory.toPhaseId,
        outcome: matchHistory.outcome,
        at: matchHistory.at,
      })
      .from(matchHistory)
      .where(
        and(
          inArray(matchHistory.matchId, [...matchIds]),
          isNull(matchHistory.undoneAt),
          inTenant(scope, matchHistory.organisationId),
        ),
      )
      .orderBy(asc(matchHistory.matchId), asc(matchHistory.seq));
  },

  /** The referrer's points ledger, newest first, with what each line was for. */
  async pointsLedger(db: Db, scope: TenantScope, referrerUserId: string) {
    return db
      .select({
        id: referralPoints.id,
        at: referralPoints.at,
        points: referralPoints.points,
        phaseKey: referralPoints.phaseKey,
        reversesId: referralPoints.reversesId,
        firstName: candidates.firstName,
        lastName: candidates.lastName,
        vacancyTitle: vacancies.displayTitle,
        label: sql<Record<string, string> | null>`(select pp.label from procedure_phases pp
          where pp.procedure_id = ${matches.procedureId} and pp.key = ${referralPoints.phaseKey} limit 1)`,
      })
      .from(referralPoints)
      .innerJoin(referrals, eq(referrals.id, referralPoints.referralId))
      .innerJoin(candidates, eq(candidates.id, referrals.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
      .innerJoin(matches, eq(matches.id, referrals.matchId))
      .where(
        and(
          eq(referralPoints.referrerUserId, referrerUserId),
          inTenant(scope, referralPoints.organisationId),
        ),
      )
      .orderBy(desc(referralPoints.at), desc(referralPoints.id));
  },
});

/** What the subscribers of referrals read and write, as the event dispatcher (platform scope). */
export const referrerEventsRepository = repository<TenantScope>()({
  async linkByCode(db: Db, scope: TenantScope, code: string) {
    const [row] = await db
      .select()
      .from(referralLinks)
      .where(and(eq(referralLinks.code, code), inTenant(scope, referralLinks.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** The applicant's address: their candidate row's, else their account's. */
  async applicant(db: Db, scope: TenantScope, matchId: string) {
    const [row] = await db
      .select({
        matchId: matches.id,
        organisationId: matches.organisationId,
        portalId: matches.portalId,
        vacancyId: matches.vacancyId,
        candidateId: matches.candidateId,
        userId: candidates.userId,
        email: sql<string | null>`lower(coalesce(${candidates.email}, ${users.email}))`,
        createdAt: matches.createdAt,
      })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .leftJoin(users, eq(users.id, candidates.userId))
      .where(and(eq(matches.id, matchId), inTenant(scope, matches.organisationId)))
      .limit(1);
    return row ?? null;
  },

  async insertReferral(db: Db, scope: TenantScope, row: NewReferralRow): Promise<ReferralRow | null> {
    if (!reaches(scope, row.organisationId)) throw new Error("referral outside the caller's scope");
    const [created] = await db.insert(referrals).values(row).onConflictDoNothing().returning();
    return created ?? null;
  },

  /** What the confirmation mail says: the person, who referred them, the vacancy, the portal. */
  async invitationFacts(db: Db, scope: TenantScope, referralId: string) {
    const [row] = await db
      .select({
        email: referrals.email,
        firstName: candidates.firstName,
        lastName: candidates.lastName,
        referrerName: users.name,
        vacancyTitle: vacancies.displayTitle,
        organisationName: organisations.name,
        ...mailPortalColumns,
      })
      .from(referrals)
      .innerJoin(candidates, eq(candidates.id, referrals.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
      .innerJoin(organisations, eq(organisations.id, referrals.organisationId))
      .innerJoin(portals, eq(portals.id, referrals.portalId))
      .leftJoin(users, eq(users.id, referrals.referrerUserId))
      .where(and(eq(referrals.id, referralId), inTenant(scope, referrals.organisationId)))
      .limit(1);
    return row ?? null;
  },
});

/**
 * The referred person's confirmation link: no one is signed in, the token is the key. Only the
 * referral whose hash matches is read or changed.
 */
export const invitationRepository = repository<PublicScope>()({
  async byTokenHash(db: Db, _scope: PublicScope, tokenHash: string) {
    const [row] = await db
      .select({
        id: referrals.id,
        organisationId: referrals.organisationId,
        portalId: referrals.portalId,
        vacancyId: referrals.vacancyId,
        matchId: referrals.matchId,
        candidateId: referrals.candidateId,
        referrerUserId: referrals.referrerUserId,
        eoiAt: referrals.eoiAt,
        expiresAt: referrals.confirmExpiresAt,
        referrerName: users.name,
        vacancyTitle: vacancies.displayTitle,
        vacancyCity: vacancies.city,
        organisationName: organisations.name,
        firstName: candidates.firstName,
        lastName: candidates.lastName,
        phone: candidates.phone,
        postcode: candidates.postcode,
        placeId: candidates.placeId,
      })
      .from(referrals)
      .innerJoin(candidates, eq(candidates.id, referrals.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, referrals.vacancyId))
      .innerJoin(organisations, eq(organisations.id, referrals.organisationId))
      .leftJoin(users, eq(users.id, referrals.referrerUserId))
      .where(eq(referrals.confirmTokenHash, tokenHash))
      .limit(1);
    return row ?? null;
  },

  /** Keeps the first expression of interest and spends the token; null when it was spent already. */
  async confirm(db: Db, _scope: PublicScope, referralId: string, tokenHash: string) {
    const [row] = await db
      .update(referrals)
      .set({
        eoiAt: sql`coalesce(${referrals.eoiAt}, now())`,
        confirmTokenHash: null,
        confirmExpiresAt: null,
        updatedAt: sql`now()`,
      })
      .where(and(eq(referrals.id, referralId), eq(referrals.confirmTokenHash, tokenHash)))
      .returning({ eoiAt: referrals.eoiAt });
    return row ?? null;
  },
});
