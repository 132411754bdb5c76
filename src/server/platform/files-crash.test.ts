import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { copyPostgresTemplate, freePort } from "../../../test/support/server";
import { Client, signIn } from "../../../test/support/session";
import { openPostgres } from "./db";
import { fileReferencesRepository } from "./file-references.repository";
import { createStore } from "./store";
import { systemScope } from "./system-scope";

const readOnly = { write: () => Promise.reject(new Error("read only")), committed: () => {} };
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

async function start(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/ops-process.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return child;
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith(".type"))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

// A second process on a database both can open: PostgreSQL only.
describe.skipIf(!process.env.TEST_DATABASE_URL)("a crash during uploads on postgres", () => {
  const children: ChildProcess[] = [];
  let dataDir = "";
  afterAll(async () => {
    for (const child of children) child.kill("SIGKILL");
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("leaves no file that no row refers to after the next start (kill -9 mid-upload)", async () => {
    const url = await copyPostgresTemplate();
    dataDir = await mkdtemp(path.join(os.tmpdir(), "werkbrug-crash-"));
    const port = await freePort();
    const env = { DATABASE_URL: url, DATA_DIR: dataDir, PORT: String(port), FILE_SWEEP_GRACE_MINUTES: "0" };
    const first = await start(env);
    children.push(first);
    const people = [new Client({ port }), new Client({ port }), new Client({ port })];
    await signIn(people[0]!, "kandidaat@demo.werkbrug.test");
    await signIn(people[1]!, "hr@demo.werkbrug.test");
    await signIn(people[2]!, "accountmanager@demo.werkbrug.test");
    // Uploads keep going in parallel until the process dies under them.
    const uploads = people.map(async (person) => {
      for (let i = 0; i < 1000; i++) {
        try {
          await person.call("/api/v1/me/avatar", { method: "PUT", raw: { data: png, type: "image/png" } });
        } catch {
          return;
        }
      }
    });
    await sleep(1500);
    first.kill("SIGKILL");
    await Promise.all(uploads);
    await new Promise((resolve) => (first.exitCode !== null ? resolve(null) : first.once("exit", resolve)));

    const second = await start(env);
    children.push(second);
    const database = await openPostgres(url, { max: 2 });
    try {
      const referenced = () =>
        createStore(database.db, readOnly)
          .bind(systemScope("test"), fileReferencesRepository)
          .referencedKeys();
      // The sweep at start runs beside it; wait for it to have left only referenced files.
      let orphans: string[] = [];
      for (let attempt = 0; attempt < 100; attempt++) {
        const keys = await referenced();
        orphans = (await filesUnder(path.join(dataDir, "files"))).filter((file) => !keys.has(file));
        if (orphans.length === 0) break;
        await sleep(200);
      }
      expect(orphans).toEqual([]);
      expect((await filesUnder(path.join(dataDir, "files"))).length).toBeGreaterThan(0);
    } finally {
      await database.close();
      second.kill("SIGKILL");
    }
  }, 120_000);
});
