import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../test/support/databases";
import { openTestDatabase } from "../../../test/support/server";
import type { Database } from "./db";
import { createEventBus, type DomainEvent } from "./events";
import { deliveriesOf } from "./events.repository";
import { domainEvents } from "./events.schema";
import { createStore } from "./store";

const event = (n: number) => ({
  type: "test.happened",
  organisationId: null,
  portalId: null,
  subject: { n: String(n) },
  actorUserId: null,
  payload: { n },
});

describe.each(testDbKinds())("domain events on %s", (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it("delivers a committed event to each subscriber once, and nothing of a rolled-back one", async () => {
    const bus = createEventBus(database.db);
    const seen: DomainEvent[] = [];
    bus.subscribe({ name: "a", types: ["test.happened"], handle: async (e) => void seen.push(e) });
    bus.subscribe({ name: "other", types: ["test.other"], handle: async () => {} });
    const store = createStore(database.db, bus);
    await store.transaction((tx) => tx.emit(event(1)));
    await expect(
      store.transaction(async (tx) => {
        await tx.emit(event(2));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await bus.drain();
    await bus.drain();
    expect(seen.map((e) => e.payload)).toEqual([{ n: 1 }]);
    const deliveries = await deliveriesOf(database.db, [seen[0]!.id]);
    expect(deliveries.map((d) => [d.subscriber, d.status, d.attempts])).toEqual([["a", "delivered", 1]]);
  });

  it("retries a failing subscriber and delivers an event committed before a crash", async () => {
    // A process that commits and dies before it dispatches: its bus never runs.
    const crashed = createEventBus(database.db);
    await createStore(database.db, crashed).transaction((tx) => tx.emit({ ...event(3), type: "test.retry" }));

    let calls = 0;
    const bus = createEventBus(database.db, { backoffSeconds: () => 0 });
    bus.subscribe({
      name: "flaky",
      types: ["test.retry"],
      handle: async () => {
        calls++;
        if (calls < 3) throw new Error("server down");
      },
    });
    await bus.drain();
    expect(calls).toBe(3);
    const [row] = await database.db.select().from(domainEvents).where(eq(domainEvents.type, "test.retry"));
    const [delivery] = await deliveriesOf(database.db, [row!.id]);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastError: null });
  });
});
