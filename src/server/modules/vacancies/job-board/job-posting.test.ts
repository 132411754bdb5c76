import { describe, expect, it } from "vitest";
import type { PublicVacancy } from "./job-board.repository";
import {
  buildJobPosting,
  descriptionHtml,
  employmentTypes,
  endOfDayAmsterdam,
  jsonForScript,
  parseIdSlug,
  slugify,
  summarise,
  vacancyPath,
  workHoursText,
} from "./job-posting";

const ID = "0b5b5f0e-8a4e-4d38-9a1b-3c2f4e5d6a7b";

function vacancy(overrides: Partial<PublicVacancy> = {}): PublicVacancy {
  return {
    id: ID,
    portalId: "6a3c1a7e-0000-4000-8000-000000000001",
    displayTitle: "Heftruckchauffeur in Den Haag",
    functionTitle: "Heftruckchauffeur",
    description: "Je rijdt heftruck.\nOok in het weekend.\n\nWe bieden een <goed> salaris & meer.",
    organisationName: "Westland Logistiek B.V.",
    kind: "vacancy",
    occupationId: "8344.1",
    educationLevel: "mbo-2",
    salaryMin: 2800,
    salaryMax: 3400,
    salaryScaleMin: 6,
    salaryScaleMax: 8,
    durationKind: "permanent",
    durationEndsOn: null,
    hoursMin: 32,
    hoursMax: 40,
    positions: 2,
    street: "Spui",
    houseNumber: "70",
    postcode: "2511 BT",
    city: "Den Haag",
    placeId: "nl-gm0518",
    lat: 52.07667,
    lon: 4.29861,
    publishPublicFrom: "2026-11-20",
    closesOn: "2026-12-31",
    updatedAt: new Date("2026-11-19T10:00:00Z"),
    ...overrides,
  };
}

describe("slugs and ids", () => {
  it("makes a lower-case ASCII slug from a title", () => {
    expect(slugify("Medewerker Zorg & Welzijn (m/v) – Café ’t Hoekje")).toBe(
      "medewerker-zorg-welzijn-m-v-cafe-t-hoekje",
    );
    expect(slugify("  Straße!!  ")).toBe("strasse");
    expect(slugify("!!!")).toBe("vacature");
    expect(slugify("a".repeat(200))).toHaveLength(80);
  });

  it("builds and parses /vacatures/<id>-<slug>", () => {
    expect(vacancyPath({ id: ID, displayTitle: "Heftruck­chauffeur Één" })).toBe(
      `/vacatures/${ID}-heftruck-chauffeur-een`,
    );
    expect(parseIdSlug(`${ID}-heftruckchauffeur`)).toEqual({ id: ID, slug: "heftruckchauffeur" });
    expect(parseIdSlug(ID.toUpperCase())).toEqual({ id: ID, slug: null });
    expect(parseIdSlug("heftruckchauffeur")).toBeNull();
    expect(parseIdSlug(`${ID.slice(0, 30)}-x`)).toBeNull();
  });
});

describe("texts", () => {
  it("turns a description into escaped paragraphs with line breaks", () => {
    expect(descriptionHtml("Eén <b>regel</b>\r\ntwee & drie\n\n\n  Tweede alinea  \n")).toBe(
      "<p>Eén &lt;b&gt;regel&lt;/b&gt;<br>twee &amp; drie</p><p>Tweede alinea</p>",
    );
    expect(descriptionHtml("   ")).toBe("");
  });

  it("summarises at a word boundary", () => {
    expect(summarise("kort\n\nverhaal")).toBe("kort verhaal");
    const long = "woord ".repeat(60);
    const s = summarise(long, 50);
    expect(s.length).toBeLessThanOrEqual(50);
    expect(s.endsWith("woord…")).toBe(true);
  });

  it("makes JSON safe inside a script element", () => {
    const json = jsonForScript({ a: "</script><script>alert(1)</script>", b: "x\u2028y & z" });
    expect(json).not.toContain("<");
    expect(json).not.toContain(">");
    expect(json).not.toContain("&");
    expect(JSON.parse(json)).toEqual({ a: "</script><script>alert(1)</script>", b: "x\u2028y & z" });
  });

  it("writes the work hours", () => {
    expect(workHoursText({ hoursMin: 32, hoursMax: 40 }, "nl")).toBe("32-40 uur per week");
    expect(workHoursText({ hoursMin: 36, hoursMax: 36 }, "nl")).toBe("36 uur per week");
    expect(workHoursText({ hoursMin: null, hoursMax: 24 }, "en")).toBe("24 hours per week");
    expect(workHoursText({ hoursMin: null, hoursMax: null }, "nl")).toBeNull();
  });
});

describe("dates in Dutch time", () => {
  it.each([
    ["2026-12-31", "2026-12-31T23:59:59+01:00"],
    ["2026-07-01", "2026-07-01T23:59:59+02:00"],
    // The days the clocks change: at the end of the day the new offset holds.
    ["2026-03-29", "2026-03-29T23:59:59+02:00"],
    ["2026-10-25", "2026-10-25T23:59:59+01:00"],
  ])("end of %s", (day, expected) => {
    expect(endOfDayAmsterdam(day)).toBe(expected);
  });
});

describe("employment types", () => {
  const base = { kind: "vacancy" as const, hoursMin: null, hoursMax: null, durationKind: "permanent" };
  it.each([
    [{ hoursMin: 32, hoursMax: 40 }, ["FULL_TIME"]],
    [{ hoursMin: 16, hoursMax: 24 }, ["PART_TIME"]],
    [{ hoursMin: 24, hoursMax: 36 }, ["FULL_TIME", "PART_TIME"]],
    [{ hoursMin: null, hoursMax: 32 }, ["FULL_TIME"]],
    [{ hoursMin: 32, hoursMax: 40, durationKind: "temporary" }, ["FULL_TIME", "TEMPORARY"]],
    [{ kind: "internship" as const, hoursMin: 40, hoursMax: 40 }, ["INTERN", "FULL_TIME"]],
    [{ kind: "apprenticeship" as const }, ["INTERN"]],
    [{ kind: "traineeship" as const }, ["INTERN"]],
    [{ kind: "work_experience" as const, hoursMin: 20, hoursMax: 20 }, ["INTERN", "PART_TIME"]],
    [{ kind: "volunteer" as const, hoursMin: 8, hoursMax: 8 }, ["VOLUNTEER", "PART_TIME"]],
    [{}, []],
  ])("%o", (input, expected) => {
    expect(employmentTypes({ ...base, ...input })).toEqual(expected);
  });
});

describe("JobPosting", () => {
  const url = `https://haaglanden.werkbrug.nl/vacatures/${ID}-heftruckchauffeur-in-den-haag`;

  it("has every property Google for Jobs reads", () => {
    expect(buildJobPosting(vacancy(), { url })).toEqual({
      "@context": "https://schema.org/",
      "@type": "JobPosting",
      title: "Heftruckchauffeur in Den Haag",
      description:
        "<p>Je rijdt heftruck.<br>Ook in het weekend.</p><p>We bieden een &lt;goed&gt; salaris &amp; meer.</p>",
      datePosted: "2026-11-20",
      validThrough: "2026-12-31T23:59:59+01:00",
      employmentType: "FULL_TIME",
      hiringOrganization: { "@type": "Organization", name: "Westland Logistiek B.V." },
      jobLocation: {
        "@type": "Place",
        address: {
          "@type": "PostalAddress",
          streetAddress: "Spui 70",
          postalCode: "2511 BT",
          addressLocality: "Den Haag",
          addressRegion: "Zuid-Holland",
          addressCountry: "NL",
        },
        geo: { "@type": "GeoCoordinates", latitude: 52.07667, longitude: 4.29861 },
      },
      baseSalary: {
        "@type": "MonetaryAmount",
        currency: "EUR",
        value: { "@type": "QuantitativeValue", minValue: 2800, maxValue: 3400, unitText: "MONTH" },
      },
      identifier: { "@type": "PropertyValue", name: "Westland Logistiek B.V.", value: ID },
      directApply: true,
      url,
      occupationalCategory: "8344",
      workHours: "32-40 uur per week",
      educationRequirements: {
        "@type": "EducationalOccupationalCredential",
        credentialCategory: "professional certificate",
        educationalLevel: "Mbo 2",
      },
      totalJobOpenings: 2,
    });
  });

  it("leaves out what is not known and lists several employment types", () => {
    const posting = buildJobPosting(
      vacancy({
        kind: "internship",
        durationKind: "temporary",
        hoursMin: 24,
        hoursMax: 36,
        salaryMin: null,
        salaryMax: null,
        occupationId: null,
        educationLevel: null,
        closesOn: null,
        street: null,
        houseNumber: null,
        postcode: null,
        placeId: null,
        lat: null,
        lon: null,
      }),
      { url, locale: "en" },
    );
    expect(posting.employmentType).toEqual(["INTERN", "FULL_TIME", "PART_TIME", "TEMPORARY"]);
    expect(posting.jobLocation).toEqual({
      "@type": "Place",
      address: { "@type": "PostalAddress", addressLocality: "Den Haag", addressCountry: "NL" },
    });
    expect(posting.workHours).toBe("24-36 hours per week");
    for (const key of ["baseSalary", "validThrough", "occupationalCategory", "educationRequirements"]) {
      expect(posting, key).not.toHaveProperty(key);
    }
  });

  it("gives a salary with only a minimum or maximum", () => {
    expect(buildJobPosting(vacancy({ salaryMax: null }), { url }).baseSalary).toEqual({
      "@type": "MonetaryAmount",
      currency: "EUR",
      value: { "@type": "QuantitativeValue", minValue: 2800, unitText: "MONTH" },
    });
  });
});
