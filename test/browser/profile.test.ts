import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { startTestServer, type TestServer } from "../support/server";
import { Client, signIn } from "../support/session";
import { expectAccessible, heading, launchBrowser, screenshot, skipBrowserTests } from "./support";

// The smallest valid PNG: 1×1 pixel.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe.skipIf(skipBrowserTests)("profile photo in the browser", () => {
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

    await page.goto(`${server.url}/profiel`);
    expect(await heading(page)).toBe("Mijn profiel");
    const privacyLink = page.getByRole("main").locator('p a[href="/instellingen?tab=privacy"]');
    await privacyLink.waitFor({ state: "visible" });
    expect(await privacyLink.evaluate((link) => getComputedStyle(link).textDecorationLine)).toBe("underline");
    await expectAccessible(page, "profile editor (nl) in an en-US browser");
  });
});
