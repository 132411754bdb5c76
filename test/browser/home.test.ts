import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMailer } from "../../src/server/platform/mail";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer } from "../support/server";
import { expectAccessible, heading, launchBrowser, screenshot, skipBrowserTests } from "./support";

describe.skipIf(skipBrowserTests)("web shell in the browser", () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
  });

  // A fresh context per test: the chosen language lives in localStorage and must not leak.
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
  });

  function portalUrl(subdomain: string | null, pathname = "/"): string {
    return subdomain ? `http://${subdomain}.localhost:${server.port}${pathname}` : `${server.url}${pathname}`;
  }

  it("shows the national portal in Dutch by default, accessibly", async () => {
    const page = await context.newPage();
    await page.goto(portalUrl(null));

    expect(await heading(page)).toMatch(/^Welkom bij /);
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("nl");
    await expect.poll(() => page.getByRole("navigation", { name: "Hoofdmenu" }).isVisible()).toBe(true);
    for (const item of ["Home", "Vacatures", "Voor werkgevers", "Over Werkbrug"]) {
      expect(await page.getByRole("navigation").getByRole("link", { name: item, exact: true }).count()).toBe(
        1,
      );
    }
    expect(await page.getByRole("link", { name: "Inloggen" }).isVisible()).toBe(true);
    expect(await page.getByRole("searchbox", { name: /Zoek vacatures/ }).isVisible()).toBe(true);
    // The national home page lists the regional portals, by their own addresses.
    const haaglanden = page.getByRole("link", { name: "Haaglanden" });
    expect(await haaglanden.getAttribute("href")).toBe(portalUrl("haaglanden"));

    await screenshot(page, "home-nl");
    await expectAccessible(page, "home (nl)");
    await page.close();
  });

  it("switches to English with the keyboard and remembers it", async () => {
    const page = await context.newPage();
    await page.goto(portalUrl(null));
    await heading(page);

    // The skip link comes first: keyboard users must not have to pass the whole header.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Naar de inhoud");

    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(
        () => document.activeElement?.getAttribute("aria-label") === "EN, English",
      );
    }
    expect(reached, "Tab never reached the EN language button").toBe(true);
    await page.keyboard.press("Enter");

    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    expect(await heading(page)).toMatch(/^Welcome to /);
    expect(await page.getByRole("link", { name: "Log in" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "EN, English" }).getAttribute("aria-pressed")).toBe("true");
    await screenshot(page, "home-en");
    await expectAccessible(page, "home (en)");

    await page.reload();
    expect(await heading(page)).toMatch(/^Welcome to /);
    expect(await page.evaluate(() => localStorage.getItem("werkbrug.lang"))).toBe("en");

    // Space works as well as Enter, and brings Dutch back.
    await page.getByRole("button", { name: "NL, Nederlands" }).focus();
    await page.keyboard.press("Space");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("nl");
    await page.close();
  });

  it("puts the cursor in the sign-in form, and on the page's heading after signing in and every page change", async () => {
    const page = await context.newPage();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return "";
        const id = el.id === "inhoud" ? "#inhoud" : "";
        return `${el.tagName.toLowerCase()}${id}:${el.getAttribute("type") ?? ""}`;
      });
    await page.goto(portalUrl("haaglanden", "/inloggen"));
    await expect.poll(focused).toBe("input:email");
    await page.keyboard.type("kandidaat@demo.werkbrug.test");
    await page.keyboard.press("Enter");
    await expect.poll(focused).toBe("input:password");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    // Signed in: the keyboard goes on at the new page's heading, not on the body.
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe("/");
    await expect.poll(focused).toBe("h1:");

    // A menu link followed with the keyboard: focus moves to the heading of the page it opened.
    const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
    await menu.getByRole("link", { name: "Sollicitaties" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => location.pathname)).toBe("/sollicitaties");
    await expect.poll(focused).toBe("h1:");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(await heading(page));

    // The skip link, the first Tab stop, takes the keyboard to the main content.
    await page.reload();
    await heading(page);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Naar de inhoud");
    await page.keyboard.press("Enter");
    await expect.poll(focused).toBe("main#inhoud:");
    await page.close();
  });

  it("shows the About page with data attributions and the version", async () => {
    const page = await context.newPage();
    await page.goto(portalUrl(null, "/over"));

    expect(await heading(page)).toBe("Over Werkbrug");
    const main = page.getByRole("main");
    await expect.poll(() => main.textContent()).toContain("ESCO, © European Union");
    expect(await main.textContent()).toContain("GeoNames");
    expect(await main.getByRole("link", { name: /CC BY 4\.0/ }).getAttribute("href")).toBe(
      "https://creativecommons.org/licenses/by/4.0/",
    );
    await expect.poll(() => main.locator("code").first().textContent()).toMatch(/\d+\.\d+/);
    expect(
      await page.getByRole("link", { name: "Terug naar de bovenliggende pagina" }).getAttribute("href"),
    ).toBe("/");

    await screenshot(page, "about-nl");
    await expectAccessible(page, "/over");
    await page.close();
  });

  it("brands a regional portal by its subdomain", async () => {
    const page = await context.newPage();
    await page.goto(portalUrl("haaglanden"));

    expect(await heading(page)).toContain("Haaglanden");
    expect(
      await page.getByRole("link", { name: /^Werkbrug Haaglanden – naar de startpagina$/ }).isVisible(),
    ).toBe(true);
    await screenshot(page, "home-haaglanden");
    await expectAccessible(page, "home (haaglanden)");
    await page.close();
  });

  it("explains an unknown portal and links to the real ones", async () => {
    const page = await context.newPage();
    await page.goto(portalUrl("onbekend"));

    expect(await heading(page)).toBe("Portaal niet gevonden");
    const main = page.getByRole("main");
    expect(await main.textContent()).toContain("onbekend");
    for (const slug of ["haaglanden", "rijnmond"]) {
      expect(await main.locator(`a[href="${portalUrl(slug)}"]`).count()).toBe(1);
    }
    expect(await main.locator(`a[href="${portalUrl(null)}"]`).count()).toBe(1);

    await screenshot(page, "unknown-portal-nl");
    await expectAccessible(page, "the unknown-portal page");
    await page.close();
  });

  it("shows a friendly 404 for an unknown path", async () => {
    const page = await context.newPage();
    await page.goto(portalUrl(null, "/bestaat-niet"));

    expect(await heading(page)).toBe("Pagina niet gevonden");
    expect(await page.getByRole("main").textContent()).toContain("/bestaat-niet");
    await page.getByRole("main").getByRole("link", { name: "Naar de startpagina" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toMatch(/^Welkom bij /);

    await page.goto(portalUrl(null, "/bestaat-niet"));
    await heading(page);
    await screenshot(page, "not-found-nl");
    await expectAccessible(page, "the 404 page");
    await page.close();
  });

  it("collapses the menu behind a burger on a phone", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(portalUrl(null));
    expect(await heading(page)).toMatch(/^Welkom bij /);
    // The page title keeps a usable width beside the burger and the account slot.
    expect((await page.locator("h1").boundingBox())?.width ?? 0).toBeGreaterThan(150);
    await screenshot(page, "home-mobile");
    await expectAccessible(page, "home on a phone");

    const menuLink = page.getByRole("navigation").getByRole("link", { name: "Over Werkbrug" });
    expect(await menuLink.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Menu openen" }).click();
    await menuLink.waitFor({ state: "visible" });
    // The menu slides in; photograph it once it has arrived.
    await expect.poll(async () => (await menuLink.boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
    await page.waitForTimeout(300);
    await screenshot(page, "home-mobile-menu");
    await menuLink.click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Over Werkbrug");
    // Navigating closes the menu so the page itself is what the user sees.
    await expect.poll(() => page.getByRole("button", { name: "Menu openen" }).isVisible()).toBe(true);
    await page.close();
  });

  it("shows mail from the outbox on the developer page", async () => {
    await createMailer(server.env, server.database.db).send({
      to: "nieuw@voorbeeld.nl",
      subject: "Welkom bij Werkbrug",
      text: "Meld je aan via de link in deze e-mail.",
    });
    const page = await context.newPage();
    await page.goto(portalUrl(null, "/dev/mail"));
    expect(await heading(page)).toBe("Ontwikkelaars: verzonden e-mail");
    const message = page.getByRole("button", { name: /Welkom bij Werkbrug/ });
    await message.waitFor({ state: "visible" });
    await message.press("Enter");
    await page.getByText("Meld je aan via de link in deze e-mail.").waitFor({ state: "visible" });
    await screenshot(page, "dev-mail-nl");
    await expectAccessible(page, "developer mail page");
    await page.close();
  });

  it("raised no script errors on any page", () => {
    expect(pageErrors).toEqual([]);
  });
});
