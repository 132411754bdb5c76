import { and, desc, eq, isNull } from "drizzle-orm";
import { candidates } from "../modules/candidates/candidates.schema";
import { talentPoolMembers, talentPools } from "../modules/talent-pools/talent-pools.schema";
import type { Db } from "../platform/db";

/**
 * Demo talent pools (Carerix): Gemeente Den Haag's general pool, open to all its clients, and
 * Westland Logistiek's own pool, each with a few visible Haaglanden candidates the account
 * manager put there.
 */
export async function seedTalentPools(
  db: Db,
  orgIds: ReadonlyMap<string, string>,
  portalIds: ReadonlyMap<string, string>,
): Promise<void> {
  const ids = {
    denhaag: orgIds.get("denhaag")!,
    westland: orgIds.get("westland")!,
    haaglanden: portalIds.get("haaglanden")!,
  };
  const picked = await db
    .select({ id: candidates.id })
    .from(candidates)
    .where(
      and(eq(candidates.portalId, ids.haaglanden), eq(candidates.visible, true), isNull(candidates.userId)),
    )
    .orderBy(desc(candidates.createdAt))
    .limit(7);
  if (picked.length === 0) return;
  const [general, westland] = await db
    .insert(talentPools)
    .values([
      {
        organisationId: ids.denhaag,
        employerId: null,
        name: "Gemeente Den Haag",
        createdByUserId: "demo-accountmanager",
      },
      {
        organisationId: ids.denhaag,
        employerId: ids.westland,
        name: "Westland Logistiek B.V.",
        createdByUserId: "demo-accountmanager",
      },
    ])
    .returning();
  const member = (poolId: string, candidateId: string, note: string) => ({
    poolId,
    organisationId: ids.denhaag,
    candidateId,
    addedByUserId: "demo-accountmanager",
    note,
  });
  const notes = ["Direct beschikbaar", "Heeft een heftruckcertificaat", "Zoekt werk in de regio", ""];
  await db
    .insert(talentPoolMembers)
    .values([
      ...picked.slice(0, 4).map((c, i) => member(general!.id, c.id, notes[i] ?? "")),
      ...picked.slice(4).map((c, i) => member(westland!.id, c.id, notes[i] ?? "")),
    ]);
}
