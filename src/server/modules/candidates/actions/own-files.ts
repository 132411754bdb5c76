import { randomUUID } from "node:crypto";
import type { CandidateDocument, DocumentKind, MediaPhoto } from "../../../../contracts/candidates";
import type { Locale } from "../../../../contracts/common";
import { AppError } from "../../../platform/errors";
import { sniffDocument, sniffImage } from "../../../platform/files";
import { fieldMessage } from "../../../platform/i18n";
import type { Caller } from "../../tenancy";
import { candidateFilesRepository, ownFilesRepository } from "../candidate-files.repository";
import { CANDIDATES_BASE, mediaPhotoDto } from "../candidates.presenter";
import { profilesRepository } from "../candidates.repository";
import { documentDto, fileTail } from "../profile";
import type { CandidateDeps } from "./context";
import { storedFile } from "./context";
import { ownProfile, profileUpdated } from "./own-profile";

/** Profile photos and media photos: at most 5 MB. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
/** CVs and other documents: at most 10 MB. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
const MAX_DOCUMENTS = 20;
const MAX_MEDIA_PHOTOS = 20;

const ME = `${CANDIDATES_BASE}/me`;

function imageOrFail(data: Buffer, locale: Locale) {
  const image = sniffImage(data);
  if (!image) {
    throw new AppError("validation_failed", {
      fields: [{ path: "photo", message: fieldMessage("image_type_not_allowed", locale) }],
    });
  }
  return image;
}

/**
 * The candidate's own files: the profile photo, media photos and documents. The file is stored
 * before its row and deleted after it, so a row never points at a missing file.
 */
export function ownFileActions(deps: CandidateDeps) {
  const { store, files } = deps;
  return {
    async setPhoto(caller: Caller, data: Buffer, locale: Locale): Promise<{ photoUrl: string }> {
      const { row, scope } = await ownProfile(deps, caller);
      const image = imageOrFail(data, locale);
      const key = `candidates/${row.id}/photo-${randomUUID()}.${image.ext}`;
      await files.put(key, data, image.type);
      await store.transaction(async (tx) => {
        await tx.bind(scope, profilesRepository).updateProfile(row.id, { photoFileKey: key });
        await profileUpdated(tx, caller, row, ["photo"]);
      });
      if (row.photoFileKey) await files.delete(row.photoFileKey);
      return { photoUrl: `${ME}/photo?v=${fileTail(key)}` };
    },

    async removePhoto(caller: Caller): Promise<void> {
      const { row, scope } = await ownProfile(deps, caller);
      if (!row.photoFileKey) return;
      await store.transaction(async (tx) => {
        await tx.bind(scope, profilesRepository).updateProfile(row.id, { photoFileKey: null });
        await profileUpdated(tx, caller, row, ["photo"]);
      });
      await files.delete(row.photoFileKey);
    },

    async ownPhoto(caller: Caller) {
      const { row } = await ownProfile(deps, caller);
      return storedFile(files, row.photoFileKey);
    },

    async addMediaPhoto(caller: Caller, data: Buffer, locale: Locale): Promise<MediaPhoto> {
      const { row, scope } = await ownProfile(deps, caller);
      const image = imageOrFail(data, locale);
      if ((await store.bind(scope, candidateFilesRepository).listPhotos(row.id)).length >= MAX_MEDIA_PHOTOS) {
        throw new AppError("validation_failed", {
          fields: [{ path: "photo", message: fieldMessage("too_many_files", locale) }],
        });
      }
      const key = `candidates/${row.id}/media/${randomUUID()}.${image.ext}`;
      await files.put(key, data, image.type);
      const photo = await store.transaction(async (tx) => {
        const created = await tx.bind(scope, ownFilesRepository).insertPhoto({
          candidateId: row.id,
          portalId: row.portalId,
          fileKey: key,
          contentType: image.type,
        });
        await profileUpdated(tx, caller, row, ["media"]);
        return created;
      });
      return mediaPhotoDto(photo, ME);
    },

    async removeMediaPhoto(caller: Caller, photoId: string): Promise<void> {
      const scope = await caller.self();
      const removed = await store.transaction(async (tx) => {
        const photo = await tx.bind(scope, ownFilesRepository).deletePhoto(photoId);
        if (photo)
          await profileUpdated(tx, caller, { id: photo.candidateId, portalId: photo.portalId }, ["media"]);
        return photo;
      });
      if (!removed) throw new AppError("not_found");
      await files.delete(removed.fileKey);
    },

    async ownMediaPhoto(caller: Caller, photoId: string) {
      const photo = await store.bind(await caller.self(), candidateFilesRepository).findPhoto(photoId);
      return storedFile(files, photo?.fileKey ?? null);
    },

    async addDocument(
      caller: Caller,
      upload: { fileName: string; kind: DocumentKind; data: Buffer },
      locale: Locale,
    ): Promise<CandidateDocument> {
      const { row, scope } = await ownProfile(deps, caller);
      const kind = sniffDocument(upload.data);
      if (!kind) {
        throw new AppError("validation_failed", {
          fields: [{ path: "file", message: fieldMessage("document_type_not_allowed", locale) }],
        });
      }
      if ((await store.bind(scope, ownFilesRepository).countDocuments(row.id)) >= MAX_DOCUMENTS) {
        throw new AppError("validation_failed", {
          fields: [{ path: "file", message: fieldMessage("too_many_files", locale) }],
        });
      }
      const key = `candidates/${row.id}/documents/${randomUUID()}.${kind.ext}`;
      await files.put(key, upload.data, kind.type);
      const document = await store.transaction(async (tx) => {
        const created = await tx.bind(scope, ownFilesRepository).insertDocument({
          candidateId: row.id,
          portalId: row.portalId,
          kind: upload.kind,
          fileKey: key,
          fileName: `${upload.fileName.replace(/\.[a-z0-9]{1,5}$/i, "")}.${kind.ext}`,
          contentType: kind.type,
          size: upload.data.length,
        });
        await profileUpdated(tx, caller, row, ["documents"]);
        return created;
      });
      return documentDto(document, ME);
    },

    async ownDocument(caller: Caller, documentId: string) {
      const document = await store
        .bind(await caller.self(), candidateFilesRepository)
        .findDocument(documentId);
      if (!document) throw new AppError("not_found");
      return { ...(await storedFile(files, document.fileKey)), fileName: document.fileName };
    },

    async removeDocument(caller: Caller, documentId: string): Promise<void> {
      const scope = await caller.self();
      const removed = await store.transaction(async (tx) => {
        const document = await tx.bind(scope, ownFilesRepository).deleteDocument(documentId);
        if (document)
          await profileUpdated(tx, caller, { id: document.candidateId, portalId: document.portalId }, [
            "documents",
          ]);
        return document;
      });
      if (!removed) throw new AppError("not_found");
      await files.delete(removed.fileKey);
    },
  };
}
