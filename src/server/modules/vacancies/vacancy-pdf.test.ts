import { crc32, deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { expectAccessiblePdf, readPdf, structElements } from "../../../../test/support/pdf";
import type { Vacancy } from "../../../contracts/vacancies";
import { descriptionBlocks, renderVacancyPdf, toWinAnsi, vacancyFacts } from "./vacancy-pdf";

/** A solid-colour RGB PNG of w x h pixels, written by hand (no image library here). */
function png(w: number, h: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: w }, () => rgb).flat())]);
  const pixels = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const pdfText = (pdf: Buffer) => readPdf(pdf).text;
const infoEntry = (pdf: Buffer, key: string) => readPdf(pdf).info[key];
const pageCount = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

const person = (name: string, email: string | null = null) => ({ id: name, name, email });

function vacancy(overrides: Partial<Vacancy> = {}): Vacancy {
  return {
    id: "6f1d2c3b-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
    status: "published",
    organisation: {
      id: "1f1d2c3b-1a2b-4c3d-8e9f-0a1b2c3d4e5f",
      name: "Kwekerij De Zeeuwse Tuin",
      city: "Naaldwijk",
    },
    department: null,
    site: null,
    contact: person("Wim van Westen", "werkgever@demo.werkbrug.test"),
    accountManager: person("Fatima El Amrani"),
    owner: null,
    createdBy: null,
    createdByKind: "employer",
    displayTitle: "Teamleider café-restaurant",
    functionTitle: "Leidinggevende horeca",
    description: "",
    functionGroup: null,
    occupation: { id: "x", label: "Horecamanager" },
    educationLevel: "mbo-4",
    kind: "work_experience",
    salaryScaleMin: 6,
    salaryScaleMax: 8,
    salaryMin: 2800,
    salaryMax: 3400,
    durationKind: "temporary",
    durationEndsOn: "2027-12-31",
    hoursMin: 24,
    hoursMax: 32,
    positions: 2,
    workAddress: {
      street: "Zuidweg",
      houseNumber: "12",
      postcode: "2671 MN",
      city: "Naaldwijk",
      placeId: null,
      lat: null,
      lon: null,
      isHeadOffice: false,
    },
    imageUrl: null,
    attachments: [],
    serviceModel: "self_service",
    contactVia: "employer",
    publication: {
      organisationFrom: null,
      portalFrom: "2026-11-01",
      allPortalsFrom: null,
      publicFrom: null,
      closesOn: "2026-12-31",
    },
    visibleTo: ["portal"],
    request: null,
    counts: { saved: 0, proposed: 0, applied: 0 },
    publishedAt: null,
    createdAt: "2026-11-01T09:00:00.000Z",
    updatedAt: "2026-11-01T09:00:00.000Z",
    permissions: {
      edit: false,
      publish: false,
      archive: false,
      delete: false,
      approve: false,
      changeOwner: false,
    },
    ...overrides,
  };
}

const LONG_DESCRIPTION = Array.from({ length: 14 }, (_, i) =>
  [
    `Onderdeel ${i + 1}. Als teamleider ben je het gezicht van ons café-restaurant aan de haven. Je zorgt ervoor dat gasten zich welkom voelen, dat het team goed samenwerkt en dat alles op rolletjes loopt, van de koffie in de ochtend tot het diner op zaterdagavond. Je denkt mee over het menu, de inkoop en de roosters.`,
    "",
    "Wat vragen we?",
    "- Ervaring als leidinggevende in de horeca.",
    "- Een diploma op mbo-niveau 4 (of vergelijkbaar).",
    "- Je spreekt Nederlands en Engels; Duits is een pré.",
    "",
  ].join("\n"),
).join("\n");

const NOW = new Date("2026-11-22T09:00:00Z");

describe("vacancy PDF", () => {
  it("renders a multi-page A4 with the title, facts, bullets, image and footer", async () => {
    const image = png(320, 180, [27, 107, 58]);
    const pdf = await renderVacancyPdf(vacancy({ description: LONG_DESCRIPTION }), {
      locale: "nl",
      portalName: "Werkbrug Haaglanden",
      primaryColor: "#1b6b3a",
      educationLabel: "Middelbaar beroepsonderwijs niveau 4",
      image,
      now: NOW,
    });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
    const source = pdf.toString("latin1");
    // A4 in points.
    expect(source).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    // The image is embedded as an image XObject of its own size.
    expect(source).toMatch(/\/Subtype \/Image[\s\S]*?\/Width 320[\s\S]*?\/Height 180/);
    // Liberation Sans (Helvetica's metrics), embedded; no standard font.
    expect(source).not.toContain("/BaseFont /Helvetica");
    expect(readPdf(pdf).fonts.map((f) => f.baseFont)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\+LiberationSans$/),
        expect.stringMatching(/\+LiberationSans-Bold$/),
      ]),
    );

    const text = pdfText(pdf);
    expect(text).toContain("Werkbrug Haaglanden");
    // "é" reads back as é (through the embedded font's ToUnicode map).
    expect(text).toContain("Teamleider café-restaurant");
    expect(text).toContain("Leidinggevende horeca");
    expect(text).toContain("Kwekerij De Zeeuwse Tuin · Naaldwijk");
    expect(text).toContain("Werkervaringsplek");
    expect(text).toContain("24–32 uur");
    expect(text).toContain("Middelbaar beroepsonderwijs niveau 4");
    expect(text).toContain("31 december 2026");
    expect(text).toContain("Tijdelijk, tot en met 31 december 2027");
    expect(text).toContain("schaal 6–8");
    expect(text).toMatch(/€\s2\.800 – €\s3\.400 per maand/);
    expect(text).toContain("Wim van Westen (werkgever@demo.werkbrug.test)");
    expect(text).toContain("Wat vragen we?");
    // Bullets are drawn as dots: the "- " marker itself is not printed.
    expect(text).toContain("Ervaring als leidinggevende in de horeca.");
    expect(text).not.toContain("- Ervaring");
    expect(text).toContain("Gedownload op 22 november 2026");
    const pages = pageCount(pdf);
    expect(text).toContain(`Pagina 1 van ${pages}`);
    expect(text).toContain(`Pagina ${pages} van ${pages}`);

    // Document information.
    expect(infoEntry(pdf, "Creator")).toBe("Werkbrug");
    expect(infoEntry(pdf, "Title")).toBe("Teamleider café-restaurant");
    expect(infoEntry(pdf, "Author")).toBe("Kwekerij De Zeeuwse Tuin");
    expect(source).toContain("/Lang (nl-NL)");
  });

  it("speaks English and leaves out what is unknown, and an unreadable image", async () => {
    const pdf = await renderVacancyPdf(
      vacancy({
        kind: "volunteer",
        salaryMin: null,
        salaryMax: null,
        salaryScaleMin: null,
        salaryScaleMax: null,
        durationKind: "permanent",
        hoursMin: null,
        hoursMax: 16,
        contactVia: "account_manager",
        description: "Help us out on Saturdays.\n\n• Friendly team\n• Free lunch",
      }),
      {
        locale: "en",
        portalName: "Werkbrug National",
        primaryColor: "#ffe066",
        image: Buffer.from("not an image at all"),
        now: NOW,
      },
    );
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain("Volunteering");
    expect(text).toContain("up to 16 hours");
    expect(text).toContain("Permanent");
    expect(text).toContain("Account manager");
    expect(text).toContain("Fatima El Amrani");
    expect(text).not.toContain("Salary");
    expect(text).toContain("Free lunch");
    expect(text).toContain("Downloaded on 22 November 2026");
    expect(text).toContain("Page 1 of 1");
    expect(pdf.toString("latin1")).not.toContain("/Subtype /Image");
  });

  describe("PDF tags and fonts", () => {
    const description =
      "Je werkt in een klein team.\n\nWat vragen we?\n- Ervaring in de horeca\n- Een rijbewijs\n\nTot snel!";
    it.each([
      {
        locale: "nl" as const,
        lang: "nl-NL",
        kind: "Werkervaringsplek",
        glance: "In het kort",
        descr: "Omschrijving",
        alt: "Afbeelding bij de vacature Teamleider café-restaurant",
        footer: "Gedownload op",
        row: ["Uren per week", "24–32 uur"],
      },
      {
        locale: "en" as const,
        lang: "en-GB",
        kind: "Work experience placement",
        glance: "At a glance",
        descr: "Description",
        alt: "Image for the vacancy Teamleider café-restaurant",
        footer: "Downloaded on",
        row: ["Hours per week", "24–32 hours"],
      },
    ])("is a tagged PDF in reading order with embedded fonts ($locale)", async (c) => {
      const pdf = await renderVacancyPdf(vacancy({ description }), {
        locale: c.locale,
        portalName: "Werkbrug Haaglanden",
        primaryColor: "#1b6b3a",
        image: png(40, 20, [27, 107, 58]),
        now: NOW,
      });
      const report = expectAccessiblePdf(pdf, { lang: c.lang, title: "Teamleider café-restaurant" });
      expect(report.fonts.map((f) => f.baseFont.replace(/^[A-Z]{6}\+/, "")).sort()).toEqual([
        "LiberationSans",
        "LiberationSans-Bold",
      ]);
      const [document] = report.structure ?? [];
      expect(document?.type).toBe("Document");
      // The reading order: band, title block, image, facts, description.
      expect(
        document?.children.map((e) => [e.type, e.type === "Table" || e.type === "L" ? "" : e.text]),
      ).toEqual([
        ["P", "Werkbrug Haaglanden"],
        ["P", c.kind],
        ["H1", "Teamleider café-restaurant"],
        ["P", "Leidinggevende horeca"],
        ["P", "Kwekerij De Zeeuwse Tuin · Naaldwijk"],
        ["Figure", ""],
        ["H2", c.glance],
        ["Table", ""],
        ["H2", c.descr],
        ["P", "Je werkt in een klein team."],
        ["H3", "Wat vragen we?"],
        ["L", ""],
        ["P", "Tot snel!"],
      ]);
      const elements = structElements(report.structure);
      expect(elements.find((e) => e.type === "Figure")?.alt).toBe(c.alt);
      // The facts: one row per fact, the label a row header.
      const rows = elements.filter((e) => e.type === "TR");
      expect(rows.length).toBe(vacancyFacts(vacancy(), c.locale, null).length);
      expect(rows.map((r) => r.children.map((cell) => [cell.type, cell.text]))).toContainEqual([
        ["TH", c.row[0]],
        ["TD", c.row[1]],
      ]);
      // The bullets: one list, an item each (the dot is decoration).
      const list = elements.find((e) => e.type === "L");
      expect(list?.children.map((li) => [li.type, li.children[0]?.type, li.text])).toEqual([
        ["LI", "LBody", "Ervaring in de horeca"],
        ["LI", "LBody", "Een rijbewijs"],
      ]);
      // The footer is drawn but is a pagination artifact, outside the structure.
      expect(report.text).toContain(c.footer);
      expect(elements.some((e) => e.text.includes(c.footer))).toBe(false);
    });

    it("keeps a title with & and < in the document information and the XMP metadata", async () => {
      const title = "Monteur R&D <werkplaats> “Zuid”";
      const pdf = await renderVacancyPdf(vacancy({ displayTitle: title }), {
        locale: "nl",
        portalName: "Werkbrug Haaglanden",
        primaryColor: "#1b6b3a",
        now: NOW,
      });
      const report = expectAccessiblePdf(pdf, { lang: "nl-NL", title });
      expect(report.structure?.[0]?.children.find((e) => e.type === "H1")?.text).toBe(title);
    });

    it("keeps a paragraph that runs onto the next page in one element", async () => {
      const pdf = await renderVacancyPdf(vacancy({ description: LONG_DESCRIPTION }), {
        locale: "nl",
        portalName: "Werkbrug Haaglanden",
        primaryColor: "#1b6b3a",
        now: NOW,
      });
      const report = expectAccessiblePdf(pdf, { lang: "nl-NL", title: "Teamleider café-restaurant" });
      expect(report.pageCount).toBeGreaterThanOrEqual(2);
      const elements = structElements(report.structure);
      const paragraphs = elements.filter((e) => e.type === "P" && e.text.startsWith("Onderdeel"));
      expect(paragraphs.map((p) => p.text.split(".")[0])).toEqual(
        Array.from({ length: 14 }, (_, i) => `Onderdeel ${i + 1}`),
      );
      for (const p of paragraphs) expect(p.text).toMatch(/de roosters\.$/);
      expect(elements.filter((e) => e.type === "H3")).toHaveLength(14);
      expect(elements.filter((e) => e.type === "LI")).toHaveLength(14 * 3);
    });
  });

  it("splits a description into paragraphs, list headings and bullets", () => {
    expect(
      descriptionBlocks("Eerste regel\ntweede regel\n\nWat bieden we?\n- Goed salaris\n* Fiets\n\nSlot."),
    ).toEqual([
      { kind: "paragraph", text: "Eerste regel\ntweede regel" },
      { kind: "heading", text: "Wat bieden we?" },
      { kind: "bullet", text: "Goed salaris" },
      { kind: "bullet", text: "Fiets" },
      { kind: "paragraph", text: "Slot." },
    ]);
  });

  it("keeps Dutch and WinAnsi characters and replaces the rest", () => {
    expect(toWinAnsi("Één café, ë ï € – “quote”")).toBe("Één café, ë ï € – “quote”");
    expect(toWinAnsi("Łódź ő\u202f€ 😀")).toBe("?ódz o € ?");
  });

  it("lists the facts in the reader's language", () => {
    const facts = Object.fromEntries(vacancyFacts(vacancy(), "en", null));
    expect(facts).toMatchObject({
      Type: "Work experience placement",
      "Hours per week": "24–32 hours",
      Positions: "2",
      Duration: "Temporary, until 31 December 2027",
      "Salary scale": "scale 6–8",
      "Education level": "mbo-4",
      "Work location": "Zuidweg 12, 2671 MN Naaldwijk",
      "Closing date": "31 December 2026",
      "Contact via": "Employer",
    });
  });
});
