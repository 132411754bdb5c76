import { and, asc, eq, isNull } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContactDashboardResponse } from "../../src/contracts/contact-home";
import type { Procedure, VacancyMatchesResponse } from "../../src/contracts/matches";
import type { Vacancy } from "../../src/contracts/vacancies";
import { candidates } from "../../src/server/modules/candidates/candidates.schema";
import { organisations, portals } from "../../src/server/modules/tenancy/tenancy.schema";
import { todayIn } from "../../src/server/modules/vacancies";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
import { Client, signIn, totpCode } from "../support/session";
import {
  expectAccessible,
  fieldLabel,
  heading,
  launchBrowser,
  screenshot,
  signInWithForm,
  skipBrowserTests,
} from "./support";

const EMPLOYER = { email: "werkgever@demo.werkbrug.test", name: "Wim van Westen" };

describe.skipIf(skipBrowserTests)("the employer contact's home in the browser", () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: TestServer;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: { "x-forwarded-for": "10.81.0.1" },
    });
    context.setDefaultTimeout(10_000);
    context.on("weberror", (error) => pageErrors.push(error.error().message));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  /** A published Westland vacancy with one candidate proposed on it, through the API. */
  async function proposeOne(): Promise<void> {
    const haaglanden = `haaglanden.localhost:${server.port}`;
    const { db } = server.database;
    const [westland] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Westland Logistiek B.V."));
    const [portal] = await db.select().from(portals).where(eq(portals.slug, "haaglanden"));
    const [someone] = await db
      .select({ id: candidates.id })
      .from(candidates)
      .where(
        and(eq(candidates.portalId, portal!.id), eq(candidates.visible, true), isNull(candidates.userId)),
      )
      .orderBy(asc(candidates.createdAt))
      .limit(1);
    const employer = new Client(server, haaglanden);
    const manager = new Client(server, haaglanden);
    await signIn(employer, EMPLOYER.email);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    const created = await employer.call("/api/v1/vacancies", {
      body: {
        organisationId: westland!.id,
        displayTitle: "Planner dashboard",
        functionTitle: "Planner",
        description: "Je plant de ritten.",
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
      },
    });
    expect(created.status, created.text).toBe(201);
    const vacancy = created.json<{ vacancy: Vacancy }>().vacancy;
    const published = await employer.call(`/api/v1/vacancies/${vacancy.id}/transitions`, {
      body: { action: "publish", comment: null },
    });
    expect(published.status, published.text).toBe(200);
    const saved = await manager.call(`/api/v1/candidates/${someone!.id}/vacancies`, {
      body: { vacancyId: vacancy.id },
    });
    expect(saved.status, saved.text).toBe(200);
    const match = (await manager.call(`/api/v1/vacancies/${vacancy.id}/matches`))
      .json<VacancyMatchesResponse>()
      .phases.flatMap((p) => p.matches)[0]!;
    const procedure = (await manager.call(`/api/v1/procedures?organisationId=${westland!.id}`))
      .json<{ procedures: Procedure[] }>()
      .procedures.find((p) => p.kind === "recruitment")!;
    const proposed = procedure.phases.find((p) => p.key === "proposed")!;
    const moved = await manager.call(`/api/v1/matches/${match.id}/moves`, { body: { phaseId: proposed.id } });
    expect(moved.status, moved.text).toBe(200);
  }

  const main = (page: Page) => page.getByRole("main");

  it("shows the demo contact what waits for them, the figures, and the departments of a new vacancy", async () => {
    await proposeOne();
    const expected = await (async () => {
      const client = new Client(server, `haaglanden.localhost:${server.port}`);
      await signIn(client, EMPLOYER.email);
      return (await client.call("/api/v1/contact/dashboard")).json<ContactDashboardResponse>();
    })();
    expect(expected.proposed.count).toBeGreaterThan(0);

    const page = await context.newPage();
    const haaglanden = server.portalUrl("haaglanden");
    await signInWithForm(page, haaglanden, {
      email: EMPLOYER.email,
      password: DEMO_PASSWORD,
      code: () => totpCode(),
    });
    await page
      .getByRole("button", { name: `Accountmenu van ${EMPLOYER.name}` })
      .waitFor({ state: "visible" });
    await page.goto(`${haaglanden}/`);
    await heading(page);

    const dashboard = main(page).getByRole("region", { name: "Wat op je wacht" });
    await dashboard.waitFor({ state: "visible" });
    expect(await dashboard.textContent()).toContain("Westland Logistiek B.V.");
    const block = (name: string) => dashboard.getByRole("region", { name });
    const vacanciesBlock = block("Actieve vacatures");
    expect(await vacanciesBlock.locator("[data-count]").textContent()).toBe(
      String(expected.activeVacancies.count),
    );
    expect(await vacanciesBlock.getByRole("link", { name: "Bekijk de vacatures" }).getAttribute("href")).toBe(
      "/vacaturebeheer?visible=yes",
    );
    const proposedBlock = block("Voorgestelde kandidaten");
    expect(await proposedBlock.locator("[data-count]").textContent()).toBe(String(expected.proposed.count));
    expect(
      await proposedBlock.getByRole("link", { name: "Beoordeel de kandidaten" }).getAttribute("href"),
    ).toBe("/voorgesteld");
    // The demo's week of Kim de Kandidaat waits for this contact.
    const timesheetsBlock = block("Urenstaten");
    expect(await timesheetsBlock.locator("[data-count]").textContent()).toBe(
      String(expected.timesheets?.count ?? 0),
    );

    // The chart, and its numbers as a table for screen readers.
    const figures = block("Cijfers per maand");
    expect(await figures.locator('svg[data-chart="grouped-bars"] rect').count()).toBe(36);
    const caption = "Voorgesteld, goedgekeurd en afgekeurd per maand, de afgelopen 12 maanden";
    const table = figures.getByRole("table", { name: caption });
    expect(await table.getByRole("row").count()).toBe(13);
    const thisMonth = new Intl.DateTimeFormat("nl-NL", { month: "long", year: "numeric" }).format(new Date());
    const row = table.getByRole("row", { name: new RegExp(`^${thisMonth}`) });
    const cells = await row.getByRole("cell").allTextContents();
    const figure = expected.figures.at(-1)!;
    expect(cells).toEqual([String(figure.proposed), String(figure.approved), String(figure.declined)]);
    expect(figure.proposed).toBeGreaterThan(0);
    await screenshot(page, "contact-home");
    await expectAccessible(page, "the employer contact's home");

    // "Nieuwe vacature": the department is required, with the choices of Wim's relation.
    await dashboard.getByRole("link", { name: "Nieuwe vacature" }).click();
    await page.waitForURL((u) => u.pathname === "/vacaturebeheer/nieuw");
    const department = main(page).getByRole("combobox", { name: fieldLabel("Afdeling") });
    await department.waitFor({ state: "visible" });
    expect(await department.getAttribute("required")).not.toBeNull();
    const choices = (await department.locator("option").allTextContents()).map((c) => c.trim());
    expect(choices).toEqual([
      "Westland Logistiek B.V. (hele organisatie)",
      "Westland Logistiek – Afdeling Magazijn",
      "Westland Logistiek – Afdeling Planning",
      "Westland Logistiek – Vestiging Naaldwijk",
    ]);
    await department.selectOption({ label: "Westland Logistiek – Afdeling Planning" });
    await expectAccessible(page, "the new vacancy form of a contact");
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 240_000);
});
