import { and, eq, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../platform/db";
import { candidates, matches, memberships, organisations, portals, users } from "../../platform/schema";
import type { PlatformScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { mailPortalColumns } from "../tenancy";
import { vacancies } from "./vacancies.schema";
import { familyOf } from "./vacancy-people.repository";

/** A person a selection mail goes to, with what the mail shows (read when it is sent). */
export interface SelectionRecipient {
  userId: string;
  name: string;
  email: string;
  locale: string | null;
}

export interface SelectionMailVacancy {
  id: string;
  displayTitle: string;
  organisationName: string;
  status: string;
  decisionComment: string | null;
  requestedByUserId: string | null;
  requesterName: string | null;
  portalSlug: string;
  portalParentId: string | null;
  portalNameNl: string;
  portalNameEn: string;
}

const recipientColumns = {
  userId: users.id,
  name: users.name,
  email: users.email,
  locale: users.locale,
};

/** The facts of the selection mails (Vlimpers): requests, decisions, applications. */
export const selectionMailRepository = repository<PlatformScope>()({
  async vacancy(db: Db, _scope: PlatformScope, vacancyId: string): Promise<SelectionMailVacancy | null> {
    const [row] = await db
      .select({
        id: vacancies.id,
        displayTitle: vacancies.displayTitle,
        organisationName: organisations.name,
        status: vacancies.status,
        decisionComment: vacancies.decisionComment,
        requestedByUserId: vacancies.requestedByUserId,
        requesterName: sql<
          string | null
        >`(select u.name from ${users} u where u.id = ${vacancies.requestedByUserId})`,
        ...mailPortalColumns,
      })
      .from(vacancies)
      .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
      .innerJoin(portals, eq(portals.id, vacancies.portalId))
      .where(eq(vacancies.id, vacancyId));
    return row ?? null;
  },

  /** Who decides a request: the active selection officers of the vacancy's organisation family. */
  async selectionOfficers(
    db: Db,
    _scope: PlatformScope,
    organisationId: string,
  ): Promise<SelectionRecipient[]> {
    return queryRows<SelectionRecipient>(
      db,
      sql`select distinct u.id as "userId", u.name, u.email, u.locale from ${memberships} m
        join ${users} u on u.id = m.user_id
        where m.role = 'selection_officer' and u.deactivated_at is null
          and m.organisation_id in ${familyOf(sql`${organisationId}::uuid`)}
        order by u.name`,
    );
  },

  async user(db: Db, _scope: PlatformScope, userId: string): Promise<SelectionRecipient | null> {
    const [row] = await db
      .select(recipientColumns)
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deactivatedAt)));
    return row ?? null;
  },

  /**
   * An application's applicant (their account, else the address on the candidate) and the
   * vacancy's owner (else its contact person, else who made it).
   */
  async application(db: Db, _scope: PlatformScope, matchId: string) {
    const [row] = await db
      .select({
        vacancyId: matches.vacancyId,
        source: matches.source,
        candidateName: sql<string>`trim(${candidates.firstName} || ' ' || ${candidates.lastName})`,
        applicantUserId: candidates.userId,
        applicantEmail: sql<
          string | null
        >`coalesce((select u.email from ${users} u where u.id = ${candidates.userId}), ${candidates.email})`,
        applicantLocale: sql<
          string | null
        >`(select u.locale from ${users} u where u.id = ${candidates.userId})`,
        handlerUserId: sql<
          string | null
        >`coalesce(${vacancies.ownerUserId}, ${vacancies.contactUserId}, ${vacancies.createdByUserId})`,
      })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
      .where(eq(matches.id, matchId));
    return row ?? null;
  },
});
