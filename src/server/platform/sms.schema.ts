import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Where text messages go when no SMS_GATEWAY_URL is configured, so a developer can read them. */
export const smsOutbox = pgTable(
  "sms_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sms_outbox_created_idx").on(t.createdAt)],
);
