import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { candidates } from "../modules/candidates/candidates.schema";
import { contactPersons } from "../modules/employers/employers.schema";
import {
  matches,
  matchHistory,
  matchProposals,
  matchReviewers,
  procedurePhases,
  procedures,
} from "../modules/matches/matches.schema";
import { PROCEDURE_TEMPLATES } from "../modules/matches/matches.templates";
import { organisations } from "../modules/tenancy/tenancy.schema";
import { vacancies } from "../modules/vacancies/vacancies.schema";
import type { Db } from "../platform/db";

const NOTES = [
  "Ervaren orderpicker, heeft een heftruckcertificaat en kan direct beginnen.",
  "Gemotiveerde starter uit Naaldwijk; wil graag in ploegendienst werken.",
];

/**
 * The demo of issue 12's proposals: the account manager of Den Haag proposed two candidates on a
 * Westland Logistiek vacancy to werkgever@demo.werkbrug.test, who finds them under "Voorgesteld".
 */
export async function seedDemoProposals(db: Db, westlandId: string): Promise<void> {
  // The organisation's procedures, as on first use (decision 0016).
  let [procedure] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.organisationId, westlandId), eq(procedures.isDefault, true)));
  if (!procedure) {
    for (const template of PROCEDURE_TEMPLATES) {
      const [made] = await db
        .insert(procedures)
        .values({
          organisationId: westlandId,
          template: template.template,
          kind: template.kind,
          name: template.name,
          isDefault: template.isDefault,
        })
        .returning();
      await db.insert(procedurePhases).values(
        template.phases.map((phase, position) => ({
          procedureId: made!.id,
          organisationId: westlandId,
          key: phase.key,
          position,
          label: phase.label,
          visibleToContacts: phase.visibleToContacts,
          outcomes: [...phase.outcomes],
          meaning: phase.meaning,
        })),
      );
      if (template.isDefault) procedure = made;
    }
  }
  if (!procedure) return;
  const [phase] = await db
    .select()
    .from(procedurePhases)
    .where(and(eq(procedurePhases.procedureId, procedure.id), eq(procedurePhases.key, "proposed")));
  const [vacancy] = await db
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
    .limit(1);
  const [reviewer] = await db
    .select()
    .from(contactPersons)
    .where(and(eq(contactPersons.organisationId, westlandId), eq(contactPersons.userId, "demo-werkgever")));
  const [westland] = await db.select().from(organisations).where(eq(organisations.id, westlandId));
  if (!phase || !vacancy || !reviewer?.userId || !westland) return;
  // The newest visible candidates of the employer's home portal, away from those tests take first.
  const picked = await db
    .select({ id: candidates.id })
    .from(candidates)
    .where(
      and(
        eq(candidates.portalId, westland.homePortalId),
        eq(candidates.visible, true),
        isNull(candidates.userId),
      ),
    )
    .orderBy(desc(candidates.createdAt), desc(candidates.id))
    .limit(2);
  for (const [i, candidate] of picked.entries()) {
    const at = new Date(Date.now() - (i + 1) * 86_400_000);
    const [match] = await db
      .insert(matches)
      .values({
        portalId: vacancy.portalId,
        organisationId: westlandId,
        vacancyId: vacancy.id,
        candidateId: candidate.id,
        source: "proposed",
        procedureId: procedure.id,
        phaseId: phase.id,
        phaseSince: at,
        status: "in_review",
        createdByUserId: "demo-accountmanager",
        proposedAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing()
      .returning();
    if (!match) continue;
    await db.insert(matchHistory).values({
      matchId: match.id,
      organisationId: westlandId,
      seq: 0,
      toPhaseId: phase.id,
      comment: NOTES[i] ?? null,
      actorUserId: "demo-accountmanager",
      at,
    });
    const [proposal] = await db
      .insert(matchProposals)
      .values({
        matchId: match.id,
        organisationId: westlandId,
        proposedByUserId: "demo-accountmanager",
        note: NOTES[i] ?? "",
        proposedAt: at,
      })
      .returning();
    await db.insert(matchReviewers).values({
      proposalId: proposal!.id,
      matchId: match.id,
      organisationId: westlandId,
      contactPersonId: reviewer.id,
      userId: reviewer.userId,
      addedAt: at,
    });
  }
}
