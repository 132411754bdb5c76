/**
 * The Chamber of Commerce (KvK) company register behind one interface. HalloWerk adds an employer
 * by searching the register on name + place or KvK number, picking a result and saving it; this
 * module is the search and the look-up behind that.
 *
 * Two implementations:
 * - `kvk-http-registry.ts`: the real KvK APIs (Zoeken v2 and Basisprofiel v1) when KVK_API_KEY is set;
 * - `offline-registry.ts`: a bundled register of fictional companies (data/reference/
 *   company-register.json), so development, tests and the demo work without a key or network.
 *
 * When the real register cannot be reached, calls throw `RegistryUnavailableError`: the caller says
 * "the register cannot be reached; enter the employer by hand" and offers the manual form.
 */
import { z } from "zod";
import { createKvkHttpRegistry } from "./kvk-http-registry";
import { createOfflineRegistry } from "./offline-registry";

export const KVK_NUMBER_PATTERN = /^\d{8}$/;
/** Dutch postcode as the register gives it: four digits (no leading zero), a space, two capitals. */
export const POSTCODE_PATTERN = /^[1-9]\d{3} [A-Z]{2}$/;

export const REGISTRY_COMPANY_KINDS = ["hoofdvestiging", "nevenvestiging", "rechtspersoon"] as const;
export const RegistryCompanyKindSchema = z.enum(REGISTRY_COMPANY_KINDS);
export type RegistryCompanyKind = z.infer<typeof RegistryCompanyKindSchema>;

/** An economic activity (SBI, Standaard Bedrijfsindeling), main activity first. */
export const SbiActivitySchema = z.object({
  code: z.string().regex(/^\d{2,6}$/),
  description: z.string().min(1),
});
export type SbiActivity = z.infer<typeof SbiActivitySchema>;

/**
 * One registration as the register shows it: an establishment (head office or branch) or a legal
 * entity without one. Branches share the KvK number of their company and differ in establishment
 * number and address.
 */
export const RegistryCompanySchema = z.object({
  kvkNumber: z.string().regex(KVK_NUMBER_PATTERN),
  /** The name of the registration: for a B.V. or stichting its statutory name ("Van Dijk B.V."). */
  name: z.string().min(1),
  /** Other names the company trades under (the name itself is not repeated), in the register's order. */
  tradeNames: z.array(z.string().min(1)),
  /**
   * Visiting address. Any part may be null when the register does not give it: the real Zoeken API
   * leaves out postcode and house number unless they were searched on, a postbus address has no
   * street, and a legal entity without an establishment may have no address at all. `profile`
   * fills what the register has.
   */
  street: z.string().min(1).nullable(),
  /** House number with letter and addition: "12", "12A", "12-3". */
  houseNumber: z.string().min(1).nullable(),
  postcode: z.string().regex(POSTCODE_PATTERN).nullable(),
  city: z.string().min(1).nullable(),
  kind: RegistryCompanyKindSchema,
  /** Vestigingsnummer (12 digits); null for a legal entity without an establishment. */
  establishmentNumber: z
    .string()
    .regex(/^\d{12}$/)
    .nullable(),
  /** Activities, main activity first. Empty in search results of the real register (profile has them). */
  sbi: z.array(SbiActivitySchema),
  /** As registered ("www.example.nl"), not necessarily with a scheme. */
  website: z.string().min(1).nullable(),
});
export type RegistryCompany = z.infer<typeof RegistryCompanySchema>;

/** Empty or blank text counts as not given. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined));

/**
 * A search of the register: name, place and/or KvK number, at least one of them. A KvK number may
 * be typed with spaces or dots ("2741 2345"); it must then be exactly 8 digits.
 */
export const RegistryQuerySchema = z
  .object({
    name: optionalText(200).refine((s) => s === undefined || s.length >= 2, {
      message: "Give at least two characters of the name",
    }),
    city: optionalText(100),
    kvkNumber: z
      .string()
      .optional()
      .transform((s) => s?.replace(/[\s.]/g, "") || undefined)
      .refine((s) => s === undefined || KVK_NUMBER_PATTERN.test(s), {
        message: "A KvK number has exactly 8 digits",
      }),
  })
  .refine((q) => q.name !== undefined || q.city !== undefined || q.kvkNumber !== undefined, {
    message: "Give a name, a place or a KvK number",
  });
/** What callers pass to `search`. */
export type RegistrySearchQuery = z.input<typeof RegistryQuerySchema>;
/** The same after validation: trimmed, blanks dropped, KvK number compacted. */
export type ParsedRegistrySearchQuery = z.output<typeof RegistryQuerySchema>;

/**
 * The query for one search box plus an optional place: eight digits (spaces and dots allowed) are a
 * KvK number, anything else is a name.
 */
export function registryQueryFromText(text: string, city?: string): RegistrySearchQuery {
  const compact = text.replace(/[\s.]/g, "");
  if (KVK_NUMBER_PATTERN.test(compact)) return { kvkNumber: compact };
  return city === undefined ? { name: text } : { name: text, city };
}

export interface RegistryRequestOptions {
  /** Cancels the request (the caller went away); the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface CompanyRegistry {
  /** "kvk" for the real register, "offline" for the bundled fictional one. */
  readonly source: "kvk" | "offline";
  /**
   * Registrations matching the query, best first, at most 20. Throws a ZodError for an invalid query
   * (validate with `RegistryQuerySchema` first to report it as such) and `RegistryUnavailableError`
   * when the register cannot be reached. No match is an empty list.
   */
  search(query: RegistrySearchQuery, options?: RegistryRequestOptions): Promise<RegistryCompany[]>;
  /**
   * The company with this KvK number, with trade names, activities, website and the address of its
   * head office; null when there is none (or the number is not 8 digits).
   */
  profile(kvkNumber: string, options?: RegistryRequestOptions): Promise<RegistryCompany | null>;
}

export type RegistryUnavailableReason =
  /** No connection (DNS, refused, reset). */
  | "network"
  /** No answer within the time limit. */
  | "timeout"
  /** 401/403: the API key is wrong, expired or not allowed this API. */
  | "unauthorized"
  /** 429: the key's rate limit is used up. */
  | "rate_limited"
  /** 5xx. */
  | "server_error"
  /** Any other status we did not expect. */
  | "unexpected_status"
  /** The answer was not JSON or not in the register's shape. */
  | "invalid_response";

/**
 * The register cannot be used right now: network error, timeout, 5xx, or a key the register
 * refuses. The employer can still be entered by hand.
 */
export class RegistryUnavailableError extends Error {
  constructor(
    readonly reason: RegistryUnavailableReason,
    message: string,
    /** HTTP status of the answer, when there was one. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "RegistryUnavailableError";
  }
}

export interface CompanyRegistryEnv {
  /** Base URL of the KvK APIs; default https://api.kvk.nl (the test environment: https://api.kvk.nl/test). */
  KVK_API_URL?: string | undefined;
  /** API key from developers.kvk.nl; without one the offline register is used. */
  KVK_API_KEY?: string | undefined;
}

export interface CompanyRegistryOptions {
  /** Per-request time limit of the HTTP adapter; default 5 s. */
  timeoutMs?: number;
  /** The offline register's file; default data/reference/company-register.json. */
  registerFile?: URL | string;
}

export const DEFAULT_KVK_API_URL = "https://api.kvk.nl";

/** The real KvK register when KVK_API_KEY is set, otherwise the bundled offline register. */
export function createCompanyRegistry(
  env: CompanyRegistryEnv,
  options: CompanyRegistryOptions = {},
): CompanyRegistry {
  const apiKey = env.KVK_API_KEY?.trim();
  if (apiKey) {
    return createKvkHttpRegistry({
      baseUrl: env.KVK_API_URL?.trim() || DEFAULT_KVK_API_URL,
      apiKey,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
  }
  return createOfflineRegistry(options.registerFile === undefined ? {} : { file: options.registerFile });
}
