import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobSite } from "../../src/contracts/channels";
import type { Vacancy } from "../../src/contracts/vacancies";
import {
  jobSites,
  matches,
  organisations,
  vacancies,
  vacancyJobSites,
  vacancyViews,
} from "../../src/server/platform/schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
import { Client, signIn } from "../support/session";
import {
  expectAccessible,
  fieldLabel,
  heading,
  launchBrowser,
  openPage,
  screenshot,
  signInAsDemoStaff,
  skipBrowserTests,
} from "./support";

const OFFICER = "selectie@demo.werkbrug.test";
const TITLE = "Beleidsmedewerker klantcontact";

describe.skipIf(skipBrowserTests)("publication channels in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  let vacancyId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
    const db = server.database.db;
    // The demo selection's applicants applied within the reports' default period (30 days),
    // whatever day the journey runs.
    await db
      .update(matches)
      .set({ createdAt: new Date(Date.now() - 3 * 86_400_000) })
      .where(eq(matches.channelSource, "vdab"));
    const [agency] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Agentschap Publieke Dienstverlening"));
    // A job site of the family and a complete draft, made as the officer would over the API.
    const officer = new Client(server);
    await signIn(officer, OFFICER);
    const site = await officer.call("/api/v1/job-sites", {
      body: { organisationId: agency!.id, name: "VDAB", code: "vdab" },
    });
    expect(site.status, site.text).toBe(201);
    expect(site.json<{ jobSite: JobSite }>().jobSite.code).toBe("vdab");
    const today = new Date().toISOString().slice(0, 10);
    const closes = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const created = await officer.call("/api/v1/vacancies", {
      body: {
        organisationId: agency!.id,
        displayTitle: TITLE,
        functionTitle: "Beleidsmedewerker",
        description: "Je maakt het contact met burgers eenvoudiger.",
        occupationId: "2411.1",
        educationLevel: "wo-master",
        kind: "vacancy",
        hoursMin: 32,
        hoursMax: 36,
        workAddress: null,
        contactUserId: "demo-hr",
        publication: { portalFrom: today, closesOn: closes },
      },
    });
    expect(created.status, created.text).toBe(201);
    vacancyId = created.json<{ vacancy: Vacancy }>().vacancy.id;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const main = (page: Page) => page.getByRole("main");
  const vdabId = async () =>
    (await server.database.db.select().from(jobSites).where(eq(jobSites.code, "vdab")))[0]!.id;

  it("the selection officer chooses the channels, publishes, and reads the reports", async () => {
    const page = await openPage(browser, "10.83.0.1", pageErrors);
    await signInAsDemoStaff(page, server.url, OFFICER);

    await page.goto(`${server.url}/vacaturebeheer/${vacancyId}`);
    await expect.poll(() => heading(page)).toBe(TITLE);
    const section = main(page).getByRole("region", { name: "Publicatiekanalen" });
    await section.waitFor({ state: "visible" });
    await section.getByRole("checkbox", { name: /^Openbare vacaturebank van het portaal/ }).check();
    await section.getByRole("checkbox", { name: /^VDAB \(vdab\)/ }).check();
    await expectAccessible(page, "choosing a vacancy's publication channels");
    await section.getByRole("button", { name: "Kanalen opslaan" }).click();
    await section.getByRole("status").filter({ hasText: "De publicatiekanalen zijn opgeslagen." }).waitFor();

    await main(page).getByRole("button", { name: "Meer opties" }).click();
    await page.getByRole("menuitem", { name: "Publiceren" }).click();
    await main(page).getByText("De vacature is gepubliceerd.").waitFor({ state: "visible" });
    await expectAccessible(page, "a published vacancy with its channels");
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, "channels-vacancy");

    const db = server.database.db;
    const [row] = await db.select().from(vacancies).where(eq(vacancies.id, vacancyId));
    expect(row!.status).toBe("published");
    expect(row!.publishPublicFrom).not.toBeNull();
    expect(
      await db.select().from(vacancyJobSites).where(eq(vacancyJobSites.vacancyId, vacancyId)),
    ).toHaveLength(1);

    // A visitor from VDAB's feed: one view and one click to apply.
    await db.insert(vacancyViews).values([
      { vacancyId, portalId: row!.portalId, source: "vdab", channel: "board" },
      { vacancyId, portalId: row!.portalId, source: "vdab", channel: "apply" },
    ]);

    await page.goto(`${server.url}/vacaturesites`);
    expect(await heading(page)).toBe("Vacaturesites");
    await main(page).getByRole("rowheader", { name: "VDAB" }).waitFor({ state: "visible" });
    await main(page)
      .getByRole("textbox", { name: fieldLabel("Code") })
      .waitFor({ state: "visible" });
    await expectAccessible(page, "the family's job sites");
    await screenshot(page, "channels-job-sites");

    await page.goto(`${server.url}/rapportages/vacaturesites`);
    expect(await heading(page)).toBe("Rapportages vacaturesites");
    const clicks = main(page).getByRole("region", { name: "Vacaturesites clicks" });
    const table = clicks.getByRole("table", { name: "Per vacaturesite en vacature" });
    const line = table.getByRole("row", { name: new RegExp(TITLE) });
    await line.waitFor({ state: "visible" });
    expect((await line.getByRole("cell").allTextContents()).slice(-3)).toEqual(["1", "1", "0"]);
    await clicks.getByRole("link", { name: "Download xlsx" }).waitFor({ state: "visible" });
    // The demo selection's applicants came from VDAB, LinkedIn and directly.
    await main(page)
      .getByRole("region", { name: "Eigenschappen van kandidaten per indieningsbron" })
      .getByRole("table", { name: "Sollicitanten per indieningsbron en de fase die ze bereikten" })
      .getByRole("row", { name: /vdab/i })
      .first()
      .waitFor({ state: "visible" });
    await expectAccessible(page, "the job site reports");
    await screenshot(page, "channels-reports");
    expect(pageErrors).toEqual([]);
  });

  it("a candidate from VDAB's feed clicks Solliciteren, signs in and applies: the application counts for VDAB", async () => {
    const feed = await new Client(server).call(`/feeds/job-sites/${await vdabId()}.xml`);
    const link = /<url><!\[CDATA\[(.*?)\]\]><\/url>/.exec(feed.text)![1]!;
    expect(new URL(link).searchParams.get("utm_source")).toBe("vdab");
    const page = await openPage(browser, "10.83.0.2", pageErrors);
    const landing = new URL(link);
    // The job board answers in the browser's language unless the address names one.
    await page.goto(`${server.url}${landing.pathname}${landing.search}&lang=nl`);
    await page.getByRole("link", { name: "Reageren" }).first().click();
    const main = page.getByRole("main");
    await main.getByLabel("E-mailadres").fill("kandidaat@demo.werkbrug.test");
    await main.getByRole("button", { name: "Volgende" }).click();
    await main.getByLabel(fieldLabel("Wachtwoord")).fill(DEMO_PASSWORD);
    await main.getByRole("button", { name: "Inloggen", exact: true }).click();
    await page.waitForURL((u) => u.pathname === `/kansen/${vacancyId}`);
    await main.getByRole("button", { name: "Reageren" }).click();
    const dialog = page.getByRole("dialog", { name: "Reageren op deze vacature" });
    await dialog.getByLabel(fieldLabel("Motivatie")).fill("Ik wil graag bij het agentschap werken.");
    await dialog.getByRole("button", { name: "Reactie versturen" }).click();
    await dialog.waitFor({ state: "hidden" });

    const db = server.database.db;
    const [match] = await db.select().from(matches).where(eq(matches.vacancyId, vacancyId));
    expect(match!.channelSource).toBe("vdab");
    const clicks = await db
      .select()
      .from(vacancyViews)
      .where(and(eq(vacancyViews.vacancyId, vacancyId), eq(vacancyViews.channel, "apply")));
    expect(clicks.map((c) => c.source)).toEqual(["vdab", "vdab"]);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
