import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { type Db, queryRows } from "./db";
import { type DELIVERY_STATUSES, domainEvents, eventDeliveries } from "./events.schema";
import type { DomainEventInput } from "./store";

export type DomainEventRow = typeof domainEvents.$inferSelect;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/*
 * The outbox belongs to the platform, not to a tenant: the dispatcher reads every organisation's
 * events as the named system actor "events". Subscribers then act for the event's organisation.
 */

/**
 * Writes one event in the caller's transaction (the outbox row). An event nobody subscribes to is
 * written as fanned out already: it stays as the record of what happened, with nothing to deliver.
 */
export async function insertEvent(tx: Db, event: DomainEventInput, fannedOut = false): Promise<void> {
  await tx.insert(domainEvents).values({
    type: event.type,
    organisationId: event.organisationId,
    portalId: event.portalId,
    subject: event.subject,
    actorUserId: event.actorUserId,
    payload: event.payload,
    fannedOutAt: fannedOut ? sql`now()` : null,
  });
}

/**
 * Makes the deliveries of events not yet fanned out: one row per (event, subscriber of its
 * type). Idempotent: a second dispatcher doing the same events inserts nothing new.
 */
export async function fanOut(
  db: Db,
  subscribersOf: (type: string) => readonly string[],
  limit: number,
): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await tx
      .select({ id: domainEvents.id, type: domainEvents.type })
      .from(domainEvents)
      .where(isNull(domainEvents.fannedOutAt))
      .orderBy(asc(domainEvents.seq))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (events.length === 0) return 0;
    const rows = events.flatMap((e) =>
      subscribersOf(e.type).map((subscriber) => ({ eventId: e.id, subscriber })),
    );
    if (rows.length > 0) await tx.insert(eventDeliveries).values(rows).onConflictDoNothing();
    await tx
      .update(domainEvents)
      .set({ fannedOutAt: sql`now()` })
      .where(
        inArray(
          domainEvents.id,
          events.map((e) => e.id),
        ),
      );
    return events.length;
  });
}

export interface DueDelivery {
  event: DomainEventRow;
  subscriber: string;
  attempts: number;
}

/** Takes up to `limit` due deliveries and leases them for `leaseSeconds` to this dispatcher. */
export async function leaseDue(db: Db, limit: number, leaseSeconds: number): Promise<DueDelivery[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ eventId: eventDeliveries.eventId, subscriber: eventDeliveries.subscriber })
      .from(eventDeliveries)
      .where(
        and(
          eq(eventDeliveries.status, "pending"),
          lte(eventDeliveries.nextAttemptAt, sql`now()`),
          or(isNull(eventDeliveries.leasedUntil), lte(eventDeliveries.leasedUntil, sql`now()`)),
        ),
      )
      .orderBy(asc(eventDeliveries.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const leased = await tx
      .update(eventDeliveries)
      .set({ leasedUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
      .where(
        or(
          ...due.map((d) =>
            and(eq(eventDeliveries.eventId, d.eventId), eq(eventDeliveries.subscriber, d.subscriber)),
          ),
        ),
      )
      .returning({
        eventId: eventDeliveries.eventId,
        subscriber: eventDeliveries.subscriber,
        attempts: eventDeliveries.attempts,
      });
    const events = await tx
      .select()
      .from(domainEvents)
      .where(
        inArray(
          domainEvents.id,
          leased.map((d) => d.eventId),
        ),
      );
    const byId = new Map(events.map((e) => [e.id, e]));
    return leased.flatMap((d) => {
      const event = byId.get(d.eventId);
      return event ? [{ event, subscriber: d.subscriber, attempts: d.attempts }] : [];
    });
  });
}

export async function markDelivered(db: Db, eventId: string, subscriber: string): Promise<void> {
  await db
    .update(eventDeliveries)
    .set({
      status: "delivered",
      attempts: sql`${eventDeliveries.attempts} + 1`,
      deliveredAt: sql`now()`,
      leasedUntil: null,
      lastError: null,
    })
    .where(and(eq(eventDeliveries.eventId, eventId), eq(eventDeliveries.subscriber, subscriber)));
}

/** A failed attempt: tried again after `retryInSeconds`, or given up (status "failed") when null. */
export async function markFailed(
  db: Db,
  eventId: string,
  subscriber: string,
  error: string,
  retryInSeconds: number | null,
): Promise<void> {
  await db
    .update(eventDeliveries)
    .set({
      status: retryInSeconds === null ? "failed" : "pending",
      attempts: sql`${eventDeliveries.attempts} + 1`,
      nextAttemptAt:
        retryInSeconds === null
          ? sql`${eventDeliveries.nextAttemptAt}`
          : sql`now() + make_interval(secs => ${retryInSeconds})`,
      leasedUntil: null,
      lastError: error.slice(0, 2000),
    })
    .where(and(eq(eventDeliveries.eventId, eventId), eq(eventDeliveries.subscriber, subscriber)));
}

/** Whether any work is due now (events to fan out, deliveries to attempt). */
export async function hasDueWork(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ due: boolean }>(
    db,
    sql`
    select exists (select 1 from domain_events where fanned_out_at is null)
        or exists (select 1 from event_deliveries where status = 'pending'
                   and next_attempt_at <= now() and (leased_until is null or leased_until <= now())) as due`,
  );
  return row?.due === true;
}

/** The deliveries of one event (for the admin's view and tests). */
export async function deliveriesOf(db: Db, eventIds: readonly string[]) {
  if (eventIds.length === 0) return [];
  return db
    .select()
    .from(eventDeliveries)
    .where(inArray(eventDeliveries.eventId, [...eventIds]));
}
