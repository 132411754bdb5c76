// `npm run bench [-- name…]`: runs the benchmarks and prints their numbers (never asserts).
import { parseArgs } from "node:util";
import { benchHttp } from "./http.bench";
import { benchSeed } from "./seed.bench";

const { values, positionals } = parseArgs({
  options: {
    candidates: { type: "string", default: "100000" },
    requests: { type: "string", default: "2000" },
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
  if (wanted.has("seed")) await benchSeed({ candidates: Number(values.candidates) });
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
