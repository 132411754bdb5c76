import { describe, expect, it } from "vitest";
import type { MailContent, MailLocale } from "../../platform/mail-templates";
import { timesheetDecidedMail, timesheetDigestMail, timesheetSubmittedMail } from "./timesheets.mails";

const LOCALES: MailLocale[] = ["nl", "en", "de", "fr"];
const CANDIDATE = "Zoë <b>de Vries</b> & Co";
const VACANCY = 'Timmerman "allround" <script>';
const REVIEW_URL = "https://haaglanden.werkbrug.example/urenstaten/week/7b0f4a52-3c1e-4d8e-9a61-2f5c0e9d1a10";

/** Intl puts (narrow) no-break and thin spaces in date ranges and numbers; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, " ");

function expectEscaped(mail: MailContent, ...values: string[]): void {
  for (const value of values) {
    expect(mail.text).toContain(value);
    expect(mail.html).not.toContain(value);
    expect(mail.html).toContain(
      value
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
        .replace(/'/g, "&#39;"),
    );
  }
  expect(mail.html).not.toMatch(/<(b|script)>/);
}

const WEEK_49: Record<MailLocale, { week: string; dates: RegExp; hours: string; action: string }> = {
  nl: {
    week: "week 49",
    dates: /30 november – 6 december 2026/,
    hours: "38,75 uur",
    action: "Weekstaat beoordelen",
  },
  en: {
    week: "week 49",
    dates: /30 November – 6 December 2026/,
    hours: "38.75 hours",
    action: "Review the timesheet",
  },
  de: {
    week: "Kalenderwoche 49",
    dates: /30\. November – 6\. Dezember 2026/,
    hours: "38,75 Stunden",
    action: "Stundenzettel prüfen",
  },
  fr: {
    week: "semaine 49",
    dates: /30 novembre – 6 décembre 2026/,
    hours: "38,75 heures",
    action: "Examiner la feuille de temps",
  },
};

describe("timesheet submitted, to the contact", () => {
  it.each(LOCALES)("in %s: who, which week with its dates, the vacancy, the hours and the link", (locale) => {
    const mail = timesheetSubmittedMail({
      locale,
      portalName: "Haaglanden",
      name: "Ingrid & Partners",
      candidateName: CANDIDATE,
      vacancyTitle: VACANCY,
      weekStart: "2026-11-30",
      totalHours: 38.75,
      resubmitted: false,
      reviewUrl: REVIEW_URL,
    });
    const expected = WEEK_49[locale];
    expect(mail.subject).toContain(CANDIDATE);
    expect(mail.subject).toContain("49");
    expect(mail.text).toContain(expected.week);
    expect(plain(mail.text)).toMatch(expected.dates);
    expect(plain(mail.text)).toContain(expected.hours);
    expect(mail.text).toContain(`${expected.action}:\n${REVIEW_URL}`);
    expect(mail.html).toContain(`href="${REVIEW_URL}"`);
    expect(mail.html).toContain(`<html lang="${locale}">`);
    expectEscaped(mail, CANDIDATE, VACANCY, "Ingrid & Partners");
  });

  it("says when a week comes back corrected", () => {
    const base = {
      locale: "nl" as const,
      portalName: "Haaglanden",
      name: "Ingrid",
      candidateName: "Zoë",
      vacancyTitle: "Timmerman",
      weekStart: "2026-11-30",
      totalHours: 1,
      reviewUrl: REVIEW_URL,
    };
    const first = timesheetSubmittedMail({ ...base, resubmitted: false });
    const again = timesheetSubmittedMail({ ...base, resubmitted: true });
    expect(first.subject).toBe("Weekstaat week 49 van Zoë ter beoordeling");
    expect(again.subject).toBe("Gecorrigeerde weekstaat week 49 van Zoë ter beoordeling");
    expect(again.text).toContain("gecorrigeerd en opnieuw verstuurd: 1 uur in totaal");
    expect(timesheetSubmittedMail({ ...base, locale: "en", resubmitted: true }).text).toContain(
      "has corrected and resubmitted the timesheet for week 49",
    );
  });

  it("numbers weeks the ISO way around the new year", () => {
    const mail = (weekStart: string) =>
      timesheetSubmittedMail({
        locale: "en",
        portalName: "Haaglanden",
        name: "Ingrid",
        candidateName: "Zoë",
        vacancyTitle: "Timmerman",
        weekStart,
        totalHours: 8,
        resubmitted: false,
        reviewUrl: REVIEW_URL,
      });
    expect(plain(mail("2026-12-28").text)).toContain("week 53 (28 December 2026 – 3 January 2027)");
    expect(plain(mail("2027-01-04").text)).toContain("week 1 (4 – 10 January 2027)");
    expect(mail("2025-12-29").subject).toContain("week 1 ");
    expect(() => mail("30-11-2026")).toThrow(/week start/);
  });
});

describe("daily digest, to the contact", () => {
  const weeks = [
    { candidateName: CANDIDATE, vacancyTitle: VACANCY, weekStart: "2026-11-30", totalHours: 38.75 },
    {
      candidateName: "Ahmed El Amrani",
      vacancyTitle: "Verzorgende IG",
      weekStart: "2026-12-07",
      totalHours: 24,
    },
  ];

  it.each(LOCALES)("in %s: every week since the previous digest and one link", (locale) => {
    const url = "https://haaglanden.werkbrug.example/urenstaten";
    const mail = timesheetDigestMail({
      locale,
      portalName: "Haaglanden",
      name: "Ingrid",
      weeks,
      timesheetsUrl: url,
    });
    expect(mail.subject).toMatch(/^2 /);
    const text = plain(mail.text);
    expect(text).toMatch(WEEK_49[locale].dates);
    expect(text).toContain(WEEK_49[locale].hours);
    expect(text).toContain("Ahmed El Amrani, Verzorgende IG");
    expect(text).toMatch(/50 \(7\.?\s?–\s?13/);
    expect(mail.html.match(/<a href=/g)).toHaveLength(2); // the button and the written-out address
    expect(mail.html).toContain(`href="${url}"`);
    expectEscaped(mail, CANDIDATE, VACANCY);
  });

  it("counts one week in the singular and refuses an empty digest", () => {
    const one = (locale: MailLocale) =>
      timesheetDigestMail({
        locale,
        portalName: "Haaglanden",
        name: "Ingrid",
        weeks: weeks.slice(1),
        timesheetsUrl: "https://haaglanden.werkbrug.example/urenstaten",
      }).subject;
    expect(one("nl")).toBe("1 weekstaat wacht op je beoordeling");
    expect(one("en")).toBe("1 timesheet is waiting for your review");
    expect(one("de")).toBe("1 Stundenzettel wartet auf Ihre Prüfung");
    expect(one("fr")).toBe("1 feuille de temps attend votre validation");
    expect(() =>
      timesheetDigestMail({
        locale: "nl",
        portalName: "Haaglanden",
        name: "Ingrid",
        weeks: [],
        timesheetsUrl: "https://haaglanden.werkbrug.example/urenstaten",
      }),
    ).toThrow();
  });
});

describe("decision, to the candidate", () => {
  const WEEK_URL =
    "https://haaglanden.werkbrug.example/urenstaten/c9d8e7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f/2026-11-30";
  const COMMENT = "Dinsdag klopt niet: 9 uur <i>gewerkt</i> & geen 10.\nGraag aanpassen.";
  const decided = (locale: MailLocale, decision: "approved" | "rejected") =>
    timesheetDecidedMail({
      locale,
      portalName: "Haaglanden",
      name: CANDIDATE,
      vacancyTitle: VACANCY,
      weekStart: "2026-11-30",
      reviewerName: "Ingrid <van> 't Hof",
      decision,
      comment: decision === "rejected" ? COMMENT : null,
      weekUrl: WEEK_URL,
    });

  it.each(LOCALES)("in %s: approved, by whom, with a link to the week", (locale) => {
    const mail = decided(locale, "approved");
    expect(mail.subject).toContain("49");
    expect(plain(mail.text)).toMatch(WEEK_49[locale].dates);
    expect(mail.html).toContain(`href="${WEEK_URL}"`);
    expect(mail.html).not.toContain("<blockquote");
    expectEscaped(mail, "Ingrid <van> 't Hof", VACANCY, CANDIDATE);
  });

  it.each(LOCALES)(
    "in %s: rejected, with the reviewer's comment quoted and a link to correct the week",
    (locale) => {
      const mail = decided(locale, "rejected");
      expect(mail.subject).not.toBe(decided(locale, "approved").subject);
      expect(mail.text).toContain(
        "> Dinsdag klopt niet: 9 uur <i>gewerkt</i> & geen 10.\n> Graag aanpassen.",
      );
      expect(mail.html).toContain(
        "Dinsdag klopt niet: 9 uur &lt;i&gt;gewerkt&lt;/i&gt; &amp; geen 10.<br>Graag aanpassen.</blockquote>",
      );
      expect(mail.html).toContain(`href="${WEEK_URL}"`);
      expectEscaped(mail, "Ingrid <van> 't Hof", VACANCY);
    },
  );

  it("reads naturally in Dutch and English", () => {
    const nl = decided("nl", "rejected");
    expect(nl.subject).toBe("Je weekstaat van week 49 is afgekeurd");
    expect(plain(nl.text)).toContain(
      `Ingrid <van> 't Hof heeft je weekstaat van week 49 (30 november – 6 december 2026) voor de vacature ${VACANCY} afgekeurd.`,
    );
    expect(nl.text).toContain("Pas de week aan en verstuur hem opnieuw.");
    expect(nl.text).toContain(`Week aanpassen:\n${WEEK_URL}`);
    const en = decided("en", "approved");
    expect(en.subject).toBe("Your timesheet for week 49 has been approved");
    expect(en.text).toContain(`View the week:\n${WEEK_URL}`);
    expect(en.text).not.toContain("correct");
  });
});
