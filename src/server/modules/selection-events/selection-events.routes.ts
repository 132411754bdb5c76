import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AttendanceRequestSchema,
  BookSlotRequestSchema,
  CalendarFeedResponseSchema,
  CreateSelectionEventRequestSchema,
  InviteApplicantsRequestSchema,
  InviteApplicantsResponseSchema,
  MyInvitationListResponseSchema,
  MyInvitationResponseSchema,
  SelectionEventListResponseSchema,
  SelectionEventResponseSchema,
  SessionInputSchema,
  UpdateSelectionEventRequestSchema,
} from "../../../contracts/selection-events";
import { AppError } from "../../platform/errors";
import { errorResponses } from "../../platform/http";
import { requestLocale } from "../../platform/i18n";
import { portalUrl } from "../../platform/tenancy";
import { callerOf } from "../tenancy";
import { book, cancelBooking, myInvitation, myInvitations } from "./actions/book";
import { feedOf, feedStatus, renewFeed, revokeFeed } from "./actions/feed";
import {
  addSession,
  createEvent,
  getEvent,
  inviteApplicants,
  markAttendance,
  overview,
  removeSession,
  type SelectionEventDeps,
  updateEvent,
  vacancyEvents,
} from "./actions/plan";
import { selectionEventsPolicy as policy } from "./selection-events.policy";

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const Id = z.object({ id: z.string().uuid() });
const SessionParams = z.object({ id: z.string().uuid(), sessionId: z.string().uuid() });
const InvitationParams = z.object({ id: z.string().uuid(), invitationId: z.string().uuid() });

export interface SelectionEventRouteDeps {
  selectionEvents: SelectionEventDeps;
  publicUrl: string;
}

/** Selection events (issue 16 parts 1 and 2): planning, the overview, booking and calendar feeds. */
export async function registerSelectionEventRoutes(
  app: FastifyInstance,
  deps: SelectionEventRouteDeps,
): Promise<void> {
  const d = deps.selectionEvents;
  const baseUrl = (request: FastifyRequest) => request.portal?.portal.url ?? portalUrl(deps.publicUrl, null);
  await app.register(async (scope) => {
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ["selection-events"];
    const planners = { access: policy.planners };
    const readers = { access: policy.readers };
    const applicant = { access: policy.applicant };
    const feedOwners = { access: policy.feedOwners };

    r.get(
      "/api/v1/selection-events",
      {
        config: readers,
        schema: {
          tags,
          summary: "All planned selection events the caller sees, with bookings, free places and attendance",
          response: { 200: SelectionEventListResponseSchema, ...errors },
        },
      },
      async (request) => overview(d, callerOf(request)),
    );

    r.get(
      "/api/v1/vacancies/:id/selection-events",
      {
        config: readers,
        schema: {
          tags,
          summary: "The vacancy's selection events, and whether the caller may plan one",
          params: Id,
          response: { 200: SelectionEventListResponseSchema, ...errors },
        },
      },
      async (request) => vacancyEvents(d, callerOf(request), request.params.id),
    );

    r.post(
      "/api/v1/vacancies/:id/selection-events",
      {
        config: planners,
        schema: {
          tags,
          summary: "Plan a selection event with its sessions and slots",
          params: Id,
          body: CreateSelectionEventRequestSchema,
          response: { 201: SelectionEventResponseSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          event: await createEvent(
            d,
            callerOf(request),
            request.params.id,
            request.body,
            requestLocale(request),
          ),
        }),
    );

    r.get(
      "/api/v1/selection-events/:id",
      {
        config: readers,
        schema: {
          tags,
          summary: "One selection event: sessions, slots, invitations and bookings",
          params: Id,
          response: { 200: SelectionEventResponseSchema, ...errors },
        },
      },
      async (request) => ({
        event: await getEvent(d, callerOf(request), request.params.id, requestLocale(request)),
      }),
    );

    r.put(
      "/api/v1/selection-events/:id",
      {
        config: planners,
        schema: {
          tags,
          summary: "Change the event's name, description, place or link and booking deadline",
          params: Id,
          body: UpdateSelectionEventRequestSchema,
          response: { 200: SelectionEventResponseSchema, ...errors },
        },
      },
      async (request) => ({
        event: await updateEvent(
          d,
          callerOf(request),
          request.params.id,
          request.body,
          requestLocale(request),
        ),
      }),
    );

    r.post(
      "/api/v1/selection-events/:id/sessions",
      {
        config: planners,
        schema: {
          tags,
          summary: "Add a session with its slots",
          params: Id,
          body: SessionInputSchema,
          response: { 200: SelectionEventResponseSchema, ...errors },
        },
      },
      async (request) => ({
        event: await addSession(
          d,
          callerOf(request),
          request.params.id,
          request.body,
          requestLocale(request),
        ),
      }),
    );

    r.delete(
      "/api/v1/selection-events/:id/sessions/:sessionId",
      {
        config: planners,
        schema: {
          tags,
          summary: "Remove a session nobody booked",
          params: SessionParams,
          response: { 200: SelectionEventResponseSchema, ...errors },
        },
      },
      async (request) => ({
        event: await removeSession(
          d,
          callerOf(request),
          request.params.id,
          request.params.sessionId,
          requestLocale(request),
        ),
      }),
    );

    r.post(
      "/api/v1/selection-events/:id/invitations",
      {
        config: planners,
        schema: {
          tags,
          summary:
            "Invite the vacancy's applicants in the chosen phases (each gets a mail with a link to book)",
          params: Id,
          body: InviteApplicantsRequestSchema,
          response: { 200: InviteApplicantsResponseSchema, ...errors },
        },
      },
      async (request) =>
        inviteApplicants(d, callerOf(request), request.params.id, request.body, requestLocale(request)),
    );

    r.put(
      "/api/v1/selection-events/:id/invitations/:invitationId/attendance",
      {
        config: planners,
        schema: {
          tags,
          summary: "Mark a booked applicant present or absent (null takes it back)",
          params: InvitationParams,
          body: AttendanceRequestSchema,
          response: { 200: SelectionEventResponseSchema, ...errors },
        },
      },
      async (request) => ({
        event: await markAttendance(
          d,
          callerOf(request),
          request.params.id,
          request.params.invitationId,
          request.body,
          requestLocale(request),
        ),
      }),
    );

    // The applicant's side.
    r.get(
      "/api/v1/selection-invitations/mine",
      {
        config: applicant,
        schema: {
          tags,
          summary: "My invitations to selection events, with free places and my booking",
          response: { 200: MyInvitationListResponseSchema, ...errors },
        },
      },
      async (request) => ({ invitations: await myInvitations(d, callerOf(request)) }),
    );

    r.get(
      "/api/v1/selection-invitations/:id",
      {
        config: applicant,
        schema: {
          tags,
          summary: "One of my invitations",
          params: Id,
          response: { 200: MyInvitationResponseSchema, ...errors },
        },
      },
      async (request) => ({ invitation: await myInvitation(d, callerOf(request), request.params.id) }),
    );

    r.put(
      "/api/v1/selection-invitations/:id/booking",
      {
        config: applicant,
        schema: {
          tags,
          summary: "Book a slot, or change my booking to another slot (until the deadline; not a full slot)",
          params: Id,
          body: BookSlotRequestSchema,
          response: { 200: MyInvitationResponseSchema, ...errors },
        },
      },
      async (request) => ({
        invitation: await book(d, callerOf(request), request.params.id, request.body.slotId),
      }),
    );

    r.delete(
      "/api/v1/selection-invitations/:id/booking",
      {
        config: applicant,
        schema: {
          tags,
          summary: "Cancel my booking (until the deadline)",
          params: Id,
          response: { 200: MyInvitationResponseSchema, ...errors },
        },
      },
      async (request) => ({ invitation: await cancelBooking(d, callerOf(request), request.params.id) }),
    );

    // Private calendar feeds of jury members, leaders and officers.
    r.get(
      "/api/v1/calendar-feed",
      {
        config: feedOwners,
        schema: {
          tags,
          summary: "Whether I have a private calendar feed of my sessions",
          response: { 200: CalendarFeedResponseSchema, ...errors },
        },
      },
      async (request) => feedStatus(d, callerOf(request)),
    );

    r.post(
      "/api/v1/calendar-feed",
      {
        config: feedOwners,
        schema: {
          tags,
          summary: "Make a new private feed URL (shown once); the previous URL stops working",
          response: { 200: CalendarFeedResponseSchema, ...errors },
        },
      },
      async (request) => renewFeed(d, callerOf(request), baseUrl(request)),
    );

    r.delete(
      "/api/v1/calendar-feed",
      {
        config: feedOwners,
        schema: {
          tags,
          summary: "Revoke my private feed URL",
          response: { 200: CalendarFeedResponseSchema, ...errors },
        },
      },
      async (request) => revokeFeed(d, callerOf(request)),
    );

    r.get(
      "/feeds/calendar/:file",
      { config: { access: policy.feed }, schema: { hide: true } },
      async (request, reply) => {
        const match = /^([A-Za-z0-9_-]+)\.ics$/.exec((request.params as { file: string }).file);
        if (!match) throw new AppError("not_found");
        const body = await feedOf(d, match[1]!);
        return reply
          .header("content-type", "text/calendar; charset=utf-8")
          .header("cache-control", "private, no-store")
          .send(body);
      },
    );
  });
}
