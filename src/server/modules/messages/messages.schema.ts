import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { contactPersons } from "../employers/employers.schema";
import { matches } from "../matches/matches.schema";
import { organisations, users } from "../tenancy/tenancy.schema";

/** Who wrote a message: the employer's contact person, or someone of the recruiter team. */
export const MESSAGE_SIDES = ["contact", "team"] as const;
export type MessageSide = (typeof MESSAGE_SIDES)[number];

/**
 * A conversation between one contact person of an employer and the recruiter team that keeps
 * the employer (Carerix "RPO messages"): one per contact, and one per match where one is chosen.
 */
export const messageThreads = pgTable(
  "message_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The team: the municipality or agency that manages the employer. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    employerId: uuid("employer_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    contactPersonId: uuid("contact_person_id")
      .notNull()
      .references(() => contactPersons.id, { onDelete: "cascade" }),
    matchId: uuid("match_id").references(() => matches.id, { onDelete: "set null" }),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("message_threads_team_idx").on(t.organisationId, t.lastMessageAt),
    index("message_threads_employer_idx").on(t.employerId),
    uniqueIndex("message_threads_contact_match_key").on(
      t.contactPersonId,
      sql`coalesce(${t.matchId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => messageThreads.id, { onDelete: "cascade" }),
    /** The thread's team, repeated so every row carries its tenant. */
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    authorSide: text("author_side", { enum: MESSAGE_SIDES }).notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("messages_thread_idx").on(t.threadId, t.createdAt),
    index("messages_team_idx").on(t.organisationId, t.createdAt),
    check("messages_author_side_valid", sql`${t.authorSide} in ('contact', 'team')`),
  ],
);

export const messageAttachments = pgTable(
  "message_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    fileKey: text("file_key").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("message_attachments_message_idx").on(t.messageId)],
);

/**
 * Who opened a message in full, and when. Only an opening by the other side than the author's
 * is recorded: that makes the message "gelezen" (Carerix: "gelezen portal melding").
 */
export const messageReads = pgTable(
  "message_reads",
  {
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.userId] })],
);
