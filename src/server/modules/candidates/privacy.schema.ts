import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { CONSENT_PURPOSES, CONSENT_SOURCES } from "../../../contracts/privacy";
import { portals } from "../tenancy/tenancy.schema";
import { candidates } from "./candidates.schema";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * Every change of a candidate's consent, per purpose (and per portal for `employers_portal`),
 * with its date and who made it. Append-only: rows are never changed or deleted, also not when
 * the person is anonymised (the row keeps only the anonymised candidate's id). The current state
 * lives where the app reads it: candidate_portal_visibility / candidates.visible and
 * users.consent_research (see privacy.service.ts).
 */
export const candidateConsents = pgTable(
  "candidate_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    candidateId: uuid("candidate_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    /** The portal of an `employers_portal` consent; the profile's own portal for `research`. */
    portalId: uuid("portal_id")
      .notNull()
      .references(() => portals.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: CONSENT_PURPOSES }).notNull(),
    given: boolean("given").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    source: text("source", { enum: CONSENT_SOURCES }).notNull(),
  },
  (t) => [
    index("candidate_consents_candidate_idx").on(t.candidateId, t.purpose, t.at),
    check("candidate_consents_purpose_valid", sql`${t.purpose} in (${inList(CONSENT_PURPOSES)})`),
    check("candidate_consents_source_valid", sql`${t.source} in (${inList(CONSENT_SOURCES)})`),
  ],
);
