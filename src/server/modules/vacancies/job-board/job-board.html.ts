/**
 * Server-rendered pages of the open job board. Plain HTML and one small inline style sheet in
 * the portal's colour: readable without JavaScript, by crawlers and by screen readers (skip
 * link, landmarks, one h1, labelled form controls). Every text from the database is escaped.
 */
import type { Locale } from "../../../../contracts/common";
import { VACANCY_KINDS } from "../../../../contracts/vacancies";
import { getEducationLevels } from "../../taxonomy";
import type { BoardListItem, PublicVacancy } from "./job-board.repository";
import {
  addressText,
  DISTANCES_KM,
  formatDate,
  hoursText,
  KIND_LABELS,
  salaryText,
  texts,
} from "./job-board.texts";
import {
  descriptionHtml,
  escapeHtml as e,
  educationLabel,
  jsonForScript,
  occupationLabel,
  summarise,
} from "./job-posting";

export {
  DEFAULT_DISTANCE_KM,
  DISTANCES_KM,
  hoursText,
  KIND_LABELS,
  salaryText,
  texts,
} from "./job-board.texts";

// Colours: the portal's colour as given when it is dark enough, else readable alternatives

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return 0;
  const n = Number.parseInt(m[1]!, 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The colour blended towards white until it reads on `background` (links in the dark scheme). */
function lightenUntilReadable(hex: string, background: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  for (let step = 0; step <= 20; step++) {
    const amount = step / 20;
    const out = [16, 8, 0].map((shift) => {
      const c = (n >> shift) & 255;
      return Math.round(c + (255 - c) * amount)
        .toString(16)
        .padStart(2, "0");
    });
    const candidate = `#${out.join("")}`;
    if (contrast(candidate, background) >= 4.5) return candidate;
  }
  return "#ffffff";
}

// The dark scheme's surfaces: the page, and the boxes on it (filters, apply) that links sit on.
const DARK_PAGE = "#16181b";
const DARK_BOX = "#25282d";

function palette(primary: string): { brand: string; onBrand: string; link: string; darkLink: string } {
  const brand = /^#[0-9a-f]{6}$/i.test(primary) ? primary : "#1c4f7c";
  const darkEnough = contrast(brand, "#ffffff") >= 4.5;
  return {
    brand,
    onBrand: darkEnough ? "#ffffff" : "#111111",
    link: darkEnough ? brand : "#1c4f7c",
    darkLink: lightenUntilReadable(brand, DARK_BOX),
  };
}

/**
 * The dark scheme for visitors whose system asks for it (the board has no switch: it is read
 * without signing in and without script). Every text colour reaches 4.5:1 on DARK_BOX.
 */
function darkStyleSheet(darkLink: string): string {
  return `@media (prefers-color-scheme:dark){
:root{--link:${darkLink}}
body{color:#e9ecef;background:${DARK_PAGE}}
.skip{background:${DARK_PAGE};color:#e9ecef}
.filters,.apply{background:${DARK_BOX}}
input,select{color:#e9ecef;background:${DARK_PAGE};border-color:#8c939d}
.notice{background:#3b2f12;border-left-color:#e0a526}
.results>li,footer{border-color:#454a52}
.meta,.subtitle,.crumbs li+li::before,footer{color:#bcc2ca}
}`;
}

function styleSheet(primary: string): string {
  const { brand, onBrand, link, darkLink } = palette(primary);
  return `:root{--brand:${brand};--on-brand:${onBrand};--link:${link};color-scheme:light dark}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}
a{color:var(--link)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,main:focus-visible{outline:3px solid #f9b000;outline-offset:2px}
.skip{position:absolute;left:-10000px;top:0;background:#fff;color:#1a1a1a;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem;top:1rem}
.site{background:var(--brand);color:var(--on-brand)}
.site a{color:var(--on-brand)}
.bar,main,.foot{max-width:64rem;margin:0 auto;padding:1rem}
.bar{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
.brand{font-weight:700;font-size:1.2rem;text-decoration:none;margin-right:auto}
.site ul{list-style:none;display:flex;flex-wrap:wrap;gap:1.25rem;margin:0;padding:0}
h1{font-size:1.9rem;line-height:1.2;margin:.5rem 0 1rem}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.75rem 1rem;align-items:end;background:#f3f4f6;border-radius:.5rem;padding:1rem;margin:1rem 0}
.filters .wide{grid-column:1/-1}
.field{display:flex;flex-direction:column;gap:.25rem}
label{font-weight:600;font-size:.95rem}
input,select{font:inherit;color:#1a1a1a;background:#fff;border:1px solid #6b7280;border-radius:.3rem;padding:.45rem .55rem;width:100%}
.button,button{font:inherit;font-weight:600;display:inline-block;background:var(--brand);color:var(--on-brand);border:2px solid var(--brand);border-radius:.3rem;padding:.5rem 1.25rem;text-decoration:none;cursor:pointer}
.actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
.count{font-weight:600}
.notice{background:#fff4d6;border-left:4px solid #b7791f;padding:.5rem .75rem}
.results{list-style:none;margin:0;padding:0}
.results>li{border-top:1px solid #d1d5db;padding:1rem 0}
.results h2{font-size:1.25rem;margin:0 0 .25rem}
.meta{color:#444;margin:.15rem 0}
.facts{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.35rem 1.25rem;margin:0 0 1.5rem}
.facts dt{font-weight:600}
.facts dd{margin:0}
.subtitle{font-size:1.15rem;color:#444;margin:-.5rem 0 1rem}
.apply{background:#f3f4f6;border-radius:.5rem;padding:1rem;margin:1.5rem 0}
.pager{display:flex;flex-wrap:wrap;gap:1.25rem;align-items:center;margin:1.5rem 0}
.pager ul{list-style:none;display:flex;gap:1.25rem;margin:0;padding:0}
.crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.5rem;margin:0;padding:0}
.crumbs li+li::before{content:"/";margin-right:.5rem;color:#444}
footer{border-top:1px solid #d1d5db;margin-top:2rem;color:#444}
${darkStyleSheet(darkLink)}`;
}

// ---------------------------------------------------------------------------------------------
// Frame

export interface PortalBrand {
  name: string;
  primaryColor: string;
  /** Absolute base URL of the portal, ending in "/". */
  url: string;
}

export interface PageFrame {
  locale: Locale;
  portal: PortalBrand | null;
  title: string;
  description: string;
  /** Absolute canonical URL; null for error pages. */
  canonical: string | null;
  /** Links to this page in Dutch, in English and negotiated (path + query). */
  languages: Record<Locale | "default", string> | null;
  /** Path of the board's list page, with the language kept ("/vacatures?lang=en"). */
  listHref: string;
  /** Extra elements for <head> (already escaped), such as JSON-LD. */
  head?: string;
}

function absolute(base: string | undefined, path: string): string {
  return base ? new URL(path, base).toString() : path;
}

export function page(frame: PageFrame, main: string): string {
  const t = texts(frame.locale);
  const portalName = frame.portal?.name ?? "Werkbrug";
  const other = t.otherLanguage;
  const languages = frame.languages;
  const alternates = languages
    ? [
        `<link rel="alternate" hreflang="nl" href="${e(absolute(frame.portal?.url, languages.nl))}">`,
        `<link rel="alternate" hreflang="en" href="${e(absolute(frame.portal?.url, languages.en))}">`,
        `<link rel="alternate" hreflang="x-default" href="${e(absolute(frame.portal?.url, languages.default))}">`,
      ].join("\n")
    : "";
  const feed = frame.portal
    ? `<link rel="alternate" type="application/rss+xml" title="${e(`${t.vacancies} – ${portalName}`)}" href="/feeds/vacancies.rss">`
    : "";
  return `<!doctype html>
<html lang="${frame.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${e(frame.title)}</title>
<meta name="description" content="${e(frame.description)}">
${frame.canonical ? `<link rel="canonical" href="${e(frame.canonical)}">` : '<meta name="robots" content="noindex">'}
${alternates}
${feed}
<style>${styleSheet(frame.portal?.primaryColor ?? "#1c4f7c")}</style>
${frame.head ?? ""}
</head>
<body>
<a class="skip" href="#inhoud">${e(t.skip)}</a>
<header class="site">
<div class="bar">
<a class="brand" href="/">${e(portalName)}</a>
<nav aria-label="${e(t.mainMenu)}">
<ul>
<li><a href="${e(frame.listHref)}">${e(t.vacancies)}</a></li>
<li><a href="/inloggen">${e(t.signIn)}</a></li>
${languages ? `<li><a href="${e(languages[other.lang])}" lang="${other.lang}" hreflang="${other.lang}">${e(other.name)}</a></li>` : ""}
</ul>
</nav>
</div>
</header>
<main id="inhoud" tabindex="-1">
${main}
</main>
<footer>
<div class="foot">
<p>${e(portalName)}${frame.portal ? ` · <a href="/feeds/vacancies.rss">${e(t.feed)}</a>` : ""}</p>
</div>
</footer>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------------
// List

export interface ListFormValues {
  q: string;
  kind: string;
  education: string;
  hoursMin: string;
  hoursMax: string;
  place: string;
  distance: string;
  /** Carried in a hidden field when the language was chosen in the address. */
  lang: Locale | null;
}

export interface ListView {
  form: ListFormValues;
  /** The place the visitor typed when it matched no known place. */
  unknownPlace: string | null;
  items: BoardListItem[];
  total: number;
  page: number;
  pageCount: number;
  pageHref(page: number): string;
  /** The list without any filter. */
  resetHref: string;
  itemHref(item: BoardListItem): string;
  applyHref: string;
}

function option(value: string, label: string, selected: string): string {
  return `<option value="${e(value)}"${value === selected ? " selected" : ""}>${e(label)}</option>`;
}

export function listMain(locale: Locale, portalName: string, view: ListView): string {
  const t = texts(locale);
  const f = view.form;
  const kinds = [
    option("", t.anyKind, f.kind),
    ...VACANCY_KINDS.map((k) => option(k, KIND_LABELS[k][locale], f.kind)),
  ].join("");
  const levels = [
    option("", t.anyEducation, f.education),
    ...getEducationLevels().map((l) => option(l.id, l.label[locale], f.education)),
  ].join("");
  const distances = DISTANCES_KM.map((km) => option(String(km), t.km(km), f.distance)).join("");
  const items = view.items.map((item) => listItem(locale, item, view.itemHref(item))).join("\n");
  const pager =
    view.pageCount > 1 || view.page > 1
      ? `<nav class="pager" aria-label="${e(t.pagination)}">
<ul>
${view.page > 1 ? `<li><a rel="prev" href="${e(view.pageHref(Math.min(view.page - 1, view.pageCount)))}">${e(t.prev)}</a></li>` : ""}
${view.page < view.pageCount ? `<li><a rel="next" href="${e(view.pageHref(view.page + 1))}">${e(t.next)}</a></li>` : ""}
</ul>
<p>${e(t.pageOf(Math.min(view.page, view.pageCount), view.pageCount))}</p>
</nav>`
      : "";
  return `<h1>${e(t.listHeading)}</h1>
<p>${e(t.listIntro(portalName))} ${e(t.applyIntro)}<a href="${e(view.applyHref)}">${e(t.applyIntroLink)}</a>.</p>
<form class="filters" role="search" method="get" action="/vacatures" aria-label="${e(t.filters)}">
<div class="field wide"><label for="f-q">${e(t.q)}</label><input id="f-q" type="search" name="q" value="${e(f.q)}" maxlength="200"></div>
<div class="field"><label for="f-kind">${e(t.kind)}</label><select id="f-kind" name="soort">${kinds}</select></div>
<div class="field"><label for="f-education">${e(t.education)}</label><select id="f-education" name="opleiding">${levels}</select></div>
<div class="field"><label for="f-hours-min">${e(t.hoursMin)}</label><input id="f-hours-min" type="number" name="uren_min" min="0" max="60" inputmode="numeric" value="${e(f.hoursMin)}"></div>
<div class="field"><label for="f-hours-max">${e(t.hoursMax)}</label><input id="f-hours-max" type="number" name="uren_max" min="0" max="60" inputmode="numeric" value="${e(f.hoursMax)}"></div>
<div class="field"><label for="f-place">${e(t.place)}</label><input id="f-place" type="text" name="plaats" value="${e(f.place)}" maxlength="80" autocomplete="address-level2"></div>
<div class="field"><label for="f-distance">${e(t.distance)}</label><select id="f-distance" name="afstand">${distances}</select></div>
${f.lang ? `<input type="hidden" name="lang" value="${e(f.lang)}">` : ""}
<div class="actions wide"><button type="submit">${e(t.submit)}</button><a href="${e(view.resetHref)}">${e(t.reset)}</a></div>
</form>
${view.unknownPlace !== null ? `<p class="notice">${e(t.unknownPlace(view.unknownPlace))}</p>` : ""}
<p class="count">${e(t.count(view.total))}</p>
${view.items.length > 0 ? `<ol class="results">\n${items}\n</ol>` : `<p>${e(t.noResults)}</p>`}
${pager}`;
}

function listItem(locale: Locale, item: BoardListItem, href: string): string {
  const t = texts(locale);
  const where = [
    item.functionTitle,
    item.organisationName,
    item.city,
    item.distanceKm !== null ? t.away(item.distanceKm) : null,
  ]
    .filter((s): s is string => !!s)
    .map(e)
    .join(" · ");
  const facts = [
    KIND_LABELS[item.kind][locale],
    hoursText(item, locale),
    item.closesOn ? t.closesShort(formatDate(item.closesOn, locale)) : null,
  ]
    .filter((s): s is string => !!s)
    .map(e)
    .join(" · ");
  const summary = summarise(item.description, 200);
  return `<li><article>
<h2><a href="${e(href)}">${e(item.displayTitle)}</a></h2>
<p class="meta">${where}</p>
<p class="meta">${facts}</p>
${summary ? `<p>${e(summary)}</p>` : ""}
</article></li>`;
}

// ---------------------------------------------------------------------------------------------
// Vacancy

export function vacancyMain(
  locale: Locale,
  v: PublicVacancy,
  links: { listHref: string; applyHref: string },
): string {
  const t = texts(locale);
  const duration =
    v.durationKind === "temporary"
      ? v.durationEndsOn
        ? t.until(formatDate(v.durationEndsOn, locale))
        : t.temporary
      : t.permanent;
  const facts: [string, string | null][] = [
    [t.organisation, v.organisationName],
    [t.functionTitle, v.functionTitle],
    [t.kind, KIND_LABELS[v.kind][locale]],
    [t.address, addressText(v)],
    [t.hours, hoursText(v, locale)],
    [t.positions, String(v.positions)],
    [t.duration, duration.charAt(0).toUpperCase() + duration.slice(1)],
    [t.salary, salaryText(v, locale)],
    [t.education, educationLabel(v.educationLevel, locale)],
    [t.occupation, occupationLabel(v.occupationId, locale)],
    [t.posted, formatDate(v.publishPublicFrom, locale)],
    [t.closes, v.closesOn ? formatDate(v.closesOn, locale) : null],
  ];
  const dl = facts
    .filter((f): f is [string, string] => f[1] !== null && f[1] !== "")
    .map(([k, val]) => `<dt>${e(k)}</dt><dd>${e(val)}</dd>`)
    .join("\n");
  const apply = `<div class="apply"><p>${e(t.applyHint)}</p><p><a class="button" href="${e(links.applyHref)}">${e(t.apply)}</a></p></div>`;
  return `<nav class="crumbs" aria-label="${e(t.breadcrumb)}"><ol><li><a href="${e(links.listHref)}">${e(t.vacancies)}</a></li><li aria-current="page">${e(v.displayTitle)}</li></ol></nav>
<article>
<h1>${e(v.displayTitle)}</h1>
<p class="subtitle">${e(v.functionTitle)} · ${e(v.organisationName)}${v.city ? ` · ${e(v.city)}` : ""}</p>
${apply}
<h2>${e(t.about)}</h2>
<dl class="facts">
${dl}
</dl>
<h2>${e(t.description)}</h2>
<div class="description">${descriptionHtml(v.description)}</div>
${apply}
</article>
<p><a href="${e(links.listHref)}">${e(t.back)}</a></p>`;
}

export function jsonLdScript(value: unknown): string {
  return `<script type="application/ld+json">${jsonForScript(value)}</script>`;
}

// ---------------------------------------------------------------------------------------------
// Not found

export function notFoundMain(
  locale: Locale,
  kind: "vacancy" | "portal",
  links: { listHref: string; nationalUrl: string },
): string {
  const t = texts(locale);
  if (kind === "portal") {
    return `<h1>${e(t.portalNotFoundTitle)}</h1>
<p>${e(t.portalNotFoundText)}</p>
<p><a href="${e(links.nationalUrl)}">${e(t.toNational)}</a></p>`;
  }
  return `<h1>${e(t.notFoundTitle)}</h1>
<p>${e(t.notFoundText)}</p>
<p><a href="${e(links.listHref)}">${e(t.back)}</a></p>`;
}
