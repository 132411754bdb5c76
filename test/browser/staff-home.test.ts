import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organisations } from "../../src/server/modules/tenancy/tenancy.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { startTestServer, type TestServer } from "../support/server";
import { Client, signIn } from "../support/session";
import {
  expectAccessible,
  heading,
  launchBrowser,
  openPage,
  screenshot,
  signInAsDemoStaff,
  skipBrowserTests,
} from "./support";

describe.skipIf(skipBrowserTests)("the staff home in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const main = (page: Page) => page.getByRole("main");
  /** The number a block of "Wat wacht op je" shows. */
  const countIn = (page: Page, block: string) =>
    main(page).getByRole("region", { name: block }).locator("[data-count]").textContent();

  it("shows the account manager what waits, with counts and links to exactly those items", async () => {
    const haaglanden = server.portalUrl("haaglanden");
    const page = await openPage(browser, "10.82.0.1", pageErrors);
    await signInAsDemoStaff(page, haaglanden, "accountmanager@demo.werkbrug.test");

    const waiting = main(page).getByRole("region", { name: "Wat wacht op je" });
    await waiting.waitFor({ state: "visible" });
    // A dashboard, not the welcome for visitors.
    expect(await main(page).getByRole("heading", { name: "Werk en mensen bij elkaar brengen" }).count()).toBe(
      0,
    );
    expect(await main(page).getByRole("heading", { name: "Voor werkgevers" }).count()).toBe(0);
    // The demo: three applications on two of her vacancies, one approved proposal not yet read,
    // no unread messages (shown as 0, not hidden); no invitations block for an account manager.
    await expect.poll(() => countIn(page, "Nieuwe sollicitaties")).toBe("3");
    expect(await waiting.getByText("Op 2 van je vacatures, nog door niemand opgepakt.").count()).toBe(1);
    expect(Number(await countIn(page, "Sluiten binnen 7 dagen"))).toBeGreaterThan(0);
    expect(await countIn(page, "Nieuwe oordelen")).toBe("1");
    expect(await countIn(page, "Berichten van contactpersonen")).toBe("0");
    expect(await main(page).getByRole("region", { name: "Openstaande uitnodigingen" }).count()).toBe(0);
    // The figures per week, with the numbers as a table for screen readers.
    const figures = main(page).getByRole("region", { name: "Cijfers van je team per week" });
    await figures.waitFor({ state: "visible" });
    expect(await figures.locator("svg[data-chart='grouped-bars']").count()).toBe(1);
    expect(
      await figures.getByRole("table").getByRole("columnheader", { name: "Sollicitaties" }).count(),
    ).toBe(1);
    expect(await figures.getByRole("table").getByRole("row").count()).toBe(9);
    // The account manager's own sections follow: verdicts, what changed, employers.
    await main(page)
      .getByRole("region", { name: "Oordelen op je voorstellen" })
      .waitFor({ state: "visible" });
    await main(page)
      .getByRole("heading", { name: "Wat is er veranderd sinds je laatste bezoek" })
      .waitFor({ state: "visible" });
    await screenshot(page, "staff-home");
    await expectAccessible(page, "the staff home of an account manager");

    // "Naar de oordelen" goes down this page to the verdicts themselves.
    const verdicts = main(page).getByRole("region", { name: "Oordelen op je voorstellen" });
    await waiting.getByRole("link", { name: "Naar de oordelen" }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#oordelen");
    await expect
      .poll(() =>
        verdicts.evaluate((el) => Math.abs(el.getBoundingClientRect().top) < window.innerHeight / 2),
      )
      .toBe(true);

    // The block's link opens the overview filtered to exactly those vacancies.
    await waiting.getByRole("link", { name: "Bekijk de vacatures met nieuwe sollicitaties" }).click();
    await page.waitForURL((u) => u.pathname === "/vacaturebeheer");
    const url = new URL(page.url());
    expect(url.searchParams.get("applications")).toBe("new");
    expect(url.searchParams.get("accountManager")).toBe("mine");
    expect(await heading(page)).toBe("Vacatures");
    const table = main(page).getByRole("table", { name: "Vacature overzicht" });
    await table.waitFor({ state: "visible" });
    await expect.poll(() => table.locator("tbody tr").count()).toBe(2);
    await expectAccessible(page, "the vacancies with new applications");
    await page.context().close();
  }, 240_000);

  it("shows an org admin the open invitations and opens the list with only those", async () => {
    const haaglanden = server.portalUrl("haaglanden");
    // One invitation still open, one that is not (revoked): only the first waits.
    const api = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(api, "beheer@demo.werkbrug.test");
    const [denhaag] = await server.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.name, "Gemeente Den Haag"));
    const invite = (email: string) =>
      api.call("/api/v1/invitations", {
        body: { email, organisationId: denhaag!.id, role: "account_manager" },
      });
    expect((await invite("open.collega@denhaag.test")).status).toBe(201);
    const revoked = await invite("ingetrokken.collega@denhaag.test");
    expect(revoked.status).toBe(201);
    const revokedId = revoked.json<{ id: string }>().id;
    expect((await api.call(`/api/v1/invitations/${revokedId}/revoke`, { body: {} })).status).toBe(200);

    const page = await openPage(browser, "10.82.0.2", pageErrors);
    await signInAsDemoStaff(page, haaglanden, "beheer@demo.werkbrug.test");
    const block = main(page).getByRole("region", { name: "Openstaande uitnodigingen" });
    await block.waitFor({ state: "visible" });
    const open = await block.locator("[data-count]").textContent();
    expect(Number(open)).toBeGreaterThanOrEqual(1);
    await block.getByRole("link", { name: "Bekijk de openstaande uitnodigingen" }).click();
    await page.waitForURL((u) => u.pathname === "/instellingen");
    const onlyOpen = main(page).getByRole("checkbox", { name: "Alleen openstaande uitnodigingen" });
    await onlyOpen.waitFor({ state: "visible" });
    expect(await onlyOpen.isChecked()).toBe(true);
    const table = main(page).getByRole("table", { name: "Verstuurde uitnodigingen" });
    await expect.poll(() => table.locator("tbody tr").count()).toBe(Number(open));
    expect(await table.getByText("ingetrokken.collega@denhaag.test").count()).toBe(0);
    // Unticked, every invitation shows again, the revoked one too.
    await onlyOpen.uncheck();
    await table.getByText("ingetrokken.collega@denhaag.test").waitFor({ state: "visible" });
    await expectAccessible(page, "the open invitations");
    await page.context().close();
  }, 240_000);

  it("raised no script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
