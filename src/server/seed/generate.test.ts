import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidates } from "../modules/candidates/candidates.schema";
import {
  findPlaceByName,
  getCertificates,
  getDayparts,
  getDays,
  getDrivingLicences,
  getEducationLevels,
  getLanguages,
  getOccupation,
  getOccupationGroups,
  getPhysicalCapacities,
  getPlace,
  getTargetGroups,
  getTransportModes,
  getWorkLevels,
  getWorkTypes,
} from "../modules/taxonomy/reference-data";
import { organisations, portals } from "../modules/tenancy/tenancy.schema";
import { vacancies } from "../modules/vacancies/vacancies.schema";
import { type Database, openPglite } from "../platform/db";
import { insertCandidates, insertVacancies } from "./bulk";
import {
  CANDIDATE_REFERENCE_DATE,
  type CandidateRow,
  createRng,
  distanceKm,
  generateCandidate,
  generateVacancy,
  type SeedOrganisation,
  type SeedPortal,
} from "./generate";
import { COMMON_OCCUPATIONS, EMAIL_DOMAINS } from "./words";

const SEED = 4242;
const PORTALS: SeedPortal[] = [
  { id: "00000000-0000-4000-8000-000000000001", slug: "landelijk", national: true },
  { id: "00000000-0000-4000-8000-000000000002", slug: "haaglanden", national: false },
  { id: "00000000-0000-4000-8000-000000000003", slug: "rijnmond", national: false },
];
const [NATIONAL, HAAGLANDEN, RIJNMOND] = PORTALS as [SeedPortal, SeedPortal, SeedPortal];
const N = 3000;
const rows: CandidateRow[] = Array.from({ length: N }, (_, i) =>
  generateCandidate(i, { seed: SEED, portals: PORTALS }),
);

const DEN_HAAG = findPlaceByName("Den Haag")!;
const ROTTERDAM = findPlaceByName("Rotterdam")!;
const sectorById = new Map(COMMON_OCCUPATIONS.map((o) => [o.id, o.sector]));

function share(predicate: (row: CandidateRow) => boolean): number {
  return rows.filter(predicate).length / rows.length;
}

function text(row: CandidateRow): string {
  return `${row.headline} ${row.summary}`.toLowerCase();
}

function ageAtReference(birthDate: string): number {
  const birth = new Date(`${birthDate}T00:00:00Z`);
  const ref = CANDIDATE_REFERENCE_DATE;
  let age = ref.getUTCFullYear() - birth.getUTCFullYear();
  if (
    ref.getUTCMonth() < birth.getUTCMonth() ||
    (ref.getUTCMonth() === birth.getUTCMonth() && ref.getUTCDate() < birth.getUTCDate())
  ) {
    age--;
  }
  return age;
}

describe("createRng", () => {
  it("repeats for a seed and spreads over [0, 1)", () => {
    const a = createRng(7);
    const b = createRng(7);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
    expect(createRng(8)()).not.toBe(createRng(7)());
  });
});

describe("generateCandidate", () => {
  it("gives the same row for the same index and seed, in any order", () => {
    const again = [5, 1, 0, 2999].map((i) => generateCandidate(i, { seed: SEED, portals: PORTALS }));
    expect(again).toEqual([rows[5], rows[1], rows[0], rows[2999]]);
  });

  it("gives different people for different indexes and seeds", () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(N);
    for (const row of rows)
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(rows.map((r) => r.summary)).size).toBe(N);
    const other = generateCandidate(0, { seed: SEED + 1, portals: PORTALS });
    expect(other.id).not.toBe(rows[0]!.id);
    expect(other.summary).not.toBe(rows[0]!.summary);
  });

  it("spreads candidates over the portals roughly 40/35/25", () => {
    expect(share((r) => r.portalId === HAAGLANDEN.id)).toBeGreaterThan(0.36);
    expect(share((r) => r.portalId === HAAGLANDEN.id)).toBeLessThan(0.44);
    expect(share((r) => r.portalId === RIJNMOND.id)).toBeGreaterThan(0.31);
    expect(share((r) => r.portalId === RIJNMOND.id)).toBeLessThan(0.39);
    expect(share((r) => r.portalId === NATIONAL.id)).toBeGreaterThan(0.21);
    expect(share((r) => r.portalId === NATIONAL.id)).toBeLessThan(0.29);
  });

  it("gives a portal it does not know a share too", () => {
    const withExtra = [
      ...PORTALS,
      { id: "00000000-0000-4000-8000-000000000004", slug: "utrecht", national: false },
    ];
    const extra = Array.from({ length: 1000 }, (_, i) =>
      generateCandidate(i, { seed: SEED, portals: withExtra }),
    );
    const count = extra.filter((r) => r.portalId === withExtra[3]!.id).length;
    expect(count).toBeGreaterThan(50);
    expect(count).toBeLessThan(150);
  });

  it("places people in their portal's region, with a Dutch postcode", () => {
    for (const row of rows) {
      expect(row.lat).toBeTypeOf("number");
      expect(row.postcode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
      const point = { lat: row.lat!, lon: row.lon! };
      if (row.portalId === HAAGLANDEN.id) expect(distanceKm(point, DEN_HAAG)).toBeLessThan(25);
      if (row.portalId === RIJNMOND.id) expect(distanceKm(point, ROTTERDAM)).toBeLessThan(25);
      const place = findPlaceByName(row.city!, { country: "NL" });
      expect(place, row.city!).toBeDefined();
      // Jittered by at most ~2 km around the place.
      expect(distanceKm(point, place!)).toBeLessThan(2.5);
    }
    const national = rows.filter((r) => r.portalId === NATIONAL.id);
    expect(new Set(national.map((r) => r.city)).size).toBeGreaterThan(80);
    expect(national.filter((r) => r.city === "Amsterdam").length).toBeGreaterThan(national.length * 0.05);
    const denHaag = rows.filter((r) => r.city === "Den Haag");
    for (const r of denHaag) {
      const digits = Number(r.postcode!.slice(0, 4));
      expect(digits).toBeGreaterThanOrEqual(2491);
      expect(digits).toBeLessThanOrEqual(2599);
    }
  });

  it("makes adults of working age, with plausible hours and availability", () => {
    for (const row of rows) {
      const year = Number(row.birthDate!.slice(0, 4));
      expect(year).toBeGreaterThanOrEqual(1962);
      expect(year).toBeLessThanOrEqual(2007);
      const age = ageAtReference(row.birthDate!);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(65);
      expect(row.hoursMin!).toBeGreaterThanOrEqual(8);
      expect(row.hoursMax!).toBeLessThanOrEqual(40);
      expect(row.hoursMin!).toBeLessThanOrEqual(row.hoursMax!);
      expect(row.maxTravelKm!).toBeGreaterThanOrEqual(5);
      expect(row.maxTravelKm!).toBeLessThanOrEqual(50);
      const days = (Date.parse(row.availableFrom!) - CANDIDATE_REFERENCE_DATE.getTime()) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(0);
      expect(days).toBeLessThanOrEqual(120);
      expect(row.userId).toBeNull();
      for (const e of row.experience!) {
        expect(e.from < (e.to ?? "9999")).toBe(true);
        expect((e.to ?? "") <= CANDIDATE_REFERENCE_DATE.toISOString().slice(0, 10)).toBe(true);
        expect(Number(e.from.slice(0, 4)) - year).toBeGreaterThanOrEqual(16);
      }
    }
    expect(share((r) => ageAtReference(r.birthDate!) < 25)).toBeGreaterThan(0.08);
    expect(share((r) => ageAtReference(r.birthDate!) >= 50)).toBeGreaterThan(0.15);
    expect(share((r) => r.visible === true)).toBeGreaterThan(0.88);
    expect(share((r) => r.visible === true)).toBeLessThan(0.96);
  });

  it("uses only ids from the reference lists", () => {
    const ids = (list: readonly { id: string }[]) => new Set(list.map((x) => x.id));
    const education = ids(getEducationLevels());
    const workLevels = ids(getWorkLevels());
    const licences = ids(getDrivingLicences());
    const languages = ids(getLanguages());
    const certificates = ids(getCertificates());
    const physical = ids(getPhysicalCapacities());
    const targetGroups = ids(getTargetGroups());
    const transport = ids(getTransportModes());
    const dayparts = ids([...getDays(), ...getDayparts()]);
    const workTypes = ids(getWorkTypes());
    const sectors = ids(getOccupationGroups());
    for (const row of rows) {
      expect(row.desiredOccupationIds!.length).toBeGreaterThanOrEqual(1);
      expect(row.desiredOccupationIds!.length).toBeLessThanOrEqual(3);
      for (const id of row.desiredOccupationIds!) expect(getOccupation(id), id).toBeDefined();
      for (const e of row.experience!) expect(getOccupation(e.occupationId!), e.occupationId!).toBeDefined();
      if (row.educationLevel) expect(education.has(row.educationLevel)).toBe(true);
      expect(workLevels.has(row.workLevel!)).toBe(true);
      for (const id of row.drivingLicences!) expect(licences.has(id), id).toBe(true);
      for (const l of row.languages!) expect(languages.has(l.code), l.code).toBe(true);
      for (const id of row.certificates!) expect(certificates.has(id), id).toBe(true);
      for (const id of row.physicalLimitations!) expect(physical.has(id), id).toBe(true);
      for (const id of row.targetGroups!) expect(targetGroups.has(id), id).toBe(true);
      for (const id of row.transportModes!) expect(transport.has(id), id).toBe(true);
      for (const id of row.dayparts!) expect(dayparts.has(id), id).toBe(true);
      expect(getPlace(row.placeId!)?.name).toBe(row.city);
      for (const id of row.workTypes!) expect(workTypes.has(id), id).toBe(true);
      for (const id of row.sectors!) expect(sectors.has(id), id).toBe(true);
      expect(row.workTypes!.length).toBeGreaterThanOrEqual(1);
      expect(row.experience!.length).toBeLessThanOrEqual(4);
      expect(row.targetGroups!.length).toBeLessThanOrEqual(2);
      expect(row.transportModes!.length).toBeGreaterThanOrEqual(1);
      expect(row.transportModes!.length).toBeLessThanOrEqual(3);
    }
  });

  it("has realistic facts: licences, drivers, certificates, limitations, Dutch", () => {
    expect(share((r) => r.drivingLicences!.includes("B"))).toBeGreaterThan(0.55);
    expect(share((r) => r.drivingLicences!.includes("B"))).toBeLessThan(0.78);
    const truckers = rows.filter((r) => r.desiredOccupationIds![0] === "8332.2");
    expect(truckers.length).toBeGreaterThan(10);
    for (const r of truckers) expect(r.drivingLicences).toContain("C");
    const forklift = rows.filter((r) => r.desiredOccupationIds![0] === "8344.1");
    for (const r of forklift) expect(r.certificates).toContain("heftruck");
    const limited = share((r) => r.physicalLimitations!.length > 0);
    expect(limited).toBeGreaterThan(0.08);
    expect(limited).toBeLessThan(0.18);
    expect(share((r) => r.languages![0]?.code === "nl")).toBeGreaterThan(0.95);
    expect(share((r) => r.languages!.some((l) => l.code === "nl" && l.level === "native"))).toBeGreaterThan(
      0.7,
    );
    // Education follows the job: professionals are mostly hbo/wo, elementary occupations are not.
    const professionals = rows.filter((r) =>
      getOccupation(r.desiredOccupationIds![0]!)!.isco.startsWith("2"),
    );
    const higher = professionals.filter((r) => /^(hbo|wo|doctoraat)/.test(r.educationLevel ?? ""));
    expect(higher.length / professionals.length).toBeGreaterThan(0.6);
    const elementary = rows.filter((r) => getOccupation(r.desiredOccupationIds![0]!)!.isco.startsWith("9"));
    const elementaryHigher = elementary.filter((r) => /^(hbo|wo)/.test(r.educationLevel ?? ""));
    expect(elementaryHigher.length / elementary.length).toBeLessThan(0.1);
  });

  it("writes diverse names and example contact details", () => {
    expect(new Set(rows.map((r) => r.lastName)).size).toBeGreaterThan(200);
    expect(rows.some((r) => r.lastName.startsWith("van der "))).toBe(true);
    expect(rows.some((r) => r.lastName.startsWith("de "))).toBe(true);
    expect(share((r) => /^(van|de|ter|ten) /.test(r.lastName))).toBeGreaterThan(0.1);
    for (const row of rows) {
      if (row.email) {
        const domain = row.email.split("@")[1]!;
        expect(EMAIL_DOMAINS as readonly string[]).toContain(domain);
        expect(row.email).toMatch(/^[a-z0-9._]+@[a-z.]+$/);
      }
      if (row.phone) expect(row.phone).toMatch(/^06-\d{8}$/);
    }
  });

  it("writes a 50-300 word summary that matches the occupation", () => {
    for (const row of rows) {
      const words = row.summary!.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(50);
      expect(words).toBeLessThanOrEqual(300);
      expect(row.headline!.length).toBeGreaterThan(5);
    }
    const bySector = (sector: string) =>
      rows.filter((r) => sectorById.get(r.desiredOccupationIds![0]!) === sector);
    const mentions = (list: CandidateRow[], pattern: RegExp) =>
      list.filter((r) => pattern.test(text(r))).length;
    const logistics = bySector("logistics");
    expect(mentions(logistics, /\b(magazijn|heftruck)\b/) / logistics.length).toBeGreaterThan(0.6);
    const care = bySector("care");
    expect(mentions(care, /\bzorg\b/) / care.length).toBeGreaterThan(0.5);
    const admin = bySector("admin");
    expect(mentions(admin, /\badministratie\b/) / admin.length).toBeGreaterThan(0.4);
    const customerFacing = [...bySector("retail"), ...bySector("customer"), ...bySector("hospitality")];
    expect(mentions(customerFacing, /\bklantvriendelijk\b/) / customerFacing.length).toBeGreaterThan(0.4);
    for (const r of rows.filter((x) => x.desiredOccupationIds![0] === "8344.1"))
      expect(text(r)).toContain("heftruck");
  });
});

describe("generateVacancy", () => {
  const orgs: SeedOrganisation[] = [
    {
      id: "10000000-0000-4000-8000-000000000001",
      name: "Westland Logistiek B.V.",
      kind: "employer",
      portalId: HAAGLANDEN.id,
      city: "Naaldwijk",
      lat: 51.994,
      lon: 4.21,
    },
    {
      id: "10000000-0000-4000-8000-000000000002",
      name: "Gemeente Rotterdam",
      kind: "municipality",
      portalId: RIJNMOND.id,
      city: "Rotterdam",
      lat: null,
      lon: null,
    },
    {
      id: "10000000-0000-4000-8000-000000000003",
      name: "Uitzendbureau Flexwerk",
      kind: "agency",
      portalId: NATIONAL.id,
      city: "Utrecht",
      lat: 52.09,
      lon: 5.12,
    },
  ];
  const now = new Date("2026-11-22T09:00:00Z");
  const list = Array.from({ length: 1000 }, (_, i) =>
    generateVacancy(i, { seed: SEED, organisations: orgs, now }),
  );

  it("is deterministic", () => {
    expect(generateVacancy(17, { seed: SEED, organisations: orgs, now })).toEqual(list[17]);
    expect(new Set(list.map((v) => v.id)).size).toBe(list.length);
  });

  it("belongs to its organisation's portal and lies near it", () => {
    for (const v of list) {
      const org = orgs.find((o) => o.id === v.organisationId)!;
      expect(v.portalId).toBe(org.portalId);
      expect(getOccupation(v.occupationId!)).toBeDefined();
      expect(v.title.charAt(0)).toBe(v.title.charAt(0).toUpperCase());
      expect(v.hoursMin!).toBeLessThanOrEqual(v.hoursMax!);
      expect(v.positions!).toBeGreaterThanOrEqual(1);
      expect(v.positions!).toBeLessThanOrEqual(5);
      const home = org.lat !== null && org.lon !== null ? { lat: org.lat, lon: org.lon } : ROTTERDAM;
      expect(distanceKm({ lat: v.lat!, lon: v.lon! }, home)).toBeLessThan(22);
      const words = v.description!.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(80);
      expect(words).toBeLessThanOrEqual(250);
    }
  });

  it("has mostly published vacancies with sensible dates", () => {
    const published = list.filter((v) => v.status === "published");
    expect(published.length / list.length).toBeGreaterThan(0.64);
    expect(published.length / list.length).toBeLessThan(0.76);
    for (const status of ["draft", "requested", "closed"] as const) {
      expect(list.some((v) => v.status === status)).toBe(true);
    }
    for (const v of published) {
      const ageDays =
        (Date.parse(now.toISOString().slice(0, 10)) - Date.parse(v.publishPortalFrom!)) / 86_400_000;
      expect(ageDays).toBeGreaterThanOrEqual(0);
      expect(ageDays).toBeLessThanOrEqual(60);
      const closesIn = (Date.parse(v.closesOn!) - Date.parse(now.toISOString().slice(0, 10))) / 86_400_000;
      expect(closesIn).toBeGreaterThanOrEqual(7);
      expect(closesIn).toBeLessThanOrEqual(90);
    }
    // A logistics employer mostly recruits for logistics.
    const westland = list.filter((v) => v.organisationId === orgs[0]!.id);
    const logistics = westland.filter((v) => sectorById.get(v.occupationId!) === "logistics");
    expect(logistics.length / westland.length).toBeGreaterThan(0.5);
  });
});

describe("bulk insert into PGlite", () => {
  let database: Database;
  const seedPortals: SeedPortal[] = [];

  beforeAll(async () => {
    database = await openPglite();
    await database.migrate();
    const [national] = await database.db
      .insert(portals)
      .values({ slug: "landelijk", nameNl: "Werkbrug Landelijk", nameEn: "Werkbrug National" })
      .returning();
    const regional = await database.db
      .insert(portals)
      .values([
        {
          slug: "haaglanden",
          nameNl: "Werkbrug Haaglanden",
          nameEn: "Werkbrug Haaglanden",
          parentId: national!.id,
        },
        {
          slug: "rijnmond",
          nameNl: "Werkbrug Rijnmond",
          nameEn: "Werkbrug Rijnmond",
          parentId: national!.id,
        },
      ])
      .returning();
    seedPortals.push(
      { id: national!.id, slug: national!.slug, national: true },
      ...regional.map((p) => ({ id: p.id, slug: p.slug, national: false })),
    );
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  it("inserts 2,000 candidates that full-text search can find", async () => {
    const progress: number[] = [];
    await insertCandidates(database.db, {
      count: 2000,
      seed: SEED,
      portals: seedPortals,
      batchSize: 700,
      onProgress: (done, total) => {
        expect(total).toBe(2000);
        progress.push(done);
      },
    });
    expect(progress).toEqual([700, 1400, 2000]);
    const [counted] = await database.db.select({ n: sql<number>`count(*)::int` }).from(candidates);
    expect(counted!.n).toBe(2000);

    const found = async (term: string) => {
      const [row] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(candidates)
        .where(
          sql`to_tsvector('dutch', ${candidates.headline} || ' ' || ${candidates.summary}) @@ plainto_tsquery('dutch', ${term})`,
        );
      return row!.n;
    };
    expect(await found("heftruck")).toBeGreaterThan(0);
    for (const term of ["zorg", "klantvriendelijk", "magazijn", "administratie"]) {
      expect(await found(term), term).toBeGreaterThan(0);
    }

    // The stored row is the generated one: ids, arrays and JSON survive the round trip.
    const expected = generateCandidate(1234, { seed: SEED, portals: seedPortals });
    const [stored] = await database.db
      .select()
      .from(candidates)
      .where(sql`${candidates.id} = ${expected.id}`);
    expect(stored).toMatchObject({
      firstName: expected.firstName,
      lastName: expected.lastName,
      birthDate: expected.birthDate,
      desiredOccupationIds: expected.desiredOccupationIds,
      experience: expected.experience,
      languages: expected.languages,
      dayparts: expected.dayparts,
      summary: expected.summary,
    });

    // A second call continues the sequence instead of repeating it.
    await insertCandidates(database.db, { count: 10, seed: SEED, startIndex: 2000, portals: seedPortals });
    const [after] = await database.db.select({ n: sql<number>`count(*)::int` }).from(candidates);
    expect(after!.n).toBe(2010);
  }, 120_000);

  it("inserts vacancies for organisations", async () => {
    const [org] = await database.db
      .insert(organisations)
      .values({
        kind: "employer",
        name: "Zorgcentrum De Duinen",
        city: "Den Haag",
        lat: 52.09,
        lon: 4.28,
        homePortalId: seedPortals[1]!.id,
      })
      .returning();
    await insertVacancies(database.db, {
      count: 50,
      seed: SEED,
      now: new Date("2026-11-22T09:00:00Z"),
      organisations: [
        {
          id: org!.id,
          name: org!.name,
          kind: "employer",
          portalId: org!.homePortalId,
          city: org!.city,
          lat: org!.lat,
          lon: org!.lon,
        },
      ],
    });
    const rows = await database.db.select().from(vacancies);
    expect(rows).toHaveLength(50);
    expect(rows.every((v) => v.portalId === seedPortals[1]!.id)).toBe(true);
    expect(rows.some((v) => v.status === "published" && typeof v.publishPortalFrom === "string")).toBe(true);
  }, 120_000);
});
