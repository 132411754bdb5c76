import { desc, eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "../../src/server/platform/mail.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
import { totpCode } from "../support/session";
import { expectAccessible, heading, launchBrowser, screenshot, skipBrowserTests } from "./support";

/** A field's label exactly; a required field's label ends in an asterisk. */
const field = (label: string) => new RegExp(`^${label}( \\*)?$`);
const ADMIN = { email: "beheer@demo.werkbrug.test", name: "Bram Beheerder" };
const EMPLOYER = { email: "werkgever@demo.werkbrug.test", name: "Wim van Westen" };
const NEW_USER = { email: "nieuwe.am@voorbeeld.nl", name: "Noor de Nieuwe", password: "Haagse-Bluf-2026" };

describe.skipIf(skipBrowserTests)("user management, settings and the side switch in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  let clients = 0;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  /** A fresh browser of its own (cookies, storage, address), as a different person would have. */
  async function newPage(): Promise<Page> {
    clients++;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: { "x-forwarded-for": `10.78.0.${clients}` },
    });
    context.setDefaultTimeout(10_000);
    context.on("weberror", (error) => pageErrors.push(error.error().message));
    contexts.push(context);
    return context.newPage();
  }

  const main = (page: Page) => page.getByRole("main");

  async function signIn(page: Page, base: string, email: string, password: string, code: () => string) {
    await page.goto(`${base}/inloggen`);
    expect(await heading(page)).toBe("Inloggen");
    await main(page).getByLabel("E-mailadres").fill(email);
    await main(page).getByRole("button", { name: "Volgende" }).click();
    await main(page).getByLabel(field("Wachtwoord")).fill(password);
    await main(page).getByRole("button", { name: "Inloggen", exact: true }).click();
    const input = main(page).getByLabel(field("Code"));
    await input.waitFor({ state: "visible" });
    await input.fill(code());
    await main(page).getByRole("button", { name: "Controleren" }).click();
  }

  async function signOutViaMenu(page: Page, name: string) {
    await page.getByRole("button", { name: `Accountmenu van ${name}` }).click();
    await page.getByRole("menuitem", { name: "Uitloggen" }).click();
    await page.getByRole("link", { name: "Inloggen" }).first().waitFor({ state: "visible" });
  }

  it("lets an org admin invite an account manager who signs up, sets up the app code and signs in; revoking access signs them out", async () => {
    const haaglanden = server.portalUrl("haaglanden");
    const admin = await newPage();
    await signIn(admin, server.url, ADMIN.email, DEMO_PASSWORD, () => totpCode());
    await admin.getByRole("button", { name: `Accountmenu van ${ADMIN.name}` }).waitFor({ state: "visible" });

    // The menu's "Gebruikers" leads to the settings' user management, as in the manual.
    await admin.getByRole("navigation").getByRole("link", { name: "Gebruikers" }).click();
    expect(await heading(admin)).toBe("Instellingen");
    const usersTab = admin.getByRole("tab", { name: "Gebruikersbeheer" });
    expect(await usersTab.getAttribute("aria-selected")).toBe("true");
    const users = main(admin).getByRole("table", { name: "Alle gebruikers binnen je organisatie" });
    await users.getByRole("rowheader", { name: ADMIN.name }).waitFor({ state: "visible" });
    expect(await users.textContent()).toContain("Accountmanager");
    await screenshot(admin, "settings-users");
    await expectAccessible(admin, "settings, user management");

    await main(admin).getByRole("button", { name: "Uitnodigen" }).click();
    const dialog = admin.getByRole("dialog", { name: "Iemand uitnodigen" });
    await dialog.getByLabel(field("E-mailadres")).fill(NEW_USER.email);
    await dialog.getByLabel(field("Rol")).selectOption({ label: "Accountmanager" });
    await dialog.getByLabel("Persoonlijk bericht").fill("Welkom in het team, Noor!");
    await expectAccessible(admin, "settings, invitation form");
    await dialog.getByRole("button", { name: "Uitnodiging versturen" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect
      .poll(() => main(admin).getByRole("status").first().textContent())
      .toBe(`De uitnodiging is verstuurd naar ${NEW_USER.email}.`);
    const invitations = main(admin).getByRole("table", { name: "Verstuurde uitnodigingen" });
    const row = invitations.getByRole("row", { name: new RegExp(NEW_USER.email) });
    expect(await row.getByText("Openstaand").isVisible()).toBe(true);
    expect(
      await row.getByRole("button", { name: `Opnieuw versturen naar ${NEW_USER.email}` }).isVisible(),
    ).toBe(true);
    await screenshot(admin, "settings-invitations");
    await expectAccessible(admin, "settings, invitations list");

    // The e-mail, from the outbox: its link leads to the Haaglanden portal.
    await server.app.events.drain();
    const [mail] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, NEW_USER.email))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    const link = /(http:\/\/\S+\/uitnodiging\?token=[^\s)]+)/.exec(mail?.text ?? "")?.[1];
    expect(link, mail?.text).toBeDefined();
    const invitationUrl = new URL(link ?? "");
    expect(invitationUrl.origin).toBe(haaglanden);

    const invitee = await newPage();
    await invitee.goto(invitationUrl.href);
    expect(await heading(invitee)).toBe("Meld je aan");
    await main(invitee).getByText("Welkom in het team, Noor!").waitFor({ state: "visible" });
    await expectAccessible(invitee, "invitation");
    await main(invitee).getByLabel(field("Volledige naam")).fill(NEW_USER.name);
    await main(invitee).getByLabel(field("Kies een wachtwoord")).fill(NEW_USER.password);
    await main(invitee).getByLabel(field("Herhaal het wachtwoord")).fill(NEW_USER.password);
    await main(invitee)
      .getByLabel(/Ik heb de gebruiksvoorwaarden gelezen/)
      .check();
    await main(invitee).getByRole("button", { name: "Accepteren" }).click();
    await main(invitee)
      .getByRole("status")
      .getByText("Je account is klaar")
      .first()
      .waitFor({ state: "visible" });
    await expectAccessible(invitee, "invitation accepted");

    // First sign-in: password only, then the set-up of the second factor is required.
    await main(invitee).getByRole("link", { name: "Inloggen" }).click();
    expect(await heading(invitee)).toBe("Inloggen");
    await main(invitee).getByLabel(field("Wachtwoord")).fill(NEW_USER.password);
    await main(invitee).getByRole("button", { name: "Inloggen", exact: true }).click();
    await invitee.waitForURL((u) => u.pathname === "/beveiliging-instellen");
    expect(await heading(invitee)).toBe("Beveiliging instellen");
    await main(invitee).getByLabel(field("Wachtwoord")).fill(NEW_USER.password);
    await main(invitee).getByRole("button", { name: "Volgende" }).click();
    const keyText = main(invitee).getByTestId("totp-key");
    await keyText.waitFor({ state: "visible" });
    const key = ((await keyText.textContent()) ?? "").replace(/\s/g, "");
    await expectAccessible(invitee, "two-factor set-up of the new account manager");
    await main(invitee).getByLabel(field("Code")).fill(totpCode(key));
    await main(invitee).getByRole("button", { name: "Controleren" }).click();
    await main(invitee).getByRole("button", { name: "Ik heb ze bewaard" }).click();
    await invitee.waitForURL((u) => u.pathname === "/");
    await signOutViaMenu(invitee, NEW_USER.name);

    // From now on: e-mail, password and the app's code.
    await signIn(invitee, haaglanden, NEW_USER.email, NEW_USER.password, () => totpCode(key));
    await invitee
      .getByRole("button", { name: `Accountmenu van ${NEW_USER.name}` })
      .waitFor({ state: "visible" });
    await invitee.goto(`${haaglanden}/instellingen?tab=persoonsgegevens`);
    expect(await heading(invitee)).toBe("Instellingen");
    await main(invitee).getByLabel(field("Volledige naam")).waitFor({ state: "visible" });
    // An account manager manages no users.
    expect(await invitee.getByRole("tab", { name: "Gebruikersbeheer" }).count()).toBe(0);
    await expectAccessible(invitee, "settings, personal data");

    // The admin now sees the new colleague, and revokes their access.
    await admin.reload();
    const newRow = main(admin)
      .getByRole("table", { name: "Alle gebruikers binnen je organisatie" })
      .getByRole("row", { name: new RegExp(NEW_USER.name) });
    await newRow.waitFor({ state: "visible" });
    expect(await newRow.textContent()).toContain("Accountmanager");
    expect(await newRow.getByText("Aan", { exact: true }).isVisible()).toBe(true);
    await newRow.getByRole("button", { name: `Toegang intrekken van ${NEW_USER.name}` }).click();
    const confirm = admin.getByRole("dialog", { name: `Toegang van ${NEW_USER.name} intrekken` });
    await expectAccessible(admin, "revoke-access dialog");
    await confirm.getByRole("button", { name: "Ja, toegang intrekken" }).click();
    await confirm.waitFor({ state: "hidden" });
    await main(admin)
      .getByText(`De toegang van ${NEW_USER.name} is ingetrokken.`)
      .waitFor({ state: "visible" });

    // The invitee's open page: the next request finds no session.
    await invitee.reload();
    await invitee.waitForURL((u) => u.pathname === "/inloggen");
    expect(await heading(invitee)).toBe("Inloggen");
    expect(await invitee.getByRole("button", { name: `Accountmenu van ${NEW_USER.name}` }).count()).toBe(0);

    // The security log shows what happened, newest first, and filters by kind.
    await admin.getByRole("tab", { name: "Beveiligingslog" }).click();
    const log = main(admin).getByRole("table", { name: "Beveiligingsgebeurtenissen, nieuwste eerst" });
    await log.waitFor({ state: "visible" });
    const firstRow = log.getByRole("row").nth(1);
    expect(await firstRow.textContent()).toContain("Toegang ingetrokken");
    await main(admin).getByLabel("Soort gebeurtenis").selectOption({ label: "Uitnodiging verstuurd" });
    await expect.poll(() => log.getByRole("row").nth(1).textContent()).toContain(NEW_USER.email);
    await screenshot(admin, "settings-audit");
    await expectAccessible(admin, "settings, security log");
  }, 240_000);

  it("lets an employer contact who is also a candidate switch sides, and saves privacy choices", async () => {
    const page = await newPage();
    await signIn(page, server.url, EMPLOYER.email, DEMO_PASSWORD, () => totpCode());
    const sides = page.getByRole("radiogroup", { name: "Kies je omgeving" });
    await sides.waitFor({ state: "visible" });
    const menu = page.getByRole("navigation");
    // The employer side first: the staff menu.
    expect(await menu.getByRole("link", { name: "Voorgestelde kandidaten" }).isVisible()).toBe(true);
    expect(await menu.getByRole("link", { name: "Mijn sollicitaties" }).count()).toBe(0);
    await expectAccessible(page, "home with the side switch");

    await sides.getByText("Kandidaat").click();
    await menu.getByRole("link", { name: "Mijn sollicitaties" }).waitFor({ state: "visible" });
    expect(await menu.getByRole("link", { name: "Voorgestelde kandidaten" }).count()).toBe(0);
    expect(await sides.getByRole("radio", { name: "Kandidaat" }).isChecked()).toBe(true);
    await screenshot(page, "side-switch-candidate");
    // Remembered in this browser.
    await page.reload();
    await menu.getByRole("link", { name: "Mijn sollicitaties" }).waitFor({ state: "visible" });
    // Back with the keyboard.
    await sides.getByRole("radio", { name: "Kandidaat" }).focus();
    await page.keyboard.press("ArrowRight");
    await menu.getByRole("link", { name: "Voorgestelde kandidaten" }).waitFor({ state: "visible" });

    await page.goto(`${server.url}/instellingen?tab=privacy`);
    expect(await heading(page)).toBe("Instellingen");
    const video = main(page).getByRole("switch", {
      name: "Cookies van derden toestaan voor ingesloten video's",
    });
    const research = main(page).getByRole("switch", {
      name: "Mijn gegevens anoniem laten gebruiken voor onderzoek",
    });
    await video.waitFor({ state: "visible" });
    const videoBefore = await video.isChecked();
    const researchBefore = await research.isChecked();
    await video.click();
    await main(page).getByText("Je privacy-instelling is opgeslagen.").waitFor({ state: "visible" });
    await research.click();
    await expect.poll(() => research.isChecked()).toBe(!researchBefore);
    await screenshot(page, "settings-privacy");
    await expectAccessible(page, "settings, privacy");
    await page.waitForLoadState("networkidle");
    await page.reload();
    await video.waitFor({ state: "visible" });
    expect(await video.isChecked()).toBe(!videoBefore);
    expect(await research.isChecked()).toBe(!researchBefore);
  }, 240_000);

  it("saves personal data with field errors in Dutch, switches the language, and offers no text message for a contact number", async () => {
    const ACCOUNT_MANAGER = { email: "accountmanager@demo.werkbrug.test", name: "Fatima El Amrani" };
    const page = await newPage();
    await page.goto(`${server.url}/inloggen`);
    await main(page).getByLabel("E-mailadres").fill(ACCOUNT_MANAGER.email);
    await main(page).getByRole("button", { name: "Volgende" }).click();
    await main(page).getByLabel(field("Wachtwoord")).fill(DEMO_PASSWORD);
    await main(page).getByRole("button", { name: "Inloggen", exact: true }).click();
    // No confirmed mobile number: no text message is offered.
    await main(page).getByLabel(field("Code")).waitFor({ state: "visible" });
    expect(await main(page).getByRole("button", { name: "Stuur een code per sms" }).count()).toBe(0);
    await main(page).getByLabel(field("Code")).fill(totpCode());
    await main(page).getByRole("button", { name: "Controleren" }).click();
    await page
      .getByRole("button", { name: `Accountmenu van ${ACCOUNT_MANAGER.name}` })
      .waitFor({ state: "visible" });

    await page.goto(`${server.url}/instellingen?tab=persoonsgegevens`);
    expect(await heading(page)).toBe("Instellingen");
    const phone = main(page).getByLabel("Telefoonnummer");
    await phone.fill("bel mij");
    await main(page).getByLabel("Postcode").fill("2511 AB");
    expect(
      await main(page).getByLabel("E-mailadres", { exact: true }).getAttribute("readonly"),
    ).not.toBeNull();
    await main(page).getByRole("button", { name: "Opslaan" }).click();
    await main(page).getByRole("alert").first().waitFor({ state: "visible" });
    await expect.poll(() => phone.getAttribute("aria-invalid")).toBe("true");
    await screenshot(page, "settings-personal-error");
    await expectAccessible(page, "settings, personal data with an error");

    await phone.fill("06 12345678");
    await main(page).getByLabel("Taal").selectOption("en");
    await main(page).getByRole("button", { name: "Opslaan" }).click();
    // Saved, and the whole screen now speaks English.
    await main(page).getByText("Your details have been saved.").waitFor({ state: "visible" });
    expect(await heading(page)).toBe("Settings");
    await main(page).getByLabel("Language").selectOption("nl");
    await main(page).getByRole("button", { name: "Save" }).click();
    await main(page).getByText("Je gegevens zijn opgeslagen.").waitFor({ state: "visible" });
    expect(await heading(page)).toBe("Instellingen");
    await page.reload();
    await expect.poll(() => main(page).getByLabel("Telefoonnummer").inputValue()).toBe("06 12345678");
    await signOutViaMenu(page, ACCOUNT_MANAGER.name);

    // A contact number in the profile is not a confirmed mobile number: still no text message.
    await page.goto(`${server.url}/inloggen`);
    await main(page).getByLabel("E-mailadres").fill(ACCOUNT_MANAGER.email);
    await main(page).getByRole("button", { name: "Volgende" }).click();
    await main(page).getByLabel(field("Wachtwoord")).fill(DEMO_PASSWORD);
    await main(page).getByRole("button", { name: "Inloggen", exact: true }).click();
    await main(page).getByLabel(field("Code")).waitFor({ state: "visible" });
    expect(await main(page).getByRole("button", { name: "Stuur een code per sms" }).count()).toBe(0);
  }, 240_000);

  it("raised no script errors on any page", () => {
    expect(pageErrors).toEqual([]);
  });
});
