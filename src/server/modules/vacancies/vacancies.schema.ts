import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import {
  CONTACT_VIA,
  CREATED_BY_KINDS,
  DURATION_KINDS,
  SERVICE_MODELS,
  VACANCY_KINDS,
  VACANCY_STATUSES,
} from "../../../contracts/vacancies";
import { TEAM_ROLES } from "../../../contracts/vacancy-team";
import { procedures } from "../matches/matches.schema";
import { organisationSites, organisations, portals, users } from "../tenancy/tenancy.schema";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * A vacancy ("kans") of an organisation. Its portal is the organisation's home portal; who
 * may see it follows from the per-audience publication dates at read time.
 */
export const vacancies = pgTable(
  "vacancies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id),
    departmentId: uuid("department_id").references(() => organisations.id),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdByKind: text("created_by_kind", { enum: CREATED_BY_KINDS }).notNull().default("employer"),
    contactUserId: text("contact_user_id").references(() => users.id, { onDelete: "set null" }),
    accountManagerUserId: text("account_manager_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    /** "Primaire eigenaar" (Vlimpers): whose list the vacancy is on; changeable. */
    ownerUserId: text("owner_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Function title ("functietitel"). */
    title: text("title").notNull(),
    displayTitle: text("display_title").notNull(),
    description: text("description").notNull().default(""),
    functionGroup: text("function_group"),
    occupationId: text("occupation_id"),
    educationLevel: text("education_level"),
    kind: text("kind", { enum: VACANCY_KINDS }).notNull().default("vacancy"),
    salaryScaleMin: integer("salary_scale_min"),
    salaryScaleMax: integer("salary_scale_max"),
    salaryMin: integer("salary_min"),
    salaryMax: integer("salary_max"),
    durationKind: text("duration_kind", { enum: DURATION_KINDS }).notNull().default("permanent"),
    durationEndsOn: date("duration_ends_on"),
    hoursMin: integer("hours_min"),
    hoursMax: integer("hours_max"),
    positions: integer("positions").notNull().default(1),
    /** Work address; all null with useHeadOffice means the organisation's address. */
    useHeadOffice: boolean("use_head_office").notNull().default(true),
    street: text("street"),
    houseNumber: text("house_number"),
    postcode: text("postcode"),
    placeId: text("place_id"),
    city: text("city"),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    imageFileKey: text("image_file_key"),
    serviceModel: text("service_model", { enum: SERVICE_MODELS }).notNull().default("self_service"),
    contactVia: text("contact_via", { enum: CONTACT_VIA }).notNull().default("employer"),
    status: text("status", { enum: VACANCY_STATUSES }).notNull().default("draft"),
    /** Publication per audience ("Publicatiedata") and the closing date, in days. */
    publishOrganisationFrom: date("publish_organisation_from"),
    publishPortalFrom: date("publish_portal_from"),
    publishAllPortalsFrom: date("publish_all_portals_from"),
    publishPublicFrom: date("publish_public_from"),
    closesOn: date("closes_on"),
    /** The publication job's bookkeeping: the audiences it last announced, and closing. */
    announcedAudiences: text("announced_audiences").array().notNull().default(sql`'{}'::text[]`),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    requestedByUserId: text("requested_by_user_id").references(() => users.id, { onDelete: "set null" }),
    requestComment: text("request_comment"),
    decidedByUserId: text("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    decisionComment: text("decision_comment"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** How its matches move (decision 0016); null: the organisation's default procedure. */
    procedureId: uuid("procedure_id").references((): AnyPgColumn => procedures.id, { onDelete: "set null" }),
    /** The site (location) of the organisation the work is at, if it has sites. */
    siteId: uuid("site_id").references((): AnyPgColumn => organisationSites.id, { onDelete: "set null" }),
    /** Whether the vacancy's owner hears of every newly referred candidate (referral portal). */
    notifyOnReferral: boolean("notify_on_referral").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("vacancies_organisation_idx").on(t.organisationId),
    index("vacancies_portal_status_idx").on(t.portalId, t.status),
    index("vacancies_status_closes_idx").on(t.status, t.closesOn),
    check("vacancies_positions_positive", sql`${t.positions} > 0`),
    check(
      "vacancies_hours_range",
      sql`${t.hoursMin} is null or ${t.hoursMax} is null or ${t.hoursMin} <= ${t.hoursMax}`,
    ),
    check(
      "vacancies_salary_range",
      sql`${t.salaryMin} is null or ${t.salaryMax} is null or ${t.salaryMin} <= ${t.salaryMax}`,
    ),
    check("vacancies_status_valid", sql`${t.status} in (${inList(VACANCY_STATUSES)})`),
    check("vacancies_kind_valid", sql`${t.kind} in (${inList(VACANCY_KINDS)})`),
    check("vacancies_service_model_valid", sql`${t.serviceModel} in (${inList(SERVICE_MODELS)})`),
    check("vacancies_contact_via_valid", sql`${t.contactVia} in (${inList(CONTACT_VIA)})`),
    check("vacancies_created_by_kind_valid", sql`${t.createdByKind} in (${inList(CREATED_BY_KINDS)})`),
  ],
);

/** Files attached to a vacancy (PDF, DOCX or images), stored through FileStorage. */
export const vacancyAttachments = pgTable(
  "vacancy_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    fileKey: text("file_key").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("vacancy_attachments_vacancy_idx").on(t.vacancyId)],
);

/** Every change to a vacancy: who, when, what (field -> [before, after]) and why. */
export const vacancyHistory = pgTable(
  "vacancy_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    changes: jsonb("changes").$type<Record<string, [unknown, unknown]>>().notNull().default({}),
    comment: text("comment"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("vacancy_history_vacancy_idx").on(t.vacancyId, t.at)],
);

/** Page views and feed clicks per source, for the click reports (Vlimpers multiposting). */
export const vacancyViews = pgTable(
  "vacancy_views",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id),
    /** utm_source or feed source, "direct" when none. */
    source: text("source").notNull(),
    /** board (public page), app (signed-in candidate), feed (listed in a feed). */
    channel: text("channel").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("vacancy_views_vacancy_idx").on(t.vacancyId, t.source)],
);

/**
 * The people of a vacancy's selection procedure besides its primary owner (Vlimpers):
 * co-owners, the HR officer, the leader and the jury members. Leaders and jury members reach
 * the vacancy and its applicants only through this table.
 */
export const vacancyTeam = pgTable(
  "vacancy_team",
  {
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: TEAM_ROLES }).notNull(),
    addedByUserId: text("added_by_user_id").references(() => users.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.vacancyId, t.userId, t.role] }),
    index("vacancy_team_user_idx").on(t.userId),
    check("vacancy_team_role_valid", sql`${t.role} in (${inList(TEAM_ROLES)})`),
  ],
);
