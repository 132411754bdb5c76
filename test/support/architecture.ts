import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * The architecture rules of decision 0014, checked on the source text with the TypeScript parser
 * (no type checker: a whole-program check would take longer than the rest of the suite's setup).
 * `checkArchitecture(root)` reads `src/`, `test/`, `bench/` and `scripts/` under `root` and
 * returns every place a rule is broken.
 */
export type Rule =
  /** drizzle-orm or a schema file imported outside repositories, schemas, db, migrations, seed, tests, bench. */
  | "drizzle-outside-repository"
  /** A module file imports another module's file other than its index.ts. */
  | "module-internal-import"
  /** An exported repository function over a tenant-owned table without a scope parameter. */
  | "unscoped-repository-function"
  /** platform/scope-mint.ts imported outside the caller, scope.ts and system-scope.ts. */
  | "scope-mint-import"
  /** platform/system-scope.ts imported outside jobs, event subscribers, seeding, main, app, tests, bench. */
  | "system-scope-import"
  /** A cast to a scope type outside scope-mint.ts. */
  | "scope-cast";

export const RULES: readonly Rule[] = [
  "drizzle-outside-repository",
  "module-internal-import",
  "unscoped-repository-function",
  "scope-mint-import",
  "system-scope-import",
  "scope-cast",
];

export interface Violation {
  rule: Rule;
  /** Relative to the checked root, with forward slashes. */
  file: string;
  line: number;
  /** What was imported, which function, which cast: stable across unrelated edits (no line). */
  detail: string;
}

/** The key a known violation is listed by: without the line, so edits around it do not matter. */
export function violationKey(v: Violation): string {
  return `${v.rule} ${v.file} ${v.detail}`;
}

/**
 * Tables whose rows belong to a tenant: an organisation, a portal, a candidate, a vacancy, a
 * match or a user (every table with such a column in the schema files; `users` itself, portals,
 * reference data, rate limits, verifications and the mail/sms outboxes are not). A repository
 * function touching one of these must take a scope. The test checks that every table declared
 * with such a column is listed here, so a new table cannot slip by.
 */
export const TENANT_OWNED_TABLES: readonly string[] = [
  // tenancy
  "organisations",
  "memberships",
  "accounts",
  "organisation_sites",
  "site_staff",
  // identity
  "sessions",
  "two_factors",
  "audit_events",
  "invitations",
  "sso_connections",
  // referrals
  "referrals",
  "referral_links",
  "referral_point_rules",
  "referral_points",
  // employers
  "contact_persons",
  "last_visits",
  // candidates
  "candidates",
  "candidate_portal_visibility",
  "candidate_documents",
  "candidate_photos",
  "contact_detail_views",
  "candidate_consents",
  "candidate_messages",
  "saved_vacancies",
  "account_claims",
  "candidate_favourites",
  // explorer (the search documents and the view they are made from)
  "candidate_search",
  "candidate_search_source",
  // application forms (issue 15)
  "application_form_templates",
  "application_forms",
  "application_form_versions",
  "application_drafts",
  "application_files",
  "application_answers",
  // vacancies and matches
  "vacancies",
  "vacancy_attachments",
  "vacancy_history",
  "vacancy_views",
  "vacancy_team",
  "matches",
  "procedures",
  "procedure_phases",
  "match_history",
  "match_evaluations",
  // reserve lists and closing a selection procedure (issue 16 parts 5 and 6)
  "reserve_lists",
  "reserve_list_laureates",
  "reserve_list_call_ups",
  "procedure_closures",
  // publication channels (issue 15 part 7)
  "job_sites",
  "vacancy_job_sites",
  // selection results (issue 16 parts 3-4)
  "selection_parts",
  "selection_scores",
  "selection_approvals",
  // documents by type
  "document_type_settings",
  "match_documents",
  // talent pools
  "talent_pools",
  "talent_pool_members",
  // messages
  "message_threads",
  "messages",
  "message_attachments",
  "message_reads",
  "match_proposals",
  "match_reviewers",
  "notifications",
  // placements and timesheets
  "placements",
  "placement_approvers",
  "timesheets",
  "timesheet_entries",
  "timesheet_log",
  "timesheet_mail_settings",
  "timesheet_digest_items",
  // platform
  "domain_events",
  // applicants per vacancy and mailing applicants (issue 15 parts 4 and 5)
  "applicant_notes",
  "applicant_corrections",
  "applicant_mail_templates",
  "applicant_mailings",
  "applicant_mailing_recipients",
  // selection events and calendar feeds (issue 16 parts 1 and 2)
  "selection_events",
  "selection_sessions",
  "selection_slots",
  "selection_invitations",
  "calendar_feeds",
  // hiring and onboarding (issue 16 parts 7 and 8)
  "hires",
  "vacancy_onboarding",
  "organisation_email_domains",
  "onboarding_actions",
  "learning_materials",
  "material_assignments",
];

/** Columns that make a row a tenant's (or a user's own). */
const TENANT_COLUMN =
  /^(?:.*_)?(?:organisation_id|organisation_ids|portal_id|candidate_id|vacancy_id|match_id)$|^user_id$/;

/**
 * Repository files whose functions run without a scope by design; each says why. Keep this short:
 * everything else takes a scope.
 */
export const UNSCOPED_BY_DESIGN: Readonly<Record<string, string>> = {
  "src/server/modules/tenancy/caller.repository.ts":
    "works out who is calling, keyed by the signed-in user's id, before any scope exists; used only by caller.ts",
  "src/server/modules/identity/auth.repository.ts":
    "better-auth's own database adapter: it reads and writes sessions, accounts and second factors for the signed-in user it authenticates, before any caller exists",
  "src/server/platform/events.repository.ts":
    "the transactional outbox: written inside the changing transaction, read by the dispatcher, which acts for no tenant",
};

/**
 * Exported functions of repository files that build a SQL fragment and run no query: they are
 * only ever composed into a scoped query of a repository (file#name -> why).
 */
export const SQL_FRAGMENTS: Readonly<Record<string, string>> = {
  "src/server/modules/vacancies/visibility.repository.ts#visibleToViewer":
    "the one rule of who sees a vacancy, as a WHERE fragment for the repositories' own scoped reads",
  "src/server/modules/vacancies/visibility.repository.ts#onPublicBoard":
    "the public job board's WHERE fragment (published rows, no tenant)",
  "src/server/modules/vacancies/visibility.repository.ts#visibleToCandidatesSql":
    "the candidate side's WHERE fragment",
  "src/server/modules/vacancies/visibility.repository.ts#distanceKmFrom":
    "an ORDER BY/SELECT expression over the outer query's vacancy row",
  "src/server/modules/vacancies/vacancies.repository.ts#attachmentsOf":
    "a correlated subquery for the outer (scoped) vacancy row",
  "src/server/modules/vacancies/vacancy-people.repository.ts#familyOf":
    "the ids of an organisation family, a subquery each caller seeds with an organisation it checked against its scope",
  "src/server/modules/vacancies/vacancy-people.repository.ts#staffJson":
    "the active staff with given roles among organisations a subquery selects, for a scoped repository's own read",
};

const SCOPE_TYPES = new Set([
  "OrgScope",
  "PlatformScope",
  "SelfScope",
  "PortalScope",
  "PublicScope",
  "TenantScope",
  "AnyScope",
  "OwnScope",
  "CandidateReach",
]);

const SCAN_DIRS = ["src", "test", "bench", "scripts"];
const SKIP_DIRS = new Set(["node_modules", "dist", "fixtures"]);

const SCOPE_FILE = "src/server/platform/scope.ts";
const MINT_FILE = "src/server/platform/scope-mint.ts";
const SYSTEM_SCOPE_FILE = "src/server/platform/system-scope.ts";
const PLATFORM_SCHEMA_FILE = "src/server/platform/schema.ts";

interface SourceFile {
  root: string;
  rel: string;
  ast: ts.SourceFile;
  imports: ImportRef[];
}

interface ImportRef {
  specifier: string;
  /** Resolved file relative to the root, or null for a package. */
  target: string | null;
  line: number;
}

export interface TableDeclaration {
  file: string;
  exportName: string;
  sqlName: string;
  tenantColumns: string[];
}

export function checkArchitecture(rootDir: string): Violation[] {
  const root = path.resolve(rootDir);
  const files = listSources(root).map((rel) => parse(root, rel));
  const tables = declaredTables(files);
  const tenantTables = new Set([
    ...TENANT_OWNED_TABLES,
    ...tables.filter((t) => t.tenantColumns.length > 0).map((t) => t.sqlName),
  ]);
  const violations: Violation[] = [];
  for (const file of files) {
    violations.push(...importRules(file));
    violations.push(...scopeCasts(file));
    if (file.rel.endsWith(".repository.ts") && !isTest(file.rel) && !(file.rel in UNSCOPED_BY_DESIGN))
      violations.push(...unscopedRepositoryFunctions(file, tables, tenantTables));
  }
  return violations.sort(
    (a, b) => a.rule.localeCompare(b.rule) || a.file.localeCompare(b.file) || a.line - b.line,
  );
}

/** Every `pgTable`/`pgView` declared in a schema file under `root`, with its tenant columns. */
export function tenantTablesDeclared(rootDir: string): TableDeclaration[] {
  const root = path.resolve(rootDir);
  return declaredTables(
    listSources(root)
      .filter((rel) => rel.endsWith(".schema.ts"))
      .map((rel) => parse(root, rel)),
  );
}

// --- files ---------------------------------------------------------------------------------

function listSources(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(full);
      } else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) {
        found.push(path.relative(root, full).split(path.sep).join("/"));
      }
    }
  };
  for (const dir of SCAN_DIRS) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return found.sort();
}

function parse(root: string, rel: string): SourceFile {
  const text = readFileSync(path.join(root, rel), "utf8");
  const ast = ts.createSourceFile(
    rel,
    text,
    ts.ScriptTarget.Latest,
    true,
    rel.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const imports: ImportRef[] = [];
  const add = (specifier: string, node: ts.Node) =>
    imports.push({ specifier, target: resolve(root, rel, specifier), line: lineOf(ast, node) });
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node.moduleSpecifier.text, node);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      add(node.arguments[0].text, node);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node.argument.literal.text, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(ast);
  return { root, rel, ast, imports };
}

function resolve(root: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const stem = base.replace(/\.(js|ts|tsx)$/, "");
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${stem}/index.tsx`, base]) {
    const full = path.join(root, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return base;
}

function lineOf(ast: ts.SourceFile, node: ts.Node): number {
  return ast.getLineAndCharacterOfPosition(node.getStart(ast)).line + 1;
}

// --- where a file sits -------------------------------------------------------------------------

function isTest(rel: string): boolean {
  return rel.startsWith("test/") || /\.test\.tsx?$/.test(rel);
}

function isSchema(rel: string): boolean {
  return rel.endsWith(".schema.ts") || rel === PLATFORM_SCHEMA_FILE;
}

/** Files that may import drizzle-orm and schema files. */
function mayUseDrizzle(rel: string): boolean {
  return (
    rel.endsWith(".repository.ts") ||
    isSchema(rel) ||
    rel === "src/server/platform/db.ts" ||
    /(^|\/)migrations?\//.test(rel) ||
    /(^|\/)migrate[^/]*\.ts$/.test(rel) ||
    rel.startsWith("src/server/seed/") ||
    isTest(rel) ||
    rel.startsWith("bench/")
  );
}

function mayImportMint(rel: string): boolean {
  return rel === "src/server/modules/tenancy/caller.ts" || rel === SCOPE_FILE || rel === SYSTEM_SCOPE_FILE;
}

function mayImportSystemScope(rel: string): boolean {
  return (
    rel.endsWith(".jobs.ts") ||
    rel.endsWith(".events.ts") ||
    /^src\/server\/platform\/events[^/]*\.ts$/.test(rel) ||
    rel.startsWith("src/server/seed/") ||
    rel === "src/server/main.ts" ||
    rel === "src/server/app.ts" ||
    isTest(rel) ||
    rel.startsWith("bench/")
  );
}

function moduleOf(rel: string): string | null {
  return /^src\/server\/modules\/([^/]+)\//.exec(rel)?.[1] ?? null;
}

// --- rules 1, 2 and 4: imports ------------------------------------------------------------------

function importRules(file: SourceFile): Violation[] {
  const out: Violation[] = [];
  const { rel } = file;
  const from = moduleOf(rel);
  for (const imp of file.imports) {
    const v = (rule: Rule, detail: string) => out.push({ rule, file: rel, line: imp.line, detail });
    const drizzle = imp.specifier === "drizzle-orm" || imp.specifier.startsWith("drizzle-orm/");
    if ((drizzle || (imp.target && isSchema(imp.target))) && !mayUseDrizzle(rel))
      v("drizzle-outside-repository", `imports ${imp.target ?? imp.specifier}`);
    const to = imp.target ? moduleOf(imp.target) : null;
    if (
      from &&
      to &&
      to !== from &&
      !isTest(rel) &&
      // Foreign keys: a table references another module's table where both are declared.
      !(rel.endsWith(".schema.ts") && imp.target?.endsWith(".schema.ts")) &&
      imp.target !== `src/server/modules/${to}/index.ts` &&
      imp.target !== `src/server/modules/${to}/index.tsx`
    )
      v("module-internal-import", `imports ${imp.target}`);
    if (imp.target === MINT_FILE && !mayImportMint(rel)) v("scope-mint-import", `imports ${MINT_FILE}`);
    if (imp.target === SYSTEM_SCOPE_FILE && !mayImportSystemScope(rel))
      v("system-scope-import", `imports ${SYSTEM_SCOPE_FILE}`);
  }
  return out;
}

// --- bindings: which local names are scope types and tables --------------------------------------

interface Bindings {
  /** Local name -> the exported name, for names imported from the given kind of file. */
  fromScope: Map<string, string>;
  scopeNamespaces: Set<string>;
  fromSchema: Map<string, string>;
  schemaNamespaces: Set<string>;
  /** Local name of `repository` from platform/store.ts. */
  repositoryFn: Set<string>;
}

function bindingsOf(file: SourceFile): Bindings {
  const b: Bindings = {
    fromScope: new Map(),
    scopeNamespaces: new Set(),
    fromSchema: new Map(),
    schemaNamespaces: new Set(),
    repositoryFn: new Set(),
  };
  if (file.rel === SCOPE_FILE) for (const name of SCOPE_TYPES) b.fromScope.set(name, name);
  for (const statement of file.ast.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = resolve(file.root, file.rel, statement.moduleSpecifier.text);
    const clause = statement.importClause;
    if (!target || !clause?.namedBindings) continue;
    const kind =
      target === SCOPE_FILE
        ? "scope"
        : isSchema(target)
          ? "schema"
          : target === "src/server/platform/store.ts"
            ? "store"
            : null;
    if (!kind) continue;
    if (ts.isNamespaceImport(clause.namedBindings)) {
      const name = clause.namedBindings.name.text;
      if (kind === "scope") b.scopeNamespaces.add(name);
      if (kind === "schema") b.schemaNamespaces.add(name);
      continue;
    }
    for (const el of clause.namedBindings.elements) {
      const imported = (el.propertyName ?? el.name).text;
      if (kind === "scope") b.fromScope.set(el.name.text, imported);
      if (kind === "schema") b.fromSchema.set(el.name.text, imported);
      if (kind === "store" && imported === "repository") b.repositoryFn.add(el.name.text);
    }
  }
  return b;
}

function isScopeTypeName(name: ts.EntityName, b: Bindings): boolean {
  if (ts.isIdentifier(name)) return SCOPE_TYPES.has(b.fromScope.get(name.text) ?? "");
  return (
    ts.isIdentifier(name.left) && b.scopeNamespaces.has(name.left.text) && SCOPE_TYPES.has(name.right.text)
  );
}

/** A scope type or a union of them (all members must be scopes). */
function isScopeType(type: ts.TypeNode | undefined, b: Bindings): boolean {
  if (!type) return false;
  if (ts.isParenthesizedTypeNode(type)) return isScopeType(type.type, b);
  if (ts.isUnionTypeNode(type)) return type.types.every((t) => isScopeType(t, b));
  return ts.isTypeReferenceNode(type) && !type.typeArguments && isScopeTypeName(type.typeName, b);
}

/** Whether a type mentions a scope type at all (for casts: `as OrgScope | null` is still one). */
function mentionsScopeType(type: ts.TypeNode, b: Bindings): boolean {
  let found = false;
  const visit = (node: ts.Node) => {
    if (ts.isTypeReferenceNode(node) && isScopeTypeName(node.typeName, b)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(type);
  return found;
}

// --- rule 5: casts --------------------------------------------------------------------------------

function scopeCasts(file: SourceFile): Violation[] {
  if (file.rel === MINT_FILE) return [];
  const b = bindingsOf(file);
  if (b.fromScope.size === 0 && b.scopeNamespaces.size === 0) return [];
  const out: Violation[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && mentionsScopeType(node.type, b)) {
      out.push({
        rule: "scope-cast",
        file: file.rel,
        line: lineOf(file.ast, node),
        detail: `as ${node.type.getText(file.ast)} in ${enclosingName(node)}`,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file.ast);
  return out;
}

function enclosingName(node: ts.Node): string {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return n.name.getText();
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) return n.name.text;
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name)) return n.name.text;
  }
  return "(top level)";
}

// --- rule 3: repository functions over tenant tables take a scope --------------------------------

function declaredTables(files: SourceFile[]): TableDeclaration[] {
  const out: TableDeclaration[] = [];
  for (const file of files) {
    if (!file.rel.endsWith(".schema.ts") || isTest(file.rel)) continue;
    for (const statement of file.ast.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const decl of statement.declarationList.declarations) {
        const init = decl.initializer;
        if (!ts.isIdentifier(decl.name) || !init || !ts.isCallExpression(init)) continue;
        const callee = init.expression.getText(file.ast);
        const [nameArg, columnsArg] = init.arguments;
        if (!/^pg(Table|View|MaterializedView)$/.test(callee) || !nameArg || !ts.isStringLiteral(nameArg))
          continue;
        const columns: string[] = [];
        const visit = (node: ts.Node) => {
          if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0]))
            columns.push(node.arguments[0].text);
          ts.forEachChild(node, visit);
        };
        if (columnsArg) visit(columnsArg);
        out.push({
          file: file.rel,
          exportName: decl.name.text,
          sqlName: nameArg.text,
          tenantColumns: columns.filter((c) => TENANT_COLUMN.test(c)),
        });
      }
    }
  }
  return out;
}

type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

function isFunctionLike(node: ts.Node | undefined): node is FunctionLike {
  return (
    !!node &&
    (ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node))
  );
}

const RAW_TABLE = /\b(?:from|join|into|update|table)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

function unscopedRepositoryFunctions(
  file: SourceFile,
  tables: TableDeclaration[],
  tenantTables: Set<string>,
): Violation[] {
  const b = bindingsOf(file);
  const tableOfExport = new Map(tables.map((t) => [t.exportName, t.sqlName]));
  const ast = file.ast;

  // Top-level functions of the file by name, to follow calls to local helpers.
  const locals = new Map<string, FunctionLike>();
  const exported: Array<{ name: string; fn: FunctionLike; repositoryScope: ts.TypeNode | null }> = [];
  const exportedNames = new Set<string>();
  const isExported = (node: ts.Node) =>
    ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

  for (const statement of ast.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      locals.set(statement.name.text, statement);
      if (isExported(statement)) exportedNames.add(statement.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name) && isFunctionLike(decl.initializer)) {
          locals.set(decl.name.text, decl.initializer);
          if (isExported(statement)) exportedNames.add(decl.name.text);
        }
      }
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause) {
      if (ts.isNamedExports(statement.exportClause))
        for (const el of statement.exportClause.elements)
          exportedNames.add(`${(el.propertyName ?? el.name).text}`);
    }
  }
  for (const name of exportedNames) {
    const fn = locals.get(name);
    if (fn) exported.push({ name, fn, repositoryScope: null });
  }
  // Exported objects of functions: `repository<S>()({ ... })` or a plain object literal.
  for (const statement of ast.statements) {
    if (!ts.isVariableStatement(statement) || !isExported(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (!ts.isIdentifier(decl.name) || !decl.initializer) continue;
      let object: ts.Expression = decl.initializer;
      let repositoryScope: ts.TypeNode | null = null;
      if (ts.isCallExpression(object) && ts.isCallExpression(object.expression)) {
        const inner = object.expression;
        if (ts.isIdentifier(inner.expression) && b.repositoryFn.has(inner.expression.text)) {
          repositoryScope = inner.typeArguments?.[0] ?? null;
          object = object.arguments[0] ?? object;
        }
      }
      while (
        ts.isAsExpression(object) ||
        ts.isSatisfiesExpression(object) ||
        ts.isParenthesizedExpression(object)
      )
        object = object.expression;
      if (!ts.isObjectLiteralExpression(object)) continue;
      for (const prop of object.properties) {
        const memberName = prop.name ? prop.name.getText(ast) : "?";
        const name = `${decl.name.text}.${memberName}`;
        let fn: FunctionLike | undefined;
        if (ts.isMethodDeclaration(prop)) fn = prop;
        else if (ts.isPropertyAssignment(prop) && isFunctionLike(prop.initializer)) fn = prop.initializer;
        else if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.initializer))
          fn = locals.get(prop.initializer.text);
        else if (ts.isShorthandPropertyAssignment(prop)) fn = locals.get(prop.name.text);
        if (fn) exported.push({ name, fn, repositoryScope });
      }
    }
  }

  // Which tenant tables each local function touches itself, and which local functions it calls.
  const direct = new Map<FunctionLike, Set<string>>();
  const calls = new Map<FunctionLike, Set<string>>();
  const scan = (fn: FunctionLike) => {
    if (direct.has(fn)) return;
    const touched = new Set<string>();
    const called = new Set<string>();
    direct.set(fn, touched);
    calls.set(fn, called);
    const touch = (sqlName: string | undefined) => {
      if (sqlName && tenantTables.has(sqlName)) touched.add(sqlName);
    };
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node)) {
        const imported = b.fromSchema.get(node.text);
        if (imported && !isPropertyName(node)) touch(tableOfExport.get(imported));
        if (locals.has(node.text) && !isPropertyName(node)) called.add(node.text);
      } else if (ts.isPropertyAccessExpression(node)) {
        // schema.vacancies, db.query.vacancies
        if (
          ts.isIdentifier(node.expression) &&
          (b.schemaNamespaces.has(node.expression.text) || node.expression.text === "query")
        )
          touch(tableOfExport.get(node.name.text));
        if (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "query")
          touch(tableOfExport.get(node.name.text));
      } else if (ts.isTemplateLiteral(node) || ts.isStringLiteral(node) || ts.isTemplateLiteralToken(node)) {
        const text = ts.isTemplateExpression(node) ? "" : node.text;
        for (const match of text.matchAll(RAW_TABLE)) touch(match[1]?.toLowerCase());
      }
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
  };
  const touches = (fn: FunctionLike, seen = new Set<FunctionLike>()): Set<string> => {
    scan(fn);
    const all = new Set(direct.get(fn));
    seen.add(fn);
    for (const name of calls.get(fn) ?? []) {
      const callee = locals.get(name);
      if (callee && !seen.has(callee)) for (const t of touches(callee, seen)) all.add(t);
    }
    return all;
  };

  const out: Violation[] = [];
  for (const { name, fn, repositoryScope } of exported) {
    if (`${file.rel}#${name}` in SQL_FRAGMENTS) continue;
    const touched = touches(fn);
    if (touched.size === 0) continue;
    if (hasScopeParameter(fn, repositoryScope, b)) continue;
    out.push({
      rule: "unscoped-repository-function",
      file: file.rel,
      line: lineOf(ast, fn),
      detail: `${name} touches ${[...touched].sort().join(", ")} without a scope parameter`,
    });
  }
  return out;
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isMethodDeclaration(parent) && parent.name === node)
  );
}

/**
 * A function that takes the database first takes its scope second; any other (a builder of SQL
 * fragments) takes a scope somewhere. Members of `repository<S>()({...})` get S for an
 * unannotated scope parameter.
 */
function hasScopeParameter(fn: FunctionLike, repositoryScope: ts.TypeNode | null, b: Bindings): boolean {
  const params = fn.parameters;
  const typeOf = (p: ts.ParameterDeclaration) => p.type ?? repositoryScope ?? undefined;
  const first = params[0];
  const takesDb =
    !!first &&
    (first.type
      ? ts.isTypeReferenceNode(first.type) && first.type.typeName.getText() === "Db"
      : repositoryScope !== null);
  if (takesDb) return !!params[1] && isScopeType(typeOf(params[1]), b);
  return params.some((p) => isScopeType(p.type, b));
}
