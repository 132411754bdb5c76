import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * The transactional outbox (decision 0015): a state change writes its event here in the same
 * transaction; the dispatcher hands each event to every subscriber once.
 */
export const domainEvents = pgTable(
  "domain_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Commit order for the dispatcher (ids are random). */
    seq: bigserial("seq", { mode: "number" }).notNull().unique(),
    type: text("type").notNull(),
    // No foreign keys: an event outlives what it is about (an erased candidate, a deleted vacancy).
    organisationId: uuid("organisation_id"),
    portalId: uuid("portal_id"),
    subject: jsonb("subject").$type<Record<string, string>>().notNull().default({}),
    actorUserId: text("actor_user_id"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    /** When the dispatcher made the deliveries for every subscriber; null = still to do. */
    fannedOutAt: timestamp("fanned_out_at", { withTimezone: true }),
  },
  (t) => [
    index("domain_events_pending_idx").on(t.seq).where(sql`${t.fannedOutAt} is null`),
    index("domain_events_type_idx").on(t.type, t.occurredAt),
    index("domain_events_organisation_idx").on(t.organisationId, t.occurredAt),
  ],
);

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

/** One event for one subscriber: delivered once, retried with backoff, given up after a limit. */
export const eventDeliveries = pgTable(
  "event_deliveries",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => domainEvents.id, { onDelete: "cascade" }),
    subscriber: text("subscriber").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set while a dispatcher works on it; a crashed worker's lease runs out. */
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.subscriber] }),
    index("event_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    check("event_deliveries_status_valid", sql`${t.status} in ('pending', 'delivered', 'failed')`),
  ],
);
