import { and, asc, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { CreateVacancyRequest, Vacancy } from "../../../contracts/vacancies";
import { createEventBus } from "../../platform/events";
import { domainEvents, eventDeliveries } from "../../platform/events.schema";
import type { Mailer } from "../../platform/mail";
import { mailOutbox } from "../../platform/mail.schema";
import { createStore } from "../../platform/store";
import { organisations, users } from "../tenancy/tenancy.schema";
import { todayIn } from "./publication";
import { registerVacancySubscribers } from "./vacancies.events";
import { runVacancyPublication } from "./vacancies.jobs";
import { vacancies, vacancyHistory } from "./vacancies.schema";

// 10:00 in Amsterdam on 22 November 2026 (the demo data's "today").
const NOW = new Date("2026-11-22T09:00:00Z");

describe.each(testDbKinds())("vacancy events on %s", (kind) => {
  let server: TestServer;
  let employer: Client;
  let westlandId: string;
  let employerUserId: string;

  const eventsOf = (vacancyId: string) =>
    server.database.db
      .select()
      .from(domainEvents)
      .where(sql`${domainEvents.subject}->>'vacancyId' = ${vacancyId}`)
      .orderBy(asc(domainEvents.seq));

  const body = (overrides: Partial<CreateVacancyRequest> = {}): CreateVacancyRequest => ({
    organisationId: westlandId,
    displayTitle: "Heftruckchauffeur in de kas",
    functionTitle: "Heftruckchauffeur",
    description: "Je rijdt heftruck.",
    occupationId: "9333.8",
    educationLevel: "vmbo-bb",
    kind: "vacancy",
    hoursMin: 24,
    hoursMax: 32,
    positions: 1,
    workAddress: null,
    serviceModel: "together",
    contactVia: "employer",
    publication: { portalFrom: todayIn(), closesOn: todayIn(new Date(Date.now() + 30 * 86_400_000)) },
    ...overrides,
  });

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    // The tests deliver the events themselves (drain), so nothing happens behind their back.
    await server.app.events.stop();
    const { db } = server.database;
    const [westland] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Westland Logistiek B.V."));
    westlandId = westland!.id;
    const [user] = await db.select().from(users).where(eq(users.email, "werkgever@demo.werkbrug.test"));
    employerUserId = user!.id;
    employer = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(employer, "werkgever@demo.werkbrug.test");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it("writes an event with every change, beside its history entry", async () => {
    const created = await employer.call("/api/v1/vacancies", { body: body() });
    expect(created.status, created.text).toBe(201);
    const vacancy = created.json<{ vacancy: Vacancy }>().vacancy;
    const patched = await employer.call(`/api/v1/vacancies/${vacancy.id}`, {
      method: "PATCH",
      body: { hoursMax: 36 },
    });
    expect(patched.status, patched.text).toBe(200);
    const published = await employer.call(`/api/v1/vacancies/${vacancy.id}/transitions`, {
      body: { action: "publish", comment: null },
    });
    expect(published.status, published.text).toBe(200);
    const archived = await employer.call(`/api/v1/vacancies/${vacancy.id}/transitions`, {
      body: { action: "archive", comment: "Vervuld" },
    });
    expect(archived.status, archived.text).toBe(200);

    const events = await eventsOf(vacancy.id);
    expect(events.map((e) => e.type)).toEqual([
      "vacancy.created",
      "vacancy.updated",
      "vacancy.published",
      "vacancy.archived",
    ]);
    for (const e of events) {
      expect(e).toMatchObject({
        organisationId: westlandId,
        subject: { vacancyId: vacancy.id },
        actorUserId: employerUserId,
      });
      expect(e.portalId).toBeTruthy();
    }
    expect(events[0]!.payload).toMatchObject({
      displayTitle: "Heftruckchauffeur in de kas",
      status: "draft",
      changes: { hoursMax: [null, 32] },
    });
    expect(events[1]!.payload).toMatchObject({ action: "updated", changes: { hoursMax: [32, 36] } });
    expect(events[2]!.payload).toMatchObject({ status: "published", previousStatus: "draft" });
    expect(events[3]!.payload).toMatchObject({
      status: "archived",
      previousStatus: "published",
      comment: "Vervuld",
    });
    // Each change is recorded in the history as well (written with it, in the same transaction).
    const history = await server.database.db
      .select()
      .from(vacancyHistory)
      .where(eq(vacancyHistory.vacancyId, vacancy.id));
    expect(history.map((h) => h.action).sort()).toEqual(["archived", "created", "published", "updated"]);

    const removed = await employer.call(`/api/v1/vacancies/${vacancy.id}?confirm=true`, { method: "DELETE" });
    expect(removed.status, removed.text).toBe(204);
    const after = await eventsOf(vacancy.id);
    expect(after.at(-1)).toMatchObject({ type: "vacancy.deleted", payload: { previousStatus: "archived" } });
  });

  it("writes no event for a change that is refused, and none for one that changes nothing", async () => {
    const vacancy = (await employer.call("/api/v1/vacancies", { body: body() })).json<{ vacancy: Vacancy }>()
      .vacancy;
    const refused = await employer.call(`/api/v1/vacancies/${vacancy.id}`, {
      method: "PATCH",
      body: { hoursMin: 40 },
    });
    expect(refused.status).toBe(400);
    const same = await employer.call(`/api/v1/vacancies/${vacancy.id}`, {
      method: "PATCH",
      body: { hoursMax: 32 },
    });
    expect(same.status).toBe(200);
    expect((await eventsOf(vacancy.id)).map((e) => e.type)).toEqual(["vacancy.created"]);
  });

  it("mails the owner of a vacancy the job closed once the events are delivered", async () => {
    const { db } = server.database;
    const [row] = await db
      .insert(vacancies)
      .values({
        organisationId: westlandId,
        portalId: await portalOf(westlandId),
        title: "Kasmedewerker",
        displayTitle: "Kasmedewerker (sluit vandaag)",
        status: "published",
        publishPortalFrom: "2026-10-01",
        closesOn: "2026-11-21",
        ownerUserId: employerUserId,
      })
      .returning({ id: vacancies.id });
    const mails = () =>
      db
        .select()
        .from(mailOutbox)
        .where(
          and(
            eq(mailOutbox.to, "werkgever@demo.werkbrug.test"),
            like(mailOutbox.subject, "%Kasmedewerker (sluit vandaag)%"),
          ),
        );

    // The job writes through a store whose events go to the app's bus.
    const run = await runVacancyPublication({ store: createStore(db, server.app.events) }, NOW);
    expect(run.closed).toContain(row!.id);
    expect(await eventsOf(row!.id)).toMatchObject([
      {
        type: "vacancy.closed",
        actorUserId: null,
        payload: { reason: "closing_date", previousStatus: "published" },
      },
    ]);
    expect(await mails()).toHaveLength(0);

    await server.app.events.drain();
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('Je vacature "Kasmedewerker (sluit vandaag)" is gesloten');
    expect(sent[0]!.text).toContain(`/vacaturebeheer/${row!.id}`);
    // Delivered once: draining again sends nothing more.
    await server.app.events.drain();
    expect(await mails()).toHaveLength(1);
  });

  it("tries the closing mail again when sending fails", async () => {
    const { db } = server.database;
    const [row] = await db
      .insert(vacancies)
      .values({
        organisationId: westlandId,
        portalId: await portalOf(westlandId),
        title: "Teeltmedewerker",
        displayTitle: "Teeltmedewerker (mailserver weg)",
        status: "published",
        publishPortalFrom: "2026-10-01",
        closesOn: "2026-11-21",
        ownerUserId: employerUserId,
      })
      .returning({ id: vacancies.id });
    // A bus of its own, whose mail server refuses once and then accepts.
    const bus = createEventBus(db, { backoffSeconds: () => 0 });
    const sent: string[] = [];
    let refusals = 1;
    const mailer: Mailer = {
      transport: "smtp",
      async send(message) {
        if (refusals-- > 0) throw new Error("connection refused");
        sent.push(message.subject);
      },
    };
    const store = createStore(db, bus);
    registerVacancySubscribers(bus, { store, mailer, publicUrl: "http://localhost:3000" });
    await runVacancyPublication({ store }, NOW);
    await bus.drain();
    await bus.drain();
    expect(sent).toEqual(['Je vacature "Teeltmedewerker (mailserver weg)" is gesloten']);
    const [closed] = await eventsOf(row!.id);
    const deliveries = await db
      .select()
      .from(eventDeliveries)
      .where(
        and(eq(eventDeliveries.eventId, closed!.id), eq(eventDeliveries.subscriber, "vacancies.closed-mail")),
      );
    expect(deliveries).toMatchObject([{ status: "delivered", attempts: 2 }]);
  });

  async function portalOf(organisationId: string): Promise<string> {
    const [org] = await server.database.db
      .select({ portalId: organisations.homePortalId })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    return org!.portalId;
  }
});
