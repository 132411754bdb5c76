import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../platform/db";
import type { PublicScope } from "../../platform/scope";
import { repository } from "../../platform/store";

export interface RateRule {
  /** Seconds. */
  window: number;
  max: number;
}

/**
 * Counts one request against `key` in a fixed window and says whether it is allowed. One
 * atomic upsert, so concurrent requests on several app instances cannot slip past a stale read.
 */
export async function consumeRate(
  db: Db,
  key: string,
  rule: RateRule,
  now = Date.now(),
): Promise<{ allowed: boolean; retryAfter: number | null }> {
  const windowMs = rule.window * 1000;
  const rows = await queryRows<{ count: number; last_request: string | number }>(
    db,
    sql`
    insert into rate_limits (id, key, count, last_request) values (${key}, ${key}, 1, ${now})
    on conflict (key) do update set
      count = case when rate_limits.last_request <= ${now - windowMs} then 1 else rate_limits.count + 1 end,
      last_request = case when rate_limits.last_request <= ${now - windowMs} then ${now} else rate_limits.last_request end
    returning count, last_request`,
  );
  const row = rows[0]!;
  const count = Number(row.count);
  if (count <= rule.max) return { allowed: true, retryAfter: null };
  const retryAfter = Math.max(1, Math.ceil((Number(row.last_request) + windowMs - now) / 1000));
  return { allowed: false, retryAfter };
}

/** Whether `key` is over its limit right now, without counting a request. */
export async function peekRate(
  db: Db,
  key: string,
  rule: RateRule,
  now = Date.now(),
): Promise<number | null> {
  const windowMs = rule.window * 1000;
  const [row] = await queryRows<{ count: number; last_request: string | number }>(
    db,
    sql`select count, last_request from rate_limits where key = ${key}`,
  );
  if (!row || Number(row.last_request) <= now - windowMs || Number(row.count) < rule.max) return null;
  return Math.max(1, Math.ceil((Number(row.last_request) + windowMs - now) / 1000));
}

export async function clearRate(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

/** Takes back one counted request (a sign-in that succeeded counts against no source). */
export async function refundRate(db: Db, key: string): Promise<void> {
  await db.execute(sql`update rate_limits set count = greatest(count - 1, 0) where key = ${key}`);
}

/** Attempts still left under `rule` for `key` (none used: all of them). */
export async function attemptsLeft(db: Db, key: string, rule: RateRule): Promise<number> {
  const [row] = await queryRows<{ count: number }>(db, sql`select count from rate_limits where key = ${key}`);
  return Math.max(0, rule.max - Number(row?.count ?? 0));
}

/**
 * Rate limits count requests by address, account or sign-in attempt, before anyone is known:
 * they belong to no tenant.
 */
export const rateLimitRepository = repository<PublicScope>()({
  consume: (db: Db, _scope: PublicScope, key: string, rule: RateRule) => consumeRate(db, key, rule),
  peek: (db: Db, _scope: PublicScope, key: string, rule: RateRule) => peekRate(db, key, rule),
  clear: (db: Db, _scope: PublicScope, key: string) => clearRate(db, key),
  refund: (db: Db, _scope: PublicScope, key: string) => refundRate(db, key),
  attemptsLeft: (db: Db, _scope: PublicScope, key: string, rule: RateRule) => attemptsLeft(db, key, rule),
});
