import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { z } from "zod";

/** Bumped when the archive's layout changes in a way an older restore could not read. */
export const ARCHIVE_FORMAT = 1;
export const MANIFEST_FILE = "manifest.json";
/** The database dump inside the archive, per kind. */
export const DUMP_PATHS = {
  pglite: "database/pglite-datadir.tar",
  postgres: "database/postgres.dump",
} as const;
/** Uploaded files (DATA_DIR/files) inside the archive. */
export const FILES_PREFIX = "files/";

export const ManifestEntrySchema = z.object({
  path: z.string().min(1),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const ManifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  app: z.literal("werkbrug"),
  appVersion: z.string().regex(/^\d+\.\d+\.\d+/),
  /** The newest migration applied when the dump was taken (null on a database never migrated). */
  migration: z.object({ tag: z.string().nullable(), when: z.number().int() }).nullable(),
  database: z.enum(["pglite", "postgres"]),
  /** pg_dump's and the server's versions, for a PostgreSQL dump. */
  postgres: z.object({ pgDump: z.string(), server: z.string() }).optional(),
  createdAt: z.string().datetime(),
  entries: z.array(ManifestEntrySchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** -1, 0 or 1 for dotted release versions (1.10.0 after 1.9.2); a pre-release suffix is ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => (v.split(/[-+]/)[0] ?? "").split(".").map((n) => Number(n) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}
