// `npm run bench [-- name…]`: runs the benchmarks and prints their numbers (never asserts).
// "explorer" and "queries" run only when named (they are long); `npm run bench:explorer` runs the first alone.
import { parseArgs } from "node:util";
import { benchExplorer } from "./explorer.bench";
import { benchHttp } from "./http.bench";
import { benchQueries } from "./queries.bench";
import { benchSeed } from "./seed.bench";

const { values, positionals } = parseArgs({
  options: {
    candidates: { type: "string", default: "100000" },
    requests: { type: "string", default: "2000" },
    /** Per request of the "queries" benchmark, measured one at a time. */
    iterations: { type: "string", default: "200" },
  },
  allowPositionals: true,
});
const wanted = new Set(positionals.length > 0 ? positionals : ["http", "seed"]);

async function run(): Promise<void> {
  const [load1] = (await import("node:os")).loadavg();
  process.stdout.write(
    `machine: ${(await import("node:os")).cpus().length} cores, load ${load1?.toFixed(2)}\n`,
  );
  if (wanted.has("http")) await benchHttp({ requests: Number(values.requests) });
  if (wanted.has("queries")) await benchQueries({ iterations: Number(values.iterations) });
  if (wanted.has("seed")) await benchSeed({ candidates: Number(values.candidates) });
  if (wanted.has("explorer")) {
    const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
    await benchExplorer({ candidates: Number(values.candidates), ...(databaseUrl ? { databaseUrl } : {}) });
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
