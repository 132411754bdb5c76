import type { Locale } from "../../../contracts/common";
import { dateTimeFormat, numberFormat } from "../../../contracts/intl";
import type { SelectionReport, Verdict } from "../../../contracts/selection-results";

/** The PV's words and number/date formats, shared by the PDF and the spreadsheet. */
export const REPORT_TEXT = {
  nl: {
    title: "PV-rapport",
    sheetResults: "Resultaten",
    sheetScores: "Scores per jurylid",
    sheetParts: "Selectieonderdelen",
    vacancy: "Vacature",
    organisation: "Organisatie",
    owner: "Selectieverantwoordelijke",
    generated: "Opgemaakt op",
    jury: "Jury",
    parts: "Selectieonderdelen",
    part: "Onderdeel",
    dates: "Data",
    max: "Maximum",
    results: "Resultaten per sollicitant",
    average: "Gemiddelde",
    total: "Totaal",
    ranking: "Eindrangschikking en beslissing",
    rank: "Rang",
    applicant: "Sollicitant",
    decision: "Beslissing",
    juryMember: "Jurylid",
    score: "Score",
    verdict: "Oordeel",
    motivation: "Motivering",
    verdicts: "Oordelen",
    noScores: "Nog geen scores.",
    noParts: "Er zijn nog geen selectieonderdelen.",
    undecided: "Nog niet beslist",
    of: "van",
    page: (n: number, m: number) => `Pagina ${n} van ${m}`,
    suitable: "geschikt",
    unsuitable: "niet geschikt",
  },
  en: {
    title: "Selection report",
    sheetResults: "Results",
    sheetScores: "Scores per jury member",
    sheetParts: "Selection parts",
    vacancy: "Vacancy",
    organisation: "Organisation",
    owner: "Selection officer",
    generated: "Drawn up on",
    jury: "Jury",
    parts: "Selection parts",
    part: "Part",
    dates: "Dates",
    max: "Maximum",
    results: "Results per applicant",
    average: "Average",
    total: "Total",
    ranking: "Final ranking and decision",
    rank: "Rank",
    applicant: "Applicant",
    decision: "Decision",
    juryMember: "Jury member",
    score: "Score",
    verdict: "Verdict",
    motivation: "Motivation",
    verdicts: "Verdicts",
    noScores: "No scores yet.",
    noParts: "There are no selection parts yet.",
    undecided: "Not decided yet",
    of: "of",
    page: (n: number, m: number) => `Page ${n} of ${m}`,
    suitable: "suitable",
    unsuitable: "not suitable",
  },
} as const;

const TAG = { nl: "nl-BE", en: "en-GB" } as const;

export const fmtNumber = (n: number | null, locale: Locale) =>
  n === null ? "" : numberFormat(TAG[locale], { maximumFractionDigits: 2 }).format(n);

export const fmtDate = (iso: string, locale: Locale) =>
  dateTimeFormat(TAG[locale], { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));

export const fmtMoment = (iso: string, locale: Locale) =>
  dateTimeFormat(TAG[locale], { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Brussels" }).format(
    new Date(iso),
  );

export const fmtVerdict = (v: Verdict | null, locale: Locale) => (v ? REPORT_TEXT[locale][v] : "");

export function decisionLabel(a: SelectionReport["applicants"][number], locale: Locale): string {
  return a.decision ? a.phase.label[locale] : REPORT_TEXT[locale].undecided;
}

/** "14 (geschikt)", "geschikt", "12,5". */
export function scoreCell(
  s: { score: number | null; verdict: Verdict | null } | undefined,
  locale: Locale,
): string {
  if (!s) return "";
  const score = fmtNumber(s.score, locale);
  const verdict = fmtVerdict(s.verdict, locale);
  return score && verdict ? `${score} (${verdict})` : score || verdict;
}
