import { queryOptions } from "@tanstack/react-query";
import {
  type AddLaureatesRequest,
  type CallUpRequest,
  CallUpResponseSchema,
  CallUpTargetsResponseSchema,
  type CloseProcedureRequest,
  ClosureResponseSchema,
  ReserveListOverviewResponseSchema,
  ReserveListResponseSchema,
  type ReserveListValidity,
  VacancyReserveListResponseSchema,
} from "../../../contracts/reserve-lists";
import { api } from "../../api";

const id = encodeURIComponent;

export const reserveKeys = {
  all: ["reserve-lists"] as const,
  overview: ["reserve-lists", "overview"] as const,
  list: (listId: string) => ["reserve-lists", "list", listId] as const,
  ofVacancy: (vacancyId: string) => ["reserve-lists", "vacancy", vacancyId] as const,
  targets: (listId: string) => ["reserve-lists", "targets", listId] as const,
  closure: (vacancyId: string) => ["reserve-lists", "closure", vacancyId] as const,
};

export const reserveOverviewQuery = queryOptions({
  queryKey: reserveKeys.overview,
  queryFn: ({ signal }) => api("/api/v1/reserve-lists", ReserveListOverviewResponseSchema, { signal }),
});

export function reserveListQuery(listId: string) {
  return queryOptions({
    queryKey: reserveKeys.list(listId),
    queryFn: async ({ signal }) =>
      (await api(`/api/v1/reserve-lists/${id(listId)}`, ReserveListResponseSchema, { signal })).reserveList,
    retry: false,
  });
}

export function vacancyReserveListQuery(vacancyId: string) {
  return queryOptions({
    queryKey: reserveKeys.ofVacancy(vacancyId),
    queryFn: ({ signal }) =>
      api(`/api/v1/vacancies/${id(vacancyId)}/reserve-list`, VacancyReserveListResponseSchema, { signal }),
    retry: false,
  });
}

export function callUpTargetsQuery(listId: string) {
  return queryOptions({
    queryKey: reserveKeys.targets(listId),
    queryFn: async ({ signal }) =>
      (
        await api(`/api/v1/reserve-lists/${id(listId)}/target-vacancies`, CallUpTargetsResponseSchema, {
          signal,
        })
      ).vacancies,
  });
}

export function closureQuery(vacancyId: string) {
  return queryOptions({
    queryKey: reserveKeys.closure(vacancyId),
    queryFn: ({ signal }) =>
      api(`/api/v1/vacancies/${id(vacancyId)}/closure`, ClosureResponseSchema, { signal }),
    retry: false,
  });
}

export async function createReserveList(vacancyId: string, body: ReserveListValidity) {
  return (
    await api(`/api/v1/vacancies/${id(vacancyId)}/reserve-list`, ReserveListResponseSchema, {
      method: "POST",
      body,
    })
  ).reserveList;
}

export async function setValidity(listId: string, body: ReserveListValidity) {
  return (
    await api(`/api/v1/reserve-lists/${id(listId)}/validity`, ReserveListResponseSchema, {
      method: "PUT",
      body,
    })
  ).reserveList;
}

export async function addLaureates(listId: string, body: AddLaureatesRequest) {
  return (
    await api(`/api/v1/reserve-lists/${id(listId)}/laureates`, ReserveListResponseSchema, {
      method: "POST",
      body,
    })
  ).reserveList;
}

export async function orderLaureates(listId: string, laureateIds: string[]) {
  return (
    await api(`/api/v1/reserve-lists/${id(listId)}/laureates/order`, ReserveListResponseSchema, {
      method: "PUT",
      body: { laureateIds },
    })
  ).reserveList;
}

export async function removeLaureate(listId: string, laureateId: string) {
  return (
    await api(`/api/v1/reserve-lists/${id(listId)}/laureates/${id(laureateId)}`, ReserveListResponseSchema, {
      method: "DELETE",
    })
  ).reserveList;
}

export async function callUp(listId: string, laureateId: string, body: CallUpRequest) {
  return api(
    `/api/v1/reserve-lists/${id(listId)}/laureates/${id(laureateId)}/call-ups`,
    CallUpResponseSchema,
    {
      method: "POST",
      body,
    },
  );
}

export async function closeProcedure(vacancyId: string, body: CloseProcedureRequest) {
  return api(`/api/v1/vacancies/${id(vacancyId)}/closure`, ClosureResponseSchema, { method: "POST", body });
}
