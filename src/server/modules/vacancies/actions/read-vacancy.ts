import type { z } from "zod";
import type {
  Vacancy,
  VacancyHistoryEntry,
  VacancyListQuerySchema,
  VacancyListResponse,
} from "../../../../contracts/vacancies";
import type { Caller } from "../../tenancy";
import { vacancyActorOf, vacancyScopeOf } from "../actor";
import { historyEntryDto, listItemDto, vacancyDto } from "../vacancies.presenter";
import { PAGE_SIZE, vacancyRepository } from "../vacancies.repository";
import { vacancyFilesRepository } from "../vacancy-files.repository";
import { vacancyHistoryRepository } from "../vacancy-history.repository";
import { readable, type VacancyDeps } from "./context";

type ListQuery = z.output<typeof VacancyListQuerySchema>;

/** The staff overview: one statement for the page and its total. */
export async function listVacancies(
  deps: VacancyDeps,
  caller: Caller,
  query: ListQuery,
): Promise<VacancyListResponse> {
  const day = deps.today();
  const actor = await vacancyActorOf(caller);
  const { rows, total, viewCounts } = await deps.store
    .bind(await vacancyScopeOf(caller), vacancyRepository)
    .list(query, { userId: caller.userId(), today: day });
  return {
    vacancies: rows.map((r) => listItemDto(r, actor, day)),
    total,
    page: query.page,
    pageSize: PAGE_SIZE,
    viewCounts,
  };
}

export async function getVacancy(deps: VacancyDeps, caller: Caller, id: string): Promise<Vacancy> {
  const { actor, view } = await readable(deps, caller, id);
  return vacancyDto(view, actor, deps.today());
}

export async function vacancyHistory(
  deps: VacancyDeps,
  caller: Caller,
  id: string,
): Promise<VacancyHistoryEntry[]> {
  const { scope } = await readable(deps, caller, id);
  return (await deps.store.bind(scope, vacancyHistoryRepository).list(id)).map(historyEntryDto);
}

/** Views and applications per source (the click report). */
export async function vacancySources(deps: VacancyDeps, caller: Caller, id: string) {
  const { scope } = await readable(deps, caller, id);
  return deps.store.bind(scope, vacancyFilesRepository).sources(id);
}
