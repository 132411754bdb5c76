import { queryOptions } from "@tanstack/react-query";
import {
  type CreateSiteRequest,
  ManagedSiteOrganisationsResponseSchema,
  SiteListResponseSchema,
  SiteResponseSchema,
  type UpdateSiteRequest,
} from "../../../contracts/sites";
import { api } from "../../api";

export const siteKeys = {
  all: ["sites"] as const,
  organisations: ["sites", "organisations"] as const,
  list: (organisationId: string, includeInactive: boolean) =>
    ["sites", "list", organisationId, includeInactive] as const,
};

const base = (organisationId: string) => `/api/v1/organisations/${encodeURIComponent(organisationId)}/sites`;

/** The organisations whose sites the signed-in person manages. */
export const managedSiteOrganisationsQuery = queryOptions({
  queryKey: siteKeys.organisations,
  queryFn: async ({ signal }) =>
    (await api("/api/v1/sites/organisations", ManagedSiteOrganisationsResponseSchema, { signal }))
      .organisations,
  staleTime: 60_000,
});

export function siteListQuery(organisationId: string, includeInactive: boolean) {
  return queryOptions({
    queryKey: siteKeys.list(organisationId, includeInactive),
    queryFn: ({ signal }) =>
      api(
        `${base(organisationId)}${includeInactive ? "?includeInactive=true" : ""}`,
        SiteListResponseSchema,
        {
          signal,
        },
      ),
    retry: false,
  });
}

export async function createSite(organisationId: string, body: CreateSiteRequest) {
  return (await api(base(organisationId), SiteResponseSchema, { method: "POST", body })).site;
}

export async function updateSite(organisationId: string, siteId: string, body: UpdateSiteRequest) {
  return (
    await api(`${base(organisationId)}/${encodeURIComponent(siteId)}`, SiteResponseSchema, {
      method: "PATCH",
      body,
    })
  ).site;
}

export async function setSiteActive(organisationId: string, siteId: string, active: boolean) {
  const action = active ? "reactivate" : "deactivate";
  return (
    await api(`${base(organisationId)}/${encodeURIComponent(siteId)}/${action}`, SiteResponseSchema, {
      method: "POST",
    })
  ).site;
}

export async function setSiteStaff(organisationId: string, siteId: string, userIds: string[]) {
  return (
    await api(`${base(organisationId)}/${encodeURIComponent(siteId)}/staff`, SiteResponseSchema, {
      method: "PUT",
      body: { userIds },
    })
  ).site;
}
