import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { activityCsv, activityXlsx } from "./activity-export";
import type { ActivityRow } from "./employers.presenter";

const row: ActivityRow = {
  name: "Fatima El Amrani",
  email: "accountmanager@demo.werkbrug.test",
  role: "account_manager",
  organisation: "Gemeente Den Haag",
  // 10:00 UTC on a summer day is 12:00 in Amsterdam; 09:30 UTC in winter is 10:30 there.
  lastSignInAt: new Date("2026-07-01T10:00:00Z"),
  vacanciesCreated: 1,
  vacanciesChanged: 2,
  candidatesSaved: 3,
  candidatesProposed: 4,
  reviews: 5,
  invitationsSent: 6,
  lastActivityAt: new Date("2026-01-15T09:30:00Z"),
};

describe("the activity overview's times", () => {
  it("are the organisation's wall clock in the workbook, not UTC", async () => {
    const data = await activityXlsx([row], "nl", "Europe/Amsterdam");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
    );
    const cells = (book.getWorksheet("Activiteiten")!.getRow(2).values as unknown[]).slice(1);
    // Spreadsheets have no time zones: the cell holds 12:00 as if it were UTC, shown as 12:00.
    expect((cells[4] as Date).toISOString()).toBe("2026-07-01T12:00:00.000Z");
    expect((cells[11] as Date).toISOString()).toBe("2026-01-15T10:30:00.000Z");
  });

  it("are the organisation's wall clock in the CSV, in its own time zone", () => {
    const amsterdam = activityCsv([row], "en", "Europe/Amsterdam");
    expect(amsterdam).toContain(";2026-07-01 12:00;");
    expect(amsterdam.trim().endsWith(";2026-01-15 10:30")).toBe(true);
    const curacao = activityCsv([row], "en", "America/Curacao");
    expect(curacao).toContain(";2026-07-01 06:00;");
  });
});
