import { describe, expect, it } from "vitest";
import { WORK_TYPES } from "../../../contracts/taxonomy";
import {
  findPlaceByName,
  foldSearchText,
  getCertificates,
  getDayparts,
  getDays,
  getDrivingLicences,
  getEducationLevels,
  getLanguages,
  getMunicipalities,
  getOccupation,
  getOccupationGroups,
  getOccupations,
  getPhysicalCapacities,
  getPlace,
  getPlaces,
  getTargetGroups,
  getTransportModes,
  getWorkLevels,
  getWorkTypes,
  relatedOccupations,
  searchOccupations,
  searchPlaces,
} from "./reference-data";

const names = (places: { name: string }[]) => places.map((p) => p.name);

describe("places", () => {
  it("has every Dutch municipality of 2025/2026, each inside the Netherlands", () => {
    const municipalities = getMunicipalities();
    expect(municipalities).toHaveLength(342);
    expect(new Set(municipalities.map((m) => m.municipalityCode)).size).toBe(342);
    for (const m of municipalities) {
      expect(m.country).toBe("NL");
      expect(m.lat, m.name).toBeGreaterThan(50.7);
      expect(m.lat, m.name).toBeLessThan(53.6);
      expect(m.lon, m.name).toBeGreaterThan(3.3);
      expect(m.lon, m.name).toBeLessThan(7.25);
    }
    const municipalityNames = municipalities.map((m) => m.name);
    for (const city of [
      "Amsterdam",
      "Den Haag",
      "Rotterdam",
      "Utrecht",
      "Eindhoven",
      "Groningen",
      "Maastricht",
    ]) {
      expect(municipalityNames).toContain(city);
    }
    // Recent mergers are there, their predecessors are not.
    expect(municipalityNames).toContain("Voorne aan Zee");
    expect(municipalityNames).toContain("Dijk en Waard");
    expect(municipalityNames).not.toContain("Hellevoetsluis");
  });

  it("has Dutch and Belgian places with unique ids, all with a province", () => {
    const places = getPlaces();
    expect(places.filter((p) => p.country === "NL").length).toBeGreaterThan(1500);
    expect(places.filter((p) => p.country === "BE").length).toBeGreaterThan(1500);
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
    for (const p of places) expect(p.province, p.id).not.toBe("");
    expect(getPlace("nl-gm0363")?.name).toBe("Amsterdam");
  });

  it("finds The Hague by both names and Den Bosch by its everyday name", () => {
    expect(searchPlaces("den haag")[0]?.name).toBe("Den Haag");
    expect(searchPlaces("'s-gravenhage")[0]?.name).toBe("Den Haag");
    expect(searchPlaces("s Gravenhage")[0]?.name).toBe("Den Haag");
    expect(searchPlaces("Den Bosch")[0]?.name).toBe("'s-Hertogenbosch");
    expect(searchPlaces("'s-hertogenbosch")[0]?.name).toBe("'s-Hertogenbosch");
    expect(findPlaceByName("Den Haag")?.kind).toBe("municipality");
  });

  it("ranks a prefix before a substring and a municipality before a place", () => {
    expect(searchPlaces("Zoetermeer")[0]?.name).toBe("Zoetermeer");
    const gronin = searchPlaces("gronin");
    expect(gronin[0]?.name).toBe("Groningen");
    expect(gronin[0]?.kind).toBe("municipality");
    expect(names(gronin)).toContain("Midden-Groningen");
    expect(names(gronin).indexOf("Groningen")).toBeLessThan(names(gronin).indexOf("Midden-Groningen"));
    expect(searchPlaces("amster")[0]?.id).toBe("nl-gm0363");
  });

  it("ignores accents, case and hyphens", () => {
    expect(searchPlaces("Sint-Oedenrode")[0]?.name).toBe("Sint-Oedenrode");
    expect(searchPlaces("sint oedenrode")[0]?.name).toBe("Sint-Oedenrode");
    expect(searchPlaces("GENEMUIDEN")[0]?.name).toBe("Genemuiden");
    expect(searchPlaces("nuenen")[0]?.name).toBe("Nuenen");
    expect(searchPlaces("sudwest fryslan")[0]?.name).toBe("Súdwest-Fryslân");
    expect(foldSearchText("'s-Gravenhage")).toBe(foldSearchText("s Gravenhage"));
  });

  it("gives Belgian cities their Dutch name and still finds the French one", () => {
    expect(searchPlaces("Liège")[0]?.name).toBe("Luik");
    expect(searchPlaces("liege", { country: "BE" })[0]?.name).toBe("Luik");
    expect(findPlaceByName("Luik")?.country).toBe("BE");
    expect(findPlaceByName("Bruxelles")?.name).toBe("Brussel");
    expect(findPlaceByName("Gent")?.province).toBe("Oost-Vlaanderen");
    expect(searchPlaces("bergen", { country: "BE" })[0]?.aliases).toContain("Mons");
  });

  it("filters by country and finds nothing for nonsense", () => {
    expect(searchPlaces("Bergen", { country: "NL", limit: 50 }).every((p) => p.country === "NL")).toBe(true);
    expect(searchPlaces("xqzzy")).toEqual([]);
    expect(searchPlaces("   ")).toEqual([]);
    expect(findPlaceByName("Amster")).toBeUndefined();
  });
});

describe("occupations", () => {
  it("has at least 300 occupations in both languages, each with ISCO code and work type", () => {
    const occupations = getOccupations();
    expect(occupations.length).toBeGreaterThanOrEqual(300);
    const groups = new Set(getOccupationGroups().map((g) => g.id));
    for (const o of occupations) {
      expect(o.label.nl, o.id).not.toBe("");
      expect(o.label.en, o.id).not.toBe("");
      expect(o.isco, o.id).toMatch(/^\d{4}$/);
      expect(WORK_TYPES, o.id).toContain(o.workType);
      expect(groups.has(o.group), o.id).toBe(true);
    }
    expect(new Set(occupations.map((o) => o.id)).size).toBe(occupations.length);
  });

  it("finds a nurse first for 'verpleegkundige'", () => {
    const [first] = searchOccupations("verpleegkundige");
    expect(first?.occupation.isco).toMatch(/^(2221|3221)$/);
  });

  it("finds drivers, developers and forklift operators", () => {
    expect(searchOccupations("heftruckchauffeur")[0]?.occupation.label.nl).toBe("heftruckchauffeur");
    expect(searchOccupations("Heftruckchauffeur")[0]?.occupation.workType).toBe("vervoeren");
    const drivers = searchOccupations("chauffeur", { limit: 5 });
    expect(drivers).toHaveLength(5);
    for (const hit of drivers) expect(hit.occupation.isco.slice(0, 2)).toBe("83");
    const developers = searchOccupations("developer", { locale: "en", limit: 5 });
    expect(developers.some((h) => h.occupation.isco.startsWith("25"))).toBe(true);
    expect(searchOccupations("software developer", { locale: "en" })[0]?.occupation.label.en).toBe(
      "software developer",
    );
  });

  it("ranks an exact label before a longer label", () => {
    const hits = searchOccupations("kok");
    expect(hits[0]?.occupation.label.nl).toBe("kok");
    expect(hits[0]?.field).toBe("label");
  });

  it("relates occupations of the same family and resolves them", () => {
    const nurse = searchOccupations("algemeen verpleegkundige")[0]!.occupation;
    expect(getOccupation(nurse.id)).toBe(nurse);
    const related = relatedOccupations(nurse.id);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(12);
    expect(related.map((o) => o.id)).not.toContain(nurse.id);
    expect(relatedOccupations("no-such-id")).toEqual([]);
  });
});

describe("small lists", () => {
  it("has exactly the 15 Dutch driving licence categories", () => {
    expect(getDrivingLicences().map((d) => d.id)).toEqual([
      ...["AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "T"],
    ]);
  });

  it("names languages in Dutch and English", () => {
    const byId = new Map(getLanguages().map((l) => [l.id, l]));
    expect(byId.size).toBeGreaterThanOrEqual(60);
    expect(byId.get("nl")?.label).toEqual({ nl: "Nederlands", en: "Dutch" });
    expect(byId.get("ar")?.label.nl).toBe("Arabisch");
    expect(byId.get("tr")?.label.nl).toBe("Turks");
    expect(byId.get("pl")?.label.nl).toBe("Pools");
    expect(byId.get("ti")?.label.nl).toBe("Tigrinya");
  });

  it("orders education levels from primary school to doctorate", () => {
    const levels = getEducationLevels();
    const orders = levels.map((l) => l.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const ids = levels.map((l) => l.id);
    expect(ids[0]).toBe("basisonderwijs");
    expect(ids.at(-1)).toBe("doctoraat");
    expect(ids.indexOf("mbo-2")).toBeLessThan(ids.indexOf("mbo-4"));
    expect(ids.indexOf("mbo-4")).toBeLessThan(ids.indexOf("hbo-bachelor"));
    expect(ids.indexOf("hbo-bachelor")).toBeLessThan(ids.indexOf("wo-master"));
  });

  it("has the five work types and the other filter lists, all in both languages", () => {
    expect(getWorkTypes().map((w) => w.id)).toEqual([...WORK_TYPES]);
    expect(getWorkLevels().map((w) => w.short.nl)).toEqual(["elementair", "vmbo", "mbo", "hbo", "wo"]);
    expect(getDays()).toHaveLength(7);
    expect(getDayparts().map((d) => d.id)).toEqual(["ochtend", "middag", "avond", "nacht"]);
    const certificateIds = getCertificates().map((c) => c.id);
    for (const id of ["bhv", "vca-basis", "heftruck", "code-95", "sociale-hygiene", "vog"]) {
      expect(certificateIds).toContain(id);
    }
    const lists = [getCertificates(), getPhysicalCapacities(), getTargetGroups(), getTransportModes()];
    for (const list of lists) {
      expect(list.length).toBeGreaterThan(0);
      expect(new Set(list.map((x) => x.id)).size).toBe(list.length);
      for (const x of list) {
        expect(x.label.nl).not.toBe("");
        expect(x.label.en).not.toBe("");
      }
    }
    expect(getTargetGroups().map((g) => g.id)).toEqual(
      expect.arrayContaining(["bbl", "garantiebaan", "praktijkroute"]),
    );
  });
});
