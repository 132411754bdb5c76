import {
  type ExplorerSearchResponse,
  MAX_QUERY_WORDS,
  PAGE_SIZE,
  type RecogniseResponse,
  type SuggestResponse,
  type VacancyMatchesResponse,
  type VacancySearchResponse,
} from "../../../contracts/explorer";
import { AppError } from "../../platform/errors";
import type { Locale } from "../../platform/i18n";
import { publicScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import { getOccupation, getPlace } from "../taxonomy";
import type { Caller } from "../tenancy";
import { canRead, vacancyActorOf } from "../vacancies";
import { explorerScopeOf } from "./explorer.policy";
import { explain, facetList, hitCard, searchMessage, vacancyMatch } from "./explorer.presenter";
import { explorerRepository, openVacanciesRepository, stemmingRepository } from "./explorer.repository";
import { chipLabel, recogniseSentence, suggest } from "./recognise";
import type { SearchIndex } from "./search-index";
import { type SearchInput, toIndexQuery } from "./search-query";

export interface ExplorerDeps {
  store: Store;
  /** The engine that answers searches now (the in-memory index once built, SQL before). */
  index: () => SearchIndex;
  now?: () => Date;
}

/** The candidate explorer's actions; every read is limited to the caller's portal scope. */
export function createExplorerService({ store, index, now = () => new Date() }: ExplorerDeps) {
  const stemming = store.bind(publicScope, stemmingRepository);

  return {
    suggest(q: string, locale: Locale): SuggestResponse {
      return { suggestions: suggest(q, locale) };
    },

    /** Enter on a typed sentence: its recognised parts as chips, the rest as free text. */
    recognise(q: string, locale: Locale): RecogniseResponse {
      return recogniseSentence(q, locale);
    },

    async search(caller: Caller, input: SearchInput, locale: Locale): Promise<ExplorerSearchResponse> {
      const scope = await explorerScopeOf(caller);
      const at = now();
      const { query, place, selected } = await toIndexQuery(
        input,
        locale,
        Math.floor(at.getTime() / 1000),
        stemming.lexemesOf,
      );
      const result = await index().search(scope, query);
      const rows = await store.bind(scope, explorerRepository).hitCards(caller.userId(), result.ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const context = {
        geo: query.geo,
        words: query.words,
        selected,
        occupationChips: input.chips.filter((c) => c.kind === "occupation"),
        locale,
        nowMs: at.getTime(),
      };
      const typedWords = input.q.trim() ? input.q.trim().split(/\s+/).slice(0, MAX_QUERY_WORDS) : [];
      // A candidate hidden between the search and this read is left out rather than shown.
      const hits = result.ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [hitCard(row, explain(context, row), typedWords, locale)] : [];
      });
      const pageCount = Math.ceil(result.total / PAGE_SIZE);
      return {
        total: result.total,
        page: input.page,
        pageCount,
        hits,
        facets: facetList(result.facets, selected, locale),
        activeFilterCount: [...selected.values()].reduce((n, s) => n + s.size, 0),
        message: searchMessage(result.total, input.page, pageCount, locale),
        place: place ? { id: place.id, name: place.name } : null,
      };
    },

    /**
     * "Zoek kandidaten" from a vacancy: its occupation, group, level and place. Only from a
     * vacancy the caller may read as staff (as on the vacancy page where the button is); any
     * other id is unknown to them.
     */
    async fromVacancy(caller: Caller, vacancyId: string, locale: Locale): Promise<VacancySearchResponse> {
      const [scope, actor] = await Promise.all([explorerScopeOf(caller), vacancyActorOf(caller)]);
      const vacancy = await store.bind(scope, explorerRepository).vacancyForSearch(vacancyId);
      if (!vacancy || !canRead(actor, vacancy)) throw new AppError("not_found");
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
    async vacanciesFor(caller: Caller, candidateId: string, locale: Locale): Promise<VacancyMatchesResponse> {
      const scope = await explorerScopeOf(caller);
      const candidate = await store.bind(scope, explorerRepository).candidateForMatching(candidateId);
      if (!candidate) throw new AppError("not_found");
      const rows = await store.bind(publicScope, openVacanciesRepository).matching(candidate, 10);
      return { vacancies: rows.map((r) => vacancyMatch(r, locale)) };
    },
  };
}

export type ExplorerService = ReturnType<typeof createExplorerService>;
