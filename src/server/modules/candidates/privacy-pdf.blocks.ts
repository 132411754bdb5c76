import { dateTimeFormat, numberFormat } from "../../../contracts/intl";
import type { PersonalDataExport } from "../../../contracts/privacy";
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
} from "../taxonomy";
import type { PdfLocale } from "../vacancies";
import { PDF_LABELS as L } from "./privacy-pdf.labels";
import { parseGridCell } from "./profile";

/** The content of "download my data" as blocks of text, in the person's language. */

export type PdfBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "facts"; rows: Array<[label: string, value: string]> }
  /** Items with a bold first line, e.g. one job or one application each. */
  | { kind: "entries"; entries: Array<{ title: string; lines: string[] }> }
  | { kind: "note"; text: string };

const INTL: Record<PdfLocale, string> = { nl: "nl-NL", en: "en-GB" };
const TIME_ZONE = "Europe/Amsterdam";

function day(value: string | null, locale: PdfLocale): string {
  if (!value) return "";
  const [y, m, d] = value.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return value;
  return dateTimeFormat(INTL[locale], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A day with its weekday, e.g. "maandag 2 november 2026". */
function weekday(value: string, locale: PdfLocale): string {
  const [y, m, d] = value.slice(0, 10).split("-").map(Number);
  if (!y || !m || !d) return value;
  return dateTimeFormat(INTL[locale], { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Hours as the person's language writes them: 7,75 or 7.75. */
function hours(value: number, locale: PdfLocale): string {
  return numberFormat(INTL[locale], { maximumFractionDigits: 2 }).format(value);
}

export function moment(value: string | null, locale: PdfLocale): string {
  if (!value) return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateTimeFormat(INTL[locale], {
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
        ...(x.form?.answers.map((a) => `${a.question}: ${a.answer}`) ?? []),
      ],
    })),
  );
  heading(l.placements);
  if (data.placements.length === 0) blocks.push({ kind: "note", text: l.none });
  for (const p of data.placements) {
    heading(`${p.vacancyTitle} – ${p.employer}`, 2);
    facts([[l.period, period(p.startDate, p.endDate, locale, l.now)]]);
    entries(
      p.weeks.map((w) => ({
        title: l.weekOf(day(w.weekStart, locale)),
        lines: [
          `${l.status}: ${l.weekStatus[w.status] ?? w.status}`,
          w.submittedAt && `${l.submitted} ${moment(w.submittedAt, locale)}`,
          w.decidedAt && `${l.decided} ${moment(w.decidedAt, locale)}`,
          ...w.entries.map(
            (e) =>
              `${weekday(e.date, locale)}: ${l.hoursOf(hours(e.hours, locale))} ${l.hourKind[e.kind] ?? e.kind}`,
          ),
          w.remark && `${l.remark}: ${w.remark}`,
          w.decisionComment && `${l.decisionComment}: ${w.decisionComment}`,
        ],
      })),
    );
  }
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
