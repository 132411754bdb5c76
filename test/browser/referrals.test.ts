import { eq } from "drizzle-orm";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "../../src/server/platform/mail.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { startTestServer, type TestServer } from "../support/server";
import {
  expectAccessible,
  fieldLabel,
  heading,
  launchBrowser,
  openPage,
  pickOption,
  screenshot,
  signInAsDemoStaff,
  skipBrowserTests,
} from "./support";

const REFERRER = "verwijzer@demo.werkbrug.test";
/** De Duinen's recruiter: a contact person who manages its vacancies. */
const RECRUITER = "zorg@demo.werkbrug.test";
/** A vacancy of De Duinen's demo, at its site, offered to the referrer. */
const REFERRED_VACANCY = "Verzorgende IG";
const FRIEND = { firstName: "Noor", lastName: "Journeyman", email: "noor.journeyman@example.test" };
const NAME = `${FRIEND.firstName} ${FRIEND.lastName}`;
const POSTCODE = "2582 AB";
const REASON = "Zorgt al jaren voor haar oma en wil de opleiding doen.";

describe.skipIf(skipBrowserTests)("referrals in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const main = (page: Page) => page.getByRole("main");

  /** The card of one milestone on the referral's page. */
  const milestone = (page: Page, label: string): Locator =>
    main(page)
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: label, exact: true }) });

  /** Chooses an outcome on an open milestone and saves it; waits for the page to confirm. */
  async function mark(page: Page, label: string, option: string, done: RegExp): Promise<void> {
    const card = milestone(page, label);
    await card.getByRole("radio", { name: new RegExp(`^${option}`) }).check();
    await card.getByRole("button", { name: "Opslaan" }).click();
    await main(page).getByRole("status").filter({ hasText: done }).waitFor();
  }

  /** The referrer refers the friend on their phone, from the vacancy's card on "Verwijzen". */
  async function referOnPhone(page: Page, base: string, vacancy: string): Promise<void> {
    await page.goto(`${base}/verwijzen`);
    expect(await heading(page)).toBe("Verwijzen");
    await main(page)
      .getByRole("button", { name: `Iemand aanmelden voor ${vacancy}` })
      .click();
    const dialog = page.getByRole("dialog", { name: `Iemand aanmelden voor ${vacancy}` });
    await dialog.getByLabel(fieldLabel("Voornaam")).fill(FRIEND.firstName);
    await dialog.getByLabel(fieldLabel("Achternaam")).fill(FRIEND.lastName);
    await dialog.getByLabel(fieldLabel("Telefoonnummer")).fill("06 98765432");
    await dialog.getByLabel(fieldLabel("E-mailadres")).fill(FRIEND.email);
    await dialog.getByLabel(fieldLabel("Postcode")).fill(POSTCODE);
    await dialog.getByLabel(/^Waarom past deze persoon bij de vacature\?/).fill(REASON);
    await dialog.getByLabel(/Ik heb toestemming gevraagd en gekregen/).check();
    await expectAccessible(page, "referring a friend on a phone");
    await dialog.getByRole("button", { name: "Aanmelden" }).click();
    await main(page)
      .getByRole("status")
      .filter({ hasText: `${NAME} is aangemeld voor ${vacancy}` })
      .waitFor();
  }

  /**
   * The friend opens the mailed link (the development outbox here) on their phone and confirms
   * their interest with their home town: the EOI date, and a place for the distance to the work.
   */
  async function confirmByMail(base: string): Promise<void> {
    await server.app.events.drain();
    const [mail] = await server.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, FRIEND.email));
    const link = /https?:\/\/\S+\/verwijzing\/bevestigen\?token=[A-Za-z0-9_-]+/.exec(mail!.text)![0];
    const friend = await openPage(browser, "10.81.0.4", pageErrors);
    await friend.setViewportSize({ width: 390, height: 844 });
    await friend.goto(`${base}${new URL(link).pathname}${new URL(link).search}`);
    await heading(friend);
    await pickOption(friend, "Woonplaats", "Den Haag", /Den Haag/);
    await main(friend).getByRole("button", { name: "Belangstelling bevestigen" }).click();
    await main(friend).getByText("Je belangstelling is bevestigd.", { exact: false }).waitFor();
    await friend.context().close();
  }

  /** What the referrer sees of one milestone on "Mijn verwijzingen" ("Gelukt", "Niet verder", "Nog niet"). */
  async function referrerSees(page: Page, base: string, milestoneLabel: string, word: string): Promise<void> {
    await page.goto(`${base}/mijn-verwijzingen`);
    const card = main(page).getByRole("article", { name: NAME });
    const step = card
      .getByRole("list", { name: `Voortgang van ${NAME}` })
      .getByRole("listitem")
      .filter({ hasText: milestoneLabel });
    await expect.poll(() => step.textContent()).toContain(word);
  }

  /** The referrer's points balance on "Punten". */
  async function balance(page: Page, base: string): Promise<number> {
    await page.goto(`${base}/punten`);
    expect(await heading(page)).toBe("Punten");
    const shown = main(page).getByRole("heading", { name: /^-?\d+ punten?$/ });
    return Number.parseInt((await shown.textContent()) ?? "", 10);
  }

  it("a friend referred on a phone goes through the milestones; the referrer sees every step and the points", async () => {
    const haaglanden = server.portalUrl("haaglanden");

    // The referrer, on a phone, refers a friend; the friend confirms by the mailed link.
    const referrer = await openPage(browser, "10.81.0.1", pageErrors);
    await referrer.setViewportSize({ width: 390, height: 844 });
    await signInAsDemoStaff(referrer, haaglanden, REFERRER);
    const before = await balance(referrer, haaglanden);
    await referOnPhone(referrer, haaglanden, REFERRED_VACANCY);
    await confirmByMail(haaglanden);
    await referrerSees(referrer, haaglanden, "Contact gemaakt?", "Nog niet");
    await expectAccessible(referrer, "my referrals on a phone");

    // The recruiter finds the friend among the live candidates.
    const recruiter = await openPage(browser, "10.81.0.2", pageErrors);
    await signInAsDemoStaff(recruiter, haaglanden, RECRUITER);
    await recruiter.goto(`${haaglanden}/verwijzingen`);
    expect(await heading(recruiter)).toBe("Verwezen kandidaten");
    await main(recruiter)
      .getByRole("radio", { name: "Live kandidaten", checked: true })
      .waitFor({ state: "attached" });
    const search = main(recruiter).getByRole("searchbox", {
      name: "Zoek op naam van kandidaat of verwijzer",
    });
    await search.fill(FRIEND.lastName);
    await search.press("Enter");
    await expect.poll(() => new URL(recruiter.url()).searchParams.get("q")).toBe(FRIEND.lastName);
    const row = main(recruiter).getByRole("row", { name: new RegExp(NAME) });
    await row.waitFor();
    // De Duinen has sites: the list filters by the vacancy's site, and the address keeps it.
    const site = ((await row.getByRole("cell").nth(2).textContent()) ?? "").trim();
    expect(site).toMatch(/^De Duinen /);
    await main(recruiter).getByRole("combobox", { name: "Site" }).selectOption({ label: site });
    await expect.poll(() => new URL(recruiter.url()).searchParams.get("siteId")).not.toBeNull();
    await row.waitFor();
    expect(await row.textContent()).toContain("Nog geen uitkomst");
    await expectAccessible(recruiter, "the referred candidates");

    // The map pin beside the name: contact details with the postcode and the distance.
    await row.getByRole("button", { name: `Contactgegevens van ${NAME}` }).click();
    const contact = recruiter.getByRole("dialog", { name: `Contactgegevens van ${NAME}` });
    await contact.getByText(POSTCODE).waitFor();
    await contact.getByText(/\d km$/).waitFor();
    await expectAccessible(recruiter, "a referred candidate's contact details");
    await recruiter.keyboard.press("Escape");
    await contact.waitFor({ state: "hidden" });

    // The Filter panel sorts alphabetically; the address keeps it.
    await main(recruiter).getByRole("button", { name: "Filter" }).click();
    const panel = recruiter.getByRole("dialog", { name: "Sorteren en filteren" });
    await panel.getByRole("radio", { name: "Alfabetisch (naam)" }).check();
    await expect.poll(() => new URL(recruiter.url()).searchParams.get("sort")).toBe("name");
    await expectAccessible(recruiter, "the candidates' Filter panel");
    await panel.getByRole("button", { name: "Klaar" }).click();

    await row.getByRole("link", { name: NAME }).click();
    expect(await heading(recruiter)).toBe(NAME);
    await milestone(recruiter, "Contact gemaakt?").getByRole("radio").first().waitFor();
    await expectAccessible(recruiter, "a referred candidate's milestones");

    await mark(recruiter, "Contact gemaakt?", "Ja, contact gemaakt", /Contact gemaakt\? is positief/);
    await referrerSees(referrer, haaglanden, "Contact gemaakt?", "Gelukt");
    // "Gesprek gepland" with the keyboard alone: the option, a comment for the team, "Opslaan".
    const planned = milestone(recruiter, "Gesprek gepland");
    await planned.getByRole("radio").first().focus();
    await recruiter.keyboard.press("Space");
    await expect.poll(() => planned.getByRole("radio", { name: /^Gesprek gepland/ }).isChecked()).toBe(true);
    await recruiter.keyboard.press("Tab");
    await recruiter.keyboard.type("Dinsdag om 10 uur");
    await recruiter.keyboard.press("Tab");
    await recruiter.keyboard.press("Enter");
    await main(recruiter)
      .getByRole("status")
      .filter({ hasText: /Gesprek gepland is positief/ })
      .waitFor();
    await planned.getByText("Dinsdag om 10 uur").waitFor();
    await referrerSees(referrer, haaglanden, "Gesprek gepland", "Gelukt");
    await mark(recruiter, "Interview voltooid", "Voltooid, positief", /Interview voltooid is positief/);
    const interview = milestone(recruiter, "Interview voltooid");
    const points = await interview.getByText(/^\+\d+ punten voor de verwijzer$/).textContent();
    const award = Number(/\+(\d+)/.exec(points ?? "")?.[1]);
    expect(award).toBeGreaterThan(0);
    await screenshot(recruiter, "referral-interview-done");
    await referrerSees(referrer, haaglanden, "Interview voltooid", "Gelukt");
    expect(await balance(referrer, haaglanden)).toBe(before + award);

    // Undo "Interview voltooid", with a confirmation; the milestone is open again.
    await interview.getByRole("button", { name: "Ongedaan maken: Interview voltooid" }).click();
    const confirm = recruiter.getByRole("dialog", {
      name: "Uitkomst van Interview voltooid ongedaan maken?",
    });
    await confirm
      .getByText(`de ${award} punten van de verwijzer worden teruggenomen`, { exact: false })
      .waitFor();
    await expectAccessible(recruiter, "undoing a milestone's outcome");
    await confirm.getByRole("button", { name: "Ongedaan maken", exact: true }).click();
    await main(recruiter).getByRole("status").filter({ hasText: "is ongedaan gemaakt" }).waitFor();
    await interview.getByRole("radio").first().waitFor();
    await interview.getByText(`Een groene uitkomst geeft de verwijzer +${award} punten`).waitFor();
    // The points are taken back in the ledger (a reversal line), and the step is open again.
    expect(await balance(referrer, haaglanden)).toBe(before);
    await main(referrer)
      .getByRole("row", { name: new RegExp(`${NAME}.*Teruggedraaid`) })
      .waitFor();
    await referrerSees(referrer, haaglanden, "Interview voltooid", "Nog niet");

    // Marked again, then red on "Aanbod gedaan": the candidate moves to the archive.
    await mark(recruiter, "Interview voltooid", "Voltooid, positief", /Interview voltooid is positief/);
    await mark(recruiter, "Aanbod gedaan", "Aanbod afgewezen", /staat nu bij Gearchiveerde kandidaten/);
    await main(recruiter)
      .getByText(/Deze kandidaat staat bij Gearchiveerde kandidaten/)
      .waitFor();
    await expectAccessible(recruiter, "a candidate after a red outcome");
    await screenshot(recruiter, "referral-archived");
    // The referrer sees "Niet verder" (never the reason) and keeps the points of the interview.
    await referrerSees(referrer, haaglanden, "Interview voltooid", "Gelukt");
    await referrerSees(referrer, haaglanden, "Aanbod gedaan", "Niet verder");
    await expectAccessible(referrer, "my referrals after a red outcome, on a phone");
    await screenshot(referrer, "referral-referrer-stopped-phone");
    expect(await balance(referrer, haaglanden)).toBe(before + award);
    await expectAccessible(referrer, "my points on a phone");

    await recruiter.goto(`${haaglanden}/verwijzingen?q=${FRIEND.lastName}`);
    await main(recruiter).getByText("Geen kandidaten gevonden met deze zoekopdracht of filters.").waitFor();
    await main(recruiter).locator("label", { hasText: "Gearchiveerde kandidaten" }).click();
    await main(recruiter)
      .getByRole("row", { name: new RegExp(NAME) })
      .getByText("Niet verder")
      .waitFor();
    await expectAccessible(recruiter, "the archived candidates");
    // On a phone the table becomes a list of cards with the same facts.
    await recruiter.setViewportSize({ width: 390, height: 844 });
    const cards = main(recruiter).getByRole("list", { name: "Gearchiveerde kandidaten" });
    await cards.getByRole("link", { name: NAME }).waitFor();
    await cards.getByRole("listitem").filter({ hasText: NAME }).getByText("Niet verder").waitFor();
    await expectAccessible(recruiter, "the archived candidates on a phone");
    await recruiter.setViewportSize({ width: 1280, height: 900 });

    // Results: the referrer on the leaderboard, and the chart's table.
    await recruiter.goto(`${haaglanden}/verwijzingen/resultaten`);
    await main(recruiter)
      .getByRole("row", { name: /Vincent Verhoeven/ })
      .waitFor();
    await expectAccessible(recruiter, "the referral results");

    expect(pageErrors).toEqual([]);
  }, 300_000);

  it("the account manager sets De Duinen's milestones with the keyboard; a milestone in use stays", async () => {
    const haaglanden = server.portalUrl("haaglanden");
    const page = await openPage(browser, "10.81.0.3", pageErrors);
    await signInAsDemoStaff(page, haaglanden, "accountmanager@demo.werkbrug.test");
    await page.goto(`${haaglanden}/verwijzingen/instellingen`);
    expect(await heading(page)).toBe("Instellingen van verwijzingen");
    // An account manager works for several employers: they choose whose milestones to set.
    await main(page)
      .getByText("Kies de organisatie waarvan je de mijlpalen en punten wilt instellen.")
      .waitFor();
    await main(page)
      .getByRole("combobox", { name: "Organisatie" })
      .selectOption({ label: "Zorgcentrum De Duinen" });
    const title = (n: number, name: string) =>
      main(page).getByRole("heading", { name: `${n}. ${name}`, exact: true });
    await title(1, "Contact gemaakt?").waitFor();
    await title(3, "Interview voltooid").waitFor();
    await expectAccessible(page, "the referral milestones' settings");

    // Up and down with the keys; the focus stays on the button that moved the milestone.
    const up = main(page).getByRole("button", { name: "Gesprek gepland omhoog" });
    await up.focus();
    await page.keyboard.press("Enter");
    await title(1, "Gesprek gepland").waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Gesprek gepland omlaag");
    await page.keyboard.press("Enter");
    await title(2, "Gesprek gepland").waitFor();

    // A new milestone with its outcomes and points, saved; then taken away again.
    await main(page).getByRole("button", { name: "Mijlpaal toevoegen" }).click();
    const count = await main(page)
      .getByRole("heading", { name: /^\d+\. / })
      .count();
    // The new milestone comes last, named by its number until it has a name.
    await title(count, `Mijlpaal ${count}`).waitFor();
    const added = main(page).getByRole("listitem").last();
    await added.getByRole("textbox", { name: "Naam (Nederlands)" }).fill("Proeftijd voorbij");
    await added.getByRole("textbox", { name: "Naam (Engels)" }).fill("Probation passed");
    await added.getByRole("textbox", { name: "Punten bij groen" }).fill("40");
    const texts = [
      ["Ja", "Yes"],
      ["Nog onzeker", "Not sure yet"],
      ["Nee", "No"],
    ];
    for (const [i, [nl, en]] of texts.entries()) {
      const group = added.getByRole("group", { name: `Uitkomst ${i + 1} van Proeftijd voorbij` });
      await group.getByRole("textbox", { name: "Tekst (Nederlands)" }).fill(nl!);
      await group.getByRole("textbox", { name: "Tekst (Engels)" }).fill(en!);
    }
    await main(page).getByRole("button", { name: "Mijlpalen opslaan" }).click();
    await main(page).getByRole("status").filter({ hasText: "De mijlpalen zijn opgeslagen." }).waitFor();
    await main(page)
      .getByText(/Opgeslagen volgorde: .*Proeftijd voorbij$/)
      .waitFor();
    await main(page).getByRole("button", { name: "Proeftijd voorbij verwijderen" }).click();
    await main(page).getByRole("button", { name: "Mijlpalen opslaan" }).click();
    await main(page).getByRole("status").filter({ hasText: "De mijlpalen zijn opgeslagen." }).waitFor();
    await expect
      .poll(() =>
        main(page)
          .getByText(/Proeftijd voorbij/)
          .count(),
      )
      .toBe(0);

    // "Contact gemaakt?" has outcomes (the journey above): the server keeps it, and says why.
    await main(page).getByRole("button", { name: "Contact gemaakt? verwijderen" }).click();
    await main(page).getByRole("button", { name: "Mijlpalen opslaan" }).click();
    await main(page).getByRole("alert").waitFor();
    await expectAccessible(page, "a refused change of the milestones");
    await screenshot(page, "referral-settings-refused");
    await main(page).getByRole("button", { name: "Wijzigingen terugdraaien" }).click();
    await title(1, "Contact gemaakt?").waitFor();
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
