import { z } from "zod";
import { APPLICANT_SOURCES, type ApplicantListQuery } from "../../../contracts/applicants";

export const APPLICANT_PAGE_SIZE = 25;

/**
 * The applicants list's filters live in the address bar, so a link or a reload keeps them.
 * Anything malformed falls back to its default.
 */
export const ApplicantSearchSchema = z.object({
  q: z.string().trim().min(1).max(100).optional().catch(undefined),
  fase: z.string().uuid().optional().catch(undefined),
  bron: z.enum(APPLICANT_SOURCES).optional().catch(undefined),
  kanaal: z.string().trim().min(1).max(60).optional().catch(undefined),
  van: z.string().date().optional().catch(undefined),
  tot: z.string().date().optional().catch(undefined),
  /** Answers to the form's choice questions: "vraag:antwoord,vraag:antwoord". */
  antwoord: z
    .string()
    .regex(/^[a-z0-9_]{1,40}:[a-z0-9_]{1,40}(,[a-z0-9_]{1,40}:[a-z0-9_]{1,40}){0,19}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type ApplicantSearch = z.infer<typeof ApplicantSearchSchema>;

/** Drops empty and default values, so the address only says what differs. */
export function cleanApplicantSearch(search: ApplicantSearch): ApplicantSearch {
  const out: ApplicantSearch = {};
  if (search.q?.trim()) out.q = search.q.trim();
  if (search.fase) out.fase = search.fase;
  if (search.bron) out.bron = search.bron;
  if (search.kanaal) out.kanaal = search.kanaal;
  if (search.van) out.van = search.van;
  if (search.tot) out.tot = search.tot;
  if (search.antwoord) out.antwoord = search.antwoord;
  if (search.page && search.page > 1) out.page = search.page;
  return out;
}

/** A change of filter or search starts again at page 1. */
export function withApplicantFilter(
  search: ApplicantSearch,
  patch: Partial<ApplicantSearch>,
): ApplicantSearch {
  return cleanApplicantSearch({ ...search, ...patch, page: undefined });
}

/** What the API is asked for. */
export function toApplicantQuery(
  search: ApplicantSearch,
): Record<keyof ApplicantListQuery, string | number | undefined> {
  const clean = cleanApplicantSearch(search);
  return {
    q: clean.q,
    phase: clean.fase,
    source: clean.bron,
    channel: clean.kanaal,
    from: clean.van,
    to: clean.tot,
    answer: clean.antwoord,
    page: clean.page,
    pageSize: APPLICANT_PAGE_SIZE,
  };
}

/** The answer chosen for one question in the filter, if any. */
export function answerOf(search: ApplicantSearch, question: string): string | undefined {
  return search.antwoord
    ?.split(",")
    .map((pair) => pair.split(":"))
    .find(([key]) => key === question)?.[1];
}

/** The filter with one question's answer chosen (or cleared with undefined). */
export function withAnswer(
  search: ApplicantSearch,
  question: string,
  option: string | undefined,
): ApplicantSearch {
  const pairs = (search.antwoord?.split(",") ?? []).filter((pair) => pair.split(":")[0] !== question);
  if (option) pairs.push(`${question}:${option}`);
  return withApplicantFilter(search, { antwoord: pairs.length > 0 ? pairs.join(",") : undefined });
}
