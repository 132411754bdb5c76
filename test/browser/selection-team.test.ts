import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { vacancies } from "../../src/server/platform/schema";
import {
  browserJourney,
  expectAccessible,
  heading,
  openPage,
  screenshot,
  signInAsDemoStaff,
  skipBrowserTests,
} from "./support";

describe.skipIf(skipBrowserTests)("the selection team in the browser", () => {
  const journey = browserJourney();

  it("the selection officer sees the team of a selection and opens the team dialog by keyboard", async () => {
    const { browser, server, pageErrors } = journey;
    const national = server.portalUrl("landelijk");
    const [policy] = await server.database.db
      .select()
      .from(vacancies)
      .where(eq(vacancies.displayTitle, "Beleidsmedewerker arbeidsmarkt"));
    const page = await openPage(browser, "10.82.0.1", pageErrors);
    await signInAsDemoStaff(page, national, "selectie@demo.werkbrug.test");
    await page.goto(`${national}/vacaturebeheer/${policy!.id}`);
    await heading(page);
    const team = page.getByRole("region", { name: "Team" });
    await team.getByText("Julia Bakker, Lars de Leeuw").waitFor({ state: "visible" });
    await expectAccessible(page, "a selection with its team");

    const change = team.getByRole("button", { name: "Team wijzigen" });
    await change.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Team van de vacature" });
    await dialog.waitFor({ state: "visible" });
    await expectAccessible(page, "the team dialog");
    await screenshot(page, "selection-team");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(pageErrors).toEqual([]);
  });

  it("the jury member finds exactly the selection she is on, with its applicants per phase", async () => {
    const { browser, server, pageErrors } = journey;
    const national = server.portalUrl("landelijk");
    const page = await openPage(browser, "10.82.0.2", pageErrors);
    await signInAsDemoStaff(page, national, "jury@demo.werkbrug.test");
    // Julia reads English: her menu's "Vacancies" leads to the selections she is on.
    await page.getByRole("navigation").getByRole("link", { name: "Vacancies" }).first().click();
    expect(await heading(page)).toBe("Vacancies I am involved in");
    const cards = page.getByRole("article");
    await cards.first().waitFor({ state: "visible" });
    // On the jury of two vacancies; nobody applied to "Jurist omgevingsrecht" yet.
    expect(await cards.count()).toBe(1);
    const card = page.getByRole("article", { name: "Beleidsmedewerker arbeidsmarkt" });
    await card.getByText("5 applicants").waitFor({ state: "visible" });
    await expect.poll(() => card.getByRole("table").getByRole("row").count()).toBeGreaterThan(4);
    await expectAccessible(page, "the jury member's vacancies");
    await screenshot(page, "selection-involved");

    // Her applicants, read only: no phase change, no mail, no way into vacancy management.
    await card.getByRole("link", { name: "View applicants of Beleidsmedewerker arbeidsmarkt" }).click();
    expect(await heading(page)).toBe("Applicants");
    const main = page.getByRole("main");
    await main.getByText("5 applicants").waitFor({ state: "visible" });
    expect(await main.getByRole("button", { name: "Change phase" }).count()).toBe(0);
    expect(await main.getByRole("link", { name: "Back to the vacancy" }).count()).toBe(0);
    await expectAccessible(page, "the applicants as the jury member reads them");
    await page.getByRole("link", { name: "Back to the parent page" }).click();
    expect(await heading(page)).toBe("Vacancies I am involved in");
    expect(pageErrors).toEqual([]);
  });
});
