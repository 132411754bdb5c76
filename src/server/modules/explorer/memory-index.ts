import type { PlatformScope } from "../../platform/scope";
import type { Bound, Store } from "../../platform/store";
import { IndexState } from "./index-state";
import { type DocRow, searchDocumentsRepository } from "./memory-index.repository";
import { searchState } from "./memory-search";
import {
  type IndexQuery,
  type IndexResult,
  portalTermOf,
  type SearchIndex,
  type SearchScope,
} from "./search-index";

/**
 * The in-process explorer engine (decision 0013). Built from `candidate_search` at start, then
 * kept current by polling that table's change feed: every row carries the id of the transaction
 * that wrote it, and each poll reads the rows of transactions not yet finished at the previous
 * poll (`pg_snapshot_xmin`), so a commit is never missed however long it took. Each app process
 * holds its own copy; all of them follow the same feed.
 *
 * A changed candidate gets a new document number and the old one is marked dead, so posting
 * lists only ever grow at the end and stay sorted. When a quarter of the documents are dead the
 * index is rebuilt from the table.
 */

export interface MemorySearchIndex extends SearchIndex {
  /** Resolves when the first build is done. */
  readonly ready: Promise<void>;
  isReady(): boolean;
  /** Reads the change feed once now; returns the number of changed documents it applied. */
  refresh(): Promise<number>;
  stats(): { documents: number; dead: number; bytes: number };
  close(): Promise<void>;
}

export interface MemoryIndexOptions {
  /** Milliseconds between polls of the change feed; 0 = only when refresh() is called. */
  pollMs?: number;
  batchSize?: number;
  log?: (message: string) => void;
}

type BoundDocuments = Bound<typeof searchDocumentsRepository>;

async function buildState(
  documents: BoundDocuments,
  batchSize: number,
): Promise<{ state: IndexState; xmin: number }> {
  const xmin = await documents.snapshotXmin();
  const state = new IndexState(Math.ceil(((await documents.count()) + 1) * 1.1));
  // Keyset pages over the primary key: each page is an index range scan. Document numbers need
  // not follow row_no: the ranking breaks ties with rowNo[] itself.
  let after: string | null = null;
  for (;;) {
    const rows: DocRow[] = await documents.page(after, batchSize);
    for (const row of rows) state.add(row);
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.candidate_id;
  }
  state.settle(true);
  state.startTracking();
  return { state, xmin };
}

/**
 * `scope` is the platform's: the index holds the documents of every portal, and each search
 * keeps to the portal term of the scope it is asked with.
 */
export function createMemorySearchIndex(
  { store, scope }: { store: Store; scope: PlatformScope },
  options: MemoryIndexOptions = {},
): MemorySearchIndex {
  const documents = store.bind(scope, searchDocumentsRepository);
  const pollMs = options.pollMs ?? 200;
  const batchSize = options.batchSize ?? 20_000;
  let state: IndexState | null = null;
  let xmin = 0;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function poll(): Promise<number> {
    if (!state) return 0;
    if (state.deadCount > 1000 && state.deadCount * 4 > state.count) {
      const built = await buildState(documents, batchSize);
      state = built.state;
      xmin = built.xmin;
      return 0;
    }
    const next = await documents.snapshotXmin();
    const rows = await documents.changedSince(xmin);
    const current = state;
    let applied = 0;
    for (const row of rows) if (current.add(row)) applied++;
    if (applied > 0) current.settle(false);
    xmin = next;
    return applied;
  }

  /** One poll at a time; a caller during a poll waits for it and then polls again. */
  async function refresh(): Promise<number> {
    while (running) await running.catch(() => 0);
    running = poll();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  function schedule(): void {
    if (closed || pollMs <= 0) return;
    timer = setTimeout(() => {
      refresh()
        .catch((error: unknown) =>
          options.log?.(
            `Explorer index: change feed failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        )
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  const ready = buildState(documents, batchSize).then((built) => {
    state = built.state;
    xmin = built.xmin;
    schedule();
  });
  // A failed build is reported to whoever awaits `ready`; searches keep going to SQL meanwhile.
  ready.catch(() => undefined);

  return {
    kind: "memory",
    ready,
    isReady: () => state !== null,
    refresh,
    stats: () => ({
      documents: state ? state.count - state.deadCount : 0,
      dead: state?.deadCount ?? 0,
      bytes: state?.bytes() ?? 0,
    }),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
    },
    async search(scope: SearchScope, query: IndexQuery): Promise<IndexResult> {
      if (!state) throw new Error("The explorer index is not built yet");
      return searchState(state, portalTermOf(scope), query);
    },
  };
}
