import { eq } from "drizzle-orm";
import { candidates } from "../modules/candidates/candidates.schema";
import { matches } from "../modules/matches/matches.schema";
import { selectionParts, selectionScores } from "../modules/selection-results/selection-results.schema";
import type { Db } from "../platform/db";
import { dayFrom as day } from "./procedures";

/**
 * The selection results demo (issue 16 parts 3-4) on "Beleidsmedewerker arbeidsmarkt": two
 * parts, a written test (max. 20) that Julia Bakker (jury@) and Lars de Leeuw (leiding@) have
 * scored for Elif and Thomas, and a jury interview (max. 30) still to be scored.
 */
export async function seedDemoSelectionResults(
  db: Db,
  vacancy: { id: string; organisationId: string },
  now: Date,
): Promise<void> {
  const [written, interview] = await db
    .insert(selectionParts)
    .values([
      {
        organisationId: vacancy.organisationId,
        vacancyId: vacancy.id,
        name: "Schriftelijke proef",
        dates: [day(now, -5)],
        maxScore: 20,
        position: 0,
      },
      {
        organisationId: vacancy.organisationId,
        vacancyId: vacancy.id,
        name: "Jurygesprek",
        dates: [day(now, 3), day(now, 4)],
        maxScore: 30,
        position: 1,
      },
    ])
    .returning();
  if (!written || !interview) return;
  const applicants = await db
    .select({ id: matches.id, firstName: candidates.firstName })
    .from(matches)
    .innerJoin(candidates, eq(candidates.id, matches.candidateId))
    .where(eq(matches.vacancyId, vacancy.id));
  const matchOf = (first: string) => applicants.find((a) => a.firstName === first)?.id;
  const scores = [
    ["Elif", "demo-jury", 16, "suitable", "Sterke analyse van de cijfers, helder geschreven."],
    ["Elif", "demo-leiding", 15, "suitable", null],
    ["Thomas", "demo-jury", 12, "suitable", "Correct, maar weinig eigen voorstellen."],
    ["Thomas", "demo-leiding", 11, null, null],
  ] as const;
  const rows = scores.flatMap(([first, juryUserId, score, verdict, motivation]) => {
    const matchId = matchOf(first);
    return matchId
      ? [
          {
            organisationId: vacancy.organisationId,
            vacancyId: vacancy.id,
            partId: written.id,
            matchId,
            juryUserId,
            score,
            verdict,
            motivation,
          },
        ]
      : [];
  });
  if (rows.length > 0) await db.insert(selectionScores).values(rows);
}
