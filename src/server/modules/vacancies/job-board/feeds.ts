/**
 * Machine-readable views of a portal's open job board: RSS 2.0, the XML feed job sites and
 * multiposting partners read (Indeed's field names), the sitemap and robots.txt. Pure string
 * builders; the links carry `utm_source` so a visit from a feed is counted per source.
 */
import { getPlace } from "../../taxonomy";
import { hoursText, KIND_LABELS, salaryText } from "./job-board.html";
import type { PublicVacancy, SitemapEntry } from "./job-board.repository";
import {
  descriptionHtml,
  educationLabel,
  employmentTypes,
  escapeHtml,
  occupationLabel,
  startOfDayAmsterdam,
  stripInvalidXml,
  vacancyPath,
} from "./job-posting";

/** Text content of an XML element or attribute. */
export function xmlText(text: string): string {
  return escapeHtml(stripInvalidXml(text));
}

/** A CDATA section; "]]>" inside is split over two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${stripInvalidXml(text).replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** Absolute URL of a vacancy page on a portal, optionally tagged with its source. */
export function vacancyUrl(
  baseUrl: string,
  vacancy: { id: string; displayTitle: string },
  source?: string,
): string {
  const url = new URL(vacancyPath(vacancy), baseUrl);
  if (source) url.searchParams.set("utm_source", source);
  return url.toString();
}

const rfc822 = (date: Date) => date.toUTCString();

export interface FeedPortal {
  /** Display name, e.g. "Werkbrug Haaglanden". */
  name: string;
  /** Absolute base URL, ending in "/". */
  url: string;
}

/** RSS 2.0 of the newest vacancies; links carry utm_source=rss. */
export function rssFeed(portal: FeedPortal, items: readonly PublicVacancy[], now: Date): string {
  const listUrl = new URL("/vacatures", portal.url).toString();
  const selfUrl = new URL("/feeds/vacancies.rss", portal.url).toString();
  const entries = items.map((v) => {
    const intro = [v.organisationName, v.city, hoursText(v, "nl")].filter((s): s is string => !!s);
    const html = `<p>${intro.map(escapeHtml).join(" · ")}</p>${descriptionHtml(v.description)}`;
    return `<item>
<title>${xmlText(v.displayTitle)}</title>
<link>${xmlText(vacancyUrl(portal.url, v, "rss"))}</link>
<guid isPermaLink="false">${xmlText(v.id)}</guid>
<pubDate>${rfc822(startOfDayAmsterdam(v.publishPublicFrom))}</pubDate>
<description>${xmlText(html)}</description>
<category>${xmlText(KIND_LABELS[v.kind].nl)}</category>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xmlText(`Vacatures – ${portal.name}`)}</title>
<link>${xmlText(listUrl)}</link>
<description>${xmlText(`De nieuwste openbare vacatures op ${portal.name}.`)}</description>
<language>nl</language>
<lastBuildDate>${rfc822(now)}</lastBuildDate>
<generator>Werkbrug</generator>
<atom:link href="${xmlText(selfUrl)}" rel="self" type="application/rss+xml"/>
${entries.join("\n")}
</channel>
</rss>
`;
}

const JOB_TYPES = {
  FULL_TIME: "fulltime",
  PART_TIME: "parttime",
  INTERN: "internship",
  TEMPORARY: "temporary",
  VOLUNTEER: "volunteer",
} as const;

/**
 * The XML feed for job sites and multiposting (Indeed's format): one <job> per vacancy, its
 * url tagged with the site's name so clicks are counted per site.
 */
export function jobSiteFeed(
  portal: FeedPortal,
  source: string,
  items: readonly PublicVacancy[],
  now: Date,
): string {
  const jobs = items.map((v) => {
    const place = v.placeId ? getPlace(v.placeId) : undefined;
    const street = [v.street, v.houseNumber].filter((s) => s?.trim()).join(" ");
    const fields: [string, string | null][] = [
      ["title", v.displayTitle],
      ["date", rfc822(startOfDayAmsterdam(v.publishPublicFrom))],
      ["referencenumber", v.id],
      ["url", vacancyUrl(portal.url, v, source)],
      ["company", v.organisationName],
      ["streetaddress", street || null],
      ["city", v.city],
      ["postalcode", v.postcode],
      ["country", place?.country ?? "NL"],
      ["description", descriptionHtml(v.description)],
      ["salary", salaryText(v, "nl")],
      [
        "jobtype",
        employmentTypes(v)
          .map((t) => JOB_TYPES[t])
          .join(", ") || null,
      ],
      ["category", occupationLabel(v.occupationId, "nl") ?? v.functionTitle],
      ["education", educationLabel(v.educationLevel, "nl")],
      ["expirationdate", v.closesOn],
    ];
    const body = fields
      .filter((f): f is [string, string] => f[1] !== null && f[1] !== "")
      .map(([name, value]) => `<${name}>${cdata(value)}</${name}>`)
      .join("\n");
    return `<job>\n${body}\n</job>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<source>
<publisher>${xmlText(portal.name)}</publisher>
<publisherurl>${xmlText(portal.url)}</publisherurl>
<lastBuildDate>${rfc822(now)}</lastBuildDate>
${jobs.join("\n")}
</source>
`;
}

/** The sitemap: the board's list page and every vacancy page, with when each last changed. */
export function sitemapXml(portal: FeedPortal, entries: readonly SitemapEntry[]): string {
  const lastmod = (e: SitemapEntry) => {
    // Appearing on the board is a change too, even when the row itself was edited earlier.
    const published = startOfDayAmsterdam(e.publishPublicFrom);
    return (e.updatedAt > published ? e.updatedAt : published).toISOString();
  };
  const newest = entries.map(lastmod).sort().at(-1);
  const urls = [
    { loc: new URL("/vacatures", portal.url).toString(), lastmod: newest },
    ...entries.map((e) => ({ loc: vacancyUrl(portal.url, e), lastmod: lastmod(e) })),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls
  .map((u) => `<url><loc>${xmlText(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ""}</url>`)
  .join("\n")}
</urlset>
`;
}

/**
 * robots.txt of a portal: everything but the API, personal pages and the apply clicks (a crawler
 * following "Solliciteren" would count as a click), and where the sitemap is.
 */
export function robotsTxt(portal: FeedPortal | null): string {
  if (!portal) return "User-agent: *\nDisallow: /\n";
  return `User-agent: *
Disallow: /api/
Disallow: /instellingen
Disallow: /vacatures/*/solliciteren

Sitemap: ${new URL("/sitemap.xml", portal.url).toString()}
`;
}
