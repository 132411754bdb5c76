import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Db } from "../../platform/db";
import { accounts, rateLimits, sessions, twoFactors, users, verifications } from "../../platform/schema";

/**
 * better-auth's own database access: the tables it reads and writes itself (users, sessions,
 * accounts, verification values, second factors, rate limits), through its Drizzle adapter.
 * Accounts belong to no tenant; better-auth reaches them by session token, e-mail or id.
 */
export function authDatabase(db: Db) {
  return drizzleAdapter(db, {
    provider: "pg",
    schema: { users, sessions, accounts, verifications, twoFactors, rateLimits },
  });
}
