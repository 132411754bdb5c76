import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { InvitationSchema } from "../../../contracts/identity";
import {
  type AdminCreateOrganisationRequest,
  type AdminOrganisationListQuery,
  AdminOrganisationListResponseSchema,
  AdminOrganisationSchema,
  AdminPortalListResponseSchema,
  AdminPortalSchema,
  type AdminUpdateOrganisationRequest,
  type CreatePortalRequest,
  type UpdatePortalRequest,
} from "../../../contracts/platform-admin";
import { api } from "../../api";

export const platformAdminKeys = {
  portals: ["platform-admin", "portals"] as const,
  portal: (id: string) => ["platform-admin", "portals", id] as const,
  organisations: ["platform-admin", "organisations"] as const,
  organisationList: (query: AdminOrganisationListQuery) =>
    ["platform-admin", "organisations", query] as const,
};

const portalPath = (id: string) => `/api/v1/admin/portals/${encodeURIComponent(id)}`;
const organisationPath = (id: string) => `/api/v1/admin/organisations/${encodeURIComponent(id)}`;

export const adminPortalsQuery = queryOptions({
  queryKey: platformAdminKeys.portals,
  queryFn: async ({ signal }) =>
    (await api("/api/v1/admin/portals", AdminPortalListResponseSchema, { signal })).portals,
});

export function adminPortalQuery(id: string) {
  return queryOptions({
    queryKey: platformAdminKeys.portal(id),
    queryFn: ({ signal }) => api(portalPath(id), AdminPortalSchema, { signal }),
    retry: false,
  });
}

export const createPortal = (body: CreatePortalRequest) =>
  api("/api/v1/admin/portals", AdminPortalSchema, { method: "POST", body });
export const updatePortal = (id: string, body: UpdatePortalRequest) =>
  api(portalPath(id), AdminPortalSchema, { method: "PATCH", body });
export const setPortalActive = (id: string, active: boolean) =>
  api(`${portalPath(id)}/${active ? "reactivate" : "deactivate"}`, AdminPortalSchema, { method: "POST" });
export const uploadPortalLogo = (id: string, file: Blob) =>
  api(`${portalPath(id)}/logo`, AdminPortalSchema, { method: "PUT", file });
export const removePortalLogo = (id: string) =>
  api(`${portalPath(id)}/logo`, AdminPortalSchema, { method: "DELETE" });

export function adminOrganisationsQuery(query: AdminOrganisationListQuery) {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.kind) params.set("kind", query.kind);
  if (query.portalId) params.set("portalId", query.portalId);
  const search = params.toString();
  return queryOptions({
    queryKey: platformAdminKeys.organisationList(query),
    queryFn: ({ signal }) =>
      api(`/api/v1/admin/organisations${search ? `?${search}` : ""}`, AdminOrganisationListResponseSchema, {
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

export const createOrganisation = (body: Partial<AdminCreateOrganisationRequest>) =>
  api("/api/v1/admin/organisations", AdminOrganisationSchema, { method: "POST", body });
export const updateOrganisation = (id: string, body: AdminUpdateOrganisationRequest) =>
  api(organisationPath(id), AdminOrganisationSchema, { method: "PATCH", body });
export const moveOrganisation = (id: string, parentId: string | null) =>
  api(`${organisationPath(id)}/move`, AdminOrganisationSchema, { method: "POST", body: { parentId } });
export const setOrganisationActive = (id: string, active: boolean) =>
  api(`${organisationPath(id)}/${active ? "reactivate" : "deactivate"}`, AdminOrganisationSchema, {
    method: "POST",
  });
export async function deleteOrganisation(id: string): Promise<void> {
  await api(organisationPath(id), z.unknown(), { method: "DELETE" });
}

/** The first administrator of an organisation, by invitation (the identity module's invitations). */
export const inviteOrganisationAdmin = (body: {
  organisationId: string;
  email: string;
  locale: "nl" | "en";
}) => api("/api/v1/invitations", InvitationSchema, { method: "POST", body: { ...body, role: "org_admin" } });
