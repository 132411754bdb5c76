import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueSetupLink } from "../../src/server/modules/setup";
import { createStore } from "../../src/server/platform/store";
import { systemScope } from "../../src/server/platform/system-scope";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { openEmptyProductionDatabase } from "../support/empty-database";
import { startTestServer, type TestServer } from "../support/server";
import { totpCode } from "../support/session";
import { createOrganisationAndInviteAdmin, createPortalInBrowser } from "./platform-admin-steps";
import { expectAccessible, fieldLabel, heading, launchBrowser, openPage, skipBrowserTests } from "./support";

/**
 * Issue 17 part 1: a new installation from its setup link to a signed-in platform admin, on an
 * EMPTY database as a production start leaves it (the national portal, no one): a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set, else an empty in-memory PGlite.
 */
const ADMIN = { name: "Petra Platform", email: "petra@example.org", password: "Eerste-beheerder-2026!" };

const main = (page: Page) => page.getByRole("main");

/**
 * Follows the start-up banner's one-time link: the setup form, then the second factor, and
 * answers the page of the platform admin, signed in on the home page (and their TOTP key).
 * Journeys that go on from a fresh installation (portals, organisations) start here.
 */
async function setUpFirstAdmin(
  browser: Browser,
  server: TestServer,
  errors: string[],
): Promise<{ page: Page; totpKey: string }> {
  const link = await issueSetupLink(
    { store: createStore(server.database.db, server.app.events) },
    systemScope("test"),
    server.env.PUBLIC_URL,
  );
  if (!link) throw new Error("the empty database has a platform admin already");
  const page = await openPage(browser, "10.17.1.1", errors);
  await page.goto(link.url);
  expect(await heading(page)).toBe("Werkbrug inrichten");
  await main(page).getByLabel(fieldLabel("Volledige naam")).waitFor({ state: "visible" });
  await expectAccessible(page, "first-run setup form");

  // Submitting half a form says what is missing and makes nothing.
  await main(page).getByRole("button", { name: "Beheerder aanmaken" }).click();
  await main(page).getByText("Vul een geldig e-mailadres in.").waitFor();

  await main(page).getByLabel(fieldLabel("Volledige naam")).fill(ADMIN.name);
  await main(page).getByLabel(fieldLabel("E-mailadres")).fill(ADMIN.email);
  await main(page).getByLabel(fieldLabel("Kies een wachtwoord")).fill(ADMIN.password);
  await main(page).getByLabel(fieldLabel("Herhaal het wachtwoord")).fill(ADMIN.password);
  await main(page).getByRole("button", { name: "Beheerder aanmaken" }).click();

  // Signed in, the platform admin must set up the second factor before anything else.
  await page.waitForURL((u) => u.pathname === "/beveiliging-instellen");
  expect(await heading(page)).toBe("Beveiliging instellen");
  await main(page).getByLabel(fieldLabel("Wachtwoord")).fill(ADMIN.password);
  await main(page).getByRole("button", { name: "Volgende" }).click();
  const keyText = main(page).getByTestId("totp-key");
  await keyText.waitFor({ state: "visible" });
  const totpKey = ((await keyText.textContent()) ?? "").replace(/\s/g, "");
  await main(page).getByLabel(fieldLabel("Code")).fill(totpCode(totpKey));
  await main(page).getByRole("button", { name: "Controleren" }).click();
  await main(page).getByRole("button", { name: "Ik heb ze bewaard" }).click();
  await page.waitForURL((u) => u.pathname === "/");
  await page.getByRole("button", { name: `Accountmenu van ${ADMIN.name}` }).waitFor({ state: "visible" });
  return { page, totpKey };
}

describe.skipIf(skipBrowserTests)("first run: from the setup link to a signed-in platform admin", () => {
  let browser: Browser;
  let server: TestServer;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    const { database } = await openEmptyProductionDatabase(
      process.env.TEST_DATABASE_URL ? "postgres" : "pglite",
    );
    server = await startTestServer({ database });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await server?.database.close();
  });

  it("creates the first platform admin with a second factor, who makes a portal and a municipality and invites its admin; the link cannot be used again", async () => {
    const { page } = await setUpFirstAdmin(browser, server, errors);
    await expectAccessible(page, "home page of the new platform admin");
    const me = await page.evaluate(() => fetch("/api/v1/me").then((r) => r.json()));
    expect(me.user).toMatchObject({
      email: ADMIN.email,
      roles: ["platform_admin"],
      needsTwoFactorSetup: false,
    });

    // The new installation gets its first regional portal and a municipality with an administrator.
    const base = new URL(page.url()).origin;
    const { url } = await createPortalInBrowser(page, base, {
      slug: "zeeland",
      nameNl: "Werkbrug Zeeland",
      nameEn: "Werkbrug Zeeland",
    });
    expect(new URL(url).hostname.startsWith("zeeland.")).toBe(true);
    await expectAccessible(page, "the first portal of a new installation");
    await createOrganisationAndInviteAdmin(page, base, {
      name: "Gemeente Middelburg",
      kind: "Gemeente",
      portal: "Werkbrug Zeeland",
      adminEmail: "beheer@middelburg.example",
    });
    await expectAccessible(page, "the organisations of a new installation");
    const invitations = await page.evaluate(() => fetch("/api/v1/invitations").then((r) => r.json()));
    expect(JSON.stringify(invitations)).toContain("beheer@middelburg.example");

    // Any setup link now says that Werkbrug is set up already.
    const visitor = await openPage(browser, "10.17.1.2", errors);
    await visitor.goto(`${server.url}/inrichten?token=${"x".repeat(43)}`);
    await main(visitor).getByText("Werkbrug is al ingericht").waitFor();
    await expectAccessible(visitor, "setup link of an installed platform");
    expect(errors).toEqual([]);
  }, 240_000);
});
