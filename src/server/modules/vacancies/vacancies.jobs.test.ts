import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { openTestDatabase } from "../../../../test/support/server";
import type { Database, Db } from "../../platform/db";
import { createEventBus, type EventBus } from "../../platform/events";
import { createJobs } from "../../platform/jobs";
import { createMailer } from "../../platform/mail";
import { mailOutbox } from "../../platform/mail.schema";
import { createStore } from "../../platform/store";
import { memberships, organisations, portals, users } from "../tenancy/tenancy.schema";
import { registerVacancySubscribers } from "./vacancies.events";
import {
  CLOSED_COMMENT,
  registerVacancyJobs,
  runVacancyPublication,
  VACANCY_PUBLICATION_JOB,
  type VacancyJobDeps,
} from "./vacancies.jobs";
import { vacancies, vacancyHistory } from "./vacancies.schema";

const PUBLIC_URL = "http://localhost:3000";
// 10:00 in Amsterdam on 22 November 2026 (the demo data's "today").
const NOW = new Date("2026-11-22T09:00:00Z");
const TODAY = "2026-11-22";
const YESTERDAY = "2026-11-21";

type NewVacancy = typeof vacancies.$inferInsert;

describe.each(testDbKinds())("vacancy publication job on %s", (kind) => {
  let database: Database;
  let db: Db;
  let deps: VacancyJobDeps;
  // The job writes events; the owner's mail is sent by their subscriber once they are delivered.
  let events: EventBus;
  let organisationId: string;
  let portalId: string;
  let portalSlug: string;
  const ENGLISH_OWNER = "demo-jury";
  const DUTCH_CONTACT = "demo-werkgever";
  let englishEmail: string;
  let dutchEmail: string;

  async function insertVacancy(values: Partial<NewVacancy> & { displayTitle: string }): Promise<string> {
    const [row] = await db
      .insert(vacancies)
      .values({ organisationId, portalId, title: "Medewerker", ...values })
      .returning({ id: vacancies.id });
    return row!.id;
  }

  const history = (id: string) =>
    db.select().from(vacancyHistory).where(eq(vacancyHistory.vacancyId, id)).orderBy(vacancyHistory.at);
  const vacancy = async (id: string) => (await db.select().from(vacancies).where(eq(vacancies.id, id)))[0]!;
  const mailsTo = (email: string, title: string) =>
    db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, email), like(mailOutbox.subject, `%${title}%`)));

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    events = createEventBus(db);
    const store = createStore(db, events);
    const mailer = createMailer({ MAIL_FROM: "Werkbrug <noreply@test>" }, db);
    registerVacancySubscribers(events, { store, mailer, publicUrl: PUBLIC_URL });
    deps = { store };
    const [membership] = await db
      .select({ organisationId: organisations.id, portalId: organisations.homePortalId, slug: portals.slug })
      .from(memberships)
      .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
      .innerJoin(portals, eq(portals.id, organisations.homePortalId))
      .where(eq(memberships.userId, DUTCH_CONTACT));
    organisationId = membership!.organisationId;
    portalId = membership!.portalId;
    portalSlug = membership!.slug;
    const people = await db
      .select({ id: users.id, email: users.email, locale: users.locale })
      .from(users)
      .where(inArray(users.id, [ENGLISH_OWNER, DUTCH_CONTACT]));
    const byId = new Map(people.map((p) => [p.id, p]));
    expect(byId.get(ENGLISH_OWNER)?.locale).toBe("en");
    expect(byId.get(DUTCH_CONTACT)?.locale).toBe("nl");
    englishEmail = byId.get(ENGLISH_OWNER)!.email;
    dutchEmail = byId.get(DUTCH_CONTACT)!.email;
  });

  afterAll(async () => {
    await database?.close();
  });

  it("closes a vacancy past its closing date once, with history and one mail in the owner's language", async () => {
    const owned = await insertVacancy({
      displayTitle: "Tuinder gezocht (owner)",
      status: "published",
      publishPortalFrom: "2026-10-01",
      closesOn: YESTERDAY,
      ownerUserId: ENGLISH_OWNER,
      contactUserId: DUTCH_CONTACT,
    });
    const contactOnly = await insertVacancy({
      displayTitle: "Kasmedewerker (contact)",
      status: "published",
      publishPortalFrom: "2026-10-01",
      closesOn: YESTERDAY,
      contactUserId: DUTCH_CONTACT,
    });
    const lastDay = await insertVacancy({
      displayTitle: "Heftruckchauffeur (laatste dag)",
      status: "published",
      publishPortalFrom: "2026-10-01",
      closesOn: TODAY,
      ownerUserId: ENGLISH_OWNER,
    });

    // Two runs at the same moment, as two processes would: each vacancy is closed by one.
    const [a, b] = await Promise.all([runVacancyPublication(deps, NOW), runVacancyPublication(deps, NOW)]);
    await events.drain();
    expect([...a.closed, ...b.closed].filter((id) => id === owned)).toHaveLength(1);
    expect([...a.closed, ...b.closed].filter((id) => id === contactOnly)).toHaveLength(1);
    expect(a.today).toBe(TODAY);

    const closedRow = await vacancy(owned);
    expect(closedRow.status).toBe("closed");
    expect(closedRow.updatedAt.getTime()).toBe(NOW.getTime());
    expect((await vacancy(lastDay)).status).toBe("published");

    const closedHistory = (await history(owned)).filter((h) => h.action === "closed");
    expect(closedHistory).toHaveLength(1);
    expect(closedHistory[0]).toMatchObject({
      userId: null,
      changes: { status: ["published", "closed"] },
      comment: CLOSED_COMMENT,
    });

    const english = await mailsTo(englishEmail, "Tuinder gezocht (owner)");
    expect(english).toHaveLength(1);
    expect(english[0]!.subject).toBe('Your vacancy "Tuinder gezocht (owner)" has closed');
    expect(english[0]!.text).toContain("21 November 2026");
    expect(english[0]!.text).toContain(`http://${portalSlug}.localhost:3000/vacaturebeheer/${owned}`);
    expect(english[0]!.html).toContain(`/vacaturebeheer/${owned}`);
    // The owner is written to, not the contact person.
    expect(await mailsTo(dutchEmail, "Tuinder gezocht (owner)")).toHaveLength(0);

    const dutch = await mailsTo(dutchEmail, "Kasmedewerker (contact)");
    expect(dutch).toHaveLength(1);
    expect(dutch[0]!.subject).toBe('Je vacature "Kasmedewerker (contact)" is gesloten');
    expect(dutch[0]!.text).toContain("21 november 2026");
    expect(dutch[0]!.text).toContain("Vacature bekijken");

    // A later run finds nothing left to do and sends nothing.
    const outboxBefore = await db.$count(mailOutbox);
    const historyBefore = await db.$count(vacancyHistory);
    const again = await runVacancyPublication(deps, new Date(NOW.getTime() + 5 * 60_000));
    await events.drain();
    expect(again).toMatchObject({ closed: [], announced: [], mailed: 0 });
    expect(await db.$count(mailOutbox)).toBe(outboxBefore);
    expect(await db.$count(vacancyHistory)).toBe(historyBefore);
  });

  it("announces each audience once, on the day it becomes visible", async () => {
    const id = await insertVacancy({
      displayTitle: "Planner binnendienst",
      status: "published",
      publishOrganisationFrom: "2026-11-15",
      publishPortalFrom: TODAY,
      publishAllPortalsFrom: "2026-11-25",
      publishPublicFrom: null,
      closesOn: "2026-12-31",
    });
    const first = await runVacancyPublication(deps, NOW);
    expect(first.announced.filter((a) => a.vacancyId === id).map((a) => a.audience)).toEqual([
      "organisation",
      "portal",
    ]);
    expect((await vacancy(id)).announcedAudiences).toEqual(["organisation", "portal"]);

    const second = await runVacancyPublication(deps, new Date(NOW.getTime() + 60 * 60_000));
    expect(second.announced.filter((a) => a.vacancyId === id)).toEqual([]);

    // Three days later the wider audience's date arrives.
    const later = await runVacancyPublication(deps, new Date("2026-11-25T06:00:00Z"));
    expect(later.announced.filter((a) => a.vacancyId === id).map((a) => a.audience)).toEqual(["all_portals"]);
    expect((await vacancy(id)).announcedAudiences).toEqual(["organisation", "portal", "all_portals"]);

    const published = (await history(id)).filter((h) => h.action === "published_to");
    expect(published.map((h) => h.changes)).toEqual([
      { audience: [null, "organisation"] },
      { audience: [null, "portal"] },
      { audience: [null, "all_portals"] },
    ]);
    expect(published.every((h) => h.userId === null)).toBe(true);
  });

  it("leaves drafts and archived vacancies alone, whatever their dates", async () => {
    const dates = {
      publishOrganisationFrom: "2026-10-01",
      publishPortalFrom: "2026-10-01",
      publishPublicFrom: "2026-10-01",
      closesOn: YESTERDAY,
      ownerUserId: ENGLISH_OWNER,
    };
    const draft = await insertVacancy({ displayTitle: "Conceptvacature", status: "draft", ...dates });
    const archived = await insertVacancy({ displayTitle: "Gearchiveerd", status: "archived", ...dates });
    const draftBefore = await vacancy(draft);
    const run = await runVacancyPublication(deps, NOW);
    await events.drain();
    expect(run.closed).not.toContain(draft);
    expect(run.closed).not.toContain(archived);
    for (const id of [draft, archived]) {
      const row = await vacancy(id);
      expect(row.announcedAudiences).toEqual([]);
      expect(await history(id)).toEqual([]);
    }
    expect((await vacancy(draft)).updatedAt).toEqual(draftBefore.updatedAt);
    expect((await vacancy(draft)).status).toBe("draft");
    expect((await vacancy(archived)).status).toBe("archived");
    expect(await mailsTo(englishEmail, "Conceptvacature")).toHaveLength(0);
  });

  it("is registered as a five-minute cron job that runs the sweep", async () => {
    const jobs = createJobs(database, { log: () => {} });
    await registerVacancyJobs(jobs, deps);
    const id = await insertVacancy({
      displayTitle: "Via de job",
      status: "published",
      publishPortalFrom: "2020-01-01",
      closesOn: "2020-12-31",
      ownerUserId: ENGLISH_OWNER,
    });
    // runNow uses the real clock: 2020 is long past.
    await jobs.runNow(VACANCY_PUBLICATION_JOB);
    await events.drain();
    expect((await vacancy(id)).status).toBe("closed");
    expect(await mailsTo(englishEmail, "Via de job")).toHaveLength(1);
  });
});
