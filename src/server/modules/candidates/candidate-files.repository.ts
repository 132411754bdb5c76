import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import { DEFAULT_VISIBLE_TYPES } from "../../../contracts/documents";
import type { Db } from "../../platform/db";
import { documentTypeSettings, matchDocuments, organisations } from "../../platform/schema";
import type { CandidateReach, OwnScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { assertOwned, ownedBy, reaches } from "./candidate-scope.repository";
import { candidateDocuments, candidatePhotos, candidates } from "./candidates.schema";

/*
 * A candidate's documents (CV and others) and media photos. The candidate reaches their own;
 * staff reach those of one candidate visible through their portal (the candidate id is part of
 * every staff query, and the visibility check is in its WHERE clause).
 */

export type CandidateDocumentRow = typeof candidateDocuments.$inferSelect;
export type CandidatePhotoRow = typeof candidatePhotos.$inferSelect;

/**
 * What staff reaching a candidate through a portal see of the documents: the candidate's own file,
 * not what was uploaded on a match (the documents module shows those on that match only); and an
 * employer's people (contact persons) only the types the team that manages their employer made
 * visible to contact persons (issue 12: hidden types stay hidden, also through this API).
 */
function shownThroughPortal(scope: CandidateReach): SQL | undefined {
  if (scope.kind !== "portal") return undefined;
  const ownFile = sql`not exists (select 1 from ${matchDocuments} md where md.document_id = ${candidateDocuments.id})`;
  if (scope.organisationId === null) return ownFile;
  const defaults = sql.join(
    DEFAULT_VISIBLE_TYPES.map((t) => sql`${t}`),
    sql`, `,
  );
  return and(
    ownFile,
    sql`(not exists (select 1 from ${organisations} e where e.id = ${scope.organisationId} and e.kind = 'employer')
      or coalesce((
        select s.visible_to_contacts from ${documentTypeSettings} s, ${organisations} e
        left join ${organisations} ep on ep.id = e.parent_id
        where e.id = ${scope.organisationId} and s.type = ${candidateDocuments.kind}
          and s.organisation_id = coalesce(e.managed_by_organisation_id, ep.managed_by_organisation_id, ep.id, e.id)
      ), ${candidateDocuments.kind} in (${defaults})))`,
  );
}

/** Files count as profile changes (retention counts from the last one). */
async function touch(db: Db, scope: OwnScope, candidateId: string): Promise<void> {
  const now = new Date();
  await db
    .update(candidates)
    .set({ updatedAt: now, profileUpdatedAt: now })
    .where(and(eq(candidates.id, candidateId), ownedBy(scope)));
}

async function listDocuments(
  db: Db,
  scope: CandidateReach,
  candidateId: string,
): Promise<CandidateDocumentRow[]> {
  return db
    .select()
    .from(candidateDocuments)
    .where(
      and(
        eq(candidateDocuments.candidateId, candidateId),
        reaches(scope, candidateDocuments.candidateId),
        shownThroughPortal(scope),
      ),
    )
    .orderBy(asc(candidateDocuments.createdAt), asc(candidateDocuments.id));
}

/** A document of one of the scope's candidates; with `candidateId`, only of that candidate. */
async function findDocument(
  db: Db,
  scope: CandidateReach,
  id: string,
  candidateId?: string,
): Promise<CandidateDocumentRow | null> {
  const [row] = await db
    .select()
    .from(candidateDocuments)
    .where(
      and(
        eq(candidateDocuments.id, id),
        candidateId === undefined ? undefined : eq(candidateDocuments.candidateId, candidateId),
        reaches(scope, candidateDocuments.candidateId),
        shownThroughPortal(scope),
      ),
    )
    .limit(1);
  return row ?? null;
}

async function countDocuments(db: Db, scope: OwnScope, candidateId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(candidateDocuments)
    .where(
      and(eq(candidateDocuments.candidateId, candidateId), ownedBy(scope, candidateDocuments.candidateId)),
    );
  return Number(row?.n ?? 0);
}

async function insertDocument(
  db: Db,
  scope: OwnScope,
  row: typeof candidateDocuments.$inferInsert,
): Promise<CandidateDocumentRow> {
  assertOwned(scope, row.candidateId, "insertDocument");
  const [created] = await db.insert(candidateDocuments).values(row).returning();
  await touch(db, scope, row.candidateId);
  return created!;
}

async function deleteDocument(db: Db, scope: OwnScope, id: string): Promise<CandidateDocumentRow | null> {
  const [row] = await db
    .delete(candidateDocuments)
    .where(and(eq(candidateDocuments.id, id), ownedBy(scope, candidateDocuments.candidateId)))
    .returning();
  if (row) await touch(db, scope, row.candidateId);
  return row ?? null;
}

async function listPhotos(db: Db, scope: CandidateReach, candidateId: string): Promise<CandidatePhotoRow[]> {
  return db
    .select()
    .from(candidatePhotos)
    .where(and(eq(candidatePhotos.candidateId, candidateId), reaches(scope, candidatePhotos.candidateId)))
    .orderBy(asc(candidatePhotos.createdAt), asc(candidatePhotos.id));
}

/** A media photo of one of the scope's candidates; with `candidateId`, only of that candidate. */
async function findPhoto(
  db: Db,
  scope: CandidateReach,
  id: string,
  candidateId?: string,
): Promise<CandidatePhotoRow | null> {
  const [row] = await db
    .select()
    .from(candidatePhotos)
    .where(
      and(
        eq(candidatePhotos.id, id),
        candidateId === undefined ? undefined : eq(candidatePhotos.candidateId, candidateId),
        reaches(scope, candidatePhotos.candidateId),
      ),
    )
    .limit(1);
  return row ?? null;
}

async function insertPhoto(
  db: Db,
  scope: OwnScope,
  row: typeof candidatePhotos.$inferInsert,
): Promise<CandidatePhotoRow> {
  assertOwned(scope, row.candidateId, "insertPhoto");
  const [created] = await db.insert(candidatePhotos).values(row).returning();
  await touch(db, scope, row.candidateId);
  return created!;
}

async function deletePhoto(db: Db, scope: OwnScope, id: string): Promise<CandidatePhotoRow | null> {
  const [row] = await db
    .delete(candidatePhotos)
    .where(and(eq(candidatePhotos.id, id), ownedBy(scope, candidatePhotos.candidateId)))
    .returning();
  if (row) await touch(db, scope, row.candidateId);
  return row ?? null;
}

export const candidateFilesRepository = repository<CandidateReach>()({
  listDocuments,
  findDocument,
  listPhotos,
  findPhoto,
});

export const ownFilesRepository = repository<OwnScope>()({
  countDocuments,
  insertDocument,
  deleteDocument,
  insertPhoto,
  deletePhoto,
});
