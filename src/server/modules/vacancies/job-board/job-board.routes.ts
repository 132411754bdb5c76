import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Locale, LocaleSchema } from "../../../../contracts/common";
import { VacancyKindSchema } from "../../../../contracts/vacancies";
import { AppError } from "../../../platform/errors";
import { negotiateLocale } from "../../../platform/i18n";
import { publicScope } from "../../../platform/scope";
import type { Store } from "../../../platform/store";
import { portalUrl } from "../../../platform/tenancy";
import { findPlaceByName, getEducationLevels, searchPlaces } from "../../taxonomy";
import { todayIn } from "../publication";
import { jobSiteFeed, robotsTxt, rssFeed, sitemapXml } from "./feeds";
import {
  DEFAULT_DISTANCE_KM,
  DISTANCES_KM,
  jsonLdScript,
  type ListFormValues,
  listMain,
  notFoundMain,
  type PageFrame,
  type PortalBrand,
  page,
  texts,
  vacancyMain,
} from "./job-board.html";
import { type Board, type BoardFilters, jobBoardRepository } from "./job-board.repository";
import { buildJobPosting, parseIdSlug, slugify, summarise, vacancyPath } from "./job-posting";

export interface JobBoardDeps {
  store: Store;
  /** PUBLIC_URL: where the national portal lives (for the unknown-portal page). */
  publicUrl: string;
  /** The clock; tests may pin it. */
  now?: () => Date;
}

export const PAGE_SIZE = 20;
const FEED_LIMIT = 200;
const FEED_CACHE = "public, max-age=300";
const SOURCE = /^[a-z0-9._-]{1,60}$/;

/** A form value: blank means "not given"; anything malformed is ignored rather than refused. */
const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.string().max(max).optional(),
  );
const int = (min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    z.coerce.number().int().min(min).max(max).optional(),
  );

const ListQuerySchema = z.object({
  q: text(200).catch(undefined),
  soort: VacancyKindSchema.optional().catch(undefined),
  opleiding: text(40).catch(undefined),
  uren_min: int(0, 60).catch(undefined),
  uren_max: int(0, 60).catch(undefined),
  plaats: text(80).catch(undefined),
  afstand: int(1, 500).catch(undefined),
  pagina: int(1, 10_000).catch(undefined),
  lang: LocaleSchema.optional().catch(undefined),
});

const FeedQuerySchema = z.object({
  source: z.string().regex(SOURCE),
});

type Portal = NonNullable<FastifyRequest["portal"]>;

function boardOf(portal: Portal): Board {
  return { portalId: portal.row.id, national: portal.row.parentId === null };
}

function brandOf(portal: Portal, locale: Locale): PortalBrand {
  return {
    name: portal.portal.name[locale],
    primaryColor: portal.portal.primaryColor,
    url: portal.portal.url,
  };
}

/** The language chosen in the address (?lang=en), which links then carry along. */
function langParamOf(request: FastifyRequest): Locale | null {
  const parsed = LocaleSchema.safeParse((request.query as Record<string, unknown> | undefined)?.lang);
  return parsed.success ? parsed.data : null;
}

function localeOf(request: FastifyRequest): Locale {
  return langParamOf(request) ?? negotiateLocale(request.headers["accept-language"]);
}

/** path?query from parameters, leaving out empty ones. */
function href(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") search.set(k, String(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

function queryStringOf(request: FastifyRequest): string {
  const at = request.url.indexOf("?");
  return at < 0 ? "" : request.url.slice(at);
}

/** utm_source as a click-report source: lower case, a short token, else "direct". */
export function viewSource(value: unknown): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string") return "direct";
  const source = raw.trim().toLowerCase();
  return SOURCE.test(source) ? source : "direct";
}

/** An employee's personal link (referral portal), when the address has a plausible one. */
function referralCodeOf(query: Record<string, unknown>): string | null {
  return typeof query.ref === "string" && /^[A-Za-z0-9_-]{8,64}$/.test(query.ref) ? query.ref : null;
}

/**
 * The feed of an external job site (the channels module's multiposter): the vacancies posted
 * to it that are on this portal's board today, each link tagged with the site's code.
 */
export async function jobSiteFeedOf(
  store: Store,
  portal: Portal,
  source: string,
  vacancyIds: readonly string[],
  now: Date,
): Promise<string> {
  const items = await store
    .bind(publicScope, jobBoardRepository)
    .latest(boardOf(portal), todayIn(now), FEED_LIMIT, vacancyIds);
  return jobSiteFeed(brandOf(portal, "nl"), source, items, now);
}

function sendHtml(reply: FastifyReply, status: number, locale: Locale, html: string): FastifyReply {
  return reply
    .code(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("content-language", locale)
    .header("vary", "accept-language")
    .send(html);
}

export async function jobBoardRoutes(app: FastifyInstance, deps: JobBoardDeps): Promise<void> {
  const repo = deps.store.bind(publicScope, jobBoardRepository);
  const now = deps.now ?? (() => new Date());
  const nationalUrl = portalUrl(deps.publicUrl, null);
  const r = app.withTypeProvider<ZodTypeProvider>();

  function notFound(request: FastifyRequest, reply: FastifyReply, kind: "vacancy" | "portal") {
    const locale = localeOf(request);
    const langParam = langParamOf(request);
    const t = texts(locale);
    const portal = request.portal;
    const listHref = href("/vacatures", { lang: langParam });
    const frame: PageFrame = {
      locale,
      portal: portal ? brandOf(portal, locale) : null,
      title: `${kind === "portal" ? t.portalNotFoundTitle : t.notFoundTitle} – ${portal?.portal.name[locale] ?? "Werkbrug"}`,
      description: kind === "portal" ? t.portalNotFoundText : t.notFoundText,
      canonical: null,
      languages: null,
      listHref,
    };
    return sendHtml(reply, 404, locale, page(frame, notFoundMain(locale, kind, { listHref, nationalUrl })));
  }

  r.get("/vacatures", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
    if (!request.portal) return notFound(request, reply, "portal");
    const portal = request.portal;
    const locale = localeOf(request);
    const t = texts(locale);
    const query = ListQuerySchema.parse(request.query ?? {});
    const langParam = query.lang ?? null;
    const education = getEducationLevels().some((l) => l.id === query.opleiding)
      ? query.opleiding
      : undefined;
    const distance = (DISTANCES_KM as readonly number[]).includes(query.afstand ?? -1)
      ? query.afstand!
      : DEFAULT_DISTANCE_KM;
    const place = query.plaats
      ? (findPlaceByName(query.plaats) ?? searchPlaces(query.plaats, { limit: 1 })[0])
      : undefined;
    const pageNumber = query.pagina ?? 1;
    const filters: BoardFilters = {
      q: query.q,
      kind: query.soort,
      educationLevel: education,
      hoursMin: query.uren_min,
      hoursMax: query.uren_max,
      near: place ? { lat: place.lat, lon: place.lon, km: distance } : undefined,
    };
    const { rows, total } = await repo.search(boardOf(portal), todayIn(now()), filters, {
      limit: PAGE_SIZE,
      offset: (pageNumber - 1) * PAGE_SIZE,
    });
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const form: ListFormValues = {
      q: query.q ?? "",
      kind: query.soort ?? "",
      education: education ?? "",
      hoursMin: query.uren_min?.toString() ?? "",
      hoursMax: query.uren_max?.toString() ?? "",
      place: query.plaats ?? "",
      distance: String(distance),
      lang: langParam,
    };
    const filterParams = {
      q: form.q,
      soort: form.kind,
      opleiding: form.education,
      uren_min: form.hoursMin,
      uren_max: form.hoursMax,
      plaats: form.place,
      afstand: form.place ? form.distance : null,
    };
    const filtered = Object.values(filterParams).some((v) => v !== null && v !== "");
    const pageHref = (p: number) =>
      href("/vacatures", { ...filterParams, pagina: p > 1 ? p : null, lang: langParam });
    const selfParams = { ...filterParams, pagina: pageNumber > 1 ? pageNumber : null };
    const brand = brandOf(portal, locale);
    const listHref = href("/vacatures", { lang: langParam });
    const canonicalPath = href("/vacatures", {
      pagina: !filtered && pageNumber > 1 ? pageNumber : null,
      lang: langParam === "en" ? "en" : null,
    });
    const frame: PageFrame = {
      locale,
      portal: brand,
      title: `${t.listHeading}${pageNumber > 1 ? ` (${t.pageTitle(pageNumber)})` : ""} – ${brand.name}`,
      description: t.listDescription(brand.name, total),
      canonical: new URL(canonicalPath, brand.url).toString(),
      languages: {
        nl: href("/vacatures", { ...selfParams, lang: "nl" }),
        en: href("/vacatures", { ...selfParams, lang: "en" }),
        default: href("/vacatures", selfParams),
      },
      listHref,
    };
    const main = listMain(locale, brand.name, {
      form,
      unknownPlace: query.plaats && !place ? query.plaats : null,
      items: rows,
      total,
      page: pageNumber,
      pageCount,
      pageHref,
      resetHref: listHref,
      itemHref: (item) => href(vacancyPath(item), { lang: langParam }),
      applyHref: "/inloggen",
    });
    return sendHtml(reply, 200, locale, page(frame, main));
  });

  r.get(
    "/vacatures/:idSlug",
    { config: { access: "public" }, schema: { hide: true } },
    async (request, reply) => {
      if (!request.portal) return notFound(request, reply, "portal");
      const portal = request.portal;
      const { idSlug } = request.params as { idSlug: string };
      const parsed = parseIdSlug(idSlug);
      if (!parsed) return notFound(request, reply, "vacancy");
      const vacancy = await repo.find(boardOf(portal), todayIn(now()), parsed.id);
      if (!vacancy) return notFound(request, reply, "vacancy");
      const canonicalPath = vacancyPath(vacancy);
      if (idSlug !== `${vacancy.id}-${slugify(vacancy.displayTitle)}`) {
        return reply.redirect(`${canonicalPath}${queryStringOf(request)}`, 301);
      }

      const query = (request.query ?? {}) as Record<string, unknown>;
      if (request.method === "GET") {
        await repo
          .recordView(boardOf(portal), {
            vacancyId: vacancy.id,
            source: viewSource(query.utm_source),
            channel: "board",
          })
          .catch((err: unknown) => request.log.warn({ err }, "could not record a vacancy view"));
      }

      const locale = localeOf(request);
      const langParam = langParamOf(request);
      const brand = brandOf(portal, locale);
      const canonical = new URL(href(canonicalPath, { lang: langParam === "en" ? "en" : null }), brand.url);
      const posting = buildJobPosting(vacancy, {
        url: new URL(canonicalPath, brand.url).toString(),
        locale,
      });
      const frame: PageFrame = {
        locale,
        portal: brand,
        title: `${vacancy.displayTitle} – ${vacancy.organisationName} – ${brand.name}`,
        description:
          summarise(vacancy.description, 155) || `${vacancy.functionTitle} – ${vacancy.organisationName}`,
        canonical: canonical.toString(),
        languages: {
          nl: href(canonicalPath, { lang: "nl" }),
          en: href(canonicalPath, { lang: "en" }),
          default: canonicalPath,
        },
        listHref: href("/vacatures", { lang: langParam }),
        head: jsonLdScript(posting),
      };
      // The button goes through the click counter, carrying the source and an employee's link.
      const source = viewSource(query.utm_source);
      const main = vacancyMain(locale, vacancy, {
        listHref: frame.listHref,
        applyHref: href(`${canonicalPath}/solliciteren`, {
          utm_source: source === "direct" ? null : source,
          ref: referralCodeOf(query),
        }),
      });
      return sendHtml(reply, 200, locale, page(frame, main));
    },
  );

  // A click on "Solliciteren": counted per source (the multiposter's click report), then on to
  // signing in and the application, the source and an employee's personal link carried along.
  r.get(
    "/vacatures/:idSlug/solliciteren",
    { config: { access: "public" }, schema: { hide: true } },
    async (request, reply) => {
      if (!request.portal) return notFound(request, reply, "portal");
      const portal = request.portal;
      const parsed = parseIdSlug((request.params as { idSlug: string }).idSlug);
      if (!parsed) return notFound(request, reply, "vacancy");
      const vacancy = await repo.find(boardOf(portal), todayIn(now()), parsed.id);
      if (!vacancy) return notFound(request, reply, "vacancy");
      const query = (request.query ?? {}) as Record<string, unknown>;
      const source = viewSource(query.utm_source);
      await repo
        .recordView(boardOf(portal), { vacancyId: vacancy.id, source, channel: "apply" })
        .catch((err: unknown) => request.log.warn({ err }, "could not record a click to apply"));
      const target = href(`/kansen/${vacancy.id}`, {
        ref: referralCodeOf(query),
        utm_source: source === "direct" ? null : source,
      });
      return reply.redirect(`/inloggen?redirect=${encodeURIComponent(target)}`, 303);
    },
  );

  r.get("/sitemap.xml", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
    if (!request.portal) throw new AppError("portal_not_found");
    const portal = request.portal;
    const entries = await repo.sitemap(boardOf(portal), todayIn(now()));
    return reply
      .header("content-type", "application/xml; charset=utf-8")
      .header("cache-control", FEED_CACHE)
      .send(sitemapXml(brandOf(portal, "nl"), entries));
  });

  r.get("/robots.txt", { config: { access: "public" }, schema: { hide: true } }, async (request, reply) => {
    return reply
      .header("content-type", "text/plain; charset=utf-8")
      .header("cache-control", FEED_CACHE)
      .send(robotsTxt(request.portal ? brandOf(request.portal, "nl") : null));
  });

  r.get(
    "/feeds/vacancies.rss",
    { config: { access: "public" }, schema: { hide: true } },
    async (request, reply) => {
      if (!request.portal) throw new AppError("portal_not_found");
      const portal = request.portal;
      const at = now();
      const items = await repo.latest(boardOf(portal), todayIn(at), FEED_LIMIT);
      return reply
        .header("content-type", "application/rss+xml; charset=utf-8")
        .header("cache-control", FEED_CACHE)
        .send(rssFeed(brandOf(portal, "nl"), items, at));
    },
  );

  r.get(
    "/feeds/vacancies.xml",
    { config: { access: "public" }, schema: { hide: true, querystring: FeedQuerySchema } },
    async (request, reply) => {
      if (!request.portal) throw new AppError("portal_not_found");
      const portal = request.portal;
      const at = now();
      const items = await repo.latest(boardOf(portal), todayIn(at), FEED_LIMIT);
      return reply
        .header("content-type", "application/xml; charset=utf-8")
        .header("cache-control", FEED_CACHE)
        .send(jobSiteFeed(brandOf(portal, "nl"), request.query.source, items, at));
    },
  );
}
