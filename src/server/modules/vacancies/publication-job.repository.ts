import { and, eq, gte, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { AUDIENCES, type Audience } from "../../../contracts/vacancies";
import type { Db } from "../../platform/db";
import { organisations, portals, users } from "../../platform/schema";
import type { PlatformScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { mailPortalColumns } from "../tenancy";
import { audiencesOn } from "./publication";
import { vacancies, vacancyHistory } from "./vacancies.schema";

/*
 * The publication job and the mail it causes work across every organisation, as the named
 * system actors "job" and "events" (a platform scope), never for a person.
 */

/** The history comment of a vacancy the job closed (Dutch, as every stored comment). */
export const CLOSED_COMMENT = "Sluitingsdatum bereikt";

const FROM_COLUMN = {
  organisation: vacancies.publishOrganisationFrom,
  portal: vacancies.publishPortalFrom,
  all_portals: vacancies.publishAllPortalsFrom,
  public: vacancies.publishPublicFrom,
} as const satisfies Record<Audience, unknown>;

/** Some audience can see the vacancy today and has not been announced yet. */
function hasUnannouncedAudience(today: string): SQL {
  return or(
    ...AUDIENCES.map(
      (audience) =>
        sql`(${FROM_COLUMN[audience]} <= ${today} and not (${audience}::text = any(${vacancies.announcedAudiences})))`,
    ),
  )!;
}

export interface ClosedVacancy {
  id: string;
  organisationId: string;
  portalId: string;
  displayTitle: string;
  closesOn: string | null;
  ownerUserId: string | null;
  contactUserId: string | null;
}

export const publicationJobRepository = repository<PlatformScope>()({
  /**
   * Closes the published vacancies whose closing date has passed, with their history. Call
   * inside a transaction: the rows stay locked until it commits, and rows another run holds
   * are skipped (no waiting, no deadlock); the UPDATE checks the status again, so every
   * vacancy is closed once.
   */
  async closeExpired(db: Db, _scope: PlatformScope, today: string, now: Date): Promise<ClosedVacancy[]> {
    const due = await db
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(and(eq(vacancies.status, "published"), lt(vacancies.closesOn, today)))
      .orderBy(vacancies.id)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const closed = await db
      .update(vacancies)
      .set({ status: "closed", updatedAt: now })
      .where(
        and(
          inArray(
            vacancies.id,
            due.map((v) => v.id),
          ),
          eq(vacancies.status, "published"),
        ),
      )
      .returning({
        id: vacancies.id,
        organisationId: vacancies.organisationId,
        portalId: vacancies.portalId,
        displayTitle: vacancies.displayTitle,
        closesOn: vacancies.closesOn,
        ownerUserId: vacancies.ownerUserId,
        contactUserId: vacancies.contactUserId,
      });
    if (closed.length > 0) {
      await db.insert(vacancyHistory).values(
        closed.map((v) => ({
          vacancyId: v.id,
          organisationId: v.organisationId,
          userId: null,
          action: "closed",
          changes: { status: ["published", "closed"] as [unknown, unknown] },
          comment: CLOSED_COMMENT,
          at: now,
        })),
      );
    }
    return closed;
  },

  /**
   * Records, once per audience, the day a batch of published vacancies became visible to it
   * ("published_to" in the history). Call inside a transaction (rows locked, others skipped).
   */
  async announceBatch(db: Db, _scope: PlatformScope, today: string, now: Date, limit: number) {
    const rows = await db
      .select({
        id: vacancies.id,
        organisationId: vacancies.organisationId,
        portalId: vacancies.portalId,
        displayTitle: vacancies.displayTitle,
        status: vacancies.status,
        publishOrganisationFrom: vacancies.publishOrganisationFrom,
        publishPortalFrom: vacancies.publishPortalFrom,
        publishAllPortalsFrom: vacancies.publishAllPortalsFrom,
        publishPublicFrom: vacancies.publishPublicFrom,
        closesOn: vacancies.closesOn,
        announcedAudiences: vacancies.announcedAudiences,
      })
      .from(vacancies)
      .where(
        and(
          eq(vacancies.status, "published"),
          or(isNull(vacancies.closesOn), gte(vacancies.closesOn, today)),
          hasUnannouncedAudience(today),
        ),
      )
      .orderBy(vacancies.id)
      .limit(limit)
      .for("update", { skipLocked: true });
    const done: { vacancy: (typeof rows)[number]; audiences: Audience[] }[] = [];
    for (const row of rows) {
      const fresh = audiencesOn(row, today).filter((a) => !row.announcedAudiences.includes(a));
      if (fresh.length === 0) continue;
      const all = new Set<string>([...row.announcedAudiences, ...fresh]);
      await db
        .update(vacancies)
        .set({ announcedAudiences: [...AUDIENCES.filter((a) => all.has(a))] })
        .where(eq(vacancies.id, row.id));
      await db.insert(vacancyHistory).values(
        fresh.map((audience) => ({
          vacancyId: row.id,
          organisationId: row.organisationId,
          userId: null,
          action: "published_to",
          changes: { audience: [null, audience] as [unknown, unknown] },
          comment: null,
          at: now,
        })),
      );
      done.push({ vacancy: row, audiences: fresh });
    }
    return { selected: rows.length, done };
  },

  /** Whom the closing mail goes to, and the names it shows; null when there is nobody to write to. */
  async closingMailFacts(
    db: Db,
    _scope: PlatformScope,
    recipientId: string,
    organisationId: string,
    portalId: string,
  ) {
    const [row] = await db
      .select({
        name: users.name,
        email: users.email,
        locale: users.locale,
        deactivatedAt: users.deactivatedAt,
        organisationName: sql<
          string | null
        >`(select ${organisations.name} from ${organisations} where ${organisations.id} = ${organisationId})`,
        ...mailPortalColumns,
      })
      .from(users)
      .innerJoin(portals, eq(portals.id, portalId))
      .where(eq(users.id, recipientId));
    return row ?? null;
  },
});
