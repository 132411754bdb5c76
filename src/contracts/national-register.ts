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

/** Whether the value is a national register number whose check digits are right (either century). */
export function isValidNationalRegisterNumber(value: string): boolean {
  const digits = nationalRegisterDigits(value);
  if (!digits) return false;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return 97 - (base % 97) === check || 97 - ((2_000_000_000 + base) % 97) === check;
}

/** The usual written form, 85.07.30-033.28; the value itself when it is not 11 digits. */
export function formatNationalRegisterNumber(value: string): string {
  const d = nationalRegisterDigits(value);
  if (!d) return value;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;
}
