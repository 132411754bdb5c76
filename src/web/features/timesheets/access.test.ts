import { describe, expect, it } from "vitest";
import { timesheetsView } from "./access";

describe("who sees which timesheets", () => {
  it("gives the candidate their weeks, the contact the approvals, recruiters the approvals without the mail setting", () => {
    expect(timesheetsView(["candidate"], "employer")).toBe("candidate");
    expect(timesheetsView(["employer_contact"], "employer")).toBe("contact");
    expect(timesheetsView(["account_manager"], "employer")).toBe("recruiter");
    expect(timesheetsView(["org_admin"], "employer")).toBe("recruiter");
    expect(timesheetsView(["hr_officer"], "employer")).toBeNull();
    expect(timesheetsView(["referrer"], "employer")).toBeNull();
  });

  it("follows the side for someone who is both a candidate and a contact", () => {
    expect(timesheetsView(["candidate", "employer_contact"], "candidate")).toBe("candidate");
    expect(timesheetsView(["candidate", "employer_contact"], "employer")).toBe("contact");
  });
});
