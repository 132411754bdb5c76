import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A tree of UI texts as the locale files hold them. */
export type TextTree = { [key: string]: string | TextTree };

/** Every text's dotted key in a tree (`a.b.c`), with `prefix` before each. */
export function textKeys(tree: TextTree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : textKeys(value, `${prefix}${key}.`),
  );
}

/** The source files of a feature folder (not its tests), for checking the keys they use. */
export function featureSources(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".tsx") || (name.endsWith(".ts") && !name.endsWith(".test.ts")))
    .map((name) => path.join(dir, name));
}

/** The text keys under `namespace.` that these files name in quotes or backticks. */
export function keysUsedIn(files: readonly string[], namespace: string): string[] {
  const pattern = new RegExp(`["\`](${namespace}\\.[A-Za-z0-9_.]+)["\`]`, "g");
  return files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(pattern)].map((m) => m[1] ?? ""));
}
