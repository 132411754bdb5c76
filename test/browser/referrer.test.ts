import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReferrableVacancy } from "../../src/contracts/referrals";
import { referrals } from "../../src/server/modules/referrals/referrals.schema";
import { mailOutbox } from "../../src/server/platform/mail.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
import { Client, signIn, totpCode } from "../support/session";
import {
  expectAccessible,
  fieldLabel,
  heading,
  launchBrowser,
  screenshot,
  signInWithForm,
  skipBrowserTests,
} from "./support";

/** A phone: the referrer refers a friend from the app in their pocket. */
const PHONE = { width: 390, height: 844 };

describe.skipIf(skipBrowserTests)("referring someone on a phone", () => {
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

  async function phonePage(ip: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      locale: "nl-NL",
      extraHTTPHeaders: { "x-forwarded-for": ip },
    });
    context.setDefaultTimeout(10_000);
    context.on("weberror", (error) => pageErrors.push(error.error().message));
    return context.newPage();
  }

  it("refers a friend with consent, follows their progress, and the friend confirms through the mail", async () => {
    const base = server.portalUrl("haaglanden");
    const page = await phonePage("10.77.0.1");
    await signInWithForm(page, base, {
      email: "verwijzer@demo.werkbrug.test",
      password: DEMO_PASSWORD,
      code: () => totpCode(),
    });
    await page.getByRole("button", { name: /Accountmenu van/ }).waitFor({ state: "visible" });

    await page.goto(`${base}/verwijzen`);
    expect(await heading(page)).toBe("Verwijzen");
    const main = page.getByRole("main");
    await main.getByRole("article", { name: "Verzorgende IG" }).waitFor();
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, "the referrer's vacancies on a phone");
    await screenshot(page, "referrer-vacancies-phone");

    await main.getByRole("button", { name: "Iemand aanmelden voor Verzorgende IG" }).click();
    const dialog = page.getByRole("dialog", { name: "Iemand aanmelden voor Verzorgende IG" });
    await dialog.waitFor();
    // Sent empty: every field says what is missing, and the consent is asked for.
    await dialog.getByRole("button", { name: "Aanmelden" }).click();
    await expect.poll(() => dialog.getByText("Dit veld is verplicht.").count()).toBe(6);
    await dialog.getByText("Vink aan dat je toestemming hebt gevraagd en gekregen.").waitFor();
    await expectAccessible(page, "the referral form with its errors on a phone");

    await dialog.getByLabel(fieldLabel("Voornaam")).fill("Eva");
    await dialog.getByLabel(fieldLabel("Achternaam")).fill("Jansen");
    await dialog.getByLabel(fieldLabel("Telefoonnummer")).fill("06 98765432");
    await dialog.getByLabel(fieldLabel("E-mailadres")).fill("eva.jansen@example.test");
    await dialog.getByLabel(fieldLabel("Postcode")).fill("258");
    await dialog.getByLabel(/^Waarom past deze persoon bij de vacature\?/).fill("Zorgzaam en zoekt werk.");
    await dialog.getByLabel(/Ik heb toestemming gevraagd en gekregen/).check();
    await dialog.getByRole("button", { name: "Aanmelden" }).click();
    // The server's own message for a postcode it does not take.
    await dialog.getByText("Vul een postcode in zoals 2511 AB.").waitFor();
    await dialog.getByLabel(fieldLabel("Postcode")).fill("2586 AB");
    await dialog.getByRole("button", { name: "Aanmelden" }).click();
    await main
      .getByRole("status")
      .filter({ hasText: "Eva Jansen is aangemeld voor Verzorgende IG" })
      .waitFor();
    await screenshot(page, "referrer-referred-phone");

    await page.goto(`${base}/mijn-verwijzingen`);
    expect(await heading(page)).toBe("Mijn verwijzingen");
    const eva = main.getByRole("article", { name: "Eva Jansen" });
    await eva.waitFor();
    await eva.getByRole("list", { name: "Voortgang van Eva Jansen" }).waitFor();
    await expect.poll(() => eva.getByText("Nog niet", { exact: true }).count()).toBe(6);
    await expectAccessible(page, "my referrals on a phone");
    await screenshot(page, "referrer-my-referrals-phone");

    await page.goto(`${base}/punten`);
    expect(await heading(page)).toBe("Punten");
    // The demo's 25 points: De Duinen's recruiter marked Sanne's interview green.
    await main.getByRole("heading", { name: "25 punten" }).waitFor();
    await main.getByRole("cell", { name: /Sanne de Boer/ }).waitFor();
    await expectAccessible(page, "my points on a phone");

    // Eva's mail (the development outbox here) holds her single-use link.
    await server.app.events.drain();
    const [mail] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "eva.jansen@example.test"));
    const link = /https?:\/\/\S+\/verwijzing\/bevestigen\?token=[A-Za-z0-9_-]+/.exec(mail!.text)![0];
    const friend = await phonePage("10.77.0.2");
    await friend.goto(`${base}${new URL(link).pathname}${new URL(link).search}`);
    expect(await heading(friend)).toBe("Verwijzing bevestigen");
    const form = friend.getByRole("main");
    await form
      .getByText("Vincent heeft je aangemeld voor deze vacature bij Zorgcentrum De Duinen.")
      .waitFor();
    await expectAccessible(friend, "the referred person's confirmation on a phone");
    await form.getByRole("button", { name: "Belangstelling bevestigen" }).click();
    await form.getByText("Je belangstelling is bevestigd.", { exact: false }).waitFor();
    await screenshot(friend, "referral-confirmed-phone");

    await page.goto(`${base}/mijn-verwijzingen`);
    await main
      .getByRole("article", { name: "Eva Jansen" })
      .getByText(/belangstelling bevestigd op/)
      .waitFor();
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it("counts a friend who applies through the shared link on the job board as referred", async () => {
    const vincent = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(vincent, "verwijzer@demo.werkbrug.test");
    const { vacancies } = (await vincent.call("/api/v1/referrer/vacancies")).json<{
      vacancies: ReferrableVacancy[];
    }>();
    const shared = vacancies.find((v) => v.title === "Gastvrouw/gastheer restaurant")!;
    const friend = await phonePage("10.77.0.3");
    await friend.goto(shared.shareUrl);
    await friend.getByRole("link", { name: "Reageren" }).first().click();
    const main = friend.getByRole("main");
    await main.getByLabel("E-mailadres").fill("kandidaat@demo.werkbrug.test");
    await main.getByRole("button", { name: "Volgende" }).click();
    await main.getByLabel(fieldLabel("Wachtwoord")).fill(DEMO_PASSWORD);
    await main.getByRole("button", { name: "Inloggen", exact: true }).click();
    await friend.waitForURL((u) => u.pathname === `/kansen/${shared.id}`);
    await main.getByRole("button", { name: "Reageren" }).click();
    const dialog = friend.getByRole("dialog", { name: "Reageren op deze vacature" });
    await dialog.getByLabel(fieldLabel("Motivatie")).fill("Ik werk graag met mensen en ken Vincent.");
    await dialog.getByRole("button", { name: "Reactie versturen" }).click();
    await dialog.waitFor({ state: "hidden" });

    await server.app.events.drain();
    const [row] = await server.database.db
      .select()
      .from(referrals)
      .where(and(eq(referrals.vacancyId, shared.id), eq(referrals.channel, "link")));
    expect(row).toMatchObject({ referrerUserId: "demo-verwijzer", email: "kandidaat@demo.werkbrug.test" });
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
