import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/server";
import { candidates } from "../modules/candidates/candidates.schema";
import { accounts, memberships, organisations, portals, users } from "../modules/tenancy/tenancy.schema";
import { vacancies } from "../modules/vacancies/vacancies.schema";
import { type Database, openPglite } from "../platform/db";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "./demo";

describe("demo data", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("holds three portals, organisations of every kind, 2,008 candidates and 156 vacancies", async () => {
    const { db } = database;
    expect((await db.select().from(portals)).map((p) => p.slug).sort()).toEqual([
      "haaglanden",
      "landelijk",
      "rijnmond",
    ]);
    const kinds = await db
      .select({ kind: organisations.kind, n: count() })
      .from(organisations)
      .groupBy(organisations.kind);
    expect(new Set(kinds.map((k) => k.kind))).toEqual(
      new Set(["employer", "municipality", "agency", "government"]),
    );
    expect(kinds.reduce((sum, k) => sum + k.n, 0)).toBeGreaterThanOrEqual(12);
    // The generated 2,000 and 150, the demo candidate, the referral demo's 3 people and 3
    // vacancies, and the selection demo's 4 applicants without an account and 2 vacancies.
    expect(await db.$count(candidates)).toBe(2008);
    expect(await db.$count(vacancies)).toBe(156);
  });

  it("gives every demo account the documented password, hashed with argon2id", async () => {
    const { verify } = await import("@node-rs/argon2");
    const rows = await database.db.select().from(accounts).innerJoin(users, eq(users.id, accounts.userId));
    expect(rows).toHaveLength(DEMO_USERS.length);
    const hash = rows[0]!.accounts.password!;
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verify(hash, DEMO_PASSWORD)).toBe(true);
  });

  it("links the demo candidate account to a profile in Haaglanden", async () => {
    const [row] = await database.db
      .select({ portal: portals.slug, name: candidates.firstName })
      .from(candidates)
      .innerJoin(portals, eq(portals.id, candidates.portalId))
      .where(eq(candidates.userId, "demo-kandidaat"));
    expect(row).toEqual({ portal: "haaglanden", name: "Kim" });
  });
});

describe("seeding in production", () => {
  it("creates the national portal only and no demo users", async () => {
    const database = await openPglite();
    try {
      await database.migrate();
      await seedDemo(database.db, { production: true });
      const { db } = database;
      expect((await db.select().from(portals)).map((p) => p.slug)).toEqual(["landelijk"]);
      expect(await db.$count(users)).toBe(0);
      expect(await db.$count(memberships)).toBe(0);
      expect(await db.$count(candidates)).toBe(0);
    } finally {
      await database.close();
    }
  });
});
