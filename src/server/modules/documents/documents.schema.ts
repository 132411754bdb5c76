import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { DOCUMENT_TYPES } from "../../../contracts/documents";
import { candidateDocuments } from "../candidates/candidates.schema";
import { matches } from "../matches/matches.schema";
import { organisations, users } from "../tenancy/tenancy.schema";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * Per team (the municipality or agency that runs an employer's matches) and document type:
 * whether contact persons see documents of that type, and so may upload them (Carerix: one
 * setting). A type without a row keeps the shipped default (DEFAULT_VISIBLE_TYPES).
 */
export const documentTypeSettings = pgTable(
  "document_type_settings",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    type: text("type", { enum: DOCUMENT_TYPES }).notNull(),
    visibleToContacts: boolean("visible_to_contacts").notNull(),
    updatedByUserId: text("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.type] }),
    check("document_type_settings_type_valid", sql`${t.type} in (${inList(DOCUMENT_TYPES)})`),
  ],
);

/**
 * A candidate document uploaded on a match (by a contact person or the team): who and when. Such
 * a document is shown on that match only; the candidate's own documents on every match.
 */
export const matchDocuments = pgTable(
  "match_documents",
  {
    documentId: uuid("document_id")
      .primaryKey()
      .references(() => candidateDocuments.id, { onDelete: "cascade" }),
    matchId: uuid("match_id")
      .notNull()
      .references(() => matches.id, { onDelete: "cascade" }),
    /** The match's organisation (the vacancy's): the tenant key. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    uploadedByUserId: text("uploaded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The organisation the uploader acted for (the employer, or the team). */
    uploadedByOrganisationId: uuid("uploaded_by_organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("match_documents_match_idx").on(t.matchId)],
);
