import { keepPreviousData, type QueryClient, queryOptions } from "@tanstack/react-query";
import {
  type ExplorerSearchRequest,
  type ExplorerSearchResponse,
  ExplorerSearchResponseSchema,
  RecogniseResponseSchema,
  SuggestResponseSchema,
  VacancyMatchesResponseSchema,
  VacancySearchResponseSchema,
} from "../../../contracts/explorer";
import { api } from "../../api";

const BASE = "/api/v1/explorer";

/** The locale is part of each key: the server names facets and options in the user's language. */
export const explorerKeys = {
  all: ["explorer"] as const,
  search: (request: ExplorerSearchRequest, locale: string) =>
    ["explorer", "search", locale, request] as const,
  suggest: (q: string, locale: string) => ["explorer", "suggest", locale, q] as const,
  recognise: (q: string, locale: string) => ["explorer", "recognise", locale, q] as const,
};

export function explorerSearchQuery(request: ExplorerSearchRequest, locale: string) {
  return queryOptions({
    queryKey: explorerKeys.search(request, locale),
    queryFn: ({ signal }) =>
      api(`${BASE}/search`, ExplorerSearchResponseSchema, { method: "POST", body: request, signal }),
    // The list and the filters stay put while the next search runs.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
}

export function suggestQuery(q: string, locale: string) {
  return queryOptions({
    queryKey: explorerKeys.suggest(q, locale),
    queryFn: async ({ signal }) =>
      (await api(`${BASE}/suggest?${new URLSearchParams({ q })}`, SuggestResponseSchema, { signal }))
        .suggestions,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Enter on a typed sentence: the server splits it into chips and the words left over. */
export function recogniseQuery(q: string, locale: string) {
  return queryOptions({
    queryKey: explorerKeys.recognise(q, locale),
    queryFn: ({ signal }) =>
      api(`${BASE}/recognise?${new URLSearchParams({ q })}`, RecogniseResponseSchema, { signal }),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function fromVacancyQuery(vacancyId: string, locale: string) {
  return queryOptions({
    queryKey: ["explorer", "from-vacancy", locale, vacancyId],
    queryFn: ({ signal }) =>
      api(`${BASE}/from-vacancy/${encodeURIComponent(vacancyId)}`, VacancySearchResponseSchema, { signal }),
    retry: false,
  });
}

export function vacancyMatchesQuery(candidateId: string, locale: string) {
  return queryOptions({
    queryKey: ["explorer", "vacancy-matches", locale, candidateId],
    queryFn: async ({ signal }) =>
      (
        await api(
          `${BASE}/candidates/${encodeURIComponent(candidateId)}/vacancies`,
          VacancyMatchesResponseSchema,
          { signal },
        )
      ).vacancies,
    retry: false,
    staleTime: 60_000,
  });
}

/** The star in the result list follows the star on the profile without searching again. */
export function markFavouriteInResults(queryClient: QueryClient, candidateId: string, favourite: boolean) {
  queryClient.setQueriesData<ExplorerSearchResponse>({ queryKey: ["explorer", "search"] }, (data) =>
    data?.hits.some((hit) => hit.id === candidateId)
      ? {
          ...data,
          hits: data.hits.map((hit) => (hit.id === candidateId ? { ...hit, favourite } : hit)),
        }
      : data,
  );
}
