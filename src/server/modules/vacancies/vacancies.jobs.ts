import { and, eq, gte, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { AUDIENCES, type Audience } from "../../../contracts/vacancies";
import type { Db } from "../../platform/db";
import type { Jobs } from "../../platform/jobs";
import type { Mailer } from "../../platform/mail";
import { mailLocale, vacancyClosed } from "../../platform/mail-templates";
import { portalUrl } from "../../platform/tenancy";
import { organisations, portals, users } from "../tenancy/tenancy.schema";
import { vacancies, vacancyHistory } from "./vacancies.schema";
import { audiencesOn, todayIn } from "./visibility";

/**
 * The publication job. Who sees a vacancy is decided at read time from its dates
 * (`visibility.ts`); this job makes the stored state follow those dates: it closes published
 * vacancies whose closing date has passed (history + a mail to the owner) and records, once per
 * audience, the day a vacancy became visible to it ("published_to" in the history).
 *
 * Safe to run in several processes at once: both steps lock the rows they change with
 * `for update skip locked` and re-check them, so each vacancy is closed (and its owner mailed)
 * by exactly one run and each audience is announced once.
 */

export const VACANCY_PUBLICATION_JOB = "vacancy-publication";
export const VACANCY_PUBLICATION_CRON = "*/5 * * * *";
/** The history comment of a vacancy the job closed (Dutch, as every stored comment). */
export const CLOSED_COMMENT = "Sluitingsdatum bereikt";

const ANNOUNCE_BATCH = 200;

export interface VacancyJobDeps {
  db: Db;
  mailer: Mailer;
  /** Public URL of the national portal; a portal's URL is derived from it. */
  publicUrl: string;
  log?: (message: string) => void;
}

export interface PublicationRun {
  today: string;
  /** Vacancies this run closed. */
  closed: string[];
  /** Audiences this run announced, per vacancy. */
  announced: Array<{ vacancyId: string; audience: Audience }>;
  /** Closing mails sent. */
  mailed: number;
}

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

interface ClosedVacancy {
  id: string;
  organisationId: string;
  portalId: string;
  displayTitle: string;
  closesOn: string | null;
  ownerUserId: string | null;
  contactUserId: string | null;
}

async function closeExpired(db: Db, today: string, now: Date): Promise<ClosedVacancy[]> {
  return db.transaction(async (tx) => {
    // Lock the expired rows, skipping any another run holds (no waiting, no deadlock); the
    // UPDATE checks the status again, so every vacancy is closed, and mailed about, once.
    const due = await tx
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(and(eq(vacancies.status, "published"), lt(vacancies.closesOn, today)))
      .orderBy(vacancies.id)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const closed = await tx
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
      await tx.insert(vacancyHistory).values(
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
  });
}

async function announceVisible(db: Db, today: string, now: Date): Promise<PublicationRun["announced"]> {
  const announced: PublicationRun["announced"] = [];
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: vacancies.id,
          organisationId: vacancies.organisationId,
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
        .limit(ANNOUNCE_BATCH)
        .for("update", { skipLocked: true });
      const done: PublicationRun["announced"] = [];
      for (const row of rows) {
        const fresh = audiencesOn(row, today).filter((a) => !row.announcedAudiences.includes(a));
        if (fresh.length === 0) continue;
        const all = new Set<string>([...row.announcedAudiences, ...fresh]);
        await tx
          .update(vacancies)
          .set({ announcedAudiences: [...AUDIENCES.filter((a) => all.has(a))] })
          .where(eq(vacancies.id, row.id));
        await tx.insert(vacancyHistory).values(
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
        for (const audience of fresh) done.push({ vacancyId: row.id, audience });
      }
      return { selected: rows.length, done };
    });
    announced.push(...batch.done);
    // A short batch was the last; a batch without progress would only repeat itself.
    if (batch.selected < ANNOUNCE_BATCH || batch.done.length === 0) return announced;
  }
}

/** Mails the owner (else the contact person) of each closed vacancy, in their language. */
async function mailOwners(deps: VacancyJobDeps, closed: ClosedVacancy[]): Promise<number> {
  const { db, mailer, publicUrl } = deps;
  const recipientIds = [
    ...new Set(closed.map((v) => v.ownerUserId ?? v.contactUserId).filter((id): id is string => !!id)),
  ];
  if (recipientIds.length === 0) return 0;
  const [people, orgs, portalRows] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        locale: users.locale,
        deactivatedAt: users.deactivatedAt,
      })
      .from(users)
      .where(inArray(users.id, recipientIds)),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(inArray(organisations.id, [...new Set(closed.map((v) => v.organisationId))])),
    db
      .select({
        id: portals.id,
        slug: portals.slug,
        parentId: portals.parentId,
        nameNl: portals.nameNl,
        nameEn: portals.nameEn,
      })
      .from(portals)
      .where(inArray(portals.id, [...new Set(closed.map((v) => v.portalId))])),
  ]);
  const person = new Map(people.map((p) => [p.id, p]));
  const organisationName = new Map(orgs.map((o) => [o.id, o.name]));
  const portal = new Map(portalRows.map((p) => [p.id, p]));

  let sent = 0;
  for (const vacancy of closed) {
    const recipientId = vacancy.ownerUserId ?? vacancy.contactUserId;
    const recipient = recipientId ? person.get(recipientId) : undefined;
    const home = portal.get(vacancy.portalId);
    // A deactivated account cannot sign in to follow the link.
    if (!recipient || recipient.deactivatedAt || !home) continue;
    const locale = mailLocale(recipient.locale);
    const detailUrl = new URL(
      `vacaturebeheer/${vacancy.id}`,
      portalUrl(publicUrl, home.parentId === null ? null : home.slug),
    ).toString();
    try {
      await mailer.send({
        to: recipient.email,
        ...vacancyClosed({
          locale,
          portalName: locale === "en" ? home.nameEn : home.nameNl,
          name: recipient.name,
          vacancyTitle: vacancy.displayTitle,
          organisationName: organisationName.get(vacancy.organisationId) ?? "",
          closesOn: vacancy.closesOn ?? "",
          detailUrl,
        }),
      });
      sent++;
    } catch (error) {
      // The vacancy is closed either way; a retry would not find it again, so report and go on.
      deps.log?.(
        `Vacancy ${vacancy.id}: closing mail to ${recipient.email} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return sent;
}

/** One sweep at `now`: close what has passed its closing date, then announce what became visible. */
export async function runVacancyPublication(
  deps: VacancyJobDeps,
  now: Date = new Date(),
): Promise<PublicationRun> {
  const today = todayIn(now);
  const closed = await closeExpired(deps.db, today, now);
  const mailed = await mailOwners(deps, closed);
  const announced = await announceVisible(deps.db, today, now);
  return { today, closed: closed.map((v) => v.id), announced, mailed };
}

/** Runs the sweep every five minutes (cron slots are shared by all instances). */
export function registerVacancyJobs(jobs: Jobs, deps: VacancyJobDeps): Promise<void> {
  return jobs.schedule(VACANCY_PUBLICATION_JOB, VACANCY_PUBLICATION_CRON, async () => {
    const run = await runVacancyPublication(deps);
    if (run.closed.length > 0 || run.announced.length > 0) {
      deps.log?.(
        `Vacancy publication ${run.today}: ${run.closed.length} closed (${run.mailed} mailed), ${run.announced.length} audiences announced`,
      );
    }
  });
}
