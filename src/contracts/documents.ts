import { z } from "zod";
import { DOCUMENT_KINDS, DocumentKindSchema } from "./candidates";

/*
 * Documents by type (issue 12, part 6). A team (the municipality or agency that manages an
 * employer and runs its vacancies' matches) decides per document type whether contact persons
 * see it; a visible type is also one they may upload (Carerix: no separate setting).
 */

export const DOCUMENT_TYPES = DOCUMENT_KINDS;
export const DocumentTypeSchema = DocumentKindSchema;
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

/** The shipped setting of a team that never changed it: only the CV is shown to contacts. */
export const DEFAULT_VISIBLE_TYPES: readonly DocumentType[] = ["cv"];

export const DocumentTypeSettingSchema = z.object({
  type: DocumentTypeSchema,
  visibleToContacts: z.boolean(),
});
export type DocumentTypeSetting = z.infer<typeof DocumentTypeSettingSchema>;

export const DocumentTypesQuerySchema = z.object({
  /** The team whose settings to read; the caller's first team when left out. */
  organisationId: z.string().uuid().optional(),
});

export const DocumentTypesResponseSchema = z.object({
  organisationId: z.string().uuid(),
  organisationName: z.string(),
  /** Whether the caller may change them (the team's organisation administrator). */
  canEdit: z.boolean(),
  /** Every type, in the shipped order. */
  types: z.array(DocumentTypeSettingSchema),
  /** The teams the caller may choose between. */
  organisations: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});
export type DocumentTypesResponse = z.infer<typeof DocumentTypesResponseSchema>;

export const UpdateDocumentTypesRequestSchema = z.object({
  organisationId: z.string().uuid().optional(),
  /** Types left out keep their setting. */
  types: z
    .array(DocumentTypeSettingSchema)
    .min(1)
    .max(DOCUMENT_KINDS.length)
    .refine((list) => new Set(list.map((t) => t.type)).size === list.length, {
      message: "each type once",
    }),
});
export type UpdateDocumentTypesRequest = z.infer<typeof UpdateDocumentTypesRequestSchema>;

export const MatchDocumentSchema = z.object({
  /** A document id, or "application-cv" for the CV sent with the application. */
  id: z.string(),
  type: DocumentTypeSchema,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int().nullable(),
  /** Download URL (always as an attachment). */
  url: z.string(),
  createdAt: z.string(),
  /** Where it came from: the candidate's file, the application, or an upload on this match. */
  source: z.enum(["candidate", "application", "match"]),
  /** Who uploaded it on the match (a contact person or staff), when it came that way. */
  uploadedBy: z.object({ name: z.string(), organisationName: z.string().nullable() }).nullable(),
});
export type MatchDocument = z.infer<typeof MatchDocumentSchema>;

export const MatchDocumentsSchema = z.object({
  matchId: z.string().uuid(),
  candidateName: z.string(),
  vacancyId: z.string().uuid(),
  vacancyTitle: z.string(),
  documents: z.array(MatchDocumentSchema),
  /** The types the caller may upload here (contacts: the visible ones; the team: all). */
  uploadableTypes: z.array(DocumentTypeSchema),
  /** Whether the caller sees every type and may change a document's type (the team). */
  allTypes: z.boolean(),
});
export type MatchDocuments = z.infer<typeof MatchDocumentsSchema>;

export const ContactDocumentsResponseSchema = z.object({ matches: z.array(MatchDocumentsSchema) });
export type ContactDocumentsResponse = z.infer<typeof ContactDocumentsResponseSchema>;

export const SetDocumentTypeRequestSchema = z.object({ type: DocumentTypeSchema });

export const UploadedDocumentResponseSchema = z.object({ document: MatchDocumentSchema });

/** What a contact (or the team) may upload on a match: these, at most 10 MB. */
export const MATCH_DOCUMENT_ACCEPT = "application/pdf,.pdf,.docx,image/jpeg,image/png";
export const MATCH_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
