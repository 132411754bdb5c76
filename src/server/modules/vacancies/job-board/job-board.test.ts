import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDbKinds } from "../../../../../test/support/databases";
import { request, startTestServer, type TestServer } from "../../../../../test/support/server";
import type { ErrorResponse } from "../../../../contracts/common";
import { organisations, portals } from "../../tenancy/tenancy.schema";
import { todayIn } from "../publication";
import { vacancies, vacancyViews } from "../vacancies.schema";
import { endOfDayAmsterdam } from "./job-posting";

type NewVacancy = typeof vacancies.$inferInsert;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The JSON-LD blocks of a page, parsed. */
function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
}

/** Hrefs of the result list's titles. */
function resultLinks(html: string): string[] {
  return [...html.matchAll(/<h2><a href="([^"]+)">/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

const today = todayIn();
// Fixed closing dates far ahead: one in winter time, one in summer time.
const WINTER_CLOSE = "2099-12-31";
const SUMMER_CLOSE = "2099-07-15";
const MARK = "Testbord";

describe.each(testDbKinds())("open job board on %s", (kind) => {
  let server: TestServer;
  const ids: Record<string, string> = {};
  let portalIds: Record<string, string>;
  const host = (slug?: string) => (slug ? `${slug}.localhost:${server.port}` : `localhost:${server.port}`);
  const get = (path: string, slug?: string, headers: Record<string, string> = {}) =>
    request(server, path, { host: host(slug), headers });
  const path = (key: string, slug: string) => `/vacatures/${ids[key]}-${slug}`;

  beforeAll(async () => {
    server = await startTestServer({ kind, web: false });
    const { db } = server.database;
    const rows = await db.select().from(portals);
    portalIds = Object.fromEntries(rows.map((p) => [p.slug, p.id]));
    const orgId = async (name: string) =>
      (await db.select().from(organisations).where(eq(organisations.name, name)))[0]!.id;
    const westland = await orgId("Westland Logistiek B.V.");
    const delft = await orgId("Gemeente Delft");
    const rotterdam = await orgId("Gemeente Rotterdam");

    const base = (key: string, over: Partial<NewVacancy>): NewVacancy => {
      ids[key] = randomUUID();
      return {
        id: ids[key],
        organisationId: westland,
        portalId: portalIds.haaglanden!,
        title: "Medewerker",
        displayTitle: `Medewerker ${MARK} ${key}`,
        status: "published",
        publishPublicFrom: addDays(today, -3),
        closesOn: WINTER_CLOSE,
        useHeadOffice: false,
        city: "Den Haag",
        lat: 52.07667,
        lon: 4.29861,
        ...over,
      };
    };
    await db.insert(vacancies).values([
      base("public", {
        displayTitle: `Héftruckchauffeur ${MARK} – nacht & dag`,
        title: "Heftruckchauffeur",
        description:
          "Rij met een <heftruck> & meer.\nTweede regel.\n\nTweede alinea </script><script>alert(1)</script>",
        occupationId: "8344.1",
        educationLevel: "mbo-2",
        kind: "vacancy",
        salaryMin: 2800,
        salaryMax: 3400,
        salaryScaleMin: 6,
        salaryScaleMax: 8,
        durationKind: "temporary",
        durationEndsOn: "2100-06-30",
        hoursMin: 32,
        hoursMax: 40,
        positions: 3,
        street: "Spui",
        houseNumber: "70",
        postcode: "2511 BT",
        placeId: "nl-gm0518",
        publishPublicFrom: today,
      }),
      base("internship", {
        organisationId: delft,
        kind: "internship",
        hoursMin: 16,
        hoursMax: 24,
        closesOn: SUMMER_CLOSE,
        // The head office of Gemeente Delft is the work address.
        useHeadOffice: true,
        city: null,
        lat: null,
        lon: null,
        description: "Stage bij de gemeente.",
      }),
      base("draft", { status: "draft" }),
      base("future", { publishPublicFrom: addDays(today, 5) }),
      base("closed", { publishPublicFrom: addDays(today, -30), closesOn: addDays(today, -1) }),
      base("archived", { status: "archived" }),
      base("portalOnly", { publishPublicFrom: null, publishPortalFrom: addDays(today, -3) }),
      base("rotterdam", {
        organisationId: rotterdam,
        portalId: portalIds.rijnmond!,
        city: "Rotterdam",
        lat: 51.9225,
        lon: 4.47917,
      }),
      // A page and a bit of results on Rijnmond.
      ...Array.from({ length: 22 }, (_, i) =>
        base(`page${i}`, {
          organisationId: rotterdam,
          portalId: portalIds.rijnmond!,
          displayTitle: `Paginatest ${MARK} ${i}`,
          publishPublicFrom: addDays(today, -10 - i),
        }),
      ),
    ]);
  });
  afterAll(async () => {
    await server?.close();
  });

  describe("the list", () => {
    it("shows the region's public vacancies only", async () => {
      const res = await get(`/vacatures?q=${MARK}`, "haaglanden");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      const links = resultLinks(res.text);
      expect(links).toEqual([
        `/vacatures/${ids.public}-heftruckchauffeur-testbord-nacht-dag`,
        `/vacatures/${ids.internship}-medewerker-testbord-internship`,
      ]);
      expect(res.text).toContain("2 vacatures gevonden");
      // What a result shows: function, organisation, city, hours, closing date, description.
      expect(res.text).toContain("Heftruckchauffeur · Westland Logistiek B.V. · Den Haag");
      expect(res.text).toContain("32–40 uur per week");
      expect(res.text).toContain("Reageren tot en met 31 december 2099");
      expect(res.text).toContain("Rij met een &lt;heftruck&gt; &amp; meer. Tweede regel.");
      expect(res.text).toContain("Gemeente Delft · Delft");
    });

    it("shows the newest public vacancy without any search", async () => {
      const res = await get("/vacatures", "haaglanden");
      expect(resultLinks(res.text)[0]).toBe(`/vacatures/${ids.public}-heftruckchauffeur-testbord-nacht-dag`);
    });

    it("shows every region's public vacancies on the national board", async () => {
      const res = await get(`/vacatures?q=${MARK}+medewerker`);
      const links = resultLinks(res.text).map((l) =>
        l.slice("/vacatures/".length, "/vacatures/".length + 36),
      );
      expect(links).toEqual(expect.arrayContaining([ids.internship, ids.rotterdam]));
      for (const hidden of ["draft", "future", "closed", "archived", "portalOnly"]) {
        expect(links, hidden).not.toContain(ids[hidden]);
      }
      const region = await get(`/vacatures?q=${MARK}+medewerker`, "rijnmond");
      expect(resultLinks(region.text).join()).not.toContain(ids.internship);
      expect(resultLinks(region.text).join()).toContain(ids.rotterdam);
    });

    it("searches accent-insensitively over title, function, organisation and city", async () => {
      for (const q of ["heftruck", "HÉFTRÜCK", "westland logistiek", "den haag heftruck"]) {
        const res = await get(`/vacatures?q=${encodeURIComponent(`${q} ${MARK}`)}`, "haaglanden");
        expect(resultLinks(res.text).join(), q).toContain(ids.public);
        expect(resultLinks(res.text).join(), q).not.toContain(ids.internship);
      }
      const byCity = await get(`/vacatures?q=delft+${MARK}`, "haaglanden");
      expect(resultLinks(byCity.text).map((l) => l.slice(11, 47))).toEqual([ids.internship]);
      const none = await get(`/vacatures?q=${encodeURIComponent("100%_zeker")}`, "haaglanden");
      expect(none.text).toContain("0 vacatures gevonden");
      expect(none.text).toContain("Er zijn geen vacatures gevonden.");
    });

    it("filters by kind, education, hours and distance", async () => {
      const ids_ = async (query: string, slug?: string) =>
        resultLinks((await get(`/vacatures?q=${MARK}&${query}`, slug)).text).map((l) => l.slice(11, 47));
      expect(await ids_("soort=internship", "haaglanden")).toEqual([ids.internship]);
      expect(await ids_("opleiding=mbo-2", "haaglanden")).toEqual([ids.public]);
      expect(await ids_("uren_max=24", "haaglanden")).toEqual([ids.internship]);
      expect(await ids_("uren_min=36&uren_max=", "haaglanden")).toEqual([ids.public]);
      const nearDenHaag = await ids_("plaats=den+haag&afstand=5");
      expect(nearDenHaag).toContain(ids.public);
      expect(nearDenHaag).not.toContain(ids.rotterdam);
      // Delft's town hall lies some 9 km from the centre of Den Haag.
      expect(nearDenHaag).not.toContain(ids.internship);
      expect(await ids_("plaats=den+haag&afstand=10")).toContain(ids.internship);
      const nearRotterdam = await ids_("plaats=Rotterdam&afstand=5");
      expect(nearRotterdam).toContain(ids.rotterdam);
      expect(nearRotterdam).not.toContain(ids.public);
      // Malformed values are ignored, not refused; an unknown place is said so.
      const res = await get(
        `/vacatures?q=${MARK}&soort=iets&uren_min=veel&plaats=Nergenshuizen`,
        "haaglanden",
      );
      expect(res.status).toBe(200);
      expect(resultLinks(res.text)).toHaveLength(2);
      expect(res.text).toContain("De plaats “Nergenshuizen” kennen we niet");
    });

    it("pages by 20 with previous and next links", async () => {
      const first = await get(`/vacatures?q=paginatest+${MARK}`, "rijnmond");
      expect(first.text).toContain("22 vacatures gevonden");
      expect(resultLinks(first.text)).toHaveLength(20);
      expect(first.text).toContain("Pagina 1 van 2");
      expect(first.text).toContain(`<a rel="next" href="/vacatures?q=paginatest+${MARK}&amp;pagina=2"`);
      expect(first.text).not.toContain('rel="prev"');
      const second = await get(`/vacatures?q=paginatest+${MARK}&pagina=2`, "rijnmond");
      expect(resultLinks(second.text)).toHaveLength(2);
      expect(second.text).toContain(`<a rel="prev" href="/vacatures?q=paginatest+${MARK}"`);
      expect(second.text).not.toContain('rel="next"');
      expect(second.text).toContain("<title>Vacatures (pagina 2) – Werkbrug Rijnmond</title>");
    });

    it("is an accessible page that works without JavaScript", async () => {
      const res = await get("/vacatures", "haaglanden");
      const html = res.text;
      expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
      expect(html).toContain("<title>Vacatures – Werkbrug Haaglanden</title>");
      expect(html).toMatch(
        /<meta name="description" content="\d+ openstaande vacatures? op Werkbrug Haaglanden/,
      );
      expect(html).toContain(
        `<link rel="canonical" href="http://haaglanden.localhost:${server.port}/vacatures">`,
      );
      expect(html.match(/<h1>/g)).toHaveLength(1);
      expect(html).toContain('<a class="skip" href="#inhoud">Naar de inhoud</a>');
      expect(html).toContain('<main id="inhoud"');
      expect(html).toContain("--brand:#1b6b3a");
      expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
      expect(html).toContain('<form class="filters" role="search" method="get" action="/vacatures"');
      // Every visible form control has a label.
      const controls = [...html.matchAll(/<(input|select)\b([^>]*)>/g)].filter(
        (m) => !m[2]!.includes('type="hidden"'),
      );
      expect(controls.length).toBeGreaterThanOrEqual(7);
      for (const [, , attrs] of controls) {
        const id = /id="([^"]+)"/.exec(attrs!)?.[1];
        expect(id, attrs).toBeDefined();
        expect(html).toContain(`<label for="${id}">`);
      }
      expect(html).toContain('href="/inloggen"');
    });

    it("speaks English when asked", async () => {
      const byQuery = await get(`/vacatures?lang=en&q=${MARK}`, "haaglanden");
      expect(byQuery.text).toContain('<html lang="en">');
      expect(byQuery.text).toContain("<h1>Vacancies</h1>");
      expect(byQuery.text).toContain("2 vacancies found");
      expect(byQuery.text).toContain('<input type="hidden" name="lang" value="en">');
      expect(resultLinks(byQuery.text)[0]).toMatch(/\?lang=en$/);
      const byHeader = await get("/vacatures", "haaglanden", {
        "accept-language": "en-GB,en;q=0.9,nl;q=0.5",
      });
      expect(byHeader.text).toContain('<html lang="en">');
      expect(byHeader.headers["content-language"]).toBe("en");
      const dutch = await get("/vacatures?lang=nl", "haaglanden", { "accept-language": "en" });
      expect(dutch.text).toContain('<html lang="nl">');
    });

    it("answers an unknown portal with a 404 page", async () => {
      const res = await get("/vacatures", "onbekend");
      expect(res.status).toBe(404);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.text).toContain("<h1>Dit portaal bestaat niet</h1>");
    });
  });

  describe("the vacancy page", () => {
    const slug = "heftruckchauffeur-testbord-nacht-dag";

    it("shows every public field and a way to apply", async () => {
      const res = await get(path("public", slug), "haaglanden");
      expect(res.status).toBe(200);
      const html = res.text;
      expect(html).toContain("<h1>Héftruckchauffeur Testbord – nacht &amp; dag</h1>");
      expect(html).toContain(
        `<link rel="canonical" href="http://haaglanden.localhost:${server.port}${path("public", slug)}">`,
      );
      for (const [term, value] of [
        ["Organisatie", "Westland Logistiek B.V."],
        ["Functie", "Heftruckchauffeur"],
        ["Soort", "Vacature"],
        ["Werkadres", "Spui 70, 2511 BT Den Haag"],
        ["Uren", "32–40 uur per week"],
        ["Aantal plaatsen", "3"],
        ["Duur", "Tijdelijk, tot en met 30 juni 2100"],
        ["Salaris", "€\u00a02.800–€\u00a03.400 bruto per maand, schaal 6–8"],
        ["Opleidingsniveau", "Mbo 2"],
        ["Beroep", "heftruckchauffeur"],
        ["Sluitingsdatum", "31 december 2099"],
      ]) {
        expect(html).toContain(`<dt>${term}</dt><dd>${value}</dd>`);
      }
      expect(html).toContain(
        '<div class="description"><p>Rij met een &lt;heftruck&gt; &amp; meer.<br>Tweede regel.</p><p>Tweede alinea &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p></div>',
      );
      expect(html).not.toContain("<script>alert(1)");
      expect(html).toMatch(
        new RegExp(`<a class="button" href="/vacatures/${ids.public}-[a-z0-9-]+/solliciteren">Reageren</a>`),
      );
    });

    it("carries a complete schema.org JobPosting", async () => {
      const res = await get(path("public", slug), "haaglanden");
      const blocks = jsonLd(res.text);
      expect(blocks).toHaveLength(1);
      const posting = blocks[0]!;
      expect(posting).toEqual({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        title: "Héftruckchauffeur Testbord – nacht & dag",
        description:
          "<p>Rij met een &lt;heftruck&gt; &amp; meer.<br>Tweede regel.</p><p>Tweede alinea &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        datePosted: today,
        validThrough: "2099-12-31T23:59:59+01:00",
        employmentType: ["FULL_TIME", "TEMPORARY"],
        hiringOrganization: { "@type": "Organization", name: "Westland Logistiek B.V." },
        jobLocation: {
          "@type": "Place",
          address: {
            "@type": "PostalAddress",
            streetAddress: "Spui 70",
            postalCode: "2511 BT",
            addressLocality: "Den Haag",
            addressRegion: "Zuid-Holland",
            addressCountry: "NL",
          },
          geo: { "@type": "GeoCoordinates", latitude: 52.07667, longitude: 4.29861 },
        },
        baseSalary: {
          "@type": "MonetaryAmount",
          currency: "EUR",
          value: { "@type": "QuantitativeValue", minValue: 2800, maxValue: 3400, unitText: "MONTH" },
        },
        identifier: { "@type": "PropertyValue", name: "Westland Logistiek B.V.", value: ids.public },
        directApply: true,
        url: `http://haaglanden.localhost:${server.port}${path("public", slug)}`,
        occupationalCategory: "8344",
        workHours: "32-40 uur per week",
        educationRequirements: {
          "@type": "EducationalOccupationalCredential",
          credentialCategory: "professional certificate",
          educationalLevel: "Mbo 2",
        },
        totalJobOpenings: 3,
      });
    });

    it("uses the head office as work address, in summer time, for a part-time internship", async () => {
      const res = await get(path("internship", "medewerker-testbord-internship"), "haaglanden");
      expect(res.status).toBe(200);
      const posting = jsonLd(res.text)[0]!;
      expect(posting.validThrough).toBe("2099-07-15T23:59:59+02:00");
      expect(posting.validThrough).toBe(endOfDayAmsterdam(SUMMER_CLOSE));
      expect(posting.employmentType).toEqual(["INTERN", "PART_TIME"]);
      expect(posting.jobLocation).toMatchObject({
        address: { streetAddress: "Phoenixstraat 16", postalCode: "2611 AL", addressLocality: "Delft" },
      });
      expect(posting).not.toHaveProperty("baseSalary");
      expect(posting.workHours).toBe("16-24 uur per week");
      expect(res.text).toContain("<dt>Soort</dt><dd>Stage</dd>");
    });

    it("redirects a wrong or missing slug to the canonical address, keeping the query", async () => {
      for (const wrong of [`${ids.public}-oude-titel`, ids.public!, ids.public!.toUpperCase()]) {
        const res = await get(`/vacatures/${wrong}?utm_source=indeed&lang=en`, "haaglanden");
        expect(res.status, wrong).toBe(301);
        expect(res.headers.location).toBe(`${path("public", slug)}?utm_source=indeed&lang=en`);
      }
    });

    it("answers 404 for what is not on this board", async () => {
      const cases: [string, string | undefined][] = [
        ["draft", "haaglanden"],
        ["future", "haaglanden"],
        ["closed", "haaglanden"],
        ["archived", "haaglanden"],
        ["portalOnly", "haaglanden"],
        ["rotterdam", "haaglanden"],
        ["internship", "rijnmond"],
      ];
      for (const [key, portal] of cases) {
        const res = await get(`/vacatures/${ids[key]}-x`, portal);
        expect(res.status, key).toBe(404);
        expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
        expect(res.text).toContain("<h1>Vacature niet gevonden</h1>");
        expect(res.text).toContain('<meta name="robots" content="noindex">');
      }
      for (const garbage of [`${randomUUID()}-onbekend`, "niet-een-id", "1234"]) {
        expect((await get(`/vacatures/${garbage}`, "haaglanden")).status, garbage).toBe(404);
      }
      expect((await get(`/vacatures/${ids.public}-${slug}`, "onbekend")).status).toBe(404);
      // The national board shows every region's public vacancies.
      const national = await get(`/vacatures/${ids.rotterdam}-medewerker-testbord-rotterdam`);
      expect(national.status).toBe(200);
    });

    it("records a view per visit with where the visitor came from", async () => {
      const { db } = server.database;
      const views = async () =>
        db
          .select({
            source: vacancyViews.source,
            channel: vacancyViews.channel,
            portalId: vacancyViews.portalId,
          })
          .from(vacancyViews)
          .where(eq(vacancyViews.vacancyId, ids.internship!));
      const page = path("internship", "medewerker-testbord-internship");
      const before = (await views()).length;
      await get(`${page}?utm_source=Indeed`, "haaglanden");
      await get(page);
      await get(`${page}?utm_source=${encodeURIComponent("<script>")}`, "haaglanden");
      await request(server, page, { method: "HEAD", host: host("haaglanden") });
      const after = await views();
      expect(after.slice(before)).toEqual([
        { source: "indeed", channel: "board", portalId: portalIds.haaglanden },
        { source: "direct", channel: "board", portalId: portalIds.landelijk },
        { source: "direct", channel: "board", portalId: portalIds.haaglanden },
      ]);
      const redirected = await db
        .select()
        .from(vacancyViews)
        .where(and(eq(vacancyViews.vacancyId, ids.public!), eq(vacancyViews.source, "indeed")));
      // The redirect itself is not a view.
      expect(redirected).toHaveLength(0);
    });
  });

  describe("sitemap, robots and feeds", () => {
    it("lists the board's vacancy URLs in the sitemap", async () => {
      const res = await get("/sitemap.xml", "haaglanden");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("application/xml; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("public, max-age=300");
      const base = `http://haaglanden.localhost:${server.port}`;
      expect(res.text).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
      expect(res.text).toMatch(new RegExp(`<url><loc>${base}/vacatures</loc><lastmod>\\d{4}-\\d\\d-\\d\\dT`));
      // lastmod is an ISO timestamp in UTC: its date is the UTC one, a day behind Amsterdam's
      // between midnight there and midnight in UTC.
      const utcToday = new Date().toISOString().slice(0, 10);
      expect(res.text).toMatch(
        new RegExp(
          `<url><loc>${base}/vacatures/${ids.public}-heftruckchauffeur-testbord-nacht-dag</loc><lastmod>${utcToday}T`,
        ),
      );
      for (const hidden of ["draft", "future", "rotterdam"]) expect(res.text).not.toContain(ids[hidden]);
    });

    it("points robots to the sitemap", async () => {
      const res = await get("/robots.txt", "haaglanden");
      expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(res.text).toContain("Disallow: /api/\n");
      expect(res.text).toContain("Disallow: /instellingen\n");
      expect(res.text).toContain("Disallow: /vacatures/*/solliciteren\n");
      expect(res.text).toContain(`Sitemap: http://haaglanden.localhost:${server.port}/sitemap.xml\n`);
    });

    it("publishes RSS 2.0, newest first, with rss-tagged links", async () => {
      const res = await get("/feeds/vacancies.rss", "haaglanden");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("public, max-age=300");
      expect(res.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
      const items = [...res.text.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1]!);
      expect(items.length).toBeGreaterThan(1);
      expect(items.length).toBeLessThanOrEqual(200);
      const dates = items.map((i) => Date.parse(/<pubDate>([^<]+)<\/pubDate>/.exec(i)![1]!));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));
      const ours = items.find((i) => i.includes(ids.public!))!;
      expect(ours).toContain("<title>Héftruckchauffeur Testbord – nacht &amp; dag</title>");
      expect(ours).toContain(
        `<link>http://haaglanden.localhost:${server.port}/vacatures/${ids.public}-heftruckchauffeur-testbord-nacht-dag?utm_source=rss</link>`,
      );
      expect(ours).toContain(`<guid isPermaLink="false">${ids.public}</guid>`);
      expect(ours).not.toContain("<script>");
      expect(res.text).not.toContain(ids.rotterdam);
      expect(res.text).not.toContain(ids.draft);
    });

    it("publishes the job-site feed with the site's utm_source", async () => {
      const res = await get("/feeds/vacancies.xml?source=indeed", "haaglanden");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toBe("application/xml; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("public, max-age=300");
      expect(res.text).toMatch(/<source>\n<publisher>Werkbrug Haaglanden<\/publisher>\n<publisherurl>/);
      expect(res.text).toMatch(
        /<lastBuildDate>[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} [\d:]{8} GMT<\/lastBuildDate>/,
      );
      const job = [...res.text.matchAll(/<job>([\s\S]*?)<\/job>/g)]
        .map((m) => m[1]!)
        .find((j) => j.includes(ids.public!))!;
      const field = (name: string) =>
        new RegExp(`<${name}><!\\[CDATA\\[([\\s\\S]*?)\\]\\]></${name}>`).exec(job)?.[1];
      expect(field("title")).toBe("Héftruckchauffeur Testbord – nacht & dag");
      expect(field("referencenumber")).toBe(ids.public);
      expect(field("url")).toBe(
        `http://haaglanden.localhost:${server.port}/vacatures/${ids.public}-heftruckchauffeur-testbord-nacht-dag?utm_source=indeed`,
      );
      expect(field("company")).toBe("Westland Logistiek B.V.");
      expect(field("city")).toBe("Den Haag");
      expect(field("postalcode")).toBe("2511 BT");
      expect(field("country")).toBe("NL");
      expect(field("salary")).toBe("€\u00a02.800–€\u00a03.400 bruto per maand, schaal 6–8");
      expect(field("jobtype")).toBe("fulltime, temporary");
      expect(field("category")).toBe("heftruckchauffeur");
      expect(field("education")).toBe("Mbo 2");
      expect(field("expirationdate")).toBe(WINTER_CLOSE);
      expect(field("description")).toContain(
        "<p>Rij met een &lt;heftruck&gt; &amp; meer.<br>Tweede regel.</p>",
      );
      expect(Date.parse(field("date")!)).toBe(
        Date.parse(`${today}T00:00:00${endOfDayAmsterdam(today).slice(-6)}`),
      );
    });

    it("refuses the job-site feed without a valid source, in Dutch and English", async () => {
      for (const query of ["", "?source=", "?source=Bad%20Site!", `?source=${"x".repeat(61)}`]) {
        const nl = await get(`/feeds/vacancies.xml${query}`, "haaglanden", { "accept-language": "nl" });
        expect(nl.status, query).toBe(400);
        const body = nl.json<ErrorResponse>();
        expect(body.error.code).toBe("validation_failed");
        expect(body.error.message).toBe("Niet alle velden zijn goed ingevuld.");
        expect(body.error.fields?.[0]?.path).toBe("querystring.source");
      }
      const missingNl = await get("/feeds/vacancies.xml", "haaglanden", { "accept-language": "nl" });
      expect(missingNl.json<ErrorResponse>().error.fields?.[0]?.message).toBe("Dit veld is verplicht.");
      const en = await get("/feeds/vacancies.xml", "haaglanden", { "accept-language": "en" });
      expect(en.status).toBe(400);
      expect(en.json<ErrorResponse>().error).toMatchObject({
        message: "Some fields are not filled in correctly.",
        fields: [{ path: "querystring.source", message: "This field is required." }],
      });
    });

    it("answers feeds on an unknown portal with 404", async () => {
      for (const p of ["/sitemap.xml", "/feeds/vacancies.rss", "/feeds/vacancies.xml?source=indeed"]) {
        expect((await get(p, "onbekend")).status, p).toBe(404);
      }
      const robots = await get("/robots.txt", "onbekend");
      expect(robots.text).toBe("User-agent: *\nDisallow: /\n");
    });
  });
});
