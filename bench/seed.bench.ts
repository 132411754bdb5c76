import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openPglite } from "../src/server/platform/db";
import { insertCandidates } from "../src/server/seed/bulk";
import { DEMO_SEED, portalsForSeeding, seedDemo } from "../src/server/seed/demo";

/** `npm run seed -- --candidates N` on a fresh on-disk PGlite: the issue asks 100k < 3 min. */
export async function benchSeed({ candidates }: { candidates: number }): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "werkbrug-bench-"));
  const database = await openPglite({ dataDir: path.join(dir, "pglite") });
  try {
    await database.migrate();
    await seedDemo(database.db, { candidates: 0, vacancies: 0 });
    const started = performance.now();
    await insertCandidates(database.db, {
      count: candidates,
      seed: DEMO_SEED,
      portals: await portalsForSeeding(database.db),
    });
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `seed  ${candidates.toLocaleString("en")} candidates on PGlite (on disk): ${seconds.toFixed(1)} s, ${Math.round(candidates / seconds).toLocaleString("en")} rows/s\n`,
    );
  } finally {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
