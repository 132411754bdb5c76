import { queryOptions } from "@tanstack/react-query";
import {
  type AttendanceRequest,
  CalendarFeedResponseSchema,
  type CreateSelectionEventRequest,
  InviteApplicantsResponseSchema,
  MyInvitationListResponseSchema,
  MyInvitationResponseSchema,
  SelectionEventListResponseSchema,
  SelectionEventResponseSchema,
  type SessionInput,
  type UpdateSelectionEventRequest,
} from "../../../contracts/selection-events";
import { api } from "../../api";

export const selectionEventKeys = {
  all: ["selection-events"] as const,
  overview: ["selection-events", "overview"] as const,
  vacancy: (id: string) => ["selection-events", "vacancy", id] as const,
  event: (id: string) => ["selection-events", "event", id] as const,
  mine: ["selection-events", "mine"] as const,
  feed: ["selection-events", "feed"] as const,
};

const enc = encodeURIComponent;

export const overviewQuery = queryOptions({
  queryKey: selectionEventKeys.overview,
  queryFn: ({ signal }) => api("/api/v1/selection-events", SelectionEventListResponseSchema, { signal }),
});

export function vacancyEventsQuery(vacancyId: string) {
  return queryOptions({
    queryKey: selectionEventKeys.vacancy(vacancyId),
    queryFn: ({ signal }) =>
      api(`/api/v1/vacancies/${enc(vacancyId)}/selection-events`, SelectionEventListResponseSchema, {
        signal,
      }),
    retry: false,
  });
}

export function eventQuery(id: string) {
  return queryOptions({
    queryKey: selectionEventKeys.event(id),
    queryFn: async ({ signal }) =>
      (await api(`/api/v1/selection-events/${enc(id)}`, SelectionEventResponseSchema, { signal })).event,
  });
}

export async function createEvent(vacancyId: string, body: CreateSelectionEventRequest) {
  return (
    await api(`/api/v1/vacancies/${enc(vacancyId)}/selection-events`, SelectionEventResponseSchema, {
      method: "POST",
      body,
    })
  ).event;
}

export async function updateEvent(id: string, body: UpdateSelectionEventRequest) {
  return (
    await api(`/api/v1/selection-events/${enc(id)}`, SelectionEventResponseSchema, { method: "PUT", body })
  ).event;
}

export async function addSession(id: string, body: SessionInput) {
  return (
    await api(`/api/v1/selection-events/${enc(id)}/sessions`, SelectionEventResponseSchema, {
      method: "POST",
      body,
    })
  ).event;
}

export async function removeSession(id: string, sessionId: string) {
  return (
    await api(
      `/api/v1/selection-events/${enc(id)}/sessions/${enc(sessionId)}`,
      SelectionEventResponseSchema,
      {
        method: "DELETE",
      },
    )
  ).event;
}

export async function inviteApplicants(id: string, phaseIds: string[]) {
  return api(`/api/v1/selection-events/${enc(id)}/invitations`, InviteApplicantsResponseSchema, {
    method: "POST",
    body: { phaseIds },
  });
}

export async function markAttendance(id: string, invitationId: string, body: AttendanceRequest) {
  return (
    await api(
      `/api/v1/selection-events/${enc(id)}/invitations/${enc(invitationId)}/attendance`,
      SelectionEventResponseSchema,
      { method: "PUT", body },
    )
  ).event;
}

export const myInvitationsQuery = queryOptions({
  queryKey: selectionEventKeys.mine,
  queryFn: async ({ signal }) =>
    (await api("/api/v1/selection-invitations/mine", MyInvitationListResponseSchema, { signal })).invitations,
});

export function myInvitationQuery(id: string) {
  return queryOptions({
    queryKey: [...selectionEventKeys.mine, id],
    queryFn: async ({ signal }) =>
      (await api(`/api/v1/selection-invitations/${enc(id)}`, MyInvitationResponseSchema, { signal }))
        .invitation,
  });
}

export async function bookSlot(invitationId: string, slotId: string) {
  return (
    await api(`/api/v1/selection-invitations/${enc(invitationId)}/booking`, MyInvitationResponseSchema, {
      method: "PUT",
      body: { slotId },
    })
  ).invitation;
}

export async function cancelBooking(invitationId: string) {
  return (
    await api(`/api/v1/selection-invitations/${enc(invitationId)}/booking`, MyInvitationResponseSchema, {
      method: "DELETE",
    })
  ).invitation;
}

export const feedQuery = queryOptions({
  queryKey: selectionEventKeys.feed,
  queryFn: ({ signal }) => api("/api/v1/calendar-feed", CalendarFeedResponseSchema, { signal }),
});

export function renewFeed() {
  return api("/api/v1/calendar-feed", CalendarFeedResponseSchema, { method: "POST" });
}

export function revokeFeed() {
  return api("/api/v1/calendar-feed", CalendarFeedResponseSchema, { method: "DELETE" });
}
