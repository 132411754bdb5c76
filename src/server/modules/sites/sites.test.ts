import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { testDbKinds } from "../../../../test/support/databases";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponseSchema } from "../../../contracts/common";
import type { ManagedSiteOrganisationsResponse, Site, SiteListResponse } from "../../../contracts/sites";
import type { Vacancy, VacancyOptionsResponse } from "../../../contracts/vacancies";
import { organisationSites, organisations, vacancies } from "../../platform/schema";
import { createStore } from "../../platform/store";
import { createCaller } from "../tenancy";
import { siteLimitsOf } from "./index";

type ApiError = z.infer<typeof ErrorResponseSchema>;

describe.each(testDbKinds())("sites on %s", (kind) => {
  let server: TestServer;
  let manager: Client; // accountmanager@: Gemeente Den Haag, looks after Westland and De Duinen
  let employer: Client; // werkgever@: Westland's contact person who manages its vacancies
  let hr: Client; // hr@: HR officer of the agency
  let referrer: Client; // verwijzer@: De Duinen's referrer
  let duinen: string;
  let westland: string;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const host = `haaglanden.localhost:${server.port}`;
    manager = new Client(server, host);
    employer = new Client(server, host);
    hr = new Client(server, host);
    referrer = new Client(server, host);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(employer, "werkgever@demo.werkbrug.test");
    await signIn(hr, "hr@demo.werkbrug.test");
    await signIn(referrer, "verwijzer@demo.werkbrug.test");
    const db = server.database.db;
    duinen = (
      await db.select().from(organisations).where(eq(organisations.name, "Zorgcentrum De Duinen"))
    )[0]!.id;
    westland = (
      await db.select().from(organisations).where(eq(organisations.name, "Westland Logistiek B.V."))
    )[0]!.id;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const sitesUrl = (organisationId: string) => `/api/v1/organisations/${organisationId}/sites`;

  async function list(client: Client, organisationId: string, inactive = false): Promise<SiteListResponse> {
    const res = await client.call(`${sitesUrl(organisationId)}${inactive ? "?includeInactive=true" : ""}`);
    expect(res.status, res.text).toBe(200);
    return res.json<SiteListResponse>();
  }

  async function storedSites(organisationId: string) {
    return server.database.db
      .select()
      .from(organisationSites)
      .where(eq(organisationSites.organisationId, organisationId));
  }

  const rijswijk = {
    name: "De Duinen Rijswijk",
    street: "Haagweg",
    houseNumber: "2",
    postcode: "2281aa",
    placeId: "nl-gm0603",
  };

  it("lists De Duinen's demo sites with their vacancies to its account manager", async () => {
    const body = await list(manager, duinen);
    expect(body.organisation.name).toBe("Zorgcentrum De Duinen");
    expect(body.sites.map((s) => s.name)).toEqual([
      "De Duinen Kijkduin",
      "De Duinen Scheveningen",
      "De Duinen Statenkwartier",
    ]);
    const kijkduin = body.sites[0]!;
    expect(kijkduin).toMatchObject({ city: "Den Haag", postcode: "2554 EX", active: true, staff: [] });
    expect(kijkduin.place?.id).toBe("nl-0518-kijkduin");
    expect(kijkduin.lat).toBeCloseTo(52.07, 1);
    expect(body.sites.reduce((n, s) => n + s.vacancyCount, 0)).toBeGreaterThan(0);
    // Its staff to choose from: the referrer works there.
    expect(body.staff.map((p) => p.email)).toContain("verwijzer@demo.werkbrug.test");

    // De Duinen's own recruiter (a contact person who manages its vacancies) manages them too.
    const zorg = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(zorg, "zorg@demo.werkbrug.test");
    expect((await list(zorg, duinen)).sites).toHaveLength(3);
    const own = (await zorg.call("/api/v1/sites/organisations")).json<ManagedSiteOrganisationsResponse>();
    expect(own.organisations.map((o) => o.name)).toEqual(["Zorgcentrum De Duinen"]);

    const managed = (
      await manager.call("/api/v1/sites/organisations")
    ).json<ManagedSiteOrganisationsResponse>();
    expect(managed.organisations.find((o) => o.id === duinen)?.siteCount).toBe(3);
    expect(managed.organisations.map((o) => o.id)).toContain(westland);
  });

  it("adds a site, geocoded from its place, with the postcode written the Dutch way", async () => {
    const res = await manager.call(sitesUrl(duinen), { body: rijswijk });
    expect(res.status, res.text).toBe(201);
    const { site } = res.json<{ site: Site }>();
    expect(site).toMatchObject({
      name: "De Duinen Rijswijk",
      postcode: "2281 AA",
      city: "Rijswijk",
      place: { id: "nl-gm0603", name: "Rijswijk" },
      active: true,
      vacancyCount: 0,
    });
    expect(site.lat).toBeCloseTo(52.036, 2);
    expect((await list(manager, duinen)).sites.map((s) => s.id)).toContain(site.id);
  });

  it("refuses a second site with the same name (in any case) with 409 and a message, storing nothing", async () => {
    const before = await storedSites(duinen);
    const res = await manager.call(sitesUrl(duinen), {
      body: { ...rijswijk, name: "de duinen KIJKDUIN" },
      headers: { "accept-language": "nl" },
    });
    expect(res.status).toBe(409);
    const error = res.json<ApiError>().error;
    expect(error.code).toBe("site_name_taken");
    expect(error.message).toContain("al een locatie met deze naam");
    expect(error.fields?.[0]?.path).toBe("name");
    expect(await storedSites(duinen)).toHaveLength(before.length);

    // Renaming onto another site's name too; renaming to its own name in another case is fine.
    const [scheveningen, kijkduin] = [...before].sort((a, b) => b.name.localeCompare(a.name));
    const rename = await manager.call(`${sitesUrl(duinen)}/${scheveningen!.id}`, {
      method: "PATCH",
      body: { name: kijkduin!.name },
      headers: { "accept-language": "en" },
    });
    expect(rename.status).toBe(409);
    expect(rename.json<ApiError>().error.message).toContain("already has a site with this name");
    const own = await manager.call(`${sitesUrl(duinen)}/${scheveningen!.id}`, {
      method: "PATCH",
      body: { name: scheveningen!.name.toUpperCase() },
    });
    expect(own.status, own.text).toBe(200);
    await manager.call(`${sitesUrl(duinen)}/${scheveningen!.id}`, {
      method: "PATCH",
      body: { name: scheveningen!.name },
    });
  });

  it("answers bad input with 400 and field messages in Dutch or English, storing nothing", async () => {
    const before = await storedSites(duinen);
    const nl = await manager.call(sitesUrl(duinen), {
      body: { ...rijswijk, name: "  ", postcode: "12345" },
      headers: { "accept-language": "nl" },
    });
    expect(nl.status).toBe(400);
    const nlFields = nl.json<ApiError>().error.fields ?? [];
    expect(nlFields.find((f) => f.path === "name")?.message).toBe("Dit veld is verplicht.");
    expect(nlFields.find((f) => f.path === "postcode")?.message).toBe("Vul een postcode in zoals 2511 AB.");

    const en = await manager.call(sitesUrl(duinen), {
      body: { ...rijswijk, name: "Elders", postcode: "ABCD 12" },
      headers: { "accept-language": "en" },
    });
    expect(en.status).toBe(400);
    expect(en.json<ApiError>().error.fields?.find((f) => f.path === "postcode")?.message).toBe(
      "Enter a postcode such as 2511 AB.",
    );

    const place = await manager.call(sitesUrl(duinen), {
      body: { ...rijswijk, name: "Nergens", placeId: "nl-nowhere" },
      headers: { "accept-language": "en" },
    });
    expect(place.status).toBe(400);
    expect(place.json<ApiError>().error.fields?.[0]).toEqual({
      path: "placeId",
      message: "This place is unknown.",
    });

    const extra = await manager.call(sitesUrl(duinen), {
      body: { ...rijswijk, name: "Extra", colour: "red" },
    });
    expect(extra.status).toBe(400);
    expect(await storedSites(duinen)).toHaveLength(before.length);
  });

  it("changes a site's address; a new place moves its coordinates", async () => {
    const site = (await list(manager, duinen)).sites.find((s) => s.name === "De Duinen Rijswijk")!;
    const res = await manager.call(`${sitesUrl(duinen)}/${site.id}`, {
      method: "PATCH",
      body: {
        street: "Laan van Nieuw Oost-Indië",
        houseNumber: "300",
        postcode: "2593CE",
        placeId: "nl-gm0518",
      },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json<{ site: Site }>().site).toMatchObject({
      name: "De Duinen Rijswijk",
      street: "Laan van Nieuw Oost-Indië",
      postcode: "2593 CE",
      city: "Den Haag",
      place: { id: "nl-gm0518" },
    });
  });

  it("limits staff to a site and tells other modules so; staff of other organisations are refused", async () => {
    const body = await list(manager, duinen);
    const site = body.sites.find((s) => s.name === "De Duinen Scheveningen")!;
    const vincent = body.staff.find((p) => p.email === "verwijzer@demo.werkbrug.test")!;

    const db = server.database.db;
    const store = createStore(db, server.app.events);
    const asVincent = () =>
      createCaller({ db, principal: { userId: vincent.id, roles: ["referrer"] }, portal: null });
    expect(await siteLimitsOf(store, asVincent(), duinen)).toEqual([]);

    const res = await manager.call(`${sitesUrl(duinen)}/${site.id}/staff`, {
      method: "PUT",
      body: { userIds: [vincent.id] },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json<{ site: Site }>().site.staff.map((p) => p.id)).toEqual([vincent.id]);
    expect(await siteLimitsOf(store, asVincent(), duinen)).toEqual([site.id]);
    // Limited there, not elsewhere; the platform administrator never.
    expect(await siteLimitsOf(store, asVincent(), westland)).toEqual([]);
    const admin = createCaller({
      db,
      principal: { userId: "demo-admin", roles: ["platform_admin"] },
      portal: null,
    });
    expect(await siteLimitsOf(store, admin, duinen)).toEqual([]);

    // Westland's contact person is not De Duinen's staff: refused, the limit stays as it was.
    const outside = await manager.call(`${sitesUrl(duinen)}/${site.id}/staff`, {
      method: "PUT",
      body: { userIds: [vincent.id, "demo-werkgever"] },
      headers: { "accept-language": "en" },
    });
    expect(outside.status).toBe(400);
    expect(outside.json<ApiError>().error.fields?.[0]).toEqual({
      path: "userIds.1",
      message: "This person cannot be chosen here.",
    });
    expect(await siteLimitsOf(store, asVincent(), duinen)).toEqual([site.id]);

    const cleared = await manager.call(`${sitesUrl(duinen)}/${site.id}/staff`, {
      method: "PUT",
      body: { userIds: [] },
    });
    expect(cleared.status).toBe(200);
    expect(await siteLimitsOf(store, asVincent(), duinen)).toEqual([]);
  });

  it("deactivates and reactivates a site: hidden from the default list, kept with inactive ones", async () => {
    const site = (await list(manager, duinen)).sites.find((s) => s.name === "De Duinen Rijswijk")!;
    const off = await manager.call(`${sitesUrl(duinen)}/${site.id}/deactivate`, { method: "POST" });
    expect(off.status, off.text).toBe(200);
    expect(off.json<{ site: Site }>().site.active).toBe(false);
    expect((await list(manager, duinen)).sites.map((s) => s.id)).not.toContain(site.id);
    const all = await list(manager, duinen, true);
    expect(all.sites.find((s) => s.id === site.id)?.active).toBe(false);

    const on = await manager.call(`${sitesUrl(duinen)}/${site.id}/reactivate`, { method: "POST" });
    expect(on.json<{ site: Site }>().site.active).toBe(true);
    expect((await list(manager, duinen)).sites.map((s) => s.id)).toContain(site.id);
  });

  it("keeps another organisation's sites out of reach (404) and refuses roles without vacancies (403)", async () => {
    const site = (await list(manager, duinen)).sites[0]!;
    const before = await storedSites(duinen);
    // Westland's contact manages Westland's vacancies, not De Duinen's.
    for (const [path, init] of [
      [sitesUrl(duinen), {}],
      [sitesUrl(duinen), { body: { ...rijswijk, name: "Overname" } }],
      [`${sitesUrl(duinen)}/${site.id}`, { method: "PATCH", body: { name: "Overname" } }],
      [`${sitesUrl(duinen)}/${site.id}/deactivate`, { method: "POST" }],
      [`${sitesUrl(duinen)}/${site.id}/staff`, { method: "PUT", body: { userIds: [] } }],
    ] as const) {
      const res = await employer.call(path, init);
      expect(res.status, `${path} ${res.text}`).toBe(404);
    }
    // A site asked for under another organisation is not found either.
    const crossed = await manager.call(`${sitesUrl(westland)}/${site.id}`, {
      method: "PATCH",
      body: { name: "Verkeerd" },
    });
    expect(crossed.status).toBe(404);
    expect((await hr.call(sitesUrl(duinen))).status).toBe(404);
    expect((await referrer.call(sitesUrl(duinen))).status).toBe(403);
    expect(await storedSites(duinen)).toEqual(before);

    // Westland's contact does manage Westland's own sites.
    const own = await employer.call(sitesUrl(westland), {
      body: {
        name: "Kas Maasdijk",
        street: "Transportweg",
        houseNumber: "12",
        postcode: "2676 LM",
        placeId: "nl-gm1783",
      },
    });
    expect(own.status, own.text).toBe(201);
    const mine = (
      await employer.call("/api/v1/sites/organisations")
    ).json<ManagedSiteOrganisationsResponse>();
    expect(mine.organisations.map((o) => o.id)).toContain(westland);
    expect(mine.organisations.map((o) => o.id)).not.toContain(duinen);
  });

  describe("a vacancy's site", () => {
    /** A seeded vacancy of De Duinen (spread over its sites by the demo). */
    async function seededVacancy(): Promise<string> {
      const [row] = await server.database.db
        .select({ id: vacancies.id })
        .from(vacancies)
        .where(eq(vacancies.organisationId, duinen))
        .limit(1);
      return row!.id;
    }

    let draftId: string | null = null;
    /** A draft of De Duinen's, made at a site the first time. */
    async function duinenVacancy(): Promise<string> {
      if (draftId) return draftId;
      const site = (await list(manager, duinen)).sites.find((s) => s.name === "De Duinen Kijkduin")!;
      const res = await manager.call("/api/v1/vacancies", {
        body: {
          organisationId: duinen,
          displayTitle: "Verzorgende IG Kijkduin",
          functionTitle: "Verzorgende IG",
          siteId: site.id,
        },
      });
      expect(res.status, res.text).toBe(201);
      const { vacancy } = res.json<{ vacancy: Vacancy }>();
      expect(vacancy.site).toEqual({ id: site.id, name: "De Duinen Kijkduin", city: "Den Haag" });
      draftId = vacancy.id;
      return vacancy.id;
    }

    it("refuses a new vacancy at another organisation's site, storing nothing", async () => {
      const site = (await list(manager, duinen)).sites[0]!;
      const before = await server.database.db.select({ id: vacancies.id }).from(vacancies);
      const res = await manager.call("/api/v1/vacancies", {
        body: {
          organisationId: westland,
          displayTitle: "Chauffeur",
          functionTitle: "Chauffeur",
          siteId: site.id,
        },
        headers: { "accept-language": "en" },
      });
      expect(res.status).toBe(400);
      expect(res.json<ApiError>().error.fields?.[0]).toEqual({
        path: "siteId",
        message: "Choose an active site of this organisation.",
      });
      expect(await server.database.db.select({ id: vacancies.id }).from(vacancies)).toHaveLength(
        before.length,
      );
    });

    it("is offered by the form and shown on the vacancy", async () => {
      const options = (
        await manager.call(`/api/v1/vacancies/options?organisationId=${duinen}`)
      ).json<VacancyOptionsResponse>();
      const offered = options.organisations.find((o) => o.id === duinen)!.sites.map((s) => s.name);
      expect(offered).toContain("De Duinen Kijkduin");

      const id = await seededVacancy();
      const vacancy = (await manager.call(`/api/v1/vacancies/${id}`)).json<{ vacancy: Vacancy }>().vacancy;
      // The demo spreads De Duinen's vacancies over its sites.
      expect(vacancy.site?.name).toMatch(/^De Duinen /);
      expect(vacancy.site?.city).toBe("Den Haag");
    });

    it("takes an active site of the vacancy's organisation and records the change", async () => {
      const id = await duinenVacancy();
      const site = (await list(manager, duinen)).sites.find((s) => s.name === "De Duinen Rijswijk")!;
      const res = await manager.call(`/api/v1/vacancies/${id}`, {
        method: "PATCH",
        body: { siteId: site.id },
      });
      expect(res.status, res.text).toBe(200);
      expect(res.json<{ vacancy: Vacancy }>().vacancy.site).toEqual({
        id: site.id,
        name: "De Duinen Rijswijk",
        city: "Den Haag",
      });
      const history = (await manager.call(`/api/v1/vacancies/${id}/history`)).json<{
        history: { changes: Record<string, unknown> }[];
      }>().history;
      expect(history.some((h) => "siteId" in h.changes)).toBe(true);

      const none = await manager.call(`/api/v1/vacancies/${id}`, { method: "PATCH", body: { siteId: null } });
      expect(none.json<{ vacancy: Vacancy }>().vacancy.site).toBeNull();
    });

    it("refuses a deactivated site, another organisation's site and an unknown one with 400", async () => {
      const id = await duinenVacancy();
      const before = (await manager.call(`/api/v1/vacancies/${id}`)).json<{ vacancy: Vacancy }>().vacancy;
      const site = (await list(manager, duinen)).sites.find((s) => s.name === "De Duinen Rijswijk")!;
      await manager.call(`${sitesUrl(duinen)}/${site.id}/deactivate`, { method: "POST" });
      const westlandSite = (await list(employer, westland)).sites[0];
      for (const siteId of [site.id, westlandSite?.id, "00000000-0000-4000-8000-000000000000"]) {
        if (!siteId) continue;
        const res = await manager.call(`/api/v1/vacancies/${id}`, {
          method: "PATCH",
          body: { siteId, displayTitle: "Niet opgeslagen" },
          headers: { "accept-language": "nl" },
        });
        expect(res.status).toBe(400);
        expect(res.json<ApiError>().error.fields?.[0]).toEqual({
          path: "siteId",
          message: "Kies een actieve locatie van deze organisatie.",
        });
      }
      const after = (await manager.call(`/api/v1/vacancies/${id}`)).json<{ vacancy: Vacancy }>().vacancy;
      expect(after.displayTitle).toBe(before.displayTitle);
      expect(after.site).toEqual(before.site);
      // The form no longer offers it.
      const options = (
        await manager.call(`/api/v1/vacancies/options?organisationId=${duinen}`)
      ).json<VacancyOptionsResponse>();
      expect(options.organisations.find((o) => o.id === duinen)!.sites.map((s) => s.id)).not.toContain(
        site.id,
      );
      await manager.call(`${sitesUrl(duinen)}/${site.id}/reactivate`, { method: "POST" });
    });

    it("keeps a site deactivated after the vacancy chose it when the vacancy is saved again", async () => {
      const id = await duinenVacancy();
      const site = (await list(manager, duinen)).sites.find((s) => s.name === "De Duinen Rijswijk")!;
      await manager.call(`/api/v1/vacancies/${id}`, { method: "PATCH", body: { siteId: site.id } });
      await manager.call(`${sitesUrl(duinen)}/${site.id}/deactivate`, { method: "POST" });
      const res = await manager.call(`/api/v1/vacancies/${id}`, {
        method: "PATCH",
        body: { siteId: site.id, description: "Opnieuw opgeslagen." },
      });
      expect(res.status, res.text).toBe(200);
      expect(res.json<{ vacancy: Vacancy }>().vacancy.site?.id).toBe(site.id);
      await manager.call(`${sitesUrl(duinen)}/${site.id}/reactivate`, { method: "POST" });
    });
  });
});
