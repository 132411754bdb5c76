import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../test/support/databases";
import { openTestDatabase } from "../../../test/support/server";
import { startSmtpServer } from "../../../test/support/smtp";
import type { Database } from "./db";
import { createEventBus, type DomainEvent, EVENTS_DISPATCH_JOB, scheduleEventDispatch } from "./events";
import { deliveriesOf } from "./events.repository";
import { domainEvents } from "./events.schema";
import { createJobs } from "./jobs";
import { createMailer } from "./mail";
import { mailOutbox } from "./mail.schema";
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

  it("keeps an event nobody subscribes to as a record, without waking the dispatcher", async () => {
    const bus = createEventBus(database.db);
    bus.subscribe({ name: "wants-other", types: ["test.wanted"], handle: async () => {} });
    let wakeUps = 0;
    const committed = bus.committed.bind(bus);
    bus.committed = () => {
      wakeUps++;
      committed();
    };
    bus.start();
    try {
      const store = createStore(database.db, bus);
      await store.transaction((tx) => tx.emit({ ...event(7), type: "test.unwanted" }));
      expect(wakeUps).toBe(0);
      const [row] = await database.db
        .select()
        .from(domainEvents)
        .where(eq(domainEvents.type, "test.unwanted"));
      expect(row?.fannedOutAt).not.toBeNull();
      expect(await deliveriesOf(database.db, [row!.id])).toEqual([]);
      await store.transaction((tx) => tx.emit({ ...event(8), type: "test.wanted" }));
      expect(wakeUps).toBe(1);
    } finally {
      await bus.stop();
    }
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

  it("mails once per event into the outbox table even when the delivery is retried", async () => {
    const mailer = createMailer({ MAIL_FROM: "Werkbrug <noreply@werkbrug.test>" }, database.db);
    const bus = createEventBus(database.db, { backoffSeconds: () => 0 });
    let calls = 0;
    bus.subscribe({
      name: "mail-then-fail",
      types: ["test.mail"],
      async handle() {
        calls++;
        await mailer.send({ to: "een@voorbeeld.nl", subject: "Eén keer", text: "hallo" });
        await mailer.send({ to: "twee@voorbeeld.nl", subject: "Eén keer", text: "hallo" });
        // The answer is lost after the mail went out (a crash, a timeout): the bus tries again.
        if (calls < 3) throw new Error("lost the answer");
      },
    });
    await createStore(database.db, bus).transaction((tx) => tx.emit({ ...event(4), type: "test.mail" }));
    await bus.drain();
    expect(calls).toBe(3);
    const rows = await database.db.select().from(mailOutbox).where(eq(mailOutbox.subject, "Eén keer"));
    expect(rows.map((r) => r.to).sort()).toEqual(["een@voorbeeld.nl", "twee@voorbeeld.nl"]);
  });

  it("gives a retried SMTP mail the same Message-ID, and two buses deliver an event once", async () => {
    const smtp = await startSmtpServer();
    try {
      const mailer = createMailer(
        { SMTP_URL: smtp.url, MAIL_FROM: "Werkbrug <noreply@werkbrug.test>" },
        database.db,
      );
      const subscriber = (failFirst: boolean) => {
        let calls = 0;
        return {
          name: "smtp-mail",
          types: ["test.smtp"] as const,
          async handle(e: DomainEvent) {
            calls++;
            await mailer.send({
              to: `n${String(e.payload.n)}@voorbeeld.nl`,
              subject: "Hallo",
              text: "hallo",
            });
            if (failFirst && calls === 1) throw new Error("lost the answer");
          },
        };
      };
      const one = createEventBus(database.db, { backoffSeconds: () => 0 });
      const two = createEventBus(database.db, { backoffSeconds: () => 0 });
      one.subscribe(subscriber(true));
      two.subscribe(subscriber(false));
      const store = createStore(database.db, one);
      for (const n of [10, 11, 12, 13, 14])
        await store.transaction((tx) => tx.emit({ ...event(n), type: "test.smtp" }));
      await Promise.all([one.drain(), two.drain(), one.drain(), two.drain()]);
      const byTo = new Map<string, string[]>();
      for (const m of smtp.received)
        for (const to of m.to) byTo.set(to, [...(byTo.get(to) ?? []), m.messageId!]);
      expect([...byTo.keys()].sort()).toEqual([10, 11, 12, 13, 14].map((n) => `n${n}@voorbeeld.nl`));
      // Only the one delivery whose answer was lost went out twice, both times as the same message.
      const repeated = [...byTo.values()].filter((ids) => ids.length > 1);
      expect(repeated.length).toBeLessThanOrEqual(1);
      for (const ids of repeated) expect(new Set(ids).size).toBe(1);
      expect(smtp.received.length).toBe(5 + repeated.reduce((n, ids) => n + ids.length - 1, 0));
    } finally {
      await smtp.close();
    }
  });

  it("is drained by the pg-boss cron job too, for a process whose bus is not running", async () => {
    const bus = createEventBus(database.db);
    const seen: DomainEvent[] = [];
    bus.subscribe({ name: "by-cron", types: ["test.cron"], handle: async (e) => void seen.push(e) });
    await createStore(database.db, bus).transaction((tx) => tx.emit({ ...event(20), type: "test.cron" }));
    const jobs = createJobs(database);
    await scheduleEventDispatch(jobs, bus);
    await jobs.runNow(EVENTS_DISPATCH_JOB);
    expect(seen.map((e) => e.payload)).toEqual([{ n: 20 }]);
  });
});
