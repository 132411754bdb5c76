import type { HourKind } from "../../../contracts/placements";

/*
 * One approved week as a SETU Timecard v2.0 (the Dutch staffing standard for reported hours), which
 * payroll and staffing back offices read directly. Schema: data/setu/setu/schemas/purchase-to-pay-v2/
 * Timecard.xsd (see data/setu/README.md for where it comes from).
 *
 * What the schema offers and what it does not:
 * - Parties have identifiers (our own ids, the KvK number as legalId) but no name element.
 * - A timeInterval's period can only be a dateTimePeriod. We know hours per day, not clock times, so the
 *   interval starts at midnight of its day, has no end (an end would claim the hours were worked in one
 *   stretch), and carries the hours in timeTotal; dayAssignment names the day explicitly.
 * - Timecard v2.0 has no approval or status element (v1.x had ApprovalInfo). The contact person who
 *   approved the week is the customer's personContacts entry; the moment of approval has no place.
 */

export interface TimecardEntry {
  /** yyyy-mm-dd, within the week. */
  date: string;
  kind: HourKind;
  minutes: number;
}

export interface TimecardInput {
  /** The week's (timesheet's) id: the Timecard's documentId. */
  documentId: string;
  /** The recruiting team that placed the candidate (the staffing supplier). */
  supplier: { organisationId: string; kvkNumber: string | null };
  /** The employer (the staffing customer) and the contact person who approved the week, if any. */
  customer: {
    organisationId: string;
    kvkNumber: string | null;
    approver: { name: string; email: string | null } | null;
  };
  /** The placed candidate. */
  person: { candidateId: string; name: string };
  /** The week, Monday to Sunday, yyyy-mm-dd. */
  period: { start: string; end: string };
  /** The placement's id (SETU's assignment). */
  assignmentId: string;
  /** The placement's hourly rate in euro cents, if one was agreed. */
  rateCents: number | null;
  /** False for a placement marked "niet factureerbaar". */
  billable: boolean;
  entries: TimecardEntry[];
}

/**
 * Our kinds of hours on SETU's "Hour types 2.x" codelist (the schema leaves typeCode a free string):
 * - normal -> HT100, regular hours ("normale uren"), and
 * - overtime -> HT200, overtime hours ("overuren"): both as SETU's own documentation uses them
 *   (setu-standards/documentation, purchase-to-pay-v2/usage-notes/Pay-rates.md);
 * - travel -> HT500, travel time ("reisuren"), the codelist's 500 series. Travel time is worked time,
 *   so it is a timeInterval; travel *expenses* (kilometres, tickets) would be an allowance (EA codes),
 *   which we do not record.
 */
export const SETU_HOUR_TYPE: Record<HourKind, string> = {
  normal: "HT100",
  overtime: "HT200",
  travel: "HT500",
};

const KIND_ORDER: Record<HourKind, number> = { normal: 0, overtime: 1, travel: 2 };

export const SETU_NAMESPACE = "https://ontology.setu.nl/messages";

/** Every id in the document is ours: the platform is run by the staffing supplier. */
const AGENCY = "Supplier";

type XmlNode = { name: string; text: string } | { name: string; children: XmlNode[] };

const leaf = (name: string, text: string): XmlNode => ({ name, text });
const node = (name: string, ...children: (XmlNode | null)[]): XmlNode => ({
  name,
  children: children.filter((c): c is XmlNode => c !== null),
});

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates) are dropped. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeXml(value: string): string {
  return value
    .replace(NOT_XML_CHAR, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** `attributes` are written as given, on this element only (the root's namespace). */
function serialize(n: XmlNode, depth: number, out: string[], attributes = ""): void {
  const indent = "  ".repeat(depth);
  if ("text" in n) {
    out.push(`${indent}<${n.name}>${escapeXml(n.text)}</${n.name}>`);
    return;
  }
  out.push(`${indent}<${n.name}${attributes}>`);
  for (const child of n.children) serialize(child, depth + 1, out);
  out.push(`${indent}</${n.name}>`);
}

const identifier = (name: string, value: string, agency: string): XmlNode =>
  node(name, leaf("value", value), leaf("schemeAgencyId", agency));

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertDate(value: string, what: string): void {
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new Error(`SETU timecard: ${what} is not a date: ${value}`);
  }
}

/** Hours with two decimals, as SETU writes them ("Half hours should be noted as 0.5"). */
function hoursText(minutes: number): string {
  return (minutes / 60).toFixed(2);
}

/** Same date and kind twice would give two intervals with one id: add them up instead. */
function mergedEntries(input: TimecardInput): TimecardEntry[] {
  const byKey = new Map<string, TimecardEntry>();
  for (const entry of input.entries) {
    assertDate(entry.date, "an entry's date");
    if (entry.date < input.period.start || entry.date > input.period.end) {
      throw new Error(`SETU timecard: ${entry.date} is outside ${input.period.start}..${input.period.end}`);
    }
    if (!Number.isInteger(entry.minutes) || entry.minutes < 0) {
      throw new Error(`SETU timecard: minutes must be a whole number of at least 0, got ${entry.minutes}`);
    }
    const key = `${entry.date}-${entry.kind}`;
    const seen = byKey.get(key);
    byKey.set(key, { ...entry, minutes: (seen?.minutes ?? 0) + entry.minutes });
  }
  return [...byKey.values()]
    .filter((e) => e.minutes > 0)
    .sort((a, b) => a.date.localeCompare(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

function euros(cents: number): string {
  if (!Number.isInteger(cents) || cents < 0) throw new Error(`SETU timecard: bad rate ${cents}`);
  return (cents / 100).toFixed(2);
}

function timeInterval(input: TimecardInput, entry: TimecardEntry): XmlNode {
  return node(
    "timeInterval",
    // Stable across downloads of the same week, unique within it (one interval per day and kind).
    identifier("id", `${input.documentId}-${entry.date}-${entry.kind}`, AGENCY),
    node("typeCode", leaf("value", SETU_HOUR_TYPE[entry.kind])),
    node("period", node("dateTimePeriod", leaf("start", `${entry.date}T00:00:00`))),
    leaf("timeTotal", hoursText(entry.minutes)),
    input.rateCents === null
      ? null
      : node(
          "payRates",
          node("amount", leaf("value", euros(input.rateCents)), node("currency", leaf("value", "EUR"))),
          node("intervalCode", leaf("value", "HourlyConsolidated")),
          // The placement has one rate; surcharges for overtime are the back office's (CAO) business.
          leaf("multiplier", "100"),
          leaf("toBeBilled", String(input.billable)),
          // The placement's rate is what the employer is charged, not the candidate's wage.
          leaf("toBePaid", "false"),
        ),
    leaf("dayAssignment", entry.date),
  );
}

/** The Timecard XML (UTF-8) of one approved week. Throws on input no week can have. */
export function setuTimecardXml(input: TimecardInput): string {
  assertDate(input.period.start, "the period's start");
  assertDate(input.period.end, "the period's end");
  if (input.period.end < input.period.start)
    throw new Error("SETU timecard: the period ends before it starts");
  const entries = mergedEntries(input);
  const kvk = (kvkNumber: string | null): XmlNode | null =>
    kvkNumber?.trim() ? identifier("legalId", kvkNumber.trim(), "KvK") : null;
  const approver = input.customer.approver;

  const timecard = node(
    "Timecard",
    identifier("documentId", input.documentId, AGENCY),
    node("supplier", identifier("id", input.supplier.organisationId, AGENCY), kvk(input.supplier.kvkNumber)),
    node(
      "customer",
      identifier("id", input.customer.organisationId, AGENCY),
      kvk(input.customer.kvkNumber),
      approver
        ? node(
            "personContacts",
            node("name", leaf("formattedName", approver.name)),
            approver.email
              ? node(
                  "communication",
                  node("email", leaf("address", approver.email), leaf("useCode", "Business")),
                )
              : null,
          )
        : null,
    ),
    node(
      "person",
      identifier("id", input.person.candidateId, AGENCY),
      node("name", leaf("formattedName", input.person.name)),
    ),
    node("period", node("datePeriod", leaf("start", input.period.start), leaf("end", input.period.end))),
    node("staffingIds", identifier("assignmentId", input.assignmentId, AGENCY)),
    ...entries.map((entry) => timeInterval(input, entry)),
  );

  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  // A default namespace on the root puts every element in it (the schema's elementFormDefault is qualified).
  serialize(timecard, 0, out, ` xmlns="${SETU_NAMESPACE}"`);
  return `${out.join("\n")}\n`;
}
