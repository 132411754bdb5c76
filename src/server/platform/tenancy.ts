// Tenant scopes are branded and minted by the caller: see scope.ts and decision 0014.

export type HostPortal = { kind: "national" } | { kind: "portal"; slug: string };

/**
 * Which portal a Host header asks for: the bare BASE_DOMAIN (and any host that is not under
 * it, such as an IP address or a custom domain yet to be mapped) is the national portal;
 * `<slug>.<BASE_DOMAIN>` is that portal.
 */
export function portalFromHost(hostHeader: string | undefined, baseDomain: string): HostPortal {
  if (!hostHeader) return { kind: "national" };
  const host = hostHeader.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  const base = baseDomain.toLowerCase();
  if (host === base || host === `www.${base}`) return { kind: "national" };
  if (host.endsWith(`.${base}`)) {
    const sub = host.slice(0, -(base.length + 1));
    return { kind: "portal", slug: sub };
  }
  return { kind: "national" };
}

export function portalUrl(publicUrl: string, slug: string | null): string {
  const url = new URL(publicUrl);
  if (slug) url.hostname = `${slug}.${url.hostname}`;
  return `${url.origin}/`;
}

/** What a mail needs of the portal it comes from, read with the mail's other facts. */
export interface MailPortal {
  portalSlug: string;
  portalParentId: string | null;
  portalNameNl: string;
  portalNameEn: string;
}

/** The address of the portal a mail links to (the national portal is the bare domain). */
export function mailPortalUrl(publicUrl: string, portal: MailPortal): string {
  return portalUrl(publicUrl, portal.portalParentId === null ? null : portal.portalSlug);
}

/** The portal's name in the mail's language (portal names exist in Dutch and English). */
export function mailPortalName(locale: string, portal: MailPortal): string {
  return locale === "nl" ? portal.portalNameNl : portal.portalNameEn;
}
