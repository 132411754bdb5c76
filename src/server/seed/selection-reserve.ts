import { eq } from "drizzle-orm";
import { matches, matchHistory, procedurePhases } from "../modules/matches/matches.schema";
import {
  procedureClosures,
  reserveListLaureates,
  reserveLists,
} from "../modules/reserve-lists/reserve-lists.schema";
import { vacancies, vacancyHistory } from "../modules/vacancies/vacancies.schema";
import type { Db } from "../platform/db";
import { dayFrom as day } from "./procedures";

const OWNER = "demo-selectie";

/**
 * The reserve-list demo (issue 16, Vlimpers "werfreserve"): the selection office completed the
 * selection for "Jurist arbeidsrecht" last month and put Elif Yilmaz and Thomas Peeters on its
 * reserve list, valid for two years, so they can be called up for another vacancy of the agency.
 * The laureates are two applicants of "Beleidsmedewerker arbeidsmarkt" (the selection demo's).
 */
export async function seedDemoReserveList(
  db: Db,
  base: { organisationId: string; portalId: string; procedureId: string },
  laureateIds: readonly string[],
  now: Date,
): Promise<void> {
  const { organisationId, portalId, procedureId } = base;
  const phases = await db.select().from(procedurePhases).where(eq(procedurePhases.procedureId, procedureId));
  const phase = (key: string) => phases.find((p) => p.key === key)!;
  const published = day(now, -90);
  const closedAt = new Date(`${day(now, -30)}T15:00:00Z`);
  const [vacancy] = await db
    .insert(vacancies)
    .values({
      organisationId,
      portalId,
      createdByUserId: OWNER,
      ownerUserId: OWNER,
      contactUserId: "demo-hr",
      requestedByUserId: "demo-hr",
      city: "Den Haag",
      status: "closed",
      title: "Jurist arbeidsrecht",
      displayTitle: "Jurist arbeidsrecht",
      description: "Je adviseert het agentschap over arbeidsrecht en personeelsreglementen.",
      hoursMin: 36,
      hoursMax: 36,
      publishOrganisationFrom: published,
      publishPortalFrom: published,
      publishPublicFrom: published,
      publishedAt: new Date(`${published}T08:00:00Z`),
      closesOn: day(now, -60),
      procedureId,
    })
    .returning();
  await db.insert(vacancyHistory).values({
    vacancyId: vacancy!.id,
    organisationId,
    userId: OWNER,
    action: "closed",
    changes: { status: ["published", "closed"] },
    at: closedAt,
  });
  const [list] = await db
    .insert(reserveLists)
    .values({
      organisationId,
      vacancyId: vacancy!.id,
      startsOn: day(now, -30),
      endsOn: day(now, 730),
      createdByUserId: OWNER,
      createdAt: closedAt,
    })
    .returning();
  for (const [i, candidateId] of laureateIds.entries()) {
    const applied = new Date(now.getTime() - (80 - i) * 86_400_000);
    const [match] = await db
      .insert(matches)
      .values({
        portalId,
        organisationId,
        vacancyId: vacancy!.id,
        candidateId,
        source: "applied",
        procedureId,
        phaseId: phase("reserve").id,
        status: "in_review",
        motivation: "Arbeidsrecht is mijn vak; ik werk graag voor de overheid.",
        createdByUserId: OWNER,
        createdAt: applied,
        phaseSince: closedAt,
      })
      .returning();
    await db.insert(matchHistory).values([
      { matchId: match!.id, organisationId, seq: 0, toPhaseId: phase("submitted").id, at: applied },
      {
        matchId: match!.id,
        organisationId,
        seq: 1,
        fromPhaseId: phase("submitted").id,
        toPhaseId: phase("reserve").id,
        actorUserId: OWNER,
        at: closedAt,
      },
    ]);
    await db.insert(reserveListLaureates).values({
      organisationId,
      reserveListId: list!.id,
      matchId: match!.id,
      candidateId,
      position: i + 1,
      addedByUserId: OWNER,
      addedAt: closedAt,
    });
  }
  await db.insert(procedureClosures).values({
    vacancyId: vacancy!.id,
    organisationId,
    kind: "completed",
    mailed: 0,
    closedByUserId: OWNER,
    closedAt,
  });
}
