import { and, eq } from "drizzle-orm";
import { candidates } from "../modules/candidates/candidates.schema";
import { matches } from "../modules/matches/matches.schema";
import {
  selectionEvents,
  selectionInvitations,
  selectionSessions,
  selectionSlots,
} from "../modules/selection-events/selection-events.schema";
import { vacancies } from "../modules/vacancies/vacancies.schema";
import type { Db } from "../platform/db";
import { dayFrom as day } from "./procedures";

/**
 * The selection events demo (issue 16): "Jurygesprekken" on "Beleidsmedewerker arbeidsmarkt",
 * two sessions (a morning and an afternoon) of 45-minute interviews, Kim invited and not booked
 * yet; the booking deadline is a month after the seed's date, so the demo can be tried later.
 */
export async function seedDemoSelectionEvents(db: Db, vacancyId: string, now: Date): Promise<void> {
  const [vacancy] = await db.select().from(vacancies).where(eq(vacancies.id, vacancyId));
  if (!vacancy) return;
  const [event] = await db
    .insert(selectionEvents)
    .values({
      organisationId: vacancy.organisationId,
      vacancyId,
      name: "Jurygesprekken",
      description:
        "Een gesprek van 45 minuten met de jury over je ervaring met arbeidsmarktbeleid. Breng je identiteitskaart mee.",
      location: "Herman Teirlinckgebouw, Havenlaan 88, 1000 Brussel",
      bookingDeadline: new Date(now.getTime() + 30 * 86_400_000),
      createdByUserId: "demo-selectie",
    })
    .returning();
  const sessions = [
    { day: day(now, 35), startsAt: "09:00", endsAt: "12:00", slots: ["09:00", "09:45", "10:30", "11:15"] },
    { day: day(now, 36), startsAt: "13:30", endsAt: "16:30", slots: ["13:30", "14:15", "15:00", "15:45"] },
  ];
  for (const s of sessions) {
    const [session] = await db
      .insert(selectionSessions)
      .values({
        eventId: event!.id,
        organisationId: vacancy.organisationId,
        day: s.day,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
      })
      .returning();
    await db.insert(selectionSlots).values(
      s.slots.map((start) => {
        const [h, m] = start.split(":").map(Number) as [number, number];
        const end = h * 60 + m + 45;
        return {
          sessionId: session!.id,
          eventId: event!.id,
          organisationId: vacancy.organisationId,
          startsAt: start,
          endsAt: `${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}`,
          capacity: 1,
        };
      }),
    );
  }
  const [kim] = await db
    .select({ id: matches.id })
    .from(matches)
    .innerJoin(candidates, eq(candidates.id, matches.candidateId))
    .where(and(eq(matches.vacancyId, vacancyId), eq(candidates.userId, "demo-kandidaat")));
  if (kim)
    await db.insert(selectionInvitations).values({
      eventId: event!.id,
      organisationId: vacancy.organisationId,
      matchId: kim.id,
      invitedByUserId: "demo-selectie",
    });
}
