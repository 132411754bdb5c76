import { randomUUID } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  databaseUrl,
  quoteIdent,
  type TestDbKind,
  testDbKinds,
  withAdminClient,
} from "../../../../test/support/databases";
import { migrationsFolder, pgliteExtensions } from "../../platform/db";
import { PROCEDURE_TEMPLATES } from "./matches.templates";

const MIGRATION = "0018_match_procedures";

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** A copy of the migrations folder holding only those before this one. */
async function migrationsBefore(tag: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "werkbrug-migrations-"));
  await cp(migrationsFolder, dir, { recursive: true });
  const journalFile = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(await readFile(journalFile, "utf8")) as Journal;
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  await writeFile(journalFile, JSON.stringify(journal));
  return dir;
}

interface Target {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

async function openTarget(kind: TestDbKind): Promise<Target> {
  if (kind === "pglite") {
    const client = await PGlite.create({ extensions: pgliteExtensions });
    return {
      query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
      migrate: (folder) => migratePglite(drizzlePglite({ client }), { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const name = `${inject("runPrefix")}_mig_${randomUUID().replace(/-/g, "").slice(0, 8)}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const pool = new pg.Pool({ connectionString: databaseUrl(process.env.TEST_DATABASE_URL!, name), max: 2 });
  return {
    query: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    migrate: (folder) => migrateNodePg(drizzleNodePg({ client: pool }), { migrationsFolder: folder }),
    close: () => pool.end(),
  };
}

const at = (iso: string) => new Date(iso);

/** Old-shape matches: every source, a proposal after saving, and the statuses beyond "submitted". */
const OLD = [
  {
    name: "applied",
    source: "applied",
    status: "submitted",
    proposed: null,
    phase: "applied",
    steps: ["applied"],
  },
  { name: "saved", source: "saved", status: "submitted", proposed: null, phase: "saved", steps: ["saved"] },
  {
    name: "saved then proposed",
    source: "saved",
    status: "submitted",
    proposed: "2026-03-05T10:00:00Z",
    phase: "proposed",
    steps: ["saved", "proposed"],
  },
  {
    name: "proposed",
    source: "proposed",
    status: "submitted",
    proposed: "2026-03-02T09:00:00Z",
    phase: "proposed",
    steps: ["proposed"],
  },
  {
    name: "in review",
    source: "applied",
    status: "in_review",
    proposed: null,
    phase: "screening",
    steps: ["applied", "screening"],
  },
  {
    name: "hired",
    source: "applied",
    status: "hired",
    proposed: "2026-03-04T12:00:00Z",
    phase: "hired",
    steps: ["applied", "proposed", "hired"],
  },
  {
    name: "withdrawn",
    source: "applied",
    status: "withdrawn",
    proposed: null,
    phase: "withdrawn",
    steps: ["applied", "withdrawn"],
  },
] as const;

describe.each(testDbKinds())("migrating old matches (0018) on %s", (kind) => {
  let db: Target;
  let folder: string;
  const portal = randomUUID();
  const orgs = { westland: randomUUID(), duinen: randomUUID(), department: randomUUID() };
  const vacancyOf = { westland: randomUUID(), duinen: randomUUID() };
  const matchIds = new Map<string, string>();

  beforeAll(async () => {
    db = await openTarget(kind);
    folder = await migrationsBefore(MIGRATION);
    await db.migrate(folder);
    await db.query(
      `insert into portals (id, slug, name_nl, name_en) values ($1, 'haaglanden', 'Haaglanden', 'Haaglanden')`,
      [portal],
    );
    await db.query(
      `insert into organisations (id, kind, name, home_portal_id, parent_id) values
        ($1, 'employer', 'Westland', $4, null), ($2, 'employer', 'De Duinen', $4, null),
        ($3, 'employer', 'Westland Naaldwijk', $4, $1)`,
      [orgs.westland, orgs.duinen, orgs.department, portal],
    );
    await db.query(
      `insert into users (id, name, email) values ('u-staff', 'Fatima', 'f@test'), ('u-cand', 'Kim', 'k@test')`,
    );
    for (const [key, id] of Object.entries(vacancyOf)) {
      await db.query(
        `insert into vacancies (id, organisation_id, portal_id, title, display_title) values ($1, $2, $3, 'T', 'T')`,
        [id, orgs[key as keyof typeof orgs], portal],
      );
    }
    for (const [i, old] of OLD.entries()) {
      const candidate = randomUUID();
      await db.query(
        `insert into candidates (id, portal_id, first_name, last_name) values ($1, $2, $3, 'Test')`,
        [candidate, portal, `C${i}`],
      );
      const id = randomUUID();
      matchIds.set(old.name, id);
      await db.query(
        `insert into matches (id, portal_id, vacancy_id, candidate_id, source, status, motivation, cv_file_key,
           cv_file_name, cv_content_type, channel_source, created_by_user_id, proposed_at, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'application/pdf', 'nieuwsbrief', $10, $11, $12, $13)`,
        [
          id,
          portal,
          i % 2 === 0 ? vacancyOf.westland : vacancyOf.duinen,
          candidate,
          old.source,
          old.status,
          `Motivatie ${old.name}`,
          `applications/${candidate}/cv.pdf`,
          `cv-${i}.pdf`,
          old.source === "applied" ? "u-cand" : "u-staff",
          old.proposed,
          "2026-03-01T08:00:00Z",
          "2026-03-09T16:00:00Z",
        ],
      );
    }
    // The migration under test, on top of the data.
    await db.migrate(migrationsFolder);
  }, 120_000);

  afterAll(async () => {
    await db?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("gives every organisation the shipped procedures, recruitment as its default", async () => {
    const rows = await db.query<{
      organisation_id: string;
      template: string;
      is_default: boolean;
      keys: string[];
    }>(
      `select p.organisation_id, p.template, p.is_default, array_agg(ph.key order by ph.position) as keys
       from procedures p join procedure_phases ph on ph.procedure_id = p.id
       group by p.id order by p.template`,
    );
    for (const organisationId of Object.values(orgs)) {
      const own = rows.filter((r) => r.organisation_id === organisationId);
      expect(own.map((r) => [r.template, r.is_default, r.keys])).toEqual(
        [...PROCEDURE_TEMPLATES]
          .sort((a, b) => a.template.localeCompare(b.template))
          .map((t) => [t.template, t.isDefault, t.phases.map((p) => p.key)]),
      );
    }
    const [referral] = await db.query<{ outcomes: string[]; label: { nl: string; de: string } }>(
      `select ph.outcomes, ph.label from procedure_phases ph join procedures p on p.id = ph.procedure_id
       where p.template = 'referral' and ph.key = 'contact_made' limit 1`,
    );
    expect(referral).toMatchObject({
      outcomes: ["green", "orange", "red"],
      // Migration 0025 named the milestones as the referral portal does.
      label: { nl: "Contact gemaakt?" },
    });
  });

  it("puts every old match in its organisation's default procedure, in a sensible phase, losing nothing", async () => {
    const rows = await db.query<Record<string, unknown> & { id: string }>(
      `select m.*, ph.key as phase_key, p.template, p.organisation_id as procedure_organisation_id,
              v.organisation_id as vacancy_organisation_id
       from matches m join procedure_phases ph on ph.id = m.phase_id join procedures p on p.id = m.procedure_id
       join vacancies v on v.id = m.vacancy_id`,
    );
    expect(rows).toHaveLength(OLD.length);
    for (const [i, old] of OLD.entries()) {
      const row = rows.find((r) => r.id === matchIds.get(old.name))!;
      expect(row, old.name).toMatchObject({
        source: old.source,
        status: old.status,
        motivation: `Motivatie ${old.name}`,
        cv_file_name: `cv-${i}.pdf`,
        cv_content_type: "application/pdf",
        channel_source: "nieuwsbrief",
        created_by_user_id: old.source === "applied" ? "u-cand" : "u-staff",
        phase_key: old.phase,
        template: "recruitment",
        outcome: null,
      });
      expect(row.cv_file_key).toMatch(/^applications\/.+\/cv\.pdf$/);
      expect(row.organisation_id).toBe(row.vacancy_organisation_id);
      expect(row.procedure_organisation_id).toBe(row.vacancy_organisation_id);
      expect(new Date(row.created_at as string).toISOString()).toBe("2026-03-01T08:00:00.000Z");
      expect(new Date(row.updated_at as string).toISOString()).toBe("2026-03-09T16:00:00.000Z");
      expect(row.proposed_at === null ? null : new Date(row.proposed_at as string).toISOString()).toBe(
        old.proposed === null ? null : at(old.proposed).toISOString(),
      );
    }
  });

  it("writes each match's history: where it began, when it was proposed, where it ended", async () => {
    const steps = await db.query<{
      match_id: string;
      seq: number;
      from_key: string | null;
      to_key: string;
      actor_user_id: string | null;
      at: string;
      undone_at: string | null;
    }>(
      `select h.match_id, h.seq, f.key as from_key, t.key as to_key, h.actor_user_id, h.at, h.undone_at
       from match_history h join procedure_phases t on t.id = h.to_phase_id
       left join procedure_phases f on f.id = h.from_phase_id order by h.match_id, h.seq`,
    );
    for (const old of OLD) {
      const own = steps.filter((s) => s.match_id === matchIds.get(old.name));
      expect(
        own.map((s) => s.to_key),
        old.name,
      ).toEqual([...old.steps]);
      expect(own.map((s) => s.seq)).toEqual(own.map((_, i) => i));
      expect(own.map((s) => s.from_key)).toEqual([null, ...old.steps.slice(0, -1)]);
      expect(own.every((s) => s.undone_at === null)).toBe(true);
      // The first step is the match's creation, by whoever created it.
      expect(new Date(own[0]!.at).toISOString()).toBe("2026-03-01T08:00:00.000Z");
      expect(own[0]!.actor_user_id).toBe(old.source === "applied" ? "u-cand" : "u-staff");
    }
    const [since] = await db.query<{ phase_since: string }>(`select phase_since from matches where id = $1`, [
      matchIds.get("saved then proposed"),
    ]);
    expect(new Date(since!.phase_since).toISOString()).toBe("2026-03-05T10:00:00.000Z");
  });
});
