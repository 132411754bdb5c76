import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type {
  CorrectionField,
  MailDeliveryStatus,
  ParsedApplicantListQuery,
  TemplateText,
} from "../../../contracts/applicants";
import { NO_CHANNEL } from "../../../contracts/applicants";
import type { TeamRole } from "../../../contracts/vacancy-team";
import { containsText, insertOwned, inTenant } from "../../platform/db";
import {
  applicationAnswers,
  candidates,
  matches,
  matchHistory,
  organisations,
  procedureClosedOf,
  procedurePhases,
  users,
  vacancies,
  vacancyTeam,
} from "../../platform/schema";
import type { TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import {
  applicantCorrections,
  applicantMailingRecipients,
  applicantMailings,
  applicantMailTemplates,
  applicantNotes,
} from "./applicants.schema";

/** The subscriber that mails each recipient (applicants.events.ts); its deliveries are the mail's state. */
export const APPLICANT_MAIL_SUBSCRIBER = "applicants.mail";
export const APPLICANT_MAIL_EVENT = "applicant.mail_requested";

export type MailTemplateRow = typeof applicantMailTemplates.$inferSelect;
export type MailingRow = typeof applicantMailings.$inferSelect;
export type RecipientRow = typeof applicantMailingRecipients.$inferSelect;
export type NewRecipientRow = typeof applicantMailingRecipients.$inferInsert;

/** The time zone of "applied on" dates (Flemish government; the same day as in the Netherlands). */
const ZONE = "Europe/Brussels";

/**
 * The value that counts for a corrected field: the latest correction's, or (when there is none,
 * or the latest took the correction back) the original.
 */
function effective(field: CorrectionField, original: SQL | null): SQL<string | null> {
  const latest = sql`(select c.new_value from applicant_corrections c
    where c.match_id = matches.id and c.field = ${field} order by c.at desc, c.id desc limit 1)`;
  return original ? sql<string | null>`coalesce(${latest}, ${original})` : sql<string | null>`${latest}`;
}

const firstName = effective("first_name", sql`${candidates.firstName}`).mapWith(String);
const lastName = effective("last_name", sql`${candidates.lastName}`).mapWith(String);
const email = effective("email", sql`${candidates.email}`);
const phone = effective("phone", sql`${candidates.phone}`);
const hasCv = sql<boolean>`(${matches.cvFileKey} is not null)`;

const summaryColumns = {
  id: matches.id,
  candidateId: matches.candidateId,
  firstName,
  lastName,
  email,
  source: matches.source,
  channel: matches.channelSource,
  phaseId: matches.phaseId,
  phaseKey: procedurePhases.key,
  phaseLabel: procedurePhases.label,
  phaseMeaning: procedurePhases.meaning,
  outcome: matches.outcome,
  appliedAt: matches.createdAt,
  phaseSince: matches.phaseSince,
  hasCv,
};

/** Where a mail stands: from the delivery of its event to the mail subscriber (as invitations do). */
const deliveryStatus = sql<MailDeliveryStatus | null>`(
  select case when d.status = 'delivered' then 'sent'
              when d.status = 'failed' or d.attempts > 0 then 'failed'
              else 'sending' end
  from domain_events e
  left join event_deliveries d on d.event_id = e.id and d.subscriber = ${APPLICANT_MAIL_SUBSCRIBER}
  where e.type = ${APPLICANT_MAIL_EVENT} and e.subject ->> 'recipientId' = ${applicantMailingRecipients.id}::text
  order by e.seq desc limit 1)`;

export type Dimension = "phase" | "source" | "channel";

function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The list's filters, but for one dimension left out (its facet counts every value of it). */
function filters(query: ParsedApplicantListQuery, without?: Dimension): (SQL | undefined)[] {
  const phases = asList(query.phase);
  const sources = asList(query.source);
  return [
    without !== "phase" && phases.length > 0 ? inArray(matches.phaseId, phases) : undefined,
    without !== "source" && sources.length > 0 ? inArray(matches.source, sources) : undefined,
    without !== "channel" && query.channel
      ? query.channel === NO_CHANNEL
        ? isNull(matches.channelSource)
        : eq(matches.channelSource, query.channel.toLowerCase())
      : undefined,
    query.from ? sql`(${matches.createdAt} at time zone ${ZONE})::date >= ${query.from}::date` : undefined,
    query.to ? sql`(${matches.createdAt} at time zone ${ZONE})::date <= ${query.to}::date` : undefined,
    ...(query.answer?.split(",") ?? []).map((pair) => {
      const [key, option] = pair.split(":") as [string, string];
      // A single choice is a string, a multiple choice an array, yes/no a boolean.
      const value = sql`aa.answers -> ${key}`;
      return sql`exists (select 1 from ${applicationAnswers} aa where aa.match_id = ${matches.id} and (
        ${value} = to_jsonb(${option}::text) or ${value} @> jsonb_build_array(${option}::text)
        or ${value} = to_jsonb(case ${option}::text when 'yes' then true when 'no' then false end)))`;
    }),
    query.q
      ? containsText(query.q, [
          firstName,
          lastName,
          sql`${firstName} || ' ' || ${lastName}`,
          email as SQL,
          sql`${candidates.email}`,
        ])
      : undefined,
  ];
}

/** What the applicants module needs to know of a vacancy (the facts its policies ask). */
export const vacancyFacts = {
  id: vacancies.id,
  organisationId: vacancies.organisationId,
  portalId: vacancies.portalId,
  status: vacancies.status,
  contactUserId: vacancies.contactUserId,
  createdByUserId: vacancies.createdByUserId,
  requestedByUserId: vacancies.requestedByUserId,
  ownerUserId: vacancies.ownerUserId,
  procedureId: vacancies.procedureId,
  displayTitle: vacancies.displayTitle,
  procedureClosed: procedureClosedOf(vacancies.id),
};

export const applicantsRepository = repository<TenantScope>()({
  /** The caller's places on the vacancy's team (co-owner, HR, leader, jury). */
  async teamRolesOf(db, scope, vacancyId: string, userId: string): Promise<TeamRole[]> {
    const rows = await db
      .select({ role: vacancyTeam.role })
      .from(vacancyTeam)
      .where(
        and(
          eq(vacancyTeam.vacancyId, vacancyId),
          eq(vacancyTeam.userId, userId),
          inTenant(scope, vacancyTeam.organisationId),
        ),
      );
    return rows.map((r) => r.role);
  },

  async findVacancy(db, scope, vacancyId: string) {
    const [row] = await db
      .select(vacancyFacts)
      .from(vacancies)
      .where(and(eq(vacancies.id, vacancyId), inTenant(scope, vacancies.organisationId)))
      .limit(1);
    return row ?? null;
  },

  async list(db, scope, vacancyId: string, query: ParsedApplicantListQuery) {
    const base = and(eq(matches.vacancyId, vacancyId), inTenant(scope, matches.organisationId));
    const from = () =>
      db
        .select(summaryColumns)
        .from(matches)
        .innerJoin(candidates, eq(candidates.id, matches.candidateId))
        .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId));
    const counted = (dimension: Dimension | undefined, key: SQL) =>
      db
        .select({ key: key.mapWith(String), n: sql<number>`count(*)::int` })
        .from(matches)
        .innerJoin(candidates, eq(candidates.id, matches.candidateId))
        .where(and(base, ...filters(query, dimension)))
        // By position: the key's parameters get other numbers in GROUP BY than in SELECT.
        .groupBy(sql`1`);
    const [rows, total, phases, sources, channels] = await Promise.all([
      from()
        .where(and(base, ...filters(query)))
        .orderBy(desc(matches.createdAt), asc(matches.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      counted(undefined, sql`1`),
      counted("phase", sql`${matches.phaseId}`),
      counted("source", sql`${matches.source}`),
      counted("channel", sql`coalesce(${matches.channelSource}, ${NO_CHANNEL})`),
    ]);
    return {
      rows,
      total: total.reduce((sum, r) => sum + r.n, 0),
      facets: { phases, sources, channels },
    };
  },

  /** The applicants of the vacancy among these match ids (others, and those out of scope, left out). */
  async ofVacancy(db, scope, vacancyId: string, matchIds: readonly string[]) {
    if (matchIds.length === 0) return [];
    return db
      .select({
        ...summaryColumns,
        portalId: matches.portalId,
        organisationId: matches.organisationId,
        vacancyId: matches.vacancyId,
        phone,
        userId: candidates.userId,
        locale: users.locale,
      })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .leftJoin(users, eq(users.id, candidates.userId))
      .where(
        and(
          eq(matches.vacancyId, vacancyId),
          inArray(matches.id, [...matchIds]),
          inTenant(scope, matches.organisationId),
        ),
      );
  },

  /** One applicant with the profile facts the detail shows. */
  async detail(db, scope, vacancyId: string, matchId: string) {
    const [row] = await db
      .select({
        ...summaryColumns,
        organisationId: matches.organisationId,
        phone,
        motivation: matches.motivation,
        cvFileKey: matches.cvFileKey,
        cvFileName: matches.cvFileName,
        cvContentType: matches.cvContentType,
        candidate: {
          firstName: candidates.firstName,
          lastName: candidates.lastName,
          email: candidates.email,
          phone: candidates.phone,
          headline: candidates.headline,
          summary: candidates.summary,
          city: candidates.city,
          educationLevel: candidates.educationLevel,
          workLevel: candidates.workLevel,
          experience: candidates.experience,
          userId: candidates.userId,
        },
        locale: users.locale,
      })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .leftJoin(users, eq(users.id, candidates.userId))
      .where(
        and(
          eq(matches.id, matchId),
          eq(matches.vacancyId, vacancyId),
          inTenant(scope, matches.organisationId),
        ),
      )
      .limit(1);
    return row ?? null;
  },

  /**
   * Who an applicant is as the procedure knows them (issue 16, hiring): the corrected names,
   * e-mail and phone, the corrected national register number (null when none or taken back)
   * and the profile's place and user.
   */
  async identityOf(db, scope, matchId: string) {
    const [row] = await db
      .select({
        matchId: matches.id,
        vacancyId: matches.vacancyId,
        candidateId: matches.candidateId,
        organisationId: matches.organisationId,
        firstName,
        lastName,
        email,
        phone,
        nationalRegisterNumber: effective("national_register_number", null),
        userId: candidates.userId,
        postcode: candidates.postcode,
        city: candidates.city,
        locale: users.locale,
      })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .leftJoin(users, eq(users.id, candidates.userId))
      .where(and(eq(matches.id, matchId), inTenant(scope, matches.organisationId)))
      .limit(1);
    return row ?? null;
  },

  /** The phases these ids name (labels for the timeline and the list). */
  async phases(db, scope, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return db
      .select()
      .from(procedurePhases)
      .where(and(inArray(procedurePhases.id, [...ids]), inTenant(scope, procedurePhases.organisationId)))
      .orderBy(asc(procedurePhases.position));
  },

  /** Phase ids the vacancy's applicants are in (older procedures included). */
  async phaseIdsInUse(db, scope, vacancyId: string): Promise<string[]> {
    const rows = await db
      .selectDistinct({ id: matches.phaseId })
      .from(matches)
      .where(and(eq(matches.vacancyId, vacancyId), inTenant(scope, matches.organisationId)));
    return rows.map((r) => r.id);
  },

  async steps(db, scope, matchId: string) {
    return db
      .select({ step: matchHistory, actorName: users.name })
      .from(matchHistory)
      .leftJoin(users, eq(users.id, matchHistory.actorUserId))
      .where(and(eq(matchHistory.matchId, matchId), inTenant(scope, matchHistory.organisationId)))
      .orderBy(asc(matchHistory.seq));
  },

  async notes(db, scope, matchId: string) {
    return db
      .select({ note: applicantNotes, authorName: users.name })
      .from(applicantNotes)
      .leftJoin(users, eq(users.id, applicantNotes.authorUserId))
      .where(and(eq(applicantNotes.matchId, matchId), inTenant(scope, applicantNotes.organisationId)))
      .orderBy(desc(applicantNotes.createdAt), desc(applicantNotes.id));
  },

  async addNote(db, scope, row: typeof applicantNotes.$inferInsert) {
    const [created] = await insertOwned(db, scope, applicantNotes, [row]);
    return created!;
  },

  async corrections(db, scope, matchId: string) {
    return db
      .select({ correction: applicantCorrections, byName: users.name })
      .from(applicantCorrections)
      .leftJoin(users, eq(users.id, applicantCorrections.byUserId))
      .where(
        and(eq(applicantCorrections.matchId, matchId), inTenant(scope, applicantCorrections.organisationId)),
      )
      .orderBy(desc(applicantCorrections.at), desc(applicantCorrections.id));
  },

  async addCorrection(db, scope, row: typeof applicantCorrections.$inferInsert) {
    const [created] = await insertOwned(db, scope, applicantCorrections, [row]);
    return created!;
  },

  /** The mails sent to this applicant, newest first, with their delivery. */
  async mailsOf(db, scope, matchId: string) {
    return db
      .select({
        recipient: applicantMailingRecipients,
        sentByUserId: applicantMailings.sentByUserId,
        sentByName: users.name,
        status: deliveryStatus,
      })
      .from(applicantMailingRecipients)
      .innerJoin(applicantMailings, eq(applicantMailings.id, applicantMailingRecipients.mailingId))
      .leftJoin(users, eq(users.id, applicantMailings.sentByUserId))
      .where(
        and(
          eq(applicantMailingRecipients.matchId, matchId),
          inTenant(scope, applicantMailingRecipients.organisationId),
        ),
      )
      .orderBy(desc(applicantMailingRecipients.createdAt));
  },
});

export const mailingsRepository = repository<TenantScope>()({
  async insertMailing(db, scope, row: typeof applicantMailings.$inferInsert): Promise<MailingRow> {
    const [created] = await insertOwned(db, scope, applicantMailings, [row]);
    return created!;
  },

  async insertRecipients(db, scope, rows: NewRecipientRow[]): Promise<RecipientRow[]> {
    return insertOwned(db, scope, applicantMailingRecipients, rows);
  },

  async mailing(db, scope, vacancyId: string, mailingId: string) {
    const [mailing] = await db
      .select({ mailing: applicantMailings, sentByName: users.name })
      .from(applicantMailings)
      .leftJoin(users, eq(users.id, applicantMailings.sentByUserId))
      .where(
        and(
          eq(applicantMailings.id, mailingId),
          eq(applicantMailings.vacancyId, vacancyId),
          inTenant(scope, applicantMailings.organisationId),
        ),
      )
      .limit(1);
    if (!mailing) return null;
    const recipients = await db
      .select({
        recipient: applicantMailingRecipients,
        firstName,
        lastName,
        status: deliveryStatus,
      })
      .from(applicantMailingRecipients)
      .innerJoin(matches, eq(matches.id, applicantMailingRecipients.matchId))
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .where(
        and(
          eq(applicantMailingRecipients.mailingId, mailingId),
          inTenant(scope, applicantMailingRecipients.organisationId),
        ),
      )
      .orderBy(asc(lastName), asc(firstName), asc(applicantMailingRecipients.id));
    return { ...mailing, recipients };
  },

  /** For the mail subscriber: one recipient's mail. */
  async recipient(db, scope, recipientId: string): Promise<RecipientRow | null> {
    const [row] = await db
      .select()
      .from(applicantMailingRecipients)
      .where(
        and(
          eq(applicantMailingRecipients.id, recipientId),
          inTenant(scope, applicantMailingRecipients.organisationId),
        ),
      )
      .limit(1);
    return row ?? null;
  },
});

export const mailTemplatesRepository = repository<TenantScope>()({
  async list(db, scope, organisationId?: string) {
    return db
      .select({ template: applicantMailTemplates, organisationName: organisations.name })
      .from(applicantMailTemplates)
      .innerJoin(organisations, eq(organisations.id, applicantMailTemplates.organisationId))
      .where(
        and(
          inTenant(scope, applicantMailTemplates.organisationId),
          organisationId ? eq(applicantMailTemplates.organisationId, organisationId) : undefined,
        ),
      )
      .orderBy(asc(applicantMailTemplates.name), asc(applicantMailTemplates.id));
  },

  async find(db, scope, id: string) {
    const [row] = await db
      .select({ template: applicantMailTemplates, organisationName: organisations.name })
      .from(applicantMailTemplates)
      .innerJoin(organisations, eq(organisations.id, applicantMailTemplates.organisationId))
      .where(and(eq(applicantMailTemplates.id, id), inTenant(scope, applicantMailTemplates.organisationId)))
      .limit(1);
    return row ?? null;
  },

  async insert(
    db,
    scope,
    row: {
      organisationId: string;
      name: string;
      texts: Record<string, TemplateText>;
      createdByUserId: string;
    },
  ) {
    const [created] = await insertOwned(db, scope, applicantMailTemplates, [row]);
    return created!;
  },

  async update(db, scope, id: string, patch: { name: string; texts: Record<string, TemplateText> }) {
    const [updated] = await db
      .update(applicantMailTemplates)
      .set({ ...patch, updatedAt: sql`now()` })
      .where(and(eq(applicantMailTemplates.id, id), inTenant(scope, applicantMailTemplates.organisationId)))
      .returning();
    return updated ?? null;
  },

  async remove(db, scope, id: string): Promise<boolean> {
    const removed = await db
      .delete(applicantMailTemplates)
      .where(and(eq(applicantMailTemplates.id, id), inTenant(scope, applicantMailTemplates.organisationId)))
      .returning({ id: applicantMailTemplates.id });
    return removed.length > 0;
  },

  /** Names of these organisations (those the caller may make templates for). */
  async organisationNames(db, scope, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(inArray(organisations.id, [...ids]), inTenant(scope, organisations.id)))
      .orderBy(asc(organisations.name));
  },
});
