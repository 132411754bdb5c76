import {
  CHIP_CATEGORY,
  type Chip,
  type ExplorerSearchRequest,
  FILTER_CATEGORIES,
  type FilterCategory,
  MAX_PAGE,
  MAX_QUERY_WORDS,
  PAGE_SIZE,
} from "../../../contracts/explorer";
import { AppError, type FieldError } from "../../platform/errors";
import { fieldMessage, type Locale } from "../../platform/i18n";
import { getOccupation, getPlace, type Place } from "../taxonomy";
import { categoryOptions, chipLabel, TERM_PREFIX, UPDATED } from "./recognise";
import {
  type FacetSpec,
  type FilterClause,
  geoClause,
  type IndexQuery,
  type OccupationClause,
} from "./search-index";

export type SearchInput = ExplorerSearchRequest & { q: string; chips: Chip[]; page: number };

const DAY = 86_400;

/**
 * "Changed in the past N days" counts whole days: from the start (UTC) of the day N days ago. The
 * limits then move once a day, so the in-memory index can keep a bitmap per limit.
 */
export function sinceDaysAgo(nowSec: number, days: number): number {
  return (Math.floor(nowSec / DAY) - days) * DAY;
}

/**
 * Turns the request into the engines' query, refusing what it cannot mean (400 with a message
 * per field). `lexemesOf` is PostgreSQL's Dutch stemmer, the one that made the profiles' words.
 */
export async function toIndexQuery(
  input: SearchInput,
  locale: Locale,
  nowSec: number,
  lexemesOf: (text: string) => Promise<string[]>,
): Promise<{ query: IndexQuery; place: Place | undefined; selected: Map<FilterCategory, Set<string>> }> {
  const problems: FieldError[] = [];
  input.chips.forEach((chip, i) => {
    if (chipLabel(chip.kind, chip.id, locale) === undefined) {
      problems.push({ path: `chips.${i}.id`, message: fieldMessage("unknown_chip", locale) });
    }
  });
  const place = input.placeId ? getPlace(input.placeId) : undefined;
  if (input.placeId && !place)
    problems.push({ path: "placeId", message: fieldMessage("unknown_place", locale) });
  if (input.radiusKm !== undefined && !input.placeId) {
    problems.push({ path: "radiusKm", message: fieldMessage("radius_without_place", locale) });
  }
  const options = categoryOptions();
  const selected = new Map<FilterCategory, Set<string>>();
  for (const category of FILTER_CATEGORIES) {
    const ids = input.filters?.[category] ?? [];
    ids.forEach((id, i) => {
      if (!options[category].some((o) => o.id === id)) {
        problems.push({ path: `filters.${category}.${i}`, message: fieldMessage("unknown_filter", locale) });
      }
    });
    if (ids.length > 0) selected.set(category, new Set(ids));
  }
  for (const chip of input.chips) {
    if (chip.kind === "occupation" || chip.kind === "occupationGroup") continue;
    const category = CHIP_CATEGORY[chip.kind];
    const set = selected.get(category) ?? new Set<string>();
    set.add(chip.id);
    selected.set(category, set);
  }
  if (input.page > MAX_PAGE) problems.push({ path: "page", message: fieldMessage("page_too_deep", locale) });
  const words = input.q.trim() ? await lexemesOf(input.q) : [];
  if (words.length > MAX_QUERY_WORDS) {
    problems.push({ path: "q", message: fieldMessage("too_many_words", locale) });
  }
  if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });

  let occupation: OccupationClause | null = null;
  const occupationChips = input.chips.filter((c) => c.kind === "occupation");
  const groupChips = input.chips.filter((c) => c.kind === "occupationGroup");
  if (occupationChips.length + groupChips.length > 0) {
    const labels: string[][] = [];
    for (const chip of occupationChips) {
      const label = getOccupation(chip.id)?.label.nl ?? "";
      labels.push((await lexemesOf(label)).map((w) => `w:${w}`));
    }
    occupation = {
      exact: occupationChips.map((c) => `occ:${c.id}`),
      related: [...new Set(occupationChips.map((c) => `unit:${getOccupation(c.id)?.isco ?? c.id}`))],
      groups: groupChips.map((c) => `grp:${c.id}`),
      labels,
    };
  }

  const filters: FilterClause[] = [];
  for (const [category, ids] of selected) {
    if (category === "updated") {
      const days = Math.max(...UPDATED.filter((o) => ids.has(o.id)).map((o) => o.days));
      filters.push({ category, minUpdatedSec: sinceDaysAgo(nowSec, days) });
    } else {
      filters.push({ category, terms: [...ids].map((id) => `${TERM_PREFIX[category]}${id}`) });
    }
  }
  const facets: FacetSpec[] = FILTER_CATEGORIES.map((category) => ({
    category,
    options:
      category === "updated"
        ? UPDATED.map((o) => ({ id: o.id, minUpdatedSec: sinceDaysAgo(nowSec, o.days) }))
        : options[category].map((o) => ({ id: o.id, term: `${TERM_PREFIX[category]}${o.id}` })),
  }));

  const query: IndexQuery = {
    words,
    occupation,
    geo: place ? geoClause(place.lat, place.lon, input.radiusKm ?? null) : null,
    filters,
    facets,
    offset: (input.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  return { query, place, selected };
}
