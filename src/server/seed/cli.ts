// `npm run seed [-- --candidates N]`: seed the demo world into an empty database, or add N
// generated candidates (for benchmarks) to an existing one.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { secretEncryptor } from "../modules/identity/auth";
import { openDatabase } from "../platform/db";
import { loadEnvOrExit } from "../platform/env";
import { resolveAuthSecret } from "../platform/secrets";
import { insertCandidates } from "./bulk";
import { candidateCount, DEMO_SEED, isEmpty, portalsForSeeding, seedDemo } from "./demo";

const ArgsSchema = z.object({
  candidates: z.coerce
    .number({ message: "--candidates must be a number" })
    .int({ message: "--candidates must be a whole number" })
    .min(1, { message: "--candidates must be at least 1" })
    .max(5_000_000, { message: "--candidates must be at most 5000000" })
    .optional(),
});

async function run(): Promise<void> {
  const env = loadEnvOrExit();
  const { values } = parseArgs({ options: { candidates: { type: "string" } }, strict: true });
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    process.stderr.write(`${parsed.error.issues[0]?.message}\n`);
    process.exit(1);
  }
  const log = (message: string) => process.stdout.write(`${message}\n`);
  const production = env.NODE_ENV === "production";
  if (production && parsed.data.candidates) {
    process.stderr.write("Refusing to add generated candidates when NODE_ENV=production.\n");
    process.exit(1);
  }
  const database = await openDatabase(env);
  try {
    await database.migrate();
    if (await isEmpty(database.db)) {
      const encryptSecret = await secretEncryptor(database.db, env, await resolveAuthSecret(env));
      await seedDemo(database.db, { production, log, encryptSecret });
    } else if (!parsed.data.candidates) {
      log("The database already holds data; nothing seeded. Use --candidates N to add generated candidates.");
    }
    if (parsed.data.candidates) {
      const total = parsed.data.candidates;
      // Continue the deterministic sequence after the candidates already there.
      const startIndex = await candidateCount(database.db);
      const started = Date.now();
      let lastPrinted = 0;
      await insertCandidates(database.db, {
        count: total,
        seed: DEMO_SEED,
        startIndex,
        portals: await portalsForSeeding(database.db),
        onProgress: (done) => {
          const now = Date.now();
          if (done === total || now - lastPrinted > 1000) {
            lastPrinted = now;
            const seconds = (now - started) / 1000;
            const rate = Math.round(done / Math.max(seconds, 0.001));
            process.stdout.write(
              `\r  ${done.toLocaleString("en")}/${total.toLocaleString("en")} candidates (${Math.round((done / total) * 100)}%, ${rate.toLocaleString("en")}/s)   `,
            );
          }
        },
      });
      process.stdout.write("\n");
      // Planner statistics for the new rows: PGlite has no autovacuum to gather them, and the
      // explorer's SQL engine plans badly without them.
      await database.db.execute(sql`ANALYZE candidates`);
      await database.db.execute(sql`ANALYZE candidate_search`);
      log(
        `Added ${total.toLocaleString("en")} candidates in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
    }
  } finally {
    await database.close();
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
