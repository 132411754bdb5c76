import { z } from "zod";

/**
 * The candidate explorer (HalloWerk "Kandidaten verkenner"): a search bar that recognises terms
 * as you type (chips), a place with a radius, filters by category with counts, and results
 * ranked best match first, each with a line that says why.
 */

/** Filter categories in the manual's order ("Kandidaten filteren"). OR inside one, AND across. */
export const FILTER_CATEGORIES = [
  "level",
  "education",
  "licence",
  "transport",
  "certificate",
  "targetGroup",
  "capacity",
  "language",
  "hours",
  "days",
  "dayparts",
  "workType",
  "contact",
  "updated",
] as const;
export const FilterCategorySchema = z.enum(FILTER_CATEGORIES);
export type FilterCategory = z.infer<typeof FilterCategorySchema>;

/** Options of the "Beschikbaarheid" category: hour bands a candidate's min–max range overlaps. */
export const HOURS_OPTIONS = ["0-16", "16-24", "24-32", "32-40", "fulltime", "parttime"] as const;
/** Options of "Laatste wijziging": profile changed within this many days. */
export const UPDATED_OPTIONS = { week: 7, month: 30, quarter: 91, halfYear: 182, year: 365 } as const;
export type UpdatedOption = keyof typeof UPDATED_OPTIONS;

/**
 * What a suggestion recognises (manual: "Automatische suggesties"). Occupations and occupation
 * groups steer the ranking; every other kind is a filter of the category it names.
 */
export const CHIP_KINDS = [
  "occupation",
  "occupationGroup",
  "education",
  "level",
  "language",
  "licence",
  "capacity",
  "targetGroup",
  "certificate",
  "hours",
  "workType",
] as const;
export const ChipKindSchema = z.enum(CHIP_KINDS);
export type ChipKind = z.infer<typeof ChipKindSchema>;

/** The filter category a non-occupation chip filters on. */
export const CHIP_CATEGORY: Record<Exclude<ChipKind, "occupation" | "occupationGroup">, FilterCategory> = {
  education: "education",
  level: "level",
  language: "language",
  licence: "licence",
  capacity: "capacity",
  targetGroup: "targetGroup",
  certificate: "certificate",
  hours: "hours",
  workType: "workType",
};

export const RADII_KM = [5, 10, 25, 50, 100] as const;

/** Longest search text; longer input is refused, never silently cut. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many free-text words take part in a search. */
export const MAX_QUERY_WORDS = 8;
export const MAX_CHIPS = 12;
export const PAGE_SIZE = 20;
/** Deepest page: best-match ranking past 2,000 candidates helps nobody; refine instead. */
export const MAX_PAGE = 100;

const id = z.string().trim().min(1).max(80);

export const ChipSchema = z.object({ kind: ChipKindSchema, id });
export type Chip = z.infer<typeof ChipSchema>;

export const SuggestQuerySchema = z.object({ q: z.string().max(MAX_QUERY_LENGTH) });
export const SuggestionSchema = z.object({
  kind: ChipKindSchema,
  id: z.string(),
  label: z.string(),
  /** The recognised words of the query this suggestion replaces. */
  matched: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;
export const SuggestResponseSchema = z.object({ suggestions: z.array(SuggestionSchema) });
export type SuggestResponse = z.infer<typeof SuggestResponseSchema>;

/**
 * A whole typed sentence, split (Enter in the search bar): the recognised parts as chips in the
 * order typed, and the words left over as free text.
 */
export const RecogniseQuerySchema = z.object({ q: z.string().max(MAX_QUERY_LENGTH) });
export const RecogniseResponseSchema = z.object({
  chips: z.array(SuggestionSchema),
  /** The words not recognised, as typed and in their order. */
  text: z.string(),
});
export type RecogniseResponse = z.infer<typeof RecogniseResponseSchema>;

export const ExplorerFiltersSchema = z.partialRecord(FilterCategorySchema, z.array(id).max(50));
export type ExplorerFilters = z.infer<typeof ExplorerFiltersSchema>;

export const ExplorerSearchRequestSchema = z.object({
  /** Words not taken as a suggestion: full-text search over the profile. */
  q: z.string().max(MAX_QUERY_LENGTH).default(""),
  chips: z.array(ChipSchema).max(MAX_CHIPS).default([]),
  /** A place id from the reference data (or a postcode's place); absent = the whole country. */
  placeId: id.optional(),
  /** Absent with a place: the whole country, ranked by distance. */
  radiusKm: z
    .number()
    .int()
    .refine((r) => (RADII_KM as readonly number[]).includes(r), { message: "radius_invalid" })
    .optional(),
  filters: ExplorerFiltersSchema.default({}),
  page: z.number().int().min(1).default(1),
});
export type ExplorerSearchRequest = z.input<typeof ExplorerSearchRequestSchema>;

/** Why a candidate ranks where it does; the `reason` line says the same in words. */
export const ExplanationSchema = z.object({
  occupation: z
    .object({ id: z.string(), label: z.string(), match: z.enum(["exact", "related", "text"]) })
    .nullable(),
  distanceKm: z.number().nullable(),
  matchedFilters: z.array(z.object({ category: FilterCategorySchema, id: z.string(), label: z.string() })),
  words: z.array(z.string()),
  updatedDaysAgo: z.number().int(),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

export const ExplorerHitSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  headline: z.string(),
  city: z.string().nullable(),
  photoUrl: z.string().nullable(),
  favourite: z.boolean(),
  explanation: ExplanationSchema,
  reason: z.string(),
});
export type ExplorerHit = z.infer<typeof ExplorerHitSchema>;

export const FacetOptionSchema = z.object({ id: z.string(), label: z.string(), count: z.number().int() });
export const FacetSchema = z.object({
  category: FilterCategorySchema,
  label: z.string(),
  options: z.array(FacetOptionSchema),
});
export type Facet = z.infer<typeof FacetSchema>;

export const ExplorerSearchResponseSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  hits: z.array(ExplorerHitSchema),
  facets: z.array(FacetSchema),
  /**
   * Options ticked and chips of a filter kind (a chip and the option it selects count once);
   * occupations and groups steer the ranking and are not counted.
   */
  activeFilterCount: z.number().int(),
  /** Set when the page is empty for a reason worth saying (past the last page, nothing found). */
  message: z.string().nullable(),
  /** The place searched from, for the search bar. */
  place: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type ExplorerSearchResponse = z.infer<typeof ExplorerSearchResponseSchema>;

/** "Zoek kandidaten" from a vacancy: the search the explorer starts with. */
export const VacancySearchResponseSchema = z.object({
  chips: z.array(SuggestionSchema),
  placeId: z.string().nullable(),
  placeName: z.string().nullable(),
  radiusKm: z.number().int().nullable(),
  filters: ExplorerFiltersSchema,
});
export type VacancySearchResponse = z.infer<typeof VacancySearchResponseSchema>;

/** For account managers: the vacancies that fit a candidate best. */
export const VacancyMatchSchema = z.object({
  id: z.string().uuid(),
  title: z.string(),
  organisationName: z.string(),
  city: z.string().nullable(),
  distanceKm: z.number().nullable(),
  reason: z.string(),
});
export const VacancyMatchesResponseSchema = z.object({ vacancies: z.array(VacancyMatchSchema) });
export type VacancyMatchesResponse = z.infer<typeof VacancyMatchesResponseSchema>;
