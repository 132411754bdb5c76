import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMail } from "../../../test/support/mime";
import { openTestDatabase } from "../../../test/support/server";
import type { Database } from "./db";
import { createMailer } from "./mail";
import { mailOutbox } from "./mail.schema";
import {
  accessRevoked,
  escapeHtml,
  invitation,
  type MailContent,
  type MailLocale,
  mailLocale,
  passwordChanged,
  resetPassword,
  verifyEmail,
} from "./mail-templates";

const MAIL_FROM = "Werkbrug <noreply@werkbrug.test>";
const TO = "René Janssen <rene@example.test>";
const portalName = "Werkbrug Haaglanden";
// Long enough that quoted-printable has to break it over lines, with an "&" that HTML must escape.
const url = (path: string) =>
  `https://haaglanden.werkbrug.test/${path}?token=${"k7Qz9xW2".repeat(8)}&bron=e-mail&utm=uitnodiging`;

interface Received {
  rcptTo: string[];
  raw: Buffer;
}

/** A real SMTP server on a port the OS picks, so the mailer's SMTP path is exercised end to end. */
async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function unescapeHtml(value: string): string {
  return value
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function anchors(html: string): { href: string; label: string }[] {
  return [...html.matchAll(/<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
    href: unescapeHtml(m[1]!),
    label: unescapeHtml(m[2]!),
  }));
}

/** Line endings are CRLF on the wire; compare content, not transport normalisation. */
const lf = (value: string | undefined) => value?.replace(/\r\n/g, "\n");

interface Case {
  template: string;
  locale: MailLocale;
  mail: MailContent;
  subject: string;
  action: { label: string; url: string } | null;
  /** Sentences a recipient must be able to read in both versions. */
  says: string[];
}

const expiresOn = new Date("2026-03-13T23:30:00Z"); // already 14 March in Amsterdam
const changedAt = new Date("2026-07-01T12:05:00Z"); // 14:05 summer time in Amsterdam

function cases(locale: MailLocale): Case[] {
  const nl = locale === "nl";
  const acceptUrl = url("uitnodiging");
  const verifyUrl = url("e-mail-bevestigen");
  const resetUrl = url("wachtwoord-herstellen");
  return [
    {
      template: "invitation",
      locale,
      mail: invitation({
        locale,
        portalName,
        inviterName: "Joëlle de Vries",
        organisationName: "Café Ëlan & Zonen",
        roleLabel: nl ? "werkgever" : "employer",
        personalMessage: `Welkom bij ons team!\n<script>alert("ë")</script>`,
        acceptUrl,
        expiresOn,
      }),
      subject: nl
        ? "Je bent uitgenodigd voor Werkbrug Haaglanden"
        : "You have been invited to Werkbrug Haaglanden",
      action: { label: nl ? "Meld je aan" : "Sign up", url: acceptUrl },
      says: nl
        ? ["Joëlle de Vries nodigt je uit", "Café Ëlan & Zonen", "Welkom bij ons team!", "14 maart 2026"]
        : ["Joëlle de Vries has invited you", "Café Ëlan & Zonen", "Welkom bij ons team!", "14 March 2026"],
    },
    {
      template: "verifyEmail",
      locale,
      mail: verifyEmail({ locale, portalName, name: "René", verifyUrl }),
      subject: nl
        ? "Bevestig je e-mailadres voor Werkbrug Haaglanden"
        : "Confirm your email address for Werkbrug Haaglanden",
      action: { label: nl ? "E-mailadres bevestigen" : "Confirm email address", url: verifyUrl },
      says: [nl ? "Hallo René," : "Hello René,"],
    },
    {
      template: "resetPassword",
      locale,
      mail: resetPassword({ locale, portalName, name: "René", resetUrl, expiresInMinutes: 60 }),
      subject: nl
        ? "Nieuw wachtwoord instellen voor Werkbrug Haaglanden"
        : "Reset your password for Werkbrug Haaglanden",
      action: { label: nl ? "Nieuw wachtwoord instellen" : "Choose a new password", url: resetUrl },
      says: nl
        ? ["60 minuten", "Heb je dit niet zelf gevraagd? Dan kun je deze e-mail negeren"]
        : ["60 minutes", "If you did not ask for this, you can ignore this email"],
    },
    {
      template: "passwordChanged",
      locale,
      mail: passwordChanged({ locale, portalName, name: "René", when: changedAt }),
      subject: nl
        ? "Je wachtwoord voor Werkbrug Haaglanden is gewijzigd"
        : "Your Werkbrug Haaglanden password was changed",
      action: null,
      says: nl
        ? ["1 juli 2026 om 14:05", "Was jij dit niet?"]
        : ["1 July 2026 at 14:05", "If this was not you"],
    },
    {
      template: "accessRevoked",
      locale,
      mail: accessRevoked({ locale, portalName, name: "René", organisationName: "Café Ëlan & Zonen" }),
      subject: nl
        ? "Je toegang tot Café Ëlan & Zonen in Werkbrug Haaglanden is ingetrokken"
        : "Your access to Café Ëlan & Zonen on Werkbrug Haaglanden has been removed",
      action: null,
      says: nl ? ["Je hebt geen toegang meer"] : ["You no longer have access"],
    },
  ];
}

describe("mailLocale", () => {
  it.each([
    ["en", "en"],
    ["en-GB", "en"],
    ["EN", "en"],
    ["nl", "nl"],
    ["de", "de"],
    ["fr-BE", "fr"],
    ["es", "nl"],
    ["", "nl"],
    [null, "nl"],
    [undefined, "nl"],
  ] as const)("%s → %s", (input, expected) => {
    expect(mailLocale(input)).toBe(expected);
  });
});

describe("mail templates", () => {
  it("refuses a link that is not http(s)", () => {
    expect(() =>
      verifyEmail({ locale: "nl", portalName, name: "René", verifyUrl: "javascript:alert(1)" }),
    ).toThrow(/http/);
  });

  it("signs with Werkbrug and the portal name", () => {
    const mail = accessRevoked({
      locale: "nl",
      portalName: "Haaglanden",
      name: "René",
      organisationName: "X",
    });
    expect(mail.text.trimEnd().endsWith("Met vriendelijke groet,\nWerkbrug Haaglanden")).toBe(true);
  });
});

describe("mail over SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let database: Database;

  beforeAll(async () => {
    [smtp, database] = await Promise.all([startSmtp(), openTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([smtp?.close(), database?.close()]);
  });

  /** Sends through the app's mailer and returns what the SMTP server received, parsed. */
  async function deliver(mail: MailContent) {
    const mailer = createMailer({ SMTP_URL: smtp.url, MAIL_FROM }, database.db);
    expect(mailer.transport).toBe("smtp");
    const before = smtp.received.length;
    await mailer.send({ to: TO, ...mail });
    expect(smtp.received).toHaveLength(before + 1);
    const message = smtp.received[before]!;
    expect(message.rcptTo).toEqual(["rene@example.test"]);
    return parseMail(message.raw);
  }

  describe.each(["nl", "en"] as const)("in %s", (locale) => {
    it.each(cases(locale).map((c) => [c.template, c] as const))("%s arrives as sent", async (_, c) => {
      const parsed = await deliver(c.mail);

      expect(parsed.header("from")).toBe(MAIL_FROM);
      expect(parsed.header("to")).toBe(TO);
      expect(parsed.subject).toBe(c.subject);
      expect(parsed.type).toBe("multipart/alternative");
      expect(parsed.parts.map((p) => [p.type, p.params.charset?.toLowerCase()])).toEqual([
        ["text/plain", "utf-8"],
        ["text/html", "utf-8"],
      ]);
      // The parser and the wire agree with what the template produced, byte for byte.
      expect(lf(parsed.text)).toBe(c.mail.text);
      expect(lf(parsed.html)).toBe(c.mail.html);

      const text = parsed.text!;
      const html = parsed.html!;
      expect(html).toContain(`<html lang="${locale}">`);
      expect(text).toContain("Werkbrug Haaglanden");
      for (const sentence of c.says) {
        expect(text).toContain(sentence);
        expect(html).toContain(escapeHtml(sentence));
      }

      const links = anchors(html);
      if (c.action) {
        // The full link on a line of its own, so it can be copied from any client.
        expect(text.split(/\r?\n/)).toContain(c.action.url);
        expect(links.filter((a) => a.label === c.action!.label)).toEqual([
          { href: c.action.url, label: c.action.label },
        ]);
        // One call to action: every link, the written-out one included, goes to the same place.
        expect(new Set(links.map((a) => a.href))).toEqual(new Set([c.action.url]));
        expect(links.map((a) => a.label)).toContain(c.action.url);
      } else {
        expect(links).toEqual([]);
      }
    });
  });

  it.each(["nl", "en"] as const)("escapes a personal message with HTML in it (%s)", async (locale) => {
    const [c] = cases(locale);
    const parsed = await deliver(c!.mail);
    expect(parsed.html).not.toContain("<script");
    expect(parsed.html).toContain("&lt;script&gt;alert(&quot;ë&quot;)&lt;/script&gt;");
    // The plain-text version quotes it verbatim: there it is just text.
    expect(parsed.text).toContain(`> <script>alert("ë")</script>`);
  });

  it("reads base64 bodies and B-encoded headers too", async () => {
    // The app's mailer lets nodemailer pick quoted-printable; force the other encoding to cover it.
    const mail = cases("nl")[4]!.mail;
    const transporter = nodemailer.createTransport(smtp.url);
    await transporter.sendMail({ from: MAIL_FROM, to: TO, textEncoding: "base64", ...mail });
    const raw = smtp.received.at(-1)!.raw.toString("latin1");
    expect(raw).toMatch(/^Subject: =\?UTF-8\?B\?/im);
    expect(raw).toMatch(/^Content-Transfer-Encoding: base64/im);
    const parsed = parseMail(raw);
    expect(parsed.subject).toBe("Je toegang tot Café Ëlan & Zonen in Werkbrug Haaglanden is ingetrokken");
    expect(parsed.header("to")).toBe(TO);
    expect(lf(parsed.text)).toBe(mail.text);
    expect(lf(parsed.html)).toBe(mail.html);
  });
});

describe("mail without SMTP", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("lands in the outbox table for the developer mail page", async () => {
    const mailer = createMailer({ MAIL_FROM }, database.db);
    expect(mailer.transport).toBe("outbox");
    const to = `outbox-${Date.now()}@example.test`;
    const mail = cases("nl")[0]!.mail;
    await mailer.send({ to, ...mail });

    const rows = await database.db.select().from(mailOutbox).where(eq(mailOutbox.to, to));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ to, subject: mail.subject, text: mail.text, html: mail.html });
    expect(rows[0]!.createdAt).toBeInstanceOf(Date);
  });
});
