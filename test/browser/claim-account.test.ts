import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox } from "../../src/server/platform/mail.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
import { startTestServer, type TestServer } from "../support/server";
import { Client, signIn, totpCode } from "../support/session";
import {
  expectAccessible,
  heading,
  launchBrowser,
  pickOption,
  screenshot,
  signInWithForm,
  skipBrowserTests,
} from "./support";

const field = (label: string) => new RegExp(`^${label}( \\*)?$`);

describe.skipIf(skipBrowserTests)("a job seeker claims the account an account manager made", () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("follows the mailed link, chooses a password, accepts the terms and can sign in", async () => {
    // The account manager registers the job seeker from the home page.
    const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    staff.setDefaultTimeout(10_000);
    const am = await staff.newPage();
    const haaglanden = server.portalUrl("haaglanden");
    await signInWithForm(am, haaglanden, {
      email: "accountmanager@demo.werkbrug.test",
      password: DEMO_PASSWORD,
      code: () => totpCode(),
    });
    await am.getByRole("link", { name: "Werkzoekende registreren" }).click();
    expect(await heading(am)).toBe("Werkzoekende registreren");
    const form = am.getByRole("main");
    await form.getByLabel(field("Naam")).fill("Samira Haddou");
    await form.getByLabel(field("E-mailadres")).fill("samira@example.test");
    await pickOption(am, "Woonplaats", "Naaldwijk", /^Naaldwijk/);
    await expectAccessible(am, "register a job seeker");
    await form.getByRole("button", { name: "Registreren" }).click();
    await form.getByText("Samira Haddou is geregistreerd").waitFor();
    await staff.close();

    const [mail] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "samira@example.test"));
    const link = /http:\/\/\S+account-activeren\?token=[A-Za-z0-9_-]+/.exec(mail!.text)![0];

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(link);
    const main = page.getByRole("main");
    await main.getByText("Fatima El Amrani heeft een profiel voor je aangemaakt", { exact: false }).waitFor();
    expect(await heading(page)).toBe("Account activeren");
    await expectAccessible(page, "claim account");
    await main.getByLabel(field("Kies een wachtwoord")).fill("Nieuwe-baan-in-2026!");
    await main.getByLabel(field("Herhaal het wachtwoord")).fill("Nieuwe-baan-in-2026!");
    await main.getByLabel(/Ik heb de gebruiksvoorwaarden gelezen/).check();
    await main.getByRole("button", { name: "Account activeren" }).click();
    await main.getByRole("status").getByText("Je account is klaar").first().waitFor({ state: "visible" });
    await expectAccessible(page, "account claimed");
    await screenshot(page, "claim-account-done");
    await context.close();

    const samira = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(samira, "samira@example.test", "Nieuwe-baan-in-2026!");
    expect((await samira.call("/api/v1/candidates/me")).status).toBe(200);
  }, 240_000);
});
