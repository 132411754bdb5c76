import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { OrgScope, PlatformScope, PortalScope, SelfScope } from "../src/server/platform/scope";
import { systemScope } from "../src/server/platform/system-scope";
import {
  checkArchitecture,
  RULES,
  TENANT_OWNED_TABLES,
  tenantTablesDeclared,
  type Violation,
  violationKey,
} from "./support/architecture";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixture = path.join(root, "test/fixtures/architecture");
const baselineFile = path.join(root, "test/architecture.known-violations.json");

interface Baseline {
  about: string;
  violations: string[];
}

/** The entries of `a` not matched one-for-one in `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const key of b) left.set(key, (left.get(key) ?? 0) + 1);
  return a.filter((key) => {
    const n = left.get(key) ?? 0;
    if (n === 0) return true;
    left.set(key, n - 1);
    return false;
  });
}

describe("architecture (decision 0014)", () => {
  it("reports each kind of violation planted in a small tree, and nothing else there", () => {
    const found = checkArchitecture(fixture);
    expect(found.map(violationKey)).toEqual([
      "drizzle-outside-repository src/server/modules/alpha/alpha.service.ts imports drizzle-orm",
      "drizzle-outside-repository src/server/modules/alpha/alpha.service.ts imports src/server/modules/alpha/alpha.schema.ts",
      "module-internal-import src/server/modules/alpha/alpha.service.ts imports src/server/modules/beta/beta.internal.ts",
      "scope-cast src/server/modules/alpha/alpha.service.ts as OrgScope in forged",
      "scope-cast src/server/modules/alpha/alpha.service.ts as PlatformScope in widened",
      "scope-mint-import src/server/modules/alpha/alpha.service.ts imports src/server/platform/scope-mint.ts",
      "system-scope-import src/server/modules/alpha/alpha.service.ts imports src/server/platform/system-scope.ts",
      "unscoped-repository-function src/server/modules/alpha/alpha.repository.ts findThing touches things without a scope parameter",
      "unscoped-repository-function src/server/modules/alpha/alpha.repository.ts looseRepository.count touches things without a scope parameter",
      "unscoped-repository-function src/server/modules/alpha/alpha.repository.ts rawCount touches things without a scope parameter",
      "unscoped-repository-function src/server/modules/alpha/alpha.repository.ts viaHelper touches things without a scope parameter",
    ]);
    expect(new Set(found.map((v) => v.rule))).toEqual(new Set(RULES));
  });

  it("finds no violation in the real tree beyond the known ones, and every known one is still there", () => {
    const found = checkArchitecture(root);
    const keys = found.map(violationKey);
    if (process.env.UPDATE_ARCHITECTURE_BASELINE) {
      const baseline: Baseline = {
        about:
          "Violations of the architecture rules that the tree had when test/architecture.test.ts came in (issue 11). The list may only shrink: a new violation fails the test, and so does a listed one that is gone. Regenerate with UPDATE_ARCHITECTURE_BASELINE=1 npx vitest run test/architecture.test.ts",
        violations: [...keys].sort(),
      };
      writeFileSync(baselineFile, `${JSON.stringify(baseline, null, 2)}\n`);
    }
    const known = existsSync(baselineFile)
      ? (JSON.parse(readFileSync(baselineFile, "utf8")) as Baseline).violations
      : [];
    const added = minus(keys, known);
    const where = (key: string) => {
      const v = found.find((f) => violationKey(f) === key) as Violation;
      return `${v.file}:${v.line} ${v.rule}: ${v.detail}`;
    };
    expect(added.map(where), "new architecture violations (see decision 0014)").toEqual([]);
    expect(
      minus(known, keys),
      "fixed, well done: remove these from test/architecture.known-violations.json (or regenerate it)",
    ).toEqual([]);
  });

  it("lists every table with a tenant column as tenant-owned, and only tables that exist", () => {
    const declared = tenantTablesDeclared(root);
    const unlisted = declared
      .filter((t) => t.tenantColumns.length > 0 && !TENANT_OWNED_TABLES.includes(t.sqlName))
      .map((t) => `${t.sqlName} (${t.tenantColumns.join(", ")}) in ${t.file}`);
    expect(unlisted, "add these to TENANT_OWNED_TABLES in test/support/architecture.ts").toEqual([]);
    const migrations = readdirSync(path.join(root, "db/migrations"))
      .filter((f) => f.endsWith(".sql"))
      .map((f) => readFileSync(path.join(root, "db/migrations", f), "utf8"))
      .join("\n");
    const stale = TENANT_OWNED_TABLES.filter(
      (name) =>
        !declared.some((t) => t.sqlName === name) &&
        !new RegExp(`create (or replace )?(table|view|materialized view) "?${name}"?`, "i").test(migrations),
    );
    expect(stale).toEqual([]);
  });

  it("does not let a module write a scope by hand", () => {
    // Only platform/scope-mint.ts makes scopes, and the checker above lets only the caller and
    // system-scope.ts import it; a literal of the right shape is not a scope.
    // @ts-expect-error a scope cannot be written as an object literal
    const forged: OrgScope = { kind: "organisations", organisationIds: ["any"] };
    // @ts-expect-error nor the platform-wide one
    const everything: PlatformScope = { kind: "platform", actor: "platform_admin" };
    expectTypeOf<{ kind: "organisations"; organisationIds: readonly string[] }>().not.toExtend<OrgScope>();
    expectTypeOf<{
      kind: "portal";
      portalId: string;
      national: true;
      organisationId: null;
    }>().not.toExtend<PortalScope>();
    expectTypeOf<{ kind: "self"; userId: string; candidateIds: string[] }>().not.toExtend<SelfScope>();
    expect([forged.kind, everything.kind]).toEqual(["organisations", "platform"]);
    // A minted scope cannot be widened afterwards either.
    const scope = systemScope("test");
    expect(Object.isFrozen(scope)).toBe(true);
    expect(() => {
      (scope as { actor: string }).actor = "platform_admin";
    }).toThrow(TypeError);
  });
});
