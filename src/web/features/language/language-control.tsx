import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { type Locale, type UiLocale, uiLocaleOf } from "../../../contracts/common";
import type { CurrentUser } from "../../../contracts/identity";
import { currentLocale, currentUiLocale, hasStoredLocale, setLocale } from "../../i18n";
import { type LanguageOption, LanguageSwitch } from "../../ui/language-switch";
import { meQuery } from "../account/me-query";
import { profileQuery, updateProfile } from "../settings/settings-api";

// Each name in its own language: someone who cannot read the current one still finds theirs.
const OPTIONS: readonly LanguageOption<UiLocale>[] = [
  { value: "nl", short: "NL", name: "Nederlands" },
  { value: "en", short: "EN", name: "English" },
  { value: "de", short: "DE", name: "Deutsch" },
  { value: "fr", short: "FR", name: "Français" },
];

const isContact = (user: CurrentUser | null | undefined) => user?.roles.includes("employer_contact") === true;

/**
 * The languages someone may pick: German and French are for employer contact persons, and for
 * whoever is not signed in yet while the screen is already German or French (a contact following
 * their invitation, resetting their password or signing in on their own device).
 */
export function languagesFor(user: CurrentUser | null | undefined, current: UiLocale): UiLocale[] {
  const all = OPTIONS.map((o) => o.value);
  if (isContact(user)) return all;
  if (!user && (current === "de" || current === "fr")) return all;
  return ["nl", "en"];
}

export function LanguageControl() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery);
  const user = me.data;
  const current = currentUiLocale();
  const allowed = languagesFor(user, current);
  useAccountLanguage(user);

  async function choose(locale: UiLocale) {
    await setLocale(locale);
    // Signed in, the choice is the account's too: mails and PDFs follow it, and the next sign-in.
    if (user) {
      const saved = await updateProfile({ locale }).catch(() => null);
      if (saved) queryClient.setQueryData(profileQuery.queryKey, saved);
    }
  }

  return (
    <LanguageSwitch
      label={t("language.label")}
      options={OPTIONS.filter((o) => allowed.includes(o.value))}
      value={current}
      onChange={(locale) => void choose(locale)}
    />
  );
}

/**
 * Signing in switches the screen to the account's language; so does opening the app signed in on
 * a device that has no language stored. A choice made on this device (stored) otherwise stays.
 */
function useAccountLanguage(user: CurrentUser | null | undefined) {
  const previous = useRef<CurrentUser | null | undefined>(undefined);
  useEffect(() => {
    if (user === undefined) return;
    const before = previous.current;
    previous.current = user;
    if (!user) return;
    const current = currentUiLocale();
    const signedInNow = before === null;
    const firstLoad = before === undefined;
    const account = uiLocaleOf(user.locale);
    // German and French only for contacts (one whose access ended reads English).
    const wanted = !isContact(user) && (account === "de" || account === "fr") ? "en" : account;
    const mayNotRead = !isContact(user) && (current === "de" || current === "fr");
    const apply = signedInNow || mayNotRead || (firstLoad && !hasStoredLocale());
    if (apply && wanted !== current) void setLocale(wanted);
  }, [user]);
}

/** The language of content the server keeps in Dutch and English (de/fr readers get English). */
export function useLocale(): Locale {
  // Subscribes to language changes; currentLocale() narrows i18next's string to our locales.
  useTranslation();
  return currentLocale();
}

/** The screen's language: nl, en, or de/fr for employer contact persons. */
export function useUiLocale(): UiLocale {
  useTranslation();
  return currentUiLocale();
}
