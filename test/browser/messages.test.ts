import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contactPersons } from "../../src/server/modules/employers/employers.schema";
import {
  messageAttachments,
  messageReads,
  messages,
  messageThreads,
} from "../../src/server/modules/messages/messages.schema";
import { ensureWebBuild } from "../../src/server/platform/web-build";
import { startTestServer, type TestServer } from "../support/server";
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

const NEW_TEXT = "Goedemorgen Wim, in de bijlage het rooster voor de feestdagen. Wilt u het nakijken?";
const CRM_TEXT = "Wim, kunt u morgen even bellen over de planning?";
const TEXT = "Kunnen jullie volgende week twee extra orderpickers voor de nachtdienst voorstellen?";

describe.skipIf(skipBrowserTests)("messages between a contact and the account manager in the browser", () => {
  let browser: Browser;
  let server: TestServer;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    await ensureWebBuild();
    server = await startTestServer();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("the contact sends a message; the account manager sees it as new in the inbox and opens it, which makes it read", async () => {
    const haaglanden = server.portalUrl("haaglanden");
    const contact = await openPage(browser, "10.81.0.1", pageErrors);
    await signInAsDemoStaff(contact, haaglanden, "werkgever@demo.werkbrug.test");
    await contact.goto(`${haaglanden}/berichten`);
    await heading(contact);
    const main = contact.getByRole("main");
    await main.getByRole("heading", { name: "Berichten", level: 2 }).waitFor({ state: "visible" });
    // The demo conversation is there, read.
    await main
      .getByRole("navigation", { name: "Gesprekken" })
      .getByRole("button", { name: /Algemeen/ })
      .waitFor();
    await expectAccessible(contact, "the contact's messages");

    await main.getByRole("button", { name: "Nieuw bericht" }).click();
    await main.getByRole("textbox", { name: /Uw bericht/ }).fill(TEXT);
    await main.getByRole("button", { name: "Versturen", exact: true }).press("Enter");
    await expect.poll(() => main.getByText(TEXT).count()).toBeGreaterThan(0);
    await screenshot(contact, "messages-contact");

    const [sent] = await server.database.db.select().from(messages).where(eq(messages.body, TEXT));
    expect(sent).toMatchObject({ authorSide: "contact", authorUserId: "demo-werkgever" });

    const manager = await openPage(browser, "10.81.0.2", pageErrors);
    await signInAsDemoStaff(manager, haaglanden, "accountmanager@demo.werkbrug.test");
    await manager.goto(`${haaglanden}/berichten`);
    await heading(manager);
    const inbox = manager.getByRole("region", { name: "RPO-berichten" });
    await inbox.waitFor({ state: "visible" });
    const row = inbox.getByRole("row").filter({ hasText: "Nachtdienst".toLowerCase() }).first();
    await row.waitFor({ state: "visible" });
    await expect.poll(() => row.getByText("Nieuw", { exact: true }).count()).toBe(1);
    expect(await server.database.db.$count(messageReads, eq(messageReads.messageId, sent!.id))).toBe(0);
    await expectAccessible(manager, "the team's inbox");
    await screenshot(manager, "messages-inbox");

    await row.getByRole("button", { name: /Bericht openen \(van Wim van Westen/ }).focus();
    await manager.keyboard.press("Enter");
    const dialog = manager.getByRole("dialog");
    await dialog.getByText(TEXT).waitFor({ state: "visible" });
    await expectAccessible(manager, "a message opened in full with the reply form");
    await manager.keyboard.press("Escape");
    await expect.poll(() => row.getByText("Gelezen", { exact: true }).count()).toBe(1);
    const reads = await server.database.db
      .select()
      .from(messageReads)
      .where(eq(messageReads.messageId, sent!.id));
    expect(reads.map((r) => r.userId)).toEqual(["demo-accountmanager"]);
    expect(pageErrors).toEqual([]);
  });

  it("the account manager starts a new message to a contact from the inbox, by keyboard, with an attachment", async () => {
    const haaglanden = server.portalUrl("haaglanden");
    const manager = await openPage(browser, "10.81.0.3", pageErrors);
    await signInAsDemoStaff(manager, haaglanden, "accountmanager@demo.werkbrug.test");
    await manager.goto(`${haaglanden}/berichten`);
    await heading(manager);
    const inbox = manager.getByRole("region", { name: "RPO-berichten" });
    await inbox.getByRole("button", { name: "Nieuw bericht" }).focus();
    await manager.keyboard.press("Enter");
    const dialog = manager.getByRole("dialog", { name: "Nieuw bericht" });
    await dialog.waitFor({ state: "visible" });

    const employer = dialog.getByRole("combobox", { name: fieldLabel("Werkgever") });
    await employer.fill("Westland");
    // The employers come from the server: the keys choose once the option is there.
    await manager.getByRole("option", { name: "Westland Logistiek B.V." }).waitFor({ state: "visible" });
    await manager.keyboard.press("ArrowDown");
    await manager.keyboard.press("Enter");
    await expect.poll(() => employer.inputValue()).toBe("Westland Logistiek B.V.");
    // Wim is the only contact of Westland with access to the portal: chosen already.
    const contact = dialog.getByRole("combobox", { name: fieldLabel("Contactpersoon") });
    await expect.poll(() => contact.inputValue()).toBe("Wim van Westen (werkgever@demo.werkbrug.test)");
    await dialog.getByRole("textbox", { name: fieldLabel("Bericht") }).fill(NEW_TEXT);
    await dialog.locator("input[type=file]").setInputFiles({
      name: "rooster-feestdagen.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
    });
    await expectAccessible(manager, "the team's new message dialog");
    await dialog.getByRole("button", { name: "Versturen", exact: true }).press("Enter");

    // The conversation opens with the new message in it.
    const thread = manager.getByRole("dialog", { name: "Gesprek" });
    await thread.getByText(NEW_TEXT).waitFor({ state: "visible" });
    await expectAccessible(manager, "the conversation after sending");
    await screenshot(manager, "messages-team-new");

    const [sent] = await server.database.db.select().from(messages).where(eq(messages.body, NEW_TEXT));
    expect(sent).toMatchObject({ authorSide: "team", authorUserId: "demo-accountmanager" });
    const [target] = await server.database.db
      .select({ userId: contactPersons.userId })
      .from(messageThreads)
      .innerJoin(contactPersons, eq(contactPersons.id, messageThreads.contactPersonId))
      .where(eq(messageThreads.id, sent!.threadId));
    expect(target).toEqual({ userId: "demo-werkgever" });
    const files = await server.database.db
      .select()
      .from(messageAttachments)
      .where(eq(messageAttachments.messageId, sent!.id));
    expect(files.map((f) => f.fileName)).toEqual(["rooster-feestdagen.pdf"]);

    await manager.keyboard.press("Escape");
    await inbox.getByRole("row").filter({ hasText: "rooster voor de feestdagen" }).first().waitFor();

    // The same dialog from the employer's contact list, with employer and contact chosen.
    const [westland] = await server.database.db
      .select({ id: contactPersons.organisationId })
      .from(contactPersons)
      .where(eq(contactPersons.userId, "demo-werkgever"));
    await manager.goto(`${haaglanden}/werkgevers/${westland!.id}`);
    await heading(manager);
    await manager.getByRole("main").getByRole("button", { name: "Wim van Westen" }).click();
    await manager.getByRole("button", { name: "Bericht sturen aan Wim van Westen" }).click();
    const fromCrm = manager.getByRole("dialog", { name: "Nieuw bericht" });
    await expect
      .poll(() => fromCrm.getByRole("combobox", { name: fieldLabel("Werkgever") }).inputValue())
      .toBe("Westland Logistiek B.V.");
    await expect
      .poll(() => fromCrm.getByRole("combobox", { name: fieldLabel("Contactpersoon") }).inputValue())
      .toBe("Wim van Westen (werkgever@demo.werkbrug.test)");
    await fromCrm.getByRole("textbox", { name: fieldLabel("Bericht") }).fill(CRM_TEXT);
    await fromCrm.getByRole("button", { name: "Versturen", exact: true }).click();
    await manager.getByText("Uw bericht is verstuurd.").waitFor({ state: "visible" });
    const [fromPanel] = await server.database.db.select().from(messages).where(eq(messages.body, CRM_TEXT));
    expect(fromPanel).toMatchObject({ authorSide: "team", threadId: sent!.threadId });
    expect(pageErrors).toEqual([]);
  });
});
