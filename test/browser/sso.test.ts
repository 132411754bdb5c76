import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MICROSOFT_CONSUMER_TENANT } from "../../src/server/modules/identity/sso.plugin";
import { memberships, organisations, users } from "../../src/server/modules/tenancy/tenancy.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { startOidcProvider, type TestOidcProvider } from "../support/oidc";
import { startTestServer, type TestServer } from "../support/server";
import { Client, signIn } from "../support/session";
import {
  expectAccessible,
  fieldLabel,
  heading,
  launchBrowser,
  screenshot,
  signInAsDemoStaff,
  skipBrowserTests,
} from "./support";

const DOMAIN = "gemeente-denhaag.example";
const WORK_TENANT = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b";
const EMAIL = `m.demir@${DOMAIN}`;

describe.skipIf(skipBrowserTests)("signing in with Microsoft in the browser", () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: TestServer;
  let idp: TestOidcProvider;

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
    idp = await startOidcProvider(`${server.url}/api/auth/sso/callback`);
    const { db } = server.database;
    const [denhaag] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Gemeente Den Haag"));
    const userId = randomUUID();
    await db.insert(users).values({ id: userId, name: "Meryem Demir", email: EMAIL, emailVerified: true });
    await db.insert(memberships).values({ userId, role: "account_manager", organisationId: denhaag!.id });
    const admin = new Client(server);
    await signIn(admin, "beheer@demo.werkbrug.test");
    const created = await admin.call("/api/v1/sso-connections", {
      body: {
        organisationId: denhaag!.id,
        emailDomain: DOMAIN,
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
      },
    });
    expect(created.status, created.text).toBe(201);
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(15_000);
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await idp?.close();
    await server?.close();
  });

  it("offers 'Inloggen met Microsoft' for a work address and comes back signed in, without a Werkbrug code", async () => {
    idp.signInAs({ sub: "entra-m-demir", email: EMAIL, tid: WORK_TENANT });
    const page = await context.newPage();
    await page.goto(`${server.url}/inloggen`);
    expect(await heading(page)).toBe("Inloggen");
    await page.getByRole("main").getByLabel("E-mailadres").fill(EMAIL);
    await page.getByRole("main").getByRole("button", { name: "Volgende" }).click();
    const button = page.getByRole("main").getByRole("button", { name: "Inloggen met Microsoft" });
    await button.waitFor({ state: "visible" });
    // The button has the focus: Enter signs in, keyboard only.
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, "sso-button");
    await expectAccessible(page, "sign-in with the Microsoft button");
    await page.keyboard.press("Enter");
    const avatar = page.getByRole("button", { name: "Accountmenu van Meryem Demir" });
    await avatar.waitFor({ state: "visible" });
    expect(new URL(page.url()).origin).toBe(server.url);
    await screenshot(page, "sso-signed-in");
    await expectAccessible(page, "home after Microsoft sign-in");
  });

  it("shows the org admin's connections with a secret rotation and a test, in Dutch, keyboard usable", async () => {
    const page = await context.newPage();
    await signInAsDemoStaff(page, server.url, "beheer@demo.werkbrug.test");
    await page.goto(`${server.url}/sso-koppelingen`);
    expect(await heading(page)).toBe("Eenmalige aanmelding (SSO)");
    const main = page.getByRole("main");
    const card = main.getByRole("region", { name: DOMAIN });
    await card.waitFor({ state: "visible" });
    await card.getByRole("button", { name: "Testen" }).click();
    await card.getByText("De provider accepteert de client-ID").waitFor({ state: "visible" });
    await card.getByRole("button", { name: "Nieuw clientgeheim" }).click();
    await card.getByLabel(fieldLabel("Nieuw clientgeheim")).fill("nog-niet-geldig-geheim");
    await card.getByLabel(fieldLabel("Verloopt op")).fill("2027-01-02");
    await card.getByRole("button", { name: "Geheim toevoegen" }).click();
    await card.getByText("Nieuw clientgeheim (wacht op eerste gebruik)", { exact: false }).waitFor();
    await screenshot(page, "sso-management");
    await expectAccessible(page, "SSO connections screen");
  });

  it("refuses a private Microsoft account with the manual's explanation", async () => {
    idp.signInAs({ sub: "private-m-demir", email: EMAIL, tid: MICROSOFT_CONSUMER_TENANT });
    const page = await context.newPage();
    await page.goto(`${server.url}/inloggen`);
    await page.getByRole("main").getByLabel("E-mailadres").fill(EMAIL);
    await page.getByRole("main").getByRole("button", { name: "Volgende" }).click();
    await page.getByRole("main").getByRole("button", { name: "Inloggen met Microsoft" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "privéaccount" });
    await alert.waitFor({ state: "visible" });
    expect(await alert.textContent()).toContain(
      "Log in met je werkaccount van Microsoft, niet met een privéaccount.",
    );
    expect(new URL(page.url()).pathname).toBe("/inloggen");
    await screenshot(page, "sso-private-refused");
    await expectAccessible(page, "sign-in after a refused private account");
  });
});
