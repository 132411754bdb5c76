import type {
  CandidateVacancyDetail,
  CandidateVacancyItem,
  PersonRef,
  Vacancy,
  VacancyAttachment,
  VacancyHistoryEntry,
  VacancyListItem,
  VacancyOptionsResponse,
} from "../../../contracts/vacancies";
import { getOccupation } from "../taxonomy";
import type { CandidateListRow, VisibleVacancyRow } from "./candidate-vacancies.repository";
import { audiencesOn } from "./publication";
import { type VacancyActor, vacancyPermissions } from "./vacancies.policy";
import type { AttachmentJson, PersonJson, StaffListItemRow, VacancyView } from "./vacancies.repository";
import type { VacancyHistoryRow } from "./vacancy-history.repository";
import type { FormOrganisationRow } from "./vacancy-people.repository";

/** Rows as the repositories read them -> the API's responses. No rules here, no queries. */

const personRef = (p: PersonJson | null | undefined): PersonRef | null =>
  p ? { id: p.id, name: p.name, email: p.email } : null;

/** A timestamp as the API writes it, from a Date or from PostgreSQL's JSON text of one. */
const iso = (at: Date | string): string => (typeof at === "string" ? new Date(at) : at).toISOString();

export function attachmentDto(
  row: Pick<AttachmentJson, "id" | "vacancyId" | "fileName" | "contentType" | "size"> & {
    createdAt: Date | string;
  },
): VacancyAttachment {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    url: `/api/v1/vacancies/${row.vacancyId}/attachments/${row.id}`,
    createdAt: iso(row.createdAt),
  };
}

export function imageUrl(
  row: { id: string; imageFileKey: string | null },
  logoKey: string | null,
): string | null {
  const key = row.imageFileKey ?? logoKey;
  if (!key) return null;
  // The key changes with every upload, so browsers may cache the URL for long.
  return `/api/v1/vacancies/${row.id}/image?v=${encodeURIComponent(key.split("/").pop() ?? "")}`;
}

/** The staff view of one vacancy, with what this caller may do with it. */
export function vacancyDto(row: VacancyView, actor: VacancyActor, today: string): Vacancy {
  const occupation = row.occupationId ? getOccupation(row.occupationId) : undefined;
  const wasRequested =
    row.requestedByUserId !== null || row.status === "requested" || row.status === "rejected";
  return {
    id: row.id,
    status: row.status,
    organisation: { id: row.organisation.id, name: row.organisation.name, city: row.organisation.city },
    department: row.department ? { id: row.department.id, name: row.department.name } : null,
    site: row.site ? { id: row.site.id, name: row.site.name, city: row.site.city } : null,
    contact: personRef(row.contact),
    accountManager: personRef(row.accountManager),
    owner: personRef(row.owner),
    createdBy: personRef(row.createdBy),
    createdByKind: row.createdByKind,
    displayTitle: row.displayTitle,
    functionTitle: row.title,
    description: row.description,
    functionGroup: row.functionGroup,
    occupation: occupation ? { id: occupation.id, label: occupation.label.nl } : null,
    educationLevel: row.educationLevel,
    kind: row.kind,
    salaryScaleMin: row.salaryScaleMin,
    salaryScaleMax: row.salaryScaleMax,
    salaryMin: row.salaryMin,
    salaryMax: row.salaryMax,
    durationKind: row.durationKind,
    durationEndsOn: row.durationEndsOn,
    hoursMin: row.hoursMin,
    hoursMax: row.hoursMax,
    positions: row.positions,
    workAddress: {
      street: row.street,
      houseNumber: row.houseNumber,
      postcode: row.postcode,
      city: row.city,
      placeId: row.placeId,
      lat: row.lat,
      lon: row.lon,
      isHeadOffice: row.useHeadOffice,
    },
    imageUrl: imageUrl(row, row.organisation.logoFileKey),
    attachments: row.attachments.map(attachmentDto),
    serviceModel: row.serviceModel,
    contactVia: row.contactVia,
    publication: {
      organisationFrom: row.publishOrganisationFrom,
      portalFrom: row.publishPortalFrom,
      allPortalsFrom: row.publishAllPortalsFrom,
      publicFrom: row.publishPublicFrom,
      closesOn: row.closesOn,
    },
    visibleTo: audiencesOn(row, today),
    request: wasRequested
      ? {
          requestedBy: personRef(row.requestedBy),
          comment: row.requestComment,
          decidedBy: personRef(row.decidedBy),
          decisionComment: row.decisionComment,
          decidedAt: row.decidedAt?.toISOString() ?? null,
        }
      : null,
    counts: {
      saved: Number(row.counts.saved),
      proposed: Number(row.counts.proposed),
      applied: Number(row.counts.applied),
    },
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    permissions: vacancyPermissions(actor, row),
  };
}

export function listItemDto(r: StaffListItemRow, actor: VacancyActor, today: string): VacancyListItem {
  return {
    id: r.id,
    status: r.status,
    displayTitle: r.displayTitle,
    functionTitle: r.functionTitle,
    organisation: { id: r.organisationId, name: r.organisationName },
    city: r.city,
    createdAt: r.createdAt.toISOString(),
    closesOn: r.closesOn,
    visibleTo: audiencesOn(r, today),
    createdByKind: r.createdByKind,
    accountManager: personRef(r.accountManager),
    savedCount: r.savedCount,
    proposedCount: r.proposedCount,
    permissions: vacancyPermissions(actor, r),
  };
}

export function historyEntryDto(
  r: VacancyHistoryRow & { userName: string | null; userEmail: string | null },
): VacancyHistoryEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actor: r.userId && r.userName ? { id: r.userId, name: r.userName, email: r.userEmail } : null,
    action: r.action,
    changes: r.changes,
    comment: r.comment,
  };
}

/** The first lines of a description for a result card. */
export function summarise(description: string, max = 200): string {
  const flat = description.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 100 ? cut.lastIndexOf(" ") : max)}…`;
}

export function candidateItemDto(r: CandidateListRow): CandidateVacancyItem {
  return {
    id: r.id,
    displayTitle: r.displayTitle,
    functionTitle: r.functionTitle,
    organisationName: r.organisationName,
    city: r.city,
    kind: r.kind,
    hoursMin: r.hoursMin,
    hoursMax: r.hoursMax,
    educationLevel: r.educationLevel,
    closesOn: r.closesOn,
    distanceKm: r.distanceKm === null ? null : Math.round(r.distanceKm * 10) / 10,
    summary: summarise(r.description),
    imageUrl: imageUrl({ id: r.id, imageFileKey: r.imageFileKey }, r.organisationLogoKey),
    applied: r.applied,
  };
}

export function candidateDetailDto(row: VisibleVacancyRow): CandidateVacancyDetail {
  const occupation = row.occupationId ? getOccupation(row.occupationId) : undefined;
  return {
    id: row.id,
    displayTitle: row.displayTitle,
    functionTitle: row.title,
    description: row.description,
    organisationName: row.organisationName,
    city: row.city,
    kind: row.kind,
    occupation: occupation ? { id: occupation.id, label: occupation.label.nl } : null,
    educationLevel: row.educationLevel,
    hoursMin: row.hoursMin,
    hoursMax: row.hoursMax,
    positions: row.positions,
    salaryMin: row.salaryMin,
    salaryMax: row.salaryMax,
    salaryScaleMin: row.salaryScaleMin,
    salaryScaleMax: row.salaryScaleMax,
    durationKind: row.durationKind,
    durationEndsOn: row.durationEndsOn,
    closesOn: row.closesOn,
    imageUrl: imageUrl(row, row.organisationLogoKey),
    attachments: row.attachments.map(attachmentDto),
    contactName: row.contactVia === "employer" ? row.contactName : null,
    application: row.application
      ? { id: row.application.id, createdAt: iso(row.application.createdAt) }
      : null,
  };
}

/** An organisation as the vacancy form offers it. */
export function formOrganisationDto(
  org: FormOrganisationRow,
  /** The organisations a contact's relation lets them choose; null when no relation limits the caller. */
  units: ReadonlySet<string> | null,
): VacancyOptionsResponse["organisations"][number] {
  return {
    id: org.id,
    name: org.name,
    departments: units ? org.departments.filter((d) => units.has(d.id)) : org.departments,
    departmentRequired: units !== null,
    wholeOrganisation: units ? units.has(org.id) : true,
    contacts: org.contacts.map((p) => ({ id: p.id, name: p.name, email: p.email })),
    sites: org.sites,
    accountManager: personRef(org.account_manager),
    headOffice: {
      street: org.street ? `${org.street} ${org.house_number ?? ""}`.trim() : null,
      city: org.city,
    },
  };
}
