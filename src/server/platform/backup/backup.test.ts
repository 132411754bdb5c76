import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  databaseUrl,
  quoteIdent,
  TEST_AUTH_SECRET,
  testDbKinds,
  withAdminClient,
} from "../../../../test/support/databases";
import {
  copyPostgresTemplate,
  openTestDatabase,
  request,
  startTestServer,
} from "../../../../test/support/server";
import { startAppControlSocket } from "../../main";
import { backupCommand, type CliOutput, jobCommand, restoreCommand } from "../../operations";
import { CONTROL_SOCKET_FILE } from "../control";
import { type Database, openPglite, openPostgres, queryRows } from "../db";
import { type Env, parseEnv } from "../env";
import { createJobs } from "../jobs";
import { ARCHIVE_NAME, createBackup, pruneBackups, RestoreRefused, restoreBackup } from ".";
import { compareVersions } from "./manifest";

const tempDirs: string[] = [];
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `werkbrug-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

/** Per table of the app (and drizzle's bookkeeping): row count and an md5 over the rows in a fixed order. */
async function tableChecksums(database: Database): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    database.db,
    sql`select quote_ident(table_schema) || '.' || quote_ident(table_name) as name from information_schema.tables
        where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ n: string; md5: string | null }>(
      database.db,
      sql.raw(
        `select count(*)::text as n, md5(string_agg(t::text, '|' order by t::text)) as md5 from ${name} t`,
      ),
    );
    out[name] = `${row!.n} ${row!.md5 ?? "-"}`;
  }
  return out;
}

function captured(): CliOutput & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (m) => lines.push(m), err: (m) => lines.push(m) };
}

async function emptyPostgresDatabase(): Promise<string> {
  const name = `${inject("runPrefix")}_r${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  return databaseUrl(process.env.TEST_DATABASE_URL!, name);
}

const FILES = {
  "avatars/u1/a1b2.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
  "avatars/u1/a1b2.png.type": Buffer.from("image/png"),
  "documents/c9/cv.pdf": Buffer.from("%PDF-1.7 a cv"),
};

describe.each(testDbKinds())("backup and restore on %s", (kind) => {
  let source: Database;
  let sourceUrl: string | undefined;
  let filesDir: string;
  let backupDir: string;
  let archive: string;
  let atDump: Record<string, string>;

  beforeAll(async () => {
    if (kind === "pglite") source = await openTestDatabase("pglite");
    else {
      sourceUrl = await copyPostgresTemplate();
      source = await openPostgres(sourceUrl, { max: 4 });
    }
    await source.db.execute(sql`create table backup_probe (id serial primary key, n int not null)`);
    filesDir = path.join(await tempDir("files"), "files");
    for (const [key, data] of Object.entries(FILES)) {
      await mkdir(path.dirname(path.join(filesDir, key)), { recursive: true });
      await writeFile(path.join(filesDir, key), data);
    }
    backupDir = await tempDir("backups");
  });
  afterAll(async () => {
    await source?.close();
  });

  it("writes one archive while writes go on; restored, it holds the database as of the dump and the files", async () => {
    let stop = false;
    let written = 0;
    const writer = (async () => {
      while (!stop) {
        await source.db.execute(sql`insert into backup_probe (n) values (${written + 1})`);
        written++;
        // As requests do: PGlite answers without touching the event loop, a bare loop would starve it.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    while (written < 20) await new Promise((r) => setTimeout(r, 5));
    const before = written;
    const result = await createBackup(
      { database: source, databaseUrl: sourceUrl, filesDir, pgBinDir: undefined },
      backupDir,
    );
    const during = written - before;
    stop = true;
    await writer;
    archive = result.file;
    expect(during).toBeGreaterThan(0);
    expect(path.basename(archive)).toMatch(ARCHIVE_NAME);
    expect((await readdir(backupDir)).filter((n) => !ARCHIVE_NAME.test(n))).toEqual([]);
    expect(result.manifest.database).toBe(kind);
    expect(result.manifest.migration?.tag).toMatch(/^\d{4}_/);
    expect(result.manifest.entries.map((e) => e.path)).toEqual(
      expect.arrayContaining(Object.keys(FILES).map((k) => `files/${k}`)),
    );

    const target = await tempDir("restore");
    const targetUrl = kind === "postgres" ? await emptyPostgresDatabase() : undefined;
    await restoreBackup(archive, { dataDir: target, databaseUrl: targetUrl });
    const restored =
      kind === "pglite"
        ? await openPglite({ dataDir: path.join(target, "pglite") })
        : await openPostgres(targetUrl!, { max: 2 });
    try {
      const [{ n }] = (await queryRows<{ n: number }>(
        restored.db,
        sql`select count(*)::int as n from backup_probe`,
      )) as [{ n: number }];
      // A consistent moment: the rows up to the dump, none missing in between, none after.
      expect(n).toBeGreaterThanOrEqual(before);
      expect(n).toBeLessThan(written);
      const ids = await queryRows<{ ok: boolean }>(
        restored.db,
        sql`select bool_and(id = n) and max(id) = count(*) as ok from backup_probe`,
      );
      expect(ids[0]!.ok).toBe(true);
      await source.db.execute(sql.raw(`delete from backup_probe where id > ${n}`));
      atDump = await tableChecksums(source);
      expect(await tableChecksums(restored)).toEqual(atDump);
      expect(Object.keys(atDump).length).toBeGreaterThan(50);
      for (const [key, data] of Object.entries(FILES))
        expect(await readFile(path.join(target, "files", key))).toEqual(data);

      // The restored database serves what the original served.
      const [a, b] = [
        await startTestServer({ database: source }),
        await startTestServer({ database: restored }),
      ];
      try {
        const [fromSource, fromRestored] = await Promise.all([
          request(a, "/api/v1/portals"),
          request(b, "/api/v1/portals"),
        ]);
        expect(fromRestored.status).toBe(200);
        expect(fromRestored.json<{ portals: { slug: string }[] }>().portals.map((p) => p.slug)).toEqual(
          fromSource.json<{ portals: { slug: string }[] }>().portals.map((p) => p.slug),
        );
      } finally {
        await a.close();
        await b.close();
      }
    } finally {
      await restored.close();
    }
  }, 180_000);

  it("refuses a truncated archive before writing anything", async () => {
    const broken = path.join(await tempDir("broken"), "werkbrug-truncated.tar.gz");
    await writeFile(broken, await readFile(archive));
    await truncate(broken, Math.floor((await stat(broken)).size / 2));
    const target = await tempDir("restore-broken");
    const targetUrl = kind === "postgres" ? await emptyPostgresDatabase() : undefined;
    const refused = await restoreBackup(broken, { dataDir: target, databaseUrl: targetUrl }).catch((e) => e);
    expect(refused).toBeInstanceOf(RestoreRefused);
    expect((refused as RestoreRefused).reason).toBe("corrupt");
    expect(await readdir(target)).toEqual([]);
    if (targetUrl) {
      const empty = await openPostgres(targetUrl, { max: 1 });
      try {
        const tables = await queryRows<{ n: number }>(
          empty.db,
          sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
        );
        expect(tables[0]!.n).toBe(0);
      } finally {
        await empty.close();
      }
    }
  }, 60_000);

  it("refuses a target that is not empty and leaves it as it was", async () => {
    const target = await tempDir("occupied");
    const io = captured();
    if (kind === "pglite") {
      await mkdir(path.join(target, "pglite"), { recursive: true });
      await writeFile(path.join(target, "pglite", "PG_VERSION"), "17\n");
    }
    const env = parseEnv({
      NODE_ENV: "test",
      DATA_DIR: target,
      AUTH_SECRET: TEST_AUTH_SECRET,
      ...(sourceUrl ? { DATABASE_URL: sourceUrl } : {}),
    });
    expect(await restoreCommand(env, archive, io)).toBe(2);
    expect(io.lines.join("\n")).toMatch(
      /Refusing to restore: the (data directory already holds a database|database already has tables).*nothing was changed/,
    );
    if (kind === "pglite") expect(await readdir(path.join(target, "pglite"))).toEqual(["PG_VERSION"]);
    else expect(await tableChecksums(source)).toEqual(atDump);
  }, 60_000);
});

describe("archives that are not whole or not for this version", () => {
  let database: Database;
  let archive: string;
  const repack = async (edit: (dir: string) => Promise<void>): Promise<string> => {
    const dir = await tempDir("repack");
    await tar.x({ file: archive, cwd: dir });
    await edit(dir);
    const file = path.join(await tempDir("repacked"), "werkbrug-edited.tar.gz");
    await tar.c({ gzip: true, file, cwd: dir }, await readdir(dir));
    return file;
  };
  const refusal = async (file: string) => {
    const target = await tempDir("target");
    const error = await restoreBackup(file, { dataDir: target }).catch((e) => e);
    expect(await readdir(target)).toEqual([]);
    return error as RestoreRefused;
  };

  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    archive = (
      await createBackup(
        { database, filesDir: path.join(await tempDir("nofiles"), "files") },
        await tempDir("out"),
      )
    ).file;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("refuses a checksum mismatch, a newer app version and a newer migration", async () => {
    const tampered = await repack(async (dir) => {
      await mkdir(path.join(dir, "files"), { recursive: true });
      await writeFile(path.join(dir, "files", "extra.txt"), "not in the manifest");
    });
    expect((await refusal(tampered)).reason).toBe("checksum");

    const changed = await repack(async (dir) => {
      const dump = path.join(dir, "database", "pglite-datadir.tar");
      const bytes = await readFile(dump);
      bytes[bytes.length - 1] ^= 0xff;
      await writeFile(dump, bytes);
    });
    expect((await refusal(changed)).message).toMatch(/does not match its checksum/);

    const editManifest = (change: (m: Record<string, unknown>) => void) =>
      repack(async (dir) => {
        const file = path.join(dir, "manifest.json");
        const manifest = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
        change(manifest);
        await writeFile(file, JSON.stringify(manifest));
      });
    const newerApp = await refusal(await editManifest((m) => (m.appVersion = "99.0.0")));
    expect([newerApp.reason, newerApp.message]).toEqual([
      "newer",
      expect.stringMatching(/Werkbrug 99\.0\.0, newer/),
    ]);
    const newerMigration = await refusal(
      await editManifest((m) => (m.migration = { tag: "9999_future", when: Date.now() + 1e12 })),
    );
    expect([newerMigration.reason, newerMigration.message]).toEqual([
      "newer",
      expect.stringMatching(/9999_future/),
    ]);
    expect((await refusal(path.join(os.tmpdir(), "no-such-backup.tar.gz"))).reason).toBe("missing");
  }, 120_000);

  it("start-up refuses a database a newer version migrated, and migrates one it knows", async () => {
    await database.migrate();
    await database.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('future', ${Date.now() + 1e12})`,
    );
    await expect(database.migrate()).rejects.toThrow(
      /This database was migrated by a newer version of Werkbrug \(1 migration\(s\) this version does not know/,
    );
    await database.db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'future'`);
    await database.migrate();
  });

  it("keeps the newest archives", async () => {
    const dir = await tempDir("retention");
    const names = ["20261201", "20261202", "20261203", "20261204"].map(
      (d) => `werkbrug-${d}-023000-000.tar.gz`,
    );
    for (const name of [...names, "notes.txt", ".werkbrug-20261205-023000-000.tar.gz.partial"])
      await writeFile(path.join(dir, name), "x");
    const removed = await pruneBackups(dir, 2);
    expect(removed.map((f) => path.basename(f))).toEqual(names.slice(0, 2));
    expect((await readdir(dir)).sort()).toEqual(
      [".werkbrug-20261205-023000-000.tar.gz.partial", "notes.txt", ...names.slice(2)].sort(),
    );
    expect(compareVersions("0.10.0", "0.9.3")).toBe(1);
    expect(compareVersions("1.0.0", "1.0.0")).toBe(0);
  });
});

describe("the control socket and npm run job", () => {
  it("a running app answers backup and run-job over its socket; without an app the job runs in-process", async () => {
    const server = await startTestServer({ kind: "pglite" });
    const env: Env = { ...server.env, BACKUP_DIR: path.join(server.env.DATA_DIR, "backups") };
    const jobs = createJobs(server.database);
    let ran = 0;
    await jobs.schedule("probe-job", "0 3 * * *", async () => {
      ran++;
    });
    const control = await startAppControlSocket(env, server.database, jobs, () => {});
    try {
      const socket = path.join(env.DATA_DIR, CONTROL_SOCKET_FILE);
      expect((await stat(socket)).mode & 0o777).toBe(0o600);
      const io = captured();
      expect(await backupCommand(env, io)).toBe(0);
      expect(io.lines.join("\n")).toMatch(/Backup written by the running app: .*werkbrug-.*\.tar\.gz/);
      expect((await readdir(env.BACKUP_DIR)).filter((n) => ARCHIVE_NAME.test(n))).toHaveLength(1);

      const unknown = captured();
      expect(await jobCommand(env, "no-such-job", unknown)).toBe(2);
      expect(unknown.lines).toEqual(['There is no job called "no-such-job". Known jobs:', "  probe-job"]);
      const known = captured();
      expect(await jobCommand(env, "probe-job", known)).toBe(0);
      expect(ran).toBe(1);
      // The app holds the data directory: a restore into it is refused.
      expect(await restoreCommand(env, "whatever.tar.gz", captured())).toBe(2);
    } finally {
      await control?.close();
      await server.close();
    }
    expect(existsSync(path.join(env.DATA_DIR, CONTROL_SOCKET_FILE))).toBe(false);

    // No app: `npm run job` opens the data directory itself with all of the app's jobs.
    const dataDir = await tempDir("job");
    const lite = await openPglite({
      dataDir: path.join(dataDir, "pglite"),
      loadDataDir: new Blob([await readFile(inject("pgliteTemplate"))]),
    });
    await lite.close();
    const offline = parseEnv({
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      AUTH_SECRET: TEST_AUTH_SECRET,
      LOG_LEVEL: "silent",
    });
    const unknown = captured();
    expect(await jobCommand(offline, "nope", unknown)).toBe(2);
    expect(unknown.lines).toEqual(
      expect.arrayContaining(["  backup", "  events-dispatch", "  reserve-list-expiry"]),
    );
    const known = captured();
    expect(await jobCommand(offline, "reserve-list-expiry", known)).toBe(0);
    expect(known.lines).toEqual(["Job reserve-list-expiry ran"]);
  }, 180_000);
});
