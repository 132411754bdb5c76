import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
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

describe.skipIf(skipBrowserTests)("the first visit of a portal's candidate side", () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("asks a Haaglanden candidate what Rijnmond needs before Rijnmond's candidate side opens", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const rijnmond = server.portalUrl("rijnmond");
    await signInWithForm(page, rijnmond, { email: "kandidaat@demo.werkbrug.test", password: DEMO_PASSWORD });
    const main = page.getByRole("main");
    await main.getByRole("heading", { name: "Nog een paar gegevens voor Werkbrug Rijnmond" }).waitFor();
    await expectAccessible(page, "intake");

    // Refused: nothing filled in; the form says what is needed and keeps what was typed.
    await main.getByLabel(fieldLabel("Telefoonnummer")).fill("06 12345678");
    await main.getByRole("button", { name: "Opslaan en verder" }).click();
    await main.getByText("Dit veld is verplicht.").first().waitFor();
    expect(await main.getByLabel(fieldLabel("Telefoonnummer")).inputValue()).toBe("06 12345678");

    await pickOption(page, "Woonplaats", "Schiedam", /^Schiedam/);
    await main.getByRole("combobox", { name: fieldLabel("Gewenste beroepen") }).fill("magazijn");
    await page
      .getByRole("option", { name: /magazijnmedewerker/ })
      .first()
      .click();
    await main.getByLabel("Minimaal aantal uren per week").fill("24");
    await main.getByLabel("Maximaal aantal uren per week").fill("32");
    await screenshot(page, "intake-rijnmond");
    await main.getByRole("button", { name: "Opslaan en verder" }).click();
    await main
      .getByRole("heading", { name: "Nog een paar gegevens voor Werkbrug Rijnmond" })
      .waitFor({ state: "detached" });
    expect(await heading(page)).toBe("Welkom bij Werkbrug Rijnmond");
    await expectAccessible(page, "candidate home after intake");
    await context.close();
  }, 240_000);
});
