import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { type Locale, type UiLocale, UiLocaleSchema } from "../contracts/common";
import en from "./locales/en.json";
import nl from "./locales/nl.json";

type Tree = { [key: string]: string | Tree };

/**
 * Texts of a feature may live beside it in `features/<name>/locales/<lang>.json`, each under the
 * feature's own top-level key; they are merged over the shared files, so features added side by
 * side never edit the same file. Dutch and English come with the app; German and French (for
 * employer contact persons) are fetched when someone chooses them.
 */
const featureLocales = import.meta.glob<Tree>("./features/*/locales/{nl,en}.json", {
  eager: true,
  import: "default",
});
const lazyFeatureLocales = import.meta.glob<Tree>("./features/*/locales/{de,fr}.json", {
  import: "default",
});

function merge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] =
      typeof value === "object" && typeof existing === "object" ? merge({ ...existing }, value) : value;
  }
  return into;
}

/** The texts of one language: the shared file with every feature's own merged over it. */
export function textsFor(locale: string, base: Tree, features: Record<string, Tree> = featureLocales): Tree {
  const texts: Tree = merge({}, base);
  for (const [file, tree] of Object.entries(features)) {
    if (file.endsWith(`/locales/${locale}.json`)) merge(texts, tree);
  }
  return texts;
}

/** The shared file and the features' files of a language that is not bundled (de, fr). */
async function fetchTexts(locale: "de" | "fr"): Promise<Tree> {
  const base = (locale === "de" ? await import("./locales/de.json") : await import("./locales/fr.json"))
    .default as Tree;
  const features: Record<string, Tree> = {};
  await Promise.all(
    Object.entries(lazyFeatureLocales)
      .filter(([file]) => file.endsWith(`/locales/${locale}.json`))
      .map(async ([file, load]) => {
        features[file] = await load();
      }),
  );
  return textsFor(locale, base, features);
}

export const LANGUAGE_STORAGE_KEY = "werkbrug.lang";
export const DEFAULT_LOCALE: Locale = "nl";
/** German and French, for employer contact persons: loaded on demand. */
const LAZY_LOCALES: readonly UiLocale[] = ["de", "fr"];

function storedLocale(): UiLocale {
  try {
    const parsed = UiLocaleSchema.safeParse(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
    return parsed.success ? parsed.data : DEFAULT_LOCALE;
  } catch {
    // Storage can be blocked (privacy mode, sandboxed iframe); the default language still works.
    return DEFAULT_LOCALE;
  }
}

/** The language the screen is in: nl, en, or de/fr for employer contact persons. */
export function currentUiLocale(): UiLocale {
  const parsed = UiLocaleSchema.safeParse(i18next.resolvedLanguage ?? i18next.language);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

/**
 * The language of content the server keeps in Dutch and English (portal names, labels, API
 * messages): a German or French reader gets English.
 */
export function currentLocale(): Locale {
  const ui = currentUiLocale();
  return ui === "nl" ? "nl" : "en";
}

const INTL_LOCALES: Record<UiLocale, string> = { nl: "nl-NL", en: "en-GB", de: "de-DE", fr: "fr-FR" };

/**
 * The BCP 47 tag for dates and numbers: in `locale` (what the caller formats for, nl or en), but a
 * German or French screen formats German or French (de-DE, fr-FR) whatever the caller passes.
 */
export function intlLocale(locale?: UiLocale): string {
  const ui = currentUiLocale();
  return INTL_LOCALES[ui === "de" || ui === "fr" ? ui : (locale ?? ui)];
}

/** What the API is asked for: a German or French reader gets its messages in English. */
export function acceptLanguage(): string {
  const ui = currentUiLocale();
  return ui === "nl" || ui === "en" ? ui : `${ui}, en;q=0.9`;
}

/** Makes sure a language's texts are there (German and French come on demand). */
export async function loadLocale(locale: UiLocale): Promise<void> {
  if (locale !== "de" && locale !== "fr") return;
  if (i18next.hasResourceBundle(locale, "translation")) return;
  i18next.addResourceBundle(locale, "translation", await fetchTexts(locale), true, true);
}

/** Whether someone chose a language on this device before (the account's then does not override it). */
export function hasStoredLocale(): boolean {
  try {
    return UiLocaleSchema.safeParse(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).success;
  } catch {
    return false;
  }
}

export async function setLocale(locale: UiLocale): Promise<void> {
  await loadLocale(locale);
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, locale);
  } catch {
    // Not persisting is acceptable; the switch still applies to this page view.
  }
  await i18next.changeLanguage(locale);
}

i18next.on("languageChanged", (lng) => {
  // Screen readers pick their pronunciation from <html lang>, so it must follow the UI language.
  document.documentElement.lang = lng;
});

// A language chosen in another tab of this portal applies here too: one person, one language,
// however many tabs they have open (the browser tells other tabs of a localStorage change).
window.addEventListener("storage", (event) => {
  if (event.key !== LANGUAGE_STORAGE_KEY) return;
  const chosen = UiLocaleSchema.safeParse(event.newValue);
  if (!chosen.success || chosen.data === currentUiLocale()) return;
  void loadLocale(chosen.data)
    .then(() => i18next.changeLanguage(chosen.data))
    .catch(() => undefined);
});

const initial = storedLocale();

export const i18nReady = i18next
  .use(initReactI18next)
  .init({
    resources: { nl: { translation: textsFor("nl", nl) }, en: { translation: textsFor("en", en) } },
    // German and French start in Dutch for the moment it takes to fetch them.
    lng: LAZY_LOCALES.includes(initial) ? DEFAULT_LOCALE : initial,
    fallbackLng: { de: ["en", "nl"], fr: ["en", "nl"], default: [DEFAULT_LOCALE] },
    supportedLngs: ["nl", "en", "de", "fr"],
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(async () => {
    if (LAZY_LOCALES.includes(initial)) {
      await loadLocale(initial).catch(() => undefined);
      if (i18next.hasResourceBundle(initial, "translation")) await i18next.changeLanguage(initial);
    }
  });

export { i18next };
