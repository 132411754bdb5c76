/**
 * The real KvK register over HTTP (developers.kvk.nl):
 *
 *   GET {base}/api/v2/zoeken?naam=&plaats=&kvkNummer=&pagina=1&resultatenPerPagina=20   (Zoeken v2)
 *   GET {base}/api/v1/basisprofielen/{kvkNummer}?geoData=false                          (Basisprofiel v1)
 *   header  apikey: <KVK_API_KEY>
 *
 * Zoeken is free and gives one row per registration (legal entity, head office, branch) with name,
 * type and a short address; Basisprofiel is paid per call and gives the trade names, SBI
 * activities, website and the head office's addresses, so it is only asked for the company the
 * user picked. Zoeken answers "nothing found" with 404 and error code IPD5200; that is an empty
 * list here, not an error.
 *
 * Every answer is validated with zod, leniently: unknown fields are ignored, missing optional
 * fields become null, and a single malformed search row is skipped rather than failing the search.
 * An answer that is not JSON or not in the register's shape at all is `RegistryUnavailableError`
 * ("invalid_response"), as are network errors, timeouts (5 s), 5xx and a refused API key.
 *
 * Nothing at the top level of this file may use what it imports from company-registry.ts: that
 * module imports this one, and in the import cycle its bindings are not set yet.
 */
import { z } from "zod";
import {
  type CompanyRegistry,
  type ParsedRegistrySearchQuery,
  type RegistryCompany,
  type RegistryCompanyKind,
  RegistryQuerySchema,
  type RegistryRequestOptions,
  RegistryUnavailableError,
  type SbiActivity,
} from "./company-registry";

const DEFAULT_TIMEOUT_MS = 5_000;
const RESULTS_PER_PAGE = 20;

/** Error codes of the KvK APIs that mean "nothing here" rather than a failure. */
const NO_RESULTS = "IPD5200"; // Zoeken: no registrations match the search
const NOT_DELIVERABLE = "IPD0005"; // Basisprofiel: no product for this KvK number
const INVALID_KVK_NUMBER = "IPD0004";

export interface KvkHttpRegistryOptions {
  /** Base URL without the /api part: https://api.kvk.nl, or https://api.kvk.nl/test for the test environment. */
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
}

// ---------------------------------------------------------------------------------------------
// The KvK wire format, leniently

const text = z.string().nullish();
const numberOrText = z.union([z.number(), z.string()]).nullish();

/** Keeps the items of an array that parse; drops the rest. A missing array is empty. */
function lenientArray<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .nullish()
    .transform((values) =>
      (values ?? []).flatMap((value) => {
        const parsed = item.safeParse(value);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    );
}

/** Zoeken v2: binnenlandsAdres. */
const DomesticAddressSchema = z.object({
  type: text,
  straatnaam: text,
  huisnummer: numberOrText,
  huisletter: text,
  huisnummerToevoeging: text,
  postbusnummer: numberOrText,
  postcode: text,
  plaats: text,
});

/** Zoeken v2: buitenlandsAdres. */
const ForeignAddressSchema = z.object({
  type: text,
  straatHuisnummer: text,
  postcodeWoonplaats: text,
  land: text,
});

const SearchResultSchema = z.object({
  kvkNummer: z.string(),
  vestigingsnummer: text,
  naam: z.string(),
  adres: z
    .object({
      binnenlandsAdres: DomesticAddressSchema.nullish(),
      buitenlandsAdres: ForeignAddressSchema.nullish(),
    })
    .nullish(),
  type: text,
});

const SearchResponseSchema = z.object({
  pagina: z.number().nullish(),
  resultatenPerPagina: z.number().nullish(),
  totaal: z.number().nullish(),
  resultaten: lenientArray(SearchResultSchema),
});

/** Basisprofiel: one of the addresses of an establishment or owner (domestic and foreign in one shape). */
const ProfileAddressSchema = DomesticAddressSchema.extend({
  indAfgeschermd: text,
  volledigAdres: text,
  toevoegingAdres: text,
  straatHuisnummer: text,
  postcodeWoonplaats: text,
  land: text,
});

const EstablishmentSchema = z.object({
  vestigingsnummer: text,
  eersteHandelsnaam: text,
  adressen: lenientArray(ProfileAddressSchema),
  websites: lenientArray(z.string().min(1)),
});

const ProfileSchema = z.object({
  kvkNummer: z.string(),
  naam: text,
  statutaireNaam: text,
  handelsnamen: lenientArray(z.object({ naam: z.string().min(1), volgorde: z.number().nullish() })),
  sbiActiviteiten: lenientArray(
    z.object({
      sbiCode: z.union([z.string(), z.number().transform(String)]),
      sbiOmschrijving: text,
      indHoofdactiviteit: text,
    }),
  ),
  _embedded: z
    .object({
      hoofdvestiging: EstablishmentSchema.nullish(),
      eigenaar: z
        .object({ adressen: lenientArray(ProfileAddressSchema), websites: lenientArray(z.string().min(1)) })
        .nullish(),
    })
    .nullish(),
});

const ErrorBodySchema = z.object({
  fout: z.array(z.object({ code: z.string(), omschrijving: text })),
});

// ---------------------------------------------------------------------------------------------
// Mapping

type Address = Pick<RegistryCompany, "street" | "houseNumber" | "postcode" | "city">;

const NO_ADDRESS: Address = { street: null, houseNumber: null, postcode: null, city: null };

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** "2511bt", "2511 BT" → "2511 BT"; anything else → null. */
export function normalisePostcode(value: string | null | undefined): string | null {
  const compact = value?.replace(/\s+/g, "").toUpperCase();
  if (!compact || !/^[1-9]\d{3}[A-Z]{2}$/.test(compact)) return null;
  return `${compact.slice(0, 4)} ${compact.slice(4)}`;
}

function houseNumber(
  number: string | number | null | undefined,
  letter: string | null | undefined,
  addition: string | null | undefined,
): string | null {
  const n = clean(number === null || number === undefined ? null : String(number));
  if (!n) return null;
  const l = clean(letter) ?? "";
  const a = clean(addition);
  return `${n}${l}${a ? `-${a}` : ""}`;
}

function domesticAddress(a: z.output<typeof DomesticAddressSchema>): Address {
  const street = clean(a.straatnaam);
  const postbus = clean(
    a.postbusnummer === null || a.postbusnummer === undefined ? null : String(a.postbusnummer),
  );
  return {
    street: street ?? (postbus ? "Postbus" : null),
    houseNumber: street ? houseNumber(a.huisnummer, a.huisletter, a.huisnummerToevoeging) : postbus,
    postcode: normalisePostcode(a.postcode),
    city: clean(a.plaats),
  };
}

function foreignAddress(a: {
  straatHuisnummer?: string | null;
  postcodeWoonplaats?: string | null;
}): Address {
  return {
    street: clean(a.straatHuisnummer),
    houseNumber: null,
    postcode: null,
    city: clean(a.postcodeWoonplaats),
  };
}

/** The visiting address if there is one, else the first (postal) address. */
function profileAddress(addresses: readonly z.output<typeof ProfileAddressSchema>[]): Address {
  const chosen = addresses.find((a) => a.type === "bezoekadres") ?? addresses[0];
  if (!chosen) return NO_ADDRESS;
  if (!chosen.straatnaam && !chosen.postbusnummer && (chosen.straatHuisnummer || chosen.postcodeWoonplaats))
    return foreignAddress(chosen);
  return domesticAddress(chosen);
}

function kindOf(type: string | null | undefined, establishmentNumber: string | null): RegistryCompanyKind {
  if (type === "hoofdvestiging" || type === "nevenvestiging" || type === "rechtspersoon") return type;
  return establishmentNumber ? "nevenvestiging" : "rechtspersoon";
}

function establishmentNumber(value: string | null | undefined): string | null {
  const v = clean(value);
  return v && /^\d{12}$/.test(v) ? v : null;
}

function searchResult(row: z.output<typeof SearchResultSchema>): RegistryCompany | null {
  const name = clean(row.naam);
  if (!/^\d{8}$/.test(row.kvkNummer) || !name) return null;
  const adres = row.adres;
  const address = adres?.binnenlandsAdres
    ? domesticAddress(adres.binnenlandsAdres)
    : adres?.buitenlandsAdres
      ? foreignAddress(adres.buitenlandsAdres)
      : NO_ADDRESS;
  const number = establishmentNumber(row.vestigingsnummer);
  return {
    kvkNumber: row.kvkNummer,
    name,
    tradeNames: [],
    ...address,
    kind: kindOf(row.type, number),
    establishmentNumber: number,
    sbi: [],
    website: null,
  };
}

function profileResult(profile: z.output<typeof ProfileSchema>): RegistryCompany | null {
  const head = profile._embedded?.hoofdvestiging ?? null;
  const owner = profile._embedded?.eigenaar ?? null;
  const name = clean(profile.naam) ?? clean(profile.statutaireNaam) ?? clean(head?.eersteHandelsnaam);
  if (!/^\d{8}$/.test(profile.kvkNummer) || !name) return null;

  const seen = new Set([name.toLocaleLowerCase("nl")]);
  const tradeNames: string[] = [];
  for (const t of [...profile.handelsnamen].sort(
    (a, b) => (a.volgorde ?? Number.MAX_SAFE_INTEGER) - (b.volgorde ?? Number.MAX_SAFE_INTEGER),
  )) {
    const tradeName = clean(t.naam);
    if (!tradeName || seen.has(tradeName.toLocaleLowerCase("nl"))) continue;
    seen.add(tradeName.toLocaleLowerCase("nl"));
    tradeNames.push(tradeName);
  }

  const sbi: SbiActivity[] = [];
  const activities = [...profile.sbiActiviteiten].sort(
    (a, b) => Number(b.indHoofdactiviteit === "Ja") - Number(a.indHoofdactiviteit === "Ja"),
  );
  for (const a of activities) {
    const code = a.sbiCode.trim();
    const description = clean(a.sbiOmschrijving);
    if (/^\d{2,6}$/.test(code) && description && !sbi.some((s) => s.code === code))
      sbi.push({ code, description });
  }

  const number = establishmentNumber(head?.vestigingsnummer);
  return {
    kvkNumber: profile.kvkNummer,
    name,
    tradeNames,
    ...profileAddress(head?.adressen.length ? head.adressen : (owner?.adressen ?? [])),
    kind: head ? "hoofdvestiging" : "rechtspersoon",
    establishmentNumber: number,
    sbi,
    website: clean(head?.websites[0]) ?? clean(owner?.websites[0]),
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP

interface Answer {
  status: number;
  /** Parsed JSON; undefined when the body was empty or not JSON. */
  json: unknown;
  isJson: boolean;
}

function errorCodes(body: unknown): string[] {
  const parsed = ErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.fout.map((f) => f.code) : [];
}

export function createKvkHttpRegistry(options: KvkHttpRegistryOptions): CompanyRegistry {
  const base = options.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const get = async (url: URL, signal: AbortSignal | undefined): Promise<Answer> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const failed = (error: unknown): never => {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted)
        throw new RegistryUnavailableError(
          "timeout",
          `The KvK register did not answer within ${timeoutMs} ms`,
          undefined,
          { cause: error },
        );
      throw new RegistryUnavailableError("network", "The KvK register cannot be reached", undefined, {
        cause: error,
      });
    };
    let response: Response;
    let body: string;
    try {
      response = await fetch(url, {
        headers: { apikey: options.apiKey, accept: "application/json" },
        signal: combined,
      });
      body = await response.text();
    } catch (error) {
      return failed(error);
    }
    try {
      return { status: response.status, json: body ? JSON.parse(body) : undefined, isJson: body !== "" };
    } catch {
      return { status: response.status, json: undefined, isJson: false };
    }
  };

  /** Turns the statuses every endpoint shares into errors; returns for the ones the caller handles. */
  const checkStatus = (answer: Answer, endpoint: string): void => {
    const { status } = answer;
    if (status === 401 || status === 403)
      throw new RegistryUnavailableError(
        "unauthorized",
        `The KvK register refused the API key (${status}) on ${endpoint}`,
        status,
      );
    if (status === 429)
      throw new RegistryUnavailableError("rate_limited", `The KvK register's rate limit is reached`, status);
    if (status >= 500)
      throw new RegistryUnavailableError(
        "server_error",
        `The KvK register failed (${status}) on ${endpoint}`,
        status,
      );
  };

  const unexpected = (answer: Answer, endpoint: string): RegistryUnavailableError =>
    new RegistryUnavailableError(
      "unexpected_status",
      `Unexpected answer ${answer.status} from the KvK register on ${endpoint}${
        errorCodes(answer.json).length ? ` (${errorCodes(answer.json).join(", ")})` : ""
      }`,
      answer.status,
    );

  const invalid = (endpoint: string, cause?: unknown): RegistryUnavailableError =>
    new RegistryUnavailableError(
      "invalid_response",
      `The KvK register's answer on ${endpoint} is not in the expected shape`,
      200,
      { cause },
    );

  return {
    source: "kvk",

    async search(query, requestOptions: RegistryRequestOptions = {}) {
      const q: ParsedRegistrySearchQuery = RegistryQuerySchema.parse(query);
      const url = new URL(`${base}/api/v2/zoeken`);
      if (q.name) url.searchParams.set("naam", q.name);
      if (q.city) url.searchParams.set("plaats", q.city);
      if (q.kvkNumber) url.searchParams.set("kvkNummer", q.kvkNumber);
      url.searchParams.set("pagina", "1");
      url.searchParams.set("resultatenPerPagina", String(RESULTS_PER_PAGE));

      const answer = await get(url, requestOptions.signal);
      checkStatus(answer, "Zoeken");
      if (answer.status === 404 && errorCodes(answer.json).includes(NO_RESULTS)) return [];
      if (answer.status !== 200) throw unexpected(answer, "Zoeken");
      if (!answer.isJson) throw invalid("Zoeken");
      const parsed = SearchResponseSchema.safeParse(answer.json);
      if (!parsed.success) throw invalid("Zoeken", parsed.error);
      return parsed.data.resultaten
        .map(searchResult)
        .filter((r): r is RegistryCompany => r !== null)
        .slice(0, RESULTS_PER_PAGE);
    },

    async profile(kvkNumber, requestOptions: RegistryRequestOptions = {}) {
      const number = kvkNumber.replace(/[\s.]/g, "");
      if (!/^\d{8}$/.test(number)) return null;
      const url = new URL(`${base}/api/v1/basisprofielen/${number}`);
      url.searchParams.set("geoData", "false");

      const answer = await get(url, requestOptions.signal);
      checkStatus(answer, "Basisprofiel");
      const codes = errorCodes(answer.json);
      if (
        (answer.status === 404 && codes.length > 0) ||
        (answer.status === 400 && codes.includes(INVALID_KVK_NUMBER)) ||
        codes.includes(NOT_DELIVERABLE)
      )
        return null;
      if (answer.status !== 200) throw unexpected(answer, "Basisprofiel");
      if (!answer.isJson) throw invalid("Basisprofiel");
      const parsed = ProfileSchema.safeParse(answer.json);
      if (!parsed.success) throw invalid("Basisprofiel", parsed.error);
      const company = profileResult(parsed.data);
      if (!company) throw invalid("Basisprofiel");
      return company;
    },
  };
}
