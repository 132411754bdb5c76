import { createHash, randomBytes } from "node:crypto";
import type { CalendarFeedResponse } from "../../../../contracts/selection-events";
import { AppError } from "../../../platform/errors";
import { publicScope } from "../../../platform/scope";
import type { Store } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { feedCalendar, instantOf } from "../calendar";
import { hhmm } from "../selection-events.presenter";
import { calendarFeedPublicRepository, calendarFeedRepository } from "../selection-events.repository";

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export async function feedStatus(deps: { store: Store }, caller: Caller): Promise<CalendarFeedResponse> {
  const found = await deps.store.bind(await caller.self(), calendarFeedRepository).find();
  return { active: Boolean(found), createdAt: found?.createdAt.toISOString() ?? null, url: null };
}

/** A new private feed URL (shown once); the previous one stops working. */
export async function renewFeed(
  deps: { store: Store },
  caller: Caller,
  origin: string,
): Promise<CalendarFeedResponse> {
  const token = randomBytes(32).toString("base64url");
  await deps.store.bind(await caller.self(), calendarFeedRepository).replace(hashToken(token));
  return {
    active: true,
    createdAt: new Date().toISOString(),
    url: new URL(`/feeds/calendar/${token}.ics`, origin).toString(),
  };
}

export async function revokeFeed(deps: { store: Store }, caller: Caller): Promise<CalendarFeedResponse> {
  await deps.store.bind(await caller.self(), calendarFeedRepository).remove();
  return { active: false, createdAt: null, url: null };
}

/** The feed's calendar: every session of the events the token's owner sits in; 404 for an unknown token. */
export async function feedOf(deps: { store: Store }, token: string): Promise<string> {
  if (!TOKEN.test(token)) throw new AppError("not_found");
  const found = await deps.store.bind(publicScope, calendarFeedPublicRepository).sessionsOf(hashToken(token));
  if (!found) throw new AppError("not_found");
  return feedCalendar(
    "Werkbrug selectiemomenten",
    found.rows.map((r) => ({
      uid: `${r.session.id}@werkbrug`,
      start: instantOf(r.session.day, r.session.startsAt, r.timeZone),
      end: instantOf(r.session.day, r.session.endsAt, r.timeZone),
      summary: `${r.eventName}: ${r.vacancyTitle}`,
      description: [
        r.description,
        `${hhmm(r.session.startsAt)}–${hhmm(r.session.endsAt)} · ${Number(r.booked)} ingeschreven / booked`,
        r.onlineUrl ?? "",
      ]
        .filter(Boolean)
        .join("\n\n"),
      location: r.location ?? r.onlineUrl,
    })),
  );
}
