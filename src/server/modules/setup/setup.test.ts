import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { generateSync } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_AUTH_SECRET, testDbKinds } from "../../../../test/support/databases";
import { openEmptyProductionDatabase } from "../../../../test/support/empty-database";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type { SetupStatusResponse } from "../../../contracts/setup";
import { type AdminCreateIo, adminCreate } from "../../admin-create";
import { lockFileOf } from "../../platform/data-dir-lock";
import { parseEnv } from "../../platform/env";
import { createStore } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { memberships, users } from "../tenancy/tenancy.schema";
import { hashSetupToken, issueSetupLink } from "./first-run";
import { setupTokens } from "./setup.schema";

const PASSWORD = "Eerste-beheerder-2026!";
const HOUR = 3_600_000;

const tokenOf = (url: string) => new URL(url).searchParams.get("token") ?? "";
const errorOf = (res: { json<T>(): T }) => res.json<ErrorResponse>().error;

describe.each(testDbKinds())("first run on an empty production database, on %s", (kind) => {
  let server: TestServer;
  let databaseUrl: string | null;
  let issue: (now?: () => Date) => Promise<{ url: string; expiresAt: Date } | null>;
  const userCount = async () => Number((await server.database.db.select({ n: count() }).from(users))[0]?.n);

  beforeAll(async () => {
    const empty = await openEmptyProductionDatabase(kind);
    databaseUrl = empty.url;
    server = await startTestServer({ database: empty.database, web: false });
    const store = createStore(server.database.db, server.app.events);
    issue = (now) =>
      issueSetupLink({ store, ...(now ? { now } : {}) }, systemScope("test"), server.env.PUBLIC_URL);
  });
  afterAll(async () => {
    await server?.close();
    await server?.database.close();
  });

  it("an empty production database has the national portal and no one", async () => {
    expect(await userCount()).toBe(0);
    const res = await new Client(server).call("/api/v1/portals");
    const names = res.json<{ portals: { slug: string }[] }>().portals.map((p) => p.slug);
    expect(names).toEqual(["landelijk"]);
  });

  it("tells the reverse proxy which host names may get a certificate", async () => {
    const client = new Client(server);
    expect((await client.call("/api/tls/ask?domain=localhost")).status).toBe(200);
    expect((await client.call("/api/tls/ask?domain=landelijk.localhost")).status).toBe(200);
    expect((await client.call("/api/tls/ask?domain=haaglanden.localhost")).status).toBe(404);
    expect((await client.call("/api/tls/ask?domain=evil.example.com")).status).toBe(404);
  });

  it("an expired link and a link replaced by a newer one are refused, in the reader's language", async () => {
    const client = new Client(server);
    const expired = await issue(() => new Date(Date.now() - 25 * HOUR));
    const res = await client.call(`/api/v1/setup?token=${tokenOf(expired!.url)}`, {
      headers: { "accept-language": "nl" },
    });
    expect(res.status).toBe(410);
    expect(errorOf(res).code).toBe("setup_link_unusable");
    expect(errorOf(res).message).toMatch(/inrichtingslink/);

    const older = await issue();
    const newer = await issue();
    const post = await client.call("/api/v1/setup", {
      headers: { "accept-language": "en" },
      body: { token: tokenOf(older!.url), name: "Olga Ouder", email: "olga@example.org", password: PASSWORD },
    });
    expect(post.status).toBe(410);
    expect(errorOf(post).message).toMatch(/setup link/);
    expect((await client.call(`/api/v1/setup?token=${tokenOf(newer!.url)}`)).status).toBe(200);
    expect(await userCount()).toBe(0);
  });

  it("the link creates the first platform admin, who signs in and sets up the second factor", async () => {
    const link = await issue();
    expect(link!.url).toMatch(new RegExp(`^${server.env.PUBLIC_URL}/inrichten\\?token=`));
    expect(link!.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * HOUR);
    // Only the hash is stored.
    const token = tokenOf(link!.url);
    const rows = await server.database.db.select().from(setupTokens);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.some((r) => r.tokenHash === hashSetupToken(token))).toBe(true);

    const visitor = new Client(server);
    const status = await visitor.call(`/api/v1/setup?token=${token}`);
    expect(status.status).toBe(200);
    expect(status.json<SetupStatusResponse>().status).toBe("ready");

    // A weak password is refused with the policy's words, and the link keeps working.
    const weak = await visitor.call("/api/v1/setup", {
      body: { token, name: "Petra Platform", email: "petra@example.org", password: "kort" },
    });
    expect(weak.status).toBe(400);
    expect(errorOf(weak).fields?.some((f) => f.path === "password")).toBe(true);
    expect(await userCount()).toBe(0);

    const made = await visitor.call("/api/v1/setup", {
      body: { token, name: "Petra Platform", email: "Petra@Example.org", password: PASSWORD, locale: "en" },
    });
    expect(made.status).toBe(201);
    expect(made.json<{ email: string }>().email).toBe("petra@example.org");

    // Signed in without a second factor, a platform admin can only set one up.
    const admin = new Client(server);
    const signIn = await admin.call("/api/auth/sign-in/email", {
      body: { email: "petra@example.org", password: PASSWORD },
    });
    expect(signIn.status).toBe(200);
    const me = await admin.call("/api/v1/me");
    const user = me.json<{ user: { roles: string[]; needsTwoFactorSetup: boolean; locale: string } }>().user;
    expect(user.roles).toEqual(["platform_admin"]);
    expect(user.needsTwoFactorSetup).toBe(true);
    expect((await admin.call("/api/v1/organisations")).status).toBe(403);

    const enabled = await admin.call("/api/auth/two-factor/enable", { body: { password: PASSWORD } });
    expect(enabled.status).toBe(200);
    const secret = new URL(enabled.json<{ totpURI: string }>().totpURI).searchParams.get("secret")!;
    const verified = await admin.call("/api/auth/two-factor/verify-totp", {
      body: { code: generateSync({ secret, epoch: Math.floor(Date.now() / 1000) }) },
    });
    expect(verified.status).toBe(200);
    const after = await admin.call("/api/v1/me");
    expect(after.json<{ user: { needsTwoFactorSetup: boolean } }>().user.needsTwoFactorSetup).toBe(false);
    expect((await admin.call("/api/v1/organisations")).status).toBe(200);

    // The same link a second time: refused, nothing changes.
    const again = await new Client(server).call("/api/v1/setup", {
      headers: { "accept-language": "nl" },
      body: { token, name: "Indringer", email: "indringer@example.org", password: PASSWORD },
    });
    expect(again.status).toBe(410);
    expect(await userCount()).toBe(1);
  });

  it("once a platform admin exists no link is printed, and a leftover link is refused", async () => {
    expect(await issue()).toBeNull();
    const token = "leftover-token-from-before-the-admin-existed";
    await server.database.db
      .insert(setupTokens)
      .values({ tokenHash: hashSetupToken(token), expiresAt: new Date(Date.now() + HOUR) });
    const client = new Client(server);
    const status = await client.call(`/api/v1/setup?token=${token}`);
    expect(status.status).toBe(409);
    expect(errorOf(status).code).toBe("setup_already_done");
    const post = await client.call("/api/v1/setup", {
      body: { token, name: "Tweede Poging", email: "tweede@example.org", password: PASSWORD },
    });
    expect(post.status).toBe(409);
    expect(await userCount()).toBe(1);
  });

  it("npm run admin:create makes a platform admin and refuses an existing address", async () => {
    // PGlite: its own data directory (one process at a time); PostgreSQL: the same database.
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "werkbrug-admin-create-"));
    const env = parseEnv({
      NODE_ENV: "production",
      AUTH_SECRET: TEST_AUTH_SECRET,
      DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    const output: string[] = [];
    const io = (password = PASSWORD): AdminCreateIo => ({
      readPassword: async () => `${password}\n`,
      out: (line) => output.push(line),
      err: (line) => output.push(line),
    });
    try {
      const args = ["--email", "bas@example.org", "--name", "Bas Beheer"];
      expect(await adminCreate([...args, "--password", PASSWORD], env, io())).toBe(1);
      expect(output.join("\n")).toMatch(/--password is not accepted/);
      expect(await adminCreate(args, env, io("zwak"))).toBe(1);
      expect(output.join("\n")).toMatch(/password policy/);

      expect(await adminCreate(args, env, io()), output.join("\n")).toBe(0);
      expect(output.join("\n")).toMatch(/Created platform administrator bas@example.org/);
      expect(await adminCreate(args, env, io())).toBe(1);
      expect(output.join("\n")).toMatch(/exists already; nothing was changed/);

      if (kind === "postgres") {
        const [row] = await server.database.db
          .select({ role: memberships.role })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(users.email, "bas@example.org"));
        expect(row?.role).toBe("platform_admin");
        // The admin signs in with the password given to the script.
        const res = await new Client(server).call("/api/auth/sign-in/email", {
          body: { email: "bas@example.org", password: PASSWORD },
        });
        expect(res.status).toBe(200);
      } else {
        // A running app holds the PGlite directory: the script says so and touches nothing.
        await writeFile(lockFileOf(dataDir), `${process.ppid}\n`);
        const before = output.length;
        const locked = await adminCreate(["--email", "x@example.org", "--name", "X Y"], env, io());
        expect(locked).toBe(1);
        expect(output.slice(before).join("\n")).toMatch(/in use by another Werkbrug process/);
        await rm(lockFileOf(dataDir));

        // Once as the operator runs it: a child process, the password from a file.
        const passwordFile = path.join(dataDir, "password.txt");
        await writeFile(passwordFile, `${PASSWORD}\n`);
        const child = spawnSync(
          process.execPath,
          [
            "--import",
            "tsx",
            "src/server/admin-create.ts",
            "--email",
            "script@example.org",
            "--name",
            "Sam Script",
            "--password-file",
            passwordFile,
          ],
          {
            encoding: "utf8",
            env: { ...process.env, NODE_ENV: "production", AUTH_SECRET: TEST_AUTH_SECRET, DATA_DIR: dataDir },
            timeout: 120_000,
          },
        );
        expect(child.stderr).toBe("");
        expect(child.stdout).toMatch(/Created platform administrator script@example.org/);
        expect(child.status).toBe(0);
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
