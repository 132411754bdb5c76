import { describe, expect, it } from "vitest";
import { recogniseSentence } from "./recognise";

/** The chips as "kind:id" and the text left over. */
function split(q: string, locale: "nl" | "en" = "nl") {
  const r = recogniseSentence(q, locale);
  return { chips: r.chips.map((c) => `${c.kind}:${c.id}`), text: r.text };
}

describe("explorer Enter with a typed sentence: the split into chips and free text", () => {
  it("recognises every part of the sentence from the issue, in the order typed", () => {
    const r = recogniseSentence("lasser Duits rijbewijs C fulltime", "nl");
    expect(r.chips).toEqual([
      { kind: "occupation", id: "7212.3", label: "lasser", matched: "lasser" },
      { kind: "language", id: "de", label: "Duits", matched: "Duits" },
      { kind: "licence", id: "C", label: "Rijbewijs C", matched: "rijbewijs C" },
      { kind: "hours", id: "fulltime", label: "Voltijd (min. 32 uur)", matched: "fulltime" },
    ]);
    expect(r.text).toBe("");
  });

  it("names the chips in the caller's language and knows English words", () => {
    const r = recogniseSentence("welder German full time", "en");
    expect(r.chips.map((c) => c.label)).toEqual(["welder", "German", "Full time (at least 32 hours)"]);
    expect(r.text).toBe("");
  });

  it("keeps unrecognised words as free text, as typed and in their order", () => {
    expect(split("Zorg kok BHV Den Haag")).toEqual({
      chips: ["occupation:5120.1", "certificate:bhv"],
      text: "Zorg Den Haag",
    });
    expect(split("xylofoonstemmer")).toEqual({ chips: [], text: "xylofoonstemmer" });
    expect(split("   ")).toEqual({ chips: [], text: "" });
  });

  it("takes a short ambiguous word only inside a recognised phrase", () => {
    expect(split("C")).toEqual({ chips: [], text: "C" });
    expect(split("rijbewijs")).toEqual({ chips: [], text: "rijbewijs" });
    expect(split("rijbewijs CE C")).toEqual({ chips: ["licence:CE"], text: "C" });
    expect(split("C rijbewijs")).toEqual({ chips: ["licence:C"], text: "" });
    expect(split("mbo 4")).toEqual({ chips: ["education:mbo-4"], text: "" });
    expect(split("mbo")).toEqual({ chips: [], text: "mbo" });
  });

  it("prefers the longest phrase, also when it is a near match of one occupation only", () => {
    // "heftruck" alone is a certificate; with "chauffeur" it is the occupation.
    expect(split("heftruck chauffeur Engels").chips).toEqual(["occupation:8344.1", "language:en"]);
    expect(split("chauffeur vrachtwagen part time")).toEqual({
      chips: ["occupation:8332.2", "hours:parttime"],
      text: "",
    });
  });

  it("leaves generic words that many occupations share as text", () => {
    expect(split("medewerker")).toEqual({ chips: [], text: "medewerker" });
    expect(split("chauffeur")).toEqual({ chips: [], text: "chauffeur" });
    expect(split("kantoor")).toEqual({ chips: [], text: "kantoor" });
    // A synonym that belongs to one occupation only is that occupation.
    expect(split("truckchauffeur").chips).toEqual(["occupation:8332.2"]);
  });

  it("ignores punctuation, gives each chip once and never splits a typed word", () => {
    const r = recogniseSentence("lasser, Duits en rijbewijs C; fulltime! lasser", "nl");
    expect(r.chips.map((c) => c.id)).toEqual(["7212.3", "de", "C", "fulltime"]);
    expect(r.chips[2]!.matched).toBe("rijbewijs C;");
    expect(r.text).toBe("en");
    // "café-medewerker" is one typed word: never half a chip.
    expect(split("café-medewerker barista")).toEqual({
      chips: ["certificate:barista"],
      text: "café-medewerker",
    });
  });

  it("is fast enough to run on every Enter", () => {
    recogniseSentence("warm up", "nl");
    const started = performance.now();
    for (let i = 0; i < 10; i++)
      recogniseSentence("medewerker magazijn part time mbo 4 Duits rijbewijs B", "nl");
    expect((performance.now() - started) / 10).toBeLessThan(100);
  });
});
