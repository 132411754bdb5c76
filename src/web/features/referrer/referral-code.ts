/*
 * An employee's personal link to a vacancy (`?ref=` on the job board) is kept for the length of
 * the visit, so that it still counts when the person signs in or registers before applying.
 */
const key = (vacancyId: string) => `werkbrug.ref.${vacancyId}`;
const CODE = /^[A-Za-z0-9_-]{8,64}$/;

export function rememberReferralCode(vacancyId: string, code: string | undefined): void {
  if (!code || !CODE.test(code)) return;
  try {
    window.sessionStorage.setItem(key(vacancyId), code);
  } catch {
    // Storage can be blocked; the application then simply does not count as referred.
  }
}

export function referralCodeFor(vacancyId: string): string | null {
  try {
    const code = window.sessionStorage.getItem(key(vacancyId));
    return code && CODE.test(code) ? code : null;
  } catch {
    return null;
  }
}
