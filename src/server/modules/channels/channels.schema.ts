import { sql } from "drizzle-orm";
import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "../tenancy/tenancy.schema";
import { vacancies } from "../vacancies/vacancies.schema";

/**
 * An external job site a family of organisations posts to (Vlimpers "multiposter"): its code
 * is the utm_source its feed's links carry, so views, clicks and applications from it are
 * counted per site. Owned by the family's top organisation; deactivated, never deleted, so
 * the reports keep their names.
 */
export const jobSites = pgTable(
  "job_sites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The top organisation of the family (departments share their top organisation's sites). */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** utm_source of the feed's links: lower case letters, digits, "-", "_", ".". */
    code: text("code").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("job_sites_code_key").on(t.organisationId, t.code),
    uniqueIndex("job_sites_name_key").on(t.organisationId, sql`lower(${t.name})`),
  ],
);

/** The external job sites a vacancy is posted to (its feed lists it while it is on the board). */
export const vacancyJobSites = pgTable(
  "vacancy_job_sites",
  {
    vacancyId: uuid("vacancy_id")
      .notNull()
      .references(() => vacancies.id, { onDelete: "cascade" }),
    jobSiteId: uuid("job_site_id")
      .notNull()
      .references(() => jobSites.id, { onDelete: "cascade" }),
    /** The vacancy's organisation: the tenant the row belongs to. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    addedByUserId: text("added_by_user_id").references(() => users.id, { onDelete: "set null" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.vacancyId, t.jobSiteId] }),
    index("vacancy_job_sites_site_idx").on(t.jobSiteId),
  ],
);
