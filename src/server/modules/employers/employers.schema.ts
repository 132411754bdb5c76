import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { CONTACT_LANGUAGES } from "../../../contracts/employers";
import { organisations, users } from "../tenancy/tenancy.schema";

/**
 * A contact person of an employer (HalloWerk "Contactpersonen"). Exists before and without an
 * account; `userId` links the account once they accepted an invitation.
 */
export const contactPersons = pgTable(
  "contact_persons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email"),
    phone: text("phone"),
    notes: text("notes").notNull().default(""),
    mayManageVacancies: boolean("may_manage_vacancies").notNull().default(false),
    language: text("language", { enum: CONTACT_LANGUAGES }).notNull().default("nl"),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("contact_persons_organisation_idx").on(t.organisationId),
    index("contact_persons_email_idx").on(sql`lower(${t.email})`),
    check("contact_persons_language_valid", sql`${t.language} in ('nl', 'en', 'de', 'fr')`),
  ],
);

/** When someone last looked at a page, for "what changed since your last visit". */
export const lastVisits = pgTable(
  "last_visits",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    page: text("page").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.page] })],
);
