import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { startTestServer } from "../support/server";
import { totpCode } from "../support/session";
import {
  expectAccessible,
  heading,
  launchBrowser,
  screenshot,
  signInWithForm,
  skipBrowserTests,
} from "./support";

const DEMO_PASSWORD = "Werkbrug-demo-2026!";
const CONTACT = { email: "werkgever@demo.werkbrug.test", name: "Wim van Westen" };

describe.skipIf(skipBrowserTests)("an employer contact reads Werkbrug in German", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
  });

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(pageErrors).toEqual([]);
  });

  /** A fresh browser: nothing in localStorage, so only the account can say which language. */
  async function freshPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
    context.on("weberror", (error) => pageErrors.push(error.error().message));
    contexts.push(context);
    return context.newPage();
  }

  const menu = (page: Page) => page.getByRole("navigation", { name: /Hauptmenü|Hoofdmenu/ });

  it("switches to Deutsch under Einstellingen; menu, home and vacancies follow, and stay German after signing in again", async () => {
    const page = await freshPage();
    await signInWithForm(page, server.url, { ...CONTACT, password: DEMO_PASSWORD, code: () => totpCode() });
    await menu(page).getByRole("link", { name: "Instellingen" }).waitFor({ state: "visible" });
    // Only contacts are offered German and French in the header switch.
    expect(await page.getByRole("button", { name: "DE, Deutsch" }).isVisible()).toBe(true);

    await page.goto(`${server.url}/instellingen?tab=persoonsgegevens`);
    expect(await heading(page)).toBe("Instellingen");
    const main = page.getByRole("main");
    const language = main.getByLabel("Taal", { exact: true });
    await language.waitFor({ state: "visible" });
    await language.selectOption("de");
    await main.getByRole("button", { name: "Opslaan" }).click();

    // The screen follows at once: the settings page, the menu, <html lang>.
    await main.getByText("Ihre Daten wurden gespeichert.").waitFor({ state: "visible" });
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("de");
    expect(await heading(page)).toBe("Einstellungen");
    for (const item of [
      "Startseite",
      "Stellen",
      "Vorgeschlagene Kandidaten",
      "Nachrichten",
      "Einstellungen",
    ]) {
      expect(await menu(page).getByRole("link", { name: item, exact: true }).count(), item).toBe(1);
    }
    await expectAccessible(page, "settings (de)");

    await menu(page).getByRole("link", { name: "Startseite", exact: true }).click();
    await expect.poll(() => heading(page)).toMatch(/^Willkommen bei /);
    await screenshot(page, "contact-home-de");
    await expectAccessible(page, "home (de)");

    await menu(page).getByRole("link", { name: "Stellen", exact: true }).click();
    await expect.poll(() => heading(page)).toBe("Stellen");
    // Contacts read the Kansenportaal's names for the views (issue 19 part 2).
    await page.getByRole("table", { name: "Meine ausgeschriebenen Stellen" }).waitFor({ state: "visible" });
    await page.getByRole("searchbox", { name: /Nach Stellentitel/ }).waitFor({ state: "visible" });
    await screenshot(page, "contact-vacancies-de");
    await expectAccessible(page, "vacancies (de)");

    // Signing out, in German.
    await page.getByRole("button", { name: `Kontomenü von ${CONTACT.name}` }).click();
    await page.getByRole("menuitem", { name: "Abmelden" }).click();
    await page.getByRole("link", { name: "Anmelden" }).first().waitFor({ state: "visible" });

    // Another browser, nothing remembered: signing in (the form in Dutch) brings German back from the account.
    const again = await freshPage();
    await signInWithForm(again, server.url, { ...CONTACT, password: DEMO_PASSWORD, code: () => totpCode() });
    await menu(again).getByRole("link", { name: "Einstellungen", exact: true }).waitFor({ state: "visible" });
    await expect.poll(() => again.locator("html").getAttribute("lang")).toBe("de");
    expect(await menu(again).getByRole("link", { name: "Startseite", exact: true }).isVisible()).toBe(true);
    await again.goto(`${server.url}/vacaturebeheer`);
    await expect.poll(() => heading(again)).toBe("Stellen");
    // The dates of the list are German too (e.g. "7. Dez. 2026"), not Dutch.
    await screenshot(again, "contact-vacancies-de-again");
  }, 240_000);

  it("follows a language chosen in another tab of the portal", async () => {
    const first = await freshPage();
    await signInWithForm(first, server.url, { ...CONTACT, password: DEMO_PASSWORD, code: () => totpCode() });
    await menu(first).getByRole("link", { name: "Startseite", exact: true }).waitFor({ state: "visible" });
    // Back to Dutch in this browser, then a second tab on the vacancies.
    await first.getByRole("button", { name: "NL, Nederlands" }).click();
    await expect.poll(() => first.locator("html").getAttribute("lang")).toBe("nl");
    const second = await first.context().newPage();
    await second.goto(`${server.url}/vacaturebeheer`);
    await expect.poll(() => heading(second)).toBe("Vacatures");

    await first.getByRole("button", { name: "EN, English" }).click();
    // The other tab speaks English without a reload, and keeps its page.
    await expect.poll(() => second.locator("html").getAttribute("lang")).toBe("en");
    await expect.poll(() => heading(second)).toBe("Vacancies");
    expect(new URL(second.url()).pathname).toBe("/vacaturebeheer");
    await expectAccessible(second, "vacancies after another tab chose English");
  }, 240_000);
});
