import type { Db } from "./db";
import type { AnyScope } from "./scope";

/**
 * How services reach the database (decision 0014): never the handle itself, only repositories
 * bound to a scope the caller minted. A repository is a record of functions `(db, scope, ...args)`
 * in a `*.repository.ts` file; `bind` fixes the first two, so the service calls `(...args)`.
 */
// biome-ignore lint/suspicious/noExplicitAny: a repository function's own parameters are checked where it is declared; here only their shape matters.
type RepositoryFn<S> = (db: Db, scope: S, ...args: any[]) => unknown;
export type Repository<S extends AnyScope> = Record<string, RepositoryFn<S>>;

export type Bound<R> = {
  // biome-ignore lint/suspicious/noExplicitAny: see RepositoryFn.
  [K in keyof R]: R[K] extends (db: Db, scope: any, ...args: infer A) => infer T ? (...args: A) => T : never;
};

/** Declares a repository: checks that every function takes the database and a scope of kind S. */
export function repository<S extends AnyScope>() {
  return <R extends Repository<S>>(functions: R): R => functions;
}

export interface Store {
  /** The repository's functions with this database (or transaction) and scope filled in. */
  bind<S extends AnyScope, R extends Repository<S>>(scope: S, repo: R): Bound<R>;
  /**
   * Runs `work` in one transaction. Domain events written through `tx.emit` commit with the
   * change; the dispatcher is woken after the commit.
   */
  transaction<T>(work: (tx: TxStore) => Promise<T>): Promise<T>;
}

export interface TxStore extends Store {
  /** Writes a domain event in this transaction (the transactional outbox). */
  emit(event: DomainEventInput): Promise<void>;
}

/** What a state change records; the outbox row adds the id and time. */
export interface DomainEventInput {
  /** `<domain>.<what happened>`, e.g. `vacancy.published`, `match.moved`, `identity.password_reset_requested`. */
  type: string;
  /** The organisation whose data changed (null for a candidate's own or platform-level change). */
  organisationId: string | null;
  portalId: string | null;
  /** Ids of what it is about, by kind: `{ vacancyId, matchId, candidateId, userId, ... }`. */
  subject: Record<string, string>;
  /** Who did it (null for a job or a visitor). */
  actorUserId: string | null;
  payload: Record<string, unknown>;
}

export interface EventSink {
  /**
   * Inserts the event row in the given transaction; true when someone will deliver it (a
   * subscriber of its type), so that only then the commit wakes the dispatcher.
   */
  write(tx: Db, event: DomainEventInput): Promise<boolean>;
  /** Called after a transaction that wrote events committed. */
  committed(): void;
}

function bindTo<S extends AnyScope, R extends Repository<S>>(db: Db, scope: S, repo: R): Bound<R> {
  const bound: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(repo)) bound[name] = (...args: unknown[]) => fn(db, scope, ...args);
  return bound as Bound<R>;
}

export function createStore(db: Db, events: EventSink): Store {
  return {
    bind: (scope, repo) => bindTo(db, scope, repo),
    async transaction(work) {
      // Whether the transaction wrote an event that a subscriber waits for.
      let wrote = false;
      const result = await db.transaction(async (tx) => {
        const txStore: TxStore = {
          bind: (scope, repo) => bindTo(tx, scope, repo),
          // Nested work joins the outer transaction (Drizzle would open a savepoint).
          transaction: (inner) => inner(txStore),
          async emit(event) {
            if (await events.write(tx, event)) wrote = true;
          },
        };
        return work(txStore);
      });
      if (wrote) events.committed();
      return result;
    },
  };
}
