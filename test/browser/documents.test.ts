import { eq, sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VacancyMatchesResponse } from "../../src/contracts/matches";
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
  heading,
  launchBrowser,
  screenshot,
  signInWithForm,
  skipBrowserTests,
} from "./support";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe.skipIf(skipBrowserTests)("documents by type in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let clients = 0;

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
  }, 600_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function newPage(): Promise<Page> {
    clients++;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: { "x-forwarded-for": `10.79.0.${clients}` },
    });
    context.setDefaultTimeout(10_000);
    context.on("weberror", (error) => pageErrors.push(error.error().message));
    contexts.push(context);
    return context.newPage();
  }

  /** A Westland vacancy with one candidate proposed to its contact, with a CV the team added. */
  async function proposedMatch(): Promise<{ candidateName: string }> {
    const { db } = server.database;
    const westland = (
      await db.select().from(organisations).where(eq(organisations.name, "Westland Logistiek B.V."))
    )[0]!;
    const [haaglanden] = await db.select().from(portals).where(eq(portals.slug, "haaglanden"));
    const [candidate] = await db
      .select()
      .from(candidates)
      .where(
        sql`${candidates.portalId} = ${haaglanden!.id} and ${candidates.visible} and ${candidates.userId} is null`,
      )
      .orderBy(candidates.createdAt)
      .limit(1);
    const host = `haaglanden.localhost:${server.port}`;
    const manager = new Client(server, host);
    const employer = new Client(server, host);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    await signIn(employer, "werkgever@demo.werkbrug.test");
    const created = await employer.call("/api/v1/vacancies", {
      body: {
        organisationId: westland.id,
        displayTitle: "Heftruckchauffeur documenten",
        functionTitle: "Heftruckchauffeur",
        description: "Je rijdt op de heftruck in ons distributiecentrum.",
        occupationId: "9333.8",
        educationLevel: "vmbo-bb",
        kind: "vacancy",
        hoursMin: 24,
        hoursMax: 32,
        positions: 1,
        workAddress: {
          street: "Middel Broekweg",
          houseNumber: "5",
          postcode: "2675 KB",
          placeId: "nl-1783-naaldwijk",
        },
        serviceModel: "together",
        contactVia: "employer",
        publication: { portalFrom: todayIn(), closesOn: todayIn(new Date(Date.now() + 30 * 86_400_000)) },
      },
    });
    expect(created.status, created.text).toBe(201);
    const vacancyId = created.json<{ vacancy: Vacancy }>().vacancy.id;
    await employer.call(`/api/v1/vacancies/${vacancyId}/transitions`, {
      body: { action: "publish", comment: null },
    });
    const saved = await manager.call(`/api/v1/candidates/${candidate!.id}/vacancies`, {
      body: { vacancyId },
    });
    expect(saved.status, saved.text).toBe(200);
    const list = (
      await manager.call(`/api/v1/vacancies/${vacancyId}/matches`)
    ).json<VacancyMatchesResponse>();
    const matchId = list.phases.flatMap((p) => p.matches).find((m) => m.candidate.id === candidate!.id)!.id;
    const proposed = list.procedure.phases.find((p) => p.key === "proposed")!.id;
    expect(
      (await manager.call(`/api/v1/matches/${matchId}/moves`, { body: { phaseId: proposed } })).status,
    ).toBe(200);
    const form = new FormData();
    form.set("type", "cv");
    form.set("file", new Blob([new Uint8Array(PDF)], { type: "application/pdf" }), "cv-kandidaat.pdf");
    const body = new Response(form);
    const upload = await manager.call(`/api/v1/matches/${matchId}/documents`, {
      raw: { data: Buffer.from(await body.arrayBuffer()), type: body.headers.get("content-type")! },
    });
    expect(upload.status, upload.text).toBe(201);
    return { candidateName: `${candidate!.firstName} ${candidate!.lastName}`.trim() };
  }

  it("lets the team's admin make references visible, and the contact then sees the CV and adds a reference", async () => {
    const { candidateName } = await proposedMatch();

    const admin = await newPage();
    await signInWithForm(admin, server.url, {
      email: "beheer@demo.werkbrug.test",
      password: DEMO_PASSWORD,
      code: () => totpCode(),
    });
    await admin.getByRole("button", { name: /Accountmenu van/ }).waitFor({ state: "visible" });
    await admin.goto(`${server.url}/instellingen?tab=documenttypen`);
    expect(await heading(admin)).toBe("Instellingen");
    const main = admin.getByRole("main");
    await main.getByRole("checkbox", { name: "Referentie" }).check();
    expect(await main.getByRole("checkbox", { name: "Cv" }).isChecked()).toBe(true);
    await main.getByRole("button", { name: "Opslaan" }).click();
    await expect
      .poll(() => main.getByRole("status").first().textContent())
      .toBe("De instelling is opgeslagen.");
    await screenshot(admin, "settings-document-types");
    await expectAccessible(admin, "settings, document types");

    const contact = await newPage();
    await signInWithForm(contact, server.url, {
      email: "werkgever@demo.werkbrug.test",
      password: DEMO_PASSWORD,
      code: () => totpCode(),
    });
    await contact.getByRole("button", { name: /Accountmenu van/ }).waitFor({ state: "visible" });
    await contact.goto(`${server.url}/documenten`);
    expect(await heading(contact)).toBe("Documenten");
    const page = contact.getByRole("main");
    await page.getByRole("heading", { name: "Vacature: Heftruckchauffeur documenten" }).waitFor();
    const card = page.getByRole("article").filter({ hasText: candidateName });
    await card.getByRole("link", { name: "cv-kandidaat.pdf" }).waitFor();
    const types = await card.getByLabel("Soort document").locator("option").allTextContents();
    expect(types).toEqual(["Cv", "Referentie"]);
    await card.getByLabel("Soort document").selectOption({ label: "Referentie" });
    await card.locator('input[type="file"]').setInputFiles({
      name: "referentie.pdf",
      mimeType: "application/pdf",
      buffer: PDF,
    });
    await expect
      .poll(() => card.getByRole("status").first().textContent())
      .toBe("referentie.pdf is toegevoegd.");
    await card.getByRole("link", { name: "referentie.pdf" }).waitFor();
    expect(await card.getByRole("row", { name: /referentie\.pdf/ }).textContent()).toContain("Referentie");
    await screenshot(contact, "contact-documents");
    await expectAccessible(contact, "the contact's documents");
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
