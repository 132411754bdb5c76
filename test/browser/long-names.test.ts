import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portals } from "../../src/server/modules/tenancy/tenancy.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer } from "../support/server";
import { totpCode } from "../support/session";
import {
  expectAccessible,
  heading,
  launchBrowser,
  openPage,
  screenshot,
  signInAsDemoStaff,
  signInWithForm,
  skipBrowserTests,
} from "./support";

const LONG_NL = "Werkbrug Regionaal Werkgeversservicepunt Haaglanden, Westland en Zuid-Holland Centraal";
const LONG_EN = "Werkbrug Regional Employer Service Point Haaglanden, Westland and South Holland Central";

/** Text in the header and menu that does not fit its box, with what a person can still read of it. */
interface CutText {
  text: string;
  /** The full text as a tooltip on the element or an ancestor, if any. */
  title: string | null;
  /** The accessible name of the link or heading it is part of. */
  name: string | null;
}

async function cutTexts(page: Page): Promise<CutText[]> {
  return page.evaluate(() => {
    const found: { text: string; title: string | null; name: string | null }[] = [];
    const roots = [...document.querySelectorAll("header, nav#hoofdmenu, #hoofdmenu")];
    for (const root of roots)
      for (const el of root.querySelectorAll<HTMLElement>("*")) {
        const text = el.textContent?.trim() ?? "";
        if (
          !text ||
          (el.children.length > 0 &&
            el.querySelector("svg") === null &&
            [...el.children].some((c) => c.textContent?.trim() === text))
        )
          continue;
        const style = getComputedStyle(el);
        if (style.display === "none" || style.visibility === "hidden") continue;
        if (el.closest("[inert]")) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        // Visually hidden helpers (1px boxes clipped on purpose) are not visible text.
        if (r.width <= 1 || r.height <= 1) continue;
        const hidesOverflow = style.overflow !== "visible" || style.textOverflow === "ellipsis";
        const overflowing = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
        if (!hidesOverflow || !overflowing) continue;
        const titled = el.closest<HTMLElement>("[title]");
        const named = el.closest<HTMLElement>("a, h1, button");
        found.push({
          text,
          title: titled?.getAttribute("title") ?? null,
          name: named ? (named.getAttribute("aria-label") ?? named.textContent?.trim() ?? null) : null,
        });
      }
    return found;
  });
}

describe.skipIf(skipBrowserTests)("long portal names and English labels in the shell", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
    await server.database.db
      .update(portals)
      .set({ nameNl: LONG_NL, nameEn: LONG_EN })
      .where(eq(portals.slug, "haaglanden"));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function expectReadable(page: Page, what: string, name: string) {
    await screenshot(page, `long-names-${what}`);
    // The brand link's accessible name holds the whole portal name.
    expect(await page.getByRole("link", { name: new RegExp(name) }).count()).toBeGreaterThan(0);
    for (const c of await cutTexts(page)) {
      expect(c.title, `"${c.text}" is cut off without a tooltip (${what})`).toBe(c.text);
      expect(c.name, `"${c.text}" is cut off and its link or heading is not named by it (${what})`).toContain(
        c.text,
      );
    }
    // The page title is a readable heading: two lines at most, never a few letters and "...".
    const h1 = await page.locator("h1").boundingBox();
    expect(h1!.width, `the page title has room (${what})`).toBeGreaterThan(100);
    const brokenWords = await page.evaluate(() => {
      const text = document.querySelector("h1")?.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) return [];
      const broken: string[] = [];
      for (const match of (text.textContent ?? "").matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        // A word over two lines has boxes on two lines; lines clamped away (below the heading's
        // box) are not shown and do not count.
        const bottom = (text.parentElement as HTMLElement).getBoundingClientRect().bottom;
        const lines = new Set(
          [...range.getClientRects()]
            .filter((r) => r.height > 0 && r.width > 0 && r.top < bottom - 1)
            .map((r) => Math.round(r.top)),
        );
        if (lines.size > 1) broken.push(match[0]);
      }
      return broken;
    });
    expect(brokenWords, `words of the page title broken over two lines (${what})`).toEqual([]);
    await expectAccessible(page, `shell with a long portal name (${what})`);
  }

  for (const width of [1280, 1024, 800]) {
    it(`keeps the whole portal name, page title and menu readable at ${width}px, in Dutch and English`, async () => {
      const page = await openPage(browser, `10.88.1.${width % 250}`, errors);
      await page.setViewportSize({ width, height: 900 });
      const base = `http://haaglanden.localhost:${server.port}`;
      await signInAsDemoStaff(page, base, "accountmanager@demo.werkbrug.test");
      for (const [locale, name] of [
        ["nl", LONG_NL],
        ["en", LONG_EN],
      ] as const) {
        await page.evaluate((l) => window.localStorage.setItem("werkbrug.lang", l), locale);
        await page.goto(`${base}/kandidaten`);
        await heading(page);
        await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(locale);
        await expectReadable(page, `${locale}-${width}`, name);
      }
      await page.context().close();
    });
  }

  it("keeps an employer contact's English header and menu whole beside the long name at 1280px", async () => {
    const page = await openPage(browser, "10.88.2.1", errors);
    await page.setViewportSize({ width: 1280, height: 900 });
    const base = `http://haaglanden.localhost:${server.port}`;
    await signInWithForm(page, base, {
      email: "werkgever@demo.werkbrug.test",
      password: DEMO_PASSWORD,
      code: () => totpCode(),
    });
    await page.getByRole("button", { name: /Accountmenu van/ }).waitFor({ state: "visible" });
    await page.evaluate(() => window.localStorage.setItem("werkbrug.lang", "en"));
    await page.goto(`${base}/`);
    await heading(page);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    const menu = page.getByRole("navigation", { name: "Main menu" });
    expect(await menu.getByRole("link", { name: "Proposed candidates" }).isVisible()).toBe(true);
    await expectReadable(page, "contact-en-1280", LONG_EN);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
