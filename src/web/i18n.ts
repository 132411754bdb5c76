import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { type Locale, LocaleSchema } from "../contracts/common";
import en from "./locales/en.json";
import nl from "./locales/nl.json";

type Tree = { [key: string]: string | Tree };

/**
 * Texts of a feature may live beside it in `features/<name>/locales/<lang>.json`, each under the
 * feature's own top-level key; they are merged over the shared files, so features added side by
 * side never edit the same file.
 */
const featureLocales = import.meta.glob<Tree>("./features/*/locales/*.json", {
  eager: true,
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
export function textsFor(locale: string, base: Tree): Tree {
  const texts: Tree = merge({}, base);
  for (const [file, tree] of Object.entries(featureLocales)) {
    if (file.endsWith(`/locales/${locale}.json`)) merge(texts, tree);
  }
  return texts;
}

export const LANGUAGE_STORAGE_KEY = "werkbrug.lang";
export const DEFAULT_LOCALE: Locale = "nl";

function storedLocale(): Locale {
  try {
    const parsed = LocaleSchema.safeParse(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
    return parsed.success ? parsed.data : DEFAULT_LOCALE;
  } catch {
    // Storage can be blocked (privacy mode, sandboxed iframe); the default language still works.
    return DEFAULT_LOCALE;
  }
}

export function currentLocale(): Locale {
  const parsed = LocaleSchema.safeParse(i18next.resolvedLanguage ?? i18next.language);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

export async function setLocale(locale: Locale): Promise<void> {
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

export const i18nReady = i18next.use(initReactI18next).init({
  resources: { nl: { translation: textsFor("nl", nl) }, en: { translation: textsFor("en", en) } },
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: ["nl", "en"],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };
