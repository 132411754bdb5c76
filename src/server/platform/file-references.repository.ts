import { sql } from "drizzle-orm";
import { type Db, queryRows } from "./db";
import { FILE_REFERENCES } from "./file-references";
import type { PlatformScope } from "./scope";
import { repository } from "./store";

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Which stored files rows still refer to: the file sweep's one read, for no tenant in particular. */
export const fileReferencesRepository = repository<PlatformScope>()({
  async referencedKeys(db: Db, _scope: PlatformScope): Promise<Set<string>> {
    const parts = FILE_REFERENCES.map(({ table, column, urlPrefix }) => {
      const col = sql.raw(`${quoted(table)}.${quoted(column)}`);
      const from = sql.raw(quoted(table));
      return urlPrefix
        ? sql`select substr(${col}, ${urlPrefix.length + 1}) as key from ${from} where ${col} like ${`${urlPrefix}%`}`
        : sql`select ${col} as key from ${from} where ${col} is not null`;
    });
    const rows = await queryRows<{ key: string }>(db, sql.join(parts, sql` union `));
    return new Set(rows.map((row) => row.key));
  },
});
