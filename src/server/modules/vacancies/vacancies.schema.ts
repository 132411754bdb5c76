import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations, portals, users } from "../tenancy/tenancy.schema";

export const VACANCY_STATUSES = ["draft", "pending_approval", "published", "closed", "archived"] as const;
export const vacancyStatus = pgEnum("vacancy_status", VACANCY_STATUSES);

/** A vacancy ("kans") of an organisation, published on its portal. */
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
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    displayTitle: text("display_title").notNull(),
    description: text("description").notNull().default(""),
    occupationId: text("occupation_id"),
    educationLevel: text("education_level"),
    hoursMin: integer("hours_min"),
    hoursMax: integer("hours_max"),
    positions: integer("positions").notNull().default(1),
    city: text("city"),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    status: vacancyStatus("status").notNull().default("draft"),
    publishFrom: timestamp("publish_from", { withTimezone: true }),
    closesOn: date("closes_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("vacancies_organisation_idx").on(t.organisationId),
    index("vacancies_portal_status_idx").on(t.portalId, t.status),
    check("vacancies_positions_positive", sql`${t.positions} > 0`),
    check(
      "vacancies_hours_range",
      sql`${t.hoursMin} is null or ${t.hoursMax} is null or ${t.hoursMin} <= ${t.hoursMax}`,
    ),
  ],
);
