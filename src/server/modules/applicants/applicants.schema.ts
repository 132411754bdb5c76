import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { CORRECTION_FIELDS, MAIL_LOCALES, type TemplateText } from "../../../contracts/applicants";
import { matches } from "../matches/matches.schema";
import { organisations, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** Staff's notes on an applicant (a match): seen by the vacancy's staff, never by the candidate. */
export const applicantNotes = pgTable(
  "applicant_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    /** The match's organisation (the vacancy's): the tenant. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("applicant_notes_match_idx").on(t.matchId, t.createdAt)],
);

/**
 * "Aanpassingsvelden": a field of an application corrected by staff (the national register
 * number, the names and address used in the procedure). Every correction is a row; the value
 * that counts is the latest one's.
 */
export const applicantCorrections = pgTable(
  "applicant_corrections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    field: text("field", { enum: CORRECTION_FIELDS }).notNull(),
    oldValue: text("old_value"),
    /** Null: back to the original value. */
    newValue: text("new_value"),
    byUserId: text("by_user_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("applicant_corrections_match_idx").on(t.matchId, t.field, t.at),
    check("applicant_corrections_field_valid", sql`${t.field} in (${inList(CORRECTION_FIELDS)})`),
  ],
);

/** An organisation's mail to applicants, per language, with merge fields ({{voornaam}}, ...). */
export const applicantMailTemplates = pgTable(
  "applicant_mail_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** { nl: {subject, body}, en: {...}, de?: {...}, fr?: {...} } */
    texts: jsonb("texts").$type<Partial<Record<(typeof MAIL_LOCALES)[number], TemplateText>>>().notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("applicant_mail_templates_organisation_idx").on(t.organisationId, t.name)],
);

/** One sending of mail to applicants of a vacancy. */
export const applicantMailings = pgTable(
  "applicant_mailings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    templateId: uuid("template_id").references(() => applicantMailTemplates.id, { onDelete: "set null" }),
    sentByUserId: text("sent_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("applicant_mailings_vacancy_idx").on(t.vacancyId, t.createdAt)],
);

/**
 * One applicant's mail of a mailing, as it was written for them (merge fields filled, in their
 * language): what the subscriber sends and what their timeline shows.
 */
export const applicantMailingRecipients = pgTable(
  "applicant_mailing_recipients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mailingId: uuid("mailing_id")
      .notNull()
      .references(() => applicantMailings.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    locale: text("locale", { enum: MAIL_LOCALES }).notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("applicant_mailing_recipients_mailing_idx").on(t.mailingId),
    index("applicant_mailing_recipients_match_idx").on(t.matchId),
    check("applicant_mailing_recipients_locale_valid", sql`${t.locale} in (${inList(MAIL_LOCALES)})`),
  ],
);
