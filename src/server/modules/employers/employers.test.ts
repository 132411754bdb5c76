import net from "node:net";
import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../test/support/databases";
import { startKvkStandIn } from "../../../../test/support/kvk-stand-in";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type {
  AccountManagerHomeResponse,
  ContactPerson,
  Employer,
  EmployerListResponse,
  RegistrySearchResponse,
} from "../../../contracts/employers";
import { domainEvents } from "../../platform/events.schema";
import { mailOutbox } from "../../platform/mail.schema";
import { DEMO_PASSWORD } from "../../seed/demo";
import { hashPassword } from "../identity";
import { accounts, memberships, organisations, portals, users } from "../tenancy/tenancy.schema";
import { vacancies, vacancyHistory } from "../vacancies/vacancies.schema";

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe.each(testDbKinds())("employers CRM on %s", (kind) => {
  let server: TestServer;
  let manager: Client; // Fatima, account manager of Gemeente Den Haag
  let agency: Client; // an account manager of WerkFit Re-integratie (same portal, other team)
  let westlandId: string;
  let duinenId: string;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const { db } = server.database;
    const byName = async (name: string) =>
      (await db.select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
    westlandId = await byName("Westland Logistiek B.V.");
    duinenId = await byName("Zorgcentrum De Duinen");
    const werkfit = await byName("WerkFit Re-integratie");
    await db.insert(users).values({
      id: "test-werkfit-am",
      name: "Willem WerkFit",
      email: "willem@werkfit.test",
      emailVerified: true,
      twoFactorEnabled: false,
    });
    await db.insert(accounts).values({
      id: "test-werkfit-credential",
      userId: "test-werkfit-am",
      accountId: "test-werkfit-am",
      providerId: "credential",
      password: await hashPassword(DEMO_PASSWORD),
    });
    await db
      .insert(memberships)
      .values({ userId: "test-werkfit-am", role: "account_manager", organisationId: werkfit });
    manager = new Client(server, `haaglanden.localhost:${server.port}`);
    agency = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    // Staff without a second factor are held at the set-up page; give this one the demo TOTP.
    const [totp] = await db.select().from(users).where(eq(users.email, "accountmanager@demo.werkbrug.test"));
    expect(totp).toBeDefined();
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function agencyClient(): Promise<Client> {
    // The WerkFit account manager has no second factor: enable it the way the demo users have it.
    const { db } = server.database;
    const { twoFactors } = await import("../identity/identity.schema");
    const [demo] = await db.select().from(twoFactors).where(eq(twoFactors.userId, "demo-accountmanager"));
    const existing = await db.select().from(twoFactors).where(eq(twoFactors.userId, "test-werkfit-am"));
    if (existing.length === 0) {
      await db.insert(twoFactors).values({ ...demo!, id: "test-werkfit-totp", userId: "test-werkfit-am" });
      await db.update(users).set({ twoFactorEnabled: true }).where(eq(users.id, "test-werkfit-am"));
      await signIn(agency, "willem@werkfit.test");
    }
    return agency;
  }

  it("lists my employers with contact persons and account manager, searchable on a contact's name", async () => {
    const mine = (await manager.call("/api/v1/employers?accountManager=mine")).json<EmployerListResponse>();
    expect(mine.employers.map((e) => e.name)).toEqual(["Westland Logistiek B.V.", "Zorgcentrum De Duinen"]);
    const westland = mine.employers.find((e) => e.id === westlandId)!;
    expect(westland.contacts).toEqual(["Wim van Westen", "Petra Groenewegen"]);
    expect(westland.accountManager?.name).toBe("Fatima El Amrani");
    const byContact = (await manager.call("/api/v1/employers?q=groenewegen")).json<EmployerListResponse>();
    expect(byContact.employers.map((e) => e.id)).toEqual([westlandId]);
    const none = (await manager.call("/api/v1/employers?accountManager=none")).json<EmployerListResponse>();
    expect(none.employers.every((e) => e.accountManager === null)).toBe(true);
    const desc = (await manager.call("/api/v1/employers?sort=name&order=desc")).json<EmployerListResponse>();
    expect(desc.employers[0]!.name).toBe("Zorgcentrum De Duinen");
  });

  it("keeps another team's employers out of sight unless the portal shares them, and never lets it change them", async () => {
    const other = await agencyClient();
    expect((await other.call(`/api/v1/employers/${westlandId}`)).status).toBe(404);
    expect((await other.call("/api/v1/employers")).json<EmployerListResponse>().total).toBe(0);
    const { db } = server.database;
    await db.update(portals).set({ shareEmployers: true }).where(eq(portals.slug, "haaglanden"));
    try {
      const shared = await other.call(`/api/v1/employers/${westlandId}`);
      expect(shared.status).toBe(200);
      expect(shared.json<{ employer: Employer }>().employer.permissions.edit).toBe(false);
      const change = await other.call(`/api/v1/employers/${westlandId}`, {
        method: "PATCH",
        body: { description: "overgenomen" },
      });
      expect(change.status).toBe(403);
    } finally {
      await db.update(portals).set({ shareEmployers: false }).where(eq(portals.slug, "haaglanden"));
    }
  });

  it("finds a company in the KvK register, adds it once and names the existing one the second time", async () => {
    const search = await manager.call("/api/v1/employers/registry-search?q=van%20vliet&city=Delft");
    expect(search.status, search.text).toBe(200);
    const found = search.json<RegistrySearchResponse>();
    expect(found.source).toBe("offline");
    const bakery = found.results.find((r) => r.kvkNumber === "27412345")!;
    expect(bakery).toMatchObject({ name: "Bakkerij Van Vliet B.V.", city: "Delft", registered: null });
    const byNumber = (
      await manager.call("/api/v1/employers/registry-search?q=27412345")
    ).json<RegistrySearchResponse>();
    expect(byNumber.results[0]?.name).toBe("Bakkerij Van Vliet B.V.");

    const created = await manager.call("/api/v1/employers", {
      body: {
        name: bakery.name,
        kvkNumber: bakery.kvkNumber,
        street: bakery.street,
        houseNumber: bakery.houseNumber,
        postcode: bakery.postcode,
        city: bakery.city,
      },
    });
    expect(created.status, created.text).toBe(201);
    const employer = created.json<{ employer: Employer }>().employer;
    expect(employer).toMatchObject({
      kvkNumber: "27412345",
      address: { city: "Delft" },
      accountManager: { name: "Fatima El Amrani" },
      managedBy: { name: "Gemeente Den Haag" },
    });
    const [row] = await server.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, employer.id));
    expect(row!.lat).toBeGreaterThan(51.9);

    const again = await manager.call("/api/v1/employers", {
      body: { name: "Bakkerij Van Vliet", kvkNumber: "27412345" },
      headers: { "accept-language": "nl" },
    });
    expect(again.status).toBe(409);
    const error = again.json<ErrorResponse>().error;
    expect(error.message).toContain("Bakkerij Van Vliet B.V.");
    expect(error.link).toEqual({ href: `/werkgevers/${employer.id}`, label: "Bakkerij Van Vliet B.V." });
    const marked = (
      await manager.call("/api/v1/employers/registry-search?q=27412345")
    ).json<RegistrySearchResponse>();
    expect(marked.results[0]?.registered?.id).toBe(employer.id);
  });

  it("refuses a KvK number that is not 8 digits, and allows entering an employer by hand", async () => {
    const bad = await manager.call("/api/v1/employers", {
      body: { name: "Handmatig B.V.", kvkNumber: "1234567" },
      headers: { "accept-language": "en" },
    });
    expect(bad.status).toBe(400);
    expect(bad.json<ErrorResponse>().error.fields).toEqual([
      { path: "kvkNumber", message: "A Chamber of Commerce number has 8 digits." },
    ]);
    const manual = await manager.call("/api/v1/employers", {
      body: { name: "Handmatig B.V.", kvkNumber: null, city: "Rijswijk", street: "Laan", houseNumber: "1" },
    });
    expect(manual.status, manual.text).toBe(201);
  });

  it("searches the real KvK API through its adapter when a key is configured (local stand-in)", async () => {
    const kvk = await startKvkStandIn("kvk-test-key");
    const live = await startTestServer({
      kind,
      web: false,
      env: { KVK_API_KEY: "kvk-test-key", KVK_API_URL: kvk.url },
    });
    try {
      const client = new Client(live, `haaglanden.localhost:${live.port}`);
      await signIn(client, "accountmanager@demo.werkbrug.test");
      const res = await client.call("/api/v1/employers/registry-search?q=van%20vliet&city=Delft");
      expect(res.status, res.text).toBe(200);
      const body = res.json<RegistrySearchResponse>();
      expect(body.source).toBe("kvk");
      expect(body.results.map((r) => r.kvkNumber)).toContain("27412345");
      expect(kvk.requests.some((r) => r.apikey === "kvk-test-key" && r.query.naam === "van vliet")).toBe(
        true,
      );
    } finally {
      await live.close();
      await kvk.close();
    }
  });

  it("says clearly when the register cannot be reached, and manual entry still works", async () => {
    const offline = await startTestServer({
      kind,
      web: false,
      env: { KVK_API_KEY: "test-key", KVK_API_URL: `http://127.0.0.1:${await closedPort()}` },
    });
    try {
      const client = new Client(offline, `haaglanden.localhost:${offline.port}`);
      await signIn(client, "accountmanager@demo.werkbrug.test");
      const res = await client.call("/api/v1/employers/registry-search?q=bakkerij", {
        headers: { "accept-language": "nl" },
      });
      expect(res.status).toBe(503);
      expect(res.json<ErrorResponse>().error.message).toBe(
        "Het KvK-register is nu niet bereikbaar. Vul de gegevens van de werkgever zelf in.",
      );
      const manual = await client.call("/api/v1/employers", {
        body: { name: "Zonder KvK B.V.", city: "Delft" },
      });
      expect(manual.status).toBe(201);
    } finally {
      await offline.close();
    }
  });

  it("adds, invites, revokes and deletes a contact; archives only without access; deletes only from the archive", async () => {
    const created = (
      await manager.call("/api/v1/employers", {
        body: { name: "Kwekerij Zonnegloed B.V.", kvkNumber: "27456789", city: "Naaldwijk" },
      })
    ).json<{ employer: Employer }>().employer;
    const id = created.id;
    const contactRes = await manager.call(`/api/v1/employers/${id}/contacts`, {
      body: {
        name: "Sanne Zonneveld",
        email: "Sanne@Zonnegloed.test",
        phone: "0174 555 123",
        notes: "Bellen na 10 uur",
        mayManageVacancies: true,
        language: "en",
      },
    });
    expect(contactRes.status, contactRes.text).toBe(201);
    const contact = contactRes.json<{ contact: ContactPerson }>().contact;
    expect(contact).toMatchObject({
      email: "sanne@zonnegloed.test",
      language: "en",
      access: { status: "none" },
    });
    const badPhone = await manager.call(`/api/v1/employers/${id}/contacts`, {
      body: { name: "X Y", phone: "bel me" },
    });
    expect(badPhone.status).toBe(400);

    const vacancy = await manager.call("/api/v1/vacancies", {
      body: {
        organisationId: id,
        displayTitle: "Teeltmedewerker",
        functionTitle: "Teeltmedewerker",
        workAddress: null,
      },
    });
    expect(vacancy.status, vacancy.text).toBe(201);
    const vacancyId = vacancy.json<{ vacancy: { id: string } }>().vacancy.id;

    const invited = await manager.call(`/api/v1/employers/${id}/contacts/${contact.id}/invite`, {
      body: { personalMessage: "Welkom! Zo kun je zelf kandidaten bekijken." },
    });
    expect(invited.status, invited.text).toBe(200);
    expect(invited.json<{ contact: ContactPerson }>().contact.access.status).toBe("invited");
    await server.app.events.drain();
    const mails = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "sanne@zonnegloed.test"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/invit/i);
    // A German-speaking contact is invited in German.
    const klaus = (
      await manager.call(`/api/v1/employers/${id}/contacts`, {
        body: { name: "Klaus Weber", email: "klaus@zonnegloed.test", language: "de" },
      })
    ).json<{ contact: ContactPerson }>().contact;
    await manager.call(`/api/v1/employers/${id}/contacts/${klaus.id}/invite`, {
      body: { personalMessage: null },
    });
    await server.app.events.drain();
    const [german] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "klaus@zonnegloed.test"));
    expect(german!.subject).toBe("Sie sind zu Werkbrug Haaglanden eingeladen");
    await manager.call(`/api/v1/employers/${id}/contacts/${klaus.id}/revoke`, { method: "POST" });

    const blocked = await manager.call(`/api/v1/employers/${id}/archive`, {
      method: "POST",
      headers: { "accept-language": "nl" },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.json<ErrorResponse>().error.message).toBe(
      "Trek eerst de toegang in van: Sanne Zonneveld.",
    );
    const deleteContact = await manager.call(`/api/v1/employers/${id}/contacts/${contact.id}`, {
      method: "DELETE",
    });
    expect(deleteContact.status).toBe(409);

    const revoked = await manager.call(`/api/v1/employers/${id}/contacts/${contact.id}/revoke`, {
      method: "POST",
    });
    expect(revoked.json<{ contact: ContactPerson }>().contact.access.status).toBe("revoked");

    const deleteActive = await manager.call(`/api/v1/employers/${id}?confirm=true`, { method: "DELETE" });
    expect(deleteActive.status).toBe(409);

    const archived = await manager.call(`/api/v1/employers/${id}/archive`, { method: "POST" });
    expect(archived.status, archived.text).toBe(200);
    expect(archived.json<{ employer: Employer }>().employer.archived).toBe(true);
    const [v] = await server.database.db.select().from(vacancies).where(eq(vacancies.id, vacancyId));
    expect(v!.status).toBe("archived");
    const active = (await manager.call("/api/v1/employers?q=zonnegloed")).json<EmployerListResponse>();
    expect(active.total).toBe(0);
    const inArchive = (
      await manager.call("/api/v1/employers?q=zonnegloed&archive=archived")
    ).json<EmployerListResponse>();
    expect(inArchive.employers.map((e) => e.id)).toEqual([id]);

    const unconfirmed = await manager.call(`/api/v1/employers/${id}`, { method: "DELETE" });
    expect(unconfirmed.status).toBe(400);
    expect((await manager.call(`/api/v1/employers/${id}?confirm=true`, { method: "DELETE" })).status).toBe(
      204,
    );
    expect((await manager.call(`/api/v1/employers/${id}`)).status).toBe(404);
    expect(await server.database.db.select().from(vacancies).where(eq(vacancies.id, vacancyId))).toEqual([]);
  });

  it("will not archive while a contact person has access, and revoking ends that access", async () => {
    const blocked = await manager.call(`/api/v1/employers/${westlandId}/archive`, {
      method: "POST",
      headers: { "accept-language": "en" },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.json<ErrorResponse>().error.message).toBe("First revoke the access of: Wim van Westen.");
    const detail = (await manager.call(`/api/v1/employers/${westlandId}`)).json<{ employer: Employer }>()
      .employer;
    const wim = detail.contacts.find((c) => c.name === "Wim van Westen")!;
    expect(wim.access.status).toBe("active");
  });

  it("assigns another account manager", async () => {
    const options = (await manager.call("/api/v1/employers/account-managers")).json<{
      accountManagers: { id: string; name: string }[];
    }>().accountManagers;
    const bram = options.find((o) => o.name === "Bram Beheerder")!;
    expect(bram).toBeDefined();
    const res = await manager.call(`/api/v1/employers/${duinenId}/account-manager`, {
      method: "PUT",
      body: { userId: bram.id },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json<{ employer: Employer }>().employer.accountManager?.name).toBe("Bram Beheerder");
    const refused = await manager.call(`/api/v1/employers/${duinenId}/account-manager`, {
      method: "PUT",
      body: { userId: "demo-werkgever" },
    });
    expect(refused.status).toBe(400);
    await manager.call(`/api/v1/employers/${duinenId}/account-manager`, {
      method: "PUT",
      body: { userId: "demo-accountmanager" },
    });
  });

  it("downloads the activity overview as xlsx and csv with a row per account manager and contact person", async () => {
    const xlsx = await manager.call("/api/v1/employers/activity.xlsx", {
      headers: { "accept-language": "nl" },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(xlsx.headers["content-disposition"]).toMatch(/^attachment; filename="activiteiten-/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      xlsx.body.buffer.slice(
        xlsx.body.byteOffset,
        xlsx.body.byteOffset + xlsx.body.byteLength,
      ) as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet("Activiteiten")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual(["Naam", "E-mail", "Rol", "Organisatie", "Laatst ingelogd"]);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    const fatima = rows.find((r) => r[0] === "Fatima El Amrani")!;
    expect(fatima.slice(1, 4)).toEqual([
      "accountmanager@demo.werkbrug.test",
      "Accountmanager",
      "Gemeente Den Haag",
    ]);
    expect(fatima[4]).toBeInstanceOf(Date);
    expect(rows.find((r) => r[0] === "Petra Groenewegen")?.slice(2, 4)).toEqual([
      "Contactpersoon",
      "Westland Logistiek B.V.",
    ]);
    const csv = await manager.call("/api/v1/employers/activity.csv", {
      headers: { "accept-language": "en" },
    });
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Name;E-mail;Role;Organisation;Last signed in;/);
    expect(
      lines.some((l) =>
        l.startsWith("Petra Groenewegen;p.groenewegen@westland-logistiek.test;Contact person;"),
      ),
    ).toBe(true);
    expect(lines).toHaveLength(rows.length + 1);
  });

  it("shows the account manager's home with what changed since the last visit", async () => {
    const first = (await manager.call("/api/v1/employers/home")).json<AccountManagerHomeResponse>();
    expect(first.employers.map((e) => e.name)).toContain("Westland Logistiek B.V.");
    expect(first.vacancies.length).toBeGreaterThan(0);
    const employer = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(employer, "werkgever@demo.werkbrug.test");
    const made = await employer.call("/api/v1/vacancies", {
      body: {
        organisationId: westlandId,
        displayTitle: "Nieuwe planner",
        functionTitle: "Planner",
        workAddress: null,
      },
    });
    expect(made.status).toBe(201);
    const second = (await manager.call("/api/v1/employers/home")).json<AccountManagerHomeResponse>();
    expect(second.lastVisitAt).not.toBeNull();
    expect(second.changes).toContainEqual(
      expect.objectContaining({
        title: "Nieuwe planner",
        actions: ["created"],
        actors: ["Wim van Westen"],
        closed: false,
      }),
    );
    const third = (await manager.call("/api/v1/employers/home")).json<AccountManagerHomeResponse>();
    expect(third.changes).toEqual([]);
  });

  it("lists each changed vacancy once, with all that changed, and marks closed ones", async () => {
    const { db } = server.database;
    const employer = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(employer, "werkgever@demo.werkbrug.test");
    const made = await employer.call("/api/v1/vacancies", {
      body: {
        organisationId: westlandId,
        displayTitle: "Teamleider kas",
        functionTitle: "Teamleider",
        workAddress: null,
      },
    });
    expect(made.status, made.text).toBe(201);
    const vacancyId = made.json<{ vacancy: { id: string } }>().vacancy.id;
    const open = await employer.call("/api/v1/vacancies", {
      body: {
        organisationId: westlandId,
        displayTitle: "Heftruckchauffeur",
        functionTitle: "Chauffeur",
        workAddress: null,
      },
    });
    expect(open.status, open.text).toBe(201);
    // The publication job writes a row per audience that can see it; then it closed.
    const later = (seconds: number) => new Date(Date.now() + seconds * 1000);
    await db.insert(vacancyHistory).values(
      [1, 2, 3].map((seconds) => ({
        vacancyId,
        organisationId: westlandId,
        userId: null,
        action: "published_to",
        changes: {},
        at: later(seconds),
      })),
    );
    await db.insert(vacancyHistory).values({
      vacancyId,
      organisationId: westlandId,
      userId: "demo-werkgever",
      action: "closed",
      at: later(4),
    });
    await db.update(vacancies).set({ status: "closed" }).where(eq(vacancies.id, vacancyId));

    const home = (await manager.call("/api/v1/employers/home")).json<AccountManagerHomeResponse>();
    const rows = home.changes.filter((c) => c.vacancyId === vacancyId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      title: "Teamleider kas",
      link: `/vacaturebeheer/${vacancyId}`,
      actions: ["closed", "published_to", "created"],
      actors: ["Wim van Westen"],
      applications: 0,
      closed: true,
    });
    expect(Date.parse(rows[0]!.at)).toBeGreaterThan(Date.now());
    // One row per vacancy in the whole list, newest change first; the open one is not marked.
    const ids = home.changes.map((c) => c.vacancyId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 2)).toEqual([vacancyId, open.json<{ vacancy: { id: string } }>().vacancy.id]);
    expect(home.changes.find((c) => c.title === "Heftruckchauffeur")?.closed).toBe(false);
  });

  it("lets an account manager of another organisation neither read nor change this team's employer", async () => {
    const other = await agencyClient();
    const { db } = server.database;
    const [before] = await db.select().from(organisations).where(eq(organisations.id, westlandId));
    // Earlier tests changed Westland (a vacancy, contacts): only what these attempts write counts.
    const eventsBefore = await db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.organisationId, westlandId));
    const westland = (await manager.call(`/api/v1/employers/${westlandId}`)).json<{ employer: Employer }>()
      .employer;
    const contactId = westland.contacts[0]!.id;
    const attempts = () => [
      other.call(`/api/v1/employers/${westlandId}`, {
        method: "PATCH",
        body: { description: "overgenomen" },
      }),
      other.call(`/api/v1/employers/${westlandId}/account-manager`, {
        method: "PUT",
        body: { userId: "test-werkfit-am" },
      }),
      other.call(`/api/v1/employers/${westlandId}/archive`, { method: "POST" }),
      other.call(`/api/v1/employers/${westlandId}?confirm=true`, { method: "DELETE" }),
      other.call(`/api/v1/employers/${westlandId}/contacts`, { body: { name: "Indringer" } }),
      other.call(`/api/v1/employers/${westlandId}/contacts/${contactId}`, {
        method: "PATCH",
        body: { notes: "overgenomen" },
      }),
      other.call(`/api/v1/employers/${westlandId}/contacts/${contactId}/revoke`, { method: "POST" }),
      other.call(`/api/v1/employers/${westlandId}/contacts/${contactId}`, { method: "DELETE" }),
    ];
    // Out of sight: not found, whatever is asked.
    expect((await other.call(`/api/v1/employers/${westlandId}`)).status).toBe(404);
    expect((await Promise.all(attempts())).map((r) => r.status)).toEqual(Array(8).fill(404));
    const csv = (await other.call("/api/v1/employers/activity.csv")).text;
    expect(csv).not.toContain("Petra Groenewegen");
    // Shared by the portal: seen, never changed.
    await db.update(portals).set({ shareEmployers: true }).where(eq(portals.slug, "haaglanden"));
    try {
      expect((await other.call(`/api/v1/employers/${westlandId}`)).status).toBe(200);
      expect((await Promise.all(attempts())).map((r) => r.status)).toEqual(Array(8).fill(403));
    } finally {
      await db.update(portals).set({ shareEmployers: false }).where(eq(portals.slug, "haaglanden"));
    }
    const [after] = await db.select().from(organisations).where(eq(organisations.id, westlandId));
    expect(after).toEqual(before);
    const still = (await manager.call(`/api/v1/employers/${westlandId}`)).json<{ employer: Employer }>()
      .employer;
    expect(still.contacts).toEqual(westland.contacts);
    const written = await db.select().from(domainEvents).where(eq(domainEvents.organisationId, westlandId));
    expect(written).toEqual(eventsBefore);
  });

  it("writes an event for every change, and mails a contact whose access ends through the events", async () => {
    const { db } = server.database;
    const created = (
      await manager.call("/api/v1/employers", { body: { name: "Glashandel Helder B.V.", city: "Delft" } })
    ).json<{ employer: Employer }>().employer;
    const id = created.id;
    await manager.call(`/api/v1/employers/${id}`, {
      method: "PATCH",
      body: { website: "https://helder.test" },
    });
    const contact = (
      await manager.call(`/api/v1/employers/${id}/contacts`, {
        body: { name: "Hanna Helder", email: "hanna@helder.test" },
      })
    ).json<{ contact: ContactPerson }>().contact;
    // Hanna accepted an invitation earlier: an account with the contact role, reading English.
    await db.insert(users).values({
      id: "test-hanna",
      name: "Hanna Helder",
      email: "hanna@helder.test",
      emailVerified: true,
      twoFactorEnabled: false,
      locale: "en",
    });
    await db
      .insert(memberships)
      .values({ userId: "test-hanna", role: "employer_contact", organisationId: id });
    const revoked = await manager.call(`/api/v1/employers/${id}/contacts/${contact.id}/revoke`, {
      method: "POST",
    });
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.json<{ contact: ContactPerson }>().contact.access.status).not.toBe("active");
    const [hanna] = await db.select().from(users).where(eq(users.id, "test-hanna"));
    expect(hanna!.deactivatedAt).not.toBeNull();
    await server.app.events.drain();
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, "hanna@helder.test"));
    expect(mails.map((m) => m.subject)).toEqual([
      "Your access to Glashandel Helder B.V. on Werkbrug has been removed",
    ]);
    await manager.call(`/api/v1/employers/${id}/contacts/${contact.id}`, { method: "DELETE" });
    await manager.call(`/api/v1/employers/${id}/archive`, { method: "POST" });
    await manager.call(`/api/v1/employers/${id}/unarchive`, { method: "POST" });
    await manager.call(`/api/v1/employers/${id}/archive`, { method: "POST" });
    expect((await manager.call(`/api/v1/employers/${id}?confirm=true`, { method: "DELETE" })).status).toBe(
      204,
    );

    const events = await db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.organisationId, id))
      .orderBy(asc(domainEvents.seq));
    expect(events.map((e) => e.type)).toEqual([
      "employer.created",
      "employer.updated",
      "contact_person.added",
      "contact_person.access_revoked",
      "contact_person.removed",
      "employer.archived",
      "employer.restored",
      "employer.archived",
      "employer.deleted",
    ]);
    for (const e of events) {
      expect(e.actorUserId).toBe("demo-accountmanager");
      expect(e.subject.employerId).toBe(id);
      expect(e.portalId).not.toBeNull();
    }
    expect(events[0]!.payload).toMatchObject({
      name: "Glashandel Helder B.V.",
      accountManagerUserId: "demo-accountmanager",
    });
    expect(events[1]!.payload).toEqual({ changes: { website: "https://helder.test" } });
    expect(events[2]!.subject.contactPersonId).toBe(contact.id);
    expect(events[3]!.subject).toMatchObject({ contactPersonId: contact.id, userId: "test-hanna" });
    expect(events.at(-1)!.payload).toMatchObject({ name: "Glashandel Helder B.V.", organisationIds: [id] });
  });

  it("keeps the CRM away from employer contacts and candidates", async () => {
    const employer = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(employer, "werkgever@demo.werkbrug.test");
    expect((await employer.call("/api/v1/employers")).status).toBe(403);
    const candidate = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(candidate, "kandidaat@demo.werkbrug.test");
    expect((await candidate.call(`/api/v1/employers/${westlandId}`)).status).toBe(403);
  });
});
