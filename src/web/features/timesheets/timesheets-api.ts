import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import {
  type BulkApproveRequest,
  BulkApproveResponseSchema,
  MyPlacementsResponseSchema,
  type SaveTimesheetRequest,
  type Timesheet,
  type TimesheetDecisionRequest,
  TimesheetListResponseSchema,
  type TimesheetMailPreference,
  TimesheetMailPreferenceSchema,
  TimesheetResponseSchema,
} from "../../../contracts/placements";
import { api } from "../../api";
import { contactDashboardQuery } from "../contact-home/contact-home-api";
import type { MenuRole } from "../navigation/menu";

const weekPath = (placementId: string, weekStart: string) =>
  `/api/v1/my/placements/${encodeURIComponent(placementId)}/weeks/${encodeURIComponent(weekStart)}`;
const timesheetPath = (id: string) => `/api/v1/timesheets/${encodeURIComponent(id)}`;

export const timesheetKeys = {
  all: ["timesheets"] as const,
  myPlacements: ["timesheets", "my-placements"] as const,
  week: (placementId: string, weekStart: string) => ["timesheets", "week", placementId, weekStart] as const,
  detail: (id: string) => ["timesheets", "detail", id] as const,
  list: (status: "waiting" | "decided") => ["timesheets", "list", status] as const,
  mailPreference: ["timesheets", "mail-preference"] as const,
};

/** The candidate's placements, each with its weeks (newest first). */
export const myPlacementsQuery = queryOptions({
  queryKey: timesheetKeys.myPlacements,
  queryFn: async ({ signal }) =>
    (await api("/api/v1/my/placements", MyPlacementsResponseSchema, { signal })).placements,
});

/** One week of a placement as the candidate edits it (an empty one when nothing is saved yet). */
export function myWeekQuery(placementId: string, weekStart: string) {
  return queryOptions({
    queryKey: timesheetKeys.week(placementId, weekStart),
    queryFn: async ({ signal }) =>
      (await api(weekPath(placementId, weekStart), TimesheetResponseSchema, { signal })).timesheet,
    retry: false,
  });
}

export async function saveWeek(placementId: string, weekStart: string, body: SaveTimesheetRequest) {
  return (await api(weekPath(placementId, weekStart), TimesheetResponseSchema, { method: "PUT", body }))
    .timesheet;
}

export async function submitWeek(placementId: string, weekStart: string, body: SaveTimesheetRequest) {
  return (
    await api(`${weekPath(placementId, weekStart)}/submit`, TimesheetResponseSchema, { method: "POST", body })
  ).timesheet;
}

export function timesheetQuery(id: string) {
  return queryOptions({
    queryKey: timesheetKeys.detail(id),
    queryFn: async ({ signal }) =>
      (await api(timesheetPath(id), TimesheetResponseSchema, { signal })).timesheet,
    retry: false,
  });
}

/** waiting: the weeks the caller decides now; decided: approved or rejected, latest first. */
export function timesheetListQuery(status: "waiting" | "decided") {
  return queryOptions({
    queryKey: timesheetKeys.list(status),
    queryFn: async ({ signal }) =>
      (await api(`/api/v1/timesheets?status=${status}`, TimesheetListResponseSchema, { signal })).timesheets,
  });
}

export async function decideTimesheet(id: string, body: TimesheetDecisionRequest) {
  return (await api(`${timesheetPath(id)}/decision`, TimesheetResponseSchema, { method: "POST", body }))
    .timesheet;
}

export async function approveTimesheets(body: BulkApproveRequest) {
  return (await api("/api/v1/timesheets/approve", BulkApproveResponseSchema, { method: "POST", body }))
    .approved;
}

export const mailPreferenceQuery = queryOptions({
  queryKey: timesheetKeys.mailPreference,
  queryFn: ({ signal }) =>
    api("/api/v1/timesheets/mail-preference", TimesheetMailPreferenceSchema, { signal }),
});

export async function saveMailPreference(body: TimesheetMailPreference) {
  return api("/api/v1/timesheets/mail-preference", TimesheetMailPreferenceSchema, { method: "PUT", body });
}

/**
 * After a week changed: the lists of weeks and the count on the contact's dashboard. The week
 * itself is put in the cache from the answer, so an open form is not read again under the user.
 */
export function refreshTimesheets(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: timesheetKeys.myPlacements }),
    queryClient.invalidateQueries({ queryKey: ["timesheets", "list"] }),
    queryClient.invalidateQueries({ queryKey: contactDashboardQuery.queryKey }),
  ]);
}

/** A week the server answered with, under both the candidate's address and its own. */
export function cacheTimesheet(queryClient: QueryClient, timesheet: Timesheet) {
  queryClient.setQueryData(timesheetKeys.week(timesheet.placementId, timesheet.weekStart), timesheet);
  if (timesheet.id) queryClient.setQueryData(timesheetKeys.detail(timesheet.id), timesheet);
}

/**
 * What the main menu needs of timesheets: whether a candidate has a placement (only then does
 * "Urenstaten" show for them), and how many weeks wait for a contact (the count beside it).
 */
export function useTimesheetMenu(role: MenuRole): { placed: boolean; waiting: number } {
  const placements = useQuery({ ...myPlacementsQuery, enabled: role === "candidate", staleTime: 60_000 });
  const waiting = useQuery({ ...timesheetListQuery("waiting"), enabled: role === "employer_contact" });
  return { placed: (placements.data?.length ?? 0) > 0, waiting: waiting.data?.length ?? 0 };
}
