import { z } from "zod";

export const LOCALES = ["nl", "en"] as const;
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/**
 * The languages of the web app and of an account. German and French are for employer contact
 * persons (the employer's own staff, often abroad); everyone else reads Dutch or English. The API's
 * own messages (errors, field messages) come in these languages too (`MessageLocale` on the server);
 * content (`LocalizedText`) stays in `Locale` (nl/en).
 */
export const UI_LOCALES = ["nl", "en", "de", "fr"] as const;
export const UiLocaleSchema = z.enum(UI_LOCALES);
export type UiLocale = z.infer<typeof UiLocaleSchema>;
/** The languages only employer contact persons may choose. */
export const CONTACT_ONLY_LOCALES: readonly UiLocale[] = ["de", "fr"];

/** A stored or requested language as one of the UI languages; Dutch for anything else. */
export function uiLocaleOf(value: string | null | undefined): UiLocale {
  const language = value?.trim().toLowerCase().split(/[-_]/)[0];
  const parsed = UiLocaleSchema.safeParse(language);
  return parsed.success ? parsed.data : "nl";
}

/** A text in both UI languages; Dutch is the default. */
export const LocalizedTextSchema = z.object({ nl: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const FieldErrorSchema = z.object({
  /** Dotted path to the field, e.g. "address.postcode"; empty for the body as a whole. */
  path: z.string(),
  message: z.string(),
});

/** Every error the API returns has this shape, whatever the status. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(FieldErrorSchema).optional(),
    /** Where the thing the error is about lives (e.g. the employer already registered). */
    link: z.object({ href: z.string(), label: z.string() }).optional(),
  }),
  requestId: z.string(),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const HealthResponseSchema = z.object({
  status: z.literal("ok"),
  db: z.enum(["pglite", "postgres"]),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
