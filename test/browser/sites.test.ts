import { and, eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Vacancy } from "../../src/contracts/vacancies";
import { organisationSites, organisations, siteStaff, vacancies } from "../../src/server/platform/schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
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

describe.skipIf(skipBrowserTests)("sites in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  let duinen: string;
  let vacancyId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
    const [org] = await server.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Zorgcentrum De Duinen"));
    duinen = org!.id;
    // A draft of De Duinen's to move to the new site.
    const manager = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    const created = await manager.call("/api/v1/vacancies", {
      body: {
        organisationId: duinen,
        displayTitle: "Helpende zorg Rijswijk",
        functionTitle: "Helpende zorg",
      },
    });
    expect(created.status, created.text).toBe(201);
    vacancyId = created.json<{ vacancy: Vacancy }>().vacancy.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the account manager adds a site to De Duinen with the keyboard, limits a colleague to it and puts a vacancy there", async () => {
    const haaglanden = server.portalUrl("haaglanden");
    const page = await openPage(browser, "10.81.0.1", pageErrors);
    await signInAsDemoStaff(page, haaglanden, "accountmanager@demo.werkbrug.test");

    // From the employer's page in the CRM to its sites.
    await page.goto(`${haaglanden}/werkgevers/${duinen}`);
    await heading(page);
    await page.getByText("Deze werkgever heeft 3 actieve locaties.").waitFor({ state: "visible" });
    await page.getByRole("link", { name: "Locaties beheren" }).click();
    expect(await heading(page)).toBe("Locaties");
    const table = page.getByRole("table", { name: "Locaties van Zorgcentrum De Duinen" });
    await table.getByRole("rowheader", { name: "De Duinen Kijkduin" }).waitFor({ state: "visible" });
    await expectAccessible(page, "the sites of De Duinen");

    // "Locatie toevoegen", by keyboard: the dialog opens on its first field.
    const add = page.getByRole("button", { name: "Locatie toevoegen" });
    await add.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Locatie toevoegen" });
    await dialog.waitFor({ state: "visible" });
    const nameField = dialog.getByRole("textbox", { name: fieldLabel("Naam van de locatie") });
    await expect.poll(() => nameField.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("De Duinen Rijswijk");
    await dialog.getByRole("textbox", { name: fieldLabel("Straat") }).fill("Haagweg");
    await dialog.getByRole("textbox", { name: fieldLabel("Huisnummer") }).fill("2");
    await dialog.getByRole("textbox", { name: fieldLabel("Postcode") }).fill("1234");
    const place = dialog.getByRole("combobox", { name: fieldLabel("Plaats") });
    await place.fill("Rijswijk");
    await page
      .getByRole("option", { name: /^Rijswijk$/ })
      .first()
      .waitFor({ state: "visible" });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    // A postcode without letters is refused, with the reason at the field.
    await dialog.getByText("Vul een postcode in zoals 2511 AB.").waitFor({ state: "visible" });
    await expectAccessible(page, "the add-site dialog with an error");
    await dialog.getByRole("textbox", { name: fieldLabel("Postcode") }).fill("2281aa");
    await dialog.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("Locatie De Duinen Rijswijk is toegevoegd.").waitFor({ state: "visible" });
    const row = table.getByRole("row", { name: /De Duinen Rijswijk/ });
    await row.getByText("Haagweg 2, 2281 AA Rijswijk").waitFor({ state: "visible" });

    // Limit the referrer to the new site.
    await row.getByRole("button", { name: "Medewerkers De Duinen Rijswijk" }).click();
    const staff = page.getByRole("dialog", { name: "Medewerkers van De Duinen Rijswijk" });
    await staff.waitFor({ state: "visible" });
    await staff.getByRole("combobox", { name: "Beperkt tot deze locatie" }).fill("Vincent");
    await page.getByRole("option", { name: /Vincent Verhoeven/ }).click();
    await expectAccessible(page, "choosing staff limited to a site");
    // Escape closes the list, not the dialog.
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("option", { name: /Vincent Verhoeven/ }).count()).toBe(0);
    await staff.getByRole("button", { name: "Opslaan" }).click();
    await page
      .getByText("De medewerkers van De Duinen Rijswijk zijn opgeslagen.")
      .waitFor({ state: "visible" });
    await row.getByText("Vincent Verhoeven").waitFor({ state: "visible" });
    await expectAccessible(page, "the sites after adding one");
    await screenshot(page, "sites-duinen");

    const [site] = await server.database.db
      .select()
      .from(organisationSites)
      .where(
        and(eq(organisationSites.organisationId, duinen), eq(organisationSites.name, "De Duinen Rijswijk")),
      );
    expect(site).toMatchObject({ postcode: "2281 AA", city: "Rijswijk", placeId: "nl-gm0603" });
    const limited = await server.database.db.select().from(siteStaff).where(eq(siteStaff.siteId, site!.id));
    expect(limited.map((l) => l.userId)).toEqual(["demo-verwijzer"]);

    // A vacancy of De Duinen moves to the new site on its form ("Locatie").
    await page.goto(`${haaglanden}/vacaturebeheer/${vacancyId}/bewerken`);
    await heading(page);
    await page
      .getByRole("main")
      .getByRole("combobox", { name: /^Locatie/ })
      .selectOption({ label: "De Duinen Rijswijk (Rijswijk)" });
    await page.getByRole("main").getByRole("button", { name: "Opslaan", exact: true }).click();
    await expect
      .poll(async () => {
        const [row] = await server.database.db
          .select({ siteId: vacancies.siteId })
          .from(vacancies)
          .where(eq(vacancies.id, vacancyId));
        return row?.siteId;
      })
      .toBe(site!.id);
    await page.getByText("De Duinen Rijswijk, Rijswijk").waitFor({ state: "visible" });

    // Deactivated, the site leaves the list (and the form), and comes back when asked for.
    await page.goto(`${haaglanden}/locaties?organisatie=${duinen}`);
    await heading(page);
    await table
      .getByRole("row", { name: /De Duinen Rijswijk/ })
      .getByRole("button", { name: "Deactiveren De Duinen Rijswijk" })
      .click();
    await page.getByText("Locatie De Duinen Rijswijk is gedeactiveerd.").waitFor({ state: "visible" });
    await expect.poll(() => table.getByRole("rowheader", { name: "De Duinen Rijswijk" }).count()).toBe(0);
    await page.getByRole("checkbox", { name: "Ook gedeactiveerde locaties tonen" }).check();
    await table
      .getByRole("row", { name: /De Duinen Rijswijk/ })
      .getByText("Gedeactiveerd")
      .waitFor({ state: "visible" });
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
