import { and, asc, count, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { DEFAULT_VISIBLE_TYPES, DOCUMENT_TYPES, type DocumentType } from "../../../contracts/documents";
import { type Db, inTenant, queryRows } from "../../platform/db";
import {
  candidateDocuments,
  candidates,
  matches,
  matchHistory,
  organisations,
  procedurePhases,
  users,
  vacancies,
} from "../../platform/schema";
import { reaches, type TenantScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import { documentTypeSettings, matchDocuments } from "./documents.schema";

/*
 * Document types per team and the documents of a match. Every query starts from rows in the
 * caller's scope: the settings of one of its organisations, or a match of one of its
 * organisations (whose team's settings a contact person reads through that match).
 */

export type CandidateDocumentRow = typeof candidateDocuments.$inferSelect;

/** Every type with its setting: the stored one, else the shipped default. */
function withDefaults(rows: { type: DocumentType; visibleToContacts: boolean }[]) {
  return DOCUMENT_TYPES.map((type) => ({
    type,
    visibleToContacts:
      rows.find((r) => r.type === type)?.visibleToContacts ?? DEFAULT_VISIBLE_TYPES.includes(type),
  }));
}

async function storedSettings(db: Db, organisationId: string) {
  return db
    .select({ type: documentTypeSettings.type, visibleToContacts: documentTypeSettings.visibleToContacts })
    .from(documentTypeSettings)
    .where(eq(documentTypeSettings.organisationId, organisationId));
}

/**
 * The team that runs an organisation's vacancies: the nearest organisation up its family that
 * names a managing team, else the family's top organisation (a municipality or agency running
 * its own vacancies).
 */
async function teamOf(db: Db, scope: TenantScope, organisationId: string): Promise<string | null> {
  if (!reaches(scope, organisationId)) return null;
  const chain = await queryRows<{ id: string; parent_id: string | null; managed_by: string | null }>(
    db,
    sql`with recursive up(id, parent_id, managed_by, depth) as (
      select o.id, o.parent_id, o.managed_by_organisation_id, 0 from ${organisations} o
      where o.id = ${organisationId}
      union all
      select o.id, o.parent_id, o.managed_by_organisation_id, up.depth + 1
      from ${organisations} o join up on o.id = up.parent_id where up.depth < 20
    ) select id, parent_id, managed_by from up order by depth`,
  );
  if (chain.length === 0) return null;
  return chain.find((o) => o.managed_by)?.managed_by ?? chain[chain.length - 1]!.id;
}

export const documentTypesRepository = repository<TenantScope>()({
  /** The organisations' names (for the settings screen's choice). */
  async names(db, scope, ids: readonly string[]) {
    if (ids.length === 0) return [];
    return db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(inArray(organisations.id, [...ids]), inTenant(scope, organisations.id)))
      .orderBy(asc(organisations.name));
  },

  /** One of the scope's organisations' settings, every type. */
  async settingsOf(db, scope, organisationId: string) {
    if (!reaches(scope, organisationId)) return null;
    return withDefaults(await storedSettings(db, organisationId));
  },

  /** The settings that apply to an organisation's vacancies: its team's. */
  async settingsForVacancies(db, scope, vacancyOrganisationId: string) {
    const team = await teamOf(db, scope, vacancyOrganisationId);
    return withDefaults(team ? await storedSettings(db, team) : []);
  },

  async save(
    db,
    scope,
    organisationId: string,
    entries: readonly { type: DocumentType; visibleToContacts: boolean }[],
    userId: string,
  ) {
    if (!reaches(scope, organisationId)) throw new Error("document types outside the caller's scope");
    const now = new Date();
    for (const entry of entries) {
      await db
        .insert(documentTypeSettings)
        .values({ organisationId, ...entry, updatedByUserId: userId, updatedAt: now })
        .onConflictDoUpdate({
          target: [documentTypeSettings.organisationId, documentTypeSettings.type],
          set: { visibleToContacts: entry.visibleToContacts, updatedByUserId: userId, updatedAt: now },
        });
    }
    return withDefaults(await storedSettings(db, organisationId));
  },
});

/** A match as the documents need it: its id, organisation and candidate. */
export interface MatchRef {
  id: string;
  organisationId: string;
  candidateId: string;
}

const uploader = {
  uploadedByName: users.name,
  uploadedByOrganisation: organisations.name,
  matchId: matchDocuments.matchId,
};

/** The candidate's own documents, and those uploaded on this match (not on another). */
function ofMatch(match: MatchRef) {
  return and(
    eq(candidateDocuments.candidateId, match.candidateId),
    or(isNull(matchDocuments.documentId), eq(matchDocuments.matchId, match.id)),
  );
}

function documentsQuery(db: Db) {
  return db
    .select({ document: candidateDocuments, ...uploader })
    .from(candidateDocuments)
    .leftJoin(matchDocuments, eq(matchDocuments.documentId, candidateDocuments.id))
    .leftJoin(users, eq(users.id, matchDocuments.uploadedByUserId))
    .leftJoin(organisations, eq(organisations.id, matchDocuments.uploadedByOrganisationId));
}

export type MatchDocumentRow = Awaited<ReturnType<typeof documentsQuery>>[number];

export const matchDocumentsRepository = repository<TenantScope>()({
  async list(db, scope, match: MatchRef): Promise<MatchDocumentRow[]> {
    if (!reaches(scope, match.organisationId)) return [];
    return documentsQuery(db)
      .where(ofMatch(match))
      .orderBy(asc(candidateDocuments.createdAt), asc(candidateDocuments.id));
  },

  async find(db, scope, match: MatchRef, documentId: string): Promise<MatchDocumentRow | null> {
    if (!reaches(scope, match.organisationId)) return null;
    const [row] = await documentsQuery(db)
      .where(and(eq(candidateDocuments.id, documentId), ofMatch(match)))
      .limit(1);
    return row ?? null;
  },

  async countUploaded(db, scope, match: MatchRef): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(matchDocuments)
      .where(and(eq(matchDocuments.matchId, match.id), inTenant(scope, matchDocuments.organisationId)));
    return Number(row?.n ?? 0);
  },

  /** A document on the candidate's file, uploaded on this match by the caller. */
  async insert(
    db,
    scope,
    match: MatchRef,
    row: Pick<CandidateDocumentRow, "kind" | "fileKey" | "fileName" | "contentType" | "size">,
    by: { userId: string; organisationId: string | null },
  ): Promise<MatchDocumentRow> {
    if (!reaches(scope, match.organisationId)) throw new Error("match document outside the caller's scope");
    const [candidate] = await db
      .select({ portalId: candidates.portalId })
      .from(candidates)
      .where(eq(candidates.id, match.candidateId))
      .limit(1);
    if (!candidate) throw new Error(`candidate ${match.candidateId} of match ${match.id} is gone`);
    const [document] = await db
      .insert(candidateDocuments)
      .values({ ...row, candidateId: match.candidateId, portalId: candidate.portalId })
      .returning();
    await db.insert(matchDocuments).values({
      documentId: document!.id,
      matchId: match.id,
      organisationId: match.organisationId,
      uploadedByUserId: by.userId,
      uploadedByOrganisationId: by.organisationId,
    });
    const [created] = await documentsQuery(db).where(eq(candidateDocuments.id, document!.id));
    return created!;
  },

  async setType(db, scope, match: MatchRef, documentId: string, type: DocumentType): Promise<boolean> {
    if (!reaches(scope, match.organisationId)) return false;
    const visible = await documentsQuery(db)
      .where(and(eq(candidateDocuments.id, documentId), ofMatch(match)))
      .limit(1);
    if (visible.length === 0) return false;
    await db.update(candidateDocuments).set({ kind: type }).where(eq(candidateDocuments.id, documentId));
    return true;
  },

  /**
   * The scope's matches that are, or once were, in a phase contact persons see (Carerix: they
   * stay visible), with their vacancy; the caller's policy decides which of them it may open.
   */
  async everVisible(db, scope) {
    const everVisible = sql<boolean>`(${procedurePhases.visibleToContacts} or exists (
      select 1 from ${matchHistory} h join ${procedurePhases} p on p.id = h.to_phase_id
      where h.match_id = ${matches.id} and h.undone_at is null and p.visible_to_contacts))`;
    return db
      .select({
        id: matches.id,
        organisationId: matches.organisationId,
        candidateId: matches.candidateId,
        cvFileKey: matches.cvFileKey,
        cvFileName: matches.cvFileName,
        cvContentType: matches.cvContentType,
        createdAt: matches.createdAt,
        candidateName: sql<string>`trim(${candidates.firstName} || ' ' || ${candidates.lastName})`,
        vacancy: {
          id: vacancies.id,
          organisationId: vacancies.organisationId,
          portalId: vacancies.portalId,
          status: vacancies.status,
          contactUserId: vacancies.contactUserId,
          requestedByUserId: vacancies.requestedByUserId,
          createdByUserId: vacancies.createdByUserId,
          procedureId: vacancies.procedureId,
          displayTitle: vacancies.displayTitle,
        },
      })
      .from(matches)
      .innerJoin(candidates, eq(candidates.id, matches.candidateId))
      .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
      .innerJoin(procedurePhases, eq(procedurePhases.id, matches.phaseId))
      .where(and(inTenant(scope, matches.organisationId), everVisible))
      .orderBy(asc(vacancies.displayTitle), asc(candidates.lastName), asc(matches.id))
      .limit(500);
  },
});
