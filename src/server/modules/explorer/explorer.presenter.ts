import type {
  Chip,
  Explanation,
  ExplorerSearchResponse,
  FilterCategory,
  VacancyMatchesResponse,
} from "../../../contracts/explorer";
import { FILTER_CATEGORIES } from "../../../contracts/explorer";
import type { Locale } from "../../platform/i18n";
import { getOccupation } from "../taxonomy";
import type { HitRow, MatchingVacancyRow } from "./explorer.repository";
import { CATEGORY_LABELS, categoryOptions, TERM_PREFIX } from "./recognise";
import { distanceSquared, type GeoClause, type IndexResult } from "./search-index";

const DAY = 86_400;

/** Which occupation match a hit's explanation names when several chips match. */
const MATCH_RANK = { exact: 3, related: 2, text: 1 } as const;

/** Why a candidate was found: the occupation match, distance, filters, words and freshness. */
export function explain(
  context: {
    geo: GeoClause | null;
    words: readonly string[];
    selected: Map<FilterCategory, Set<string>>;
    occupationChips: readonly Chip[];
    locale: Locale;
    nowMs: number;
  },
  row: Pick<HitRow, "terms" | "lat" | "lon" | "profileUpdatedAt">,
): Explanation {
  const { geo, selected, locale } = context;
  const has = new Set(row.terms);
  let occupation: Explanation["occupation"] = null;
  for (const chip of context.occupationChips) {
    const o = getOccupation(chip.id);
    if (!o) continue;
    const match = has.has(`occ:${o.id}`) ? "exact" : has.has(`unit:${o.isco}`) ? "related" : "text";
    if (!occupation || MATCH_RANK[match] > MATCH_RANK[occupation.match]) {
      occupation = { id: o.id, label: o.label[locale], match };
    }
  }
  const options = categoryOptions();
  const matchedFilters: Explanation["matchedFilters"] = [];
  for (const [category, ids] of selected) {
    if (category === "updated") continue;
    for (const id of ids) {
      if (!has.has(`${TERM_PREFIX[category]}${id}`)) continue;
      const label = options[category].find((o) => o.id === id)?.label[locale] ?? id;
      matchedFilters.push({ category, id, label });
    }
  }
  const distanceKm =
    geo && row.lat !== null && row.lon !== null
      ? Math.round(Math.sqrt(distanceSquared(geo, row.lat, row.lon)) * 10) / 10
      : null;
  return {
    occupation,
    distanceKm,
    matchedFilters,
    words: context.words.filter((w) => has.has(`w:${w}`)),
    updatedDaysAgo: Math.max(0, Math.floor((context.nowMs - row.profileUpdatedAt.getTime()) / (DAY * 1000))),
  };
}

/** The explanation as one line a person reads. */
export function reasonLine(e: Explanation, typed: string[], locale: Locale): string {
  const nl = locale === "nl";
  const parts: string[] = [];
  if (e.occupation) {
    const { label, match } = e.occupation;
    parts.push(
      match === "exact"
        ? nl
          ? `Beroep: ${label}`
          : `Occupation: ${label}`
        : match === "related"
          ? nl
            ? `Verwant beroep van ${label}`
            : `Related to ${label}`
          : nl
            ? `"${label}" in het profiel`
            : `"${label}" in the profile`,
    );
  }
  if (e.distanceKm !== null)
    parts.push(nl ? `${e.distanceKm.toLocaleString("nl-NL")} km` : `${e.distanceKm} km`);
  if (e.matchedFilters.length > 0) parts.push(e.matchedFilters.map((f) => f.label).join(", "));
  if (typed.length > 0) parts.push(nl ? `woorden: ${typed.join(", ")}` : `words: ${typed.join(", ")}`);
  const d = e.updatedDaysAgo;
  parts.push(
    nl
      ? d === 0
        ? "vandaag bijgewerkt"
        : d === 1
          ? "gisteren bijgewerkt"
          : `${d} dagen geleden bijgewerkt`
      : d === 0
        ? "updated today"
        : d === 1
          ? "updated yesterday"
          : `updated ${d} days ago`,
  );
  return parts.join(" · ");
}

/** The candidate's photo as the candidates module serves it; the file name keeps caches honest. */
function photoUrl(candidateId: string, fileKey: string | null): string | null {
  return fileKey
    ? `/api/v1/candidates/${candidateId}/photo?v=${encodeURIComponent(fileKey.split("/").pop() ?? "")}`
    : null;
}

export function hitCard(row: HitRow, explanation: Explanation, typedWords: string[], locale: Locale) {
  return {
    id: row.id,
    name: `${row.firstName} ${row.lastName}`.trim(),
    headline: row.headline,
    city: row.city,
    photoUrl: photoUrl(row.id, row.photoFileKey),
    favourite: row.favourite,
    explanation,
    reason: reasonLine(explanation, explanation.words.length > 0 ? typedWords : [], locale),
  };
}

/** Every filter category with its options and counts; long lists only what occurs or is chosen. */
export function facetList(
  counts: IndexResult["facets"],
  selected: Map<FilterCategory, Set<string>>,
  locale: Locale,
): ExplorerSearchResponse["facets"] {
  const options = categoryOptions();
  return FILTER_CATEGORIES.map((category) => {
    const found = counts[category] ?? {};
    const chosen = selected.get(category) ?? new Set<string>();
    const all = options[category];
    const shown = all.length > 20 ? all.filter((o) => (found[o.id] ?? 0) > 0 || chosen.has(o.id)) : all;
    const list = shown.map((o) => ({ id: o.id, label: o.label[locale], count: found[o.id] ?? 0 }));
    if (all.length > 20) list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, locale));
    return { category, label: CATEGORY_LABELS[category][locale], options: list };
  });
}

/** What to tell a person whose search found nothing, or who paged past the end. */
export function searchMessage(total: number, page: number, pageCount: number, locale: Locale): string | null {
  const nl = locale === "nl";
  if (total === 0)
    return nl
      ? "Geen kandidaten gevonden. Haal een filter weg of zoek in een grotere straal."
      : "No candidates found. Remove a filter or search a larger radius.";
  if (page > pageCount)
    return nl
      ? `Deze pagina bestaat niet: er zijn ${pageCount} pagina's.`
      : `This page does not exist: there are ${pageCount} pages.`;
  return null;
}

export function vacancyMatch(
  r: MatchingVacancyRow,
  locale: Locale,
): VacancyMatchesResponse["vacancies"][number] {
  const nl = locale === "nl";
  const occupation = r.occupationId ? getOccupation(r.occupationId) : undefined;
  const parts: string[] = [];
  if (occupation && r.score === 2)
    parts.push(nl ? `Gewenst beroep: ${occupation.label.nl}` : `Wished occupation: ${occupation.label.en}`);
  if (occupation && r.score === 1)
    parts.push(nl ? `Verwant beroep: ${occupation.label.nl}` : `Related occupation: ${occupation.label.en}`);
  const km = r.distanceKm === null ? null : Math.round(r.distanceKm);
  if (km !== null) parts.push(`${km} km`);
  return {
    id: r.id,
    title: r.title,
    organisationName: r.organisationName,
    city: r.city,
    distanceKm: km,
    reason: parts.join(" · "),
  };
}
