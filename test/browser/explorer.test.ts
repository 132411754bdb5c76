import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidates } from "../../src/server/modules/candidates/candidates.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
import { totpCode } from "../support/session";
import {
  expectAccessible,
  fieldLabel,
  heading,
  launchBrowser,
  pickOption,
  screenshot,
  signInWithForm,
  skipBrowserTests,
} from "./support";

const ACCOUNT_MANAGER = { email: "accountmanager@demo.werkbrug.test", name: "Fatima El Amrani" };
const TERMS = "Zoek op beroep, taal, rijbewijs of trefwoord";

describe.skipIf(skipBrowserTests)("the candidate explorer in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer({ web: true });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function newPage(viewport = { width: 1400, height: 900 }): Promise<Page> {
    const context = await browser.newContext({
      viewport,
      extraHTTPHeaders: { "x-forwarded-for": `10.82.0.${contexts.length + 1}` },
    });
    context.setDefaultTimeout(10_000);
    context.on("weberror", (error) => pageErrors.push(error.error().message));
    contexts.push(context);
    return context.newPage();
  }

  /** A page signed in as the demo account manager on the Haaglanden portal. */
  async function managerPage(viewport?: { width: number; height: number }): Promise<Page> {
    const page = await newPage(viewport);
    await signInWithForm(page, server.portalUrl("haaglanden"), {
      email: ACCOUNT_MANAGER.email,
      password: DEMO_PASSWORD,
      code: () => totpCode(),
    });
    return page;
  }

  const main = (page: Page) => page.getByRole("main");
  const results = (page: Page) => main(page).getByRole("list", { name: "Kandidaten, best passend eerst" });
  const count = (page: Page) =>
    main(page)
      .getByRole("region", { name: "Zoekresultaten" })
      .getByRole("status")
      .textContent()
      .then((text) => text ?? "");
  /** Waits up to 10 s for a search to answer (the machine is shared; the default is 1 s). */
  const slowPoll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });
  const total = async (page: Page) => Number.parseInt((await count(page)).replace(/\D/g, "") || "-1", 10);

  it("finds a truck driver near Den Haag, stars, contacts and saves them, and finds them again", async () => {
    const haaglanden = server.portalUrl("haaglanden");
    const page = await managerPage();
    await page.getByRole("button", { name: `Accountmenu van ${ACCOUNT_MANAGER.name}` }).waitFor();

    // The menu leads to the explorer, which lists candidates before any search.
    await main(page).waitFor();
    await page.getByRole("navigation").getByRole("link", { name: "Kandidaten" }).first().click();
    await page.waitForURL((u) => u.pathname === "/kandidaten");
    expect(await heading(page)).toBe("Kandidaten");
    await expect.poll(() => total(page)).toBeGreaterThan(0);
    const everyone = await total(page);
    await main(page).getByText("Kies een kandidaat in de lijst om het profiel te bekijken.").waitFor();

    // "Automatische suggesties": the occupation is recognised as you type; the arrow keys take it.
    const terms = main(page).getByRole("combobox", { name: fieldLabel(TERMS) });
    await terms.fill("chauffeur vrachtwagen");
    const suggestion = page.getByRole("option", { name: /vrachtwagen.*Beroep/i }).first();
    await suggestion.waitFor();
    const occupation = ((await suggestion.locator("span").first().textContent()) ?? "").trim();
    expect(occupation).not.toBe("");
    await expectAccessible(page, "explorer with suggestions open");
    await terms.press("ArrowDown");
    await expect.poll(() => terms.getAttribute("aria-activedescendant")).toBeTruthy();
    // Walk to the occupation suggestion if it is not the first.
    for (let i = 0; i < 10; i++) {
      const active = await terms.getAttribute("aria-activedescendant");
      const text = active ? await page.locator(`[id="${active}"]`).textContent() : "";
      if (/Beroep/.test(text ?? "") && (text ?? "").includes(occupation)) break;
      await terms.press("ArrowDown");
    }
    await terms.press("Enter");
    const removeChip = main(page).getByRole("button", { name: `${occupation} (Beroep) verwijderen` });
    await removeChip.waitFor();
    // The recognised words left the text.
    expect(await terms.inputValue()).toBe("");

    // "Locatie en Afstand": Den Haag, 25 km; then "Zoeken".
    await pickOption(page, "Plaats", "Den Haag", /^Den Haag/);
    await main(page).getByLabel(fieldLabel("Afstand")).selectOption({ label: "25 km" });
    await main(page).getByRole("button", { name: "Zoeken", exact: true }).click();
    await page.waitForURL((u) => u.searchParams.has("chips") && u.searchParams.get("radius") === "25");
    await expect.poll(async () => (await total(page)) < everyone).toBe(true);
    await expect.poll(() => total(page)).toBeGreaterThan(0);
    const drivers = await total(page);

    // "Kandidaten filteren": Rijbewijs → CE, with its count.
    const categories = main(page).getByRole("tablist", { name: "Filtercategorieën" });
    await categories.getByRole("tab", { name: /^Rijbewijs/ }).click();
    const ce = main(page)
      .getByRole("checkbox", { name: /CE.* \(\d+\)$/ })
      .first();
    await ce.waitFor();
    const ceLabel = await main(page)
      .locator("label")
      .filter({ hasText: /CE.* \(\d+\)$/ })
      .first()
      .textContent();
    const ceCount = Number.parseInt(/\((\d+)\)$/.exec(ceLabel ?? "")?.[1] ?? "-1", 10);
    expect(ceCount).toBeGreaterThan(0);
    await ce.check();
    await page.waitForURL((u) => (u.searchParams.get("filters") ?? "").includes("CE"));
    await main(page)
      .getByRole("status")
      .filter({ hasText: /^1 filter$/ })
      .waitFor();
    await categories.getByRole("tab", { name: /^Rijbewijs.*1 filter actief/ }).waitFor();
    await expect.poll(() => total(page)).toBe(ceCount);
    expect(ceCount).toBeLessThanOrEqual(drivers);
    await screenshot(page, "explorer-results");
    await expectAccessible(page, "explorer with a filter");

    // The best match first; its profile opens on the right.
    const first = results(page).getByRole("listitem").first().getByRole("button");
    const name = ((await first.locator("p").first().textContent()) ?? "").trim();
    expect(name).not.toBe("");
    await first.click();
    await page.waitForURL((u) => u.searchParams.has("candidate"));
    const profile = main(page).getByRole("region", { name: "Kandidaat profiel" });
    await expect.poll(() => profile.getByTestId("candidate-name").textContent()).toBe(name);
    expect(await first.getAttribute("aria-current")).toBe("true");

    // The star: a favourite, also in the list.
    await profile.getByRole("button", { name: "Favoriet maken" }).click();
    await profile.getByRole("button", { name: "Favoriet", exact: true, pressed: true }).waitFor();
    await results(page).getByRole("listitem").first().getByText("Favoriet").waitFor({ state: "attached" });

    // "Contactgegevens": asked for, and logged.
    await profile.getByRole("button", { name: "Contactgegevens" }).click();
    await profile.getByTestId("contact-details").waitFor();

    // "Toevoegen aan vacature".
    await profile.getByRole("button", { name: "Toevoegen aan vacature" }).click();
    const firstName = name.split(" ")[0] ?? name;
    const add = page.getByRole("dialog", { name: `${firstName} toevoegen aan een vacature` });
    await add.getByRole("combobox", { name: "Vacature" }).fill("heftruck");
    await page
      .getByRole("option", { name: /heftruck/i })
      .first()
      .click();
    await add.getByRole("button", { name: "Toevoegen", exact: true }).click();
    await add.getByRole("cell", { name: ACCOUNT_MANAGER.name }).waitFor();
    await add.getByRole("button", { name: "Sluiten" }).click();
    await add.waitFor({ state: "hidden" });
    await screenshot(page, "explorer-profile");
    await expectAccessible(page, "explorer with a profile open");

    // The search is in the address bar: a reload shows the same view.
    await page.reload();
    await removeChip.waitFor();
    expect(
      await main(page)
        .getByRole("combobox", { name: fieldLabel("Plaats") })
        .inputValue(),
    ).toMatch(/^Den Haag/);
    await expect.poll(() => total(page)).toBe(ceCount);
    await expect.poll(() => profile.getByTestId("candidate-name").textContent()).toBe(name);

    // "Alles wissen" takes the filters off; back brings them again.
    await main(page).getByRole("button", { name: "Alles wissen" }).click();
    await main(page)
      .getByRole("status")
      .filter({ hasText: /^0 filters$/ })
      .waitFor();
    await expect.poll(() => total(page)).toBe(drivers);
    await page.goBack();
    await main(page)
      .getByRole("status")
      .filter({ hasText: /^1 filter$/ })
      .waitFor();
    await expect.poll(() => total(page)).toBe(ceCount);

    // Geschiedenis and Favorieten list the candidate.
    await page.goto(`${haaglanden}/geschiedenis`);
    await main(page).getByRole("link", { name }).first().waitFor();
    await page.goto(`${haaglanden}/favorieten`);
    await main(page).getByRole("link", { name }).first().waitFor();
  }, 240_000);

  it("says what is wrong when the server refuses the search, and shows the profile alone on a phone", async () => {
    const haaglanden = server.portalUrl("haaglanden");
    const page = await managerPage({ width: 390, height: 844 });
    await page.waitForURL((u) => u.pathname !== "/inloggen");

    // Too long a text is refused (never silently cut); the page says why.
    await page.goto(`${haaglanden}/kandidaten?q=${encodeURIComponent("lasser ".repeat(40).trim())}`);
    await main(page).getByRole("alert").waitFor();
    expect(((await main(page).getByRole("alert").textContent()) ?? "").length).toBeGreaterThan(5);
    await expectAccessible(page, "explorer with an error");

    await page.goto(`${haaglanden}/kandidaten`);
    const first = results(page).getByRole("listitem").first().getByRole("button");
    await first.click();
    const back = main(page).getByRole("button", { name: "Terug naar de resultaten" });
    await back.waitFor();
    expect(await results(page).count()).toBe(0);
    await main(page).getByTestId("candidate-name").waitFor();
    await expectAccessible(page, "explorer profile on a phone");
    await back.click();
    await results(page).waitFor();
  }, 240_000);

  it('starts from a vacancy\'s occupation and place with "Zoek kandidaten"', async () => {
    const haaglanden = server.portalUrl("haaglanden");
    const page = await managerPage();
    await page.waitForURL((u) => u.pathname !== "/inloggen");
    await page.goto(`${haaglanden}/vacaturebeheer`);
    await main(page).getByRole("table").getByRole("link").first().click();
    await page.waitForURL((u) => /^\/vacaturebeheer\/[0-9a-f-]{36}$/.test(u.pathname));
    await main(page).getByRole("link", { name: "Zoek kandidaten" }).first().click();
    // The vacancy's search replaces the vacancy in the address bar.
    await page.waitForURL((u) => u.pathname === "/kandidaten" && !u.searchParams.has("vacancy"));
    expect(new URL(page.url()).searchParams.has("chips")).toBe(true);
    await main(page)
      .getByRole("button", { name: /\(Beroep\) verwijderen$/ })
      .first()
      .waitFor();
    await expect.poll(() => total(page)).toBeGreaterThanOrEqual(0);
    await expectAccessible(page, "explorer started from a vacancy");
  }, 240_000);

  it("explorer Enter with a typed sentence: recognised parts become chips, chips search at once and count as filters, the filter row shows it scrolls", async () => {
    const haaglanden = server.portalUrl("haaglanden");
    const page = await managerPage({ width: 1000, height: 900 });
    await page.waitForURL((u) => u.pathname !== "/inloggen");

    // A welder who speaks German, drives a truck and works full time.
    await page.goto(`${haaglanden}/kandidaten`);
    await results(page).getByRole("listitem").first().getByRole("button").click();
    await page.waitForURL((u) => u.searchParams.has("candidate"));
    const welder = new URL(page.url()).searchParams.get("candidate")!;
    await server.database.db
      .update(candidates)
      .set({
        desiredOccupationIds: ["7212.3"],
        languages: [{ code: "de", level: "good" }],
        drivingLicences: ["B", "C"],
        hoursMin: 36,
        hoursMax: 40,
      })
      .where(eq(candidates.id, welder));
    await server.app.explorerIndex?.refresh();
    await page.goto(`${haaglanden}/kandidaten`);
    await slowPoll(() => total(page)).toBeGreaterThan(0);
    const everyone = await total(page);

    // The whole sentence and Enter: every recognised part becomes a chip, nothing is left as text.
    const terms = main(page).getByRole("combobox", { name: fieldLabel(TERMS) });
    await terms.fill("lasser Duits rijbewijs C fulltime");
    await terms.press("Enter");
    const chip = (label: string) => main(page).getByRole("button", { name: `${label} verwijderen` });
    for (const label of [
      "lasser (Beroep)",
      "Duits (Taal)",
      "Rijbewijs C (Rijbewijs)",
      "Voltijd (min. 32 uur) (Beschikbaarheid)",
    ]) {
      await chip(label).waitFor();
    }
    await page.waitForURL((u) => (u.searchParams.get("chips") ?? "").includes("7212.3"));
    expect(new URL(page.url()).searchParams.has("q")).toBe(false);
    expect(await terms.inputValue()).toBe("");
    await page.getByRole("status").filter({ hasText: "4 zoektermen herkend: lasser, Duits" }).waitFor({
      state: "attached",
    });
    // Found, best match first; the counter counts the chips; their categories show a dot.
    await slowPoll(() => total(page)).toBeGreaterThan(0);
    expect(await total(page)).toBeLessThan(everyone);
    const first = results(page).getByRole("listitem").first().getByRole("button");
    await first.click();
    await page.waitForURL((u) => u.searchParams.get("candidate") === welder);
    const filterCount = main(page).getByRole("region", { name: "Filters" }).getByRole("status");
    // The occupation steers the ranking; language, licence and hours are filters.
    await slowPoll(() => filterCount.textContent()).toBe("3 filters");
    const categories = main(page).getByRole("tablist", { name: "Filtercategorieën" });
    await categories.getByRole("tab", { name: /^Rijbewijs.*1 filter actief/ }).waitFor();
    await expectAccessible(page, "explorer after Enter on a sentence");

    // The row of categories is wider than the screen: it says so and scrolls with a button.
    const forward = main(page).getByRole("button", { name: "Meer filtercategorieën tonen" });
    const back = main(page).getByRole("button", { name: "Vorige filtercategorieën tonen" });
    await forward.waitFor();
    expect(await back.isDisabled()).toBe(true);
    const scrolled = () => categories.evaluate((list) => list.scrollLeft);
    expect(await scrolled()).toBe(0);
    await forward.focus();
    await page.keyboard.press("Enter");
    await slowPoll(scrolled).toBeGreaterThan(0);
    await slowPoll(() => back.isDisabled()).toBe(false);
    await screenshot(page, "explorer-sentence");
    await expectAccessible(page, "explorer with the filter row scrolled");

    // The chip's option is ticked; unticking it takes the chip away and searches at once.
    await categories.getByRole("tab", { name: /^Rijbewijs/ }).click();
    const c = main(page).getByRole("checkbox", { name: /^Rijbewijs C \(\d+\)$/ });
    expect(await c.isChecked()).toBe(true);
    await c.uncheck();
    await chip("Rijbewijs C (Rijbewijs)").waitFor({ state: "detached" });
    await slowPoll(() => filterCount.textContent()).toBe("2 filters");
    await page.waitForURL((u) => !(u.searchParams.get("chips") ?? "").includes('"C"'));

    // An accepted suggestion searches at once, without "Zoeken".
    const before = page.url();
    await terms.fill("BHV");
    await page.getByRole("option", { name: /BHV.*Certificaat/ }).waitFor();
    await terms.press("ArrowDown");
    await terms.press("Enter");
    await chip("BHV (bedrijfshulpverlening) (Certificaat)").waitFor();
    await page.waitForURL((u) => u.href !== before && (u.searchParams.get("chips") ?? "").includes("bhv"));
    await slowPoll(() => filterCount.textContent()).toBe("3 filters");

    // "Alles wissen" takes every filter chip and option away; the occupation stays.
    await main(page).getByRole("button", { name: "Alles wissen" }).click();
    await slowPoll(() => filterCount.textContent()).toBe("0 filters");
    await chip("Duits (Taal)").waitFor({ state: "detached" });
    await chip("lasser (Beroep)").waitFor();
    expect(
      await main(page)
        .getByRole("button", { name: /verwijderen$/ })
        .count(),
    ).toBe(1);
    await slowPoll(() => total(page)).toBeGreaterThan(0);
    expect(await total(page)).toBeLessThan(everyone);
  }, 240_000);

  it("raised no script errors on any page", () => {
    expect(pageErrors).toEqual([]);
  });
});
