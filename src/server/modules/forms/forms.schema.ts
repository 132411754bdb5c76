import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Answers, ApplyStep, FormDefinition } from "../../../contracts/forms";
import { candidates } from "../candidates/candidates.schema";
import { matches } from "../matches/matches.schema";
import { organisations, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";

/** An organisation's own application-form templates (Vlimpers); Werkbrug ships one in code. */
export const applicationFormTemplates = pgTable(
  "application_form_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    definition: jsonb("definition").$type<FormDefinition>().notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_form_templates_organisation_idx").on(t.organisationId)],
);

/** A vacancy's application form: made from a template, then adapted; its content is versioned. */
export const applicationForms = pgTable(
  "application_forms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The vacancy's organisation: the tenant. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("application_forms_vacancy_key").on(t.vacancyId)],
);

/**
 * The versions of a form. The newest is the one applicants answer; a version with submitted
 * answers is never changed, so those answers stay readable in the form they answered.
 */
export const applicationFormVersions = pgTable(
  "application_form_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    formId: uuid("form_id")
      .notNull()
      .references(() => applicationForms.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<FormDefinition>().notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("application_form_versions_form_version_key").on(t.formId, t.version)],
);

/** An applicant's unfinished application through a form: one per candidate and vacancy. */
export const applicationDrafts = pgTable(
  "application_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    formVersionId: uuid("form_version_id")
      .notNull()
      .references(() => applicationFormVersions.id, { onDelete: "cascade" }),
    answers: jsonb("answers").$type<Answers>().notNull(),
    step: text("step").$type<ApplyStep>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("application_drafts_candidate_vacancy_key").on(t.candidateId, t.vacancyId)],
);

/**
 * Files an applicant uploaded for a form's file questions (before or after submitting); answers
 * refer to them by id, so only the applicant's own stored files can be answered with.
 */
export const applicationFiles = pgTable(
  "application_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    fileKey: text("file_key").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_files_candidate_vacancy_idx").on(t.candidateId, t.vacancyId)],
);

/** The answers an application was submitted with, and the form version they answered. */
export const applicationAnswers = pgTable(
  "application_answers",
  {
    matchId: uuid("match_id")
      .primaryKey()
      .references(() => matches.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    formVersionId: uuid("form_version_id")
      .notNull()
      .references(() => applicationFormVersions.id),
    answers: jsonb("answers").$type<Answers>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("application_answers_version_idx").on(t.formVersionId)],
);
