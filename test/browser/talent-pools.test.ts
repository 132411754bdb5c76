import { and, eq, isNull, notExists } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Vacancy } from "../../src/contracts/vacancies";
import { candidates } from "../../src/server/modules/candidates/candidates.schema";
import { matches, procedurePhases } from "../../src/server/modules/matches/matches.schema";
import { talentPoolMembers } from "../../src/server/modules/talent-pools/talent-pools.schema";
import { organisations, portals } from "../../src/server/modules/tenancy/tenancy.schema";
import { todayIn } from "../../src/server/modules/vacancies";
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

describe.skipIf(skipBrowserTests)("talent pools in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  let vacancyId: string;
  let candidateId: string;
  let name: string;
  const title = "Heftruckchauffeur talentpool";
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
    const { db } = server.database;
    const [haaglanden] = await db.select().from(portals).where(eq(portals.slug, "haaglanden"));
    const [person] = await db
      .select()
      .from(candidates)
      .where(
        and(
          eq(candidates.portalId, haaglanden!.id),
          eq(candidates.visible, true),
          isNull(candidates.userId),
          notExists(
            db.select().from(talentPoolMembers).where(eq(talentPoolMembers.candidateId, candidates.id)),
          ),
        ),
      )
      .limit(1);
    candidateId = person!.id;
    name = `${person!.firstName} ${person!.lastName}`;
    // Westland's contact has a vacancy of their own to match to.
    const employer = new Client(server, `haaglanden.localhost:${server.port}`);
    await signIn(employer, "werkgever@demo.werkbrug.test");
    const [org] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Westland Logistiek B.V."));
    const created = await employer.call("/api/v1/vacancies", {
      body: {
        organisationId: org!.id,
        displayTitle: title,
        functionTitle: "Heftruckchauffeur",
        description: "Je rijdt pallets door ons distributiecentrum.",
        occupationId: "9333.8",
        educationLevel: "vmbo-bb",
        kind: "vacancy",
        hoursMin: 24,
        hoursMax: 32,
        positions: 1,
        workAddress: {
          street: "Middel Broekweg",
          houseNumber: "5",
          postcode: "2675 KB",
          placeId: "nl-1783-naaldwijk",
        },
        serviceModel: "together",
        contactVia: "employer",
        publication: { portalFrom: todayIn(), closesOn: todayIn(new Date(Date.now() + 30 * 86_400_000)) },
      },
    });
    expect(created.status, created.text).toBe(201);
    vacancyId = created.json<{ vacancy: Vacancy }>().vacancy.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the account manager adds a candidate to Westland's pool; its contact matches them to their vacancy", async () => {
    const haaglanden = server.portalUrl("haaglanden");

    // The account manager, from the explorer's profile panel.
    const manager = await openPage(browser, "10.80.0.1", pageErrors);
    await signInAsDemoStaff(manager, haaglanden, "accountmanager@demo.werkbrug.test");
    await manager.goto(`${haaglanden}/kandidaten?candidate=${candidateId}`);
    await heading(manager);
    const add = manager.getByRole("button", { name: "Aan talentpool toevoegen" });
    await add.waitFor({ state: "visible" });
    await add.click();
    const dialog = manager.getByRole("dialog", { name: /aan talentpool toevoegen/ });
    await dialog.waitFor({ state: "visible" });
    await dialog.getByRole("combobox", { name: "Talentpool" }).click();
    await manager.getByRole("option", { name: "Westland Logistiek B.V." }).click();
    await dialog.getByRole("textbox", { name: /Notitie voor je team/ }).fill("Ervaren op de heftruck");
    await dialog.getByRole("button", { name: "Toevoegen", exact: true }).click();
    await dialog.getByText(/staat nu in Westland Logistiek B\.V\./).waitFor({ state: "visible" });
    await expectAccessible(manager, "the add-to-talent-pool dialog");
    await manager.keyboard.press("Escape");

    await manager.goto(`${haaglanden}/talentpools`);
    await heading(manager);
    await manager.getByRole("link", { name: "Westland Logistiek B.V." }).click();
    await manager.getByRole("link", { name }).waitFor({ state: "visible" });
    await expect
      .poll(() =>
        manager
          .getByRole("row", { name: new RegExp(name) })
          .getByText("Fatima El Amrani")
          .count(),
      )
      .toBe(1);
    await expectAccessible(manager, "a talent pool for the team");
    await screenshot(manager, "talent-pool-team");

    // The contact person: Talentpools, the pool, "Matchen met mijn vacatures".
    const contact = await openPage(browser, "10.80.0.2", pageErrors);
    await signInAsDemoStaff(contact, haaglanden, "werkgever@demo.werkbrug.test");
    await contact.goto(`${haaglanden}/talentpools`);
    await heading(contact);
    await contact
      .getByRole("link", { name: /Algemene talentpool Gemeente Den Haag/ })
      .waitFor({ state: "visible" });
    await expectAccessible(contact, "the talent pools open to a contact person");
    await contact.getByRole("link", { name: "Westland Logistiek B.V." }).click();
    const match = contact.getByRole("button", { name: `${name} matchen met mijn vacatures` });
    await match.waitFor({ state: "visible" });
    await expect.poll(() => contact.getByText("Ervaren op de heftruck").count()).toBe(0);
    await match.click();
    const matchDialog = contact.getByRole("dialog", { name: `${name} matchen met mijn vacatures` });
    await matchDialog.waitFor({ state: "visible" });
    await matchDialog.getByRole("combobox", { name: "Vacature" }).click();
    await contact.getByRole("option", { name: title }).click();
    await matchDialog.getByRole("button", { name: "Matchen", exact: true }).click();
    await matchDialog.getByText(`${name} staat nu op uw vacature ${title}.`).waitFor({ state: "visible" });
    await expectAccessible(contact, "matching a pool candidate to the contact's vacancy");
    await screenshot(contact, "talent-pool-contact-matched");

    const [row] = await server.database.db
      .select({ phase: procedurePhases.key })
      .from(matches)
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(and(eq(matches.vacancyId, vacancyId), eq(matches.candidateId, candidateId)));
    expect(row?.phase).toBe("approved");
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
