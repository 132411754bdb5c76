import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { type Locale, LocaleSchema } from "../contracts/common";
import en from "./locales/en.json";
import nl from "./locales/nl.json";

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
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: ["nl", "en"],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };
