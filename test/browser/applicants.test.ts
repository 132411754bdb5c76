import { and, eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Procedure } from "../../src/contracts/matches";
import type { CreateVacancyRequest, Vacancy } from "../../src/contracts/vacancies";
import { candidates } from "../../src/server/modules/candidates/candidates.schema";
import { matches, matchHistory } from "../../src/server/modules/matches/matches.schema";
import { organisations, portals } from "../../src/server/modules/tenancy/tenancy.schema";
import { todayIn } from "../../src/server/modules/vacancies";
import { mailOutbox } from "../../src/server/platform/mail.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { startTestServer, type TestServer } from "../support/server";
import { Client, signIn } from "../support/session";
import {
  expectAccessible,
  fieldLabel,
  heading,
  launchBrowser,
  openPage,
  screenshot,
  signInAsDemoStaff,
  skipBrowserTests,
} from "./support";

const SELECTION = "selectie@demo.werkbrug.test";
const VACANCY = "Jurist klantenrechten";
const APPLICANTS = [
  ["An", "Peeters"],
  ["Bart", "Claes"],
  ["Chloé", "Dubois"],
  ["Dries", "Maes"],
] as const;
const MOVED = APPLICANTS.slice(0, 3).map(([first, last]) => `${first} ${last}`);

describe.skipIf(skipBrowserTests)("applicants of a vacancy in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  let vacancyId: string;
  const pageErrors: string[] = [];

  /**
   * A published vacancy of the agency in its selection procedure with four applicants (as people
   * without an account leave them: the lead's demo seed will hold such applicants too).
   */
  async function seedVacancy(): Promise<void> {
    const { db } = server.database;
    const [agency] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Agentschap Publieke Dienstverlening"));
    const [national] = await db.select().from(portals).where(eq(portals.slug, "landelijk"));
    const client = new Client(server);
    await signIn(client, SELECTION);
    const body: CreateVacancyRequest = {
      organisationId: agency!.id,
      displayTitle: VACANCY,
      functionTitle: VACANCY,
      description: "Je beantwoordt vragen van burgers over hun rechten bij het agentschap.",
      occupationId: "2411.1",
      educationLevel: "wo-master",
      kind: "vacancy",
      hoursMin: 36,
      hoursMax: 38,
      positions: 1,
      workAddress: null,
      serviceModel: "together",
      contactVia: "employer",
      contactUserId: "demo-hr",
      publication: { portalFrom: todayIn(), closesOn: null },
    };
    const created = await client.call("/api/v1/vacancies", { body });
    expect(created.status, created.text).toBe(201);
    vacancyId = created.json<{ vacancy: Vacancy }>().vacancy.id;
    const procedures = await client.call(`/api/v1/procedures?organisationId=${agency!.id}`);
    const selection = procedures
      .json<{ procedures: Procedure[] }>()
      .procedures.find((p) => p.kind === "selection")!;
    const chosen = await client.call(`/api/v1/vacancies/${vacancyId}/procedure`, {
      method: "PUT",
      body: { procedureId: selection.id },
    });
    expect(chosen.status, chosen.text).toBe(200);
    const submitted = selection.phases.find((p) => p.key === "submitted")!.id;
    for (const [first, last] of APPLICANTS) {
      const [person] = await db
        .insert(candidates)
        .values({
          portalId: national!.id,
          firstName: first,
          lastName: last,
          email: `${last.toLowerCase()}@sollicitant.test`,
          visible: false,
        })
        .returning();
      const [match] = await db
        .insert(matches)
        .values({
          portalId: national!.id,
          organisationId: agency!.id,
          vacancyId,
          candidateId: person!.id,
          source: "applied",
          procedureId: selection.id,
          phaseId: submitted,
          motivation: "Ik werk graag voor burgers.",
        })
        .returning();
      await db
        .insert(matchHistory)
        .values({ matchId: match!.id, organisationId: agency!.id, seq: 0, toPhaseId: submitted });
    }
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
    await seedVacancy();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const main = (page: Page) => page.getByRole("main");

  async function select(page: Page, names: readonly string[]): Promise<void> {
    for (const name of names)
      await main(page)
        .getByRole("checkbox", { name: `${name} selecteren` })
        .check();
  }

  it("lets the selection officer write a template, move three applicants and mail them", async () => {
    const page = await openPage(browser, "10.82.0.1", pageErrors);
    await signInAsDemoStaff(page, server.url, SELECTION);

    // The organisation's mail template, with the merge fields explained beside it.
    await page.goto(`${server.url}/sjablonen/mails`);
    expect(await heading(page)).toBe("Mailsjablonen");
    await main(page).getByRole("button", { name: "Nieuw sjabloon" }).click();
    const form = page.getByRole("dialog", { name: "Nieuw sjabloon" });
    await form.getByLabel(fieldLabel("Naam van het sjabloon")).fill("Uitnodiging jurygesprek");
    await form.getByLabel(fieldLabel("Onderwerp \\(Nederlands\\)")).fill("Uitnodiging voor {{vacature}}");
    await form
      .getByLabel(fieldLabel("Bericht \\(Nederlands\\)"))
      .fill("Beste {{voornaam}},\n\nJe bent {{fase}} voor het jurygesprek.");
    await form.getByLabel(fieldLabel("Onderwerp \\(Engels\\)")).fill("Invitation for {{vacature}}");
    await form.getByLabel(fieldLabel("Bericht \\(Engels\\)")).fill("Dear {{firstName}},");
    await form.getByRole("button", { name: "Sjabloon opslaan" }).click();
    // An unknown merge field is named at its field; nothing is saved.
    await form.getByText("Onbekend samenvoegveld: {{firstName}}").waitFor();
    await expectAccessible(page, "the template form with an unknown merge field");
    await form.getByLabel(fieldLabel("Bericht \\(Engels\\)")).fill("Dear {{voornaam}},\n\nYou are {{fase}}.");
    await form.getByRole("button", { name: "Sjabloon opslaan" }).click();
    await main(page).getByRole("heading", { name: "Uitnodiging jurygesprek" }).waitFor();
    await expectAccessible(page, "the mail templates");

    // From the vacancy's page to its applicants.
    await page.goto(`${server.url}/vacaturebeheer/${vacancyId}`);
    await main(page).getByRole("link", { name: "Sollicitanten (4)" }).click();
    expect(await heading(page)).toBe("Sollicitanten");
    await main(page).getByText("4 sollicitanten", { exact: true }).waitFor();
    await expectAccessible(page, "the applicants of a vacancy");

    // The search is kept in the address.
    await main(page).getByRole("searchbox").fill("maes");
    await main(page).getByRole("searchbox").press("Enter");
    await main(page).getByText("1 sollicitant", { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("maes");
    await page.goBack();
    await main(page).getByText("4 sollicitanten", { exact: true }).waitFor();

    // Three at once to "Uitgenodigd".
    await select(page, MOVED);
    await main(page).getByRole("button", { name: "Fase wijzigen" }).click();
    const move = page.getByRole("dialog", { name: "Fase wijzigen voor 3 sollicitanten" });
    await move.getByLabel(fieldLabel("Nieuwe fase")).selectOption({ label: "Uitgenodigd" });
    await move.getByLabel("Toelichting (optioneel)").fill("Geslaagd voor de preselectie");
    await expectAccessible(page, "changing the phase of three applicants");
    await move.getByRole("button", { name: "Fase wijzigen" }).click();
    await main(page)
      .getByRole("status")
      .filter({ hasText: "De fase van 3 sollicitanten is gewijzigd." })
      .waitFor();
    await main(page).getByLabel("Fase", { exact: true }).selectOption({ label: "Uitgenodigd (3)" });
    await main(page).getByText("3 sollicitanten", { exact: true }).waitFor();
    expect(await main(page).getByRole("row").count()).toBe(4);

    // Mail the three with the template: a preview per recipient, then each one's status.
    await main(page).getByRole("checkbox", { name: "Alle sollicitanten op deze pagina selecteren" }).check();
    await screenshot(page, "applicants-list");
    await main(page).getByRole("button", { name: "Mailen" }).click();
    const mail = page.getByRole("dialog", { name: "Mailen naar 3 sollicitanten" });
    await mail.getByLabel("Sjabloon", { exact: true }).selectOption({ label: "Uitnodiging jurygesprek" });
    await mail.getByRole("button", { name: "Voorbeeld bekijken" }).click();
    const preview = mail.getByRole("region", { name: "Voorbeeld van de mail" });
    await preview.getByText("Uitnodiging voor Jurist klantenrechten").waitFor();
    await mail.getByLabel("Voorbeeld voor").selectOption({ label: "Chloé Dubois (Nederlands)" });
    await preview.getByText(/Beste Chloé,\s+Je bent Uitgenodigd voor het jurygesprek\./).waitFor();
    await expectAccessible(page, "the preview of a mail to applicants");
    await mail.getByRole("button", { name: "Versturen naar 3 sollicitanten" }).click();
    await mail.getByText("De mail is verstuurd naar 3 sollicitanten.").waitFor();
    await expect
      .poll(() => mail.getByText("Verstuurd", { exact: true }).count(), { timeout: 15_000 })
      .toBe(3);
    await expectAccessible(page, "each recipient's delivery");
    const sent = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "dubois@sollicitant.test"));
    expect(sent.map((m) => m.subject)).toEqual(["Uitnodiging voor Jurist klantenrechten"]);
    await mail.getByRole("button", { name: "Sluiten" }).last().click();

    // One applicant: the step and the mail on the timeline, a note and a corrected field.
    await main(page).getByRole("link", { name: "Chloé Dubois" }).click();
    expect(await heading(page)).toBe("Sollicitant");
    const timeline = main(page).getByRole("region", { name: "Tijdlijn" });
    await timeline.getByText("Van Ingediend naar Uitgenodigd – Geslaagd voor de preselectie").waitFor();
    await timeline
      .getByText("Mail 'Uitnodiging voor Jurist klantenrechten' aan dubois@sollicitant.test")
      .waitFor();
    await main(page).getByLabel(fieldLabel("Nieuwe notitie")).fill("Sterk in het jurygesprek.");
    await main(page).getByRole("button", { name: "Notitie toevoegen" }).click();
    await timeline.getByText("Notitie: Sterk in het jurygesprek.").waitFor();
    await main(page).getByLabel(fieldLabel("Rijksregisternummer")).fill("85.07.30-033.29");
    await main(page).getByRole("button", { name: "Rijksregisternummer opslaan" }).click();
    await main(page)
      .getByText(/geen geldig rijksregisternummer/)
      .waitFor();
    await main(page).getByLabel(fieldLabel("Rijksregisternummer")).fill("85.07.30-033.28");
    await main(page).getByRole("button", { name: "Rijksregisternummer opslaan" }).click();
    await timeline.getByText("Rijksregisternummer aangepast naar 85.07.30-033.28").waitFor();
    await expectAccessible(page, "one applicant");
    await screenshot(page, "applicant-detail");

    const [match] = await server.database.db
      .select({ phaseId: matches.phaseId })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .where(and(eq(matches.vacancyId, vacancyId), eq(candidates.lastName, "Maes")));
    expect(match).toBeDefined();
    expect(pageErrors).toEqual([]);
  });
});
