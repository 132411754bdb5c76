import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
import { totpCode } from "../support/session";
import {
  expectAccessible,
  heading,
  launchBrowser,
  screenshot,
  signInWithForm,
  skipBrowserTests,
} from "./support";

/** A field's label exactly; a required field's label ends in an asterisk. */
const field = (label: string) => new RegExp(`^${label}( \\*)?$`);
const EMPLOYER = { email: "werkgever@demo.werkbrug.test", name: "Wim van Westen" };
const CANDIDATE = { email: "kandidaat@demo.werkbrug.test", name: "Kim de Kandidaat" };
const TITLE = "Orderpicker koel- en vriesvers in Naaldwijk";
/** A tiny but real PDF: the server judges uploads by their content. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** yyyy-mm-dd in the Dutch calendar, plus whole days. */
function day(offset = 0): string {
  const today = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

describe.skipIf(skipBrowserTests)(
  "vacancies in the browser: from the employer's form to a candidate's application",
  () => {
    let browser: Browser;
    let server: TestServer;
    let clients = 0;
    const contexts: BrowserContext[] = [];
    const pageErrors: string[] = [];

    beforeAll(async () => {
      browser = await launchBrowser();
      await ensureWebBuild();
      server = await startTestServer();
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await server?.close();
    });

    async function newPage(): Promise<Page> {
      clients++;
      // A browser set to American English: the Dutch screens still write dates the Dutch way.
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: "en-US",
        extraHTTPHeaders: { "x-forwarded-for": `10.79.0.${clients}` },
      });
      context.setDefaultTimeout(10_000);
      context.on("weberror", (error) => pageErrors.push(error.error().message));
      contexts.push(context);
      return context.newPage();
    }

    const main = (page: Page) => page.getByRole("main");

    async function signIn(page: Page, base: string, email: string, code?: () => string) {
      await signInWithForm(page, base, { email, password: DEMO_PASSWORD, ...(code ? { code } : {}) });
    }

    /** A searchable select fed by the server: type, wait for the suggestion, pick it. */
    async function pick(page: Page, label: string, text: string, option: RegExp) {
      const input = main(page).getByRole("combobox", { name: field(label) });
      await input.fill(text);
      await page.getByRole("option", { name: option }).first().click();
      await expect.poll(() => input.inputValue()).toMatch(option);
    }

    it("lets an employer add and publish a vacancy that a candidate nearby finds and responds to", async () => {
      const haaglanden = server.portalUrl("haaglanden");

      // The employer contact of Westland Logistiek (Maasdijk), with the app's code.
      const employer = await newPage();
      await signIn(employer, haaglanden, EMPLOYER.email, () => totpCode());
      await employer
        .getByRole("button", { name: `Accountmenu van ${EMPLOYER.name}` })
        .waitFor({ state: "visible" });
      await employer
        .getByRole("navigation", { name: "Hoofdmenu" })
        .getByRole("link", { name: "Vacatures" })
        .click();
      await employer.waitForURL((u) => u.pathname === "/vacaturebeheer");
      expect(await heading(employer)).toBe("Vacatures");
      // The Kansenportaal's lists: what the corporation put out, and its archive.
      const views = main(employer).getByRole("radiogroup", { name: "Welke vacatures" });
      expect(await views.getByRole("radio", { name: /^Mijn uitgezette kansen \(\d+\)$/ }).isChecked()).toBe(
        true,
      );
      const table = main(employer).getByRole("table", { name: "Mijn uitgezette kansen" });
      await table.waitFor({ state: "visible" });
      expect(await table.getByRole("columnheader", { name: "Aanmaakdatum" }).getAttribute("aria-sort")).toBe(
        "descending",
      );
      // Sorting by company name, A to Z, lives in the address.
      await table.getByRole("button", { name: "Bedrijfsnaam" }).click();
      await expect
        .poll(() => table.getByRole("columnheader", { name: "Bedrijfsnaam" }).getAttribute("aria-sort"))
        .toBe("ascending");
      expect(new URL(employer.url()).searchParams.get("sort")).toBe("company");
      await screenshot(employer, "vacancies-overview");
      await expectAccessible(employer, "vacancy overview");

      // The filter panel: one filter, then "Alles wissen".
      await main(employer).getByRole("button", { name: "Filters" }).click();
      const filters = employer.getByRole("dialog", { name: "Vacatures filteren" });
      // Until it has slid in, its colours are still fading (and axe would say so).
      await filters.getByRole("button", { name: "Klaar" }).click({ trial: true });
      await filters
        .getByLabel("Kandidaten voorgesteld")
        .selectOption({ label: "Geen kandidaten voorgesteld" });
      await expect.poll(() => new URL(employer.url()).searchParams.get("proposed")).toBe("no");
      await expectAccessible(employer, "vacancy filters");
      await filters.getByRole("button", { name: "Alles wissen" }).click();
      await expect.poll(() => new URL(employer.url()).searchParams.get("proposed")).toBeNull();
      await filters.getByRole("button", { name: "Klaar" }).click();
      await filters.waitFor({ state: "hidden" });

      // The manual's big "+" bottom right.
      await main(employer).getByRole("link", { name: "Vacature toevoegen" }).click();
      await employer.waitForURL((u) => u.pathname === "/vacaturebeheer/nieuw");
      expect(await heading(employer)).toBe("Vacature toevoegen");
      const form = main(employer);
      await form
        .getByRole("combobox", { name: field("Werkgever") })
        .selectOption({ label: "Westland Logistiek B.V." });
      await form.getByLabel(field("Weergavetitel")).fill(TITLE);
      await form.getByLabel(field("Functietitel")).fill("Orderpicker");
      await form
        .getByLabel(field("Functieomschrijving"))
        .fill("Je verzamelt bestellingen in ons koel- en vrieshuis.\nWerktijden in overleg, ook parttime.");
      await pick(employer, "Beroep", "magazijnmedewerker", /^magazijnmedewerker$/);
      await form.getByLabel(field("Opleidingsniveau")).selectOption({ label: "Mbo 2" });
      const hours = form.getByRole("group", { name: "Uren per week" });
      await hours.getByLabel(field("Minimaal")).fill("24");
      await hours.getByLabel(field("Maximaal")).fill("32");
      await form.getByRole("switch", { name: "Ander adres" }).check();
      await form.getByLabel(field("Straat")).fill("Middel Broekweg");
      await form.getByLabel(field("Huisnummer")).fill("5");
      await form.getByLabel(field("Postcode")).fill("2675 KB");
      await pick(employer, "Plaats", "Naaldwijk", /^Naaldwijk/);
      // Dates typed the Dutch way (day first) or pasted as ISO; both shown as dd-mm-jjjj.
      const dutch = (iso: string) => iso.split("-").reverse().join("-");
      await form.getByLabel(field("Eigen regio")).fill(dutch(day(0)).replace(/^0/, ""));
      const closesOn = form.getByLabel(field("Sluitingsdatum"));
      expect(await closesOn.getAttribute("placeholder")).toBe("dd-mm-jjjj");
      await closesOn.fill(day(30));
      await closesOn.press("Tab");
      expect(await closesOn.inputValue()).toBe(dutch(day(30)));
      expect(await form.getByLabel(field("Eigen regio")).inputValue()).toBe(dutch(day(0)));
      // The calendar speaks Dutch and starts on Monday.
      await closesOn.click();
      const calendar = employer.locator("[data-dates-dropdown]");
      await calendar.waitFor({ state: "visible" });
      expect((await calendar.locator("thead th").allTextContents()).join(" ")).toBe("ma di wo do vr za zo");
      await expectAccessible(employer, "vacancy form with the closing date's calendar open");
      await closesOn.press("Escape");
      await calendar.waitFor({ state: "hidden" });
      await screenshot(employer, "vacancy-form");
      await expectAccessible(employer, "vacancy form");

      // A temporary job needs an end date: the server says so under the field, and keeps the rest.
      await form.getByRole("radio", { name: "Tijdelijk" }).check();
      await form.getByRole("button", { name: "Opslaan" }).click();
      const endDate = form.getByLabel(field("Einddatum"));
      await expect.poll(() => endDate.getAttribute("aria-invalid")).toBe("true");
      await main(employer).getByText("Controleer de gemarkeerde velden.").waitFor({ state: "visible" });
      expect(await form.getByLabel(field("Weergavetitel")).inputValue()).toBe(TITLE);
      expect(await form.getByRole("combobox", { name: field("Plaats") }).inputValue()).toMatch(/^Naaldwijk/);
      await expectAccessible(employer, "vacancy form with a field error from the server");
      await form.getByRole("radio", { name: "Vast" }).check();
      await form.getByRole("button", { name: "Opslaan" }).click();

      // The detail page, with the confirmation; then "Publiceren" from the meer-opties menu.
      await employer.waitForURL((u) => /^\/vacaturebeheer\/[0-9a-f-]{36}$/.test(u.pathname));
      await expect.poll(() => heading(employer)).toBe(TITLE);
      await main(employer).getByText("De vacature is toegevoegd.").waitFor({ state: "visible" });
      expect(await main(employer).getByText("Concept", { exact: true }).first().isVisible()).toBe(true);
      await main(employer).getByRole("button", { name: "Meer opties" }).click();
      await employer.getByRole("menuitem", { name: "Publiceren" }).click();
      await main(employer).getByText("De vacature is gepubliceerd.").waitFor({ state: "visible" });
      expect(await main(employer).getByText("Gepubliceerd", { exact: true }).first().isVisible()).toBe(true);
      const facts = await main(employer).textContent();
      expect(facts).toContain("Westland Logistiek B.V.");
      expect(facts).toContain("24–32 uur per week");
      expect(facts).toContain("Middel Broekweg 5, 2675 KB Naaldwijk");
      // The history says who did what.
      const history = main(employer).getByRole("table", {
        name: "Wijzigingen aan de vacature, nieuwste eerst",
      });
      await history.getByRole("cell", { name: "Gepubliceerd", exact: true }).waitFor({ state: "visible" });
      expect(await history.textContent()).toContain(EMPLOYER.name);
      await screenshot(employer, "vacancy-detail");
      await expectAccessible(employer, "vacancy detail");

      // Bewerken: a change of hours, saved and in the history. The menu itself passes axe, and
      // the keyboard lands on its first item.
      await main(employer).getByRole("button", { name: "Meer opties" }).click();
      await expect
        .poll(() => employer.evaluate(() => document.activeElement?.getAttribute("role") ?? null))
        .toBe("menuitem");
      await expectAccessible(employer, "vacancy detail with its options menu open");
      await employer.getByRole("menuitem", { name: "Bewerken" }).click();
      await employer.waitForURL((u) => u.pathname.endsWith("/bewerken"));
      // An attachment (after the first save), stored at once.
      await main(employer)
        .locator('input[type="file"][accept*="pdf"]')
        .setInputFiles({ name: "functieprofiel.pdf", mimeType: "application/pdf", buffer: PDF });
      await main(employer).getByText("functieprofiel.pdf is toegevoegd.").waitFor({ state: "visible" });
      await main(employer).getByRole("link", { name: "functieprofiel.pdf" }).waitFor({ state: "visible" });
      const editHours = main(employer).getByRole("group", { name: "Uren per week" });
      await editHours.getByLabel(field("Maximaal")).fill("36");
      await main(employer).getByRole("button", { name: "Opslaan" }).click();
      await main(employer).getByText("De wijzigingen zijn opgeslagen.").waitFor({ state: "visible" });
      await history.getByText("Uren per week (maximaal): 32 → 36").waitFor({ state: "visible" });
      expect(
        await main(employer)
          .getByRole("region", { name: "Bijlagen" })
          .getByRole("link", { name: "functieprofiel.pdf" })
          .getAttribute("href"),
      ).toMatch(/^\/api\/v1\/vacancies\/[0-9a-f-]{36}\/attachments\/[0-9a-f-]{36}$/);

      // The print view stands alone, without the app around it.
      const vacancyPath = new URL(employer.url()).pathname;
      const print = await employer.context().newPage();
      await print.goto(`${haaglanden}${vacancyPath}/print`);
      await print.getByRole("heading", { level: 1, name: TITLE }).waitFor({ state: "visible" });
      expect(await print.getByRole("navigation", { name: "Hoofdmenu" }).count()).toBe(0);
      expect(await print.getByRole("button", { name: "Afdrukken" }).isVisible()).toBe(true);
      await expectAccessible(print, "vacancy print view");
      await print.close();

      // The published vacancy is in the overview, visible to the region.
      await employer.goto(`${haaglanden}/vacaturebeheer?q=${encodeURIComponent("koel- en vriesvers")}`);
      const row = main(employer).getByRole("row", { name: new RegExp(TITLE) });
      await row.waitFor({ state: "visible" });
      expect(await row.textContent()).toContain("Eigen regio");

      // A candidate in Den Haag (no second factor for candidates).
      const candidate = await newPage();
      await signIn(candidate, haaglanden, CANDIDATE.email);
      await candidate
        .getByRole("button", { name: `Accountmenu van ${CANDIDATE.name}` })
        .waitFor({ state: "visible" });
      await candidate
        .getByRole("navigation", { name: "Hoofdmenu" })
        .getByRole("link", { name: "Vacatures" })
        .click();
      await candidate.waitForURL((u) => u.pathname === "/kansen");
      expect(await heading(candidate)).toBe("Vacatures");
      await main(candidate)
        .getByText(/vacatures? gevonden/)
        .waitFor({ state: "visible" });
      await main(candidate).getByLabel("Afstand").selectOption({ label: "Binnen 25 km" });
      await expect.poll(() => new URL(candidate.url()).searchParams.get("distanceKm")).toBe("25");
      await main(candidate)
        .getByRole("searchbox", { name: "Zoek op titel, functie of organisatie" })
        .fill("orderpicker");
      await main(candidate).getByRole("button", { name: "Zoeken", exact: true }).click();
      await expect.poll(() => new URL(candidate.url()).searchParams.get("q")).toBe("orderpicker");
      const card = main(candidate)
        .getByRole("list", { name: "Gevonden vacatures" })
        .getByRole("listitem")
        .filter({ hasText: TITLE });
      await card.waitFor({ state: "visible" });
      expect(await card.textContent()).toMatch(/\d+ km/);
      expect(await card.textContent()).toContain("24–36 uur per week");
      await screenshot(candidate, "kansen");
      await expectAccessible(candidate, "kansen");

      await card.getByRole("link", { name: TITLE }).click();
      await candidate.waitForURL((u) => u.pathname.startsWith("/kansen/"));
      await expect.poll(() => heading(candidate)).toBe(TITLE);
      // "Bewaren" keeps it for later (a toggle).
      await main(candidate).getByRole("button", { name: "Bewaren" }).click();
      await main(candidate).getByRole("button", { name: "Bewaard", pressed: true }).waitFor();
      await main(candidate).getByRole("button", { name: "Reageren" }).click();
      const dialog = candidate.getByRole("dialog", { name: "Reageren op deze vacature" });
      // Motivation is required.
      await dialog.getByRole("button", { name: "Reactie versturen" }).click();
      await dialog.getByText("Schrijf een motivatie.").waitFor({ state: "visible" });
      await dialog
        .getByLabel(field("Motivatie"))
        .fill("Ik heb twee jaar in een distributiecentrum gewerkt en woon dichtbij.");
      await expectAccessible(candidate, "application dialog");
      await dialog.getByRole("button", { name: "Reactie versturen" }).click();
      await dialog.waitFor({ state: "hidden" });
      await main(candidate)
        .getByText(/Je reactie is verstuurd/)
        .waitFor({ state: "visible" });
      await main(candidate)
        .getByText(/^Je hebt gereageerd op /)
        .waitFor({ state: "visible" });
      expect(await main(candidate).getByRole("button", { name: "Reageren" }).count()).toBe(0);
      await expectAccessible(candidate, "kans detail after applying");

      await candidate
        .getByRole("navigation", { name: "Hoofdmenu" })
        .getByRole("link", { name: "Mijn sollicitaties" })
        .click();
      await candidate.waitForURL((u) => u.pathname === "/sollicitaties");
      expect(await heading(candidate)).toBe("Mijn sollicitaties");
      const applications = main(candidate).getByRole("table", {
        name: "Vacatures waarop je hebt gereageerd, nieuwste eerst",
      });
      const application = applications.getByRole("row", { name: new RegExp(TITLE) });
      await application.waitFor({ state: "visible" });
      expect(await application.textContent()).toContain("Westland Logistiek B.V.");
      expect(await application.getByText("Verstuurd").isVisible()).toBe(true);
      await screenshot(candidate, "applications");
      await expectAccessible(candidate, "my applications");

      // The same list in English.
      await candidate.getByRole("button", { name: "EN, English" }).click();
      expect(await heading(candidate)).toBe("My applications");
      await main(candidate)
        .getByRole("table", { name: "Vacancies you responded to, newest first" })
        .getByRole("row", { name: new RegExp(TITLE) })
        .getByText("Sent")
        .waitFor({ state: "visible" });
      await expectAccessible(candidate, "my applications (en)");

      // The card in the list now says the candidate responded.
      await candidate.goto(`${haaglanden}/kansen?distanceKm=25&q=orderpicker`);
      const responded = main(candidate).getByRole("listitem").filter({ hasText: TITLE });
      await responded.getByText("Responded").waitFor({ state: "visible" });

      // Closing from the overview's row ("met pijltje") puts it under "Mijn gearchiveerde kansen".
      await employer.goto(`${haaglanden}/vacaturebeheer?q=${encodeURIComponent("koel- en vriesvers")}`);
      await row.waitFor({ state: "visible" });
      await row.getByRole("button", { name: `Status wijzigen van ‘${TITLE}’` }).click();
      const statusMenu = employer.getByRole("menu");
      // Only what the employer may do with a published vacancy.
      await statusMenu.getByRole("menuitem", { name: "Sluiten" }).waitFor({ state: "visible" });
      expect(await statusMenu.getByRole("menuitem").allTextContents()).toEqual([
        "Intrekken",
        "Sluiten",
        "Archiveren",
      ]);
      await expectAccessible(employer, "vacancy overview with a row's status menu");
      await statusMenu.getByRole("menuitem", { name: "Sluiten" }).click();
      await main(employer)
        .getByText(`‘${TITLE}’ is gesloten. Je vindt hem nu onder Mijn gearchiveerde kansen.`)
        .waitFor({ state: "visible" });
      await row.waitFor({ state: "detached" });
      await views.getByText(/^Mijn gearchiveerde kansen \(1\)$/).click();
      await expect.poll(() => new URL(employer.url()).searchParams.get("status")).toBe("archived");
      const archived = main(employer)
        .getByRole("table", { name: "Mijn gearchiveerde kansen" })
        .getByRole("row", { name: new RegExp(TITLE) });
      await archived.getByText("Gesloten", { exact: true }).waitFor({ state: "visible" });
      await screenshot(employer, "vacancies-archive");
      await expectAccessible(employer, "archived vacancies");
    }, 240_000);

    it("lets an HR officer request a vacancy that a selection officer approves", async () => {
      const REQUEST = "Beleidsadviseur arbeidsmarkt (aanvraag)";
      const hr = await newPage();
      await signIn(hr, server.url, "hr@demo.werkbrug.test", () => totpCode());
      await hr.getByRole("button", { name: "Accountmenu van Hanna de Ruiter" }).waitFor({ state: "visible" });
      await hr
        .getByRole("navigation", { name: "Hoofdmenu" })
        .getByRole("link", { name: "Vacature-aanvragen" })
        .click();
      expect(await heading(hr)).toBe("Vacature-aanvragen");
      await main(hr).getByRole("link", { name: "Vacature toevoegen" }).click();
      await hr.waitForURL((u) => u.pathname === "/vacaturebeheer/nieuw");
      await main(hr).getByLabel(field("Weergavetitel")).fill(REQUEST);
      await main(hr).getByLabel(field("Functietitel")).fill("Beleidsadviseur");
      await main(hr)
        .getByLabel("Toelichting bij de aanvraag")
        .fill("Vervanging wegens vertrek per 1 februari.");
      await main(hr).getByRole("button", { name: "Aanvraag indienen" }).click();
      await hr.waitForURL((u) => /^\/vacaturebeheer\/[0-9a-f-]{36}$/.test(u.pathname));
      await main(hr).getByText("De aanvraag is ingediend.").waitFor({ state: "visible" });
      expect(await main(hr).getByText("Aangevraagd", { exact: true }).first().isVisible()).toBe(true);
      const requestPath = new URL(hr.url()).pathname;
      // The requests page lists it.
      await hr.goto(`${server.url}/vacature-aanvragen`);
      await main(hr)
        .getByRole("row", { name: new RegExp(REQUEST.replace(/[()]/g, "\\$&")) })
        .waitFor({ state: "visible" });

      const selection = await newPage();
      await signIn(selection, server.url, "selectie@demo.werkbrug.test", () => totpCode());
      await selection
        .getByRole("button", { name: "Accountmenu van Sander Visser" })
        .waitFor({ state: "visible" });
      await selection.goto(`${server.url}${requestPath}`);
      await expect.poll(() => heading(selection)).toBe(REQUEST);
      await main(selection)
        .getByText("Vervanging wegens vertrek per 1 februari.")
        .first()
        .waitFor({ state: "visible" });
      // Rejecting needs a reason; approving does not.
      await main(selection).getByRole("button", { name: "Afkeuren" }).click();
      const reject = selection.getByRole("dialog", { name: "Aanvraag afkeuren" });
      await reject.getByRole("button", { name: "Afkeuren" }).click();
      await reject.getByText("Geef een reden.").waitFor({ state: "visible" });
      await expectAccessible(selection, "reject dialog with an error");
      await reject.getByRole("button", { name: "Annuleren" }).click();
      await main(selection).getByRole("button", { name: "Goedkeuren" }).click();
      const approve = selection.getByRole("dialog", { name: "Aanvraag goedkeuren" });
      await approve.getByLabel("Toelichting").fill("Akkoord, budget is er.");
      await approve.getByRole("button", { name: "Goedkeuren" }).click();
      await main(selection).getByText("De aanvraag is goedgekeurd.").waitFor({ state: "visible" });
      expect(await main(selection).getByText("Concept", { exact: true }).first().isVisible()).toBe(true);
      expect(await main(selection).textContent()).toContain("Akkoord, budget is er.");
    }, 240_000);

    it("raised no script errors on any page", () => {
      expect(pageErrors).toEqual([]);
    });
  },
);
