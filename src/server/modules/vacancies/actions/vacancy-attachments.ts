import { randomUUID } from "node:crypto";
import type { Locale } from "../../../../contracts/common";
import type { VacancyAttachment } from "../../../../contracts/vacancies";
import { AppError } from "../../../platform/errors";
import { sniffDocument, sniffImage } from "../../../platform/files";
import { fieldMessage } from "../../../platform/i18n";
import { publicScope } from "../../../platform/scope";
import type { Caller } from "../../tenancy";
import { candidateViewerOf } from "../actor";
import { visibleVacancyRepository } from "../candidate-vacancies.repository";
import { vacancyEvent } from "../vacancies.events";
import { attachmentDto } from "../vacancies.presenter";
import { vacancyFilesRepository } from "../vacancy-files.repository";
import { vacancyHistoryRepository } from "../vacancy-history.repository";
import { editable, readable, type VacancyDeps } from "./context";

/** Attaches a file (judged by its content: PDF, DOCX or an image). */
export async function addAttachment(
  deps: VacancyDeps,
  caller: Caller,
  id: string,
  upload: { fileName: string; data: Buffer },
  locale: Locale,
): Promise<VacancyAttachment> {
  const { actor, scope, view } = await editable(deps, caller, id);
  const kind = sniffDocument(upload.data) ?? sniffImage(upload.data);
  if (!kind) {
    throw new AppError("validation_failed", {
      fields: [{ path: "file", message: fieldMessage("file_type_not_allowed", locale) }],
    });
  }
  const key = `vacancies/${view.id}/${randomUUID()}.${kind.ext}`;
  await deps.files.put(key, upload.data, kind.type);
  const fileName = `${upload.fileName.replace(/\.[a-z0-9]{1,5}$/i, "")}.${kind.ext}`;
  const attachment = await deps.store.transaction(async (tx) => {
    const created = await tx.bind(scope, vacancyFilesRepository).insertAttachment({
      vacancyId: view.id,
      organisationId: view.organisationId,
      fileKey: key,
      fileName,
      contentType: kind.type,
      size: upload.data.length,
      createdByUserId: actor.userId,
    });
    const history = { userId: actor.userId, action: "attachment_added", changes: {}, comment: fileName };
    await tx.bind(scope, vacancyHistoryRepository).add(view, history);
    await tx.emit(
      vacancyEvent("vacancy.updated", view, actor.userId, { ...history, attachmentId: created.id }),
    );
    return created;
  });
  return attachmentDto(attachment);
}

export async function removeAttachment(
  deps: VacancyDeps,
  caller: Caller,
  id: string,
  attachmentId: string,
): Promise<void> {
  const { actor, scope, view } = await editable(deps, caller, id);
  const removed = await deps.store.transaction(async (tx) => {
    const row = await tx.bind(scope, vacancyFilesRepository).deleteAttachment(id, attachmentId);
    if (!row) throw new AppError("not_found");
    const history = {
      userId: actor.userId,
      action: "attachment_removed",
      changes: {},
      comment: row.fileName,
    };
    await tx.bind(scope, vacancyHistoryRepository).add(view, history);
    await tx.emit(vacancyEvent("vacancy.updated", view, actor.userId, { ...history, attachmentId }));
    return row;
  });
  await deps.files.delete(removed.fileKey);
}

/** An attachment for staff who may read the vacancy, or for a candidate who can see it. */
export async function downloadAttachment(
  deps: VacancyDeps,
  caller: Caller,
  id: string,
  attachmentId: string,
) {
  let found: { fileKey: string; fileName: string } | null = null;
  if (caller.principal?.roles.some((r) => r !== "candidate")) {
    try {
      const { scope } = await readable(deps, caller, id);
      found = await deps.store.bind(scope, vacancyFilesRepository).attachment(id, attachmentId);
    } catch {
      found = null;
    }
  }
  found ??= await deps.store
    .bind(publicScope, visibleVacancyRepository)
    .attachment(await candidateViewerOf(caller), id, attachmentId, deps.today());
  if (!found) throw new AppError("not_found");
  const file = await deps.files.get(found.fileKey);
  if (!file) throw new AppError("not_found");
  return { ...file, fileName: found.fileName };
}
