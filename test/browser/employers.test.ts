import { desc, eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "../../src/server/platform/mail.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
import { totpCode } from "../support/session";
import {
  expectAccessible,
  heading,
  launchBrowser,
  screenshot,
  signInWithForm,
  skipBrowserTests,
} from "./support";

/** A field's label exactly; a required field's label ends in an asterisk. */
const field = (label: string) => new RegExp(`^${label}( \\*)?$`);
const MANAGER = { email: "accountmanager@demo.werkbrug.test", name: "Fatima El Amrani" };
const EMPLOYER = { name: "Kwekerij Zonnegloed B.V.", kvk: "27456789" };
const CONTACT = { name: "Sanne de Vries", email: "sanne@zonnegloed.test" };
const MESSAGE = "Welkom Sanne! Via Werkbrug zie je onze kandidaten voor de kassen.";

describe.skipIf(skipBrowserTests)("the employers CRM in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  let clients = 0;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer({ web: true });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  async function newPage(): Promise<Page> {
    clients++;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      extraHTTPHeaders: { "x-forwarded-for": `10.81.0.${clients}` },
    });
    context.setDefaultTimeout(10_000);
    context.on("weberror", (error) => pageErrors.push(error.error().message));
    contexts.push(context);
    return context.newPage();
  }

  const main = (page: Page) => page.getByRole("main");

  async function signIn(page: Page, base: string) {
    await signInWithForm(page, base, {
      email: MANAGER.email,
      password: DEMO_PASSWORD,
      code: () => totpCode(),
    });
    await page.getByRole("button", { name: `Accountmenu van ${MANAGER.name}` }).waitFor({ state: "visible" });
  }

  /** A drawer or modal, once it has slid in (until then its colours are still fading). */
  async function dialog(page: Page, name: string | RegExp) {
    const found = page.getByRole("dialog", { name });
    await found.waitFor({ state: "visible" });
    await found.getByRole("button").first().click({ trial: true });
    return found;
  }

  it("lets an account manager add an employer from the KvK, invite a contact, archive and delete it", async () => {
    const haaglanden = server.portalUrl("haaglanden");
    const page = await newPage();
    await signIn(page, haaglanden);

    // The home page: my employers, my vacancies and what changed since the last visit.
    await main(page).getByRole("heading", { name: "Mijn werkgevers" }).waitFor({ state: "visible" });
    await main(page)
      .getByRole("heading", { name: "Wat is er veranderd sinds je laatste bezoek" })
      .waitFor({ state: "visible" });
    expect(await main(page).getByRole("link", { name: "Westland Logistiek B.V." }).count()).toBeGreaterThan(
      0,
    );
    await screenshot(page, "employers-home");
    await expectAccessible(page, "home of the account manager");

    // "Werkgevers" in the menu: the overview, sorted by organisation A-Z.
    await page
      .getByRole("navigation", { name: "Hoofdmenu" })
      .getByRole("link", { name: "Werkgevers" })
      .click();
    await page.waitForURL((u) => u.pathname === "/werkgevers");
    expect(await heading(page)).toBe("Werkgevers");
    const table = main(page).getByRole("table", { name: "Werkgevers overzicht" });
    await table.waitFor({ state: "visible" });
    const organisation = table.getByRole("columnheader", { name: "Organisatie" });
    expect(await organisation.getAttribute("aria-sort")).toBe("ascending");
    await table.getByRole("button", { name: "Organisatie" }).click();
    await expect.poll(() => organisation.getAttribute("aria-sort")).toBe("descending");
    expect(new URL(page.url()).searchParams.get("order")).toBe("desc");

    // "Wim van Westen +1": the other contact behind the badge, also by keyboard.
    const westland = table.getByRole("row", { name: /Westland Logistiek B\.V\./ });
    const more = westland.getByRole("button", { name: /^\+1 andere contactpersoon: / });
    await more.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const tooltip = page.getByRole("tooltip");
    await tooltip.waitFor({ state: "visible" });
    expect(await tooltip.textContent()).toMatch(/Petra Groenewegen|Wim van Westen/);
    await screenshot(page, "employers-overview");
    await expectAccessible(page, "employers overview");
    await page.keyboard.press("Escape");

    // The filter panel: "Mijn" in the address, then everything cleared again.
    await main(page).getByRole("button", { name: "Filters" }).click();
    let filters = await dialog(page, "Werkgevers filteren");
    await filters.getByRole("radio", { name: /^Mijn/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get("accountManager")).toBe("mine");
    await expectAccessible(page, "employers filters");
    // "Specifiek": one account manager, by name.
    await filters.getByRole("radio", { name: /^Specifiek/ }).check();
    await filters.getByLabel("Welke accountmanager").selectOption({ label: MANAGER.name });
    await expect
      .poll(() => new URL(page.url()).searchParams.get("accountManager"))
      .toBe("demo-accountmanager");
    await main(page).getByRole("link", { name: "Westland Logistiek B.V." }).waitFor({ state: "visible" });
    await filters.getByRole("button", { name: "Alles wissen" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("accountManager")).toBeNull();
    await filters.getByRole("button", { name: "Klaar" }).click();
    await filters.waitFor({ state: "hidden" });

    // The big "+": search the KvK on name and place.
    await main(page).getByRole("link", { name: "Werkgever toevoegen" }).click();
    await page.waitForURL((u) => u.pathname === "/werkgevers/nieuw");
    expect(await heading(page)).toBe("Werkgever toevoegen");
    await main(page).getByLabel(field("Naam of KvK-nummer")).fill("Kwekerij Zonnegloed");
    await main(page).getByLabel(field("Plaats")).fill("Naaldwijk");
    await main(page).getByRole("button", { name: "Zoeken", exact: true }).click();
    const result = main(page).getByRole("radio", { name: new RegExp(EMPLOYER.name.replace(".", "\\.")) });
    await result.waitFor({ state: "visible" });
    const resultText = await result.textContent();
    expect(resultText).toContain(`KvK-nummer ${EMPLOYER.kvk}`);
    expect(resultText).toContain("Zuidweg 41, 2671 MN Naaldwijk");
    expect(resultText).toContain("Zonnegloed Tomaten");
    await screenshot(page, "employers-new");
    await expectAccessible(page, "add employer with KvK results");
    await result.click();
    await main(page).getByRole("button", { name: "Opslaan" }).click();

    // Its detail page, with the confirmation.
    await page.waitForURL((u) => /^\/werkgevers\/[0-9a-f-]{36}$/.test(u.pathname));
    const detailPath = new URL(page.url()).pathname;
    await expect.poll(() => heading(page)).toBe(EMPLOYER.name);
    await main(page).getByText(`${EMPLOYER.name} is toegevoegd.`).waitFor({ state: "visible" });
    const details = await main(page).getByRole("region", { name: "Gegevens" }).textContent();
    expect(details).toContain(EMPLOYER.kvk);
    expect(details).toContain("Zuidweg 41, 2671 MN Naaldwijk");
    await screenshot(page, "employers-detail");
    await expectAccessible(page, "employer detail");

    // The same KvK number again: the register says it is here already, the API refuses it.
    await page.goto(`${haaglanden}/werkgevers/nieuw`);
    await main(page).getByLabel(field("Naam of KvK-nummer")).fill(EMPLOYER.kvk);
    await main(page).getByRole("button", { name: "Zoeken", exact: true }).click();
    await main(page).getByText("Al geregistreerd").waitFor({ state: "visible" });
    expect(
      await main(page)
        .getByRole("link", { name: `Bekijk ${EMPLOYER.name}` })
        .getAttribute("href"),
    ).toBe(detailPath);
    await main(page).getByRole("button", { name: "Handmatig invoeren" }).click();
    const manual = main(page).getByRole("region", { name: "Handmatig invoeren" });
    await manual.getByLabel(field("Naam")).fill("Zonnegloed Tomaten");
    await manual.getByLabel(field("KvK-nummer")).fill(EMPLOYER.kvk);
    await manual.getByRole("button", { name: "Opslaan" }).click();
    await manual.getByText(/Er is al een werkgever met KvK-nummer 27456789/).waitFor({ state: "visible" });
    expect(await manual.getByRole("link", { name: `Naar ${EMPLOYER.name}` }).getAttribute("href")).toBe(
      detailPath,
    );
    await expectAccessible(page, "add employer, manual entry refused");
    await manual.getByRole("link", { name: `Naar ${EMPLOYER.name}` }).click();
    await page.waitForURL((u) => u.pathname === detailPath);
    await expect.poll(() => heading(page)).toBe(EMPLOYER.name);

    // "+" → "Contactpersoon toevoegen".
    await main(page).getByRole("button", { name: "Vacature of contactpersoon toevoegen" }).click();
    await page.getByRole("menuitem", { name: "Contactpersoon toevoegen" }).click();
    const addContact = await dialog(page, "Contactpersoon toevoegen");
    await addContact.getByLabel(field("Naam")).fill(CONTACT.name);
    await addContact.getByLabel(field("E-mail")).fill(CONTACT.email);
    await addContact.getByLabel(field("Telefoon")).fill("0174 123 456");
    await addContact.getByLabel(field("Notities")).fill("Teeltmanager; liefst bellen na 14 uur.");
    await addContact.getByRole("switch", { name: "Contactpersoon mag vacatures beheren" }).check();
    await expectAccessible(page, "add contact form");
    await addContact.getByRole("button", { name: "Opslaan" }).click();
    await addContact.waitFor({ state: "hidden" });
    const contacts = main(page).getByRole("table", { name: "Contactpersonen van de werkgever" });
    const contactRow = contacts.getByRole("row", { name: new RegExp(CONTACT.name) });
    await contactRow.getByText("Geen toegang").waitFor({ state: "visible" });

    // The side panel, and the invitation with a personal message.
    await contactRow.getByRole("button", { name: CONTACT.name }).click();
    const panel = await dialog(page, CONTACT.name);
    expect(await panel.textContent()).toContain("Mag vacatures beheren");
    await screenshot(page, "employers-contact-panel");
    await expectAccessible(page, "employer detail with the contact's side panel");
    await panel.getByRole("button", { name: "Uitnodigen" }).click();
    const invite = await dialog(page, `${CONTACT.name} uitnodigen`);
    await invite.getByLabel("Persoonlijk bericht").fill(MESSAGE);
    await expectAccessible(page, "invitation dialog");
    await invite.getByRole("button", { name: "Versturen" }).click();
    await invite.waitFor({ state: "hidden" });
    await panel.getByText(`De uitnodiging is verstuurd naar ${CONTACT.email}.`).waitFor({ state: "visible" });
    await panel.getByText("Uitgenodigd", { exact: true }).waitFor({ state: "visible" });
    expect(await panel.getByRole("button", { name: "Verwijderen" }).isDisabled()).toBe(true);

    await server.app.events.drain();
    const [mail] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, CONTACT.email))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    expect(mail?.text).toContain(MESSAGE);
    expect(mail?.text).toMatch(/\/uitnodiging\?token=/);

    // Archiving is refused while the invitation is open.
    await panel.getByRole("button", { name: "Zijpaneel sluiten" }).click();
    await panel.waitFor({ state: "hidden" });
    await main(page).getByRole("button", { name: "Archiveren" }).click();
    let archive = await dialog(page, `${EMPLOYER.name} archiveren`);
    await archive.getByRole("button", { name: "Archiveren" }).click();
    await archive.getByText(`Trek eerst de toegang in van: ${CONTACT.name}.`).waitFor({ state: "visible" });
    await archive.getByRole("button", { name: "Annuleren" }).click();
    await archive.waitFor({ state: "hidden" });

    // Revoke the invitation in the side panel; then the panel once in English.
    await contactRow.getByRole("button", { name: CONTACT.name }).click();
    await dialog(page, CONTACT.name);
    await panel.getByRole("button", { name: "Uitnodiging intrekken" }).click();
    await panel.getByText("De uitnodiging is ingetrokken.").waitFor({ state: "visible" });
    await panel.getByText("Ingetrokken", { exact: true }).waitFor({ state: "visible" });
    expect(await panel.getByRole("button", { name: "Verwijderen" }).isDisabled()).toBe(false);
    await panel.getByRole("button", { name: "Zijpaneel sluiten" }).click();
    await panel.waitFor({ state: "hidden" });

    await page.getByRole("button", { name: "EN, English" }).first().click();
    const contactsEn = main(page).getByRole("table", { name: "The employer's contacts" });
    await contactsEn.getByRole("button", { name: CONTACT.name }).click();
    const panelEn = await dialog(page, CONTACT.name);
    await panelEn.getByRole("button", { name: "Invite again" }).waitFor({ state: "visible" });
    expect(await panelEn.textContent()).toContain("Revoked");
    await expectAccessible(page, "employer detail with the side panel, in English");
    await panelEn.getByRole("button", { name: "Close side panel" }).click();
    await panelEn.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "NL, Nederlands" }).first().click();
    await page.getByRole("heading", { name: "Contactpersonen", exact: true }).waitFor({ state: "visible" });

    // Now it can be archived.
    await main(page).getByRole("button", { name: "Archiveren" }).click();
    archive = await dialog(page, `${EMPLOYER.name} archiveren`);
    await archive.getByRole("button", { name: "Archiveren" }).click();
    await archive.waitFor({ state: "hidden" });
    await main(page).getByText("De werkgever is gearchiveerd.").waitFor({ state: "visible" });
    await main(page).getByRole("button", { name: "Weer actief maken" }).waitFor({ state: "visible" });
    await expectAccessible(page, "archived employer");

    // The archive filter finds it.
    await main(page).getByRole("link", { name: "Terug naar het werkgevers overzicht" }).click();
    await page.waitForURL((u) => u.pathname === "/werkgevers");
    await main(page).getByRole("table", { name: "Werkgevers overzicht" }).waitFor({ state: "visible" });
    expect(await main(page).getByRole("link", { name: EMPLOYER.name }).count()).toBe(0);
    await main(page).getByRole("button", { name: "Filters" }).click();
    filters = await dialog(page, "Werkgevers filteren");
    await filters.getByRole("radio", { name: /^Archief/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get("archive")).toBe("archived");
    await filters.getByRole("button", { name: "Klaar" }).click();
    await filters.waitFor({ state: "hidden" });
    const archived = main(page).getByRole("table", { name: "Gearchiveerde werkgevers" });
    await archived.getByRole("link", { name: EMPLOYER.name }).click();
    await page.waitForURL((u) => u.pathname === detailPath);

    // Deleted for good, back in the archive.
    await main(page).getByRole("button", { name: "Definitief verwijderen" }).click();
    const remove = await dialog(page, `${EMPLOYER.name} definitief verwijderen`);
    await remove.getByRole("button", { name: "Definitief verwijderen" }).click();
    await page.waitForURL(
      (u) => u.pathname === "/werkgevers" && u.searchParams.get("archive") === "archived",
    );
    await main(page).getByText(`${EMPLOYER.name} is definitief verwijderd.`).waitFor({ state: "visible" });
    await main(page)
      .getByRole("status")
      .filter({ hasText: /gearchiveerde werkgever/ })
      .waitFor();
    expect(await main(page).getByRole("link", { name: EMPLOYER.name }).count()).toBe(0);

    expect(pageErrors).toEqual([]);
    // The whole CRM journey in one test; CI machines are busier than a developer's.
  }, 240_000);
});
