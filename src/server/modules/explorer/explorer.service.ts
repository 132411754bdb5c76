import {
  CHIP_CATEGORY,
  type Chip,
  type Explanation,
  type ExplorerSearchRequest,
  type ExplorerSearchResponse,
  FILTER_CATEGORIES,
  type FilterCategory,
  MAX_PAGE,
  MAX_QUERY_WORDS,
  PAGE_SIZE,
  type SuggestResponse,
  type VacancyMatchesResponse,
  type VacancySearchResponse,
} from "../../../contracts/explorer";
import type { Principal } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError, type FieldError } from "../../platform/errors";
import { fieldMessage, type Locale } from "../../platform/i18n";
import { staffPortalAccess } from "../candidates/candidates.policy";
import { staffMemberships } from "../candidates/candidates.repository";
import type { HostPortal } from "../candidates/candidates.service";
import { fileTail } from "../candidates/profile";
import { getOccupation, getPlace } from "../taxonomy/reference-data";
import { todayIn } from "../vacancies";
import {
  candidateForMatching,
  type ExplorerScope,
  favouriteIds,
  hitRows,
  lexemesOf,
  matchingVacancies,
  vacancyForSearch,
} from "./explorer.repository";
import { CATEGORY_LABELS, categoryOptions, chipLabel, suggest, TERM_PREFIX, UPDATED } from "./recognise";
import {
  distanceSquared,
  type FacetSpec,
  type FilterClause,
  geoClause,
  type IndexQuery,
  type OccupationClause,
  type SearchIndex,
} from "./search-index";

export interface ExplorerDeps {
  db: Db;
  /** The engine that answers searches now (the in-memory index once built, SQL before). */
  index: () => SearchIndex;
  now?: () => Date;
}

type SearchInput = ExplorerSearchRequest & { q: string; chips: Chip[]; page: number };

const DAY = 86_400;

/** Which occupation match a hit's explanation names when several chips match. */
const MATCH_RANK = { exact: 3, related: 2, text: 1 } as const;

/**
 * "Changed in the past N days" counts whole days: from the start (UTC) of the day N days ago. The
 * limits then move once a day, so the in-memory index can keep a bitmap per limit.
 */
export function sinceDaysAgo(nowSec: number, days: number): number {
  return (Math.floor(nowSec / DAY) - days) * DAY;
}

export function createExplorerService({ db, index, now = () => new Date() }: ExplorerDeps) {
  /** Staff see the candidates of the request's portal when their organisation is at home there. */
  async function scopeFor(principal: Principal, host: HostPortal): Promise<ExplorerScope> {
    const access = staffPortalAccess(await staffMemberships(db, principal.userId), host.id);
    if (!access) throw new AppError("forbidden");
    return { portalTerm: host.parentId === null ? "p:*" : `p:${host.id}` };
  }

  function fail(fields: FieldError[]): never {
    throw new AppError("validation_failed", { fields });
  }

  /** Turns the request into the engines' query, refusing what it cannot mean. */
  async function toIndexQuery(scope: ExplorerScope, input: SearchInput, locale: Locale, nowSec: number) {
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
          problems.push({
            path: `filters.${category}.${i}`,
            message: fieldMessage("unknown_filter", locale),
          });
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
    if (input.page > MAX_PAGE)
      problems.push({ path: "page", message: fieldMessage("page_too_deep", locale) });
    const words = input.q.trim() ? await lexemesOf(db, input.q) : [];
    if (words.length > MAX_QUERY_WORDS) {
      problems.push({ path: "q", message: fieldMessage("too_many_words", locale) });
    }
    if (problems.length > 0) fail(problems);

    let occupation: OccupationClause | null = null;
    const occupationChips = input.chips.filter((c) => c.kind === "occupation");
    const groupChips = input.chips.filter((c) => c.kind === "occupationGroup");
    if (occupationChips.length + groupChips.length > 0) {
      const labels: string[][] = [];
      for (const chip of occupationChips) {
        const label = getOccupation(chip.id)?.label.nl ?? "";
        labels.push((await lexemesOf(db, label)).map((w) => `w:${w}`));
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
      portalTerm: scope.portalTerm,
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

  function explain(
    query: IndexQuery,
    selected: Map<FilterCategory, Set<string>>,
    terms: readonly string[],
    row: { lat: number | null; lon: number | null; profileUpdatedAt: Date },
    occupationChips: Chip[],
    locale: Locale,
    nowMs: number,
  ): Explanation {
    const has = new Set(terms);
    let occupation: Explanation["occupation"] = null;
    for (const chip of occupationChips) {
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
    const geo = query.geo;
    const distanceKm =
      geo && row.lat !== null && row.lon !== null
        ? Math.round(Math.sqrt(distanceSquared(geo, row.lat, row.lon)) * 10) / 10
        : null;
    return {
      occupation,
      distanceKm,
      matchedFilters,
      words: query.words.filter((w) => has.has(`w:${w}`)),
      updatedDaysAgo: Math.max(0, Math.floor((nowMs - row.profileUpdatedAt.getTime()) / (DAY * 1000))),
    };
  }

  function reasonLine(e: Explanation, typed: string[], locale: Locale): string {
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

  return {
    suggest(q: string, locale: Locale): SuggestResponse {
      return { suggestions: suggest(q, locale) };
    },

    async search(
      principal: Principal,
      host: HostPortal,
      input: SearchInput,
      locale: Locale,
    ): Promise<ExplorerSearchResponse> {
      const scope = await scopeFor(principal, host);
      const at = now();
      const nowSec = Math.floor(at.getTime() / 1000);
      const { query, place, selected } = await toIndexQuery(scope, input, locale, nowSec);
      const page = input.page;
      const result = await index().search(query);
      const [rows, favourites] = await Promise.all([
        hitRows(db, scope, result.ids),
        favouriteIds(db, principal.userId, result.ids),
      ]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const occupationChips = input.chips.filter((c) => c.kind === "occupation");
      const typedWords = input.q.trim() ? input.q.trim().split(/\s+/).slice(0, MAX_QUERY_WORDS) : [];
      const hits = result.ids.flatMap((id) => {
        const row = byId.get(id);
        // Hidden between the search and this read: left out rather than shown.
        if (!row) return [];
        const explanation = explain(query, selected, row.terms, row, occupationChips, locale, at.getTime());
        return [
          {
            id,
            name: `${row.firstName} ${row.lastName}`.trim(),
            headline: row.headline,
            city: row.city,
            photoUrl: row.photoFileKey
              ? `/api/v1/candidates/${id}/photo?v=${fileTail(row.photoFileKey)}`
              : null,
            favourite: favourites.has(id),
            explanation,
            reason: reasonLine(explanation, explanation.words.length > 0 ? typedWords : [], locale),
          },
        ];
      });
      const pageCount = Math.ceil(result.total / PAGE_SIZE);
      const options = categoryOptions();
      const facets = FILTER_CATEGORIES.map((category) => {
        const counts = result.facets[category] ?? {};
        const chosen = selected.get(category) ?? new Set<string>();
        // Long lists (languages) show what occurs or is chosen; short ones every option.
        const all = options[category];
        const shown = all.length > 20 ? all.filter((o) => (counts[o.id] ?? 0) > 0 || chosen.has(o.id)) : all;
        const list = shown.map((o) => ({ id: o.id, label: o.label[locale], count: counts[o.id] ?? 0 }));
        if (all.length > 20) list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, locale));
        return { category, label: CATEGORY_LABELS[category][locale], options: list };
      });
      const activeFilterCount = [...selected.values()].reduce((n, s) => n + s.size, 0);
      const message =
        result.total === 0
          ? locale === "nl"
            ? "Geen kandidaten gevonden. Haal een filter weg of zoek in een grotere straal."
            : "No candidates found. Remove a filter or search a larger radius."
          : page > pageCount
            ? locale === "nl"
              ? `Deze pagina bestaat niet: er zijn ${pageCount} pagina's.`
              : `This page does not exist: there are ${pageCount} pages.`
            : null;
      return {
        total: result.total,
        page,
        pageCount,
        hits,
        facets,
        activeFilterCount,
        message,
        place: place ? { id: place.id, name: place.name } : null,
      };
    },

    /** "Zoek kandidaten" from a vacancy: its occupation, group, level and place. */
    async fromVacancy(
      principal: Principal,
      host: HostPortal,
      vacancyId: string,
      locale: Locale,
    ): Promise<VacancySearchResponse> {
      await scopeFor(principal, host);
      const vacancy = await vacancyForSearch(db, vacancyId);
      if (!vacancy) throw new AppError("not_found");
      const chips: VacancySearchResponse["chips"] = [];
      const occupation = vacancy.occupationId ? getOccupation(vacancy.occupationId) : undefined;
      if (occupation)
        chips.push({ kind: "occupation", id: occupation.id, label: occupation.label[locale], matched: "" });
      const group = vacancy.functionGroup ?? occupation?.group ?? null;
      const groupLabel = group ? chipLabel("occupationGroup", group, locale) : undefined;
      if (group && groupLabel && !occupation)
        chips.push({ kind: "occupationGroup", id: group, label: groupLabel, matched: "" });
      const levelLabel = vacancy.educationLevel
        ? chipLabel("education", vacancy.educationLevel, locale)
        : undefined;
      if (vacancy.educationLevel && levelLabel) {
        chips.push({ kind: "education", id: vacancy.educationLevel, label: levelLabel, matched: "" });
      }
      const place = vacancy.placeId ? getPlace(vacancy.placeId) : undefined;
      return {
        chips,
        placeId: place?.id ?? null,
        placeName: place?.name ?? null,
        radiusKm: place ? 25 : null,
        filters: {},
      };
    },

    /** For account managers: the open vacancies that fit a candidate best. */
    async vacanciesFor(
      principal: Principal,
      host: HostPortal,
      candidateId: string,
      locale: Locale,
    ): Promise<VacancyMatchesResponse> {
      const scope = await scopeFor(principal, host);
      const candidate = await candidateForMatching(db, scope, candidateId);
      if (!candidate) throw new AppError("not_found");
      const rows = await matchingVacancies(db, candidate, todayIn(), 10);
      const nl = locale === "nl";
      return {
        vacancies: rows.map((r) => {
          const occupation = r.occupationId ? getOccupation(r.occupationId) : undefined;
          const parts: string[] = [];
          if (occupation && r.score === 2)
            parts.push(
              nl ? `Gewenst beroep: ${occupation.label.nl}` : `Wished occupation: ${occupation.label.en}`,
            );
          if (occupation && r.score === 1)
            parts.push(
              nl ? `Verwant beroep: ${occupation.label.nl}` : `Related occupation: ${occupation.label.en}`,
            );
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
        }),
      };
    },
  };
}

export type ExplorerService = ReturnType<typeof createExplorerService>;
