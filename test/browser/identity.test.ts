import { readFile } from "node:fs/promises";
import { desc, eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { twoFactors } from "../../src/server/modules/identity/identity.schema";
import { users } from "../../src/server/modules/tenancy/tenancy.schema";
import { smsOutbox } from "../../src/server/platform/sms.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
import { Client, signIn, totpCode } from "../support/session";
import { expectAccessible, heading, launchBrowser, screenshot, skipBrowserTests } from "./support";

/** A field's label exactly; a required field's label ends in an asterisk. */
const field = (label: string) => new RegExp(`^${label}( \\*)?$`);
const ACCOUNT_MANAGER = { email: "accountmanager@demo.werkbrug.test", name: "Fatima El Amrani" };

describe.skipIf(skipBrowserTests)("signing in, security and settings in the browser", () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: TestServer;
  let clients = 0;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
  });

  // Each test is a different person at a different address, so per-address limits stay apart.
  beforeEach(async () => {
    clients++;
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: { "x-forwarded-for": `10.77.0.${clients}` },
    });
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

  const url = (pathname: string) => `${server.url}${pathname}`;
  const main = (page: Page) => page.getByRole("main");

  async function enterEmailAndPassword(page: Page, email: string, password: string) {
    await page.goto(url("/inloggen"));
    expect(await heading(page)).toBe("Inloggen");
    await main(page).getByLabel("E-mailadres").fill(email);
    await main(page).getByRole("button", { name: "Volgende" }).click();
    const passwordField = main(page).getByLabel(field("Wachtwoord"));
    await passwordField.waitFor({ state: "visible" });
    // The cursor goes where the next thing must be typed.
    await expect.poll(() => passwordField.evaluate((el) => el === document.activeElement)).toBe(true);
    await passwordField.fill(password);
    await main(page).getByRole("button", { name: "Inloggen", exact: true }).click();
  }

  async function enterCode(page: Page, code: string) {
    const input = main(page).getByLabel(field("Code"));
    await input.waitFor({ state: "visible" });
    await input.fill(code);
    await main(page).getByRole("button", { name: "Controleren" }).click();
  }

  async function signOutViaMenu(page: Page, name: string) {
    await page.getByRole("button", { name: `Accountmenu van ${name}` }).click();
    await page.getByRole("menuitem", { name: "Uitloggen" }).click();
    await page.getByRole("link", { name: "Inloggen" }).first().waitFor({ state: "visible" });
    expect(new URL(page.url()).pathname).toBe("/");
  }

  it("signs an account manager in with e-mail, password and app code, shows the devices and signs out", async () => {
    // Signed in elsewhere too (a phone, say), to log out from the settings.
    await signIn(new Client(server), ACCOUNT_MANAGER.email);
    const page = await context.newPage();
    await page.goto(url("/inloggen"));
    expect(await heading(page)).toBe("Inloggen");
    await main(page).getByLabel("E-mailadres").waitFor({ state: "visible" });
    await screenshot(page, "signin-email");
    await expectAccessible(page, "sign-in, e-mail step");

    await main(page).getByLabel("E-mailadres").fill(ACCOUNT_MANAGER.email);
    await main(page).getByRole("button", { name: "Volgende" }).click();
    await main(page).getByLabel(field("Wachtwoord")).waitFor({ state: "visible" });
    expect(await main(page).getByRole("link", { name: "Wachtwoord vergeten?" }).isVisible()).toBe(true);
    await screenshot(page, "signin-password");
    await expectAccessible(page, "sign-in, password step");

    await main(page).getByLabel(field("Wachtwoord")).fill(DEMO_PASSWORD);
    await main(page).getByRole("button", { name: "Inloggen", exact: true }).click();
    const code = main(page).getByLabel(field("Code"));
    await code.waitFor({ state: "visible" });
    expect(await code.getAttribute("inputmode")).toBe("numeric");
    expect(await code.getAttribute("autocomplete")).toBe("one-time-code");
    await screenshot(page, "signin-code");
    await expectAccessible(page, "sign-in, code step");

    await enterCode(page, totpCode());
    const avatar = page.getByRole("button", { name: `Accountmenu van ${ACCOUNT_MANAGER.name}` });
    await avatar.waitFor({ state: "visible" });
    expect(new URL(page.url()).pathname).toBe("/");
    // The menu follows the role: an account manager sees the candidate explorer.
    expect(await page.getByRole("navigation").getByRole("link", { name: "Kandidaten" }).isVisible()).toBe(
      true,
    );
    await expectAccessible(page, "home, signed in");

    await avatar.click();
    await page.getByRole("menuitem", { name: "Instellingen" }).click();
    expect(await heading(page)).toBe("Instellingen");
    expect(await page.getByRole("tab", { name: "Beveiliging" }).getAttribute("aria-selected")).toBe("true");
    const devices = main(page).getByRole("list", { name: "Apparaten" });
    await devices.getByText("Dit apparaat").waitFor({ state: "visible" });
    expect(await devices.textContent()).toContain("Chrome op Linux");
    expect(await devices.textContent()).toContain("10.77.0.");
    expect(await main(page).getByText("Aan", { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => devices.getByRole("listitem").count()).toBe(2);
    await screenshot(page, "settings-security");
    await expectAccessible(page, "settings, security tab");
    await devices.getByRole("button", { name: /^Onbekend apparaat afmelden/ }).click();
    await expect.poll(() => devices.getByRole("listitem").count()).toBe(1);
    expect(
      await main(page).getByRole("button", { name: "Alle andere apparaten afmelden" }).isDisabled(),
    ).toBe(true);

    await signOutViaMenu(page, ACCOUNT_MANAGER.name);
    await page.goto(url("/instellingen"));
    // Signed out, settings ask to sign in first and come back afterwards. The page title shows
    // "Instellingen" while the session is being checked, so wait for the redirect itself.
    await page.waitForURL((u) => u.pathname === "/inloggen");
    expect(await heading(page)).toBe("Inloggen");
    expect(new URL(page.url()).searchParams.get("redirect")).toBe("/instellingen");
    await page.close();
  });

  it("says in Dutch when the password or the code is wrong, and how many tries are left", async () => {
    const page = await context.newPage();
    await enterEmailAndPassword(page, "beheer@demo.werkbrug.test", "Niet-het-wachtwoord-1!");
    const alert = main(page).getByRole("alert");
    await alert.waitFor({ state: "visible" });
    expect(await alert.textContent()).toBe("Het e-mailadres of wachtwoord klopt niet.");
    await screenshot(page, "signin-wrong-password");
    await expectAccessible(page, "sign-in, wrong password");

    await main(page).getByLabel(field("Wachtwoord")).fill(DEMO_PASSWORD);
    await main(page).getByRole("button", { name: "Inloggen", exact: true }).click();
    const wrong = totpCode() === "000000" ? "111111" : "000000";
    await enterCode(page, wrong);
    await expect
      .poll(() => main(page).getByRole("alert").textContent())
      .toBe("Deze code klopt niet. Je kunt het nog 4 keer proberen.");
    await screenshot(page, "signin-wrong-code");
    await expectAccessible(page, "sign-in, wrong code");

    // The way out when the phone is not at hand.
    await main(page).getByRole("button", { name: "Gebruik een back-upcode" }).click();
    await main(page).getByLabel("Back-upcode").waitFor({ state: "visible" });
    await expectAccessible(page, "sign-in, backup-code step");
    await page.close();
  });

  it("keeps a staff member without a second factor on the set-up page until it is done", async () => {
    const { db } = server.database;
    await db.update(users).set({ twoFactorEnabled: false }).where(eq(users.id, "demo-verwijzer"));
    await db.delete(twoFactors).where(eq(twoFactors.userId, "demo-verwijzer"));
    const email = "verwijzer@demo.werkbrug.test";
    const name = "Vincent Verhoeven";

    const page = await context.newPage();
    await enterEmailAndPassword(page, email, DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === "/beveiliging-instellen");
    expect(await heading(page)).toBe("Beveiliging instellen");
    // Anything else sends them back here.
    await page.goto(url("/instellingen"));
    await page.waitForURL((u) => u.pathname === "/beveiliging-instellen");
    await main(page).getByLabel(field("Wachtwoord")).waitFor({ state: "visible" });
    await screenshot(page, "two-factor-setup-password");
    await expectAccessible(page, "two-factor set-up, password step");

    await main(page).getByLabel(field("Wachtwoord")).fill(DEMO_PASSWORD);
    await main(page).getByRole("button", { name: "Volgende" }).click();
    const qr = main(page).getByRole("img", { name: /QR-code/ });
    await qr.waitFor({ state: "visible" });
    const key = ((await main(page).getByTestId("totp-key").textContent()) ?? "").replace(/\s/g, "");
    expect(key).toMatch(/^[A-Z2-7]{16,}$/);
    // Shown in blocks of four for reading.
    expect(await main(page).getByTestId("totp-key").textContent()).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    await screenshot(page, "two-factor-setup-scan");
    await expectAccessible(page, "two-factor set-up, scan step");

    await enterCode(page, totpCode(key));
    const codes = main(page).getByTestId("backup-codes").getByRole("listitem");
    await codes.first().waitFor({ state: "visible" });
    expect(await codes.count()).toBe(10);
    const firstCode = ((await codes.first().textContent()) ?? "").trim();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      main(page).getByRole("button", { name: "Download" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("werkbrug-back-upcodes.txt");
    expect(await readFile(await download.path(), "utf8")).toContain(firstCode);
    await screenshot(page, "two-factor-setup-codes");
    await expectAccessible(page, "two-factor set-up, backup codes");

    await main(page).getByRole("button", { name: "Ik heb ze bewaard" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await page.goto(url("/instellingen"));
    expect(await heading(page)).toBe("Instellingen");
    await signOutViaMenu(page, name);

    // From now on the app's code is asked for.
    await enterEmailAndPassword(page, email, DEMO_PASSWORD);
    await enterCode(page, totpCode(key));
    await page.getByRole("button", { name: `Accountmenu van ${name}` }).waitFor({ state: "visible" });
    expect(new URL(page.url()).pathname).toBe("/");
    await page.close();
  });

  it("sets up SMS as the second factor with a confirmed mobile number, then signs in by text message", async () => {
    const { db } = server.database;
    await db
      .update(users)
      .set({ twoFactorEnabled: false, phoneNumber: null, phoneNumberVerified: false })
      .where(eq(users.id, "demo-hr"));
    await db.delete(twoFactors).where(eq(twoFactors.userId, "demo-hr"));
    const email = "hr@demo.werkbrug.test";
    const lastCode = async (to: string) => {
      const [row] = await db
        .select()
        .from(smsOutbox)
        .where(eq(smsOutbox.to, to))
        .orderBy(desc(smsOutbox.createdAt))
        .limit(1);
      return /\b(\d{6})\b/.exec(row?.text ?? "")?.[1] ?? "";
    };

    const page = await context.newPage();
    await enterEmailAndPassword(page, email, DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === "/beveiliging-instellen");
    await main(page)
      .getByRole("radio", { name: /Sms-controle/ })
      .check();
    expect(await main(page).getByLabel(field("Wachtwoord")).count()).toBe(0);
    await expectAccessible(page, "two-factor set-up, SMS chosen");
    await main(page).getByRole("button", { name: "Volgende" }).click();

    const number = main(page).getByLabel(field("Mobiel telefoonnummer"));
    await number.waitFor({ state: "visible" });
    await expect.poll(() => number.evaluate((el) => el === document.activeElement)).toBe(true);
    await number.fill("070 1234567");
    await main(page).getByRole("button", { name: "Code sturen" }).click();
    await expect.poll(() => number.getAttribute("aria-invalid")).toBe("true");
    expect(await main(page).getByText("Dit is geen mobiel nummer.", { exact: false }).isVisible()).toBe(true);
    await screenshot(page, "two-factor-setup-sms-number-error");
    await expectAccessible(page, "two-factor set-up, SMS number with an error");

    await number.fill("06 44 55 66 77");
    await main(page).getByRole("button", { name: "Code sturen" }).click();
    await main(page)
      .getByRole("heading", { name: "Bevestig je telefoonnummer" })
      .waitFor({ state: "visible" });
    await screenshot(page, "two-factor-setup-sms-confirm");
    await expectAccessible(page, "two-factor set-up, SMS confirm");
    await main(page)
      .getByLabel(field("Code"))
      .fill(await lastCode("+31644556677"));
    await main(page).getByLabel(field("Wachtwoord")).fill(DEMO_PASSWORD);
    await main(page).getByRole("button", { name: "Controleren" }).click();
    const done = main(page).getByText("De sms-controle is ingesteld.", { exact: false });
    await done.waitFor({ state: "visible" });
    expect(await done.textContent()).toContain("06 44556677");
    await expectAccessible(page, "two-factor set-up, SMS done");
    await main(page).getByRole("button", { name: "Verder naar Werkbrug" }).click();
    await page.waitForURL((u) => u.pathname === "/");

    // Under Beveiliging: on, by text message, with the number to change or the app to switch to.
    await page.goto(url("/instellingen?tab=beveiliging"));
    await main(page).getByText("Je krijgt bij het inloggen een code per sms op 06 44556677.").waitFor();
    expect(await main(page).getByRole("button", { name: "Ander nummer gebruiken" }).isVisible()).toBe(true);
    expect(
      await main(page).getByRole("link", { name: "Overstappen op de authenticator-app" }).isVisible(),
    ).toBe(true);
    await expectAccessible(page, "settings, security with SMS");
    await page.getByRole("button", { name: /^Accountmenu van / }).click();
    await page.getByRole("menuitem", { name: "Uitloggen" }).click();
    await page.getByRole("link", { name: "Inloggen" }).first().waitFor({ state: "visible" });

    // Signing in: the text goes out at once; no app or back-up code is offered.
    await enterEmailAndPassword(page, email, DEMO_PASSWORD);
    await main(page).getByText("De sms met je code is verstuurd.").waitFor({ state: "visible" });
    expect(await main(page).getByRole("button", { name: "Gebruik een back-upcode" }).count()).toBe(0);
    expect(
      await main(page).getByRole("button", { name: "Gebruik de code uit je authenticator-app" }).count(),
    ).toBe(0);
    await expectAccessible(page, "sign-in, SMS only");
    await enterCode(page, await lastCode("+31644556677"));
    await page.getByRole("button", { name: /^Accountmenu van / }).waitFor({ state: "visible" });
    await page.close();
  });

  it("answers a forgotten password neutrally and explains a dead reset link", async () => {
    const page = await context.newPage();
    await page.goto(url("/inloggen"));
    await main(page).getByLabel("E-mailadres").fill("niemand@voorbeeld.nl");
    await main(page).getByRole("button", { name: "Volgende" }).click();
    await main(page).getByRole("link", { name: "Wachtwoord vergeten?" }).click();
    expect(await heading(page)).toBe("Wachtwoord vergeten");
    // The address typed at the sign-in carries over.
    expect(await main(page).getByLabel("E-mailadres").inputValue()).toBe("niemand@voorbeeld.nl");
    await expectAccessible(page, "forgot password");
    await main(page).getByRole("button", { name: "Stuur instructies" }).click();
    const status = main(page).getByRole("status");
    await status.waitFor({ state: "visible" });
    expect(await status.textContent()).toContain(
      "Als er een account bij dit e-mailadres hoort, hebben we een e-mail gestuurd met een link",
    );
    await screenshot(page, "forgot-password-sent");
    await expectAccessible(page, "forgot password, sent");

    await page.goto(url("/wachtwoord-herstellen?error=INVALID_TOKEN"));
    expect(await heading(page)).toBe("Nieuw wachtwoord kiezen");
    await main(page).getByRole("alert").waitFor({ state: "visible" });
    expect(
      await main(page).getByRole("link", { name: "Vraag een nieuwe link aan" }).getAttribute("href"),
    ).toBe("/wachtwoord-vergeten");
    await screenshot(page, "reset-password-invalid");
    await expectAccessible(page, "reset password, invalid link");
    await page.close();
  });

  it("raised no script errors on any page", () => {
    expect(pageErrors).toEqual([]);
  });
});
