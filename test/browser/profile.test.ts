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
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
    // Signed in over the API; the browser gets the same session cookie.
    const kim = new Client(server);
    await signIn(kim, "kandidaat@demo.werkbrug.test");
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    await context.addCookies(
      [...kim.cookies].map(([name, value]) => ({
        name,
        value,
        domain: "localhost",
        path: "/",
        httpOnly: true,
        sameSite: "Lax" as const,
      })),
    );
  });
  afterAll(async () => {
    await context?.close();
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
});
