import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Procedure } from "../../src/contracts/matches";
import type { Vacancy } from "../../src/contracts/vacancies";
import { organisations } from "../../src/server/modules/tenancy/tenancy.schema";
import { todayIn } from "../../src/server/modules/vacancies";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { DEMO_PASSWORD } from "../../src/server/seed/demo";
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
  signInWithForm,
  skipBrowserTests,
} from "./support";

const OFFICER = "selectie@demo.werkbrug.test";
const CANDIDATE = "kandidaat@demo.werkbrug.test";
const TITLE = "Dossierbehandelaar subsidies";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

describe.skipIf(skipBrowserTests)("application forms in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  let vacancyId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
    // A published vacancy of the agency in its selection procedure, made over the API.
    const { db } = server.database;
    const [agency] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Agentschap Publieke Dienstverlening"));
    const officer = new Client(server);
    await signIn(officer, OFFICER);
    const today = todayIn();
    const created = await officer.call("/api/v1/vacancies", {
      body: {
        organisationId: agency!.id,
        displayTitle: TITLE,
        functionTitle: TITLE,
        description: "Je behandelt subsidieaanvragen zorgvuldig en op tijd.",
        occupationId: "4225.1",
        educationLevel: "mbo-4",
        kind: "vacancy",
        hoursMin: 32,
        hoursMax: 38,
        positions: 1,
        workAddress: null,
        serviceModel: "together",
        contactVia: "employer",
        contactUserId: "demo-hr",
        publication: { publicFrom: today, closesOn: todayIn(new Date(Date.now() + 30 * 86_400_000)) },
      },
    });
    expect(created.status, created.text).toBe(201);
    vacancyId = created.json<{ vacancy: Vacancy }>().vacancy.id;
    const published = await officer.call(`/api/v1/vacancies/${vacancyId}/transitions`, {
      body: { action: "publish", comment: null },
    });
    expect(published.status, published.text).toBe(200);
    const procedures = await officer.call(`/api/v1/procedures?organisationId=${agency!.id}`);
    const selection = procedures
      .json<{ procedures: Procedure[] }>()
      .procedures.find((p) => p.kind === "selection")!;
    const chosen = await officer.call(`/api/v1/vacancies/${vacancyId}/procedure`, {
      method: "PUT",
      body: { procedureId: selection.id },
    });
    expect(chosen.status, chosen.text).toBe(200);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const main = (page: Page) => page.getByRole("main");

  it("lets the selection officer build the form from the template and save it", async () => {
    const page = await openPage(browser, "10.81.0.1", pageErrors);
    await signInAsDemoStaff(page, server.url, OFFICER);
    await page.goto(`${server.url}/vacaturebeheer/${vacancyId}`);
    await heading(page);
    await main(page).getByRole("button", { name: "Meer opties" }).click();
    await page.getByRole("menuitem", { name: "Sollicitatieformulier" }).click();
    expect(await heading(page)).toBe("Sollicitatieformulier");
    await main(page)
      .getByText(/nog geen sollicitatieformulier/)
      .waitFor();
    await expect
      .poll(() => main(page).getByRole("combobox", { name: "Sjabloon" }).inputValue())
      .toBe("Standaard sollicitatieformulier");
    await expectAccessible(page, "the form builder before the vacancy has a form");
    await main(page).getByRole("button", { name: "Formulier maken" }).click();
    await main(page).getByRole("status").filter({ hasText: "opgeslagen als versie 1" }).waitFor();

    // Adapt it: the motivation question gets a sharper wording.
    const motivation = main(page).getByRole("group", { name: /^Vraag 4: Motivatie/ });
    await motivation.getByLabel(fieldLabel("Vraag \\(Nederlands\\)")).fill("Waarom deze functie?");
    await main(page).getByRole("button", { name: "Formulier opslaan" }).click();
    await main(page).getByRole("status").filter({ hasText: "opgeslagen als versie 1" }).waitFor();
    await main(page)
      .getByRole("group", { name: /^Vraag 4: Waarom deze functie\?/ })
      .waitFor();
    await expectAccessible(page, "the form builder with the form made from the template");
    await screenshot(page, "application-form-builder");

    // Kept as the organisation's own template for its next vacancies.
    await main(page).getByRole("button", { name: "Opslaan als sjabloon" }).click();
    const dialog = page.getByRole("dialog", { name: "Opslaan als sjabloon" });
    await dialog.getByLabel(fieldLabel("Naam van het sjabloon")).fill("Selectie dossierbehandelaars");
    await expectAccessible(page, "saving the form as a template");
    await dialog.getByRole("button", { name: "Sjabloon opslaan" }).click();
    await main(page)
      .getByRole("status")
      .filter({ hasText: "Selectie dossierbehandelaars is opgeslagen" })
      .waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("lets an applicant apply in steps with a draft, and follow the application in Mijn sollicitaties", async () => {
    const page = await openPage(browser, "10.81.0.2", pageErrors);
    await signInWithForm(page, server.url, { email: CANDIDATE, password: DEMO_PASSWORD });
    await page.getByRole("button", { name: /Accountmenu van/ }).waitFor({ state: "visible" });
    await page.goto(`${server.url}/kansen/${vacancyId}`);
    await main(page).getByRole("button", { name: "Reageren" }).click();

    // Eligibility: the knock-out answer stops, the right one goes on.
    await main(page).getByRole("heading", { name: "Toelatingsvragen" }).waitFor();
    await main(page).getByRole("radio", { name: "Nee" }).check();
    await main(page).getByRole("button", { name: "Volgende" }).click();
    await main(page).getByRole("alert").filter({ hasText: "Zonder het vereiste diploma" }).waitFor();
    await main(page).getByRole("radio", { name: "Ja" }).check();
    await expectAccessible(page, "the eligibility step");
    await main(page).getByRole("button", { name: "Volgende" }).click();

    // The form, saved as a draft halfway.
    await main(page).getByRole("heading", { name: "Formulier" }).waitFor();
    await main(page).getByLabel(fieldLabel("Rijksregisternummer")).fill("85.07.30-033.28");
    await main(page)
      .getByRole("textbox", { name: fieldLabel("Waarom deze functie\\?") })
      .fill("Ik werk graag nauwkeurig en ken de regelgeving.");
    await main(page).getByRole("button", { name: "Concept opslaan" }).click();
    await main(page).getByRole("status").filter({ hasText: "Je concept is opgeslagen." }).waitFor();
    // The profile's diploma level and languages are already there (one account, one profile).
    const diploma = main(page).getByRole("combobox", { name: fieldLabel("Hoogst behaalde diploma") });
    await expect.poll(() => diploma.inputValue()).toBe("Mbo 4");
    await expect
      .poll(() => main(page).getByRole("combobox", { name: "Taal 1" }).inputValue())
      .toBe("Nederlands");
    await expectAccessible(page, "the form step with a saved draft");
    await main(page).getByRole("button", { name: "Volgende" }).click();

    // CV and documents.
    await main(page).getByRole("heading", { name: "Cv en documenten" }).waitFor();
    await main(page)
      .locator('input[type="file"]')
      .setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: PDF });
    await main(page).getByText("Toegevoegd: cv.pdf").waitFor();
    await main(page).getByRole("button", { name: "Volgende" }).click();

    // Review and submit.
    await main(page).getByRole("heading", { name: "Controleren" }).waitFor();
    await main(page).getByRole("cell", { name: "85.07.30-033.28" }).waitFor();
    await expectAccessible(page, "the review step");
    await screenshot(page, "application-form-review");
    await main(page).getByRole("button", { name: "Sollicitatie versturen" }).click();
    await main(page)
      .getByRole("status")
      .filter({ hasText: "Je reactie is verstuurd" })
      .waitFor()
      .catch(async (error: unknown) => {
        await screenshot(page, "application-form-submit-failed");
        throw error;
      });

    await page.goto(`${server.url}/sollicitaties`);
    const row = main(page).getByRole("row").filter({ hasText: TITLE });
    await row.getByText("Verstuurd").waitFor();
    await row.getByRole("button", { name: `Verloop van ${TITLE}` }).click();
    const timeline = main(page).getByRole("list", { name: `Verloop van je sollicitatie op ${TITLE}` });
    await timeline.getByText("Ingediend").waitFor();
    await expectAccessible(page, "Mijn sollicitaties with an application's progress");
    expect(pageErrors).toEqual([]);
  });
});
