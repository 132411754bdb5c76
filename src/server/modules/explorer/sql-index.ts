import type { Store } from "../../platform/store";
import type { SearchIndex } from "./search-index";
import { sqlSearchRepository } from "./sql-index.repository";

/**
 * The reference engine: PostgreSQL answers every search (`sql-index.repository.ts`). It is what
 * the in-memory index must agree with, and what serves searches while that index is being built.
 */
export function createSqlSearchIndex(store: Store): SearchIndex {
  return {
    kind: "sql",
    search: (scope, query) => store.bind(scope, sqlSearchRepository).search(query),
  };
}
