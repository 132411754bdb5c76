// `npm run admin:create -- --email x@y --name "..." [--password-file FILE]` (decision 0031):
// a platform administrator for scripted installs. The password never goes on the command line
// (it would be in the shell history and the process list): from a file, piped on stdin, or typed
// at a hidden prompt. The second factor is set up at the first sign-in, as for all staff.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { withPlatformStore } from "./main";
import { createPlatformAdmin } from "./modules/setup";
import { DataDirLockedError } from "./platform/data-dir-lock";
import { type Env, EnvError, parseEnv } from "./platform/env";
import { AppError } from "./platform/errors";

export interface AdminCreateIo {
  /** The password when neither --password-file nor a pipe gives it (a hidden prompt). */
  readPassword(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

const USAGE =
  'Usage: npm run admin:create -- --email admin@example.org --name "Full Name" [--password-file FILE] [--locale nl|en]\n' +
  "The password is read from --password-file, from standard input when it is piped, or typed at a prompt.";

const ArgsSchema = z.object({
  email: z.string().trim().toLowerCase().email({ message: "--email must be an e-mail address" }),
  name: z.string().trim().min(2, { message: "--name must be at least 2 characters" }).max(120),
  "password-file": z.string().min(1).optional(),
  locale: z.enum(["nl", "en"], { message: "--locale must be nl or en" }).default("nl"),
});

function firstLine(text: string): string {
  return text.replace(/\r?\n[\s\S]*$/, "");
}

/** Exit code 0 when the administrator exists afterwards; 1 with one clear line otherwise. */
export async function adminCreate(argv: string[], env: Env, io: AdminCreateIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        "password-file": { type: "string" },
        password: { type: "string" },
        locale: { type: "string" },
        help: { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 1;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.password !== undefined) {
    io.err("--password is not accepted: a password on the command line ends up in the shell history.");
    io.err(USAGE);
    return 1;
  }
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    io.err(`${parsed.error.issues[0]?.message ?? "invalid arguments"}\n${USAGE}`);
    return 1;
  }
  const args = parsed.data;
  const passwordFile = args["password-file"];
  let password: string;
  try {
    password = firstLine(passwordFile ? await readFile(passwordFile, "utf8") : await io.readPassword());
  } catch (error) {
    io.err(`Could not read the password: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  try {
    await withPlatformStore(env, async ({ store, scope, kind }) => {
      await createPlatformAdmin({ store }, scope, {
        email: args.email,
        name: args.name,
        password,
        locale: args.locale,
      });
      io.out(
        `Created platform administrator ${args.email} (${kind === "pglite" ? `PGlite in ${env.DATA_DIR}` : "PostgreSQL"}).`,
      );
      io.out(`Sign in at ${env.PUBLIC_URL}/inloggen; the second factor is set up at the first sign-in.`);
    });
    return 0;
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      io.err(error.message);
      return 1;
    }
    if (error instanceof AppError && error.code === "account_email_taken") {
      io.err(`An account with the e-mail address ${args.email} exists already; nothing was changed.`);
      return 1;
    }
    if (error instanceof AppError && error.code === "password_policy") {
      const rules = (error.options.fields ?? []).map((f) => `  - ${f.message}`).join("\n");
      io.err(`The password does not meet the password policy; nothing was changed.\n${rules}`);
      return 1;
    }
    throw error;
  }
}

/** Standard input: piped text as it is, or a prompt that does not echo on a terminal. */
async function readPasswordFromStdin(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  process.stderr.write("Password for the new administrator: ");
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let typed = "";
    const onData = (key: string) => {
      for (const char of key) {
        if (char === "\r" || char === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stderr.write("\n");
          resolve(typed);
          return;
        }
        if (char === "\u0003") {
          stdin.setRawMode(false);
          reject(new Error("cancelled"));
          return;
        }
        if (char === "\u007f") typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.on("data", onData);
  });
}

const invokedDirectly = process.argv[1] !== undefined && /admin-create\.(ts|js)$/.test(process.argv[1]);
if (invokedDirectly) {
  let env: Env;
  try {
    env = parseEnv();
  } catch (error) {
    process.stderr.write(`${error instanceof EnvError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  adminCreate(process.argv.slice(2), env, {
    readPassword: readPasswordFromStdin,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `admin:create failed: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    },
  );
}
