import { inflateSync } from "node:zlib";
import { expect } from "vitest";

/**
 * A small PDF reader for tests (verapdf, pdf.js and pdf-lib are not available): enough of PDF to
 * check what the documents Werkbrug writes promise: tagging (MarkInfo, structure tree in reading
 * order, language), embedded fonts, title, and the text drawn (through each font's ToUnicode map).
 * It reads plain objects and object streams (/ObjStm), Flate-compressed or not; no cross-reference
 * streams are needed since it scans for `n 0 obj` instead.
 */

export type PdfValue =
  | null
  | boolean
  | number
  | string // a name, without its slash
  | PdfString
  | PdfRef
  | PdfValue[]
  | PdfDict;

export class PdfString {
  constructor(readonly bytes: Buffer) {}
  /** Text strings: UTF-16BE with a byte-order mark, else PDFDocEncoding (Latin-1 here). */
  get text(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff)
      return Buffer.from(b.subarray(2)).swap16().toString("utf16le");
    return b.toString("latin1");
  }
}
export class PdfRef {
  constructor(readonly num: number) {}
}
export class PdfDict {
  constructor(readonly entries: Map<string, PdfValue>) {}
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([..."()<>[]{}/%"].map((c) => c.charCodeAt(0)));

/** A keyword (an operator in a content stream, or `obj`, `stream`, `R`...). */
class Keyword {
  constructor(readonly word: string) {}
}

class Lexer {
  pos: number;
  constructor(
    readonly data: Buffer,
    pos = 0,
  ) {
    this.pos = pos;
  }

  private skipSpace(): void {
    const d = this.data;
    while (this.pos < d.length) {
      const c = d[this.pos]!;
      if (WHITE.has(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < d.length && d[this.pos] !== 0x0a && d[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.data.length;
  }

  /** The next value, or a keyword; refs (`n g R`) are folded into PdfRef. */
  next(): PdfValue | Keyword {
    const value = this.token();
    if (typeof value === "number" && Number.isInteger(value)) {
      const save = this.pos;
      const gen = this.tokenOrNull();
      if (typeof gen === "number") {
        const r = this.tokenOrNull();
        if (r instanceof Keyword && r.word === "R") return new PdfRef(value);
      }
      this.pos = save;
    }
    return value;
  }

  private tokenOrNull(): PdfValue | Keyword | undefined {
    if (this.atEnd()) return undefined;
    return this.token();
  }

  private token(): PdfValue | Keyword {
    this.skipSpace();
    const d = this.data;
    const c = d[this.pos];
    if (c === undefined) throw new Error("PDF: unexpected end");
    const ch = String.fromCharCode(c);
    if (ch === "/") {
      let end = this.pos + 1;
      while (end < d.length && !WHITE.has(d[end]!) && !DELIM.has(d[end]!)) end++;
      const raw = d.subarray(this.pos + 1, end).toString("latin1");
      this.pos = end;
      return raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    }
    if (ch === "(") return this.literalString();
    if (ch === "<" && d[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const entries = new Map<string, PdfValue>();
      for (;;) {
        this.skipSpace();
        if (d[this.pos] === 0x3e && d[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return new PdfDict(entries);
        }
        const key = this.next();
        if (typeof key !== "string") throw new Error("PDF: dictionary key is not a name");
        entries.set(key, this.value());
      }
    }
    if (ch === "<") {
      const end = d.indexOf(0x3e, this.pos);
      const hex = d
        .subarray(this.pos + 1, end)
        .toString("latin1")
        .replace(/\s/g, "");
      this.pos = end + 1;
      return new PdfString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, "hex"));
    }
    if (ch === "[") {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (d[this.pos] === 0x5d) {
          this.pos++;
          return items;
        }
        items.push(this.value());
      }
    }
    let end = this.pos;
    while (end < d.length && !WHITE.has(d[end]!) && !DELIM.has(d[end]!)) end++;
    if (end === this.pos) {
      this.pos++;
      return new Keyword(ch);
    }
    const word = d.subarray(this.pos, end).toString("latin1");
    this.pos = end;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return Number(word);
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    return new Keyword(word);
  }

  /** A value (not a keyword). */
  value(): PdfValue {
    const v = this.next();
    if (v instanceof Keyword) throw new Error(`PDF: unexpected keyword ${v.word}`);
    return v;
  }

  private literalString(): PdfString {
    const d = this.data;
    const out: number[] = [];
    let depth = 0;
    this.pos++;
    for (;;) {
      const c = d[this.pos++];
      if (c === undefined) throw new Error("PDF: unterminated string");
      if (c === 0x5c) {
        const e = d[this.pos++]!;
        const map: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 };
        if (map[e] !== undefined) out.push(map[e]!);
        else if (e >= 0x30 && e <= 0x37) {
          let oct = String.fromCharCode(e);
          while (oct.length < 3 && d[this.pos]! >= 0x30 && d[this.pos]! <= 0x37)
            oct += String.fromCharCode(d[this.pos++]!);
          out.push(Number.parseInt(oct, 8) & 0xff);
        } else if (e === 0x0d || e === 0x0a) {
          if (e === 0x0d && d[this.pos] === 0x0a) this.pos++;
        } else out.push(e);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (depth === 0) return new PdfString(Buffer.from(out));
        depth--;
        out.push(c);
      } else out.push(c);
    }
  }
}

interface PdfObject {
  value: PdfValue;
  stream?: Buffer;
}

function decodeStream(dict: PdfDict, raw: Buffer): Buffer {
  const filter = dict.get("Filter");
  const filters = Array.isArray(filter) ? filter : filter ? [filter] : [];
  let data = raw;
  for (const f of filters) {
    if (f === "FlateDecode") data = inflateSync(data);
    else return data; // images (DCTDecode...): left as they are
  }
  return data;
}

/** A parsed PDF: its objects by number, the trailer, and helpers to follow references. */
export class PdfFile {
  readonly objects = new Map<number, PdfObject>();
  readonly trailer: PdfDict;
  readonly header: string;

  constructor(readonly bytes: Buffer) {
    const source = bytes.toString("latin1");
    this.header = source.slice(0, 8);
    const objs = /(?:^|[\r\n])(\d+) (\d+) obj\b/g;
    for (let m = objs.exec(source); m; m = objs.exec(source)) {
      const lexer = new Lexer(bytes, m.index + m[0].length);
      const value = lexer.value();
      const object: PdfObject = { value };
      const after = new Lexer(bytes, lexer.pos);
      if (!after.atEnd() && source.startsWith("stream", after.pos) && value instanceof PdfDict) {
        let start = after.pos + "stream".length;
        if (bytes[start] === 0x0d) start++;
        if (bytes[start] === 0x0a) start++;
        const length = this.resolveLater(value.get("Length"), source);
        const end = typeof length === "number" ? start + length : source.indexOf("endstream", start);
        object.stream = decodeStream(value, bytes.subarray(start, end));
        objs.lastIndex = end;
      }
      this.objects.set(Number(m[1]), object);
    }
    // Objects inside object streams.
    for (const object of [...this.objects.values()]) {
      if (!(object.value instanceof PdfDict) || object.value.get("Type") !== "ObjStm" || !object.stream)
        continue;
      const n = object.value.get("N") as number;
      const first = object.value.get("First") as number;
      const header = new Lexer(object.stream);
      const pairs: Array<[number, number]> = [];
      for (let i = 0; i < n; i++) pairs.push([header.value() as number, header.value() as number]);
      for (const [num, offset] of pairs) {
        if (!this.objects.has(num))
          this.objects.set(num, { value: new Lexer(object.stream, first + offset).value() });
      }
    }
    const trailerAt = source.lastIndexOf("trailer");
    if (trailerAt >= 0) this.trailer = new Lexer(bytes, trailerAt + "trailer".length).value() as PdfDict;
    else {
      // A cross-reference stream carries the trailer's entries.
      const xref = [...this.objects.values()].find(
        (o) => o.value instanceof PdfDict && o.value.get("Type") === "XRef",
      );
      if (!xref) throw new Error("PDF: no trailer");
      this.trailer = xref.value as PdfDict;
    }
  }

  /** A /Length given as a reference, before all objects are read. */
  private resolveLater(value: PdfValue | undefined, source: string): PdfValue | undefined {
    if (!(value instanceof PdfRef)) return value;
    const m = new RegExp(`(?:^|[\\r\\n])${value.num} 0 obj\\s*(\\d+)`).exec(source);
    return m ? Number(m[1]) : undefined;
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let v = value;
    for (let i = 0; v instanceof PdfRef && i < 32; i++) v = this.objects.get(v.num)?.value;
    return v;
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const v = this.resolve(value);
    return v instanceof PdfDict ? v : undefined;
  }

  stream(value: PdfValue | undefined): Buffer | undefined {
    return value instanceof PdfRef ? this.objects.get(value.num)?.stream : undefined;
  }

  get catalog(): PdfDict {
    const root = this.dict(this.trailer.get("Root"));
    if (!root) throw new Error("PDF: no catalog");
    return root;
  }

  get info(): PdfDict | undefined {
    return this.dict(this.trailer.get("Info"));
  }

  /** The pages in order, as references (the structure tree points at them). */
  pages(): PdfRef[] {
    const out: PdfRef[] = [];
    const walk = (node: PdfValue | undefined) => {
      const d = this.dict(node);
      if (!d) return;
      if (d.get("Type") === "Pages")
        for (const kid of (this.resolve(d.get("Kids")) as PdfValue[]) ?? []) walk(kid);
      else if (node instanceof PdfRef) out.push(node);
    };
    walk(this.catalog.get("Pages"));
    return out;
  }
}

/** A font's code -> text map (ToUnicode), and how many bytes a code takes. */
interface FontDecoder {
  bytes: 1 | 2;
  map: Map<number, string>;
}

function parseToUnicode(cmap: Buffer): Map<number, string> {
  const map = new Map<number, string>();
  const text = cmap.toString("latin1");
  const hexText = (h: string) => Buffer.from(h, "hex").swap16().toString("utf16le");
  for (const section of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g))
      map.set(Number.parseInt(m[1]!, 16), hexText(m[2]!));
  }
  for (const section of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of section[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]*>)/g,
    )) {
      const lo = Number.parseInt(m[1]!, 16);
      const hi = Number.parseInt(m[2]!, 16);
      if (m[3]!.startsWith("[")) {
        [...m[3]!.matchAll(/<([0-9a-fA-F]*)>/g)].forEach((d, i) => {
          map.set(lo + i, hexText(d[1]!));
        });
      } else {
        const start = Buffer.from(m[3]!.slice(1, -1), "hex");
        for (let code = lo; code <= hi; code++) {
          const dst = Buffer.from(start);
          dst.writeUInt16BE(dst.readUInt16BE(dst.length - 2) + (code - lo), dst.length - 2);
          map.set(code, Buffer.from(dst).swap16().toString("utf16le"));
        }
      }
    }
  }
  return map;
}

// WinAnsiEncoding's 0x80-0x9f, for simple fonts without ToUnicode (the standard 14 fonts).
const WIN_ANSI_HIGH: Record<number, string> = {
  128: "€",
  130: "‚",
  131: "ƒ",
  132: "„",
  133: "…",
  134: "†",
  135: "‡",
  136: "ˆ",
  137: "‰",
  138: "Š",
  139: "‹",
  140: "Œ",
  142: "Ž",
  145: "‘",
  146: "’",
  147: "“",
  148: "”",
  149: "•",
  150: "–",
  151: "—",
  152: "˜",
  153: "™",
  154: "š",
  155: "›",
  156: "œ",
  158: "ž",
  159: "Ÿ",
};

export interface PdfFontInfo {
  /** The resource's BaseFont, e.g. BZZZZZ+LiberationSans-Bold. */
  baseFont: string;
  subtype: string;
  /** A font program is in the file (FontFile, FontFile2 or FontFile3). */
  embedded: boolean;
  toUnicode: boolean;
}

export interface PdfStructNode {
  /** The structure type: Document, H1, P, Table, TR, TH, L, LI, Figure... */
  type: string;
  alt?: string;
  lang?: string;
  /** TH: its /A /Scope. */
  scope?: string;
  /** The text of its own marked content and that of its children, in order; a line break between lines. */
  text: string;
  children: PdfStructNode[];
}

export interface PdfReport {
  version: string;
  pageCount: number;
  marked: boolean;
  /** The catalog's /Lang. */
  lang: string | undefined;
  displayDocTitle: boolean;
  /** Document information, as text (Title, Author, Creator...). */
  info: Record<string, string>;
  /** `pdfuaid:part` in the XMP metadata. */
  pdfUaPart: string | undefined;
  /** `dc:title` in the XMP metadata, its character references decoded (undefined when absent or not well-formed). */
  xmpTitle: string | undefined;
  fonts: PdfFontInfo[];
  /** The structure tree's root elements (null when there is no StructTreeRoot). */
  structure: PdfStructNode[] | null;
  /** Painting operators (text, paths, images) outside any marked content: untagged content. */
  untaggedPaintings: number;
  /** Every text drawn, page by page, one string per text-showing operator (as the old tests read it). */
  text: string;
}

const PAINTING = new Set(["Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh"]);

/** Reads a PDF and reports what accessibility and the tests care about. */
export function readPdf(bytes: Buffer): PdfReport {
  const pdf = new PdfFile(bytes);
  const catalog = pdf.catalog;
  const pages = pdf.pages();
  const fonts = new Map<number, PdfFontInfo>();
  const decoders = new Map<number, FontDecoder>();

  const fontDecoder = (ref: PdfValue | undefined): FontDecoder => {
    const key = ref instanceof PdfRef ? ref.num : -1;
    const known = decoders.get(key);
    if (known) return known;
    const font = pdf.dict(ref);
    const subtype = String(font?.get("Subtype") ?? "");
    const cmap = pdf.stream(font?.get("ToUnicode"));
    const decoder: FontDecoder = {
      bytes: subtype === "Type0" ? 2 : 1,
      map: cmap
        ? parseToUnicode(cmap)
        : new Map(Array.from({ length: 256 }, (_, i) => [i, WIN_ANSI_HIGH[i] ?? String.fromCharCode(i)])),
    };
    let descriptor = pdf.dict(font?.get("FontDescriptor"));
    if (subtype === "Type0") {
      const descendant = pdf.dict((pdf.resolve(font?.get("DescendantFonts")) as PdfValue[] | undefined)?.[0]);
      descriptor = pdf.dict(descendant?.get("FontDescriptor"));
    }
    fonts.set(key, {
      baseFont: String(font?.get("BaseFont") ?? ""),
      subtype,
      embedded: ["FontFile", "FontFile2", "FontFile3"].some((k) => descriptor?.get(k) instanceof PdfRef),
      toUnicode: !!cmap,
    });
    decoders.set(key, decoder);
    return decoder;
  };
  const decode = (decoder: FontDecoder, bytes: Buffer) => {
    let out = "";
    for (let i = 0; i + decoder.bytes <= bytes.length; i += decoder.bytes) {
      const code = decoder.bytes === 2 ? bytes.readUInt16BE(i) : bytes[i]!;
      out += decoder.map.get(code) ?? "\uFFFD";
    }
    return out;
  };

  // Walk every page's content: text per marked-content id, all text, untagged paintings.
  const mcText = new Map<string, string>();
  const texts: string[] = [];
  let untaggedPaintings = 0;
  for (const pageRef of pages) {
    const page = pdf.dict(pageRef)!;
    const resources = pdf.dict(page.get("Resources"));
    const fontRefs = pdf.dict(resources?.get("Font"));
    for (const ref of fontRefs?.entries.values() ?? []) fontDecoder(ref);
    const contents = page.get("Contents");
    const refs = Array.isArray(contents) ? contents : [contents];
    const data = Buffer.concat(refs.map((r) => pdf.stream(r as PdfValue) ?? Buffer.alloc(0)));
    const lexer = new Lexer(data);
    const operands: PdfValue[] = [];
    const stack: Array<{ tag: string; mcid?: number }> = [];
    let decoder: FontDecoder | undefined;
    while (!lexer.atEnd()) {
      const token = lexer.next();
      if (!(token instanceof Keyword)) {
        operands.push(token);
        continue;
      }
      const op = token.word;
      if (op === "BDC" || op === "BMC") {
        const props = op === "BDC" ? operands[1] : undefined;
        const mcid = props instanceof PdfDict ? props.get("MCID") : undefined;
        stack.push({ tag: String(operands[0]), mcid: typeof mcid === "number" ? mcid : undefined });
      } else if (op === "EMC") stack.pop();
      else if (op === "Tf") decoder = fontDecoder(fontRefs?.get(String(operands[0])));
      if (PAINTING.has(op) && stack.length === 0) untaggedPaintings++;
      if ((op === "TJ" || op === "Tj" || op === "'" || op === '"') && decoder) {
        const last = operands[operands.length - 1];
        const parts = Array.isArray(last) ? last : [last];
        const shown = parts
          .filter((p): p is PdfString => p instanceof PdfString)
          .map((p) => decode(decoder!, p.bytes))
          .join("");
        texts.push(shown);
        const owner = [...stack].reverse().find((m) => m.mcid !== undefined);
        if (owner) {
          const key = `${pageRef.num}:${owner.mcid}`;
          mcText.set(key, mcText.has(key) ? `${mcText.get(key)}\n${shown}` : shown);
        }
      }
      operands.length = 0;
    }
  }

  // The structure tree, with the text of each element's marked content.
  const structNode = (ref: PdfValue | undefined, inheritedPage: PdfRef | undefined): PdfStructNode | null => {
    const d = pdf.dict(ref);
    if (!d) return null;
    const page = d.get("Pg") instanceof PdfRef ? (d.get("Pg") as PdfRef) : inheritedPage;
    const node: PdfStructNode = { type: String(d.get("S")), text: "", children: [] };
    const alt = pdf.resolve(d.get("Alt"));
    if (alt instanceof PdfString) node.alt = alt.text;
    const lang = pdf.resolve(d.get("Lang"));
    if (lang instanceof PdfString) node.lang = lang.text;
    const attributes = pdf.dict(d.get("A"));
    if (attributes?.get("Scope")) node.scope = String(attributes.get("Scope"));
    const kids = pdf.resolve(d.get("K"));
    const parts: string[] = [];
    for (const kid of Array.isArray(kids) ? kids : kids === undefined || kids === null ? [] : [kids]) {
      if (typeof kid === "number") {
        if (page) parts.push(mcText.get(`${page.num}:${kid}`) ?? "");
        continue;
      }
      const kd = pdf.dict(kid);
      if (kd?.get("Type") === "MCR") {
        const pg = kd.get("Pg") instanceof PdfRef ? (kd.get("Pg") as PdfRef) : page;
        if (pg) parts.push(mcText.get(`${pg.num}:${kd.get("MCID")}`) ?? "");
      } else if (kd && kd.get("Type") !== "OBJR") {
        const child = structNode(kid, page);
        if (child) {
          node.children.push(child);
          parts.push(child.text);
        }
      }
    }
    node.text = parts.filter((p) => p !== "").join("\n");
    return node;
  };
  const treeRoot = pdf.dict(catalog.get("StructTreeRoot"));
  let structure: PdfStructNode[] | null = null;
  if (treeRoot) {
    const k = pdf.resolve(treeRoot.get("K"));
    structure = (Array.isArray(k) ? k : k ? [k] : [])
      .map((kid) => structNode(kid, undefined))
      .filter((n): n is PdfStructNode => n !== null);
  }

  const info: Record<string, string> = {};
  for (const [key, value] of pdf.info?.entries ?? []) {
    const v = pdf.resolve(value);
    if (v instanceof PdfString) info[key] = v.text;
  }
  const metadata = pdf.stream(catalog.get("Metadata"))?.toString("utf8");
  const lang = pdf.resolve(catalog.get("Lang"));
  return {
    version: pdf.header.replace(/^%PDF-/, "").trim(),
    pageCount: pages.length,
    marked: pdf.dict(catalog.get("MarkInfo"))?.get("Marked") === true,
    lang: lang instanceof PdfString ? lang.text : undefined,
    displayDocTitle: pdf.dict(catalog.get("ViewerPreferences"))?.get("DisplayDocTitle") === true,
    info,
    pdfUaPart: metadata ? /<pdfuaid:part>\s*(\d+)\s*<\/pdfuaid:part>/.exec(metadata)?.[1] : undefined,
    xmpTitle: metadata
      ? xmlText(/<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(metadata)?.[1])
      : undefined,
    fonts: [...fonts.values()],
    structure,
    untaggedPaintings,
    text: texts.join("\n"),
  };
}

/** XML character data, its references decoded; undefined for a bare & (not well-formed). */
function xmlText(raw: string | undefined): string | undefined {
  if (raw === undefined || /&(?!(#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);)/.test(raw)) return undefined;
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, ref: string) =>
    ref.startsWith("#x")
      ? String.fromCodePoint(Number.parseInt(ref.slice(2), 16))
      : ref.startsWith("#")
        ? String.fromCodePoint(Number(ref.slice(1)))
        : (named[ref] ?? ""),
  );
}

/** Every structure element, depth first (reading order). */
export function structElements(nodes: PdfStructNode[] | null): PdfStructNode[] {
  const out: PdfStructNode[] = [];
  const walk = (n: PdfStructNode) => {
    out.push(n);
    n.children.forEach(walk);
  };
  (nodes ?? []).forEach(walk);
  return out;
}

/**
 * Asserts what every PDF Werkbrug makes promises (PDF/UA-1 as far as a parser can tell): PDF 1.7,
 * Marked true, a structure tree whose headings start at H1 and skip no level, no untagged drawing
 * (everything is structure content or an artifact), alt text on every figure, every font embedded
 * with a ToUnicode map, the language, and the title shown instead of the file name.
 */
export function expectAccessiblePdf(pdf: Buffer, expected: { lang: string; title: string }): PdfReport {
  const report = readPdf(pdf);
  expect(report.version).toBe("1.7");
  expect(report.marked).toBe(true);
  expect(report.pdfUaPart).toBe("1");
  expect(report.lang).toBe(expected.lang);
  expect(report.info.Title).toBe(expected.title);
  expect(report.xmpTitle).toBe(expected.title);
  expect(report.displayDocTitle).toBe(true);
  expect(report.fonts.length).toBeGreaterThan(0);
  for (const font of report.fonts)
    expect(font, font.baseFont).toMatchObject({ embedded: true, toUnicode: true });
  expect(report.untaggedPaintings).toBe(0);
  expect(report.structure).not.toBeNull();
  const elements = structElements(report.structure);
  for (const figure of elements.filter((e) => e.type === "Figure")) expect(figure.alt).toBeTruthy();
  const levels = elements.filter((e) => /^H\d$/.test(e.type)).map((e) => Number(e.type.slice(1)));
  expect(levels[0]).toBe(1);
  expect(levels.filter((level) => level === 1)).toHaveLength(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level, `H${level} after H${levels[i - 1]}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });
  // Every header cell says what it heads: its row, or (a table of figures) its column.
  for (const th of elements.filter((e) => e.type === "TH")) expect(["Row", "Column"]).toContain(th.scope);
  return report;
}
