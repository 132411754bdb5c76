import { desc } from "drizzle-orm";
import type { Db } from "./db";
import { mailOutbox } from "./mail.schema";

/*
 * The development mail outbox belongs to the platform, not to a tenant: only the mailer writes it
 * and only the developer page (404 in production) reads it.
 */

export type OutboxMail = typeof mailOutbox.$inferSelect;

/** Stores a mail once: a second insert with the same id (a retried delivery) does nothing. */
export async function insertOutboxMail(
  db: Db,
  mail: { id?: string; to: string; subject: string; text: string; html: string | null },
): Promise<void> {
  await db.insert(mailOutbox).values(mail).onConflictDoNothing({ target: mailOutbox.id });
}

export async function listOutbox(db: Db, limit = 50): Promise<OutboxMail[]> {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
