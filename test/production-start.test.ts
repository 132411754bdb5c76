import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRoot } from "../src/server/platform/app-root";
import { ensureWebBuild, webDistDir } from "../src/server/platform/web-build";
import { TEST_AUTH_SECRET } from "./support/databases";
import { freePort } from "./support/server";

/**
 * The path the container image runs (issue 17 part 5): `node dist/server/start.js` on the output
 * of `npm run build`, NODE_ENV=production, an empty PGlite data directory. Every module the
 * process resolves is logged (test/support/module-log.mjs): none may be a build tool.
 */
const BUILD_TOOLS = ["tsx", "vite", "@vitejs", "esbuild", "drizzle-kit", "rolldown", "typescript"];

describe("the production start path (node on the built output)", () => {
  let child: ChildProcess;
  let dataDir: string;
  let port: number;
  let output = "";
  const moduleLog = () => path.join(dataDir, "..", `${path.basename(dataDir)}-modules.log`);

  beforeAll(async () => {
    // The web app as `npm run build` makes it (reused when current), then the server bundle.
    await ensureWebBuild();
    const server = spawnSync(process.execPath, ["scripts/build-server.mjs"], {
      cwd: appRoot,
      encoding: "utf8",
    });
    expect(server.status, server.stderr).toBe(0);
    expect(existsSync(path.join(appRoot, "dist/server/start.js"))).toBe(true);

    dataDir = await mkdtemp(path.join(os.tmpdir(), "werkbrug-prod-start-"));
    port = await freePort();
    child = spawn(process.execPath, ["--import", "./test/support/module-log.mjs", "dist/server/start.js"], {
      cwd: appRoot,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_OPTIONS: "",
        NODE_ENV: "production",
        AUTH_SECRET: TEST_AUTH_SECRET,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: "127.0.0.1",
        BASE_DOMAIN: "localhost",
        PUBLIC_URL: `http://localhost:${port}`,
        MODULE_LOG: moduleLog(),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (/Setup link: \S+/.test(output)) {
          clearInterval(timer);
          resolve();
        } else if (child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`the server exited (${child.exitCode}):\n${output}`));
        }
      }, 100);
    });
  }, 240_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    if (dataDir) {
      await rm(dataDir, { recursive: true, force: true });
      await rm(moduleLog(), { force: true });
    }
  });

  const get = (pathname: string) =>
    fetch(`http://127.0.0.1:${port}${pathname}`, { headers: { host: `localhost:${port}` } });

  it("prints a banner with only the portals that exist and a one-time setup link", () => {
    expect(output).toMatch(/Werkbrug is ready in/);
    expect(output).toMatch(new RegExp(`http://localhost:${port}\\b`));
    expect(output).not.toMatch(/Haaglanden|haaglanden/);
    expect(output).toMatch(new RegExp(`Setup link: http://localhost:${port}/inrichten\\?token=[\\w-]{40,}`));
    expect(output).not.toMatch(/Building web app/);
  });

  it("serves the health check, the built web app and the setup page", async () => {
    const health = await get("/api/health");
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", db: "pglite" });

    const home = await get("/");
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toMatch(/<script[^>]+src="\/assets\/[^"]+\.js"/);

    const link = new URL(/Setup link: (\S+)/.exec(output)![1]!);
    const page = await get(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(html);
    const status = await get(`/api/v1/setup${link.search}`);
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ status: "ready" });
  });

  it("stops cleanly on SIGTERM, having loaded no build tool", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    // PGlite's data directory is given back (data-dir-lock.ts).
    expect(existsSync(path.join(dataDir, "werkbrug.pid"))).toBe(false);

    const loaded = (await readFile(moduleLog(), "utf8")).split("\n").filter(Boolean);
    const packages = new Set(
      loaded
        .map((entry) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(entry)?.[1])
        .filter((name): name is string => name !== undefined),
    );
    // The log works: the server's own packages are in it.
    expect(packages.has("fastify")).toBe(true);
    expect(packages.has("@electric-sql/pglite")).toBe(true);
    const tools = [...packages].filter((name) =>
      BUILD_TOOLS.some((tool) => name === tool || name.startsWith(`${tool}/`)),
    );
    expect(tools).toEqual([]);
    expect(loaded.some((entry) => /\/src\/server\//.test(entry))).toBe(false);
    expect(existsSync(path.join(webDistDir, "index.html"))).toBe(true);
  });
});
