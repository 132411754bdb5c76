import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { startTestServer } from "../support/server";
import {
  expectAccessible,
  heading,
  launchBrowser,
  screenshot,
  showScheme,
  signInAsDemoStaff,
  skipBrowserTests,
} from "./support";

/** The page's background brightness (0 black .. 1 white), as someone sees it. */
function backgroundLuminance(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const element = document.querySelector(sel);
    if (!element) return -1;
    const [r = 0, g = 0, b = 0] = (getComputedStyle(element).backgroundColor.match(/\d+/g) ?? []).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  }, selector);
}

const schemeAttribute = (page: Page) => page.locator("html").getAttribute("data-mantine-color-scheme");

describe.skipIf(skipBrowserTests)("colour schemes in the browser", () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
  });

  // The choice lives in localStorage: a fresh context per test keeps it from leaking.
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
    context.on("weberror", (error) => pageErrors.push(error.error().message));
  });

  afterEach(async () => {
    await context?.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    expect(pageErrors).toEqual([]);
  });

  const portalUrl = (pathname = "/") => `http://haaglanden.localhost:${server.port}${pathname}`;

  it("switches to dark with the keyboard, remembers it after a reload and shows it before the app starts", async () => {
    const page = await context.newPage();
    await page.goto(portalUrl());
    await heading(page);
    expect(await schemeAttribute(page)).toBe("light");
    expect(await backgroundLuminance(page, "body")).toBeGreaterThan(0.9);

    const button = page.getByRole("button", { name: "Kleurenschema: Systeem" });
    await button.focus();
    await page.keyboard.press("Enter");
    const choices = page.getByRole("radiogroup", { name: "Kleurenschema" });
    await choices.waitFor({ state: "visible" });
    expect(await choices.getByRole("radio", { name: "Systeem" }).isChecked()).toBe(true);
    // Arrow keys move through the radios: Licht, then Donker.
    await choices.getByRole("radio", { name: "Systeem" }).focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await choices.getByRole("radio", { name: "Donker" }).isChecked()).toBe(true);
    await expect.poll(() => schemeAttribute(page)).toBe("dark");
    expect(await backgroundLuminance(page, "body")).toBeLessThan(0.2);
    await page.keyboard.press("Escape");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Kleurenschema: Donker");
    await screenshot(page, "home-dark");

    // Before any of the app's code has run, the remembered choice is already on the page.
    await page.goto(portalUrl("/over"), { waitUntil: "domcontentloaded" });
    expect(await schemeAttribute(page)).toBe("dark");
    await page.goto(portalUrl());
    await heading(page);
    expect(await backgroundLuminance(page, "main")).toBeLessThan(0.2);
    expect(await page.getByRole("button", { name: "Kleurenschema: Donker" }).isVisible()).toBe(true);
    await expectAccessible(page, "home, chosen dark");
    await page.close();
  });

  it("follows the system setting under Systeem, and Licht overrides it, in English too", async () => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(portalUrl("/inloggen"));
    await heading(page);
    expect(await schemeAttribute(page)).toBe("dark");
    await showScheme(page, "light");
    expect(await backgroundLuminance(page, "body")).toBeGreaterThan(0.9);

    await page.getByRole("button", { name: "EN, English" }).click();
    await page.getByRole("button", { name: "Colour scheme: System" }).click();
    await page.getByRole("radio", { name: "Light" }).click();
    await page.emulateMedia({ colorScheme: "dark" });
    // A fixed choice ignores the system: still light after the system turned dark and a reload.
    await page.reload();
    await heading(page);
    expect(await schemeAttribute(page)).toBe("light");
    expect(await page.evaluate(() => localStorage.getItem("werkbrug-color-scheme"))).toBe("light");

    await page.getByRole("button", { name: "Colour scheme: Light" }).click();
    await page.getByRole("radio", { name: "System" }).click();
    await expect.poll(() => schemeAttribute(page)).toBe("dark");
    await expectAccessible(page, "sign-in (en)");
    await page.close();
  });

  it("shows an account manager's working pages dark, with readable links in the portal colour", async () => {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: "dark" });
    await signInAsDemoStaff(page, portalUrl(""), "accountmanager@demo.werkbrug.test");
    for (const [path, name] of [
      ["/vacaturebeheer", "vacancies"],
      ["/werkgevers", "employers"],
      ["/kandidaten", "explorer"],
    ] as const) {
      await page.goto(portalUrl(path));
      await heading(page);
      expect(await backgroundLuminance(page, "main")).toBeLessThan(0.2);
      await screenshot(page, `dark-${name}`);
      await expectAccessible(page, `${name}, dark`);
    }
    await page.close();
  });

  it("shows the public job board dark when the system asks for it, readably", async () => {
    const page = await context.newPage();
    await page.goto(portalUrl("/vacatures"));
    expect(await backgroundLuminance(page, "body")).toBeGreaterThan(0.9);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await backgroundLuminance(page, "body")).toBeLessThan(0.2);
    await screenshot(page, "job-board-dark");
    await expectAccessible(page, "job board");
    await page.close();
  });
});
