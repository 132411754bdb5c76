import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { vacancies } from "../../src/server/platform/schema";
import { readPdf } from "../support/pdf";
import {
  browserJourney,
  expectAccessible,
  fieldLabel,
  heading,
  openPage,
  pickOption,
  screenshot,
  signInAsDemoStaff,
  skipBrowserTests,
} from "./support";

/** A valid national register number (born 12 May 1990). */
function registerNumber(): string {
  const base = Number("900512001");
  return `900512001${String(97 - (base % 97)).padStart(2, "0")}`;
}

const inDays = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, "0")}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${d.getUTCFullYear()}`;
};

describe.skipIf(skipBrowserTests)("hiring and onboarding in the browser", () => {
  const journey = browserJourney();

  it("the officer enters the register number, hires Elif with a start date and a mentor, and downloads the starter form", async () => {
    const { browser, server, pageErrors } = journey;
    const national = server.portalUrl("landelijk");
    const [policy] = await server.database.db
      .select()
      .from(vacancies)
      .where(eq(vacancies.displayTitle, "Beleidsmedewerker arbeidsmarkt"));
    const page = await openPage(browser, "10.83.0.1", pageErrors);
    await signInAsDemoStaff(page, national, "selectie@demo.werkbrug.test");
    await page.goto(`${national}/vacaturebeheer/${policy!.id}`);
    await heading(page);
    const hiring = page.getByRole("region", { name: "Aanwerving en inwerken" });
    await hiring.getByRole("switch", { name: /Inwerkproces voor deze vacature/ }).waitFor();
    expect(await hiring.getByRole("switch", { name: /Inwerkproces/ }).isChecked()).toBe(true);

    // Elif has no register number yet: the form says where to enter it.
    await pickOption(page, "Sollicitant", "Elif", /Elif Yilmaz/);
    await hiring
      .getByText("Van deze sollicitant is geen rijksregisternummer bekend.", { exact: false })
      .waitFor();
    await expectAccessible(page, "hiring without a register number");
    await hiring.getByRole("link", { name: "Naar het profiel van Elif Yilmaz" }).click();
    await page.getByRole("heading", { name: "Aanpassingsvelden" }).waitFor();
    await page.getByRole("textbox", { name: fieldLabel("Rijksregisternummer") }).fill(registerNumber());
    await page.getByRole("button", { name: "Rijksregisternummer opslaan" }).click();
    await page.getByText("Oorspronkelijk:", { exact: false }).first().waitFor();
    await page.getByRole("list", { name: "Geschiedenis van Rijksregisternummer" }).waitFor();

    // Back on the vacancy: hire her with a start date and Julia as mentor.
    await page.goto(`${national}/vacaturebeheer/${policy!.id}`);
    await pickOption(page, "Sollicitant", "Elif", /Elif Yilmaz/);
    const start = page.getByRole("textbox", { name: fieldLabel("Startdatum") }).first();
    await start.fill(inDays(21));
    await start.press("Tab");
    await pickOption(page, "Meter of peter", "Julia", /Julia Bakker/);
    await hiring.getByRole("button", { name: "Aannemen", exact: true }).click();
    await hiring.getByRole("status").filter({ hasText: "Elif Yilmaz is aangenomen." }).waitFor();
    const card = hiring.getByRole("article", { name: "Elif Yilmaz" });
    await card.getByText("Julia Bakker", { exact: false }).first().waitFor();
    await card.getByText("Extern profiel").waitFor();
    await expectAccessible(page, "a hire with its onboarding");
    await screenshot(page, "onboarding-hired");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      card.getByRole("link", { name: "Indiensttredingsfiche van Elif Yilmaz" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("indiensttredingsfiche-elif-yilmaz.pdf");
    const pdf = readPdf(await readFile((await download.path())!));
    const text = pdf.text.replace(/\s+/g, " ");
    for (const expected of [
      "Indiensttredingsfiche",
      "90.05.12-001.",
      "Elif Yilmaz",
      "12 mei 1990",
      "Lars de Leeuw",
      "Julia Bakker",
    ])
      expect(text).toContain(expected);
    expect(pageErrors).toEqual([]);
  });

  it("the mentor sees her onboarding action and marks it done", async () => {
    const { browser, server, pageErrors } = journey;
    const national = server.portalUrl("landelijk");
    const page = await openPage(browser, "10.83.0.2", pageErrors);
    // Julia reads English.
    await signInAsDemoStaff(page, national, "jury@demo.werkbrug.test");
    // Her home says an action waits, and leads to it.
    await page.goto(`${national}/`);
    const card = page.getByRole("region", { name: "Onboarding" });
    await card.getByText("You have 1 open action for a new colleague.").waitFor();
    await card.getByRole("link", { name: "To your actions" }).click();
    expect(await heading(page)).toBe("Onboarding");
    const open = page.getByRole("region", { name: "Open actions" });
    await open.getByText("Plan an introductory meeting – Elif Yilmaz").waitFor();
    await expectAccessible(page, "the mentor's open onboarding action");
    await open.getByRole("button", { name: "Mark as done: introductory meeting with Elif Yilmaz" }).click();
    const done = page.getByRole("region", { name: "Completed actions" });
    await done.getByText("Plan an introductory meeting – Elif Yilmaz").waitFor();
    await done.getByText(/Done on/).waitFor();
    await open.getByText("You have no open actions.").waitFor();
    await expectAccessible(page, "the mentor's completed onboarding action");
    await screenshot(page, "onboarding-mentor");
    expect(pageErrors).toEqual([]);
  });
});
