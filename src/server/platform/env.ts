import path from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce
      .number({ message: "must be a port number (1-65535)" })
      .int({ message: "must be a whole port number (1-65535)" })
      .min(1, { message: "must be a port number (1-65535)" })
      .max(65535, { message: "must be a port number (1-65535)" })
      .default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    /** Absent: the embedded PGlite database under DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// or postgresql:// URL" })
      .optional(),
    DATA_DIR: z.string().min(1).default("./data"),
    /** Portals are served at <slug>.<BASE_DOMAIN>; the bare domain is the national portal. */
    BASE_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+$/i, { message: "must be a host name such as localhost or werkbrug.nl" })
      .default("localhost"),
    /** Public address of the national portal; portal URLs are derived from it. */
    PUBLIC_URL: z.string().url({ message: "must be an absolute URL such as https://werkbrug.nl" }).optional(),
    /** Absent: mail is written to the outbox table and shown on the developer mail page. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, { message: "must be an smtp:// or smtps:// URL" })
      .optional(),
    /**
     * Signs sessions and encrypts second-factor secrets. Required in production; elsewhere a
     * random one is made once and kept in DATA_DIR/auth-secret.
     */
    AUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
    MAIL_FROM: z.string().min(3).default("Werkbrug <noreply@werkbrug.localhost>"),
    /** Behind a reverse proxy: trust its X-Forwarded-* headers for client IP, host and protocol. */
    TRUST_PROXY: z
      .enum(["true", "false"], { message: "must be true or false" })
      .default("false")
      .transform((v) => v === "true"),
    LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
    /** Absent: text messages go to the sms_outbox table and the log (never in production). */
    SMS_GATEWAY_URL: z
      .string()
      .url({ message: "must be an absolute URL such as https://sms.example.nl/send" })
      .optional(),
    /** Bearer token for SMS_GATEWAY_URL. */
    SMS_GATEWAY_TOKEN: z.string().min(1).optional(),
    /** Alphanumeric sender id shown on the phone (GSM allows at most 11 characters). */
    SMS_FROM: z
      .string()
      .regex(/^[A-Za-z0-9]{1,11}$/, { message: "must be 1-11 letters or digits (an SMS sender id)" })
      .default("Werkbrug"),
    /** Chamber of Commerce (KvK) APIs for the employer lookup; without a key, a bundled register. */
    KVK_API_URL: z.string().url({ message: "must be a URL such as https://api.kvk.nl" }).optional(),
    KVK_API_KEY: z.string().min(1).optional(),
    /**
     * Background jobs (pg-boss on the same database: publication and closing dates, mail).
     * Default on; off when NODE_ENV=test, so test servers run no timers unless a test opts in.
     */
    JOBS: z.enum(["on", "off"], { message: "must be on or off" }).optional(),
    /**
     * Candidate profiles not changed for this many months get a reminder mail and are hidden
     * (the candidate-retention job); anonymised RETENTION_GRACE_DAYS later if still unchanged.
     */
    RETENTION_MONTHS: z.coerce
      .number({ message: "must be a whole number of months (1-120)" })
      .int({ message: "must be a whole number of months (1-120)" })
      .min(1, { message: "must be a whole number of months (1-120)" })
      .max(120, { message: "must be a whole number of months (1-120)" })
      .default(12),
    RETENTION_GRACE_DAYS: z.coerce
      .number({ message: "must be a whole number of days (1-365)" })
      .int({ message: "must be a whole number of days (1-365)" })
      .min(1, { message: "must be a whole number of days (1-365)" })
      .max(365, { message: "must be a whole number of days (1-365)" })
      .default(30),
    /**
     * The candidate explorer's engine: "memory" (an in-process index built at start and kept
     * current from the database's change feed; SQL answers while it builds) or "sql" only.
     */
    EXPLORER_ENGINE: z.enum(["memory", "sql"], { message: "must be memory or sql" }).default("memory"),
    /** How often (ms) each process reads the explorer's change feed. */
    EXPLORER_POLL_MS: z.coerce
      .number({ message: "must be a whole number of milliseconds (50-10000)" })
      .int({ message: "must be a whole number of milliseconds (50-10000)" })
      .min(50, { message: "must be a whole number of milliseconds (50-10000)" })
      .max(10_000, { message: "must be a whole number of milliseconds (50-10000)" })
      .default(200),
    /** The nightly backup job (02:30 Dutch time): on unless off; `npm run backup` works either way. */
    BACKUPS: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
    /** Where backups are written; absent: DATA_DIR/backups. */
    BACKUP_DIR: z.string().min(1).optional(),
    /** How many archives the nightly job keeps in BACKUP_DIR (the newest; older ones are removed). */
    BACKUP_KEEP: z.coerce
      .number({ message: "must be a whole number of backups (1-365)" })
      .int({ message: "must be a whole number of backups (1-365)" })
      .min(1, { message: "must be a whole number of backups (1-365)" })
      .max(365, { message: "must be a whole number of backups (1-365)" })
      .default(7),
    /** Folder holding pg_dump and pg_restore (e.g. /usr/lib/postgresql/16/bin); absent: the PATH. */
    PG_BIN_DIR: z.string().min(1).optional(),
    /**
     * API requests per minute per client address (behind TRUST_PROXY, the forwarded one), counted
     * in each process (decision 0035); 0 turns the limit off.
     */
    API_RATE_LIMIT: z.coerce
      .number({ message: "must be a whole number of requests per minute (0 = off)" })
      .int({ message: "must be a whole number of requests per minute (0 = off)" })
      .min(0, { message: "must be a whole number of requests per minute (0 = off)" })
      .default(1000),
    /** Files no row refers to are removed by the file sweep once they are this many minutes old. */
    FILE_SWEEP_GRACE_MINUTES: z.coerce
      .number({ message: "must be a whole number of minutes (0 or more)" })
      .int({ message: "must be a whole number of minutes (0 or more)" })
      .min(0, { message: "must be a whole number of minutes (0 or more)" })
      .default(60),
  })
  .refine((env) => env.NODE_ENV !== "production" || env.AUTH_SECRET !== undefined, {
    path: ["AUTH_SECRET"],
    message: "is required when NODE_ENV=production (at least 32 random characters)",
  })
  .refine((env) => env.SMS_GATEWAY_URL === undefined || env.SMS_GATEWAY_TOKEN !== undefined, {
    path: ["SMS_GATEWAY_TOKEN"],
    message: "is required when SMS_GATEWAY_URL is set (the gateway's bearer token)",
  })
  .transform((env) => ({
    ...env,
    DATA_DIR: path.resolve(env.DATA_DIR),
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://${env.BASE_DOMAIN}:${env.PORT}`).replace(/\/$/, ""),
    JOBS: (env.JOBS ?? (env.NODE_ENV === "test" ? "off" : "on")) === "on",
    BACKUPS: env.BACKUPS === "on",
    BACKUP_DIR: path.resolve(env.BACKUP_DIR ?? path.join(env.DATA_DIR, "backups")),
  }));

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
    readonly value: string | undefined,
  ) {
    super(`Invalid environment variable ${variable}=${JSON.stringify(value ?? "")}: ${problem}`);
  }
}

/** Empty strings count as unset, as they do in most .env tooling. */
function clean(source: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source))
    if (value !== undefined && value !== "") out[key] = value;
  return out;
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = clean(source);
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? "environment");
  throw new EnvError(variable, issue.message, cleaned[variable]);
}

/**
 * Start-up guard: one clear line naming the variable and exit code 1, instead of a stack trace
 * from somewhere deep in the server.
 */
export function loadEnvOrExit(source: NodeJS.ProcessEnv = process.env): Env {
  try {
    return parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
