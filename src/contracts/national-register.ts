/**
 * The Belgian national register number ("rijksregisternummer", YYMMDD SSS CC): 11 digits whose
 * last two are a check on the first nine, 97 - (n mod 97); for people born from 2000 on, n is
 * 2 followed by the nine digits (2000000000 + n). Written as 85.07.30-033.28 or 85073003328.
 */

/** The 11 digits of a number written with or without dots, dashes and spaces; null when it is not 11 digits. */
export function nationalRegisterDigits(value: string): string | null {
  const digits = value.replace(/[\s./-]/g, "");
  return /^\d{11}$/.test(digits) ? digits : null;
}

/** The century of birth whose check digits fit the 11 digits (2000 first), or null when neither does. */
function centuryOf(digits: string): 1900 | 2000 | null {
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  if (97 - ((2_000_000_000 + base) % 97) === check) return 2000;
  if (97 - (base % 97) === check) return 1900;
  return null;
}

/** Whether the value is a national register number whose check digits are right (either century). */
export function isValidNationalRegisterNumber(value: string): boolean {
  const digits = nationalRegisterDigits(value);
  return digits !== null && centuryOf(digits) !== null;
}

/**
 * The date of birth in a national register number (YYMMDD): the century is the one whose check
 * digits fit (2000 and later: 2 before the nine digits). Null when the month or day is not known
 * (00, as for some people registered without a full birth date) or the number is not one.
 */
export function birthDateFromNationalRegisterNumber(value: string): string | null {
  const d = nationalRegisterDigits(value);
  if (!d) return null;
  const century = centuryOf(d) ?? 1900;
  const year = century + Number(d.slice(0, 2));
  const month = Number(d.slice(2, 4));
  const day = Number(d.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** The usual written form, 85.07.30-033.28; the value itself when it is not 11 digits. */
export function formatNationalRegisterNumber(value: string): string {
  const d = nationalRegisterDigits(value);
  if (!d) return value;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;
}
