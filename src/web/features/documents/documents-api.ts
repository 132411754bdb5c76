import { queryOptions } from "@tanstack/react-query";
import {
  ContactDocumentsResponseSchema,
  type DocumentType,
  DocumentTypesResponseSchema,
  MatchDocumentsSchema,
  type UpdateDocumentTypesRequest,
  UploadedDocumentResponseSchema,
} from "../../../contracts/documents";
import { api, apiForm } from "../../api";

const matchDocumentsPath = (matchId: string) => `/api/v1/matches/${encodeURIComponent(matchId)}/documents`;

export const documentKeys = {
  all: ["documents"] as const,
  types: (organisationId: string | null) => ["documents", "types", organisationId] as const,
  ofMatch: (matchId: string) => ["documents", "match", matchId] as const,
  mine: ["documents", "contact"] as const,
};

export function documentTypesQuery(organisationId: string | null) {
  return queryOptions({
    queryKey: documentKeys.types(organisationId),
    queryFn: ({ signal }) =>
      api(
        `/api/v1/document-types${organisationId ? `?organisationId=${encodeURIComponent(organisationId)}` : ""}`,
        DocumentTypesResponseSchema,
        { signal },
      ),
  });
}

export function updateDocumentTypes(body: UpdateDocumentTypesRequest) {
  return api("/api/v1/document-types", DocumentTypesResponseSchema, { method: "PUT", body });
}

export function matchDocumentsQuery(matchId: string) {
  return queryOptions({
    queryKey: documentKeys.ofMatch(matchId),
    queryFn: ({ signal }) => api(matchDocumentsPath(matchId), MatchDocumentsSchema, { signal }),
    retry: false,
  });
}

export const contactDocumentsQuery = queryOptions({
  queryKey: documentKeys.mine,
  queryFn: async ({ signal }) =>
    (await api("/api/v1/documents", ContactDocumentsResponseSchema, { signal })).matches,
});

export async function uploadMatchDocument(matchId: string, type: DocumentType, file: File) {
  const form = new FormData();
  form.set("type", type);
  form.set("file", file, file.name);
  return (await apiForm(matchDocumentsPath(matchId), UploadedDocumentResponseSchema, form)).document;
}

export async function setDocumentType(matchId: string, documentId: string, type: DocumentType) {
  return (
    await api(
      `${matchDocumentsPath(matchId)}/${encodeURIComponent(documentId)}`,
      UploadedDocumentResponseSchema,
      { method: "PATCH", body: { type } },
    )
  ).document;
}
