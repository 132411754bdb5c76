import { useTranslation } from "react-i18next";
import type { Locale } from "../../../contracts/common";
import { currentLocale, setLocale } from "../../i18n";
import { type LanguageOption, LanguageSwitch } from "../../ui/language-switch";

// Each name in its own language: someone who cannot read the current one still finds theirs.
const OPTIONS: readonly LanguageOption<Locale>[] = [
  { value: "nl", short: "NL", name: "Nederlands" },
  { value: "en", short: "EN", name: "English" },
];

export function LanguageControl() {
  const { t } = useTranslation();
  return (
    <LanguageSwitch
      label={t("language.label")}
      options={OPTIONS}
      value={currentLocale()}
      onChange={(locale) => void setLocale(locale)}
    />
  );
}

export function useLocale(): Locale {
  // Subscribes to language changes; currentLocale() narrows i18next's string to our locales.
  useTranslation();
  return currentLocale();
}
