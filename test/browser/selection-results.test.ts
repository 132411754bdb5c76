import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { vacancies } from "../../src/server/platform/schema";
import {
  browserJourney,
  expectAccessible,
  heading,
  openPage,
  screenshot,
  signInAsDemoStaff,
  skipBrowserTests,
} from "./support";

const VACANCY = "Beleidsmedewerker arbeidsmarkt";

describe.skipIf(skipBrowserTests)("jury scores and the selection report in the browser", () => {
  const journey = browserJourney();

  it("the jury scores, the officer decides, downloads the PV and asks approval, the leader approves", async () => {
    const { browser, server, pageErrors } = journey;
    const national = server.portalUrl("landelijk");
    const [policy] = await server.database.db
      .select()
      .from(vacancies)
      .where(eq(vacancies.displayTitle, VACANCY));

    // Julia (jury@, English) scores Elif's jury interview from her selections.
    const jury = await openPage(browser, "10.83.0.1", pageErrors);
    await signInAsDemoStaff(jury, national, "jury@demo.werkbrug.test");
    await jury.goto(`${national}/selecties`);
    await jury.getByRole("link", { name: `Give scores: ${VACANCY}` }).click();
    expect(await heading(jury)).toBe("Assessment and report");
    const form = jury.getByRole("form", { name: "Score for Elif Yilmaz, Jurygesprek" });
    await form.getByLabel("Score (max. 30)").fill("24");
    await form.getByRole("radio", { name: "Suitable", exact: true }).check();
    await form.getByLabel("Motivation").fill("Sterk gesprek, goede voorbeelden.");
    await form.getByRole("button", { name: "Save: Elif Yilmaz, Jurygesprek" }).click();
    await form.getByText("Saved: Elif Yilmaz, Jurygesprek.").waitFor({ state: "visible" });
    // Her earlier written-test score is there; the other jury member's is not shown to her.
    const written = jury.getByRole("form", { name: "Score for Elif Yilmaz, Schriftelijke proef" });
    expect(await written.getByLabel("Score (max. 20)").inputValue()).toBe("16");
    await expectAccessible(jury, "the jury member's scoring page");
    await screenshot(jury, "selection-results-jury");

    // Sander (selectie@) sees the scores side by side, decides and asks Lars to approve the PV.
    const officer = await openPage(browser, "10.83.0.2", pageErrors);
    await signInAsDemoStaff(officer, national, "selectie@demo.werkbrug.test");
    await officer.goto(`${national}/vacaturebeheer/${policy!.id}`);
    await heading(officer);
    await officer.getByRole("link", { name: "Beoordeling en PV openen" }).click();
    expect(await heading(officer)).toBe("Beoordeling en PV");
    const interview = officer.getByRole("region", { name: "Scores: Jurygesprek" });
    const elif = interview.getByRole("row", { name: /Elif Yilmaz/ });
    await elif.getByRole("cell", { name: "24 · Geschikt" }).waitFor({ state: "visible" });
    const written2 = officer.getByRole("region", { name: "Scores: Schriftelijke proef" });
    await written2
      .getByRole("row", { name: /Elif Yilmaz/ })
      .getByRole("cell", { name: "15,5" })
      .waitFor();
    await officer.getByRole("button", { name: "Geslaagd: Elif Yilmaz", exact: true }).click();
    const ranking = officer.getByRole("region", { name: "Rangschikking en beslissing" });
    await ranking
      .getByRole("row", { name: /Elif Yilmaz/ })
      .getByText("Geslaagd", { exact: true })
      .waitFor({ state: "visible" });
    await officer.getByRole("button", { name: "Werfreserve: Thomas Peeters", exact: true }).click();
    await ranking
      .getByRole("row", { name: /Thomas Peeters/ })
      .getByText("Werfreserve", { exact: true })
      .waitFor();
    await expectAccessible(officer, "the officer's scores side by side");

    // The PV downloads as a PDF and a spreadsheet (fetched in the page, with its session).
    const download = async (name: string) => {
      const href = await officer.getByRole("link", { name }).getAttribute("href");
      return officer.evaluate(async (url) => {
        const res = await fetch(url ?? "");
        const bytes = new Uint8Array(await res.arrayBuffer());
        return {
          status: res.status,
          type: res.headers.get("content-type") ?? "",
          disposition: res.headers.get("content-disposition") ?? "",
          start: String.fromCharCode(...bytes.slice(0, 5)),
        };
      }, href);
    };
    expect(await download("PV-rapport downloaden (PDF)")).toMatchObject({
      status: 200,
      type: expect.stringMatching(/application\/pdf/),
      start: "%PDF-",
    });
    expect((await download("PV-rapport downloaden (Excel)")).disposition).toMatch(
      /pv-rapport-beleidsmedewerker-arbeidsmarkt\.xlsx/,
    );

    await officer.getByRole("combobox", { name: /Aan wie/ }).click();
    await officer.getByRole("option", { name: "Lars de Leeuw (leidinggevende)" }).click();
    await officer.getByLabel("Bericht (optioneel)").fill("Graag je akkoord voor de laureaten.");
    await officer.getByRole("button", { name: "Goedkeuring vragen" }).click();
    await officer
      .getByText(/PV ter goedkeuring bij Lars de Leeuw/)
      .first()
      .waitFor({ state: "visible" });
    expect(await officer.getByRole("button", { name: "Geslaagd: Thomas Peeters", exact: true }).count()).toBe(
      0,
    );
    await expectAccessible(officer, "the selection waiting for approval");
    await screenshot(officer, "selection-results-officer");

    // Lars (leiding@) opens the request on "Vacatures goedkeuren" and approves it.
    const leader = await openPage(browser, "10.83.0.3", pageErrors);
    await signInAsDemoStaff(leader, national, "leiding@demo.werkbrug.test");
    await leader.goto(`${national}/vacatures-goedkeuren`);
    expect(await heading(leader)).toBe("Vacatures goedkeuren");
    await expectAccessible(leader, "the approver's list");
    await leader.getByRole("link", { name: VACANCY }).click();
    expect(await heading(leader)).toBe("PV goedkeuren");
    await leader.getByText("Graag je akkoord voor de laureaten.").waitFor({ state: "visible" });
    await leader
      .getByRole("row", { name: /Elif Yilmaz/ })
      .getByText("Geslaagd", { exact: true })
      .waitFor({ state: "visible" });
    await expectAccessible(leader, "one approval request with its PV");
    await leader.getByLabel("Opmerkingen").fill("Akkoord.");
    await leader.getByRole("button", { name: "Goedkeuren", exact: true }).click();
    await leader.getByText(/U hebt dit PV-rapport goedgekeurd/).waitFor({ state: "visible" });
    await screenshot(leader, "selection-results-approved");

    // The vacancy's page shows where it stands.
    await officer.goto(`${national}/vacaturebeheer/${policy!.id}`);
    await heading(officer);
    await officer.getByText(/PV goedgekeurd door Lars de Leeuw/).waitFor({ state: "visible" });
    expect(pageErrors).toEqual([]);
  });
});
