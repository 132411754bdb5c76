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
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { portals, users } from "../tenancy/tenancy.schema";

export type CandidateLanguage = { code: string; level: "basic" | "good" | "fluent" | "native" };
export type CandidateExperience = {
  title: string;
  occupationId: string | null;
  employer: string;
  from: string;
  to: string | null;
};

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
    dayparts: text("dayparts").array().notNull().default(sql`'{}'::text[]`),
    hoursMin: integer("hours_min"),
    hoursMax: integer("hours_max"),
    maxTravelKm: integer("max_travel_km"),
    availableFrom: date("available_from"),
    /** Whether employers on the portal may find this profile in the explorer. */
    visible: boolean("visible").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("candidates_portal_idx").on(t.portalId),
    index("candidates_user_idx").on(t.userId),
    index("candidates_lat_lon_idx").on(t.lat, t.lon),
    check(
      "candidates_hours_range",
      sql`${t.hoursMin} is null or ${t.hoursMax} is null or ${t.hoursMin} <= ${t.hoursMax}`,
    ),
  ],
);
