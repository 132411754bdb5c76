import { desc, eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidates } from "../../src/server/modules/candidates/candidates.schema";
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
const CANDIDATE = {
  name: "Sanne Verbeek",
  email: "sanne.verbeek@voorbeeld.nl",
  password: "Duinpan-Kijkduin-47",
  phone: "06 12345678",
};
const ACCOUNT_MANAGER = { email: "accountmanager@demo.werkbrug.test", name: "Fatima El Amrani" };

describe.skipIf(skipBrowserTests)(
  "a candidate's profile in the browser: registered, filled in, shown to an account manager and hidden again",
  () => {
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
    const section = (page: Page, name: string) => main(page).getByRole("region", { name, exact: true });

    async function signIn(page: Page, base: string, email: string, password: string, code?: () => string) {
      await signInWithForm(page, base, { email, password, ...(code ? { code } : {}) });
    }

    const saveBar = (page: Page) => main(page).getByTestId("save-bar");
    /** "Volgende" in the editor, to the section of that name. */
    async function next(page: Page, name: string) {
      await main(page)
        .getByRole("link", { name: `Volgende: ${name}` })
        .click();
      await section(page, name).waitFor();
    }

    it("lets a new candidate fill in a profile that the account manager sees only while it is visible", async () => {
      const haaglanden = server.portalUrl("haaglanden");

      // Registration on the Haaglanden portal; the address is confirmed from the mail.
      const candidate = await newPage();
      await candidate.goto(`${haaglanden}/registreren`);
      expect(await heading(candidate)).toBe("Account aanmaken");
      const form = main(candidate);
      await form.getByLabel(field("Volledige naam")).fill(CANDIDATE.name);
      await form.getByLabel(field("E-mailadres")).fill(CANDIDATE.email);
      await form.getByLabel(field("Kies een wachtwoord")).fill(CANDIDATE.password);
      await form.getByLabel(field("Herhaal het wachtwoord")).fill(CANDIDATE.password);
      await form.getByLabel(/Ik heb de gebruiksvoorwaarden gelezen/).check();
      await form.getByRole("button", { name: "Account aanmaken" }).click();
      await main(candidate).getByRole("status").waitFor({ state: "visible" });

      await server.app.events.drain();
      const [mail] = await server.database.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.to, CANDIDATE.email))
        .orderBy(desc(mailOutbox.createdAt))
        .limit(1);
      const link = /(http\S+verify-email\S+)/.exec(mail?.text ?? "")?.[1];
      expect(link, mail?.text).toBeDefined();
      const verify = new URL(link ?? "");
      await candidate.goto(`${haaglanden}${verify.pathname}${verify.search}`);
      await main(candidate).getByText("Je e-mailadres is bevestigd.").waitFor({ state: "visible" });

      // Confirming signed the candidate in; the home page is the candidate's dashboard.
      await candidate.goto(`${haaglanden}/`);
      await candidate.getByRole("button", { name: `Accountmenu van ${CANDIDATE.name}` }).waitFor();
      const dashboard = section(candidate, "Mijn profiel");
      await dashboard.getByText(/Je profiel is voor \d+% compleet\./).waitFor({ state: "visible" });
      expect(
        await dashboard.getByText("Je profiel is voor geen enkele werkgever zichtbaar.").isVisible(),
      ).toBe(true);
      expect(await dashboard.getByRole("link", { name: "Oneliner" }).getAttribute("href")).toBe(
        "/profiel?onderdeel=algemeen",
      );
      await section(candidate, "Mijn sollicitaties")
        .getByText("Je hebt nog niet op een vacature gereageerd.")
        .waitFor();
      await screenshot(candidate, "candidate-dashboard");
      await expectAccessible(candidate, "candidate dashboard");

      // "Nog in te vullen" leads into the editor, at the right section.
      await dashboard.getByRole("link", { name: "Oneliner" }).click();
      await candidate.waitForURL((u) => u.pathname === "/profiel");
      expect(await heading(candidate)).toBe("Mijn profiel");
      const general = section(candidate, "Algemeen");
      await expect.poll(() => candidate.evaluate(() => document.activeElement?.textContent)).toBe("Algemeen");
      await expectAccessible(candidate, "profile editor");
      await general.getByLabel(field("Oneliner")).fill("Aanpakker die graag in de logistiek werkt");
      await general
        .getByLabel(field("Over mij"))
        .fill("Ik ben Sanne, ik werk graag met mijn handen.\nIk heb ervaring als orderpicker en wil verder.");
      const place = general.getByRole("combobox", { name: field("Woonplaats") });
      await place.fill("Den Haag");
      await candidate
        .getByRole("option", { name: /^Den Haag/ })
        .first()
        .click();
      await general.getByLabel(field("Werk- en denkniveau")).selectOption({ label: "Middelbaar" });

      // Section by section with "Volgende"; what was typed waits for one "Opslaan".
      await next(candidate, "Voorkeuren");
      const preferences = section(candidate, "Voorkeuren");
      await preferences.getByRole("checkbox", { name: /^Aanpakken/ }).check();
      await preferences
        .getByRole("combobox", { name: field("Favoriete functies") })
        .fill("magazijnmedewerker");
      await candidate
        .getByRole("option", { name: /^magazijnmedewerker$/ })
        .first()
        .click();
      await preferences
        .getByRole("list", { name: "Gekozen: Favoriete functies" })
        .getByText("magazijnmedewerker")
        .waitFor();

      await next(candidate, "Beschikbaarheid");
      const availability = section(candidate, "Beschikbaarheid");
      await availability.getByLabel(field("Minimaal")).fill("24");
      await availability.getByLabel(field("Maximaal")).fill("32");
      await availability.getByRole("button", { name: "Ochtend: alle dagen aan of uit" }).click();
      await availability.getByRole("checkbox", { name: "Zaterdag middag" }).check();
      // The arrow keys move through the grid.
      await availability.getByRole("checkbox", { name: "Maandag ochtend" }).focus();
      await candidate.keyboard.press("ArrowDown");
      await candidate.keyboard.press("ArrowRight");
      await expect
        .poll(() => candidate.evaluate(() => document.activeElement?.getAttribute("aria-label")))
        .toBe("Dinsdag middag");
      await candidate.keyboard.press("Space");
      await availability.getByText("9 dagdelen gekozen").waitFor();

      await next(candidate, "Contactgegevens");
      const contact = section(candidate, "Contactgegevens");
      await contact.getByLabel(field("Telefoonnummer")).fill(CANDIDATE.phone);
      await contact.getByRole("radio", { name: /^Rechtstreeks met mij/ }).check();

      // An experience that ends before it starts: the message is under "Tot", nothing typed is lost.
      await next(candidate, "Werkervaring");
      const experience = section(candidate, "Werkervaring");
      await experience.getByRole("button", { name: "Werkervaring toevoegen" }).click();
      const job = experience.getByRole("listitem");
      // The new entry's first field has the focus.
      await expect
        .poll(() => job.getByLabel(field("Functie")).evaluate((el) => el === document.activeElement))
        .toBe(true);
      await job.getByLabel(field("Functie")).fill("Orderpicker");
      await job.getByLabel(field("Werkgever")).fill("Westland Logistiek");
      await job.getByLabel(field("Van")).fill("2022-03-01");
      await job.getByLabel(field("Tot")).fill("2021-12-31");
      const bar = saveBar(candidate);
      await bar
        .getByText(
          "Niet-opgeslagen wijzigingen in: Algemeen, Voorkeuren, Beschikbaarheid, Contactgegevens, Werkervaring",
        )
        .waitFor();

      // Saved from another section: the refusal brings the editor back to the field.
      const nav = main(candidate).getByRole("navigation", { name: "Onderdelen" });
      await nav.getByRole("link", { name: /^Algemeen/ }).click();
      expect(await general.getByLabel(field("Oneliner")).inputValue()).toBe(
        "Aanpakker die graag in de logistiek werkt",
      );
      await bar.getByRole("button", { name: "Opslaan" }).click();
      const to = job.getByLabel(field("Tot"));
      await expect.poll(() => to.getAttribute("aria-invalid")).toBe("true");
      await expect.poll(() => to.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(
        await experience.getByText("Niet opgeslagen: controleer de gemarkeerde velden.").isVisible(),
      ).toBe(true);
      await bar.getByText("Niet opgeslagen: controleer de gemarkeerde velden in Werkervaring.").waitFor();
      await nav.getByRole("link", { name: "Werkervaring, controleren" }).waitFor();
      // Nothing was half saved, and nothing typed is lost.
      await nav.getByRole("link", { name: "Algemeen, niet opgeslagen" }).waitFor();
      expect(await job.getByLabel(field("Werkgever")).inputValue()).toBe("Westland Logistiek");
      await screenshot(candidate, "candidate-editor-error");
      await expectAccessible(candidate, "profile editor with a field error");
      await to.fill("2023-06-30");
      await bar.getByRole("button", { name: "Opslaan" }).click();
      await expect.poll(() => bar.getByRole("status").textContent()).toBe("Alle wijzigingen opgeslagen");
      await nav.getByRole("link", { name: "Werkervaring, ingevuld" }).waitFor();
      await screenshot(candidate, "candidate-editor");
      await expectAccessible(candidate, "profile editor");

      // Privacy: visible on Haaglanden.
      await main(candidate).getByRole("tab", { name: "Privacy" }).click();
      await candidate.waitForURL((u) => u.pathname === "/profiel/privacy");
      const visibility = main(candidate).getByRole("switch", {
        name: "Zichtbaar voor werkgevers in Werkbrug Haaglanden",
      });
      expect(await visibility.isChecked()).toBe(false);
      // The switch follows the server's answer, so it is clicked, not "checked" (which expects
      // the state to change at once), and the status line says when the choice is saved.
      await visibility.click();
      await expect
        .poll(() => section(candidate, "Zichtbaarheid voor werkgevers").getByRole("status").textContent())
        .toBe("Je bent nu zichtbaar in Werkbrug Haaglanden.");
      await section(candidate, "Wie heeft mijn contactgegevens opgevraagd?")
        .getByText("Nog niemand heeft je contactgegevens opgevraagd.")
        .waitFor();
      // The choice is a consent with its date, in the history.
      const history = section(candidate, "Toestemmingen").getByRole("table", {
        name: "Geschiedenis van je toestemmingen, nieuwste eerst",
      });
      await history
        .getByRole("row", { name: /Zichtbaar voor werkgevers in Werkbrug Haaglanden Gegeven Jijzelf/ })
        .waitFor();
      expect(
        await section(candidate, "Mijn gegevens downloaden")
          .getByRole("link", { name: "Download als PDF" })
          .getAttribute("href"),
      ).toBe("/api/v1/candidates/me/export.pdf");
      await screenshot(candidate, "candidate-privacy");
      await expectAccessible(candidate, "privacy page");

      const [row] = await server.database.db
        .select({ id: candidates.id })
        .from(candidates)
        .where(eq(candidates.email, CANDIDATE.email));
      const candidateId = row?.id ?? "";
      expect(candidateId).not.toBe("");

      // The account manager of Den Haag looks through the Haaglanden portal.
      const manager = await newPage();
      await signIn(manager, haaglanden, ACCOUNT_MANAGER.email, DEMO_PASSWORD, () => totpCode());
      await manager.getByRole("button", { name: `Accountmenu van ${ACCOUNT_MANAGER.name}` }).waitFor();
      await manager.goto(`${haaglanden}/kandidaten/${candidateId}`);
      await expect.poll(() => heading(manager)).toBe(CANDIDATE.name);
      const summary = section(manager, "Algemeen");
      await summary.getByText("Aanpakker die graag in de logistiek werkt").waitFor();
      expect(await summary.getByText("24–32 uur per week").first().isVisible()).toBe(true);
      expect(await summary.getByText("magazijnmedewerker").isVisible()).toBe(true);
      expect(await summary.getByText("Den Haag").first().isVisible()).toBe(true);
      await section(manager, "Ervaring").getByText("Orderpicker").waitFor();
      // Nothing of the contact details until they are asked for.
      expect(await main(manager).getByText(CANDIDATE.phone).count()).toBe(0);
      await screenshot(manager, "staff-candidate-profile");
      await expectAccessible(manager, "staff candidate profile");

      await summary.getByRole("button", { name: "Contactgegevens" }).click();
      const details = main(manager).getByTestId("contact-details");
      await details.getByText("Deze kandidaat wil rechtstreeks benaderd worden:").waitFor();
      expect(await details.getByRole("link", { name: CANDIDATE.email }).getAttribute("href")).toBe(
        `mailto:${CANDIDATE.email}`,
      );
      expect(await details.getByText(CANDIDATE.phone).isVisible()).toBe(true);
      await expectAccessible(manager, "staff candidate profile with contact details");

      // "Benaderen": a message to the candidate.
      await summary.getByRole("button", { name: "Benaderen" }).click();
      const approach = manager.getByRole("dialog", { name: "Sanne benaderen" });
      await approach.getByLabel(field("Onderwerp")).fill("Vacature orderpicker in Naaldwijk");
      await approach
        .getByLabel(field("Bericht"))
        .fill("Hallo Sanne, we hebben een vacature die bij je past. Zullen we bellen?");
      await expectAccessible(manager, "approach dialog");
      await approach.getByRole("button", { name: "Versturen" }).click();
      await approach.waitFor({ state: "hidden" });
      await expect
        .poll(() => summary.getByRole("status").textContent())
        .toBe("Je bericht aan Sanne is verstuurd.");

      // The star makes her a favourite; Favorieten and Geschiedenis list her.
      await main(manager).getByRole("button", { name: "Favoriet maken" }).click();
      await main(manager).getByRole("button", { name: "Favoriet", exact: true, pressed: true }).waitFor();
      await manager.goto(`${haaglanden}/favorieten`);
      await main(manager).getByRole("link", { name: CANDIDATE.name }).waitFor();
      await expectAccessible(manager, "favourites");
      await manager.goto(`${haaglanden}/geschiedenis`);
      await main(manager).getByRole("link", { name: CANDIDATE.name }).waitFor();
      await expectAccessible(manager, "contact-details history");
      await manager.goto(`${haaglanden}/kandidaten/${candidateId}`);
      await main(manager).getByRole("button", { name: "Benaderen" }).waitFor();

      // "Toevoegen aan vacature": save her on one of the team's vacancies.
      await main(manager).getByRole("button", { name: "Toevoegen aan vacature" }).click();
      const add = manager.getByRole("dialog", { name: "Sanne toevoegen aan een vacature" });
      await add.getByText("Sanne staat nog op geen vacature.").waitFor();
      await add.getByRole("combobox", { name: "Vacature" }).fill("heftruck");
      await manager.getByRole("option").first().click();
      await add.getByRole("button", { name: "Toevoegen", exact: true }).click();
      await add.getByRole("cell", { name: ACCOUNT_MANAGER.name }).waitFor();
      await expectAccessible(manager, "add to vacancy dialog");
      await add.getByRole("button", { name: "Sluiten" }).click();
      await add.waitFor({ state: "hidden" });

      // The message is in the candidate's inbox ("Berichten").
      await candidate.goto(`${haaglanden}/berichten`);
      const inbox = main(candidate);
      await inbox.getByRole("heading", { name: "Vacature orderpicker in Naaldwijk" }).waitFor();
      await expectAccessible(candidate, "inbox");
      await inbox.getByRole("button", { name: "Markeer als gelezen" }).click();
      await inbox.getByText("Je hebt alles gelezen.").waitFor();

      // The candidate sees who asked, then hides the profile.
      await candidate.goto(`${haaglanden}/profiel/privacy`);
      const views = section(candidate, "Wie heeft mijn contactgegevens opgevraagd?").getByRole("table");
      await views.waitFor();
      expect(await views.getByRole("cell", { name: ACCOUNT_MANAGER.name }).isVisible()).toBe(true);
      const switchAgain = main(candidate).getByRole("switch", {
        name: "Zichtbaar voor werkgevers in Werkbrug Haaglanden",
      });
      expect(await switchAgain.isChecked()).toBe(true);
      await switchAgain.click();
      await expect
        .poll(() => section(candidate, "Zichtbaarheid voor werkgevers").getByRole("status").textContent())
        .toBe("Je bent nu niet meer zichtbaar in Werkbrug Haaglanden.");

      await manager.reload();
      // The page says so once the server has answered 404.
      await expect.poll(() => heading(manager)).toBe("Pagina niet gevonden");
      expect(await main(manager).getByText(CANDIDATE.name).count()).toBe(0);
      await expectAccessible(manager, "hidden candidate: not found");

      // The editor in English.
      await candidate.goto(`${haaglanden}/profiel?onderdeel=werkervaring`);
      await candidate.getByRole("button", { name: "EN, English" }).click();
      expect(await heading(candidate)).toBe("My profile");
      await section(candidate, "Work experience")
        .getByText("Orderpicker", { exact: false })
        .first()
        .waitFor();
      await expect.poll(() => saveBar(candidate).getByRole("status").textContent()).toBe("All changes saved");
      await main(candidate).getByRole("link", { name: "Next: Education" }).waitFor();
      await expectAccessible(candidate, "profile editor in English");
      // A long journey (registration to hiding); CI machines are busier than this one.
    }, 240_000);

    it("raised no script errors on any page", () => {
      expect(pageErrors).toEqual([]);
    });
  },
);
