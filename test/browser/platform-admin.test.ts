import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { mailOutbox } from "../../src/server/platform/mail.schema";
import { organisations, portals } from "../../src/server/platform/schema";
import { createOrganisationAndInviteAdmin, createPortalInBrowser } from "./platform-admin-steps";
import {
  browserJourney,
  expectAccessible,
  fieldLabel,
  heading,
  openPage,
  screenshot,
  signInAsDemoStaff,
  skipBrowserTests,
} from "./support";

describe.skipIf(skipBrowserTests)("platform administration in the browser", () => {
  const journey = browserJourney();

  it("the platform admin creates a portal and a municipality and invites its administrator", async () => {
    const { server } = journey;
    const base = `http://localhost:${server.port}`;
    const page = await openPage(journey.browser, "10.82.0.1", journey.pageErrors);
    await signInAsDemoStaff(page, base, "admin@demo.werkbrug.test");

    await page.goto(`${base}/portalen`);
    expect(await heading(page)).toBe("Portalen");
    await page
      .getByRole("main")
      .getByRole("rowheader", { name: /Werkbrug Haaglanden/ })
      .waitFor();
    await expectAccessible(page, "the portals");

    // A taken subdomain is refused with a clear message, and nothing is made.
    await page.goto(`${base}/portalen/nieuw`);
    const main = page.getByRole("main");
    await main.getByRole("textbox", { name: fieldLabel("Subdomein") }).fill("haaglanden");
    await main.getByRole("textbox", { name: fieldLabel("Naam \\(Nederlands\\)") }).fill("Dubbel");
    await main.getByRole("textbox", { name: fieldLabel("Naam \\(Engels\\)") }).fill("Double");
    await main.getByRole("button", { name: "Portaal aanmaken" }).click();
    await main.getByText("Er is al een portaal met dit subdomein. Kies een ander.").waitFor();
    await expectAccessible(page, "a new portal with a taken subdomain");

    const { url } = await createPortalInBrowser(page, base, {
      slug: "utrecht",
      nameNl: "Werkbrug Utrecht",
      nameEn: "Werkbrug Utrecht",
      colour: "#8a1538",
    });
    expect(url).toBe(`http://utrecht.localhost:${server.port}/`);
    await expectAccessible(page, "the new portal's page");
    await screenshot(page, "platform-admin-portal");

    await createOrganisationAndInviteAdmin(page, base, {
      name: "Gemeente Utrecht",
      kind: "Gemeente",
      portal: "Werkbrug Utrecht",
      kvkNumber: "30280353",
      adminEmail: "beheer@utrecht.example",
    });
    await expectAccessible(page, "the organisations after the invitation");

    // A department under it, by keyboard through the actions menu.
    const actions = main.getByRole("button", { name: "Acties voor Gemeente Utrecht" });
    await actions.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: "Afdeling of vestiging toevoegen" }).click();
    const dept = page.getByRole("dialog", { name: "Afdeling of vestiging van Gemeente Utrecht" });
    await dept.getByRole("textbox", { name: fieldLabel("Naam") }).fill("Werk en Inkomen");
    await expectAccessible(page, "the department dialog");
    await dept.getByRole("button", { name: "Aanmaken" }).click();
    await main.getByRole("status").filter({ hasText: "Werk en Inkomen is aangemaakt." }).waitFor();
    await screenshot(page, "platform-admin-organisations");

    const db = server.database.db;
    const [portal] = await db.select().from(portals).where(eq(portals.slug, "utrecht"));
    const [town] = await db.select().from(organisations).where(eq(organisations.name, "Gemeente Utrecht"));
    expect(town).toMatchObject({ kind: "municipality", homePortalId: portal!.id, kvkNumber: "30280353" });
    const [department] = await db
      .select()
      .from(organisations)
      .where(eq(organisations.name, "Werk en Inkomen"));
    expect(department?.parentId).toBe(town!.id);
    await server.app.events.drain();
    const [mail] = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "beheer@utrecht.example"))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    expect(mail?.text).toContain(`http://utrecht.localhost:${server.port}/uitnodiging?token=`);
    expect(journey.pageErrors).toEqual([]);
  }, 240_000);
});
