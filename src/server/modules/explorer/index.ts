// The explorer module's public surface (decision 0014): its routes and service, and the two
// search engines the app chooses between.
export { registerExplorerRoutes } from "./explorer.routes";
export { createExplorerService, type ExplorerService } from "./explorer.service";
export { createMemorySearchIndex, type MemorySearchIndex } from "./memory-index";
export type { IndexQuery, IndexResult, SearchIndex, SearchScope } from "./search-index";
export { createSqlSearchIndex } from "./sql-index";
