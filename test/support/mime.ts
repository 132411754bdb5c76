/**
 * Just enough RFC 5322 / MIME to read what nodemailer sends: headers (unfolded, RFC 2047 words
 * decoded), nested multiparts, quoted-printable and base64 bodies in any charset TextDecoder knows.
 * `mailparser` is not available here, and reading the raw bytes ourselves also proves the wire format.
 */

export interface MimePart {
  /** Header names in lower case; values unfolded and decoded. Repeated headers keep every value. */
  headers: Map<string, string[]>;
  /** Media type in lower case without parameters, e.g. "text/html". */
  type: string;
  params: Record<string, string>;
  /** Decoded body text of a leaf part; "" for a multipart. */
  body: string;
  parts: MimePart[];
}

export interface ParsedMail extends MimePart {
  header(name: string): string | undefined;
  subject: string | undefined;
  /** The first text/plain and text/html leaves, wherever they sit in the tree. */
  text: string | undefined;
  html: string | undefined;
}

/** Mail on the wire is 7-bit here, but latin1 maps every byte to one char so nothing is lost either way. */
export function parseMail(raw: string | Uint8Array): ParsedMail {
  const source = typeof raw === "string" ? raw : Buffer.from(raw).toString("latin1");
  const root = parsePart(source);
  const leaves = flatten(root);
  return {
    ...root,
    header: (name) => root.headers.get(name.toLowerCase())?.[0],
    subject: root.headers.get("subject")?.[0],
    text: leaves.find((p) => p.type === "text/plain")?.body,
    html: leaves.find((p) => p.type === "text/html")?.body,
  };
}

function flatten(part: MimePart): MimePart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(flatten);
}

function parsePart(source: string): MimePart {
  const split = /\r?\n\r?\n/.exec(source);
  const head = split ? source.slice(0, split.index) : source;
  const body = split ? source.slice(split.index + split[0].length) : "";
  const headers = parseHeaders(head);
  const [type, params] = parseContentType(headers.get("content-type")?.[0] ?? "text/plain");
  if (type.startsWith("multipart/") && params.boundary) {
    return { headers, type, params, body: "", parts: splitMultipart(body, params.boundary).map(parsePart) };
  }
  const encoding = (headers.get("content-transfer-encoding")?.[0] ?? "7bit").toLowerCase();
  return { headers, type, params, body: decodeBody(body, encoding, params.charset ?? "us-ascii"), parts: [] };
}

function parseHeaders(head: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  // Unfolding (RFC 5322 §2.2.3) removes the line break and keeps the whitespace after it.
  for (const line of head.replace(/\r?\n(?=[ \t])/g, "").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = decodeWords(line.slice(colon + 1).trim());
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return headers;
}

function parseContentType(value: string): [string, Record<string, string>] {
  const [type = ""] = value.split(";", 1);
  const params: Record<string, string> = {};
  for (const match of value.matchAll(/;\s*([^=\s;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/g)) {
    const raw = match[2]!;
    params[match[1]!.toLowerCase()] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
  }
  return [type.trim().toLowerCase(), params];
}

/** The parts between "--boundary" lines, up to "--boundary--"; preamble and epilogue are dropped. */
function splitMultipart(body: string, boundary: string): string[] {
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split(/\r?\n/)) {
    const trimmed = line.trimEnd();
    if (trimmed === `--${boundary}` || trimmed === `--${boundary}--`) {
      if (current) parts.push(current.join("\r\n"));
      if (trimmed === `--${boundary}--`) return parts;
      current = [];
    } else {
      current?.push(line);
    }
  }
  return parts;
}

function decodeBody(body: string, encoding: string, charset: string): string {
  if (encoding === "base64") return decodeBytes(Buffer.from(body.replace(/\s+/g, ""), "base64"), charset);
  if (encoding === "quoted-printable")
    return decodeBytes(quotedPrintableBytes(body.replace(/=\r?\n/g, "")), charset);
  return decodeBytes(Buffer.from(body, "latin1"), charset);
}

/** "=XX" is one byte; everything else is a literal byte (quoted-printable bodies and Q-words alike). */
function quotedPrintableBytes(value: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === "=" ? value.slice(i + 1, i + 3) : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(value.charCodeAt(i) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

function decodeBytes(bytes: Uint8Array, charset: string): string {
  // TextDecoder has no "us-ascii" label of its own; utf-8 decodes ASCII identically.
  const label = /^(us-)?ascii$/i.test(charset) ? "utf-8" : charset;
  return new TextDecoder(label).decode(bytes);
}

const ENCODED_WORD = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g;

/**
 * RFC 2047 encoded-words. Whitespace between two adjacent words is not part of the text (§6.2), and a
 * long subject is split over several words that may cut a multi-byte character in two, so the bytes of
 * neighbouring words in the same charset are joined before decoding.
 */
export function decodeWords(value: string): string {
  const joined = value.replace(/\?=\s+(?==\?)/g, "?=");
  let out = "";
  let last = 0;
  let pending: { charset: string; bytes: number[] } | null = null;
  const flush = () => {
    if (pending) out += decodeBytes(Uint8Array.from(pending.bytes), pending.charset);
    pending = null;
  };
  for (const match of joined.matchAll(ENCODED_WORD)) {
    const index = match.index ?? 0;
    if (index > last) {
      flush();
      out += joined.slice(last, index);
    }
    const charset = match[1]!.split("*")[0]!.toLowerCase(); // drop an RFC 2231 language suffix
    const text = match[3]!;
    const bytes =
      match[2]!.toUpperCase() === "B"
        ? Buffer.from(text, "base64")
        : quotedPrintableBytes(text.replace(/_/g, " "));
    if (pending && pending.charset !== charset) flush();
    pending ??= { charset, bytes: [] };
    pending.bytes.push(...bytes);
    last = index + match[0].length;
  }
  flush();
  return out + joined.slice(last);
}
