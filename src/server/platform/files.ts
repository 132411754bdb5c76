import { randomBytes } from "node:crypto";
import { mkdir, open, readFile, rename, rm, rmdir } from "node:fs/promises";
import path from "node:path";

export interface StoredFile {
  data: Buffer;
  contentType: string;
}

/**
 * Where uploaded files live. The local directory is the default (DATA_DIR/files); an
 * S3-compatible driver implements the same interface for scaled-out installs.
 */
export interface FileStorage {
  readonly driver: "local";
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  delete(key: string): Promise<void>;
}

/** Keys are our own ("avatars/<user>/<random>.png"); anything else is a programming error. */
function safeKey(key: string): string {
  if (!/^[a-z0-9][a-z0-9/_.-]{0,200}$/i.test(key) || key.includes(".."))
    throw new Error(`unsafe file key ${key}`);
  return key;
}

/** Temporary files of an upload in progress: `.<name>.<random>.tmp` beside the target. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{16}\.tmp$/;

/**
 * Writes `data` to `target` so that the target is either absent or complete: a temporary file in
 * the same directory (same file system, so the rename is atomic), flushed to disk, then renamed.
 * A crash before the rename leaves only a temporary file, which the file sweep removes.
 */
async function writeAtomically(target: string, data: Buffer | string): Promise<void> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(8).toString("hex")}.tmp`,
  );
  const handle = await open(temp, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Removes `dir` and its parents up to (not including) `root` while they are empty. */
export async function removeEmptyParents(dir: string, root: string): Promise<void> {
  const top = path.resolve(root);
  let current = path.resolve(dir);
  while (current.startsWith(`${top}${path.sep}`)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (or gone): stop here
    }
    current = path.dirname(current);
  }
}

export function createLocalFileStorage(root: string): FileStorage {
  const file = (key: string) => path.join(root, safeKey(key));
  return {
    driver: "local",
    async put(key, data, contentType) {
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true });
      // The type first: `get` answers only when both exist, so the data's rename completes a key.
      await writeAtomically(`${target}.type`, contentType);
      await writeAtomically(target, data);
    },
    async get(key) {
      const target = file(key);
      const [data, contentType] = await Promise.all([
        readFile(target).catch(() => null),
        readFile(`${target}.type`, "utf8").catch(() => null),
      ]);
      return data && contentType ? { data, contentType } : null;
    },
    async delete(key) {
      const target = file(key);
      await rm(target, { force: true });
      await rm(`${target}.type`, { force: true });
      // No empty folder of a person is left behind (a photo's folder is named by its owner).
      await removeEmptyParents(path.dirname(target), root);
    },
  };
}

/** The image types people upload as a photo, recognised by their first bytes, not their name. */
const IMAGE_SIGNATURES: { type: string; ext: string; matches(b: Buffer): boolean }[] = [
  {
    type: "image/png",
    ext: "png",
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { type: "image/jpeg", ext: "jpg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: "image/webp",
    ext: "webp",
    matches: (b) =>
      b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  },
];

export function sniffImage(data: Buffer): { type: string; ext: string } | null {
  const found = IMAGE_SIGNATURES.find((s) => s.matches(data));
  return found ? { type: found.type, ext: found.ext } : null;
}

/**
 * Documents people attach (CVs, vacancy attachments), recognised by content: PDF by its
 * header, DOCX as a ZIP package holding word/document.xml. A renamed .exe stays an .exe.
 */
export function sniffDocument(data: Buffer): { type: string; ext: string } | null {
  if (data.subarray(0, 5).toString("latin1") === "%PDF-") return { type: "application/pdf", ext: "pdf" };
  const zip = data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  if (zip && data.includes("word/document.xml") && data.includes("[Content_Types].xml")) {
    return { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ext: "docx" };
  }
  return null;
}

/** The content types uploads may declare; what they really are is decided by sniffing. */
export const UPLOAD_CONTENT_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "image/png",
  "image/jpeg",
  "image/webp",
  "application/octet-stream",
] as const;

/** A file name safe to put in Content-Disposition and to show (no paths, no control chars). */
export function cleanFileName(name: string, fallback: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // No control characters (code points below 32 and DEL) and no quotes.
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127 && c !== '"')
    .join("")
    .trim()
    .slice(0, 150);
  return cleaned || fallback;
}

/** Content-Disposition for a download, with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/[\\"]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
