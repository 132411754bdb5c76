import { and, asc, eq, isNull } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidates } from "../../src/server/modules/candidates/candidates.schema";
import { organisations, portals } from "../../src/server/modules/tenancy/tenancy.schema";
import { vacancies } from "../../src/server/modules/vacancies/vacancies.schema";
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

describe.skipIf(skipBrowserTests)("a vacancy's candidates by phase in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  let vacancyId: string;
  let name: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
    const { db } = server.database;
    const [westland] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Westland Logistiek B.V."));
    const [vacancy] = await db
      .select()
      .from(vacancies)
      .where(eq(vacancies.organisationId, westland!.id))
      .orderBy(asc(vacancies.createdAt))
      .limit(1);
    vacancyId = vacancy!.id;
    const [haaglanden] = await db.select().from(portals).where(eq(portals.slug, "haaglanden"));
    const [person] = await db
      .select()
      .from(candidates)
      .where(
        and(eq(candidates.portalId, haaglanden!.id), eq(candidates.visible, true), isNull(candidates.userId)),
      )
      .limit(1);
    name = `${person!.firstName} ${person!.lastName}`;
    const manager = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    const saved = await manager.call(`/api/v1/candidates/${person!.id}/vacancies`, { body: { vacancyId } });
    expect(saved.status, saved.text).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: { "x-forwarded-for": "10.79.0.1" },
    });
    context.setDefaultTimeout(10_000);
    context.on("weberror", (error) => pageErrors.push(error.error().message));
    return context.newPage();
  }

  it("lets the account manager move a candidate to another phase with the keyboard, and undo it", async () => {
    const page = await newPage();
    const haaglanden = server.portalUrl("haaglanden");
    await signInWithForm(page, haaglanden, {
      email: "accountmanager@demo.werkbrug.test",
      password: DEMO_PASSWORD,
      code: () => totpCode(),
    });
    await page.getByRole("button", { name: /Accountmenu van/ }).waitFor({ state: "visible" });
    await page.goto(`${haaglanden}/vacaturebeheer/${vacancyId}`);
    await heading(page);
    const section = page.getByRole("region", { name: "Kandidaten per fase" });
    await section.waitFor({ state: "visible" });
    await expect
      .poll(() => section.getByRole("heading", { name: /Opgeslagen \(longlist\)/ }).count())
      .toBe(1);
    await expectAccessible(page, "the vacancy page with its candidates by phase");
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: "test-results/matches-section.png" });

    // Keyboard only: focus the candidate's button, open, choose the phase, comment, move.
    await section.getByRole("button", { name: `${name} bekijken` }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name });
    await dialog.waitFor({ state: "visible" });
    await dialog.getByRole("combobox", { name: /Naar fase/ }).pressSequentially("Voorg");
    await page.getByRole("option", { name: "Voorgesteld" }).waitFor({ state: "visible" });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await dialog.getByRole("textbox", { name: "Opmerking" }).fill("Past goed bij het team");
    await dialog.getByRole("button", { name: "Verplaatsen" }).press("Enter");
    await dialog.getByText("De kandidaat staat nu in de fase Voorgesteld.").waitFor({ state: "visible" });
    await expect.poll(() => dialog.getByRole("cell", { name: "Past goed bij het team" }).count()).toBe(1);
    await expectAccessible(page, "a candidate's dialog with the move form, history and evaluations");
    await screenshot(page, "matches-dialog");

    await dialog.getByRole("button", { name: "Laatste stap ongedaan maken" }).click();
    await dialog.getByText("De laatste stap is ongedaan gemaakt.").waitFor({ state: "visible" });
    await expect.poll(() => dialog.getByText(/Ongedaan gemaakt door Fatima El Amrani/).count()).toBe(1);
    await page.keyboard.press("Escape");
    await expect
      .poll(() => section.getByRole("heading", { name: /Opgeslagen \(longlist\)/ }).count())
      .toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
