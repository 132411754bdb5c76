import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { startTestServer, type TestServer } from "../support/server";
import { Client, signIn } from "../support/session";
import {
  expectAccessible,
  fieldLabel,
  heading,
  launchBrowser,
  screenshot,
  skipBrowserTests,
} from "./support";

// The smallest valid PNG: 1×1 pixel.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe.skipIf(skipBrowserTests)("profile photo, settings and the profile editor in the browser", () => {
  let browser: Browser;
  let context: BrowserContext;
  let englishBrowser: BrowserContext | undefined;
  let server: TestServer;
  let kim: Client;

  /** A browser context with Kim's session cookie; `locale` is the browser's own language. */
  async function signedInContext(locale?: string): Promise<BrowserContext> {
    const signedIn = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
    signedIn.setDefaultTimeout(10_000);
    await signedIn.addCookies(
      [...kim.cookies].map(([name, value]) => ({
        name,
        value,
        domain: "localhost",
        path: "/",
        httpOnly: true,
        sameSite: "Lax" as const,
      })),
    );
    return signedIn;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
    // Signed in over the API; the browser gets the same session cookie.
    kim = new Client(server);
    await signIn(kim, "kandidaat@demo.werkbrug.test");
    context = await signedInContext();
  });
  afterAll(async () => {
    await context?.close();
    await englishBrowser?.close();
    await browser?.close();
    await server?.close();
  });

  it("uploads a photo that then shows in the account menu, and refuses a text file", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/instellingen?tab=persoonsgegevens`);
    expect(await heading(page)).toBe("Instellingen");
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({ name: "kim.png", mimeType: "image/png", buffer: PNG });
    await page.getByText("Je foto is opgeslagen.").waitFor({ state: "visible" });
    await page.locator('header img[src^="/api/v1/avatars/"]').waitFor({ state: "attached" });
    await screenshot(page, "settings-photo");
    await expectAccessible(page, "settings, personal data with photo");

    await input.setInputFiles({
      name: "notities.png",
      mimeType: "image/png",
      buffer: Buffer.from("geen foto"),
    });
    await page
      .getByText("Dit bestand is geen foto in PNG-, JPG- of WebP-formaat.")
      .waitFor({ state: "visible" });
  });

  it("asks for a new e-mail address and says a confirmation link is on its way", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/instellingen?tab=persoonsgegevens`);
    await page.getByLabel("Nieuw e-mailadres").fill("kim.elders@voorbeeld.nl");
    await page.getByRole("button", { name: "Bevestigingslink sturen" }).click();
    await page
      .getByText("We hebben een link gestuurd naar kim.elders@voorbeeld.nl.", { exact: false })
      .waitFor({ state: "visible" });
    await expectAccessible(page, "settings, e-mail change requested");
  });

  it("keeps changes in two sections, warns before they are lost, and saves both at once", async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/profiel?onderdeel=algemeen`);
    expect(await heading(page)).toBe("Mijn profiel");
    const main = page.getByRole("main");
    const nav = main.getByRole("navigation", { name: "Onderdelen" });
    const bar = main.getByTestId("save-bar");
    const status = bar.getByRole("status");
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    const onderdeel = () => new URL(page.url()).searchParams.get("onderdeel");

    await expect.poll(() => status.textContent()).toBe("Alle wijzigingen opgeslagen");
    // The address named the section: the focus starts at its heading, the side list marks it.
    await expect.poll(focused).toBe("Algemeen");
    expect(await nav.getByRole("link", { name: /^Algemeen/ }).getAttribute("aria-current")).toBe("page");
    expect(await main.getByRole("region", { name: "Werkervaring" }).count()).toBe(0);

    const headline = "Teamleider klantenservice in de regio Haaglanden";
    await main.getByLabel(fieldLabel("Oneliner")).fill(headline);
    await nav.getByRole("link", { name: "Algemeen, niet opgeslagen" }).waitFor();
    await expect.poll(() => status.textContent()).toBe("Niet-opgeslagen wijzigingen in: Algemeen");

    // Another section through the side list: its heading takes the focus.
    await nav.getByRole("link", { name: /^Werkervaring/ }).click();
    await expect.poll(onderdeel).toBe("werkervaring");
    await expect.poll(focused).toBe("Werkervaring");
    const job = main.getByRole("region", { name: "Werkervaring" }).getByRole("listitem").first();
    await job.getByLabel(fieldLabel("Werkgever")).fill("Energiek Den Haag");
    await expect
      .poll(() => status.textContent())
      .toBe("Niet-opgeslagen wijzigingen in: Algemeen, Werkervaring");
    await screenshot(page, "profile-editor-unsaved");
    await expectAccessible(page, "profile editor with unsaved changes in two sections");

    // Back in the browser's history: Algemeen still holds what was typed.
    await page.goBack();
    await expect.poll(onderdeel).toBe("algemeen");
    expect(await main.getByLabel(fieldLabel("Oneliner")).inputValue()).toBe(headline);

    // Leaving the editor asks first; staying keeps everything.
    await main.getByRole("tab", { name: "Privacy" }).click();
    const leave = page.getByRole("dialog", { name: "Wijzigingen niet opgeslagen" });
    await leave
      .getByText(
        "Je hebt wijzigingen die nog niet zijn opgeslagen in: Algemeen, Werkervaring. Als je weggaat, ben je ze kwijt.",
      )
      .waitFor();
    await expectAccessible(page, "leave the profile editor with unsaved changes");
    await leave.getByRole("button", { name: "Blijven" }).click();
    await leave.waitFor({ state: "hidden" });
    expect(new URL(page.url()).pathname).toBe("/profiel");
    expect(await main.getByLabel(fieldLabel("Oneliner")).inputValue()).toBe(headline);
    // Reloading or closing the tab gets the browser's own question.
    const asks = () =>
      page.evaluate(() => {
        const event = new Event("beforeunload", { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    expect(await asks()).toBe(true);

    // One "Opslaan" saves both sections.
    await bar.getByRole("button", { name: "Opslaan" }).click();
    await expect.poll(() => status.textContent()).toBe("Alle wijzigingen opgeslagen");
    expect(await bar.getByRole("button", { name: "Opslaan" }).isDisabled()).toBe(true);
    await nav.getByRole("link", { name: "Werkervaring, ingevuld" }).waitFor();
    expect(await asks()).toBe(false);
    await expectAccessible(page, "profile editor, all changes saved");

    await page.reload();
    expect(await main.getByLabel(fieldLabel("Oneliner")).inputValue()).toBe(headline);
    await main.getByRole("link", { name: "Volgende: Voorkeuren" }).click();
    await expect.poll(onderdeel).toBe("voorkeuren");
    await nav.getByRole("link", { name: /^Werkervaring/ }).click();
    expect(
      await main
        .getByRole("region", { name: "Werkervaring" })
        .getByRole("listitem")
        .first()
        .getByLabel(fieldLabel("Werkgever"))
        .inputValue(),
    ).toBe("Energiek Den Haag");

    // Nothing unsaved: leaving does not ask.
    await main.getByRole("tab", { name: "Privacy" }).click();
    await page.waitForURL((u) => u.pathname === "/profiel/privacy");
    await page.close();
  });

  it("on a phone, chooses the section from a list on top", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/profiel`);
    const main = page.getByRole("main");
    await main.getByRole("region", { name: "Algemeen" }).waitFor();
    expect(await main.getByRole("navigation", { name: "Onderdelen" }).isVisible()).toBe(false);
    const choice = main.getByLabel("Onderdeel", { exact: true });
    await main.getByRole("textbox", { name: fieldLabel("Oneliner") }).fill("Zoekt werk als teamleider");
    await expect
      .poll(() => choice.locator("option:checked").textContent())
      .toBe("Algemeen – niet opgeslagen");
    await choice.selectOption("hobbys");
    await main.getByRole("region", { name: "Hobby's en interesses" }).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get("onderdeel")).toBe("hobbys");
    await screenshot(page, "profile-editor-phone");
    await expectAccessible(page, "profile editor on a phone");
    await page.close();
  });

  it("shows Dutch dates on the Dutch screen of a browser set to American English, and underlines links in text", async () => {
    englishBrowser = await signedInContext("en-US");
    const page = await englishBrowser.newPage();
    expect(await page.evaluate(() => navigator.language)).toBe("en-US");

    await page.goto(`${server.url}/kansen`);
    expect(await heading(page)).toBe("Vacatures");
    const list = page.getByRole("main").getByRole("list", { name: "Gevonden vacatures" });
    await list.getByRole("listitem").first().waitFor({ state: "visible" });
    const closing = await list.getByText(/^Sluit op /).allTextContents();
    expect(closing.length).toBeGreaterThan(0);
    // "Sluit op 22 dec 2026", not "Dec 22, 2026" or "12/22/2026".
    for (const text of closing) {
      expect(text).toMatch(/^Sluit op \d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) \d{4}$/);
    }
    await expectAccessible(page, "kansen (nl) in an en-US browser");

    await page.goto(`${server.url}/profiel?onderdeel=media`);
    expect(await heading(page)).toBe("Mijn profiel");
    const privacyLink = page.getByRole("main").locator('p a[href="/instellingen?tab=privacy"]');
    await privacyLink.waitFor({ state: "visible" });
    expect(await privacyLink.evaluate((link) => getComputedStyle(link).textDecorationLine)).toBe("underline");
    await expectAccessible(page, "profile editor (nl) in an en-US browser");
  });
});
