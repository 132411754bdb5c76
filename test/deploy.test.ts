import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { validate } from "dockerfile-utils";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { appRoot } from "../src/server/platform/app-root";

/**
 * Docker cannot run on the test machines, so the deployment files are checked as text (issue 17
 * part 5): the Dockerfile by the validator of VS Code's Docker language server plus the house
 * rules, the compose file by parsing it. The start path the image runs is tested for real in
 * production-start.test.ts.
 */
const read = (file: string) => readFileSync(path.join(appRoot, file), "utf8");
const dockerfile = read("Dockerfile");

interface Stage {
  from: string;
  lines: string[];
}

/** Instructions per stage (continuation lines joined), comments left out. */
function stagesOf(text: string): Stage[] {
  const instructions = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  const stages: Stage[] = [];
  for (const line of instructions) {
    if (/^FROM\s/i.test(line)) stages.push({ from: line, lines: [] });
    else stages.at(-1)?.lines.push(line);
  }
  return stages;
}

describe("the Dockerfile", () => {
  it("passes the Dockerfile validator (and the validator does catch mistakes)", () => {
    expect(validate(dockerfile)).toEqual([]);
    expect(
      validate("FROM node:20\nEXPOSE port\nHEALTHCHECK --interval=abc CMD true\n").length,
    ).toBeGreaterThan(0);
  });

  it("builds in one stage and runs a slim, non-root image without build tools in another", () => {
    const stages = stagesOf(dockerfile);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const [build, runtime] = [stages[0]!, stages.at(-1)!];
    expect(build.lines.some((l) => /^RUN npm ci\b(?!.*--omit=dev)/.test(l))).toBe(true);
    expect(build.lines.some((l) => /^RUN npm run build\b/.test(l))).toBe(true);

    expect(runtime.from).toMatch(/^FROM node:20-bookworm-slim\b/);
    const runs = runtime.lines.filter((l) => /^RUN\s/.test(l));
    // Production dependencies only: no dev dependencies, no compilers or package managers' build tools.
    for (const run of runs.filter((l) => /\bnpm (ci|install|i)\b/.test(l))) expect(run).toMatch(/--omit=dev/);
    for (const run of runs)
      expect(run).not.toMatch(/build-essential|\b(gcc|g\+\+|make|python3?)\b|\btsx\b|\bvite\b|npm run build/);
    // From Debian only the PostgreSQL client that backups use (pg_dump), without recommends.
    for (const run of runs.filter((l) => /apt-get install/.test(l)))
      expect(run).toMatch(/apt-get install -y --no-install-recommends postgresql-client-\d+ /);
    // Only the built output, the migrations, the data and the package files come along.
    const copies = runtime.lines.filter((l) => /^COPY\s/.test(l));
    for (const copy of copies)
      expect(copy).toMatch(
        /^COPY (--from=build \/app\/dist \.\/dist|package\.json package-lock\.json \.\/|db\/migrations \.\/db\/migrations|data \.\/data)$/,
      );

    const user = runtime.lines.filter((l) => /^USER\s/.test(l)).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)(:|$)/);
    expect(runtime.lines.some((l) => /^HEALTHCHECK\s.*\/api\/health/.test(l))).toBe(true);
    expect(runtime.lines).toContain("EXPOSE 3000");
    expect(runtime.lines.some((l) => /^VOLUME\s.*\/data/.test(l))).toBe(true);
    expect(runtime.lines.at(-1)).toBe('CMD ["node", "dist/server/start.js"]');
  });

  it("keeps a developer's database, secrets and build output out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of [
      "node_modules",
      "dist",
      ".env",
      "data/pglite",
      "data/files",
      "data/auth-secret",
      "deploy/*.env",
    ])
      expect(ignored).toContain(entry);
  });
});

describe("the compose file", () => {
  const compose = parse(read("deploy/compose.yaml")) as {
    services: Record<string, Record<string, unknown>>;
    volumes: Record<string, unknown>;
    secrets?: Record<string, { file?: string }>;
  };

  it("runs PostgreSQL 15 on a named volume, the app behind Caddy with TLS", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "caddy", "db"]);
    const db = compose.services.db!;
    expect(db.image).toMatch(/^postgres:15\b/);
    expect(db.volumes).toContain("db-data:/var/lib/postgresql/data");
    expect(Object.keys(compose.volumes)).toEqual(
      expect.arrayContaining(["db-data", "app-data", "caddy-data"]),
    );

    const app = compose.services.app!;
    const env = app.environment as Record<string, string>;
    expect(env.NODE_ENV).toBe("production");
    expect(env.TRUST_PROXY).toBe("true");
    expect(app.env_file).toEqual(["./werkbrug.env"]);
    expect(app.ports).toBeUndefined();

    const caddy = compose.services.caddy!;
    expect(caddy.image).toMatch(/^caddy:2\b/);
    expect(caddy.ports).toEqual(expect.arrayContaining(["80:80", "443:443"]));
    expect(caddy.volumes).toContain("./Caddyfile:/etc/caddy/Caddyfile:ro");
    const caddyfile = read("deploy/Caddyfile");
    expect(caddyfile).toMatch(/\*\.\{\$BASE_DOMAIN\}/);
    expect(caddyfile).toMatch(/ask http:\/\/app:3000\/api\/tls\/ask/);
    expect(caddyfile).toMatch(/reverse_proxy app:3000/);
  });

  it("holds no secret: they come from an env file and a secret file that git ignores", () => {
    const text = read("deploy/compose.yaml");
    expect(text).not.toMatch(/AUTH_SECRET\s*[:=]\s*\S/);
    expect(text).not.toMatch(/POSTGRES_PASSWORD\s*:/);
    expect(text).not.toMatch(/postgres(ql)?:\/\/[^:\s]+:[^@\s]+@/);
    const example = read("deploy/werkbrug.env.example");
    expect(example).toMatch(/^AUTH_SECRET=$/m);
    expect(example).not.toMatch(/^SMTP_URL=.*:.*@/m);
    const tracked = execFileSync("git", ["ls-files", "deploy"], { cwd: appRoot, encoding: "utf8" });
    expect(tracked).not.toMatch(/werkbrug\.env$|secrets\//m);
    expect(read(".gitignore")).toMatch(/^\/deploy\/werkbrug\.env$/m);
    expect(read(".gitignore")).toMatch(/^\/deploy\/secrets\/$/m);
  });
});
