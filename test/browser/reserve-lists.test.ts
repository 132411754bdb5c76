import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reserveListLaureates, reserveLists, vacancies } from "../../src/server/platform/schema";
import {
  browserJourney,
  expectAccessible,
  heading,
  openPage,
  screenshot,
  signInAsDemoStaff,
  skipBrowserTests,
} from "./support";

describe.skipIf(skipBrowserTests)("reserve lists and closing in the browser", () => {
  const journey = browserJourney();

  it("the selection officer puts two applicants on the reserve list, then closes the vacancy", async () => {
    const { browser, server, pageErrors } = journey;
    const national = server.portalUrl("landelijk");
    const { db } = server.database;
    const [policy] = await db
      .select()
      .from(vacancies)
      .where(eq(vacancies.displayTitle, "Beleidsmedewerker arbeidsmarkt"));
    const page = await openPage(browser, "10.82.0.1", pageErrors);
    await signInAsDemoStaff(page, national, "selectie@demo.werkbrug.test");
    await page.goto(`${national}/vacaturebeheer/${policy!.id}`);
    await heading(page);

    // A reserve list with its validity (two years from today by default).
    const reserve = page.getByRole("region", { name: "Werfreserve" });
    await reserve.getByRole("button", { name: "Werfreserve aanmaken" }).click();
    const add = reserve.getByRole("group", { name: /Laureaten toevoegen/ });
    await add.waitFor({ state: "visible" });
    await expectAccessible(page, "a new reserve list with the applicants to choose from");

    // Two applicants who passed the preselection, in ranking order.
    await add.getByRole("checkbox", { name: /Elif Yilmaz/ }).check();
    await add.getByRole("checkbox", { name: /Thomas Peeters/ }).check();
    await reserve.getByRole("button", { name: "2 laureaten toevoegen" }).click();
    const table = reserve.getByRole("table");
    await table.getByRole("rowheader", { name: "Thomas Peeters" }).waitFor({ state: "visible" });
    const names = () => table.getByRole("rowheader").allTextContents();
    expect(await names()).toEqual(["Elif Yilmaz", "Thomas Peeters"]);
    await table.getByRole("cell", { name: "Werfreserve" }).first().waitFor();
    // Thomas first: the ranking is the officer's.
    await reserve.getByRole("button", { name: "Thomas Peeters hoger zetten" }).click();
    await expect.poll(names).toEqual(["Thomas Peeters", "Elif Yilmaz"]);
    await expectAccessible(page, "the reserve list with two laureates");
    await screenshot(page, "reserve-list");

    // Closing: "Afsluiten"; the others still open get the "niet weerhouden" mail.
    const procedure = page.getByRole("region", { name: "Selectieprocedure" });
    await procedure.getByRole("button", { name: "Afsluiten" }).click();
    const dialog = page.getByRole("dialog", { name: "Selectieprocedure afsluiten" });
    await dialog.waitFor({ state: "visible" });
    await expectAccessible(page, "the dialog that closes the procedure");
    await dialog.getByRole("button", { name: "Procedure afsluiten" }).click();
    await dialog.waitFor({ state: "hidden" });
    await procedure.getByText("Afgesloten", { exact: true }).waitFor({ state: "visible" });
    await expectAccessible(page, "a completed selection procedure");
    const [closed] = await db.select().from(vacancies).where(eq(vacancies.id, policy!.id));
    expect(closed!.status).toBe("closed");

    // The reserve list stays, and the overview lists it.
    const [list] = await db.select().from(reserveLists).where(eq(reserveLists.vacancyId, policy!.id));
    expect(await db.$count(reserveListLaureates, eq(reserveListLaureates.reserveListId, list!.id))).toBe(2);
    await page.goto(`${national}/werfreserves`);
    expect(await heading(page)).toBe("Werfreserves");
    const main = page.getByRole("main");
    await main.getByRole("link", { name: "Beleidsmedewerker arbeidsmarkt" }).waitFor({ state: "visible" });
    await main.getByRole("link", { name: "Jurist arbeidsrecht" }).waitFor({ state: "visible" });
    await expectAccessible(page, "the reserve lists");
    expect(pageErrors).toEqual([]);
  });

  it("the selection officer calls a laureate of a past selection up for another vacancy", async () => {
    const { browser, server, pageErrors } = journey;
    const national = server.portalUrl("landelijk");
    const page = await openPage(browser, "10.82.0.2", pageErrors);
    await signInAsDemoStaff(page, national, "selectie@demo.werkbrug.test");
    await page.goto(`${national}/werfreserves`);
    const main = page.getByRole("main");
    await main.getByRole("link", { name: "Jurist arbeidsrecht" }).click();
    expect(await heading(page)).toBe("Werfreserve");
    const table = main.getByRole("table");
    await table.getByRole("rowheader", { name: "Elif Yilmaz" }).waitFor({ state: "visible" });
    await expectAccessible(page, "a valid reserve list with laureates to call up");

    await table
      .getByRole("row", { name: /Elif Yilmaz/ })
      .getByRole("button", { name: "Oproepen" })
      .click();
    const dialog = page.getByRole("dialog", { name: "Elif Yilmaz oproepen" });
    await dialog.waitFor({ state: "visible" });
    await dialog.getByRole("combobox", { name: /^Vacature/ }).click();
    await page.getByRole("option", { name: "Jurist omgevingsrecht" }).click();
    await expectAccessible(page, "calling a laureate up");
    await dialog.getByRole("button", { name: "Oproepen" }).click();
    await dialog
      .getByText("Elif Yilmaz is opgeroepen voor Jurist omgevingsrecht en krijgt een mail.")
      .waitFor();
    await dialog.getByRole("button", { name: "Sluiten" }).first().click();
    await table
      .getByText("Opgeroepen: Jurist omgevingsrecht", { exact: false })
      .waitFor({ state: "visible" });
    expect(pageErrors).toEqual([]);
  });
});
