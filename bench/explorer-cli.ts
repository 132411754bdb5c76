// `npm run bench:explorer -- --candidates N`: the explorer's two engines on N generated candidates,
// on PostgreSQL when BENCH_DATABASE_URL is set, otherwise on an on-disk PGlite. One JSON line on
// stdout, progress and details on stderr.
import { parseArgs } from "node:util";
import { benchExplorer } from "./explorer.bench";

const { values } = parseArgs({
  options: {
    candidates: { type: "string", default: "100000" },
    selective: { type: "string", default: "200" },
    broad: { type: "string", default: "50" },
    seed: { type: "string", default: "20260101" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
    "sql-every": { type: "string", default: "1" },
    "sql-every-broad": { type: "string", default: "1" },
  },
  strict: true,
});

const count = (name: string, value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a positive whole number\n`);
    process.exit(1);
  }
  return n;
};

const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
if (values.reuse && !databaseUrl) {
  process.stderr.write("--reuse needs BENCH_DATABASE_URL\n");
  process.exit(1);
}

benchExplorer({
  candidates: count("candidates", values.candidates),
  selective: count("selective", values.selective),
  broad: count("broad", values.broad),
  seed: count("seed", values.seed),
  keep: values.keep,
  sqlEvery: count("sql-every", values["sql-every"]),
  sqlEveryBroad: count("sql-every-broad", values["sql-every-broad"]),
  ...(databaseUrl ? { databaseUrl } : {}),
  ...(values.reuse ? { reuse: values.reuse } : {}),
})
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
