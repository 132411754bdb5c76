/**
 * Every column that holds a key of a file in `FileStorage` (decision 0035): the one list the
 * file sweep reads to know which files are still referred to. A test scans the Drizzle schema
 * and fails on a column named like a file key that is missing here; a new file column is added
 * to this list in the same change.
 */
export interface FileReference {
  table: string;
  column: string;
  /**
   * The stored value is a URL path in front of the key (users.image holds
   * "/api/v1/avatars/<user>/<file>" for the key "avatars/<user>/<file>").
   */
  urlPrefix?: string;
}

export const FILE_REFERENCES: readonly FileReference[] = [
  { table: "candidates", column: "photo_file_key" },
  { table: "candidate_photos", column: "file_key" },
  { table: "candidate_documents", column: "file_key" },
  { table: "application_files", column: "file_key" },
  { table: "matches", column: "cv_file_key" },
  { table: "message_attachments", column: "file_key" },
  { table: "organisations", column: "logo_file_key" },
  { table: "portals", column: "logo_file_key" },
  { table: "vacancies", column: "image_file_key" },
  { table: "vacancy_attachments", column: "file_key" },
  { table: "users", column: "image", urlPrefix: "/api/v1/" },
];

/** Column names that hold a file key by the house's naming; the test holds the schema to it. */
export const FILE_KEY_COLUMN = /(^|_)(file|storage)_key$/;
