import type { Locale } from "../../../contracts/common";
import { dateTimeFormat as intlDateTime } from "../../../contracts/intl";
import { intlLocale } from "../../i18n";

export function dateTimeFormat(locale: Locale): Intl.DateTimeFormat {
  return intlDateTime(intlLocale(locale), {
    dateStyle: "medium",
    timeStyle: "short",
  });
}

export function dateFormat(locale: Locale): Intl.DateTimeFormat {
  return intlDateTime(intlLocale(locale), { dateStyle: "medium" });
}
