import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import axe from "axe-core";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, vi } from "vitest";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
import { totpCode } from "../support/session";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const screenshotDir = fileURLToPath(new URL("../../test-results/", import.meta.url));
export const skipBrowserTests = process.env.SKIP_BROWSER_TESTS === "1";

// A journey signs in, walks several pages and runs axe on each: on two busy cores in CI that is
// well past the 30 s a unit or HTTP test gets. Every journey file imports this module, so the
// longer budget is set once here (vi.setConfig applies to the importing file). The longest
// journeys take about 65 s alone and twice that beside another journey on the second core.
vi.setConfig({ testTimeout: 240_000 });

/** Debian's Chromium, headless; fails with a hint when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Browser journeys need Debian's Chromium at ${CHROMIUM} (apt-get install chromium). ` +
        "Set SKIP_BROWSER_TESTS=1 to skip them deliberately.",
    );
  }
  await mkdir(screenshotDir, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface AxeViolationSummary {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export async function axeViolations(page: Page): Promise<AxeViolationSummary[]> {
  // Evaluated over the DevTools protocol: the app's CSP (no inline scripts) stays in force.
  await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const { axe: injected } = window as unknown as { axe: typeof axe };
    const result = await injected.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      // The check's message says what failed (for contrast: both colours and the ratio).
      targets: v.nodes.map((n) => [n.target.join(" "), ...n.any.map((check) => check.message)].join(" — ")),
    }));
  });
}

function expectNoViolations(violations: AxeViolationSummary[], what: string): void {
  const report = violations.map((v) => `  ${v.id} (${v.impact}): ${v.help}\n    ${v.targets.join("\n    ")}`);
  expect(violations, `axe found violations on ${what}:\n${report.join("\n")}`).toEqual([]);
}

/** The scheme the page shows: the app's attribute, or the system's for server-rendered pages. */
function shownScheme(page: Page): Promise<"light" | "dark"> {
  return page.evaluate(() => {
    const attribute = document.documentElement.getAttribute("data-mantine-color-scheme");
    if (attribute === "light" || attribute === "dark") return attribute;
    return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  });
}

/** Emulates the system's scheme and waits until the page shows it (the app follows "Systeem"). */
export async function showScheme(page: Page, scheme: "light" | "dark"): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect.poll(() => shownScheme(page)).toBe(scheme);
  // Two frames: restyled colours are painted before axe reads them.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * axe in the light and the dark scheme (issue 19): the page as it is, then with the system set
 * to dark, then back. Pages where someone picked a fixed scheme are checked in that one only.
 */
/**
 * Lets opening dialogs and colour transitions finish (spinners, which never end, excepted): axe
 * measures the colours on screen, and a half-faded modal is no page anyone reads.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
}

/** axe in the scheme the page shows and, unless someone fixed one, in the other (light, dark). */
async function expectAccessibleInSchemes(page: Page, what: string): Promise<void> {
  const before = await shownScheme(page);
  await settled(page);
  expectNoViolations(await axeViolations(page), `${what} (${before})`);
  const other = before === "light" ? "dark" : "light";
  const follows = await page.evaluate(() => {
    try {
      const stored = window.localStorage.getItem("werkbrug-color-scheme");
      return stored !== "light" && stored !== "dark";
    } catch {
      return true;
    }
  });
  if (!follows) return;
  await showScheme(page, other);
  try {
    await settled(page);
    expectNoViolations(await axeViolations(page), `${what} (${other})`);
  } finally {
    await showScheme(page, before);
  }
}

/**
 * axe with 0 violations on the page in light and dark and, for the app in Dutch or English, in
 * the other of those two languages as well (issue 19: "in nl and en, light and dark"). The page
 * is left in the language and scheme it had.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  await expectAccessibleInSchemes(page, what);
  const language = await appLanguage(page);
  if (language !== "nl" && language !== "en") return;
  const other = language === "nl" ? "en" : "nl";
  await showLanguage(page, other);
  try {
    await expectAccessibleInSchemes(page, `${what}, in ${other}`);
  } finally {
    await showLanguage(page, language);
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${screenshotDir}${name}.png`, fullPage: true });
}

/** The page's one h1, once it is there. */
export async function heading(page: Page): Promise<string> {
  const h1 = page.getByRole("heading", { level: 1 });
  await h1.waitFor({ state: "visible" });
  await expect.poll(() => page.locator("h1").count()).toBe(1);
  return (await h1.textContent())?.trim() ?? "";
}

/** A field's label exactly; a required field's label ends in an asterisk. */
export const fieldLabel = (label: string) => new RegExp(`^${label}( \\*)?$`);

/** Signs in through the sign-in page: e-mail, "Volgende", password and, for staff, the code. */
export async function signInWithForm(
  page: Page,
  base: string,
  account: { email: string; password: string; code?: () => string },
): Promise<void> {
  const main = page.getByRole("main");
  await page.goto(`${base}/inloggen`);
  await main.getByLabel("E-mailadres").fill(account.email);
  await main.getByRole("button", { name: "Volgende" }).click();
  await main.getByLabel(fieldLabel("Wachtwoord")).fill(account.password);
  await main.getByRole("button", { name: "Inloggen", exact: true }).click();
  if (account.code) {
    const input = main.getByLabel(fieldLabel("Code"));
    await input.waitFor({ state: "visible" });
    await input.fill(account.code());
    await main.getByRole("button", { name: "Controleren" }).click();
  }
}

/** A searchable select fed by the server: type, wait for the suggestion, pick it. */
export async function pickOption(page: Page, label: string, text: string, option: RegExp): Promise<void> {
  const input = page.getByRole("main").getByRole("combobox", { name: fieldLabel(label) });
  await input.fill(text);
  await page.getByRole("option", { name: option }).first().click();
}

/**
 * A page in a browser context of its own (cookies, storage), coming from its own client address
 * so that per-address sign-in limits of one journey never meet another's; script errors are
 * collected in `errors`.
 */
export async function openPage(browser: Browser, ip: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    extraHTTPHeaders: { "x-forwarded-for": ip },
  });
  context.setDefaultTimeout(10_000);
  context.on("weberror", (error) => errors.push(error.error().message));
  return context.newPage();
}

/** Signs a demo staff account in through the form (password and TOTP code) and waits until it shows. */
export async function signInAsDemoStaff(page: Page, base: string, email: string): Promise<void> {
  await signInWithForm(page, base, { email, password: DEMO_PASSWORD, code: () => totpCode() });
  // The account menu shows once signed in, in the account's language (Julia reads English).
  await page.getByRole("button", { name: /Accountmenu van|Account menu of/ }).waitFor({ state: "visible" });
}

/** The app's language (the screen's `<html lang>`), or null on a server-rendered page. */
function appLanguage(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.getElementById("root") ? document.documentElement.lang : null));
}

/**
 * Shows the app in `language` as when another tab of the portal chose it: the app follows the
 * `storage` event of its language key ("werkbrug.lang", `LANGUAGE_STORAGE_KEY` in src/web/i18n.ts)
 * without saving anything, so the account's and the browser's choice stay as they were.
 */
async function showLanguage(page: Page, language: string): Promise<void> {
  await page.evaluate((newValue) => {
    window.dispatchEvent(new StorageEvent("storage", { key: "werkbrug.lang", newValue }));
  }, language);
  await expect.poll(() => appLanguage(page)).toBe(language);
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

export interface Journey {
  browser: Browser;
  server: TestServer;
  /** Script errors of every page the journey opened (`openPage`); a journey ends with none. */
  pageErrors: string[];
}

/**
 * What every journey file sets up: Debian's Chromium, the built web app and a test server with
 * the demo world, opened before its tests and closed after. The fields are there once
 * `beforeAll` ran.
 */
export function browserJourney(options: Parameters<typeof startTestServer>[0] = {}): Journey {
  const journey = { pageErrors: [] as string[] } as Journey;
  beforeAll(async () => {
    journey.browser = await launchBrowser();
    await ensureWebBuild();
    journey.server = await startTestServer(options);
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.close();
  });
  return journey;
}
