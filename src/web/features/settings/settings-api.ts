import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import {
  type AuditEventType,
  AuditListResponseSchema,
  type CreateInvitationRequest,
  InvitationListResponseSchema,
  InvitationSchema,
  ManagedUserListResponseSchema,
  ManagedUserSchema,
  ProfileSettingsSchema,
  type UpdateMeRequest,
} from "../../../contracts/identity";
import { OrganisationListResponseSchema } from "../../../contracts/tenancy";
import { api } from "../../api";

export const profileQuery = queryOptions({
  queryKey: ["settings", "profile"],
  queryFn: ({ signal }) => api("/api/v1/me/profile", ProfileSettingsSchema, { signal }),
});

export function updateProfile(body: UpdateMeRequest) {
  return api("/api/v1/me/profile", ProfileSettingsSchema, { method: "PATCH", body });
}

export const usersQuery = queryOptions({
  queryKey: ["admin", "users"],
  queryFn: ({ signal }) => api("/api/v1/users", ManagedUserListResponseSchema, { signal }),
});

export function changeMembership(input: {
  userId: string;
  membershipId: string;
  role: string;
  mayManageVacancies: boolean;
}) {
  return api(
    `/api/v1/users/${encodeURIComponent(input.userId)}/memberships/${encodeURIComponent(input.membershipId)}`,
    ManagedUserSchema,
    { method: "PATCH", body: { role: input.role, mayManageVacancies: input.mayManageVacancies } },
  );
}

export async function revokeAccess(userId: string): Promise<void> {
  await api(`/api/v1/users/${encodeURIComponent(userId)}/revoke-access`, z.unknown(), {
    method: "POST",
    body: {},
  });
}

export const invitationsQuery = queryOptions({
  queryKey: ["admin", "invitations"],
  queryFn: ({ signal }) => api("/api/v1/invitations", InvitationListResponseSchema, { signal }),
});

export function createInvitation(body: CreateInvitationRequest) {
  return api("/api/v1/invitations", InvitationSchema, { method: "POST", body });
}

export function invitationAction(id: string, action: "resend" | "revoke") {
  return api(`/api/v1/invitations/${encodeURIComponent(id)}/${action}`, InvitationSchema, {
    method: "POST",
    body: {},
  });
}

/** Platform admins may invite into any organisation of the portal. */
export const organisationsQuery = queryOptions({
  queryKey: ["admin", "organisations"],
  queryFn: ({ signal }) => api("/api/v1/organisations?limit=200", OrganisationListResponseSchema, { signal }),
});

export { AUDIT_EVENT_TYPES, type AuditEvent, type AuditEventType } from "../../../contracts/identity";

export interface AuditFilter {
  type: AuditEventType | "";
  /** yyyy-mm-dd, local dates as typed */
  from: string;
  to: string;
}

export const AUDIT_PAGE_SIZE = 50;

export function fetchAudit(filter: AuditFilter, offset: number, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE), offset: String(offset) });
  if (filter.type) params.set("type", filter.type);
  // The range is whole days in the user's time zone: from the start of "from" to the end of "to".
  if (filter.from) params.set("from", new Date(`${filter.from}T00:00:00`).toISOString());
  if (filter.to) params.set("to", new Date(`${filter.to}T23:59:59.999`).toISOString());
  return api(`/api/v1/audit?${params}`, AuditListResponseSchema, { signal });
}

const AvatarResponseSchema = z.object({ avatarUrl: z.string() });

/** The server checks type (PNG, JPG, WebP by content) and size (2 MB) and answers in the UI language. */
export async function uploadAvatar(file: File): Promise<string> {
  return (await api("/api/v1/me/avatar", AvatarResponseSchema, { method: "PUT", file })).avatarUrl;
}

export async function removeAvatar(): Promise<void> {
  await api("/api/v1/me/avatar", z.unknown(), { method: "DELETE" });
}

/** Sends a confirmation link to the new address; the address changes when it is followed. */
export async function changeEmail(newEmail: string): Promise<void> {
  await api("/api/auth/change-email", z.unknown(), {
    method: "POST",
    body: { newEmail, callbackURL: "/instellingen?tab=persoonsgegevens" },
  });
}
