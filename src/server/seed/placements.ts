import { and, asc, eq } from "drizzle-orm";
import { addDays, mondayOf } from "../../contracts/calendar-weeks";
import { candidates } from "../modules/candidates/candidates.schema";
import { contactPersons } from "../modules/employers/employers.schema";
import { matches, matchHistory, procedurePhases, procedures } from "../modules/matches/matches.schema";
import {
  placementApprovers,
  placements,
  timesheetEntries,
  timesheetLog,
  timesheets,
} from "../modules/placements/placements.schema";
import { todayIn } from "../modules/vacancies";
import { vacancies } from "../modules/vacancies/vacancies.schema";
import type { Db } from "../platform/db";

const HOUR = 3_600_000;

/**
 * The demo of issue 13: kandidaat@ (Kim de Kandidaat) was hired on a Westland Logistiek vacancy
 * five weeks ago, with werkgever@ approving the hours. Three weeks are approved, the week before
 * last waits for werkgever@ ("Urenstaten" on the dashboard), last week is still to be filled in.
 * Dates follow today, so the demo always has a week waiting and one to write.
 */
export async function seedDemoPlacement(db: Db, westlandId: string): Promise<void> {
  const [procedure] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.organisationId, westlandId), eq(procedures.isDefault, true)));
  const [hired] = procedure
    ? await db
        .select()
        .from(procedurePhases)
        .where(and(eq(procedurePhases.procedureId, procedure.id), eq(procedurePhases.key, "hired")))
    : [];
  const [candidate] = await db.select().from(candidates).where(eq(candidates.userId, "demo-kandidaat"));
  const [approver] = await db
    .select()
    .from(contactPersons)
    .where(and(eq(contactPersons.organisationId, westlandId), eq(contactPersons.userId, "demo-werkgever")));
  const [vacancy] = await db
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.organisationId, westlandId), eq(vacancies.status, "published")))
    .orderBy(asc(vacancies.createdAt), asc(vacancies.id))
    .offset(1)
    .limit(1);
  if (!procedure || !hired || !candidate || !approver?.userId || !vacancy) return;

  const thisWeek = mondayOf(todayIn());
  const start = addDays(thisWeek, -35);
  const at = (date: string, hour: number) => new Date(Date.parse(`${date}T00:00:00Z`) + hour * HOUR);
  const [match] = await db
    .insert(matches)
    .values({
      portalId: vacancy.portalId,
      organisationId: westlandId,
      vacancyId: vacancy.id,
      candidateId: candidate.id,
      source: "saved",
      procedureId: procedure.id,
      phaseId: hired.id,
      phaseSince: at(addDays(start, -7), 10),
      status: "hired",
      createdByUserId: "demo-accountmanager",
      createdAt: at(addDays(start, -21), 9),
      updatedAt: at(addDays(start, -7), 10),
    })
    .onConflictDoNothing()
    .returning();
  if (!match) return;
  await db.insert(matchHistory).values({
    matchId: match.id,
    organisationId: westlandId,
    seq: 0,
    toPhaseId: hired.id,
    comment: "Start over vijf weken, 32 uur per week.",
    actorUserId: "demo-accountmanager",
    at: at(addDays(start, -7), 10),
  });
  const [placement] = await db
    .insert(placements)
    .values({
      organisationId: westlandId,
      employerId: westlandId,
      portalId: vacancy.portalId,
      matchId: match.id,
      vacancyId: vacancy.id,
      candidateId: candidate.id,
      startDate: start,
      needsClientApproval: true,
      rateCents: 2450,
      createdByUserId: "demo-accountmanager",
      createdAt: at(addDays(start, -7), 11),
    })
    .returning();
  if (!placement) return;
  await db.insert(placementApprovers).values({
    placementId: placement.id,
    organisationId: westlandId,
    contactPersonId: approver.id,
    userId: approver.userId,
  });

  // Weeks 5, 4 and 3 ago approved; 2 ago submitted and waiting.
  for (const back of [5, 4, 3, 2]) {
    const monday = addDays(thisWeek, -7 * back);
    const submittedAt = at(addDays(monday, 4), 16);
    const approved = back > 2;
    const decidedAt = at(addDays(monday, 7), 9);
    const [sheet] = await db
      .insert(timesheets)
      .values({
        placementId: placement.id,
        organisationId: westlandId,
        candidateId: candidate.id,
        weekStart: monday,
        status: approved ? "approved" : "submitted",
        remark: back === 4 ? "Donderdag een uur eerder weg (tandarts)." : "",
        submissions: 1,
        submittedAt,
        decidedAt: approved ? decidedAt : null,
        decidedByUserId: approved ? approver.userId : null,
        createdAt: submittedAt,
        updatedAt: approved ? decidedAt : submittedAt,
      })
      .returning();
    if (!sheet) continue;
    await db.insert(timesheetEntries).values(
      [0, 1, 2, 3].map((i) => ({
        timesheetId: sheet.id,
        organisationId: westlandId,
        date: addDays(monday, i),
        kind: "normal" as const,
        minutes: back === 4 && i === 3 ? 7 * 60 : 8 * 60,
      })),
    );
    if (back === 3)
      await db.insert(timesheetEntries).values({
        timesheetId: sheet.id,
        organisationId: westlandId,
        date: addDays(monday, 2),
        kind: "overtime",
        minutes: 90,
      });
    await db.insert(timesheetLog).values([
      {
        timesheetId: sheet.id,
        organisationId: westlandId,
        action: "submitted" as const,
        actorUserId: "demo-kandidaat",
        at: submittedAt,
      },
      ...(approved
        ? [
            {
              timesheetId: sheet.id,
              organisationId: westlandId,
              action: "approved" as const,
              actorUserId: approver.userId,
              at: decidedAt,
            },
          ]
        : []),
    ]);
  }
}
