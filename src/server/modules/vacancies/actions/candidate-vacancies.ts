import type {
  CandidateVacancyDetail,
  CandidateVacancyListResponse,
  CandidateVacancyQuery,
} from "../../../../contracts/vacancies";
import { AppError } from "../../../platform/errors";
import { publicScope } from "../../../platform/scope";
import { getPlace } from "../../taxonomy";
import type { Caller } from "../../tenancy";
import { candidateViewerOf } from "../actor";
import { candidateHomeRepository, visibleVacancyRepository } from "../candidate-vacancies.repository";
import { candidateDetailDto, candidateItemDto } from "../vacancies.presenter";
import { PAGE_SIZE } from "../vacancies.repository";
import type { VacancyDeps } from "./context";

/** Candidate side: the vacancies this person may see, searchable, nearest first when asked. */
export async function candidateVacancies(
  deps: VacancyDeps,
  caller: Caller,
  query: CandidateVacancyQuery,
  hostPortalId: string | null,
): Promise<CandidateVacancyListResponse> {
  const viewer = await candidateViewerOf(caller);
  const self = await caller.self();
  const homes = await deps.store.bind(self, candidateHomeRepository).homes();
  const home =
    homes.find((c) => c.portalId === hostPortalId && c.lat !== null) ?? homes.find((c) => c.lat !== null);
  const place = query.placeId ? getPlace(query.placeId) : undefined;
  const origin = place
    ? { lat: place.lat, lon: place.lon, placeId: place.id, name: place.name }
    : home && home.lat !== null && home.lon !== null
      ? { lat: home.lat, lon: home.lon, placeId: null, name: home.city ?? home.postcode ?? "" }
      : null;
  const { rows, total } = await deps.store
    .bind(publicScope, visibleVacancyRepository)
    .list(viewer, query, origin, deps.today(), self);
  return {
    vacancies: rows.map(candidateItemDto),
    total,
    page: query.page,
    pageSize: PAGE_SIZE,
    origin: origin ? { placeId: origin.placeId, name: origin.name } : null,
  };
}

/** A vacancy as the candidate sees it, and whether they responded; counts as a view from `source`. */
export async function candidateVacancy(
  deps: VacancyDeps,
  caller: Caller,
  id: string,
  source: string,
): Promise<CandidateVacancyDetail> {
  const viewer = await candidateViewerOf(caller);
  const self = await caller.self();
  const visible = deps.store.bind(publicScope, visibleVacancyRepository);
  const row = await visible.find(viewer, id, deps.today(), self);
  if (!row) throw new AppError("not_found");
  await visible.recordView({ vacancyId: row.id, portalId: row.portalId, source, channel: "app" });
  return candidateDetailDto(row);
}
