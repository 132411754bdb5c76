import { setTimeout as sleep } from "node:timers/promises";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import PgBoss from "pg-boss";
import type { Database } from "./db";
import { finishJobRun, insertJobRun, type JobRunRow, type JobTrigger } from "./job-runs.repository";

/**
 * Background jobs: pg-boss on the application's own database (its tables live in the `pgboss`
 * schema, which pg-boss creates and migrates itself at start). On PostgreSQL every instance
 * can run them (pg-boss hands each job to one worker and fires each cron slot once); on
 * PGlite pg-boss shares the one embedded connection with the app.
 *
 * Handlers are registered before or after `start()`: before, they are applied when pg-boss has
 * started, so a module can register its jobs while the app is being composed.
 */

export interface JobContext {
  /** pg-boss job id, or "run-now" for `runNow`. */
  id: string;
  name: string;
}

export type JobHandler<T = Record<string, unknown>> = (data: T, job: JobContext) => Promise<void>;

export interface SendOptions {
  /** A Date, seconds from now, or an ISO timestamp. */
  startAfter?: Date | number | string;
  /**
   * Deduplication key. In pg-boss 10 what it does depends on the queue's policy (see
   * `WorkOptions.policy`): "short" keeps one waiting job per key, "singleton" one active job
   * per key, "stately" one of each; on a "standard" queue it is only a label.
   */
  singletonKey?: string;
}

export type QueuePolicy = "standard" | "short" | "singleton" | "stately";

export interface WorkOptions {
  /** pg-boss queue policy; "standard" (any number of jobs) unless given. */
  policy?: QueuePolicy;
}

export interface ScheduleOptions {
  /** Time zone the cron expression is read in; Dutch time by default. */
  tz?: string;
}

export interface Jobs {
  start(): Promise<void>;
  /** Stops polling, waits for running handlers, and leaves the database open (its owner closes it). */
  stop(): Promise<void>;
  /** A recurring job: pg-boss puts one job in the queue per cron slot, whichever instance does it. */
  schedule(name: string, cron: string, handler: JobHandler, options?: ScheduleOptions): Promise<void>;
  /**
   * Queues a job for `work(name)`; only after `start()`. Returns the job id, or null when
   * deduplicated. On PGlite, never from inside a database transaction: pg-boss would wait for the
   * one connection that transaction holds.
   */
  send(name: string, data?: object, options?: SendOptions): Promise<string | null>;
  work<T = Record<string, unknown>>(
    name: string,
    handler: JobHandler<T>,
    options?: WorkOptions,
  ): Promise<void>;
  /**
   * Runs the handler of a scheduled or worked job here and now (tests, manual runs), without the
   * queue, and records the run; throws what the handler threw. Works without `start()` (JOBS=off).
   */
  runNow(name: string, data?: object, origin?: RunOrigin): Promise<void>;
  /**
   * Like `runNow`, for a person or a command asking: answers the recorded run, failed or not
   * (throws only for an unknown job or one already running in this process).
   */
  runRecorded(name: string, origin: RunOrigin, data?: object): Promise<JobRunRow>;
  /** The registered recurring jobs, in the order they were registered. */
  scheduled(): ScheduledJob[];
  /** Whether a job of this name runs in this process right now. */
  isRunning(name: string): boolean;
  /** The names of the registered jobs (scheduled and worked), sorted: what `runNow` accepts. */
  names(): string[];
  readonly started: boolean;
}

export interface RunOrigin {
  trigger: Extract<JobTrigger, "manual" | "cli" | "start">;
  /** The user who asked (manual runs). */
  requestedBy?: string | null;
}

export interface ScheduledJob {
  name: string;
  cron: string;
  timeZone: string;
}

/** `runRecorded` for a job nobody registered. */
export class UnknownJobError extends Error {
  constructor(readonly job: string) {
    super(`No job called ${job} is registered`);
  }
}

/** `runRecorded` for a job that is running in this process already. */
export class JobAlreadyRunningError extends Error {
  constructor(readonly job: string) {
    super(`Job ${job} is already running`);
  }
}

export interface JobsOptions {
  /** Where failures are reported (handler errors, pg-boss errors). */
  log?: (message: string) => void;
  /** How often a worker asks for new jobs. Default 5 s on PGlite, 2 s on PostgreSQL. */
  pollingIntervalSeconds?: number;
  /** Further pg-boss settings (tests shorten intervals). */
  boss?: Omit<PgBoss.ConstructorOptions, "db" | "connectionString">;
  /** How long `stop()` waits for running handlers before giving up on them. */
  stopTimeoutMs?: number;
}

type AnyHandler = (data: unknown, job: JobContext) => Promise<void>;

interface Registration {
  name: string;
  handler: AnyHandler;
  policy?: QueuePolicy;
  cron?: { expression: string; tz: string };
}

/** pg-boss's `db` option: one method, `{ rows }` back. */
type BossDb = PgBoss.Db;

/**
 * A Postgres array literal, as node-postgres writes JS arrays (pg-boss passes job ids as
 * `$2::uuid[]`). PGlite serialises JS arrays itself only when it knows the parameter's type,
 * so both drivers get the same text and behave alike (see timgit/pg-boss#563).
 */
export function toPgArrayLiteral(values: readonly unknown[]): string {
  const item = (value: unknown): string => {
    if (value === null || value === undefined) return "NULL";
    if (Array.isArray(value)) return toPgArrayLiteral(value);
    const text =
      value instanceof Date
        ? value.toISOString()
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
    return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  };
  return `{${values.map(item).join(",")}}`;
}

function toPgliteParam(value: unknown): unknown {
  if (Array.isArray(value)) return toPgArrayLiteral(value);
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

/**
 * pg-boss over the embedded database. Statements without parameters are pg-boss's scripts
 * (schema creation, migrations, maintenance) and often carry their own BEGIN … COMMIT: they
 * run through the simple protocol (`exec`) inside a PGlite transaction, so a script that fails
 * halfway is rolled back instead of leaving the app's only connection in an aborted
 * transaction. Everything goes through PGlite's own queue, so pg-boss waits while the app is
 * inside a transaction and never interleaves with it.
 */
export function pgliteBossDb(client: PGlite): BossDb {
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await client.transaction((tx) => tx.exec(text));
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const result = await client.query(text, values.map(toPgliteParam));
      return { rows: result.rows };
    },
  };
}

/**
 * pg-boss over the app's node-postgres pool (rather than a second pool of its own). `pool.query`
 * gives a multi-statement script its own connection and discards that connection on error, as
 * pg-boss's built-in driver does.
 */
export function poolBossDb(pool: pg.Pool): BossDb {
  return {
    async executeSql(text, values) {
      const result = (await pool.query(text, values)) as pg.QueryResult | pg.QueryResult[];
      return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
    },
  };
}

function bossDbFor(database: Database): BossDb {
  const client = (database.db as unknown as { $client?: unknown }).$client;
  if (database.kind === "postgres") {
    if (!(client instanceof pg.Pool)) throw new Error("Jobs need the node-postgres pool of the database");
    return poolBossDb(client);
  }
  const lite = client as Partial<PGlite> | undefined;
  if (typeof lite?.exec !== "function" || typeof lite.transaction !== "function")
    throw new Error("Jobs need the PGlite client of the database");
  return pgliteBossDb(lite as PGlite);
}

function startAfterOption(value: SendOptions["startAfter"]): string | number | undefined {
  if (value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : value;
}

export function createJobs(database: Database, options: JobsOptions = {}): Jobs {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? (database.kind === "pglite" ? 5 : 2);
  const stopTimeoutMs = options.stopTimeoutMs ?? 30_000;

  // Counted so that stop() can wait until pg-boss is really done with the database: pg-boss
  // completes a job without awaiting it, and a worker may be mid-poll when it is told to stop.
  let queries = 0;
  let handlersRunning = 0;
  let closed = false;
  const inner = bossDbFor(database);
  const db: BossDb = {
    async executeSql(text, values) {
      // After stop() a straggling worker poll finds nothing rather than a closed database.
      if (closed) return { rows: [] };
      queries++;
      try {
        return await inner.executeSql(text, values);
      } finally {
        queries--;
      }
    },
  };

  const boss = new PgBoss({
    db,
    // Maintenance (expiring, archiving, deleting old jobs) every few minutes is plenty; on PGlite
    // it shares the app's connection, so a little less often there.
    maintenanceIntervalSeconds: database.kind === "pglite" ? 300 : 120,
    ...options.boss,
  });
  boss.on("error", (error: unknown) => {
    log(`Jobs: ${error instanceof Error ? error.message : String((error as { message?: unknown }).message)}`);
  });

  const registrations = new Map<string, Registration>();
  /** Local worker per queue, so `send` can wake it instead of waiting for its next poll. */
  const workerIds = new Map<string, string>();
  let state: "stopped" | "starting" | "started" | "stopping" = "stopped";

  const running = new Map<string, number>();

  /** A run's record: written around the handler, never failing the job itself. */
  async function recordStart(name: string, trigger: JobTrigger, requestedBy: string | null) {
    const startedAt = new Date();
    try {
      return await insertJobRun(database.db, { name, trigger, requestedBy, startedAt });
    } catch (error) {
      log(
        `Job ${name}: its run could not be recorded: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    }
  }

  /**
   * Every handler runs through here (decision 0035): a cron slot, a queued job, `runNow` and
   * `runRecorded`. Answers the finished run record (null when it could not be written) and the
   * handler's error, if any.
   */
  async function run(
    registration: Registration,
    data: unknown,
    job: JobContext,
    trigger: JobTrigger,
    requestedBy: string | null = null,
  ): Promise<{ record: JobRunRow | null; error: unknown }> {
    handlersRunning++;
    running.set(job.name, (running.get(job.name) ?? 0) + 1);
    try {
      const started = await recordStart(job.name, trigger, requestedBy);
      let failure: unknown = null;
      try {
        await registration.handler(data ?? {}, job);
      } catch (error) {
        failure = error ?? new Error("failed");
        log(`Job ${job.name} (${job.id}) failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      let record: JobRunRow | null = null;
      if (started) {
        try {
          record = await finishJobRun(database.db, started.id, {
            outcome: failure ? "failed" : "ok",
            error: failure
              ? (failure instanceof Error ? failure.message : String(failure)).slice(0, 2000)
              : null,
            finishedAt: new Date(),
          });
        } catch (error) {
          log(
            `Job ${job.name}: its end could not be recorded: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      return { record, error: failure };
    } finally {
      const left = (running.get(job.name) ?? 1) - 1;
      if (left > 0) running.set(job.name, left);
      else running.delete(job.name);
      handlersRunning--;
    }
  }

  async function apply(registration: Registration): Promise<void> {
    const { name, cron, policy } = registration;
    await ensureQueue(name, policy);
    if (cron) await boss.schedule(name, cron.expression, {}, { tz: cron.tz });
    const workerId = await boss.work<unknown>(
      name,
      { batchSize: 1, pollingIntervalSeconds },
      async (jobs: PgBoss.Job<unknown>[]) => {
        for (const job of jobs) {
          const { error } = await run(
            registration,
            job.data,
            { id: job.id, name },
            cron ? "schedule" : "queue",
          );
          if (error) throw error;
        }
      },
    );
    workerIds.set(name, workerId);
  }

  async function register(registration: Registration): Promise<void> {
    if (registrations.has(registration.name))
      throw new Error(`Job ${registration.name} is already registered`);
    registrations.set(registration.name, registration);
    if (state === "started") await apply(registration);
  }

  const queues = new Set<string>();
  async function ensureQueue(name: string, policy?: QueuePolicy): Promise<void> {
    if (queues.has(name) && !policy) return;
    await boss.createQueue(name, { name, ...(policy ? { policy } : {}) });
    // An existing queue keeps its policy on createQueue; a registered one says what it should be.
    if (policy) await boss.updateQueue(name, { name, policy });
    queues.add(name);
  }

  async function stop(): Promise<void> {
    if (state !== "started" && state !== "starting") return;
    state = "stopping";
    try {
      await boss.stop({ graceful: true, wait: true, close: false, timeout: stopTimeoutMs });
      // pg-boss has cleared its timers; let its last poll, handler and completion finish.
      const deadline = Date.now() + stopTimeoutMs;
      do await sleep(20);
      while ((queries > 0 || handlersRunning > 0) && Date.now() < deadline);
    } finally {
      closed = true;
      workerIds.clear();
      queues.clear();
      state = "stopped";
    }
  }

  return {
    get started() {
      return state === "started";
    },

    async start() {
      if (state !== "stopped") return;
      state = "starting";
      closed = false;
      try {
        await boss.start();
        for (const registration of registrations.values()) await apply(registration);
        state = "started";
      } catch (error) {
        await stop().catch(() => {});
        throw error;
      }
    },

    stop,

    schedule(name, cron, handler, scheduleOptions = {}) {
      return register({
        name,
        handler: handler as AnyHandler,
        cron: { expression: cron, tz: scheduleOptions.tz ?? "Europe/Amsterdam" },
      });
    },

    work(name, handler, workOptions = {}) {
      return register({
        name,
        handler: handler as AnyHandler,
        ...(workOptions.policy ? { policy: workOptions.policy } : {}),
      });
    },

    async send(name, data = {}, sendOptions = {}) {
      if (state !== "started") throw new Error(`Jobs are not running; cannot send ${name}`);
      await ensureQueue(name);
      const startAfter = startAfterOption(sendOptions.startAfter);
      const id = await boss.send(name, data, {
        ...(startAfter !== undefined ? { startAfter } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
      });
      const workerId = workerIds.get(name);
      if (id && workerId && startAfter === undefined) boss.notifyWorker(workerId);
      return id;
    },

    async runNow(name, data = {}, origin = { trigger: "manual" }) {
      const registration = registrations.get(name);
      if (!registration) throw new UnknownJobError(name);
      const { error } = await run(
        registration,
        data,
        { id: "run-now", name },
        origin.trigger,
        origin.requestedBy ?? null,
      );
      if (error) throw error;
    },

    async runRecorded(name, origin, data = {}) {
      const registration = registrations.get(name);
      if (!registration) throw new UnknownJobError(name);
      if (running.has(name)) throw new JobAlreadyRunningError(name);
      const { record, error } = await run(
        registration,
        data,
        { id: "run-now", name },
        origin.trigger,
        origin.requestedBy ?? null,
      );
      if (!record) throw error instanceof Error ? error : new Error(`Job ${name}: its run was not recorded`);
      return record;
    },

    scheduled() {
      return [...registrations.values()].flatMap((r) =>
        r.cron ? [{ name: r.name, cron: r.cron.expression, timeZone: r.cron.tz }] : [],
      );
    },

    isRunning(name) {
      return running.has(name);
    },

    names() {
      return [...registrations.keys()].sort();
    },
  };
}
