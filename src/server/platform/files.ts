import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
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

export function createLocalFileStorage(root: string): FileStorage {
  const file = (key: string) => path.join(root, safeKey(key));
  return {
    driver: "local",
    async put(key, data, contentType) {
      const target = file(key);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, data);
      await writeFile(`${target}.type`, contentType);
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
