import { randomUUID } from "node:crypto";
import {
  DOCUMENT_TYPES,
  type DocumentType,
  DocumentTypeSchema,
  type DocumentTypeSetting,
  type DocumentTypesResponse,
  MATCH_DOCUMENT_MAX_BYTES,
  type MatchDocument,
  type MatchDocuments,
  type UpdateDocumentTypesRequest,
} from "../../../contracts/documents";
import { AppError } from "../../platform/errors";
import { type FileStorage, sniffDocument, sniffImage } from "../../platform/files";
import { fieldMessage, type MessageLocale } from "../../platform/i18n";
import type { Store } from "../../platform/store";
import { matchAccess, matchContext } from "../matches";
import type { Caller } from "../tenancy";
import { type VacancyActor, vacancyActorOf, vacancyScopeOf } from "../vacancies";
import {
  documentTypesRepository,
  type MatchDocumentRow,
  type MatchRef,
  matchDocumentsRepository,
} from "./documents.repository";

export interface DocumentDeps {
  store: Store;
  files: FileStorage;
}

export const DOCUMENT_EVENTS = {
  typesChanged: "documents.types_changed",
  uploaded: "match.document_added",
  retyped: "match.document_retyped",
} as const;

/** Documents a contact (or the team) may upload on one match. */
const MAX_UPLOADS_PER_MATCH = 20;
export const APPLICATION_CV = "application-cv";

const MATCHES = "/api/v1/matches";

/**
 * The team: those who run the vacancy's matches (its account managers and administrators, the
 * selection officers of the organisation, the platform administrator). They see every type and
 * set a document's type; everyone else who sees the match (contact persons, HR officers) sees
 * only the types their team made visible.
 */
function isTeam(actor: VacancyActor, organisationId: string): boolean {
  return (
    actor.platformAdmin ||
    actor.accountManagerFor.includes(organisationId) ||
    actor.selectionOf.includes(organisationId)
  );
}

function visibleTypes(team: boolean, settings: readonly DocumentTypeSetting[]): DocumentType[] {
  return team ? [...DOCUMENT_TYPES] : settings.filter((s) => s.visibleToContacts).map((s) => s.type);
}

function documentDto(matchId: string, row: MatchDocumentRow): MatchDocument {
  const d = row.document;
  return {
    id: d.id,
    type: d.kind,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    url: `${MATCHES}/${matchId}/documents/${d.id}`,
    createdAt: d.createdAt.toISOString(),
    source: row.matchId ? "match" : "candidate",
    uploadedBy: row.matchId
      ? { name: row.uploadedByName ?? "", organisationName: row.uploadedByOrganisation }
      : null,
  };
}

interface CvFacts {
  id: string;
  cvFileKey: string | null;
  cvFileName: string | null;
  cvContentType: string | null;
  createdAt: Date;
}

function applicationCvDto(match: CvFacts): MatchDocument | null {
  if (!match.cvFileKey) return null;
  return {
    id: APPLICATION_CV,
    type: "cv",
    fileName: match.cvFileName ?? "cv",
    contentType: match.cvContentType ?? "application/octet-stream",
    size: null,
    url: `${MATCHES}/${match.id}/documents/${APPLICATION_CV}`,
    createdAt: match.createdAt.toISOString(),
    source: "application",
    uploadedBy: null,
  };
}

function shown(visible: readonly DocumentType[], documents: MatchDocument[]): MatchDocument[] {
  return documents.filter((d) => visible.includes(d.type));
}

export function createDocumentService(deps: DocumentDeps) {
  const { store, files } = deps;
  const matchDeps = { store, files };

  /** A match the caller may see, what they see of its documents; 404 for anything else. */
  async function onMatch(caller: Caller, matchId: string) {
    const ctx = await matchContext(matchDeps, caller, matchId);
    const team = isTeam(ctx.actor, ctx.vacancy.organisationId);
    // Contacts who may manage vacancies see all of them, but documents only once proposed.
    if (!team && !ctx.everVisible) throw new AppError("not_found");
    const settings = await store
      .bind(ctx.scope, documentTypesRepository)
      .settingsForVacancies(ctx.vacancy.organisationId);
    const ref: MatchRef = {
      id: ctx.match.id,
      organisationId: ctx.match.organisationId,
      candidateId: ctx.match.candidateId,
    };
    return { ctx, team, visible: visibleTypes(team, settings), ref };
  }

  async function matchDocuments(caller: Caller, matchId: string): Promise<MatchDocuments> {
    const { ctx, team, visible, ref } = await onMatch(caller, matchId);
    const rows = await store.bind(ctx.scope, matchDocumentsRepository).list(ref);
    const cv = applicationCvDto(ctx.match);
    return {
      matchId: ctx.match.id,
      candidateName: ctx.candidateName,
      vacancyId: ctx.vacancy.id,
      vacancyTitle: ctx.vacancy.displayTitle,
      documents: shown(visible, [...(cv ? [cv] : []), ...rows.map((r) => documentDto(ctx.match.id, r))]),
      uploadableTypes: visible,
      allTypes: team,
    };
  }

  /** The team's settings screen: the organisations where the caller is in the team. */
  async function teamsOf(caller: Caller) {
    const facts = await caller.memberships();
    const admin = facts.flatMap((m) =>
      m.role === "org_admin" && m.organisationId ? [m.organisationId] : [],
    );
    const member = facts.flatMap((m) =>
      (m.role === "org_admin" || m.role === "account_manager") && m.organisationId ? [m.organisationId] : [],
    );
    return { admin: [...new Set(admin)], member: [...new Set(member)] };
  }

  async function typesOf(caller: Caller, organisationId: string | undefined): Promise<DocumentTypesResponse> {
    const { admin, member } = await teamsOf(caller);
    const chosen = organisationId ?? member[0];
    if (!chosen || !member.includes(chosen)) throw new AppError("not_found");
    const scope = await caller.scopeAs(["org_admin", "account_manager"]);
    const repo = store.bind(scope, documentTypesRepository);
    const [types, names] = await Promise.all([repo.settingsOf(chosen), repo.names(member)]);
    if (!types) throw new AppError("not_found");
    return {
      organisationId: chosen,
      organisationName: names.find((n) => n.id === chosen)?.name ?? "",
      canEdit: admin.includes(chosen),
      types,
      organisations: names,
    };
  }

  return {
    typesOf,

    async updateTypes(caller: Caller, body: UpdateDocumentTypesRequest): Promise<DocumentTypesResponse> {
      const { admin, member } = await teamsOf(caller);
      const chosen = body.organisationId ?? member[0];
      if (!chosen || !member.includes(chosen)) throw new AppError("not_found");
      if (!admin.includes(chosen)) throw new AppError("forbidden");
      const scope = await caller.scopeAs(["org_admin"]);
      await store.transaction(async (tx) => {
        await tx.bind(scope, documentTypesRepository).save(chosen, body.types, caller.userId());
        await tx.emit({
          type: DOCUMENT_EVENTS.typesChanged,
          organisationId: chosen,
          portalId: null,
          subject: { organisationId: chosen },
          actorUserId: caller.userId(),
          payload: { types: body.types },
        });
      });
      return typesOf(caller, chosen);
    },

    matchDocuments,

    /** Every document a contact may see, on every match they may see (the "Documenten" page). */
    async contactDocuments(caller: Caller): Promise<MatchDocuments[]> {
      const [actor, scope] = await Promise.all([vacancyActorOf(caller), vacancyScopeOf(caller)]);
      const found = await store.bind(scope, matchDocumentsRepository).everVisible();
      const settings = new Map<string, Promise<DocumentTypeSetting[]>>();
      const result: MatchDocuments[] = [];
      for (const match of found) {
        const orgId = match.vacancy.organisationId;
        if (!matchAccess(actor, match.vacancy).sees || isTeam(actor, orgId)) continue;
        let forOrg = settings.get(orgId);
        if (!forOrg) {
          forOrg = store.bind(scope, documentTypesRepository).settingsForVacancies(orgId);
          settings.set(orgId, forOrg);
        }
        const visible = visibleTypes(false, await forOrg);
        if (visible.length === 0) continue;
        const rows = await store.bind(scope, matchDocumentsRepository).list(match);
        const cv = applicationCvDto(match);
        result.push({
          matchId: match.id,
          candidateName: match.candidateName,
          vacancyId: match.vacancy.id,
          vacancyTitle: match.vacancy.displayTitle,
          documents: shown(visible, [...(cv ? [cv] : []), ...rows.map((r) => documentDto(match.id, r))]),
          uploadableTypes: visible,
          allTypes: false,
        });
      }
      return result;
    },

    /** One document of the match, when its type is one the caller sees (else 404). */
    async download(caller: Caller, matchId: string, documentId: string) {
      const { ctx, visible, ref } = await onMatch(caller, matchId);
      if (documentId === APPLICATION_CV) {
        if (!visible.includes("cv") || !ctx.match.cvFileKey) throw new AppError("not_found");
        const file = await files.get(ctx.match.cvFileKey);
        if (!file) throw new AppError("not_found");
        return { ...file, fileName: ctx.match.cvFileName ?? "cv" };
      }
      const row = await store.bind(ctx.scope, matchDocumentsRepository).find(ref, documentId);
      if (!row || !visible.includes(row.document.kind)) throw new AppError("not_found");
      const file = await files.get(row.document.fileKey);
      if (!file) throw new AppError("not_found");
      return { ...file, fileName: row.document.fileName };
    },

    /**
     * A document uploaded on the match into the candidate's file: a type the caller sees (a
     * contact: a visible one), PDF, DOCX, JPEG or PNG by content, at most 10 MB. The file is
     * stored before its row and removed again when the row is not written.
     */
    async upload(
      caller: Caller,
      matchId: string,
      upload: { type: string | null; file: { fileName: string; data: Buffer } | null },
      locale: MessageLocale,
    ): Promise<MatchDocument> {
      const { ctx, team, visible, ref } = await onMatch(caller, matchId);
      const type = DocumentTypeSchema.safeParse(upload.type);
      if (!type.success) {
        throw new AppError("validation_failed", {
          fields: [{ path: "type", message: fieldMessage("document_type_unknown", locale) }],
        });
      }
      if (!visible.includes(type.data)) {
        throw new AppError("forbidden", {
          message: {
            nl: "Documenten van dit type zijn niet zichtbaar voor contactpersonen en kunnen niet worden geüpload.",
            en: "Documents of this type are not visible to contact persons and cannot be uploaded.",
            de: "Dokumente dieser Art sind für Kontaktpersonen nicht sichtbar und können nicht hochgeladen werden.",
            fr: "Les documents de ce type ne sont pas visibles pour les personnes de contact et ne peuvent pas être téléversés.",
          },
          fields: [{ path: "type", message: fieldMessage("document_type_hidden", locale) }],
        });
      }
      if (!upload.file || upload.file.data.length === 0) {
        throw new AppError("validation_failed", {
          fields: [{ path: "file", message: fieldMessage("required", locale) }],
        });
      }
      const { data, fileName } = upload.file;
      if (data.length > MATCH_DOCUMENT_MAX_BYTES) {
        throw new AppError("payload_too_large", {
          fields: [{ path: "file", message: fieldMessage("file_too_large", locale) }],
        });
      }
      const image = sniffImage(data);
      const kind = sniffDocument(data) ?? (image && image.type !== "image/webp" ? image : null);
      if (!kind) {
        throw new AppError("unsupported_media_type", {
          fields: [{ path: "file", message: fieldMessage("match_document_file_not_allowed", locale) }],
        });
      }
      const repo = store.bind(ctx.scope, matchDocumentsRepository);
      if ((await repo.countUploaded(ref)) >= MAX_UPLOADS_PER_MATCH) {
        throw new AppError("validation_failed", {
          fields: [{ path: "file", message: fieldMessage("too_many_files", locale) }],
        });
      }
      const key = `candidates/${ref.candidateId}/documents/${randomUUID()}.${kind.ext}`;
      await files.put(key, data, kind.type);
      const uploadedBy = team ? ((await caller.team())[0] ?? null) : ctx.vacancy.organisationId;
      try {
        const row = await store.transaction(async (tx) => {
          const created = await tx.bind(ctx.scope, matchDocumentsRepository).insert(
            ref,
            {
              kind: type.data,
              fileKey: key,
              fileName: `${fileName.replace(/\.[a-z0-9]{1,5}$/i, "")}.${kind.ext}`,
              contentType: kind.type,
              size: data.length,
            },
            { userId: caller.userId(), organisationId: uploadedBy },
          );
          await tx.emit({
            type: DOCUMENT_EVENTS.uploaded,
            organisationId: ctx.match.organisationId,
            portalId: ctx.match.portalId,
            subject: {
              matchId: ctx.match.id,
              vacancyId: ctx.match.vacancyId,
              candidateId: ctx.match.candidateId,
              documentId: created.document.id,
            },
            actorUserId: caller.userId(),
            payload: { type: type.data, byTeam: team },
          });
          return created;
        });
        return documentDto(ctx.match.id, row);
      } catch (error) {
        await files.delete(key);
        throw error;
      }
    },

    /** The team sets a document's type (contacts who see it: 403; on another match: 404). */
    async setType(
      caller: Caller,
      matchId: string,
      documentId: string,
      type: DocumentType,
    ): Promise<MatchDocument> {
      const { ctx, team, visible, ref } = await onMatch(caller, matchId);
      const repo = store.bind(ctx.scope, matchDocumentsRepository);
      const row = await repo.find(ref, documentId);
      if (!row || !visible.includes(row.document.kind)) throw new AppError("not_found");
      if (!team) throw new AppError("forbidden");
      await store.transaction(async (tx) => {
        await tx.bind(ctx.scope, matchDocumentsRepository).setType(ref, documentId, type);
        await tx.emit({
          type: DOCUMENT_EVENTS.retyped,
          organisationId: ctx.match.organisationId,
          portalId: ctx.match.portalId,
          subject: { matchId: ctx.match.id, candidateId: ctx.match.candidateId, documentId },
          actorUserId: caller.userId(),
          payload: { from: row.document.kind, to: type },
        });
      });
      return documentDto(ctx.match.id, { ...row, document: { ...row.document, kind: type } });
    },
  };
}

export type DocumentService = ReturnType<typeof createDocumentService>;
