/*
 * Where a person came from (`utm_source` of the job site whose link they followed, carried by the
 * job board's apply click to the vacancy's page) is kept for the length of the visit, so that the
 * application counts for that site even when they sign in or register first.
 */
const key = (vacancyId: string) => `werkbrug.source.${vacancyId}`;
const SOURCE = /^[a-z0-9._-]{1,60}$/;

export function rememberSource(vacancyId: string, source: string | undefined): void {
  const value = source?.trim().toLowerCase();
  if (!value || !SOURCE.test(value)) return;
  try {
    window.sessionStorage.setItem(key(vacancyId), value);
  } catch {
    // Storage can be blocked; the application then counts as direct.
  }
}

export function sourceFor(vacancyId: string): string | null {
  try {
    const value = window.sessionStorage.getItem(key(vacancyId));
    return value && SOURCE.test(value) ? value : null;
  } catch {
    return null;
  }
}
