import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { candidates } from "../modules/candidates/candidates.schema";
import { contactPersons } from "../modules/employers/employers.schema";
import {
  matches,
  matchHistory,
  matchProposals,
  matchReviewers,
  notifications,
  procedurePhases,
  procedures,
} from "../modules/matches/matches.schema";
import { organisations } from "../modules/tenancy/tenancy.schema";
import { vacancies } from "../modules/vacancies/vacancies.schema";
import type { Db } from "../platform/db";

const DAY = 86_400_000;

/**
 * The demo of issue 19's staff home: applications on the account manager's Westland vacancies
 * that nobody has picked up yet (over the last weeks, for the figures), and a proposal the
 * contact approved, whose verdict the account manager has not read yet. Runs after the
 * proposals and the placement, on other vacancies and candidates than theirs.
 */
export async function seedDemoStaffHome(db: Db, westlandId: string): Promise<void> {
  const [procedure] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.organisationId, westlandId), eq(procedures.isDefault, true)));
  const [westland] = await db.select().from(organisations).where(eq(organisations.id, westlandId));
  const [reviewer] = await db
    .select()
    .from(contactPersons)
    .where(and(eq(contactPersons.organisationId, westlandId), eq(contactPersons.userId, "demo-werkgever")));
  if (!procedure || !westland || !reviewer?.userId) return;
  const phases = await db
    .select()
    .from(procedurePhases)
    .where(
      and(
        eq(procedurePhases.procedureId, procedure.id),
        inArray(procedurePhases.key, ["applied", "proposed", "approved"]),
      ),
    );
  const phase = (key: string) => phases.find((p) => p.key === key);
  const applied = phase("applied");
  const proposed = phase("proposed");
  const approved = phase("approved");
  // The first two published vacancies carry the demo's proposals and placement.
  const picked = await db
    .select()
    .from(vacancies)
    .where(
      and(
        eq(vacancies.organisationId, westlandId),
        eq(vacancies.status, "published"),
        isNull(vacancies.procedureId),
      ),
    )
    .orderBy(asc(vacancies.createdAt), asc(vacancies.id))
    .offset(2)
    .limit(2);
  // The newest visible candidates after the two the proposals took.
  const people = await db
    .select({ id: candidates.id, firstName: candidates.firstName, lastName: candidates.lastName })
    .from(candidates)
    .where(
      and(
        eq(candidates.portalId, westland.homePortalId),
        eq(candidates.visible, true),
        isNull(candidates.userId),
      ),
    )
    .orderBy(desc(candidates.createdAt), desc(candidates.id))
    .offset(2)
    .limit(4);
  if (!applied || !proposed || !approved || picked.length < 2 || people.length < 4) return;

  const applications = [
    { vacancy: picked[0]!, candidate: people[0]!, daysAgo: 1 },
    { vacancy: picked[0]!, candidate: people[1]!, daysAgo: 9 },
    { vacancy: picked[1]!, candidate: people[2]!, daysAgo: 20 },
  ];
  for (const { vacancy, candidate, daysAgo } of applications) {
    const at = new Date(Date.now() - daysAgo * DAY);
    const [match] = await db
      .insert(matches)
      .values({
        portalId: vacancy.portalId,
        organisationId: westlandId,
        vacancyId: vacancy.id,
        candidateId: candidate.id,
        source: "applied",
        procedureId: procedure.id,
        phaseId: applied.id,
        phaseSince: at,
        status: "submitted",
        motivation: "Ik werk graag in de logistiek en kan snel beginnen.",
        channelSource: "werkbrug",
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing()
      .returning();
    if (!match) continue;
    await db
      .insert(matchHistory)
      .values({ matchId: match.id, organisationId: westlandId, seq: 0, toPhaseId: applied.id, at });
  }

  // Proposed six days ago, approved by the contact two days ago.
  const vacancy = picked[1]!;
  const candidate = people[3]!;
  const proposedAt = new Date(Date.now() - 6 * DAY);
  const decidedAt = new Date(Date.now() - 2 * DAY);
  const [match] = await db
    .insert(matches)
    .values({
      portalId: vacancy.portalId,
      organisationId: westlandId,
      vacancyId: vacancy.id,
      candidateId: candidate.id,
      source: "proposed",
      procedureId: procedure.id,
      phaseId: approved.id,
      phaseSince: decidedAt,
      status: "in_review",
      createdByUserId: "demo-accountmanager",
      proposedAt,
      createdAt: proposedAt,
      updatedAt: decidedAt,
    })
    .onConflictDoNothing()
    .returning();
  if (!match) return;
  await db.insert(matchHistory).values([
    {
      matchId: match.id,
      organisationId: westlandId,
      seq: 0,
      toPhaseId: proposed.id,
      actorUserId: "demo-accountmanager",
      at: proposedAt,
    },
    {
      matchId: match.id,
      organisationId: westlandId,
      seq: 1,
      fromPhaseId: proposed.id,
      toPhaseId: approved.id,
      comment: "Sterk profiel, graag een kennismaking.",
      actorUserId: reviewer.userId,
      at: decidedAt,
    },
  ]);
  const [proposal] = await db
    .insert(matchProposals)
    .values({
      matchId: match.id,
      organisationId: westlandId,
      proposedByUserId: "demo-accountmanager",
      note: "Heeft als chauffeur gewerkt en zoekt nu werk in de planning.",
      proposedAt,
      decision: "approved",
      decidedByUserId: reviewer.userId,
      decidedAt,
      comment: "Sterk profiel, graag een kennismaking.",
    })
    .returning();
  await db.insert(matchReviewers).values({
    proposalId: proposal!.id,
    matchId: match.id,
    organisationId: westlandId,
    contactPersonId: reviewer.id,
    userId: reviewer.userId,
    addedAt: proposedAt,
  });
  await db.insert(notifications).values({
    userId: "demo-accountmanager",
    organisationId: westlandId,
    kind: "proposal_approved",
    matchId: match.id,
    vacancyId: vacancy.id,
    data: {
      candidateName: `${candidate.firstName} ${candidate.lastName}`,
      vacancyTitle: vacancy.displayTitle,
      reviewerName: reviewer.name,
      decision: "approved",
    },
    eventKey: `demo-verdict-${match.id}`,
    createdAt: decidedAt,
  });
}
