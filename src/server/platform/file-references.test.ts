import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { FILE_KEY_COLUMN, FILE_REFERENCES } from "./file-references";
import * as schema from "./schema";

const tables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => value instanceof PgTable)
  .map((table) => getTableConfig(table));

describe("the list of columns that hold file keys", () => {
  it("names every column of the schema named like a file key (a new one must be registered)", () => {
    const inSchema = tables.flatMap((table) =>
      table.columns
        .filter((column) => FILE_KEY_COLUMN.test(column.name))
        .map((c) => `${table.name}.${c.name}`),
    );
    expect(inSchema.length).toBeGreaterThan(5);
    const registered = new Set(FILE_REFERENCES.map((ref) => `${ref.table}.${ref.column}`));
    expect(inSchema.filter((column) => !registered.has(column))).toEqual([]);
  });

  it("names only columns that exist", () => {
    const existing = new Set(tables.flatMap((table) => table.columns.map((c) => `${table.name}.${c.name}`)));
    expect(
      FILE_REFERENCES.map((ref) => `${ref.table}.${ref.column}`).filter((c) => !existing.has(c)),
    ).toEqual([]);
  });
});
