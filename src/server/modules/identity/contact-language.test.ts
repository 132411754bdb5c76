import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPdf } from "../../../../test/support/pdf";
import { startTestServer, type TestServer } from "../../../../test/support/server";
import { Client, signIn } from "../../../../test/support/session";
import type { ErrorResponse } from "../../../contracts/common";
import type { MeResponse, ProfileSettings } from "../../../contracts/identity";
import type { VacancyListItem } from "../../../contracts/vacancies";
import { mailOutbox } from "../../platform/mail.schema";
import { contactPersons } from "../employers/employers.schema";
import { users } from "../tenancy/tenancy.schema";

const CONTACT = "werkgever@demo.werkbrug.test";
const CONTACT_ID = "demo-werkgever";

/** The text drawn on a PDF (through its fonts' ToUnicode maps). */
const pdfText = (pdf: Buffer) => readPdf(pdf).text;

describe("language per contact person", () => {
  let server: TestServer;
  let contact: Client;

  beforeAll(async () => {
    server = await startTestServer({ web: false });
    contact = new Client(server);
    await signIn(contact, CONTACT);
  });
  afterAll(async () => {
    await server?.close();
  });

  const accountLocale = async (id: string) =>
    (await server.database.db.select({ locale: users.locale }).from(users).where(eq(users.id, id)))[0]
      ?.locale;
  const recordLanguage = async (userId: string) =>
    (
      await server.database.db
        .select({ language: contactPersons.language })
        .from(contactPersons)
        .where(eq(contactPersons.userId, userId))
    ).map((r) => r.language);

  it("offers a contact nl, en, de and fr, keeps German and French, and the employer's record follows", async () => {
    const before = await contact.call("/api/v1/me/profile");
    expect(before.json<ProfileSettings>().locales).toEqual(["nl", "en", "de", "fr"]);

    for (const locale of ["de", "fr"] as const) {
      const res = await contact.call("/api/v1/me/profile", { method: "PATCH", body: { locale } });
      expect(res.status).toBe(200);
      expect(res.json<ProfileSettings>().locale).toBe(locale);
      await server.app.events.drain();
      expect(await accountLocale(CONTACT_ID)).toBe(locale);
      expect(await recordLanguage(CONTACT_ID)).toEqual([locale]);
      // Read back, and after a new sign-in: still the chosen language, not Dutch.
      expect((await contact.call("/api/v1/me/profile")).json<ProfileSettings>().locale).toBe(locale);
      const fresh = new Client(server);
      await signIn(fresh, CONTACT);
      expect((await fresh.call("/api/v1/me")).json<MeResponse>().user?.locale).toBe(locale);
    }
    // Changing other details leaves the language alone.
    await contact.call("/api/v1/me/profile", { method: "PATCH", body: { name: "Wim van Westen" } });
    expect(await accountLocale(CONTACT_ID)).toBe("fr");
  });

  it("refuses German and French to anyone but a contact, and unknown languages, changing nothing", async () => {
    const manager = new Client(server);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    expect((await manager.call("/api/v1/me/profile")).json<ProfileSettings>().locales).toEqual(["nl", "en"]);
    const german = await manager.call("/api/v1/me/profile", {
      method: "PATCH",
      body: { locale: "de" },
      headers: { "accept-language": "en" },
    });
    expect(german.status).toBe(400);
    const error = german.json<ErrorResponse>().error;
    expect(error.code).toBe("validation_failed");
    expect(error.fields).toEqual([
      {
        path: "locale",
        message: "Choose Dutch or English; German and French are for employers' contact persons.",
      },
    ]);
    expect(await accountLocale("demo-accountmanager")).toBe("nl");

    const spanish = await contact.call("/api/v1/me/profile", { method: "PATCH", body: { locale: "es" } });
    expect(spanish.status).toBe(400);
    expect(spanish.json<ErrorResponse>().error.fields?.[0]?.path).toBe("locale");
    expect(await accountLocale(CONTACT_ID)).toBe("fr");
  });

  it("follows the account manager who sets the contact's language on the employer's record", async () => {
    const manager = new Client(server);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    const [row] = await server.database.db
      .select({ id: contactPersons.id, organisationId: contactPersons.organisationId })
      .from(contactPersons)
      .where(eq(contactPersons.userId, CONTACT_ID));
    const res = await manager.call(`/api/v1/employers/${row!.organisationId}/contacts/${row!.id}`, {
      method: "PATCH",
      body: { language: "de" },
    });
    expect(res.status).toBe(200);
    await server.app.events.drain();
    expect(await accountLocale(CONTACT_ID)).toBe("de");
    expect((await contact.call("/api/v1/me/profile")).json<ProfileSettings>().locale).toBe("de");
  });

  it("mails a German contact the password reset in German", async () => {
    await contact.call("/api/v1/me/profile", { method: "PATCH", body: { locale: "de" } });
    const res = await new Client(server).call("/api/auth/request-password-reset", {
      body: { email: CONTACT, redirectTo: "/wachtwoord-herstellen" },
    });
    expect(res.status).toBe(200);
    await server.app.events.drain();
    const [mail] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.to, CONTACT)))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    // Asked on the national host: named after that portal (in English: portal names exist in nl and en).
    expect(mail?.subject).toBe("Neues Passwort für Werkbrug National festlegen");
    expect(mail?.text).toContain("Hallo Wim van Westen,");
    expect(mail?.text).toContain("Neues Passwort festlegen");
    expect(mail?.text).toContain("Dieser Link ist 60 Minuten gültig.");
    expect(mail?.text).toContain("Mit freundlichen Grüßen");
  });

  it("gives a French contact the vacancy PDF with French labels, a Dutch reader Dutch ones", async () => {
    await contact.call("/api/v1/me/profile", { method: "PATCH", body: { locale: "fr" } });
    const list = (await contact.call("/api/v1/vacancies")).json<{ vacancies: VacancyListItem[] }>();
    const vacancy = list.vacancies[0];
    expect(vacancy).toBeDefined();
    const pdf = await contact.call(`/api/v1/vacancies/${vacancy!.id}/pdf`, {
      headers: { "accept-language": "nl" },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const text = pdfText(pdf.body);
    expect(text).toContain("En bref");
    expect(text).toContain("Type");
    expect(text).toMatch(/Téléchargé le \d{1,2} \S+ \d{4}/);
    expect(text).not.toContain("In het kort");
    // The document says its language, for screen readers (PDF/UA).
    expect(readPdf(pdf.body).lang).toBe("fr-FR");

    const manager = new Client(server);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    const dutch = await manager.call(`/api/v1/vacancies/${vacancy!.id}/pdf`, {
      headers: { "accept-language": "nl" },
    });
    expect(pdfText(dutch.body)).toContain("In het kort");
    expect(readPdf(dutch.body).lang).toBe("nl-NL");
  });

  it("gives a contact invited in French a French invitation page and a French account", async () => {
    const manager = new Client(server);
    await signIn(manager, "accountmanager@demo.werkbrug.test");
    const [row] = await server.database.db
      .select({ organisationId: contactPersons.organisationId })
      .from(contactPersons)
      .where(eq(contactPersons.userId, CONTACT_ID));
    const employerId = row!.organisationId;
    const added = await manager.call(`/api/v1/employers/${employerId}/contacts`, {
      body: { name: "Anne Dupont", email: "anne.dupont@westland.test", language: "fr" },
    });
    expect(added.status, added.text).toBe(201);
    const anne = added.json<{ contact: { id: string } }>().contact;
    const invited = await manager.call(`/api/v1/employers/${employerId}/contacts/${anne.id}/invite`, {
      body: { personalMessage: null },
    });
    expect(invited.status, invited.text).toBe(200);
    await server.app.events.drain();
    const [mail] = await server.database.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, "anne.dupont@westland.test"))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    const token = decodeURIComponent(/uitnodiging\?token=([^\s&]+)/.exec(mail!.text)![1]!);

    const visitor = new Client(server);
    const preview = await visitor.call(`/api/v1/invitations/preview?token=${encodeURIComponent(token)}`);
    expect(preview.json<{ locale: string }>().locale).toBe("fr");
    const accepted = await visitor.call("/api/v1/invitations/accept", {
      body: { token, name: "Anne Dupont", password: "Haagse-Bluf-2026", acceptTerms: true },
    });
    expect(accepted.status, accepted.text).toBe(201);
    const [account] = await server.database.db
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.email, "anne.dupont@westland.test"));
    expect(account?.locale).toBe("fr");
  });
});
