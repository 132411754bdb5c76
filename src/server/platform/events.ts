import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import type { Db } from "./db";
import {
  type DomainEventRow,
  fanOut,
  hasDueWork,
  insertEvent,
  leaseDue,
  markDelivered,
  markFailed,
} from "./events.repository";
import type { Jobs } from "./jobs";
import type { EventSink } from "./store";

export type DomainEvent = DomainEventRow;

/** The delivery a subscriber is handling right now: what outside effects key themselves by. */
export interface DeliveryContext {
  eventId: string;
  subscriber: string;
  /** Effects of each kind this run of `handle` made so far (see `effectKey`). */
  readonly made: Map<string, number>;
}

const delivering = new AsyncLocalStorage<DeliveryContext>();

/**
 * The (event, subscriber) pair whose `handle` is running, or undefined outside a subscriber. The
 * mailer keys each mail by it, so a retried delivery does not send the same mail twice.
 */
export function currentDelivery(): DeliveryContext | undefined {
  return delivering.getStore();
}

/**
 * A key for the next outside effect of `kind` (e.g. a mail to one address) made by the running
 * delivery: `<event id>:<subscriber>:<kind>:<n>`, the same on every retry as long as the
 * subscriber makes its effects in the same order. Undefined outside a subscriber.
 */
export function effectKey(kind: string): string | undefined {
  const context = delivering.getStore();
  if (!context) return undefined;
  const n = context.made.get(kind) ?? 0;
  context.made.set(kind, n + 1);
  return `${context.eventId}:${context.subscriber}:${kind}:${n}`;
}

/**
 * Something that reacts to domain events: sends mail, writes a notification, calls a webhook.
 * `handle` may run more than once for one event only when it threw or its process died before
 * the delivery was marked (at-least-once); a subscriber with an outside effect keys that effect
 * by `event.id` so that a repeat does nothing (see the mail subscriber).
 */
export interface Subscriber {
  /** Stable name: the delivery rows are keyed by (event id, subscriber name). */
  name: string;
  /** Event types it wants; "*" for every type. */
  types: readonly string[] | "*";
  handle(event: DomainEvent): Promise<void>;
}

export interface EventBus extends EventSink {
  subscribe(subscriber: Subscriber): void;
  /** Fans out and delivers everything due now; resolves when nothing due is left. */
  drain(): Promise<void>;
  /** Delivers in the background: after each commit, and every `pollMs` for retries. */
  start(): void;
  stop(): Promise<void>;
}

export interface EventBusOptions {
  /** How often a started bus looks for due work (retries, other instances' events). */
  pollMs?: number;
  /** Attempts before a delivery is given up and marked failed. */
  maxAttempts?: number;
  /** Seconds to wait before attempt n+1 (n = attempts so far, from 1). */
  backoffSeconds?: (attempts: number) => number;
  log?: (message: string) => void;
}

/** 5 s, 20 s, 80 s, … up to an hour: an SMTP server that is down for a while is waited for. */
export const defaultBackoff = (attempts: number) => Math.min(3600, 5 * 4 ** (attempts - 1));

const BATCH = 50;
const LEASE_SECONDS = 120;

/**
 * Domain events through a transactional outbox (decision 0015): `write` runs inside the
 * transaction of the change; after the commit the bus fans each event out to its subscribers
 * (one delivery row each) and delivers each pair once, retrying with backoff. Every instance may
 * run a bus: leases and `skip locked` hand each delivery to one of them.
 */
export function createEventBus(db: Db, options: EventBusOptions = {}): EventBus {
  const subscribers = new Map<string, Subscriber>();
  const maxAttempts = options.maxAttempts ?? 12;
  const backoff = options.backoffSeconds ?? defaultBackoff;
  const log = options.log ?? (() => {});
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let started = false;

  const subscribersOf = (type: string) =>
    [...subscribers.values()].filter((s) => s.types === "*" || s.types.includes(type)).map((s) => s.name);

  async function deliver(): Promise<boolean> {
    let worked = (await fanOut(db, subscribersOf, BATCH)) > 0;
    const due = await leaseDue(db, BATCH, LEASE_SECONDS);
    for (const { event, subscriber, attempts } of due) {
      worked = true;
      const s = subscribers.get(subscriber);
      if (!s) {
        // A subscriber of another version of the app; leave it to an instance that has it.
        await markFailed(db, event.id, subscriber, "no such subscriber here", 60);
        continue;
      }
      try {
        await delivering.run({ eventId: event.id, subscriber, made: new Map() }, () => s.handle(event));
        await markDelivered(db, event.id, subscriber);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const tried = attempts + 1;
        const retry = tried >= maxAttempts ? null : backoff(tried);
        log(`event ${event.type} ${event.id} → ${subscriber}: attempt ${tried} failed: ${message}`);
        await markFailed(db, event.id, subscriber, message, retry);
      }
    }
    return worked;
  }

  /** One pass at a time per process; a kick during a pass runs one more pass after it. */
  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          while (await deliver()) {}
        } while (again);
      } catch (error) {
        log(`event dispatch failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  /**
   * After a commit the bus delivers in the context the bus was made in, not in the request's:
   * the request answers without waiting for mail, and its logs and statement counts are its own.
   */
  const dispatchOutsideRequest = AsyncResource.bind(() => {
    // A bus stopped between the commit and this tick runs no more passes: a stopped instance
    // must not lease deliveries it is no longer there to finish.
    setImmediate(() => {
      if (started) void run();
    });
  });

  function schedule(ms: number) {
    if (!started) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(async () => {
      timer = null;
      await run();
      schedule(options.pollMs ?? 2_000);
    }, ms);
    timer.unref();
  }

  return {
    async write(tx, event) {
      // Until the bus starts its subscribers are not all known: everything waits for fan-out.
      // Once started, an event of a type no subscriber wants needs neither fan-out nor a wake-up
      // (instances of one deployment run the same subscribers; decision 0015).
      const wanted = !started || subscribersOf(event.type).length > 0;
      await insertEvent(tx, event, !wanted);
      return wanted;
    },
    committed() {
      if (started) dispatchOutsideRequest();
    },
    subscribe(subscriber) {
      if (subscribers.has(subscriber.name)) throw new Error(`subscriber ${subscriber.name} twice`);
      // A running bus may already have fanned out events without this subscriber: they would
      // never reach it. Subscribers are registered while the app is composed, then it starts.
      if (started) throw new Error(`subscriber ${subscriber.name} registered after the bus started`);
      subscribers.set(subscriber.name, subscriber);
    },
    async drain() {
      do {
        await run();
      } while (await hasDueWork(db));
    },
    start() {
      started = true;
      schedule(0);
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

/** The pg-boss cron job that drains the bus. */
export const EVENTS_DISPATCH_JOB = "events-dispatch";

/**
 * Backs the bus up with pg-boss (when JOBS is on): once a minute, on one instance, the due events
 * are dispatched, also where no request woke the bus and its own timer stalled. The bus's own
 * polling stays the main path; pg-boss only makes sure (decision 0015).
 */
export function scheduleEventDispatch(jobs: Jobs, events: EventBus): Promise<void> {
  return jobs.schedule(EVENTS_DISPATCH_JOB, "* * * * *", () => events.drain());
}
