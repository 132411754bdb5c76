import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../tenancy/tenancy.schema";

/**
 * One-time links that create the first platform administrator (decision 0031). Only a hash of
 * the token is kept: the link itself exists only in the start-up banner that printed it.
 */
export const setupTokens = pgTable(
  "setup_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** sha256 (hex) of the token in the link. */
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set when the link made the administrator; a used link never works again. */
    usedAt: timestamp("used_at", { withTimezone: true }),
    usedByUserId: text("used_by_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Set when a later start printed a newer link: only the newest one works. */
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("setup_tokens_hash_key").on(t.tokenHash),
    index("setup_tokens_created_idx").on(t.createdAt),
  ],
);
