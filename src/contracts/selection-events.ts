import { z } from "zod";

/**
 * Selection events (Vlimpers "selectiemomenten vastleggen"): an event for one selection part of a
 * vacancy holds sessions (time blocks or days), a session holds slots with a capacity that
 * invited applicants book themselves until the booking deadline. Times are wall-clock times in
 * the organisation's time zone, given with every event.
 */

const Required = (max: number) => z.string().trim().min(1, { message: "required" }).max(max);
/** "09:30" */
export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "time_invalid" });
/** "2026-12-10" */
export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date_invalid" });

export const SlotInputSchema = z
  .strictObject({
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
    capacity: z.number().int().min(1, { message: "capacity_too_small" }).max(500),
  })
  .refine((s) => s.end > s.start, { message: "time_end_before_start", path: ["end"] });
export type SlotInput = z.infer<typeof SlotInputSchema>;

export const SessionInputSchema = z
  .strictObject({
    date: DaySchema,
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
    slots: z.array(SlotInputSchema).min(1, { message: "slots_required" }).max(100),
  })
  .refine((s) => s.end > s.start, { message: "time_end_before_start", path: ["end"] })
  .superRefine((s, ctx) => {
    s.slots.forEach((slot, i) => {
      if (slot.start < s.start || slot.end > s.end)
        ctx.addIssue({ code: "custom", message: "slot_outside_session", path: ["slots", i, "start"] });
    });
  });
export type SessionInput = z.output<typeof SessionInputSchema>;

const EventDetails = {
  name: Required(200),
  description: z.string().trim().max(4000).default(""),
  /** A place (address), or null for an online event. */
  location: z.string().trim().max(300).nullable().default(null),
  onlineUrl: z
    .string()
    .trim()
    .max(500)
    .regex(/^https?:\/\/\S+$/, { message: "url_invalid" })
    .nullable()
    .default(null),
  /** Until when applicants book, change or cancel (ISO date-time). */
  bookingDeadline: z.string().datetime({ offset: true, message: "date_invalid" }),
};
const placeGiven = (e: { location: string | null; onlineUrl: string | null }) =>
  Boolean(e.location) || Boolean(e.onlineUrl);

export const CreateSelectionEventRequestSchema = z
  .strictObject({
    ...EventDetails,
    sessions: z.array(SessionInputSchema).min(1, { message: "sessions_required" }).max(50),
  })
  .refine(placeGiven, { message: "place_or_link_required", path: ["location"] });
export type CreateSelectionEventRequest = z.input<typeof CreateSelectionEventRequestSchema>;
export type CreateSelectionEventInput = z.output<typeof CreateSelectionEventRequestSchema>;

export const UpdateSelectionEventRequestSchema = z
  .strictObject(EventDetails)
  .refine(placeGiven, { message: "place_or_link_required", path: ["location"] });
export type UpdateSelectionEventRequest = z.input<typeof UpdateSelectionEventRequestSchema>;
export type UpdateSelectionEventInput = z.output<typeof UpdateSelectionEventRequestSchema>;

export const InviteApplicantsRequestSchema = z.strictObject({
  /** Every applicant of the vacancy now in one of these phases is invited (once). */
  phaseIds: z.array(z.string().uuid()).min(1, { message: "phases_required" }).max(20),
});
export type InviteApplicantsRequest = z.infer<typeof InviteApplicantsRequestSchema>;

export const ATTENDANCE = ["present", "absent"] as const;
export const AttendanceRequestSchema = z.strictObject({ attendance: z.enum(ATTENDANCE).nullable() });
export type AttendanceRequest = z.infer<typeof AttendanceRequestSchema>;

export const SlotSchema = z.object({
  id: z.string().uuid(),
  start: z.string(),
  end: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  free: z.number().int(),
});
export type Slot = z.infer<typeof SlotSchema>;

export const SessionSchema = z.object({
  id: z.string().uuid(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  slots: z.array(SlotSchema),
});
export type Session = z.infer<typeof SessionSchema>;

export const InvitationSchema = z.object({
  id: z.string().uuid(),
  matchId: z.string().uuid(),
  name: z.string(),
  phase: z.string(),
  slotId: z.string().uuid().nullable(),
  bookedAt: z.string().nullable(),
  attendance: z.enum(ATTENDANCE).nullable(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

const EventFacts = {
  id: z.string().uuid(),
  vacancy: z.object({ id: z.string().uuid(), title: z.string() }),
  name: z.string(),
  description: z.string(),
  location: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  bookingDeadline: z.string(),
  /** The IANA zone of every time in the event (the organisation's). */
  timeZone: z.string(),
};

export const CountsSchema = z.object({
  invited: z.number().int(),
  booked: z.number().int(),
  capacity: z.number().int(),
  free: z.number().int(),
  present: z.number().int(),
  absent: z.number().int(),
});

export const SelectionEventSchema = z.object({
  ...EventFacts,
  sessions: z.array(SessionSchema),
  invitations: z.array(InvitationSchema),
  counts: CountsSchema,
  /** Whether the caller plans, invites and marks attendance (jury and leader only read). */
  manage: z.boolean(),
  /** The vacancy's phases to invite from (its procedure's), for those who manage. */
  phases: z.array(
    z.object({ id: z.string().uuid(), key: z.string(), label: z.string(), count: z.number().int() }),
  ),
});
export type SelectionEvent = z.infer<typeof SelectionEventSchema>;
export const SelectionEventResponseSchema = z.object({ event: SelectionEventSchema });

export const SelectionEventSummarySchema = z.object({
  ...EventFacts,
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  sessions: z.number().int(),
  counts: CountsSchema,
});
export type SelectionEventSummary = z.infer<typeof SelectionEventSummarySchema>;
export const SelectionEventListResponseSchema = z.object({
  events: z.array(SelectionEventSummarySchema),
  /** On a vacancy's list: whether the caller may plan a new event there. */
  canPlan: z.boolean(),
});
export type SelectionEventListResponse = z.infer<typeof SelectionEventListResponseSchema>;

export const InviteApplicantsResponseSchema = z.object({
  /** How many were newly invited (those invited before are left alone). */
  invited: z.number().int(),
  event: SelectionEventSchema,
});
export type InviteApplicantsResponse = z.infer<typeof InviteApplicantsResponseSchema>;

/** The applicant's side: an invitation with the slots to choose from. */
export const MyInvitationSchema = z.object({
  ...EventFacts,
  /** The invitation's id (what the booking routes take). */
  id: z.string().uuid(),
  eventId: z.string().uuid(),
  /** Whether booking, changing or cancelling is still possible (before the deadline). */
  open: z.boolean(),
  sessions: z.array(
    SessionSchema.extend({
      slots: z.array(
        z.object({ id: z.string().uuid(), start: z.string(), end: z.string(), free: z.number().int() }),
      ),
    }),
  ),
  booking: z
    .object({ slotId: z.string().uuid(), date: z.string(), start: z.string(), end: z.string() })
    .nullable(),
});
export type MyInvitation = z.infer<typeof MyInvitationSchema>;
export const MyInvitationResponseSchema = z.object({ invitation: MyInvitationSchema });
export const MyInvitationListResponseSchema = z.object({ invitations: z.array(MyInvitationSchema) });
export type MyInvitationListResponse = z.infer<typeof MyInvitationListResponseSchema>;

export const BookSlotRequestSchema = z.strictObject({ slotId: z.string().uuid() });
export type BookSlotRequest = z.infer<typeof BookSlotRequestSchema>;

/** A private calendar feed: its URL is shown once, when made; only its hash is kept. */
export const CalendarFeedResponseSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /** Only in the answer that made it. */
  url: z.string().nullable(),
});
export type CalendarFeedResponse = z.infer<typeof CalendarFeedResponseSchema>;

/** Who plans events and has a feed: the roles of the vacancy staff plus jury members and leaders. */
export const CALENDAR_FEED_ROLES = [
  "platform_admin",
  "org_admin",
  "account_manager",
  "employer_contact",
  "hr_officer",
  "selection_officer",
  "jury_member",
  "line_manager",
] as const;
