import { and, asc, eq, isNull } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidates } from "../../src/server/modules/candidates/candidates.schema";
import { organisations, portals } from "../../src/server/modules/tenancy/tenancy.schema";
import { vacancies } from "../../src/server/modules/vacancies/vacancies.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { startTestServer, type TestServer } from "../support/server";
import { Client, signIn } from "../support/session";
import {
  expectAccessible,
  heading,
  launchBrowser,
  openPage,
  screenshot,
  signInAsDemoStaff,
  skipBrowserTests,
} from "./support";

describe.skipIf(skipBrowserTests)(
  "proposing candidates to an employer and reviewing them in the browser",
  () => {
    let browser: Browser;
    let server: TestServer;
    let vacancyId: string;
    let vacancyTitle: string;
    let names: [string, string];
    const pageErrors: string[] = [];

    beforeAll(async () => {
      browser = await launchBrowser();
      await ensureWebBuild();
      server = await startTestServer();
      const { db } = server.database;
      const [westland] = await db
        .select()
        .from(organisations)
        .where(eq(organisations.name, "Westland Logistiek B.V."));
      // Another vacancy than the one the demo data proposes on.
      const [vacancy] = await db
        .select()
        .from(vacancies)
        .where(and(eq(vacancies.organisationId, westland!.id), eq(vacancies.status, "published")))
        .orderBy(asc(vacancies.createdAt), asc(vacancies.id))
        .offset(1)
        .limit(1);
      vacancyId = vacancy!.id;
      vacancyTitle = vacancy!.displayTitle;
      const [haaglanden] = await db.select().from(portals).where(eq(portals.slug, "haaglanden"));
      const people = await db
        .select()
        .from(candidates)
        .where(
          and(
            eq(candidates.portalId, haaglanden!.id),
            eq(candidates.visible, true),
            isNull(candidates.userId),
          ),
        )
        .orderBy(asc(candidates.createdAt))
        .offset(20)
        .limit(2);
      names = [
        `${people[0]!.firstName} ${people[0]!.lastName}`,
        `${people[1]!.firstName} ${people[1]!.lastName}`,
      ];
      const manager = new Client(server, `haaglanden.localhost:${server.port}`);
      await signIn(manager, "accountmanager@demo.werkbrug.test");
      for (const person of people) {
        const saved = await manager.call(`/api/v1/candidates/${person.id}/vacancies`, {
          body: { vacancyId },
        });
        expect(saved.status, saved.text).toBe(200);
      }
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("the account manager proposes two candidates, the contact approves one and rejects the other, the account manager sees both verdicts", async () => {
      const haaglanden = server.portalUrl("haaglanden");
      const manager = await openPage(browser, "10.80.0.1", pageErrors);
      await signInAsDemoStaff(manager, haaglanden, "accountmanager@demo.werkbrug.test");
      await manager.goto(`${haaglanden}/vacaturebeheer/${vacancyId}`);
      await heading(manager);
      const section = manager.getByRole("region", { name: "Kandidaten per fase" });
      await section.waitFor({ state: "visible" });

      for (const [i, name] of names.entries()) {
        // Keyboard: focus the action, open the dialog, tick the contact, write the note, send.
        const action = section.getByRole("button", { name: `Voorstellen aan werkgever: ${name}` });
        await action.waitFor({ state: "visible" });
        await action.focus();
        await manager.keyboard.press("Enter");
        const dialog = manager.getByRole("dialog", { name: `${name} voorstellen aan de werkgever` });
        await dialog.waitFor({ state: "visible" });
        const contact = dialog.getByRole("checkbox", { name: /Wim van Westen/ });
        await contact.focus();
        await manager.keyboard.press("Space");
        await dialog.getByRole("textbox", { name: /Toelichting/ }).fill(`Kandidaat ${i + 1}: past goed.`);
        if (i === 0) await expectAccessible(manager, "the propose dialog");
        await dialog.getByRole("button", { name: "Voorstellen", exact: true }).press("Enter");
        await dialog.waitFor({ state: "hidden" });
        await section
          .getByRole("button", { name: `Voorstel intrekken: ${name}` })
          .waitFor({ state: "visible" });
      }
      await expectAccessible(manager, "the vacancy page with two proposals");
      await screenshot(manager, "proposals-vacancy");

      // The contact signs in, finds both under "Voorgesteld", approves one and rejects the other.
      const contact = await openPage(browser, "10.80.0.2", pageErrors);
      await signInAsDemoStaff(contact, haaglanden, "werkgever@demo.werkbrug.test");
      await contact.goto(`${haaglanden}/voorgesteld`);
      await heading(contact);
      const list = contact.getByRole("main");
      await list.getByRole("link", { name: names[0] }).waitFor({ state: "visible" });
      await expectAccessible(contact, "the contact's list of proposed candidates");
      await screenshot(contact, "proposals-list");

      const decide = async (name: string, choice: "Goedkeuren" | "Afwijzen", comment: string) => {
        await contact.goto(`${haaglanden}/voorgesteld`);
        const link = contact.getByRole("main").getByRole("link", { name });
        await link.focus();
        await contact.keyboard.press("Enter");
        await contact.getByRole("heading", { name: "Uw oordeel" }).waitFor({ state: "visible" });
        const main = contact.getByRole("main");
        await main.getByText(vacancyTitle, { exact: false }).first().waitFor({ state: "visible" });
        await main.getByRole("radio", { name: choice }).check();
        await main.getByRole("textbox", { name: /Toelichting/ }).fill(comment);
        return main;
      };

      let main = await decide(names[0], "Goedkeuren", "Graag uitnodigen voor een gesprek.");
      await expectAccessible(contact, "the review page of a proposed candidate");
      await screenshot(contact, "proposals-review");
      await main.getByRole("button", { name: "Oordeel versturen" }).press("Enter");
      await main
        .getByText("U hebt deze kandidaat goedgekeurd.", { exact: false })
        .waitFor({ state: "visible" });

      main = await decide(names[1], "Afwijzen", "");
      // Rejecting without a comment is refused on the page, before anything is sent.
      await main.getByRole("button", { name: "Oordeel versturen" }).click();
      await main.getByText("Geef bij een afwijzing een toelichting.").waitFor({ state: "visible" });
      await main.getByRole("textbox", { name: /Toelichting/ }).fill("Te weinig ervaring met heftrucks.");
      await main.getByRole("button", { name: "Oordeel versturen" }).click();
      await main
        .getByText("U hebt deze kandidaat afgewezen.", { exact: false })
        .waitFor({ state: "visible" });

      // The rejected one is gone from the list; the approved one follows the process.
      await contact.goto(`${haaglanden}/voorgesteld`);
      await contact.getByRole("main").getByRole("link", { name: names[0] }).waitFor({ state: "visible" });
      expect(await contact.getByRole("main").getByRole("link", { name: names[1] }).count()).toBe(0);

      // The account manager sees both verdicts: on the home page and on the vacancy page.
      await server.app.events.drain();
      await manager.goto(`${haaglanden}/`);
      const verdicts = manager.getByRole("region", { name: "Oordelen op je voorstellen" });
      await verdicts.waitFor({ state: "visible" });
      await verdicts
        .getByRole("link", { name: `Wim van Westen keurde ${names[0]} goed` })
        .waitFor({ state: "visible" });
      await verdicts
        .getByRole("link", { name: `Wim van Westen wees ${names[1]} af` })
        .waitFor({ state: "visible" });
      // These two and the demo's approved proposal (the staff home's seed).
      await expect.poll(() => verdicts.getByText("3 ongelezen").count()).toBe(1);
      await expectAccessible(manager, "the account manager's home with verdicts");
      await manager.goto(`${haaglanden}/vacaturebeheer/${vacancyId}`);
      await section.waitFor({ state: "visible" });
      await section.getByText("Goedgekeurd", { exact: true }).first().waitFor({ state: "visible" });
      await section.getByText("Afgewezen", { exact: true }).first().waitFor({ state: "visible" });
      await section
        .getByText("“Graag uitnodigen voor een gesprek.”", { exact: false })
        .waitFor({ state: "visible" });
      await screenshot(manager, "proposals-verdicts");
      expect(pageErrors).toEqual([]);
    }, 240_000);
  },
);
