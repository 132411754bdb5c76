import { spawn } from "node:child_process";
import path from "node:path";

/** pg_dump / pg_restore from PG_BIN_DIR, else from the PATH. */
function tool(name: "pg_dump" | "pg_restore", binDir: string | undefined): string {
  return binDir ? path.join(binDir, name) : name;
}

/** The URL without its password (which goes in PGPASSWORD, so it never shows in a process list). */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === "ENOENT"
            ? `${command} was not found: install the PostgreSQL client tools (Debian: postgresql-client) or set PG_BIN_DIR`
            : error.message,
        ),
      ),
    );
    child.once("close", (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${err.trim().slice(-2000)}`)),
    );
  });
}

export async function toolVersion(
  name: "pg_dump" | "pg_restore",
  binDir: string | undefined,
): Promise<{ text: string; major: number }> {
  const text = (await run(tool(name, binDir), ["--version"])).trim();
  const match = /(\d+)(?:\.(\d+))?/.exec(text.replace(/^[^)]*\)/, ""));
  return { text, major: Number(match?.[1] ?? 0) };
}

/**
 * pg_dump's custom format (what pg_restore reads), from one snapshot: the running app goes on
 * writing, the dump sees the database as it was when pg_dump started.
 */
export async function pgDump(url: string, file: string, binDir: string | undefined): Promise<void> {
  const { dbname, env } = connection(url);
  await run(
    tool("pg_dump", binDir),
    ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${dbname}`],
    env,
  );
}

/** All or nothing: one transaction, stop at the first error. */
export async function pgRestore(url: string, file: string, binDir: string | undefined): Promise<void> {
  const { dbname, env } = connection(url);
  await run(
    tool("pg_restore", binDir),
    ["--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges", `--dbname=${dbname}`, file],
    env,
  );
}
