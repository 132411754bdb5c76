import { sql } from "drizzle-orm";
import {
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
import { CONTACT_PREFERENCES, DOCUMENT_KINDS } from "../../../contracts/candidates";
import { organisations, portals, users } from "../tenancy/tenancy.schema";

export type CandidateLanguage = { code: string; level: "basic" | "good" | "fluent" | "native" };
export type CandidateExperience = {
  title: string;
  occupationId: string | null;
  employer: string;
  from: string;
  to: string | null;
  /** Where the work was (HalloWerk shows "employer in place"); absent in older rows. */
  place?: string;
  description?: string;
};
export type CandidateEducation = {
  title: string;
  institution: string;
  place?: string;
  /** An education level id from the reference list, when the candidate chose one. */
  levelId: string | null;
  from: string;
  to: string | null;
  diplomaObtained: boolean;
  description?: string;
};
export type CandidateCourse = {
  title: string;
  provider: string;
  year: number | null;
  certificate: boolean;
};
export type CandidateMedia = {
  videos: { url: string; title: string }[];
  links: { url: string; label: string }[];
};

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * A person looking for work, registered on one portal (the tenant). Multi-valued profile
 * facts are arrays of reference-data ids so the explorer can filter them with GIN indexes.
 */
export const candidates = pgTable(
  "candidates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    birthDate: date("birth_date"),
    postcode: text("postcode"),
    city: text("city"),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    headline: text("headline").notNull().default(""),
    summary: text("summary").notNull().default(""),
    desiredOccupationIds: text("desired_occupation_ids").array().notNull().default(sql`'{}'::text[]`),
    experience: jsonb("experience").$type<CandidateExperience[]>().notNull().default([]),
    educationLevel: text("education_level"),
    workLevel: text("work_level"),
    drivingLicences: text("driving_licences").array().notNull().default(sql`'{}'::text[]`),
    languages: jsonb("languages").$type<CandidateLanguage[]>().notNull().default([]),
    certificates: text("certificates").array().notNull().default(sql`'{}'::text[]`),
    physicalLimitations: text("physical_limitations").array().notNull().default(sql`'{}'::text[]`),
    targetGroups: text("target_groups").array().notNull().default(sql`'{}'::text[]`),
    transportModes: text("transport_modes").array().notNull().default(sql`'{}'::text[]`),
    /**
     * Days and dayparts as two separate sets ("maandag", "ochtend"): the explorer's facet. When a
     * candidate saves the grid below, this is derived from it, so both always agree.
     */
    dayparts: text("dayparts").array().notNull().default(sql`'{}'::text[]`),
    /**
     * The availability grid (day x daypart) as "<day>-<daypart>" ids, e.g. "maandag-ochtend".
     * Empty while `dayparts` is not: the profile predates the grid (or was generated) and means
     * every combination of its days and dayparts (`gridOf`).
     */
    availabilityGrid: text("availability_grid").array().notNull().default(sql`'{}'::text[]`),
    hoursMin: integer("hours_min"),
    hoursMax: integer("hours_max"),
    maxTravelKm: integer("max_travel_km"),
    availableFrom: date("available_from"),
    /**
     * Whether the candidate appears in the candidates overview of their own portal. Choices for
     * other portals live in candidate_portal_visibility; a choice for the own portal is written
     * to both in one transaction (decision 0011), and this column is what is read.
     */
    visible: boolean("visible").notNull().default(true),
    /** Home place from data/reference/places.json; city, lat and lon are copied from it. */
    placeId: text("place_id"),
    photoFileKey: text("photo_file_key"),
    /** Work types ("werksoorten") the candidate likes: aanpakken, helpen, maken, verkopen, vervoeren. */
    workTypes: text("work_types").array().notNull().default(sql`'{}'::text[]`),
    /** Favourite fields ("vakgebieden"): occupation group ids (ISCO sub-major groups). */
    sectors: text("sectors").array().notNull().default(sql`'{}'::text[]`),
    /** Whether staff get the candidate's own contact details, or their account manager's. */
    contactPreference: text("contact_preference", { enum: CONTACT_PREFERENCES })
      .notNull()
      .default("account_manager"),
    accountManagerUserId: text("account_manager_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    education: jsonb("education").$type<CandidateEducation[]>().notNull().default([]),
    courses: jsonb("courses").$type<CandidateCourse[]>().notNull().default([]),
    media: jsonb("media").$type<CandidateMedia>().notNull().default({ videos: [], links: [] }),
    hobbies: text("hobbies").notNull().default(""),
    /** Last change the candidate made to their profile (retention counts from here). */
    profileUpdatedAt: timestamp("profile_updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the retention job mailed the reminder and hid the profile (privacy.jobs.ts). A profile
     * change after it (profile_updated_at later) clears it; a reminder older than the grace period
     * with no change since leads to anonymisation.
     */
    retentionRemindedAt: timestamp("retention_reminded_at", { withTimezone: true }),
    /** Set once the person was anonymised (erased or past retention); the row stays for links. */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("candidates_portal_idx").on(t.portalId),
    index("candidates_user_idx").on(t.userId),
    index("candidates_lat_lon_idx").on(t.lat, t.lon),
    // The retention job's sweep: profiles not yet anonymised, by their last change.
    index("candidates_retention_idx").on(t.profileUpdatedAt).where(sql`${t.anonymisedAt} is null`),
    check(
      "candidates_hours_range",
      sql`${t.hoursMin} is null or ${t.hoursMax} is null or ${t.hoursMin} <= ${t.hoursMax}`,
    ),
    check(
      "candidates_contact_preference_valid",
      sql`${t.contactPreference} in (${inList(CONTACT_PREFERENCES)})`,
    ),
  ],
);

/**
 * The candidate's choice per portal to appear in its candidates overview (Kansenportaal: opt in
 * per portal; HalloWerk: "zichtbaar in meerdere etalages"), with the date of the choice.
 */
export const candidatePortalVisibility = pgTable(
  "candidate_portal_visibility",
  {
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id, { onDelete: "cascade" }),
    visible: boolean("visible").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.candidateId, t.portalId] }),
    index("candidate_portal_visibility_portal_idx").on(t.portalId, t.visible),
  ],
);

/** The candidate's CV and other documents, stored through FileStorage. */
export const candidateDocuments = pgTable(
  "candidate_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    /** The candidate's portal: the tenant key. */
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull(),
    fileKey: text("file_key").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("candidate_documents_candidate_idx").on(t.candidateId),
    check("candidate_documents_kind_valid", sql`${t.kind} in (${inList(DOCUMENT_KINDS)})`),
  ],
);

/** Photos under "Media" (not the profile photo): personal pictures or a mood board. */
export const candidatePhotos = pgTable(
  "candidate_photos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id),
    fileKey: text("file_key").notNull(),
    contentType: text("content_type").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("candidate_photos_candidate_idx").on(t.candidateId)],
);

/**
 * Every time staff open a candidate's contact details: who, for which organisation, when. The
 * candidate sees this log (issue 5); it is never rewritten.
 */
export const contactDetailViews = pgTable(
  "contact_detail_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id),
    viewerUserId: text("viewer_user_id").references(() => users.id, { onDelete: "set null" }),
    viewerOrganisationId: uuid("viewer_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("contact_detail_views_candidate_idx").on(t.candidateId, t.at),
    index("contact_detail_views_viewer_idx").on(t.viewerUserId, t.at),
  ],
);
