import PDFDocument from "pdfkit";
import type { PersonalDataExport } from "../../../contracts/privacy";
import { drawPageFooters } from "../../platform/pdf";
import {
  getCertificates,
  getDayparts,
  getDays,
  getDrivingLicences,
  getEducationLevels,
  getLanguages,
  getOccupation,
  getOccupationGroups,
  getPhysicalCapacities,
  getTargetGroups,
  getTransportModes,
  getWorkLevels,
  getWorkTypes,
} from "../taxonomy/reference-data";
import { type PdfLocale, toWinAnsi } from "../vacancies";
import { parseGridCell } from "./profile";

/**
 * "Download my data" as a readable A4 PDF: the same content as the JSON export, in sections with
 * the labels people know from the screens (reference ids turned into their names). Helvetica
 * only, like the vacancy PDF, so nothing is embedded.
 */

export type { PdfLocale };

export type PdfBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "facts"; rows: Array<[label: string, value: string]> }
  /** Items with a bold first line, e.g. one job or one application each. */
  | { kind: "entries"; entries: Array<{ title: string; lines: string[] }> }
  | { kind: "note"; text: string };

const L = {
  nl: {
    title: "Mijn gegevens",
    intro: (when: string) =>
      `Dit zijn alle gegevens die Werkbrug op ${when} over je bewaart. Hetzelfde staat, compleet en voor computers leesbaar, in de JSON-download. Bestanden (foto's, cv's) download je via de links in de JSON-download.`,
    none: "Geen",
    yes: "Ja",
    no: "Nee",
    account: "Account",
    name: "Naam",
    email: "E-mailadres",
    emailVerified: "E-mailadres bevestigd",
    phone: "Telefoon",
    postcode: "Postcode",
    language: "Taal",
    twoFactor: "Tweede factor aan",
    consentVideo: "Video's van derden tonen",
    consentResearch: "Toestemming voor onderzoek",
    deactivated: "Gedeactiveerd op",
    created: "Aangemaakt op",
    updated: "Laatst gewijzigd op",
    signIn: "Inlogmethoden",
    password: "Wachtwoord",
    since: (d: string) => `sinds ${d}`,
    sessions: "Sessies (ingelogde apparaten)",
    session: (from: string, until: string) => `Ingelogd op ${from}, geldig tot ${until}`,
    ip: "IP-adres",
    device: "Browser",
    roles: "Rollen",
    role: { candidate: "Kandidaat" } as Record<string, string>,
    profile: (portal: string) => `Profiel op ${portal}`,
    general: "Algemeen",
    firstName: "Voornaam",
    lastName: "Achternaam",
    photo: "Profielfoto",
    headline: "Oneliner",
    summary: "Over mij",
    place: "Woonplaats",
    birthDate: "Geboortedatum",
    workLevel: "Werk- en denkniveau",
    educationLevel: "Opleidingsniveau",
    targetGroups: "Doelgroepen",
    languages: "Talen",
    levels: { basic: "basis", good: "goed", fluent: "vloeiend", native: "moedertaal" } as Record<
      string,
      string
    >,
    drivingLicences: "Rijbewijzen",
    certificates: "Certificaten",
    limitations: "Belastbaarheid (beperkingen)",
    preferences: "Voorkeuren",
    occupations: "Gewenste beroepen",
    workTypes: "Werksoorten",
    sectors: "Vakgebieden",
    transport: "Vervoer",
    maxTravel: "Maximale reisafstand",
    km: (n: number) => `${n} km`,
    availability: "Beschikbaarheid",
    hours: "Uren per week",
    grid: "Dagen en dagdelen",
    availableFrom: "Beschikbaar vanaf",
    contact: "Contact",
    contactPreference: "Contact met werkgevers",
    direct: "Rechtstreeks met mij",
    viaManager: "Via mijn accountmanager",
    accountManager: "Accountmanager",
    experience: "Werkervaring",
    education: "Opleidingen",
    diploma: "Diploma behaald",
    courses: "Cursussen en trainingen",
    certificate: "Certificaat behaald",
    now: "heden",
    media: "Media",
    photos: (n: number) => `${n} foto('s)`,
    videos: "Video's",
    links: "Links",
    hobbies: "Hobby's en interesses",
    documents: "Documenten",
    docKind: { cv: "cv", other: "ander document" } as Record<string, string>,
    visibility: "Zichtbaar voor werkgevers",
    visibleOn: (portal: string, home: boolean) => `${portal}${home ? " (eigen portaal)" : ""}`,
    stored: "Opgeslagen velden",
    storedNote:
      "Alle velden van dit profiel zoals ze zijn opgeslagen staan in de JSON-download (onderdeel 'stored').",
    consents: "Toestemmingen",
    current: "Nu",
    history: "Geschiedenis",
    purposes: {
      employers_portal: "Zichtbaar voor werkgevers",
      research: "Gebruik voor onderzoek",
    } as Record<string, string>,
    given: "gegeven",
    withdrawn: "ingetrokken",
    notGiven: "niet gegeven",
    sources: { candidate: "door jou", staff: "door een medewerker", system: "automatisch" } as Record<
      string,
      string
    >,
    applications: "Sollicitaties en matches",
    matchSource: {
      applied: "Gereageerd",
      saved: "Opgeslagen door een medewerker",
      proposed: "Voorgesteld aan de werkgever",
    } as Record<string, string>,
    status: "Status",
    motivation: "Motivatie",
    cv: "Cv",
    messages: "Berichten",
    from: "Van",
    read: "Gelezen op",
    saved: "Opgeslagen vacatures",
    contactViews: "Wie je contactgegevens bekeek",
    auditEvents: "Beveiligingsgebeurtenissen",
    invitations: "Uitnodigingen aan je e-mailadres",
    invitedBy: "Uitgenodigd door",
    expires: "Verloopt op",
    accepted: "Geaccepteerd op",
    revoked: "Ingetrokken op",
    downloaded: (d: string) => `Gedownload op ${d}`,
    page: (n: number, total: number) => `Pagina ${n} van ${total}`,
  },
  en: {
    title: "My data",
    intro: (when: string) =>
      `This is all the data Werkbrug keeps about you on ${when}. The JSON download holds the same, complete and machine-readable. Download files (photos, CVs) through the links in the JSON download.`,
    none: "None",
    yes: "Yes",
    no: "No",
    account: "Account",
    name: "Name",
    email: "Email address",
    emailVerified: "Email address confirmed",
    phone: "Phone",
    postcode: "Postcode",
    language: "Language",
    twoFactor: "Second factor on",
    consentVideo: "Show third-party videos",
    consentResearch: "Consent to research",
    deactivated: "Deactivated on",
    created: "Created on",
    updated: "Last changed on",
    signIn: "Sign-in methods",
    password: "Password",
    since: (d: string) => `since ${d}`,
    sessions: "Sessions (signed-in devices)",
    session: (from: string, until: string) => `Signed in on ${from}, valid until ${until}`,
    ip: "IP address",
    device: "Browser",
    roles: "Roles",
    role: { candidate: "Candidate" } as Record<string, string>,
    profile: (portal: string) => `Profile on ${portal}`,
    general: "General",
    firstName: "First name",
    lastName: "Last name",
    photo: "Profile photo",
    headline: "One-liner",
    summary: "About me",
    place: "Home town",
    birthDate: "Date of birth",
    workLevel: "Work and thinking level",
    educationLevel: "Education level",
    targetGroups: "Target groups",
    languages: "Languages",
    levels: { basic: "basic", good: "good", fluent: "fluent", native: "native" } as Record<string, string>,
    drivingLicences: "Driving licences",
    certificates: "Certificates",
    limitations: "Physical capacity (limitations)",
    preferences: "Preferences",
    occupations: "Desired occupations",
    workTypes: "Work types",
    sectors: "Fields",
    transport: "Transport",
    maxTravel: "Maximum travel distance",
    km: (n: number) => `${n} km`,
    availability: "Availability",
    hours: "Hours per week",
    grid: "Days and dayparts",
    availableFrom: "Available from",
    contact: "Contact",
    contactPreference: "Contact with employers",
    direct: "Directly with me",
    viaManager: "Through my account manager",
    accountManager: "Account manager",
    experience: "Work experience",
    education: "Education",
    diploma: "Diploma obtained",
    courses: "Courses and training",
    certificate: "Certificate obtained",
    now: "present",
    media: "Media",
    photos: (n: number) => `${n} photo(s)`,
    videos: "Videos",
    links: "Links",
    hobbies: "Hobbies and interests",
    documents: "Documents",
    docKind: { cv: "CV", other: "other document" } as Record<string, string>,
    visibility: "Visible to employers",
    visibleOn: (portal: string, home: boolean) => `${portal}${home ? " (own portal)" : ""}`,
    stored: "Stored fields",
    storedNote: "Every field of this profile as stored is in the JSON download (the 'stored' part).",
    consents: "Consents",
    current: "Now",
    history: "History",
    purposes: { employers_portal: "Visible to employers", research: "Use for research" } as Record<
      string,
      string
    >,
    given: "given",
    withdrawn: "withdrawn",
    notGiven: "not given",
    sources: { candidate: "by you", staff: "by a staff member", system: "automatically" } as Record<
      string,
      string
    >,
    applications: "Applications and matches",
    matchSource: {
      applied: "Applied",
      saved: "Saved by a staff member",
      proposed: "Proposed to the employer",
    } as Record<string, string>,
    status: "Status",
    motivation: "Motivation",
    cv: "CV",
    messages: "Messages",
    from: "From",
    read: "Read on",
    saved: "Saved vacancies",
    contactViews: "Who viewed your contact details",
    auditEvents: "Security events",
    invitations: "Invitations to your email address",
    invitedBy: "Invited by",
    expires: "Expires on",
    accepted: "Accepted on",
    revoked: "Revoked on",
    downloaded: (d: string) => `Downloaded on ${d}`,
    page: (n: number, total: number) => `Page ${n} of ${total}`,
  },
} as const;

const INTL: Record<PdfLocale, string> = { nl: "nl-NL", en: "en-GB" };
const TIME_ZONE = "Europe/Amsterdam";

function day(value: string | null, locale: PdfLocale): string {
  if (!value) return "";
  const [y, m, d] = value.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return value;
  return new Intl.DateTimeFormat(INTL[locale], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

function moment(value: string | null, locale: PdfLocale): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(INTL[locale], {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(date);
}

type Labelled = { id: string; label: { nl: string; en: string } };
function labels(list: () => readonly Labelled[], ids: readonly string[], locale: PdfLocale): string {
  const all = list();
  return ids.map((id) => all.find((x) => x.id === id)?.label[locale] ?? id).join(", ");
}
const label = (list: () => readonly Labelled[], id: string | null, locale: PdfLocale) =>
  id ? labels(list, [id], locale) : "";

function period(from: string, to: string | null, locale: PdfLocale, now: string): string {
  return `${day(from, locale)} – ${to ? day(to, locale) : now}`;
}

/** The content of the PDF as blocks (pure, so it can be checked without reading a PDF). */
export function personalDataBlocks(data: PersonalDataExport, locale: PdfLocale): PdfBlock[] {
  const l = L[locale];
  const yesNo = (b: boolean) => (b ? l.yes : l.no);
  const blocks: PdfBlock[] = [];
  const heading = (text: string, level: 1 | 2 | 3 = 1) => blocks.push({ kind: "heading", level, text });
  const facts = (rows: Array<[string, string | null | undefined]>) => {
    const kept = rows.filter((r): r is [string, string] => typeof r[1] === "string" && r[1] !== "");
    blocks.push(kept.length > 0 ? { kind: "facts", rows: kept } : { kind: "note", text: l.none });
  };
  const entries = (list: Array<{ title: string; lines: Array<string | null | undefined | false> }>) => {
    if (list.length === 0) {
      blocks.push({ kind: "note", text: l.none });
      return;
    }
    blocks.push({
      kind: "entries",
      entries: list.map((e) => ({
        title: e.title,
        lines: e.lines.filter((x): x is string => typeof x === "string" && x !== ""),
      })),
    });
  };

  const a = data.account;
  heading(l.account);
  facts([
    [l.name, a.name],
    [l.email, a.email],
    [l.emailVerified, yesNo(a.emailVerified)],
    [l.phone, a.phone],
    [l.postcode, a.postcode],
    [l.language, a.locale],
    [l.twoFactor, yesNo(a.twoFactorEnabled)],
    [l.consentVideo, yesNo(a.consentEmbeddedVideo)],
    [l.consentResearch, yesNo(a.consentResearch)],
    [l.deactivated, moment(a.deactivatedAt, locale)],
    [l.created, moment(a.createdAt, locale)],
    [l.updated, moment(a.updatedAt, locale)],
  ]);

  heading(l.signIn, 2);
  entries(
    data.signInMethods.map((m) => ({
      title: m.providerId === "credential" ? l.password : m.providerId,
      lines: [l.since(moment(m.createdAt, locale))],
    })),
  );
  heading(l.sessions, 2);
  entries(
    data.sessions.map((s) => ({
      title: l.session(moment(s.createdAt, locale), moment(s.expiresAt, locale)),
      lines: [s.ipAddress && `${l.ip}: ${s.ipAddress}`, s.userAgent && `${l.device}: ${s.userAgent}`],
    })),
  );
  heading(l.roles, 2);
  entries(
    data.memberships.map((m) => ({
      title: l.role[m.role] ?? m.role,
      lines: [m.organisation ?? m.portal, l.since(moment(m.createdAt, locale))],
    })),
  );

  for (const p of data.candidates) {
    const g = p.general;
    heading(l.profile(p.portal.name[locale]));
    heading(l.general, 2);
    facts([
      [l.firstName, g.firstName],
      [l.lastName, g.lastName],
      [l.photo, g.photoUrl ? l.yes : null],
      [l.headline, g.headline],
      [l.summary, g.summary],
      [l.place, g.place?.name],
      [l.postcode, g.postcode],
      [l.birthDate, day(g.birthDate, locale)],
      [l.workLevel, label(getWorkLevels, g.workLevel, locale)],
      [l.educationLevel, label(getEducationLevels, g.educationLevel, locale)],
      [l.targetGroups, labels(getTargetGroups, g.targetGroups, locale)],
      [
        l.languages,
        g.languages
          .map((x) => `${label(getLanguages, x.code, locale)} (${l.levels[x.level] ?? x.level})`)
          .join(", "),
      ],
      [l.drivingLicences, labels(getDrivingLicences, g.drivingLicences, locale)],
      [l.certificates, labels(getCertificates, g.certificates, locale)],
      [l.limitations, labels(getPhysicalCapacities, g.physicalLimitations, locale)],
    ]);
    const pr = p.preferences;
    heading(l.preferences, 2);
    facts([
      [l.occupations, pr.desiredOccupationIds.map((id) => getOccupation(id)?.label[locale] ?? id).join(", ")],
      [l.workTypes, labels(getWorkTypes, pr.workTypes, locale)],
      [l.sectors, labels(getOccupationGroups, pr.sectors, locale)],
      [l.transport, labels(getTransportModes, pr.transportModes, locale)],
      [l.maxTravel, pr.maxTravelKm === null ? null : l.km(pr.maxTravelKm)],
    ]);
    const av = p.availability;
    heading(l.availability, 2);
    facts([
      [
        l.hours,
        av.hoursMin === null && av.hoursMax === null ? null : `${av.hoursMin ?? "?"}–${av.hoursMax ?? "?"}`,
      ],
      [
        l.grid,
        av.grid
          .map((cell) => {
            const parsed = parseGridCell(cell);
            return parsed
              ? `${label(getDays, parsed.day, locale)} ${label(getDayparts, parsed.daypart, locale)}`
              : cell;
          })
          .join(", "),
      ],
      [l.availableFrom, day(av.availableFrom, locale)],
    ]);
    const c = p.contact;
    heading(l.contact, 2);
    facts([
      [l.email, c.email],
      [l.phone, c.phone],
      [l.contactPreference, c.contactPreference === "direct" ? l.direct : l.viaManager],
      [
        l.accountManager,
        c.accountManager
          ? [c.accountManager.name, c.accountManager.organisation].filter(Boolean).join(", ")
          : null,
      ],
    ]);
    heading(l.experience, 2);
    entries(
      p.experience.map((e) => ({
        title: e.title,
        lines: [
          [e.employer, e.place].filter(Boolean).join(", "),
          period(e.from, e.to, locale, l.now),
          e.occupationId ? getOccupation(e.occupationId)?.label[locale] : null,
          e.description,
        ],
      })),
    );
    heading(l.education, 2);
    entries(
      p.education.map((e) => ({
        title: e.title,
        lines: [
          [e.institution, e.place].filter(Boolean).join(", "),
          period(e.from, e.to, locale, l.now),
          label(getEducationLevels, e.levelId, locale),
          `${l.diploma}: ${yesNo(e.diplomaObtained)}`,
          e.description,
        ],
      })),
    );
    heading(l.courses, 2);
    entries(
      p.courses.map((e) => ({
        title: e.title,
        lines: [
          e.provider,
          e.year === null ? null : String(e.year),
          `${l.certificate}: ${yesNo(e.certificate)}`,
        ],
      })),
    );
    heading(l.media, 2);
    facts([
      [l.photo, p.media.photos.length > 0 ? l.photos(p.media.photos.length) : null],
      [l.videos, p.media.videos.map((v) => (v.title ? `${v.title}: ${v.url}` : v.url)).join("\n")],
      [l.links, p.media.links.map((x) => (x.label ? `${x.label}: ${x.url}` : x.url)).join("\n")],
    ]);
    heading(l.hobbies, 2);
    blocks.push({ kind: "note", text: p.hobbies || l.none });
    heading(l.documents, 2);
    entries(
      p.documents.map((d) => ({
        title: d.fileName,
        lines: [
          `${l.docKind[d.kind] ?? d.kind}, ${Math.ceil(d.size / 1024)} kB`,
          moment(d.createdAt, locale),
        ],
      })),
    );
    heading(l.visibility, 2);
    const visible = p.visibility.filter((v) => v.visible);
    entries(
      visible.map((v) => ({
        title: l.visibleOn(v.portal.name[locale], v.home),
        lines: [v.changedAt ? l.since(moment(v.changedAt, locale)) : null],
      })),
    );
    heading(l.stored, 2);
    blocks.push({ kind: "note", text: l.storedNote });
  }

  const state = (given: boolean, at: string | null) =>
    `${given ? l.given : at ? l.withdrawn : l.notGiven}${at ? ` (${moment(at, locale)})` : ""}`;
  heading(l.consents);
  heading(l.current, 2);
  entries(
    data.consents.current
      .filter((s) => s.purpose === "research" || s.given || s.at)
      .map((s) => ({
        title: `${l.purposes[s.purpose]}${s.portal ? `: ${s.portal.name[locale]}` : ""}`,
        lines: [state(s.given, s.at)],
      })),
  );
  heading(l.history, 2);
  entries(
    data.consents.history.map((h) => ({
      title: `${moment(h.at, locale)}: ${l.purposes[h.purpose]}${h.portal ? ` (${h.portal.name[locale]})` : ""}`,
      lines: [`${h.given ? l.given : l.withdrawn}, ${l.sources[h.source] ?? h.source}`],
    })),
  );

  heading(l.applications);
  entries(
    data.applications.map((x) => ({
      title: `${x.vacancyTitle} – ${x.organisation}`,
      lines: [
        `${l.matchSource[x.source] ?? x.source}, ${moment(x.createdAt, locale)}`,
        `${l.status}: ${x.status}`,
        x.motivation && `${l.motivation}: ${x.motivation}`,
        x.cv && `${l.cv}: ${x.cv.fileName ?? ""}`,
      ],
    })),
  );
  heading(l.messages);
  entries(
    data.messages.map((m) => ({
      title: m.subject || "—",
      lines: [
        `${l.from}: ${[m.sender, m.organisation].filter(Boolean).join(", ") || "—"}, ${moment(m.createdAt, locale)}`,
        m.readAt && `${l.read} ${moment(m.readAt, locale)}`,
        m.body,
      ],
    })),
  );
  heading(l.saved);
  entries(
    data.savedVacancies.map((s) => ({
      title: `${s.vacancyTitle} – ${s.organisation}`,
      lines: [moment(s.createdAt, locale)],
    })),
  );
  heading(l.contactViews);
  entries(
    data.contactViews.map((v) => ({
      title: moment(v.at, locale),
      lines: [[v.viewer, v.organisation].filter(Boolean).join(", ") || "—"],
    })),
  );
  heading(l.auditEvents);
  entries(
    data.auditEvents.map((e) => ({
      title: `${moment(e.at, locale)}: ${e.type}`,
      lines: [e.ipAddress && `${l.ip}: ${e.ipAddress}`, e.userAgent && `${l.device}: ${e.userAgent}`],
    })),
  );
  heading(l.invitations);
  entries(
    data.invitations.map((i) => ({
      title: `${i.organisation} (${i.role})`,
      lines: [
        `${l.email}: ${i.email}`,
        i.invitedBy && `${l.invitedBy}: ${i.invitedBy}`,
        `${l.created} ${moment(i.createdAt, locale)}; ${l.expires} ${moment(i.expiresAt, locale)}`,
        i.acceptedAt && `${l.accepted} ${moment(i.acceptedAt, locale)}`,
        i.revokedAt && `${l.revoked} ${moment(i.revokedAt, locale)}`,
        i.personalMessage,
      ],
    })),
  );
  return blocks;
}

const INK = "#1f2933";
const MUTED = "#52606d";
const RULE = "#d9e2ec";
const ZEBRA = "#f5f7fa";
const BRAND = "#1c4f7c";
const MARGIN = 50;
const FOOTER_HEIGHT = 36;

export function renderPersonalDataPdf(
  data: PersonalDataExport,
  options: { locale: PdfLocale; now?: Date },
): Promise<Buffer> {
  const { locale } = options;
  const l = L[locale];
  const now = options.now ?? new Date();
  const t = toWinAnsi;
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_HEIGHT, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: false,
    lang: locale === "en" ? "en-GB" : "nl-NL",
    displayTitle: true,
    info: {
      Title: `${l.title}: ${data.account.name}`,
      Author: "Werkbrug",
      Creator: "Werkbrug",
      CreationDate: now,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  try {
    doc.addPage();
    const width = doc.page.width - 2 * MARGIN;
    const bottom = () => doc.page.height - doc.page.margins.bottom;
    const ensureSpace = (height: number) => {
      if (doc.y + height > bottom()) doc.addPage();
    };

    doc.rect(0, 0, doc.page.width, 8).fill(BRAND);
    doc.x = MARGIN;
    doc.y = MARGIN;
    doc
      .fillColor(INK)
      .font("Helvetica-Bold")
      .fontSize(24)
      .text(t(`${l.title}: ${data.account.name}`), { width });
    doc.moveDown(0.4);
    doc
      .fillColor(MUTED)
      .font("Helvetica")
      .fontSize(10.5)
      .text(t(l.intro(moment(data.exportedAt, locale))), { width, lineGap: 1.5 });

    for (const block of personalDataBlocks(data, locale)) {
      doc.x = MARGIN;
      switch (block.kind) {
        case "heading": {
          const size = block.level === 1 ? 16 : block.level === 2 ? 12.5 : 11;
          doc.moveDown(block.level === 1 ? 1.2 : 0.8);
          ensureSpace(size * 3);
          doc
            .fillColor(block.level === 1 ? BRAND : INK)
            .font("Helvetica-Bold")
            .fontSize(size)
            .text(t(block.text), MARGIN, doc.y, { width });
          if (block.level === 1) {
            doc
              .moveTo(MARGIN, doc.y + 2)
              .lineTo(MARGIN + width, doc.y + 2)
              .lineWidth(0.5)
              .strokeColor(RULE)
              .stroke();
            doc.moveDown(0.3);
          }
          doc.moveDown(0.3);
          break;
        }
        case "facts": {
          const labelWidth = 160;
          const valueWidth = width - labelWidth - 16;
          const pad = 4;
          block.rows.forEach(([name, value], i) => {
            doc.font("Helvetica").fontSize(10);
            const valueHeight = doc.heightOfString(t(value), { width: valueWidth });
            doc.font("Helvetica-Bold");
            const labelHeight = doc.heightOfString(t(name), { width: labelWidth - 8 });
            const rowHeight = Math.max(valueHeight, labelHeight) + 2 * pad;
            if (rowHeight > (bottom() - doc.page.margins.top) / 2) {
              // A long text (about me, a description): the label above it, the text flowing on.
              ensureSpace(60);
              doc.fillColor(MUTED).text(t(name), MARGIN + 8, doc.y + pad, { width: width - 16 });
              doc
                .fillColor(INK)
                .font("Helvetica")
                .text(t(value), MARGIN + 8, doc.y, { width: width - 16, lineGap: 1 });
              doc.moveDown(0.4);
              return;
            }
            ensureSpace(rowHeight);
            const top = doc.y;
            if (i % 2 === 0) doc.rect(MARGIN, top, width, rowHeight).fill(ZEBRA);
            doc
              .fillColor(MUTED)
              .font("Helvetica-Bold")
              .text(t(name), MARGIN + 8, top + pad, {
                width: labelWidth - 8,
              });
            doc
              .fillColor(INK)
              .font("Helvetica")
              .text(t(value), MARGIN + labelWidth + 8, top + pad, { width: valueWidth });
            doc.y = top + rowHeight;
          });
          break;
        }
        case "entries": {
          for (const entry of block.entries) {
            ensureSpace(30);
            doc
              .fillColor(INK)
              .font("Helvetica-Bold")
              .fontSize(10.5)
              .text(t(entry.title), MARGIN, doc.y, { width });
            doc.font("Helvetica").fontSize(10);
            for (const line of entry.lines)
              doc.fillColor(MUTED).text(t(line), MARGIN + 10, doc.y, { width: width - 10 });
            doc.moveDown(0.5);
          }
          break;
        }
        case "note":
          doc.fillColor(MUTED).font("Helvetica").fontSize(10).text(t(block.text), MARGIN, doc.y, { width });
          break;
      }
    }

    drawPageFooters(doc, {
      left: t(l.downloaded(moment(now.toISOString(), locale))),
      right: (page, pages) => t(l.page(page, pages)),
    });
    doc.end();
  } catch (error) {
    doc.end();
    return Promise.reject(error);
  }
  return done;
}
