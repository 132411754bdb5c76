import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import {
  ApplicantsBySourceReportSchema,
  type CreateJobSiteRequest,
  JobSiteClicksReportSchema,
  JobSiteListResponseSchema,
  JobSiteResponseSchema,
  type SetVacancyChannelsRequest,
  type UpdateJobSiteRequest,
  VacancyChannelsResponseSchema,
} from "../../../contracts/channels";
import { api } from "../../api";

export const channelKeys = {
  vacancy: (id: string) => ["channels", "vacancy", id] as const,
  jobSites: ["channels", "job-sites"] as const,
  clicks: (from: string, to: string) => ["channels", "reports", "clicks", from, to] as const,
  applicants: (from: string, to: string, vacancyId: string | undefined) =>
    ["channels", "reports", "applicants", from, to, vacancyId ?? ""] as const,
};

const vacancyChannelsPath = (id: string) => `/api/v1/vacancies/${encodeURIComponent(id)}/channels`;

export function vacancyChannelsQuery(id: string) {
  return queryOptions({
    queryKey: channelKeys.vacancy(id),
    queryFn: async ({ signal }) =>
      (await api(vacancyChannelsPath(id), VacancyChannelsResponseSchema, { signal })).channels,
  });
}

export async function saveVacancyChannels(id: string, body: SetVacancyChannelsRequest) {
  return (await api(vacancyChannelsPath(id), VacancyChannelsResponseSchema, { method: "PUT", body }))
    .channels;
}

export const jobSitesQuery = queryOptions({
  queryKey: channelKeys.jobSites,
  queryFn: ({ signal }) => api("/api/v1/job-sites", JobSiteListResponseSchema, { signal }),
});

export async function createJobSite(body: CreateJobSiteRequest) {
  return (await api("/api/v1/job-sites", JobSiteResponseSchema, { method: "POST", body })).jobSite;
}

export async function updateJobSite(id: string, body: UpdateJobSiteRequest) {
  return (
    await api(`/api/v1/job-sites/${encodeURIComponent(id)}`, JobSiteResponseSchema, { method: "PATCH", body })
  ).jobSite;
}

function reportQuery(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return query.toString();
}

/** The address of a report; with `xlsx` the spreadsheet to download. */
export function jobSiteClicksUrl(from: string, to: string, xlsx = false): string {
  return `/api/v1/reports/job-site-clicks?${reportQuery({ from, to, format: xlsx ? "xlsx" : undefined })}`;
}

export function applicantsBySourceUrl(from: string, to: string, vacancyId: string | undefined, xlsx = false) {
  return `/api/v1/reports/applicants-by-source?${reportQuery({ from, to, vacancyId, format: xlsx ? "xlsx" : undefined })}`;
}

export function jobSiteClicksQuery(from: string, to: string) {
  return queryOptions({
    queryKey: channelKeys.clicks(from, to),
    queryFn: ({ signal }) => api(jobSiteClicksUrl(from, to), JobSiteClicksReportSchema, { signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function applicantsBySourceQuery(from: string, to: string, vacancyId: string | undefined) {
  return queryOptions({
    queryKey: channelKeys.applicants(from, to, vacancyId),
    queryFn: ({ signal }) =>
      api(applicantsBySourceUrl(from, to, vacancyId), ApplicantsBySourceReportSchema, { signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}
