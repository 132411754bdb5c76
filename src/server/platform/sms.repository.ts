import { desc } from "drizzle-orm";
import type { Db } from "./db";
import { smsOutbox } from "./sms.schema";

/* The development SMS outbox belongs to the platform, not to a tenant (see mail.repository.ts). */

export type OutboxSms = typeof smsOutbox.$inferSelect;

export async function insertOutboxSms(db: Db, sms: { to: string; text: string }): Promise<void> {
  await db.insert(smsOutbox).values(sms);
}

export async function listSmsOutbox(db: Db, limit = 50): Promise<OutboxSms[]> {
  return db.select().from(smsOutbox).orderBy(desc(smsOutbox.createdAt)).limit(limit);
}
