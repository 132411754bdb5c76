import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SETU_HOUR_TYPE, setuTimecardXml, type TimecardInput } from "./setu-timecard";

const SCHEMA = resolve(__dirname, "../../../../data/setu/setu/schemas/purchase-to-pay-v2/Timecard.xsd");
const EXAMPLE = resolve(__dirname, "../../../../data/setu/setu/examples/Timecard/TimecardExample_v2.0.xml");

const hasXmllint = spawnSync("xmllint", ["--version"]).error === undefined;
if (!hasXmllint) {
  console.warn("xmllint is not installed (Debian: libxml2-utils): the SETU schema validation is skipped");
}

const dir = mkdtempSync(join(tmpdir(), "setu-timecard-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function write(xml: string): string {
  const file = join(dir, `timecard-${++files}.xml`);
  writeFileSync(file, xml, "utf8");
  return file;
}

function xmllint(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("xmllint", ["--nonet", ...args], { encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const validate = (xml: string) => xmllint("--noout", "--schema", SCHEMA, write(xml));
/** What an XPath expression gives, as a parser reads the document (entities resolved). */
const select = (xml: string, path: string) => xmllint("--xpath", path, write(xml)).stdout.replace(/\n$/, "");

/** A realistic week: Monday 30 November to Sunday 6 December 2026, overtime on Thursday, travel twice. */
function week(overrides: Partial<TimecardInput> = {}): TimecardInput {
  return {
    documentId: "7b0f4a52-3c1e-4d8e-9a61-2f5c0e9d1a10",
    supplier: { organisationId: "0d7c3f43-5f59-4d1b-8f5e-0f0e7d1c2b3a", kvkNumber: "12345678" },
    customer: {
      organisationId: "5e2b9c11-8a4d-4f6e-b1c3-9d8e7f6a5b4c",
      kvkNumber: "87654321",
      approver: { name: "Ingrid van 't Hof & Zn.", email: "ingrid@bouwbedrijf.example" },
    },
    person: { candidateId: "a4c1e2f3-1b2c-4d5e-8f90-123456789abc", name: "Zoë Ødegård-Çelik & <Partners>" },
    period: { start: "2026-11-30", end: "2026-12-06" },
    assignmentId: "c9d8e7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f",
    rateCents: 3875,
    billable: true,
    entries: [
      { date: "2026-11-30", kind: "normal", minutes: 480 },
      { date: "2026-11-30", kind: "travel", minutes: 45 },
      { date: "2026-12-01", kind: "normal", minutes: 465 },
      { date: "2026-12-02", kind: "normal", minutes: 240 },
      { date: "2026-12-03", kind: "normal", minutes: 480 },
      { date: "2026-12-03", kind: "overtime", minutes: 135 },
      { date: "2026-12-04", kind: "normal", minutes: 450 },
      { date: "2026-12-04", kind: "travel", minutes: 90 },
    ],
    ...overrides,
  };
}

const all = (xml: string, element: string): string[] =>
  [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, "g"))].map((m) => m[1]!);

describe("SETU Timecard", () => {
  it("has one interval per day and kind whose hours add up to the week's", () => {
    const input = week();
    const xml = setuTimecardXml(input);
    const intervals = xml.split("<timeInterval>").slice(1);
    expect(intervals).toHaveLength(input.entries.length);

    const hoursOf = (kind: "normal" | "overtime" | "travel") =>
      intervals
        .filter((i) => i.includes(`<value>${SETU_HOUR_TYPE[kind]}</value>`))
        .reduce((sum, i) => sum + Number(all(i, "timeTotal")[0]), 0);
    expect(hoursOf("normal")).toBeCloseTo((480 + 465 + 240 + 480 + 450) / 60, 10);
    expect(hoursOf("overtime")).toBeCloseTo(2.25, 10);
    expect(hoursOf("travel")).toBeCloseTo(2.25, 10);
    expect(all(xml, "timeTotal").reduce((s, t) => s + Number(t), 0)).toBeCloseTo(
      input.entries.reduce((s, e) => s + e.minutes, 0) / 60,
      10,
    );
    // Two decimals, as SETU writes hours.
    expect(all(xml, "timeTotal")).toContain("7.75");
    expect(all(xml, "timeTotal").every((t) => /^\d+\.\d{2}$/.test(t))).toBe(true);
    // In date order, normal hours before overtime and travel on the same day.
    expect(all(xml, "dayAssignment")).toEqual([
      "2026-11-30",
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-03",
      "2026-12-04",
      "2026-12-04",
    ]);
    expect(intervals[4]).toContain("<value>HT100</value>");
    expect(intervals[5]).toContain("<value>HT200</value>");
    expect(intervals[6]).toContain("<value>HT100</value>");
    expect(intervals[7]).toContain("<value>HT500</value>");
  });

  it("names the week, the assignment, the rate and whether it is billed", () => {
    const xml = setuTimecardXml(week());
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Timecard xmlns="https://ontology.setu.nl/messages">',
      ),
    ).toBe(true);
    expect(xml).toContain("<datePeriod>\n      <start>2026-11-30</start>\n      <end>2026-12-06</end>");
    expect(xml).toContain("<assignmentId>\n      <value>c9d8e7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f</value>");
    expect(xml).toContain("<value>12345678</value>\n      <schemeAgencyId>KvK</schemeAgencyId>");
    expect(xml).toContain("<value>87654321</value>\n      <schemeAgencyId>KvK</schemeAgencyId>");
    expect(all(xml, "toBeBilled")).toEqual(Array(8).fill("true"));
    expect(new Set(all(xml, "multiplier"))).toEqual(new Set(["100"]));
    expect(xml).toContain("<value>38.75</value>");
    expect(xml).toContain("<address>ingrid@bouwbedrijf.example</address>");

    const unbilled = setuTimecardXml(week({ billable: false }));
    expect(all(unbilled, "toBeBilled")).toEqual(Array(8).fill("false"));

    const noRate = setuTimecardXml(week({ rateCents: null }));
    expect(noRate).not.toContain("<payRates>");
  });

  it("escapes names and leaves out what is unknown", () => {
    const xml = setuTimecardXml(
      week({
        supplier: { organisationId: "s-1", kvkNumber: null },
        customer: { organisationId: "c-1", kvkNumber: "  ", approver: null },
      }),
    );
    expect(xml).toContain("<formattedName>Zoë Ødegård-Çelik &amp; &lt;Partners&gt;</formattedName>");
    expect(xml).not.toContain("<Partners>");
    expect(xml).not.toContain("<legalId>");
    expect(xml).not.toContain("<personContacts>");

    const noMail = setuTimecardXml(
      week({
        customer: { organisationId: "c-1", kvkNumber: null, approver: { name: "Ingrid", email: null } },
      }),
    );
    expect(noMail).toContain("<personContacts>");
    expect(noMail).not.toContain("<communication>");
  });

  it("adds up a day's hours of one kind given twice, drops empty ones, refuses impossible ones", () => {
    const twice = setuTimecardXml(
      week({
        entries: [
          { date: "2026-12-01", kind: "normal", minutes: 240 },
          { date: "2026-12-01", kind: "normal", minutes: 225 },
          { date: "2026-12-02", kind: "travel", minutes: 0 },
        ],
      }),
    );
    expect(all(twice, "timeTotal")).toEqual(["7.75"]);

    expect(() =>
      setuTimecardXml(week({ entries: [{ date: "2026-12-07", kind: "normal", minutes: 60 }] })),
    ).toThrow(/outside/);
    expect(() =>
      setuTimecardXml(week({ entries: [{ date: "2026-12-01", kind: "normal", minutes: -15 }] })),
    ).toThrow(/minutes/);
    expect(() => setuTimecardXml(week({ rateCents: 12.5 }))).toThrow(/rate/);
  });

  describe.skipIf(!hasXmllint)("against the SETU schema (needs xmllint)", () => {
    it("SETU's own example validates, so the schema copy is whole", () => {
      const run = xmllint("--noout", "--schema", SCHEMA, EXAMPLE);
      expect(run.stderr).toContain("validates");
      expect(run.status).toBe(0);
    });

    it("a realistic week validates, with and without the optional parts", () => {
      for (const input of [
        week(),
        week({ rateCents: null, billable: false }),
        week({ customer: { organisationId: "c", kvkNumber: null, approver: null }, entries: [] }),
      ]) {
        const run = validate(setuTimecardXml(input));
        expect(run.stderr).toContain("validates");
        expect(run.status).toBe(0);
      }
    });

    it("the validation is real: an unknown element or a malformed date is refused", () => {
      const xml = setuTimecardXml(week());
      const renamed = xml.replace("<person>", "<persoon>").replace("</person>", "</persoon>");
      expect(validate(renamed).status).not.toBe(0);
      const badDate = xml.replace("<dayAssignment>2026-11-30", "<dayAssignment>30-11-2026");
      expect(validate(badDate).stderr).toMatch(/dayAssignment/);
      expect(validate(badDate).status).not.toBe(0);
    });

    it("a parser reads the names back exactly as given", () => {
      const input = week();
      const xml = setuTimecardXml(input);
      const name = select(
        xml,
        "string(/*[local-name()='Timecard']/*[local-name()='person']//*[local-name()='formattedName'])",
      );
      expect(name).toBe(input.person.name);
      const approver = select(
        xml,
        "string(//*[local-name()='personContacts']/*[local-name()='name']/*[local-name()='formattedName'])",
      );
      expect(approver).toBe("Ingrid van 't Hof & Zn.");
      const total = select(xml, "sum(//*[local-name()='timeTotal'])");
      expect(Number(total)).toBeCloseTo(input.entries.reduce((s, e) => s + e.minutes, 0) / 60, 10);
    });
  });
});
