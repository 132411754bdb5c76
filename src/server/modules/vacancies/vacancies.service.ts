import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Locale } from "../../../contracts/common";
import type {
  CandidateVacancyDetail,
  CandidateVacancyListResponse,
  CandidateVacancyQuery,
  CreateVacancyRequestSchema,
  UpdateVacancyRequestSchema,
  Vacancy,
  VacancyAction,
  VacancyAttachment,
  VacancyHistoryEntry,
  VacancyListQuerySchema,
  VacancyListResponse,
  VacancyOptionsResponse,
} from "../../../contracts/vacancies";
import type { Principal } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError, type FieldError } from "../../platform/errors";
import { type FileStorage, sniffDocument, sniffImage } from "../../platform/files";
import { fieldMessage } from "../../platform/i18n";
import { candidates } from "../candidates/candidates.schema";
import { employersOfTeam } from "../employers/employers.repository";
import { appliedVacancyIds, type CandidateScope, findMatchOfCandidate } from "../matches";
import { getEducationLevels, getOccupation, getOccupationGroups, getPlace } from "../taxonomy/reference-data";
import { organisationFamilies } from "../tenancy/tenancy.repository";
import { memberships, organisations, users } from "../tenancy/tenancy.schema";
import {
  canEdit,
  canManageOrganisation,
  canRead,
  canRequest,
  readableOrganisations,
  type VacancyActor,
  vacancyPermissions,
} from "./vacancies.policy";
import {
  addHistory,
  countMatches,
  deleteAttachment,
  deleteVacancy,
  findVacancy,
  findVisibleVacancy,
  insertAttachment,
  insertVacancy,
  listAttachments,
  listAttachmentsOfVisibleVacancy,
  listHistory,
  listVacancies,
  listVisibleVacancies,
  matchCounts,
  membershipFacts,
  type NewVacancyRow,
  organisationsByIds,
  PAGE_SIZE,
  type PersonRow,
  peopleByIds,
  sourcesOfVacancy,
  staffOf,
  updateVacancy,
  type VacancyAttachmentRow,
  type VacancyRow,
  type VacancyScope,
} from "./vacancies.repository";
import { vacancyViews } from "./vacancies.schema";
import { audiencesOn, todayIn, type Viewer } from "./visibility";

export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

type CreateInput = z.output<typeof CreateVacancyRequestSchema>;
type UpdateInput = z.output<typeof UpdateVacancyRequestSchema>;
type ListQuery = z.output<typeof VacancyListQuerySchema>;

export interface VacancyServiceDeps {
  db: Db;
  files: FileStorage;
  /** Today's date in the Netherlands; tests may pin it. */
  today?: () => string;
}

/** The fields a person edits, as stored; the history records changes to these. */
const TRACKED: readonly (keyof VacancyRow)[] = [
  "departmentId",
  "contactUserId",
  "accountManagerUserId",
  "ownerUserId",
  "displayTitle",
  "title",
  "description",
  "functionGroup",
  "occupationId",
  "educationLevel",
  "kind",
  "salaryScaleMin",
  "salaryScaleMax",
  "salaryMin",
  "salaryMax",
  "durationKind",
  "durationEndsOn",
  "hoursMin",
  "hoursMax",
  "positions",
  "useHeadOffice",
  "street",
  "houseNumber",
  "postcode",
  "placeId",
  "city",
  "serviceModel",
  "contactVia",
  "status",
  "publishOrganisationFrom",
  "publishPortalFrom",
  "publishAllPortalsFrom",
  "publishPublicFrom",
  "closesOn",
  "imageFileKey",
];

function diff(before: Partial<VacancyRow>, after: Partial<VacancyRow>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of TRACKED) {
    if (!(key in after)) continue;
    const a = before[key] ?? null;
    const b = after[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = [a, b];
  }
  return changes;
}

const STAFF_ROLES_FOR_CONTACT = [
  "employer_contact",
  "org_admin",
  "hr_officer",
  "selection_officer",
  "account_manager",
];

/** A field path for the API (the request's shape), from the stored column it checks. */
const FIELD_PATH: Partial<Record<keyof VacancyRow, string>> = {
  title: "functionTitle",
  publishOrganisationFrom: "publication.organisationFrom",
  publishPortalFrom: "publication.portalFrom",
  publishAllPortalsFrom: "publication.allPortalsFrom",
  publishPublicFrom: "publication.publicFrom",
  closesOn: "publication.closesOn",
  placeId: "workAddress.placeId",
  city: "workAddress",
};

export function createVacancyService(deps: VacancyServiceDeps) {
  const { db, files } = deps;
  const today = deps.today ?? (() => todayIn());

  async function actorFor(principal: Principal): Promise<VacancyActor> {
    const facts = await membershipFacts(db, principal.userId);
    const orgsOf = (predicate: (m: (typeof facts)[number]) => boolean) =>
      facts.filter(predicate).flatMap((m) => (m.organisationId ? [m.organisationId] : []));
    const team = await organisationFamilies(
      db,
      orgsOf((m) => m.role === "account_manager" || m.role === "org_admin"),
    );
    // Employers of the team; the portal's sharing rule gives sight, never the right to change.
    const managed = await employersOfTeam(db, team);
    return {
      userId: principal.userId,
      platformAdmin: facts.some((m) => m.role === "platform_admin"),
      contactOf: await organisationFamilies(
        db,
        orgsOf((m) => m.role === "employer_contact"),
      ),
      managerOf: await organisationFamilies(
        db,
        orgsOf((m) => m.role === "employer_contact" && m.mayManageVacancies),
      ),
      accountManagerFor: [...new Set([...team, ...managed])],
      hrOf: await organisationFamilies(
        db,
        orgsOf((m) => m.role === "hr_officer"),
      ),
      selectionOf: await organisationFamilies(
        db,
        orgsOf((m) => m.role === "selection_officer"),
      ),
    };
  }

  function scopeOf(actor: VacancyActor): VacancyScope {
    const orgs = readableOrganisations(actor);
    return orgs === "all" ? { all: true } : { organisationIds: orgs };
  }

  /** A vacancy the caller may read; 404 for anything else, so ids cannot be probed. */
  async function readable(principal: Principal, id: string) {
    const actor = await actorFor(principal);
    const scope = scopeOf(actor);
    const row = await findVacancy(db, scope, id);
    if (!row || !canRead(actor, row)) throw new AppError("not_found");
    return { actor, scope, row };
  }

  async function editable(principal: Principal, id: string) {
    const found = await readable(principal, id);
    if (!canEdit(found.actor, found.row)) throw new AppError("forbidden");
    return found;
  }

  const personRef = (people: Map<string, PersonRow>, id: string | null) => {
    const p = id ? people.get(id) : undefined;
    return p ? { id: p.id, name: p.name, email: p.email } : null;
  };

  const attachmentDto = (row: VacancyAttachmentRow): VacancyAttachment => ({
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    url: `/api/v1/vacancies/${row.vacancyId}/attachments/${row.id}`,
    createdAt: row.createdAt.toISOString(),
  });

  function imageUrl(row: Pick<VacancyRow, "id" | "imageFileKey">, logoKey: string | null): string | null {
    const key = row.imageFileKey ?? logoKey;
    if (!key) return null;
    // The key changes with every upload, so browsers may cache the URL for long.
    return `/api/v1/vacancies/${row.id}/image?v=${encodeURIComponent(key.split("/").pop() ?? "")}`;
  }

  async function toDto(row: VacancyRow, actor: VacancyActor, scope: VacancyScope): Promise<Vacancy> {
    const orgs = await organisationsByIds(db, [
      row.organisationId,
      ...(row.departmentId ? [row.departmentId] : []),
    ]);
    const org = orgs.get(row.organisationId)!;
    const department = row.departmentId ? orgs.get(row.departmentId) : undefined;
    const people = await peopleByIds(db, [
      row.contactUserId,
      row.accountManagerUserId,
      row.ownerUserId,
      row.createdByUserId,
      row.requestedByUserId,
      row.decidedByUserId,
    ]);
    const occupation = row.occupationId ? getOccupation(row.occupationId) : undefined;
    const attachments = await listAttachments(db, scope, row.id);
    const wasRequested =
      row.requestedByUserId !== null || row.status === "requested" || row.status === "rejected";
    return {
      id: row.id,
      status: row.status,
      organisation: { id: org.id, name: org.name, city: org.city },
      department: department ? { id: department.id, name: department.name } : null,
      contact: personRef(people, row.contactUserId),
      accountManager: personRef(people, row.accountManagerUserId),
      owner: personRef(people, row.ownerUserId),
      createdBy: personRef(people, row.createdByUserId),
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
      imageUrl: imageUrl(row, org.logoFileKey),
      attachments: attachments.map(attachmentDto),
      serviceModel: row.serviceModel,
      contactVia: row.contactVia,
      publication: {
        organisationFrom: row.publishOrganisationFrom,
        portalFrom: row.publishPortalFrom,
        allPortalsFrom: row.publishAllPortalsFrom,
        publicFrom: row.publishPublicFrom,
        closesOn: row.closesOn,
      },
      visibleTo: audiencesOn(row, today()),
      request: wasRequested
        ? {
            requestedBy: personRef(people, row.requestedByUserId),
            comment: row.requestComment,
            decidedBy: personRef(people, row.decidedByUserId),
            decisionComment: row.decisionComment,
            decidedAt: row.decidedAt?.toISOString() ?? null,
          }
        : null,
      counts: await matchCounts(db, row.id),
      publishedAt: row.publishedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      permissions: vacancyPermissions(actor, row),
    };
  }

  /** Turns the request's fields into columns, and checks what zod cannot. */
  async function resolveFields(
    input: Partial<CreateInput>,
    context: { organisationId: string; current: VacancyRow | null; actor: VacancyActor; locale: Locale },
  ): Promise<Partial<NewVacancyRow>> {
    const { locale } = context;
    const problems: FieldError[] = [];
    const fail = (path: string, key: string) => problems.push({ path, message: fieldMessage(key, locale) });
    const out: Partial<NewVacancyRow> = {};
    const family = await organisationFamilies(db, [context.organisationId]);

    if (input.displayTitle !== undefined) out.displayTitle = input.displayTitle;
    if (input.functionTitle !== undefined) out.title = input.functionTitle;
    if (input.description !== undefined) out.description = input.description;
    if (input.kind !== undefined) out.kind = input.kind;
    if (input.positions !== undefined) out.positions = input.positions;
    if (input.serviceModel !== undefined) out.serviceModel = input.serviceModel;
    if (input.contactVia !== undefined) out.contactVia = input.contactVia;
    for (const key of [
      "salaryScaleMin",
      "salaryScaleMax",
      "salaryMin",
      "salaryMax",
      "hoursMin",
      "hoursMax",
    ] as const) {
      if (input[key] !== undefined) out[key] = input[key];
    }
    if (input.durationKind !== undefined) out.durationKind = input.durationKind;
    if (input.durationEndsOn !== undefined) out.durationEndsOn = input.durationEndsOn;

    if (input.functionGroup !== undefined) {
      if (input.functionGroup !== null && !getOccupationGroups().some((g) => g.id === input.functionGroup)) {
        fail("functionGroup", "unknown_option");
      }
      out.functionGroup = input.functionGroup;
    }
    if (input.educationLevel !== undefined) {
      if (input.educationLevel !== null && !getEducationLevels().some((l) => l.id === input.educationLevel)) {
        fail("educationLevel", "unknown_option");
      }
      out.educationLevel = input.educationLevel;
    }
    if (input.occupationId !== undefined) {
      const occupation = input.occupationId ? getOccupation(input.occupationId) : null;
      if (input.occupationId && !occupation) fail("occupationId", "unknown_occupation");
      out.occupationId = input.occupationId;
      // The occupation's ISCO group is the function group unless one was chosen.
      if (occupation && input.functionGroup == null && !context.current?.functionGroup) {
        out.functionGroup = occupation.group;
      }
    }
    if (input.departmentId !== undefined) {
      if (
        input.departmentId !== null &&
        (!family.includes(input.departmentId) || input.departmentId === context.organisationId)
      ) {
        fail("departmentId", "department_other_organisation");
      }
      out.departmentId = input.departmentId;
    }
    if (input.contactUserId !== undefined) {
      if (input.contactUserId !== null) {
        const staff = await staffOf(db, family, STAFF_ROLES_FOR_CONTACT);
        if (!staff.some((s) => s.id === input.contactUserId))
          fail("contactUserId", "contact_other_organisation");
      }
      out.contactUserId = input.contactUserId;
    }
    if (input.accountManagerUserId !== undefined) {
      if (input.accountManagerUserId !== null) {
        const ok = await db
          .select({ id: memberships.id })
          .from(memberships)
          .where(
            and(
              eq(memberships.userId, input.accountManagerUserId),
              inArray(memberships.role, ["account_manager", "org_admin"]),
            ),
          )
          .limit(1);
        if (ok.length === 0) fail("accountManagerUserId", "person_not_allowed");
      }
      out.accountManagerUserId = input.accountManagerUserId;
    }
    if ("ownerUserId" in input && typeof input.ownerUserId === "string") {
      const owners = await ownerCandidates(context.organisationId);
      if (!owners.some((o) => o.id === input.ownerUserId)) fail("ownerUserId", "person_not_allowed");
      out.ownerUserId = input.ownerUserId;
    }
    if (input.workAddress !== undefined) {
      if (input.workAddress === null) {
        const [org] = await db
          .select()
          .from(organisations)
          .where(eq(organisations.id, context.organisationId));
        Object.assign(out, {
          useHeadOffice: true,
          street: org?.street ?? null,
          houseNumber: org?.houseNumber ?? null,
          postcode: org?.postcode ?? null,
          placeId: null,
          city: org?.city ?? null,
          lat: org?.lat ?? null,
          lon: org?.lon ?? null,
        });
      } else {
        const place = getPlace(input.workAddress.placeId);
        if (!place) fail("workAddress.placeId", "unknown_place");
        Object.assign(out, {
          useHeadOffice: false,
          street: input.workAddress.street || null,
          houseNumber: input.workAddress.houseNumber || null,
          postcode: input.workAddress.postcode ? input.workAddress.postcode.toUpperCase() : null,
          placeId: input.workAddress.placeId,
          city: place?.name ?? null,
          lat: place?.lat ?? null,
          lon: place?.lon ?? null,
        });
      }
    }
    if (input.publication !== undefined) {
      out.publishOrganisationFrom = input.publication.organisationFrom;
      out.publishPortalFrom = input.publication.portalFrom;
      out.publishAllPortalsFrom = input.publication.allPortalsFrom;
      out.publishPublicFrom = input.publication.publicFrom;
      out.closesOn = input.publication.closesOn;
    }

    // Checks across fields, on the vacancy as it will be after this change.
    const merged = { ...(context.current ?? {}), ...out } as Partial<VacancyRow>;
    const pairs = [
      ["hoursMin", "hoursMax"],
      ["salaryMin", "salaryMax"],
      ["salaryScaleMin", "salaryScaleMax"],
    ] as const;
    for (const [min, max] of pairs) {
      const a = merged[min];
      const b = merged[max];
      if (a != null && b != null && a > b) fail(max, "range_min_above_max");
    }
    if (merged.durationKind === "temporary" && !merged.durationEndsOn)
      fail("durationEndsOn", "end_date_required");
    const closes = merged.closesOn;
    if (closes) {
      const froms = [
        merged.publishOrganisationFrom,
        merged.publishPortalFrom,
        merged.publishAllPortalsFrom,
        merged.publishPublicFrom,
      ];
      if (froms.some((from) => from && from > closes))
        fail("publication.closesOn", "closes_before_publication");
    }
    for (const key of [
      "durationEndsOn",
      "closesOn",
      "publishOrganisationFrom",
      "publishPortalFrom",
      "publishAllPortalsFrom",
      "publishPublicFrom",
    ] as const) {
      const value = merged[key];
      if (value && Number.isNaN(Date.parse(value))) fail(FIELD_PATH[key] ?? key, "date_invalid");
    }
    if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
    return out;
  }

  /** What publishing needs (Vlimpers: "als de verplichte velden volledig zijn ingevuld"). */
  function missingForPublication(row: VacancyRow, locale: Locale): FieldError[] {
    const missing: FieldError[] = [];
    const need = (ok: boolean, path: string, key = "required_for_publication") => {
      if (!ok) missing.push({ path, message: fieldMessage(key, locale) });
    };
    need(row.displayTitle.trim().length > 0, "displayTitle");
    need(row.title.trim().length > 0, "functionTitle");
    need(row.description.trim().length > 0, "description");
    need(row.occupationId !== null, "occupationId");
    need(row.educationLevel !== null, "educationLevel");
    need(row.hoursMin !== null || row.hoursMax !== null, "hoursMax");
    need(row.city !== null && row.lat !== null, "workAddress");
    need(row.contactUserId !== null, "contactUserId");
    need(row.closesOn !== null, "publication.closesOn");
    need(
      [
        row.publishOrganisationFrom,
        row.publishPortalFrom,
        row.publishAllPortalsFrom,
        row.publishPublicFrom,
      ].some((d) => d !== null),
      "publication",
      "audience_required",
    );
    return missing;
  }

  async function ownerCandidates(organisationId: string): Promise<PersonRow[]> {
    const family = await organisationFamilies(db, [organisationId]);
    const own = await staffOf(db, family, [
      "employer_contact",
      "org_admin",
      "hr_officer",
      "selection_officer",
      "account_manager",
    ]);
    const [org] = await db
      .select({ accountManagerUserId: organisations.accountManagerUserId })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    let team: PersonRow[] = [];
    if (org?.accountManagerUserId) {
      const teamOrgs = (await membershipFacts(db, org.accountManagerUserId)).flatMap((m) =>
        m.organisationId && (m.role === "account_manager" || m.role === "org_admin")
          ? [m.organisationId]
          : [],
      );
      team = await staffOf(db, await organisationFamilies(db, teamOrgs), ["account_manager", "org_admin"]);
    }
    const byId = new Map<string, PersonRow>();
    for (const p of [...own, ...team]) byId.set(p.id, { id: p.id, name: p.name, email: p.email });
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "nl"));
  }

  async function record(
    scope: VacancyScope,
    row: Pick<VacancyRow, "id" | "organisationId">,
    userId: string | null,
    action: string,
    changes: Record<string, [unknown, unknown]> = {},
    comment: string | null = null,
  ) {
    await addHistory(db, scope, {
      vacancyId: row.id,
      organisationId: row.organisationId,
      userId,
      action,
      changes,
      comment,
    });
  }

  /** The transitions of the life cycle: from which statuses, to which. */
  const TRANSITIONS: Record<
    VacancyAction,
    { from: readonly VacancyRow["status"][]; to: VacancyRow["status"] }
  > = {
    publish: { from: ["draft", "withdrawn", "closed"], to: "published" },
    withdraw: { from: ["published"], to: "withdrawn" },
    close: { from: ["published", "withdrawn"], to: "closed" },
    archive: { from: ["draft", "published", "withdrawn", "closed", "rejected"], to: "archived" },
    reactivate: { from: ["archived"], to: "draft" },
    approve: { from: ["requested"], to: "draft" },
    reject: { from: ["requested"], to: "rejected" },
  };

  async function candidateScopeOf(
    userId: string,
  ): Promise<CandidateScope & { rows: (typeof candidates.$inferSelect)[] }> {
    const rows = await db.select().from(candidates).where(eq(candidates.userId, userId));
    return { candidateIds: rows.map((r) => r.id), rows };
  }

  async function viewerOf(userId: string): Promise<Extract<Viewer, { kind: "candidate" }>> {
    const facts = await membershipFacts(db, userId);
    return {
      kind: "candidate",
      portalIds: facts.flatMap((m) => (m.role === "candidate" && m.portalId ? [m.portalId] : [])),
      organisationIds: await organisationFamilies(
        db,
        facts.flatMap((m) => (m.role !== "candidate" && m.organisationId ? [m.organisationId] : [])),
      ),
    };
  }

  return {
    actorFor,

    async list(principal: Principal, query: ListQuery): Promise<VacancyListResponse> {
      const actor = await actorFor(principal);
      const day = today();
      const { rows, total } = await listVacancies(db, scopeOf(actor), query, {
        userId: principal.userId,
        today: day,
      });
      const people = await peopleByIds(
        db,
        rows.map((r) => r.accountManagerUserId),
      );
      return {
        vacancies: rows.map((r) => ({
          id: r.id,
          status: r.status,
          displayTitle: r.displayTitle,
          functionTitle: r.functionTitle,
          organisation: { id: r.organisationId, name: r.organisationName },
          city: r.city,
          createdAt: r.createdAt.toISOString(),
          closesOn: r.closesOn,
          visibleTo: audiencesOn({ ...r }, day),
          createdByKind: r.createdByKind,
          accountManager: personRef(people, r.accountManagerUserId),
          savedCount: r.savedCount,
          proposedCount: r.proposedCount,
        })),
        total,
        page: query.page,
        pageSize: PAGE_SIZE,
      };
    },

    async options(principal: Principal, organisationId: string | undefined): Promise<VacancyOptionsResponse> {
      const actor = await actorFor(principal);
      const creatable = actor.platformAdmin
        ? null
        : [...new Set([...actor.managerOf, ...actor.accountManagerFor, ...actor.selectionOf, ...actor.hrOf])];
      const orgRows = await db
        .select()
        .from(organisations)
        .where(
          organisationId
            ? eq(organisations.id, organisationId)
            : creatable
              ? creatable.length > 0
                ? inArray(organisations.id, creatable)
                : eq(organisations.id, "00000000-0000-0000-0000-000000000000")
              : undefined,
        )
        .orderBy(organisations.name);
      const visible = orgRows.filter((o) => creatable === null || creatable.includes(o.id));
      const people = await peopleByIds(
        db,
        visible.map((o) => o.accountManagerUserId),
      );
      const result: VacancyOptionsResponse["organisations"] = [];
      for (const org of visible.slice(0, 200)) {
        const family = await organisationFamilies(db, [org.id]);
        const departments = await organisationsByIds(
          db,
          family.filter((id) => id !== org.id),
        );
        const contacts = await staffOf(db, family, STAFF_ROLES_FOR_CONTACT);
        result.push({
          id: org.id,
          name: org.name,
          departments: [...departments.values()]
            .filter((d) => d.parentId !== null)
            .map((d) => ({ id: d.id, name: d.name })),
          contacts: dedupe(contacts),
          accountManager: personRef(people, org.accountManagerUserId),
          headOffice: {
            street: org.street ? `${org.street} ${org.houseNumber ?? ""}`.trim() : null,
            city: org.city,
          },
        });
      }
      const managers = await db
        .selectDistinct({ id: users.id, name: users.name, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            inArray(memberships.role, ["account_manager", "org_admin"]),
            actor.platformAdmin
              ? undefined
              : inArray(
                  memberships.organisationId,
                  actor.accountManagerFor.length > 0
                    ? [...actor.accountManagerFor]
                    : ["00000000-0000-0000-0000-000000000000"],
                ),
          ),
        )
        .orderBy(users.name);
      const owners = organisationId ? await ownerCandidates(organisationId) : [];
      return { organisations: result, accountManagers: managers, owners };
    },

    async create(principal: Principal, input: CreateInput, locale: Locale): Promise<Vacancy> {
      const actor = await actorFor(principal);
      const direct = canManageOrganisation(actor, input.organisationId);
      const request = input.asRequest || !direct;
      if (request ? !canRequest(actor, input.organisationId) : !direct) {
        // Not one of the caller's organisations: indistinguishable from one that does not exist.
        if (!canRead(actor, { organisationId: input.organisationId })) {
          throw new AppError("validation_failed", {
            fields: [{ path: "organisationId", message: fieldMessage("unknown_option", locale) }],
          });
        }
        throw new AppError("forbidden");
      }
      const [org] = await db.select().from(organisations).where(eq(organisations.id, input.organisationId));
      if (!org) throw new AppError("not_found");
      const fields = await resolveFields(input, {
        organisationId: org.id,
        current: null,
        actor,
        locale,
      });
      const staffSide = actor.accountManagerFor.includes(org.id) && !actor.managerOf.includes(org.id);
      const row = await db.transaction(async (tx) => {
        const txScope = scopeOf(actor);
        const created = await insertVacancy(tx as unknown as Db, txScope, {
          ...fields,
          displayTitle: input.displayTitle,
          title: input.functionTitle,
          organisationId: org.id,
          portalId: org.homePortalId,
          createdByUserId: principal.userId,
          createdByKind: staffSide ? "account_manager" : "employer",
          contactUserId:
            fields.contactUserId ??
            (actor.contactOf.includes(org.id) || actor.hrOf.includes(org.id) ? principal.userId : null),
          accountManagerUserId: fields.accountManagerUserId ?? org.accountManagerUserId,
          ownerUserId: principal.userId,
          status: request ? "requested" : "draft",
          requestedByUserId: request ? principal.userId : null,
          requestComment: request ? input.requestComment : null,
        });
        await addHistory(tx as unknown as Db, txScope, {
          vacancyId: created.id,
          organisationId: created.organisationId,
          userId: principal.userId,
          action: request ? "requested" : "created",
          changes: diff({}, created),
          comment: request ? input.requestComment : null,
        });
        return created;
      });
      return toDto(row, actor, scopeOf(actor));
    },

    async get(principal: Principal, id: string): Promise<Vacancy> {
      const { actor, scope, row } = await readable(principal, id);
      return toDto(row, actor, scope);
    },

    async update(principal: Principal, id: string, input: UpdateInput, locale: Locale): Promise<Vacancy> {
      const { actor, scope, row } = await editable(principal, id);
      if (input.ownerUserId !== undefined && !vacancyPermissions(actor, row).changeOwner) {
        throw new AppError("forbidden");
      }
      const fields = await resolveFields(input, {
        organisationId: row.organisationId,
        current: row,
        actor,
        locale,
      });
      // A published vacancy must stay publishable.
      const changes = diff(row, fields);
      if (Object.keys(changes).length === 0) return toDto(row, actor, scope);
      const next = { ...row, ...fields } as VacancyRow;
      if (row.status === "published") {
        const missing = missingForPublication(next, locale);
        if (missing.length > 0) throw new AppError("validation_failed", { fields: missing });
      }
      const updated = await db.transaction(async (tx) => {
        const result = await updateVacancy(tx as unknown as Db, scope, id, fields);
        if (!result) throw new AppError("not_found");
        await addHistory(tx as unknown as Db, scope, {
          vacancyId: id,
          organisationId: row.organisationId,
          userId: principal.userId,
          action: "updated",
          changes,
        });
        return result;
      });
      return toDto(updated, actor, scope);
    },

    async transition(
      principal: Principal,
      id: string,
      action: VacancyAction,
      comment: string | null,
      locale: Locale,
    ): Promise<Vacancy> {
      const { actor, scope, row } = await readable(principal, id);
      const permissions = vacancyPermissions(actor, row);
      const allowed =
        action === "approve" || action === "reject"
          ? permissions.approve
          : action === "archive"
            ? permissions.archive
            : permissions.publish;
      if (!allowed) throw new AppError("forbidden");
      const rule = TRANSITIONS[action];
      if (!rule.from.includes(row.status)) throw new AppError("invalid_transition");
      if (action === "reject" && !comment) {
        throw new AppError("validation_failed", {
          fields: [{ path: "comment", message: fieldMessage("required", locale) }],
        });
      }
      const patch: Partial<NewVacancyRow> = { status: rule.to };
      if (action === "publish") {
        const missing = missingForPublication(row, locale);
        if (row.closesOn && row.closesOn < today()) {
          missing.push({
            path: "publication.closesOn",
            message: fieldMessage("closes_before_publication", locale),
          });
        }
        if (missing.length > 0) throw new AppError("validation_failed", { fields: missing });
        if (!row.publishedAt) patch.publishedAt = new Date();
      }
      // Back from the archive: the audiences will be announced again when it is republished.
      if (action === "reactivate") patch.announcedAudiences = [];
      if (action === "approve" || action === "reject") {
        patch.decidedByUserId = principal.userId;
        patch.decisionComment = comment;
        patch.decidedAt = new Date();
        // Vlimpers: the selection officer who takes the request on becomes its primary owner.
        if (action === "approve") patch.ownerUserId = principal.userId;
      }
      const updated = await db.transaction(async (tx) => {
        const result = await updateVacancy(tx as unknown as Db, scope, id, patch, row.status);
        if (!result) throw new AppError("invalid_transition");
        await addHistory(tx as unknown as Db, scope, {
          vacancyId: id,
          organisationId: row.organisationId,
          userId: principal.userId,
          action: action === "approve" ? "approved" : action === "reject" ? "rejected" : actionName(action),
          changes: diff(row, patch),
          comment,
        });
        return result;
      });
      return toDto(updated, actor, scope);
    },

    async copy(principal: Principal, id: string): Promise<Vacancy> {
      const { actor, scope, row } = await readable(principal, id);
      if (!canManageOrganisation(actor, row.organisationId) && !vacancyPermissions(actor, row).publish) {
        throw new AppError("forbidden");
      }
      const {
        id: _id,
        createdAt: _c,
        updatedAt: _u,
        publishedAt: _p,
        announcedAudiences: _a,
        status: _s,
        imageFileKey: _i,
        requestedByUserId: _r,
        requestComment: _rc,
        decidedByUserId: _d,
        decisionComment: _dc,
        decidedAt: _da,
        ...fields
      } = row;
      const created = await db.transaction(async (tx) => {
        const copy = await insertVacancy(tx as unknown as Db, scope, {
          ...fields,
          status: "draft",
          createdByUserId: principal.userId,
          ownerUserId: principal.userId,
        });
        await addHistory(tx as unknown as Db, scope, {
          vacancyId: copy.id,
          organisationId: copy.organisationId,
          userId: principal.userId,
          action: "copied",
          changes: {},
          comment: row.displayTitle,
        });
        return copy;
      });
      return toDto(created, actor, scope);
    },

    async remove(principal: Principal, id: string, confirmed: boolean): Promise<void> {
      const { actor, scope, row } = await readable(principal, id);
      if (!vacancyPermissions(actor, row).delete) {
        if (canEdit(actor, row)) throw new AppError("invalid_transition");
        throw new AppError("forbidden");
      }
      if (!confirmed) throw new AppError("confirmation_required");
      if ((await countMatches(db, id)) > 0) throw new AppError("has_applications");
      const attachments = await listAttachments(db, scope, id);
      await deleteVacancy(db, scope, id);
      for (const file of [
        ...attachments.map((a) => a.fileKey),
        ...(row.imageFileKey ? [row.imageFileKey] : []),
      ]) {
        await files.delete(file);
      }
    },

    async sources(principal: Principal, id: string) {
      const { scope } = await readable(principal, id);
      return sourcesOfVacancy(db, scope, id);
    },

    async history(principal: Principal, id: string): Promise<VacancyHistoryEntry[]> {
      const { scope } = await readable(principal, id);
      const rows = await listHistory(db, scope, id);
      return rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: r.userId && r.userName ? { id: r.userId, name: r.userName, email: r.userEmail } : null,
        action: r.action,
        changes: r.changes,
        comment: r.comment,
      }));
    },

    async addAttachment(
      principal: Principal,
      id: string,
      upload: { fileName: string; data: Buffer },
      locale: Locale,
    ): Promise<VacancyAttachment> {
      const { scope, row } = await editable(principal, id);
      const kind = sniffDocument(upload.data) ?? sniffImage(upload.data);
      if (!kind) {
        throw new AppError("validation_failed", {
          fields: [{ path: "file", message: fieldMessage("file_type_not_allowed", locale) }],
        });
      }
      const key = `vacancies/${row.id}/${randomUUID()}.${kind.ext}`;
      await files.put(key, upload.data, kind.type);
      const fileName = `${upload.fileName.replace(/\.[a-z0-9]{1,5}$/i, "")}.${kind.ext}`;
      const attachment = await insertAttachment(db, scope, {
        vacancyId: row.id,
        organisationId: row.organisationId,
        fileKey: key,
        fileName,
        contentType: kind.type,
        size: upload.data.length,
        createdByUserId: principal.userId,
      });
      await record(scope, row, principal.userId, "attachment_added", {}, fileName);
      return attachmentDto(attachment);
    },

    async removeAttachment(principal: Principal, id: string, attachmentId: string): Promise<void> {
      const { scope, row } = await editable(principal, id);
      const removed = await deleteAttachment(db, scope, id, attachmentId);
      if (!removed) throw new AppError("not_found");
      await files.delete(removed.fileKey);
      await record(scope, row, principal.userId, "attachment_removed", {}, removed.fileName);
    },

    /** An attachment for staff who may read the vacancy, or a candidate who can see it. */
    async attachment(principal: Principal, id: string, attachmentId: string) {
      let list: VacancyAttachmentRow[];
      if (principal.roles.some((r) => r !== "candidate")) {
        try {
          const { scope } = await readable(principal, id);
          list = await listAttachments(db, scope, id);
        } catch {
          list = [];
        }
      } else list = [];
      if (list.length === 0) {
        const visible = await findVisibleVacancy(db, await viewerOf(principal.userId), id, today());
        list = visible ? await listAttachmentsOfVisibleVacancy(db, id) : [];
      }
      const found = list.find((a) => a.id === attachmentId);
      if (!found) throw new AppError("not_found");
      const file = await files.get(found.fileKey);
      if (!file) throw new AppError("not_found");
      return { ...file, fileName: found.fileName };
    },

    async setImage(principal: Principal, id: string, data: Buffer, locale: Locale): Promise<Vacancy> {
      const { actor, scope, row } = await editable(principal, id);
      const image = sniffImage(data);
      if (!image) {
        throw new AppError("validation_failed", {
          fields: [{ path: "image", message: fieldMessage("image_type_not_allowed", locale) }],
        });
      }
      const key = `vacancies/${row.id}/image-${randomUUID()}.${image.ext}`;
      await files.put(key, data, image.type);
      const updated = await updateVacancy(db, scope, id, { imageFileKey: key });
      if (row.imageFileKey) await files.delete(row.imageFileKey);
      await record(scope, row, principal.userId, "image_changed");
      return toDto(updated!, actor, scope);
    },

    async removeImage(principal: Principal, id: string): Promise<Vacancy> {
      const { actor, scope, row } = await editable(principal, id);
      const updated = await updateVacancy(db, scope, id, { imageFileKey: null });
      if (row.imageFileKey) {
        await files.delete(row.imageFileKey);
        await record(scope, row, principal.userId, "image_removed");
      }
      return toDto(updated!, actor, scope);
    },

    /**
     * The vacancy's image (or the organisation's logo): for staff who may read the vacancy,
     * and for anyone who can see it (candidates, visitors of the public board).
     */
    async image(principal: Principal | null, id: string) {
      let row: (VacancyRow & { organisationLogoKey?: string | null }) | null = null;
      if (principal?.roles.some((r) => r !== "candidate")) {
        const actor = await actorFor(principal);
        const found = await findVacancy(db, scopeOf(actor), id);
        if (found && canRead(actor, found)) row = found;
      }
      if (!row) {
        const viewer: Viewer = principal ? await viewerOf(principal.userId) : { kind: "anonymous" };
        row = await findVisibleVacancy(db, viewer, id, today());
      }
      if (!row) throw new AppError("not_found");
      let key = row.imageFileKey;
      if (!key) {
        const [org] = await db
          .select({ logo: organisations.logoFileKey })
          .from(organisations)
          .where(eq(organisations.id, row.organisationId));
        key = org?.logo ?? null;
      }
      const file = key ? await files.get(key) : null;
      if (!file) throw new AppError("not_found");
      return file;
    },

    /** Candidate side: the vacancies this person may see, searchable. */
    async candidateList(
      principal: Principal,
      query: CandidateVacancyQuery,
      hostPortalId: string | null,
    ): Promise<CandidateVacancyListResponse> {
      const viewer = await viewerOf(principal.userId);
      const own = await candidateScopeOf(principal.userId);
      const home =
        own.rows.find((c) => c.portalId === hostPortalId && c.lat !== null) ??
        own.rows.find((c) => c.lat !== null);
      const place = query.placeId ? getPlace(query.placeId) : undefined;
      const origin = place
        ? { lat: place.lat, lon: place.lon, placeId: place.id, name: place.name }
        : home && home.lat !== null && home.lon !== null
          ? { lat: home.lat, lon: home.lon, placeId: null, name: home.city ?? home.postcode ?? "" }
          : null;
      const { rows, total } = await listVisibleVacancies(db, viewer, query, origin, today());
      const applied = await appliedVacancyIds(
        db,
        own,
        rows.map((r) => r.id),
      );
      return {
        vacancies: rows.map((r) => ({
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
          applied: applied.has(r.id),
        })),
        total,
        page: query.page,
        pageSize: PAGE_SIZE,
        origin: origin ? { placeId: origin.placeId, name: origin.name } : null,
      };
    },

    async candidateDetail(principal: Principal, id: string, source: string): Promise<CandidateVacancyDetail> {
      const viewer = await viewerOf(principal.userId);
      const row = await findVisibleVacancy(db, viewer, id, today());
      if (!row) throw new AppError("not_found");
      const own = await candidateScopeOf(principal.userId);
      const match = await findMatchOfCandidate(db, own, id);
      const people = await peopleByIds(db, [row.contactUserId]);
      const occupation = row.occupationId ? getOccupation(row.occupationId) : undefined;
      await db
        .insert(vacancyViews)
        .values({ vacancyId: row.id, portalId: row.portalId, source, channel: "app" });
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
        attachments: (await listAttachmentsOfVisibleVacancy(db, id)).map(attachmentDto),
        contactName:
          row.contactVia === "employer" ? (personRef(people, row.contactUserId)?.name ?? null) : null,
        application:
          match && match.source === "applied"
            ? { id: match.id, createdAt: match.createdAt.toISOString() }
            : null,
      };
    },
  };
}

function dedupe(people: PersonRow[]): PersonRow[] {
  const byId = new Map<string, PersonRow>();
  for (const p of people) byId.set(p.id, { id: p.id, name: p.name, email: p.email });
  return [...byId.values()];
}

function actionName(action: VacancyAction): string {
  const names: Record<VacancyAction, string> = {
    publish: "published",
    withdraw: "withdrawn",
    close: "closed",
    archive: "archived",
    reactivate: "reactivated",
    approve: "approved",
    reject: "rejected",
  };
  return names[action];
}

/** The first lines of a description for a result card. */
export function summarise(description: string, max = 200): string {
  const flat = description.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 100 ? cut.lastIndexOf(" ") : max)}…`;
}

export type VacancyService = ReturnType<typeof createVacancyService>;
