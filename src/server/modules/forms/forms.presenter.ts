import type { FormDefinition, FormTemplate, FormVersion, UploadedFile } from "../../../contracts/forms";
import { STANDARD_TEMPLATE } from "./forms.templates";

export function versionDto(row: {
  id: string;
  version: number;
  createdAt: Date;
  createdBy: string | null;
  answered: number;
}): FormVersion {
  return {
    id: row.id,
    number: row.version,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    answered: Number(row.answered),
  };
}

export function templateDto(row: {
  id: string;
  name: string;
  organisationId: string;
  definition: FormDefinition;
}): FormTemplate {
  return {
    id: row.id,
    name: row.name,
    shipped: false,
    organisationId: row.organisationId,
    definition: row.definition,
  };
}

export const standardTemplateDto = (): FormTemplate => ({
  ...STANDARD_TEMPLATE,
  shipped: true,
  organisationId: null,
});

export function fileDto(row: {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}): UploadedFile {
  return { id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.sizeBytes };
}
