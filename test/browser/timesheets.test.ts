import { readFile } from "node:fs/promises";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, mondayOf } from "../../src/contracts/calendar-weeks";
import { PlacementDetailResponseSchema } from "../../src/contracts/placements";
import { todayIn } from "../../src/server/modules/vacancies";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { isoWeek } from "../../src/web/features/timesheets/week";
import { startTestServer, type TestServer } from "../support/server";
import {
  expectAccessible,
  fieldLabel,
  heading,
  launchBrowser,
  openPage,
  screenshot,
  signInAsDemoStaff,
  signInWithForm,
  skipBrowserTests,
} from "./support";

const CANDIDATE = { email: "kandidaat@demo.werkbrug.test", name: "Kim de Kandidaat" };
const CONTACT = { email: "werkgever@demo.werkbrug.test", name: "Wim van Westen" };
const MANAGER = "accountmanager@demo.werkbrug.test";
const REJECTION = "Vrijdag was je vrij; die 8 uur horen er niet bij.";

/** "week 7" as the screens name a week, from its Monday. */
const weekName = (monday: string) => `week ${isoWeek(monday)?.week}`;

/**
 * A link of the candidate's list, "Invullen, week 7": the week is visually hidden, positioned
 * apart, so the accessible name may have a space before the comma.
 */
const weekAction = (action: string, monday: string) => new RegExp(`^${action} ?, ${weekName(monday)}$`);

/** Hours as a Dutch CSV writes them ("7,50") as a number. */
const csvNumber = (text: string) => Number(text.replace(",", "."));

describe.skipIf(skipBrowserTests)(
  "timesheets in the browser: a week written, rejected, corrected, approved and exported",
  () => {
    let browser: Browser;
    let server: TestServer;
    const pageErrors: string[] = [];
    // The demo's dates follow today (src/server/seed/placements.ts): Kim started five weeks ago.
    const thisWeek = mondayOf(todayIn());
    const lastWeek = addDays(thisWeek, -7);
    const waitingWeek = addDays(thisWeek, -14);

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
    const menuLink = (page: Page, name: RegExp) =>
      page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name });
    /** The candidate's editor: the grid's "Normaal" cells, Monday first. */
    const normalCells = (page: Page) => main(page).getByRole("textbox", { name: /^Normaal, / });
    const section = (page: Page, name: string) => main(page).getByRole("region", { name, exact: true });
    /** A dialog once it has faded in: axe judges contrast on what is painted, not half-way. */
    const settled = async (dialog: Locator) => {
      await dialog.waitFor();
      await expect
        .poll(() =>
          dialog.evaluate(
            (el) => el.getAnimations({ subtree: true }).length === 0 && getComputedStyle(el).opacity === "1",
          ),
        )
        .toBe(true);
    };

    it("Kim submits last week, Wim rejects it with a comment, Kim corrects it, Wim approves two weeks at once, the account manager exports them", async () => {
      const haaglanden = server.portalUrl("haaglanden");

      // 1. Kim, placed at Westland Logistiek, finds "Urenstaten" in her menu and fills in last week.
      const kim = await openPage(browser, "10.81.0.1", pageErrors);
      await signInWithForm(kim, haaglanden, { email: CANDIDATE.email, password: DEMO_PASSWORD });
      await kim.getByRole("button", { name: `Accountmenu van ${CANDIDATE.name}` }).waitFor();
      await menuLink(kim, /^Urenstaten/).click();
      expect(await heading(kim)).toBe("Urenstaten");
      const fill = main(kim).getByRole("link", { name: weekAction("Invullen", lastWeek) });
      await fill.waitFor();
      // The seeded weeks: three approved, one sent and waiting.
      expect(await main(kim).getByText("Goedgekeurd", { exact: true }).count()).toBe(3);
      expect(await main(kim).getByText("Verzonden", { exact: true }).count()).toBe(1);
      await expectAccessible(kim, "the candidate's weeks");
      await screenshot(kim, "timesheets-candidate-weeks");

      await fill.focus();
      await kim.keyboard.press("Enter");
      await kim.waitForURL((u) => u.pathname.endsWith(`/${lastWeek}`));
      const cells = normalCells(kim);
      await expect.poll(() => cells.count()).toBe(7);
      // Monday to Friday by keyboard: type, Tab to the next day; Wednesday with a decimal comma.
      await cells.first().focus();
      for (const hours of ["8", "8", "7,5", "8", "8"]) {
        await kim.keyboard.type(hours);
        await kim.keyboard.press("Tab");
      }
      expect(await Promise.all([0, 1, 2, 3, 4, 5].map((i) => cells.nth(i).inputValue()))).toEqual([
        "8",
        "8",
        "7,5",
        "8",
        "8",
        "",
      ]);
      await expect.poll(() => main(kim).locator("[data-week-total]").textContent()).toBe("39,5");
      await main(kim)
        .getByRole("textbox", { name: fieldLabel("Opmerking") })
        .fill("Woensdag een half uur eerder weg.");
      await expectAccessible(kim, "the week editor");
      await screenshot(kim, "timesheets-editor");

      await main(kim).getByRole("button", { name: "Opslaan als concept" }).click();
      await main(kim).getByText("De week is opgeslagen als concept.", { exact: false }).waitFor();
      await main(kim).getByText("Concept", { exact: true }).waitFor();

      await main(kim).getByRole("button", { name: "Versturen", exact: true }).click();
      const confirm = kim.getByRole("dialog", { name: `${weekName(lastWeek)} versturen?` });
      await settled(confirm);
      await confirm.getByText("Totaal: 39,5 uur.").waitFor();
      await expectAccessible(kim, "the dialog confirming a week to send");
      await confirm.getByRole("button", { name: "Ja, versturen" }).click();
      await confirm.waitFor({ state: "hidden" });
      await main(kim).getByText("Verzonden", { exact: true }).waitFor();
      await main(kim)
        .getByText(/^Verzonden op .*wijzigen kan niet meer\.$/)
        .waitFor();
      expect(await cells.count()).toBe(0);
      await screenshot(kim, "timesheets-sent");

      // 2. Wim sees two weeks waiting on his home page, opens last week and rejects it.
      const wim = await openPage(browser, "10.81.0.2", pageErrors);
      await signInAsDemoStaff(wim, haaglanden, CONTACT.email);
      await wim.goto(`${haaglanden}/`);
      await heading(wim);
      const block = main(wim)
        .getByRole("region", { name: "Wat op je wacht" })
        .getByRole("region", { name: "Urenstaten" });
      await block.waitFor();
      await expect.poll(() => block.locator("[data-count]").textContent()).toBe("2");
      await screenshot(wim, "timesheets-contact-home");

      await menuLink(wim, /^Urenstaten/).click();
      expect(await heading(wim)).toBe("Urenstaten");
      const waiting = section(wim, "Te beoordelen");
      const selectName = (monday: string) => `Selecteer ${CANDIDATE.name}, ${weekName(monday)}`;
      const select = (monday: string) =>
        waiting.getByRole("checkbox", { name: selectName(monday), exact: true });
      await select(lastWeek).waitFor();
      await select(waitingWeek).waitFor();
      await expectAccessible(wim, "the contact's timesheets");
      await screenshot(wim, "timesheets-contact-list");

      const lastWeekRow = waiting
        .getByRole("row")
        .filter({ has: wim.getByRole("checkbox", { name: selectName(lastWeek), exact: true }) });
      await lastWeekRow.getByRole("link", { name: CANDIDATE.name }).click();
      expect(await heading(wim)).toBe(`${CANDIDATE.name}, ${weekName(lastWeek)}`);
      await main(wim).getByText("Woensdag een half uur eerder weg.").waitFor();
      await main(wim).getByText(`Verzonden door ${CANDIDATE.name} op`, { exact: false }).waitFor();
      await expectAccessible(wim, "a submitted week for the contact");
      await main(wim).getByRole("button", { name: "Afkeuren" }).click();
      const reject = wim.getByRole("dialog", { name: "Week afkeuren" });
      await settled(reject);
      const reason = reject.getByRole("textbox", { name: fieldLabel("Reden van afkeuring") });
      await expect.poll(() => reason.evaluate((el) => el === document.activeElement)).toBe(true);
      await expectAccessible(wim, "the reject dialog");
      // Without a reason the server refuses, and says so at the field.
      await reject.getByRole("button", { name: "Afkeuren" }).click();
      await reject.getByText("Geef bij het afkeuren van een weekstaat een toelichting.").waitFor();
      expect(await reason.getAttribute("aria-invalid")).toBe("true");
      await screenshot(wim, "timesheets-reject-without-reason");
      await reason.fill(REJECTION);
      await reject.getByRole("button", { name: "Afkeuren" }).press("Enter");
      await reject.waitFor({ state: "hidden" });
      await main(wim).getByText("Je hebt de week afgekeurd.", { exact: false }).waitFor();
      await main(wim).getByText(`Afgekeurd door ${CONTACT.name} op`, { exact: false }).waitFor();

      // 3. Kim sees why, corrects Friday and sends the week again.
      await menuLink(kim, /^Urenstaten/).click();
      await heading(kim);
      await main(kim).getByText(`Afgekeurd door ${CONTACT.name}: “${REJECTION}”`).waitFor();
      await main(kim)
        .getByRole("link", { name: weekAction("Corrigeren", lastWeek) })
        .click();
      await kim.waitForURL((u) => u.pathname.endsWith(`/${lastWeek}`));
      await main(kim).getByText(`${CONTACT.name} schreef: “${REJECTION}”`, { exact: false }).waitFor();
      await expect.poll(() => cells.count()).toBe(7);
      expect(await cells.nth(4).inputValue()).toBe("8");
      await expectAccessible(kim, "a rejected week in the editor");
      await screenshot(kim, "timesheets-correct");
      await cells.nth(4).fill("");
      await expect.poll(() => main(kim).locator("[data-week-total]").textContent()).toBe("31,5");
      await main(kim).getByRole("button", { name: "Versturen", exact: true }).click();
      await confirm.getByText("Totaal: 31,5 uur.").waitFor();
      await confirm.getByRole("button", { name: "Ja, versturen" }).click();
      await confirm.waitFor({ state: "hidden" });
      await main(kim).getByText("Verzonden", { exact: true }).waitFor();

      // 4. Wim approves last week and the week before it at once.
      await menuLink(wim, /^Urenstaten/).click();
      await heading(wim);
      await select(lastWeek).waitFor();
      await select(waitingWeek).waitFor();
      for (const monday of [lastWeek, waitingWeek]) {
        await select(monday).focus();
        await wim.keyboard.press("Space");
        await expect.poll(() => select(monday).isChecked()).toBe(true);
      }
      await waiting.getByRole("button", { name: "Geselecteerde goedkeuren (2)" }).click();
      const approve = wim.getByRole("dialog", { name: "2 weekstaten goedkeuren?" });
      await settled(approve);
      await expectAccessible(wim, "the dialog approving two weeks");
      await approve.getByRole("button", { name: "Goedkeuren" }).click();
      await approve.waitFor({ state: "hidden" });
      await waiting.getByText("2 weekstaten goedgekeurd.").waitFor();
      await waiting.getByText("Er wachten geen weekstaten op je beoordeling.").waitFor();
      expect(await waiting.getByRole("checkbox").count()).toBe(0);
      await expect
        .poll(() =>
          section(wim, "Beoordeeld")
            .getByRole("row")
            .filter({ hasText: `${weekName(lastWeek)},` })
            .filter({ hasText: "Goedgekeurd" })
            .count(),
        )
        .toBe(1);
      await screenshot(wim, "timesheets-approved");

      // 5. The account manager opens Kim's placement and exports the approved hours.
      // An English-language browser (headless Chromium's default) on the Dutch screen: the file
      // still comes in Dutch, as the screen does.
      const am = await openPage(browser, "10.81.0.3", pageErrors);
      await signInAsDemoStaff(am, haaglanden, MANAGER);
      await menuLink(am, /^Plaatsingen/).click();
      expect(await heading(am)).toBe("Plaatsingen");
      await main(am).getByRole("link", { name: CANDIDATE.name }).click();
      await expect.poll(() => heading(am)).toBe(`Plaatsing van ${CANDIDATE.name}`);
      const placementId = new URL(am.url()).pathname.split("/").at(-1)!;
      const weeks = section(am, "Weken");
      await weeks.getByRole("table").waitFor();
      // Five approved weeks, this week not yet filled in.
      await expect.poll(() => weeks.getByText("Goedgekeurd", { exact: true }).count()).toBe(5);
      const chart = section(am, "Uren per week");
      await chart.locator("svg").first().waitFor();
      const approvedShown = await main(am)
        .locator("dt", { hasText: /^Goedgekeurde uren$/ })
        .locator("xpath=following-sibling::dd[1]")
        .textContent();
      // What the API says, asked from the page (Node does not resolve *.localhost).
      const detail = PlacementDetailResponseSchema.parse(
        await am.evaluate(
          async (path) => (await fetch(path, { credentials: "same-origin" })).json(),
          `/api/v1/placements/${placementId}`,
        ),
      );
      // 32 + 31 + 33,5 (the seed) + 32 (the waiting week) + 31,5 (Kim's corrected week).
      expect(detail.totals.total).toBe(160);
      expect(detail.placement.approvedHours).toBe(160);
      expect(approvedShown?.trim()).toBe("160,00");
      const totalsRow = weeks.getByRole("row", { name: /^Totaal/ });
      expect((await totalsRow.getByRole("cell").allTextContents()).at(-2)?.trim()).toBe("160,00");
      await expectAccessible(am, "the placement with its weeks and chart");
      await screenshot(am, "timesheets-placement");

      await main(am).getByRole("link", { name: "Terug naar de plaatsingen" }).click();
      await main(am).getByRole("button", { name: "Exporteren" }).click();
      const exporting = am.getByRole("dialog", { name: "Goedgekeurde uren exporteren" });
      await settled(exporting);
      await exporting.getByLabel(fieldLabel("Van")).fill(addDays(thisWeek, -42));
      await exporting.getByLabel(fieldLabel("Tot en met")).fill(todayIn());
      await exporting.getByRole("radio", { name: "CSV" }).check();
      await expectAccessible(am, "the export dialog");
      await screenshot(am, "timesheets-export");
      const [download] = await Promise.all([
        am.waitForEvent("download"),
        exporting.getByRole("link", { name: "Downloaden" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`uren-${addDays(thisWeek, -42)}-${todayIn()}.csv`);
      const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
      const [header, ...lines] = csv
        .trimEnd()
        .split("\r\n")
        .map((line) => line.split(";"));
      const column = (name: string) => header!.indexOf(name);
      const kims = lines.filter((cells) => cells[column("Kandidaat")] === CANDIDATE.name);
      const weekStarts = kims.map((cells) => cells[column("Weekstart")]).sort();
      expect(weekStarts).toEqual([5, 4, 3, 2, 1].map((back) => addDays(thisWeek, -7 * back)));
      const exported = kims.reduce((sum, cells) => sum + csvNumber(cells[column("Totaal uren")]!), 0);
      expect(exported).toBe(detail.totals.total);
      const lastWeekLine = kims.find((cells) => cells[column("Weekstart")] === lastWeek)!;
      expect(lastWeekLine[column("Totaal uren")]).toBe("31,50");
      expect(lastWeekLine[column("Goedgekeurd door")]).toBe(CONTACT.name);

      expect(pageErrors).toEqual([]);
    }, 300_000);
  },
);
