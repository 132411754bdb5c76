import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { wallClock } from "../../../contracts/intl";
import { type TimesheetExportRow, timesheetExportCsv, timesheetExportXlsx } from "./timesheet-export";

const AMSTERDAM = "Europe/Amsterdam";

/** RFC 4180: fields separated by `separator`, quoted fields may hold separators, "" and line breaks. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) throw new Error("CSV does not end with CRLF");
  return rows;
}

const rows: TimesheetExportRow[] = [
  {
    employerName: "Bouwbedrijf Smit & Zn.",
    vacancyTitle: "Timmerman; allround",
    candidateName: "Zoë Ødegård",
    placementId: "11111111-1111-4111-8111-111111111111",
    weekStart: "2026-03-23",
    week: "2026-W13",
    minutes: { normal: 2280, overtime: 135, travel: 90 },
    rateCents: 3875,
    nonBillable: false,
    approvedByName: 'Ingrid "Inge" de Wit',
    // Sunday 29 March 2026, 00:30 UTC: summer time began at 01:00 UTC, so still 01:30 winter time.
    approvedAt: new Date("2026-03-29T00:30:00Z"),
  },
  {
    employerName: "Gemeente Delft",
    vacancyTitle: '=HYPERLINK("http://evil.example","klik")',
    candidateName: "-Jan Jansen",
    placementId: "22222222-2222-4222-8222-222222222222",
    weekStart: "2026-06-29",
    week: "2026-W27",
    minutes: { normal: 1815, overtime: 0, travel: 0 },
    rateCents: 2950,
    nonBillable: false,
    approvedByName: "@Pieter",
    // 1 July 2026, 10:00 UTC: 12:00 summer time in Amsterdam.
    approvedAt: new Date("2026-07-01T10:00:00Z"),
  },
  {
    employerName: "Zorggroep Noord",
    vacancyTitle: "Verzorgende IG\nnachtdienst",
    candidateName: "Ahmed El Amrani",
    placementId: "33333333-3333-4333-8333-333333333333",
    weekStart: "2026-12-07",
    week: "2026-W50",
    minutes: { normal: 1440, overtime: 60, travel: 30 },
    rateCents: 4200,
    nonBillable: true,
    approvedByName: null,
    approvedAt: new Date("2026-12-14T08:05:00Z"),
  },
  {
    employerName: "Gemeente Delft",
    vacancyTitle: "Handhaver",
    candidateName: "Sanne Bakker",
    placementId: "44444444-4444-4444-8444-444444444444",
    weekStart: "2026-12-07",
    week: "2026-W50",
    minutes: { normal: 15, overtime: 0, travel: 0 },
    rateCents: null,
    nonBillable: false,
    approvedByName: "Pieter Visser",
    approvedAt: new Date("2026-12-11T16:59:00Z"),
  },
];

describe("wall-clock time in the organisation's time zone", () => {
  it("follows daylight saving time", () => {
    expect(wallClock(new Date("2026-03-29T00:30:00Z"), AMSTERDAM).text).toBe("2026-03-29 01:30");
    expect(wallClock(new Date("2026-03-29T01:30:00Z"), AMSTERDAM).text).toBe("2026-03-29 03:30");
    expect(wallClock(new Date("2026-07-01T10:00:00Z"), AMSTERDAM).text).toBe("2026-07-01 12:00");
    expect(wallClock(new Date("2026-10-25T00:30:00Z"), AMSTERDAM).text).toBe("2026-10-25 02:30");
    expect(wallClock(new Date("2026-10-25T01:30:00Z"), AMSTERDAM).text).toBe("2026-10-25 02:30");
    // Another organisation's zone, and past midnight into the next day.
    expect(wallClock(new Date("2026-07-01T10:00:00Z"), "America/New_York").text).toBe("2026-07-01 06:00");
    expect(wallClock(new Date("2026-12-31T23:30:00Z"), AMSTERDAM).text).toBe("2027-01-01 00:30");
  });
});

describe("CSV", () => {
  it("in Dutch: BOM, semicolons, decimal commas, and it parses back to the rows", () => {
    const csv = timesheetExportCsv(rows, { locale: "nl", timeZone: AMSTERDAM });
    expect(csv.startsWith("\uFEFFWerkgever;Vacature;Kandidaat;Week;Weekstart;")).toBe(true);
    const parsed = parseCsv(csv.slice(1), ";");
    expect(parsed[0]).toEqual([
      "Werkgever",
      "Vacature",
      "Kandidaat",
      "Week",
      "Weekstart",
      "Normale uren",
      "Overuren",
      "Reisuren",
      "Totaal uren",
      "Tarief",
      "Bedrag",
      "Goedgekeurd door",
      "Goedgekeurd op",
    ]);
    expect(parsed).toHaveLength(rows.length + 1);
    expect(parsed.every((r) => r.length === 13)).toBe(true);
    // 38 + 2.25 + 1.5 = 41.75 hours at € 38.75 = € 1,617.81 (1617.8125 rounded to the cent).
    expect(parsed[1]).toEqual([
      "Bouwbedrijf Smit & Zn.",
      "Timmerman; allround",
      "Zoë Ødegård",
      "2026-W13",
      "2026-03-23",
      "38,00",
      "2,25",
      "1,50",
      "41,75",
      "38,75",
      "1617,81",
      'Ingrid "Inge" de Wit',
      "2026-03-29 01:30",
    ]);
    expect(parsed[2]![12]).toBe("2026-07-01 12:00");
    expect(parsed[2]![8]).toBe("30,25");
    // Not invoiced: the rate is shown, the amount is empty; an approver without account is empty too.
    expect(parsed[3]!.slice(9, 12)).toEqual(["42,00", "", ""]);
    expect(parsed[3]![1]).toBe("Verzorgende IG\nnachtdienst");
    // No rate at all.
    expect(parsed[4]!.slice(8, 11)).toEqual(["0,25", "", ""]);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("in English: commas and decimal points", () => {
    const csv = timesheetExportCsv(rows, { locale: "en", timeZone: AMSTERDAM });
    const parsed = parseCsv(csv.replace(/^\uFEFF/, ""), ",");
    expect(parsed[0]!.slice(0, 3)).toEqual(["Employer", "Vacancy", "Candidate"]);
    expect(parsed[0]![12]).toBe("Approved on");
    expect(parsed[1]!.slice(5, 11)).toEqual(["38.00", "2.25", "1.50", "41.75", "38.75", "1617.81"]);
    // The semicolon needs no quotes with commas, the comma-free name neither.
    expect(csv).toContain(",Timmerman; allround,");
  });

  it("keeps spreadsheets from running a cell as a formula", () => {
    const csv = timesheetExportCsv(rows, { locale: "nl", timeZone: AMSTERDAM });
    const parsed = parseCsv(csv.slice(1), ";");
    expect(parsed[2]![1]).toBe('\'=HYPERLINK("http://evil.example","klik")');
    expect(parsed[2]![2]).toBe("'-Jan Jansen");
    expect(parsed[2]![11]).toBe("'@Pieter");
    for (const row of parsed.slice(1)) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    }
  });

  it("has just the header for no weeks", () => {
    expect(timesheetExportCsv([], { locale: "en", timeZone: AMSTERDAM }).split("\r\n")).toHaveLength(2);
  });
});

async function readXlsx(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

const numberIn = (value: ExcelJS.CellValue): number => {
  if (typeof value === "number") return value;
  if (value && typeof value === "object" && "result" in value) return Number(value.result);
  return 0;
};

describe("Excel", () => {
  it("has a bold frozen header, typed cells and the approval time in the organisation's zone", async () => {
    const sheet = await readXlsx(await timesheetExportXlsx(rows, { locale: "nl", timeZone: AMSTERDAM }));
    expect(sheet.name).toBe("Uren");
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "Werkgever",
      "Vacature",
      "Kandidaat",
      "Week",
      "Weekstart",
      "Normale uren",
      "Overuren",
      "Reisuren",
      "Totaal uren",
      "Tarief",
      "Bedrag",
      "Goedgekeurd door",
      "Goedgekeurd op",
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });

    const first = sheet.getRow(2);
    expect(first.getCell(6).value).toBe(38);
    expect(first.getCell(7).value).toBe(2.25);
    expect(first.getCell(9).value).toBe(41.75);
    expect(first.getCell(9).numFmt).toBe("0.00");
    expect(first.getCell(10).value).toBe(38.75);
    expect(first.getCell(11).value).toBe(1617.81);
    expect(first.getCell(11).numFmt).toContain("€");
    expect(first.getCell(10).numFmt).toContain("€");
    // Spreadsheets have no time zones: the cell holds the Amsterdam wall-clock time.
    const at = (row: number) => (sheet.getRow(row).getCell(13).value as Date).toISOString().slice(0, 16);
    expect(at(2)).toBe("2026-03-29T01:30");
    expect(at(3)).toBe("2026-07-01T12:00");
    expect(first.getCell(13).numFmt).toBe("yyyy-mm-dd hh:mm");
    expect((first.getCell(5).value as Date).toISOString()).toBe("2026-03-23T00:00:00.000Z");
    // A would-be formula stays text in a workbook.
    expect(sheet.getRow(3).getCell(2).value).toBe('=HYPERLINK("http://evil.example","klik")');
    expect(sheet.getRow(3).getCell(2).type).toBe(ExcelJS.ValueType.String);
    // Not invoiced, and no rate: no amount.
    expect(sheet.getRow(4).getCell(11).value).toBeNull();
    expect(sheet.getRow(5).getCell(10).value).toBeNull();
  });

  it("ends with a totals row that equals the sum of the rows", async () => {
    const sheet = await readXlsx(await timesheetExportXlsx(rows, { locale: "en", timeZone: AMSTERDAM }));
    expect(sheet.getRow(1).getCell(1).value).toBe("Employer");
    const last = sheet.rowCount;
    expect(last).toBe(rows.length + 2);
    const totals = sheet.getRow(last);
    expect(totals.getCell(1).value).toBe("Total");
    expect(totals.font?.bold).toBe(true);
    for (const column of [6, 7, 8, 9, 11]) {
      const sum = [2, 3, 4, 5].reduce((s, r) => s + numberIn(sheet.getRow(r).getCell(column).value), 0);
      expect(numberIn(totals.getCell(column).value)).toBeCloseTo(sum, 6);
      const letter = String.fromCharCode(64 + column);
      expect(totals.getCell(column).value).toMatchObject({ formula: `SUM(${letter}2:${letter}5)` });
    }
    // The hours of all weeks: 41.75 + 30.25 + 25.5 + 0.25.
    expect(numberIn(totals.getCell(9).value)).toBe(97.75);
    // Invoiced: 1617.81 + 30.25 × 29.50 = 892.375 → 892.38.
    expect(numberIn(totals.getCell(11).value)).toBe(2510.19);
  });

  it("has a totals row of zeros for no weeks", async () => {
    const sheet = await readXlsx(await timesheetExportXlsx([], { locale: "nl", timeZone: AMSTERDAM }));
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe("Totaal");
    expect(sheet.getRow(2).getCell(9).value).toBe(0);
  });
});
