import type { VacancyAction, VacancyPermissions, VacancyStatus } from "../../../contracts/vacancies";
import type { Access } from "../../platform/access";

/** The staff roles that work with vacancies (HalloWerk, Kansenportaal, Carerix, Vlimpers). */
export const VACANCY_STAFF_ROLES = [
  "platform_admin",
  "org_admin",
  "account_manager",
  "employer_contact",
  "hr_officer",
  "selection_officer",
] as const;

/** Route-level access; what a caller may do with one vacancy is decided by `vacancyPermissions`. */
export const vacanciesPolicy = {
  staff: { roles: VACANCY_STAFF_ROLES },
  candidate: { roles: ["candidate"] },
  /** The image shows on the public job board too; the service checks the vacancy is visible. */
  image: "public",
} as const satisfies Record<string, Access>;

/**
 * What a caller acts for, as organisation ids (each including the whole organisation family:
 * the top organisation with its departments and branches, as colleagues in a corporation or
 * an agency with its selection office work on the same vacancies).
 */
export interface VacancyActor {
  userId: string;
  platformAdmin: boolean;
  /** employer_contact: sees all the organisation's vacancies (Carerix). */
  contactOf: readonly string[];
  /** employer_contact with "may manage vacancies": creates and changes all of them (Kansenportaal). */
  managerOf: readonly string[];
  /** account_manager / org_admin: their own organisation and the employers their team looks after. */
  accountManagerFor: readonly string[];
  /** hr_officer: requests vacancies (Vlimpers). */
  hrOf: readonly string[];
  /** selection_officer: approves requests, creates and publishes (Vlimpers). */
  selectionOf: readonly string[];
}

export interface VacancyFacts {
  organisationId: string;
  status: VacancyStatus;
  contactUserId: string | null;
  /** Who made it: a contact person's own vacancies are those they made or are the contact of. */
  createdByUserId: string | null;
  requestedByUserId: string | null;
}

export function readableOrganisations(actor: VacancyActor): readonly string[] | "all" {
  if (actor.platformAdmin) return "all";
  return [
    ...new Set([
      ...actor.contactOf,
      ...actor.managerOf,
      ...actor.accountManagerFor,
      ...actor.hrOf,
      ...actor.selectionOf,
    ]),
  ];
}

export function canRead(actor: VacancyActor, v: Pick<VacancyFacts, "organisationId">): boolean {
  const orgs = readableOrganisations(actor);
  return orgs === "all" || orgs.includes(v.organisationId);
}

/** Full control over the organisation's vacancies (everything but approving requests). */
export function canManageOrganisation(actor: VacancyActor, organisationId: string): boolean {
  return (
    actor.platformAdmin ||
    actor.managerOf.includes(organisationId) ||
    actor.accountManagerFor.includes(organisationId) ||
    actor.selectionOf.includes(organisationId)
  );
}

/** An HR officer may file a request for their organisation. */
export function canRequest(actor: VacancyActor, organisationId: string): boolean {
  return actor.hrOf.includes(organisationId) || canManageOrganisation(actor, organisationId);
}

/**
 * Carerix: "alle vacatures van zijn opdrachtgever zien, maar alleen zijn eigen vacatures
 * wijzigen": their own are those they are the contact person of or made themselves.
 */
export function isOwnAsContact(actor: VacancyActor, v: VacancyFacts): boolean {
  return (
    actor.contactOf.includes(v.organisationId) &&
    (v.contactUserId === actor.userId || v.createdByUserId === actor.userId)
  );
}

export function canEdit(actor: VacancyActor, v: VacancyFacts): boolean {
  if (v.status === "rejected") return canManageOrganisation(actor, v.organisationId);
  if (canManageOrganisation(actor, v.organisationId)) return true;
  // Carerix: a contact without the right to manage vacancies still changes their own.
  if (isOwnAsContact(actor, v)) return true;
  // Vlimpers: the HR officer keeps editing their request until it is decided.
  return (
    v.status === "requested" && actor.hrOf.includes(v.organisationId) && v.requestedByUserId === actor.userId
  );
}

const ARCHIVABLE: readonly VacancyStatus[] = ["draft", "published", "withdrawn", "closed", "rejected"];
const DELETABLE: readonly VacancyStatus[] = ["draft", "archived", "rejected"];

export function vacancyPermissions(actor: VacancyActor, v: VacancyFacts): VacancyPermissions {
  const manage = canManageOrganisation(actor, v.organisationId);
  const steer = manage || isOwnAsContact(actor, v);
  return {
    edit: canEdit(actor, v),
    publish: steer && v.status !== "requested" && v.status !== "rejected",
    archive: steer && ARCHIVABLE.includes(v.status),
    delete: steer && DELETABLE.includes(v.status),
    approve:
      v.status === "requested" && (actor.platformAdmin || actor.selectionOf.includes(v.organisationId)),
    changeOwner: manage,
  };
}

/** The transitions of the life cycle: from which statuses, to which. */
export const TRANSITIONS: Record<VacancyAction, { from: readonly VacancyStatus[]; to: VacancyStatus }> = {
  publish: { from: ["draft", "withdrawn", "closed"], to: "published" },
  withdraw: { from: ["published"], to: "withdrawn" },
  close: { from: ["published", "withdrawn"], to: "closed" },
  archive: { from: ["draft", "published", "withdrawn", "closed", "rejected"], to: "archived" },
  reactivate: { from: ["archived"], to: "draft" },
  approve: { from: ["requested"], to: "draft" },
  reject: { from: ["requested"], to: "rejected" },
};

/** What a transition is called in the history and in its event (`vacancy.<name>`). */
export const TRANSITION_NAMES: Record<VacancyAction, string> = {
  publish: "published",
  withdraw: "withdrawn",
  close: "closed",
  archive: "archived",
  reactivate: "reactivated",
  approve: "approved",
  reject: "rejected",
};

/** Whether the caller may take this transition on the vacancy (its status aside). */
export function mayTransition(actor: VacancyActor, v: VacancyFacts, action: VacancyAction): boolean {
  const permissions = vacancyPermissions(actor, v);
  if (action === "approve" || action === "reject") return permissions.approve;
  if (action === "archive") return permissions.archive;
  return permissions.publish;
}

/**
 * Which organisations the caller may create vacancies for ("all" for the platform
 * administrator). Every contact person may (Carerix "Nieuwe vacature"), within their relation to
 * the employer (`contact-relation.ts`).
 */
export function creatableOrganisations(actor: VacancyActor): readonly string[] | "all" {
  if (actor.platformAdmin) return "all";
  return [
    ...new Set([
      ...actor.contactOf,
      ...actor.managerOf,
      ...actor.accountManagerFor,
      ...actor.selectionOf,
      ...actor.hrOf,
    ]),
  ];
}

/** Whether the caller creates a vacancy for the organisation as a draft (not as a request). */
export function createsDirectly(actor: VacancyActor, organisationId: string): boolean {
  return canManageOrganisation(actor, organisationId) || actor.contactOf.includes(organisationId);
}

/** Attachments, images and CVs: at most 10 MB. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
