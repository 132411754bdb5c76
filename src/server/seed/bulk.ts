/**
 * Fast bulk insertion of generated candidates and vacancies. Each batch goes to the database as one
 * JSON document expanded by json_populate_recordset: a single bind parameter instead of one per
 * value, so batches are not bound by PostgreSQL's 65,535-parameter limit and the driver does not
 * build and the server does not parse tens of thousands of placeholders. It is plain SQL, so it
 * runs the same on PGlite and on node-postgres.
 */
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { candidates } from "../modules/candidates/candidates.schema";
import { vacancies } from "../modules/vacancies/vacancies.schema";
import type { Db } from "../platform/db";
import { generateCandidate, generateVacancy, type SeedOrganisation, type SeedPortal } from "./generate";

/** Rows per statement: ~2.5 MB of JSON for candidates, past the point where bigger batches pay off. */
const DEFAULT_BATCH_SIZE = 1000;
/** Statements per transaction: one commit per this many batches keeps WAL flushes rare. */
const BATCHES_PER_TRANSACTION = 10;

type Executor = Pick<Db, "execute">;

/** Column keys in the insert objects (camelCase) mapped to their SQL names. */
function columnNames(table: PgTable): Map<string, string> {
  return new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [key, column.name]));
}

/**
 * Inserts rows of one table in a single statement. All rows must have the same keys; keys that are
 * not columns are an error rather than silently dropped.
 */
async function insertJsonBatch(
  executor: Executor,
  table: PgTable,
  columns: Map<string, string>,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const keys = Object.keys(first);
  const names = keys.map((key) => {
    const name = columns.get(key);
    if (!name) throw new Error(`${getTableName(table)} has no column for "${key}"`);
    return name;
  });
  const documents = rows.map((row) => {
    const document: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) document[names[i]!] = row[keys[i]!] ?? null;
    return document;
  });
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  const tableName = sql.identifier(getTableName(table));
  await executor.execute(
    sql`insert into ${tableName} (${list}) select ${list} from json_populate_recordset(null::${tableName}, ${JSON.stringify(documents)}::json)`,
  );
}

async function insertGenerated<T extends Record<string, unknown>>(
  db: Db,
  table: PgTable,
  options: {
    count: number;
    batchSize: number;
    generate: (i: number) => T;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<void> {
  const columns = columnNames(table);
  const { count, batchSize } = options;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("batchSize must be a positive integer");
  let done = 0;
  while (done < count) {
    const transactionEnd = Math.min(count, done + batchSize * BATCHES_PER_TRANSACTION);
    await db.transaction(async (tx) => {
      while (done < transactionEnd) {
        const end = Math.min(transactionEnd, done + batchSize);
        const rows: T[] = [];
        for (let i = done; i < end; i++) rows.push(options.generate(i));
        await insertJsonBatch(tx, table, columns, rows);
        done = end;
        options.onProgress?.(done, count);
      }
    });
  }
}

/**
 * Inserts `count` generated candidates; the i-th gets generateCandidate(startIndex + i), so a later
 * call with startIndex = the number already there continues the same deterministic sequence.
 */
export async function insertCandidates(
  db: Db,
  options: {
    count: number;
    seed: number;
    startIndex?: number;
    portals: SeedPortal[];
    batchSize?: number;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<void> {
  const startIndex = options.startIndex ?? 0;
  const generateOptions = { seed: options.seed, portals: options.portals };
  await insertGenerated(db, candidates, {
    count: options.count,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    generate: (i) => generateCandidate(startIndex + i, generateOptions),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

/** Inserts `count` generated vacancies of the given organisations, dated relative to `now`. */
export async function insertVacancies(
  db: Db,
  options: { count: number; seed: number; organisations: SeedOrganisation[]; now: Date },
): Promise<void> {
  const generateOptions = { seed: options.seed, organisations: options.organisations, now: options.now };
  await insertGenerated(db, vacancies, {
    count: options.count,
    batchSize: DEFAULT_BATCH_SIZE,
    generate: (i) => generateVacancy(i, generateOptions),
  });
}
