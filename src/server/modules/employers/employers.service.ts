import { and, count, desc, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Locale } from "../../../contracts/common";
import type {
  AccessStatus,
  AccountManagerHomeResponse,
  ContactPerson,
  ContactPersonInputSchema,
  CreateEmployerRequestSchema,
  Employer,
  EmployerListQuery,
  EmployerListResponse,
  RegistrySearchResponse,
  UpdateContactPersonRequestSchema,
  UpdateEmployerRequestSchema,
} from "../../../contracts/employers";
import type { Principal } from "../../platform/access";
import type { Db } from "../../platform/db";
import { AppError } from "../../platform/errors";
import { fieldMessage } from "../../platform/i18n";
import type { Mailer } from "../../platform/mail";
import { accessRevoked, mailLocale } from "../../platform/mail-templates";
import { recordAudit } from "../identity/audit.repository";
import { invitations, sessions } from "../identity/identity.schema";
import type { InvitationService } from "../identity/invitations.service";
import { matches } from "../matches/matches.schema";
import { findPlaceByName, getPlace } from "../taxonomy/reference-data";
import { organisationFamilies } from "../tenancy/tenancy.repository";
import { memberships, organisations, users } from "../tenancy/tenancy.schema";
import { todayIn } from "../vacancies";
import { vacancies, vacancyHistory } from "../vacancies/vacancies.schema";
import { type CompanyRegistry, RegistryUnavailableError } from "./company-registry";
import {
  accessFacts,
  type ContactPersonRow,
  deleteContact,
  EMPLOYER_PAGE_SIZE,
  type EmployerRow,
  type EmployerScope,
  employersOfTeam,
  findByKvk,
  findContact,
  findEmployer,
  insertContact,
  insertEmployer,
  lastVisit,
  listContacts,
  listEmployers,
  recordVisit,
  teamOf,
  updateContact,
  updateEmployer,
  vacancyActivity,
  vacancyCounts,
} from "./employers.repository";
import { contactPersons as contactPersons_ } from "./employers.schema";

type CreateInput = z.output<typeof CreateEmployerRequestSchema>;
type UpdateInput = z.output<typeof UpdateEmployerRequestSchema>;
type ContactInput = z.output<typeof ContactPersonInputSchema>;
type ContactUpdate = z.output<typeof UpdateContactPersonRequestSchema>;

export interface EmployerServiceDeps {
  db: Db;
  mailer: Mailer;
  registry: CompanyRegistry;
  invitations: InvitationService;
}

interface Scopes {
  read: EmployerScope;
  write: EmployerScope;
  team: string[];
  platformAdmin: boolean;
}

const ANY = { all: true } as const;

export function createEmployerService(deps: EmployerServiceDeps) {
  const { db, registry } = deps;

  async function scopesOf(principal: Principal): Promise<Scopes> {
    if (principal.roles.includes("platform_admin"))
      return { read: ANY, write: ANY, team: [], platformAdmin: true };
    const team = await teamOf(db, principal.userId);
    return {
      read: { organisationIds: await employersOfTeam(db, team, { includeShared: true }) },
      write: { organisationIds: await employersOfTeam(db, team) },
      team,
      platformAdmin: false,
    };
  }

  const canWrite = (scopes: Scopes, id: string) =>
    "all" in scopes.write || scopes.write.organisationIds.includes(id);

  async function readable(principal: Principal, id: string) {
    const scopes = await scopesOf(principal);
    const employer = await findEmployer(db, scopes.read, id);
    if (!employer || employer.parentId !== null) throw new AppError("not_found");
    return { scopes, employer };
  }

  async function writable(principal: Principal, id: string) {
    const found = await readable(principal, id);
    if (!canWrite(found.scopes, id)) throw new AppError("forbidden");
    return found;
  }

  async function teamManagers(scopes: Scopes) {
    return db
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          inArray(memberships.role, ["account_manager", "org_admin"]),
          scopes.platformAdmin
            ? undefined
            : inArray(memberships.organisationId, scopes.team.length ? scopes.team : [ZERO]),
          isNull(users.deactivatedAt),
        ),
      )
      .orderBy(users.name);
  }

  function accessOf(contact: ContactPersonRow, facts: Awaited<ReturnType<typeof accessFacts>>, now: Date) {
    const email = contact.email?.toLowerCase() ?? null;
    const active =
      (contact.userId && facts.activeByUserId.has(contact.userId)) ||
      (email && facts.activeByEmail.has(email));
    const invite = email ? facts.invitationByEmail.get(email) : undefined;
    let status: AccessStatus = "none";
    if (active) status = "active";
    else if (invite) {
      if (invite.revokedAt) status = "revoked";
      else if (invite.acceptedAt) status = "revoked";
      else if (invite.expiresAt <= now) status = "expired";
      else status = "invited";
    }
    const activeUser = email ? facts.activeByEmail.get(email) : undefined;
    return {
      status,
      invitationId: invite?.id ?? null,
      invitedAt: invite?.lastSentAt.toISOString() ?? null,
      expiresAt: invite?.expiresAt.toISOString() ?? null,
      userId: activeUser?.userId ?? contact.userId ?? null,
      lastSignInAt: activeUser?.lastSignInAt?.toISOString() ?? null,
    };
  }

  async function contactDtos(scope: EmployerScope, family: string[]): Promise<ContactPerson[]> {
    const contacts = await listContacts(db, scope, family);
    const facts = await accessFacts(db, family);
    const activity = await vacancyActivity(
      db,
      contacts.flatMap((c) => (c.userId ? [c.userId] : [])),
    );
    const now = new Date();
    return contacts.map((c) => {
      const access = accessOf(c, facts, now);
      const act = access.userId ? activity.get(access.userId) : undefined;
      return {
        id: c.id,
        name: c.name,
        email: c.email,
        phone: c.phone,
        notes: c.notes,
        mayManageVacancies: c.mayManageVacancies,
        language: c.language,
        access,
        activity: { vacancies: act?.vacancies ?? 0, lastActiveAt: act?.lastActiveAt?.toISOString() ?? null },
        createdAt: c.createdAt.toISOString(),
      };
    });
  }

  async function toDto(employer: EmployerRow, scopes: Scopes): Promise<Employer> {
    const family = await organisationFamilies(db, [employer.id]);
    const contacts = await contactDtos(scopes.read, family);
    const people = employer.accountManagerUserId
      ? await db
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(eq(users.id, employer.accountManagerUserId))
      : [];
    const managedBy = employer.managedByOrganisationId
      ? (
          await db
            .select({ id: organisations.id, name: organisations.name })
            .from(organisations)
            .where(eq(organisations.id, employer.managedByOrganisationId))
        )[0]
      : undefined;
    const write = canWrite(scopes, employer.id);
    return {
      id: employer.id,
      name: employer.name,
      kvkNumber: employer.kvkNumber,
      address: {
        street: employer.street,
        houseNumber: employer.houseNumber,
        postcode: employer.postcode,
        city: employer.city,
      },
      description: employer.description,
      website: employer.website,
      accountManager: people[0] ?? null,
      managedBy: managedBy ?? null,
      archived: employer.archivedAt !== null,
      archivedAt: employer.archivedAt?.toISOString() ?? null,
      contacts,
      vacancies: await vacancyCounts(db, family, todayIn()),
      permissions: {
        edit: write,
        archive: write,
        delete: write && employer.archivedAt !== null,
      },
      createdAt: employer.createdAt.toISOString(),
    };
  }

  function address(input: Partial<CreateInput>, locale: Locale) {
    const out: Partial<typeof organisations.$inferInsert> = {};
    for (const key of ["street", "houseNumber", "city"] as const)
      if (input[key] !== undefined) out[key] = input[key];
    if (input.postcode !== undefined) out.postcode = input.postcode ? input.postcode.toUpperCase() : null;
    if (input.placeId) {
      const place = getPlace(input.placeId);
      if (!place) {
        throw new AppError("validation_failed", {
          fields: [{ path: "placeId", message: fieldMessage("unknown_place", locale) }],
        });
      }
      out.city = input.city || place.name;
      out.lat = place.lat;
      out.lon = place.lon;
    } else if (input.city) {
      const place = findPlaceByName(input.city, { country: "NL" });
      out.lat = place?.lat ?? null;
      out.lon = place?.lon ?? null;
    }
    return out;
  }

  async function refuseDuplicateKvk(
    kvkNumber: string | null | undefined,
    exceptId: string | null,
    locale: Locale,
  ) {
    if (!kvkNumber) return;
    const [existing] = (await findByKvk(db, [kvkNumber])).filter((e) => e.id !== exceptId);
    if (!existing) return;
    throw new AppError("conflict", {
      message: {
        nl: `Er is al een werkgever met KvK-nummer ${kvkNumber}: ${existing.name}.`,
        en: `An employer with Chamber of Commerce number ${kvkNumber} already exists: ${existing.name}.`,
      },
      fields: [
        {
          path: "kvkNumber",
          message:
            locale === "nl"
              ? `Al geregistreerd als ${existing.name}.`
              : `Already registered as ${existing.name}.`,
        },
      ],
      link: { href: `/werkgevers/${existing.id}`, label: existing.name },
    });
  }

  async function validateManager(scopes: Scopes, userId: string | null, locale: Locale) {
    if (userId === null) return;
    const managers = await teamManagers(scopes);
    if (!managers.some((m) => m.id === userId)) {
      throw new AppError("validation_failed", {
        fields: [{ path: "accountManagerUserId", message: fieldMessage("person_not_allowed", locale) }],
      });
    }
  }

  /** Who in this employer family still has access or a pending invitation (archive/delete rules). */
  async function peopleWithAccess(family: string[]): Promise<string[]> {
    const contacts = await listContacts(db, ANY, family);
    const facts = await accessFacts(db, family);
    const now = new Date();
    const named = contacts
      .filter((c) => ["active", "invited"].includes(accessOf(c, facts, now).status))
      .map((c) => c.name);
    // Accounts with the role but without a contact person record count too.
    const known = new Set(contacts.flatMap((c) => (c.email ? [c.email.toLowerCase()] : [])));
    for (const email of facts.activeByEmail.keys()) if (!known.has(email)) named.push(email);
    return named;
  }

  async function endAccess(principal: Principal, family: string[], userId: string) {
    const held = await db
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, userId),
          eq(memberships.role, "employer_contact"),
          inArray(memberships.organisationId, family),
        ),
      );
    if (held.length === 0) return;
    await db.transaction(async (tx) => {
      await tx.delete(memberships).where(
        inArray(
          memberships.id,
          held.map((m) => m.id),
        ),
      );
      const remaining = await tx.$count(memberships, eq(memberships.userId, userId));
      if (remaining === 0)
        await tx.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, userId));
      await tx.delete(sessions).where(eq(sessions.userId, userId));
    });
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    await recordAudit(db, {
      type: "access_revoked",
      userId,
      actorUserId: principal.userId,
      organisationIds: [...new Set(held.map((m) => m.organisationId!))],
      email: user?.email ?? null,
    });
    const [org] = await db
      .select({ name: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, family[0]!));
    if (user) {
      await deps.mailer.send({
        to: user.email,
        ...accessRevoked({
          locale: mailLocale(user.locale),
          portalName: "Werkbrug",
          name: user.name,
          organisationName: org?.name ?? "",
        }),
      });
    }
  }

  return {
    async list(principal: Principal, query: EmployerListQuery): Promise<EmployerListResponse> {
      const scopes = await scopesOf(principal);
      const { rows, total } = await listEmployers(db, scopes.read, query, { userId: principal.userId });
      const managerIds = [
        ...new Set(rows.flatMap((r) => (r.accountManagerUserId ? [r.accountManagerUserId] : []))),
      ];
      const managers = managerIds.length
        ? await db
            .select({ id: users.id, name: users.name, email: users.email })
            .from(users)
            .where(inArray(users.id, managerIds))
        : [];
      const byId = new Map(managers.map((m) => [m.id, m]));
      return {
        employers: rows.map((r) => ({
          id: r.id,
          name: r.name,
          city: r.city,
          kvkNumber: r.kvkNumber,
          contacts: r.contactNames,
          accountManager: r.accountManagerUserId ? (byId.get(r.accountManagerUserId) ?? null) : null,
          archived: r.archivedAt !== null,
        })),
        total,
        page: query.page,
        pageSize: EMPLOYER_PAGE_SIZE,
      };
    },

    async registrySearch(q: string, city: string | undefined): Promise<RegistrySearchResponse> {
      const digits = q.replace(/\s/g, "");
      try {
        const results = /^\d{8}$/.test(digits)
          ? await registry.search({ kvkNumber: digits })
          : await registry.search({ name: q, ...(city ? { city } : {}) });
        const registered = new Map(
          (
            await findByKvk(
              db,
              results.map((r) => r.kvkNumber),
            )
          ).map((e) => [e.kvkNumber, e]),
        );
        return {
          source: registry.source,
          results: results.map((r) => {
            const existing = registered.get(r.kvkNumber);
            return {
              kvkNumber: r.kvkNumber,
              name: r.name,
              tradeNames: r.tradeNames,
              street: r.street,
              houseNumber: r.houseNumber,
              postcode: r.postcode,
              city: r.city,
              kind: r.kind,
              registered: existing ? { id: existing.id, name: existing.name } : null,
            };
          }),
        };
      } catch (error) {
        if (error instanceof RegistryUnavailableError)
          throw new AppError("registry_unavailable", { cause: error });
        throw error;
      }
    },

    async accountManagers(principal: Principal) {
      return teamManagers(await scopesOf(principal));
    },

    async create(principal: Principal, input: CreateInput, locale: Locale): Promise<Employer> {
      const scopes = await scopesOf(principal);
      await refuseDuplicateKvk(input.kvkNumber, null, locale);
      const [teamOrg] = scopes.team.length
        ? await db
            .select()
            .from(organisations)
            .where(and(inArray(organisations.id, scopes.team), isNull(organisations.parentId)))
            .limit(1)
        : [];
      const homePortalId =
        teamOrg?.homePortalId ??
        (await db.query.portals.findFirst({ where: (p, { isNull }) => isNull(p.parentId) }))?.id;
      if (!homePortalId) throw new AppError("portal_not_found");
      const managerId =
        input.accountManagerUserId ?? (principal.roles.includes("account_manager") ? principal.userId : null);
      await validateManager(scopes, managerId, locale);
      const created = await insertEmployer(db, {
        kind: "employer",
        name: input.name,
        kvkNumber: input.kvkNumber,
        description: input.description,
        website: input.website,
        homePortalId,
        managedByOrganisationId: teamOrg?.id ?? null,
        accountManagerUserId: managerId,
        ...address(input, locale),
      }).catch((error: unknown) => {
        // Two people adding the same KvK number at the same moment: the unique index decides.
        if (
          String(
            (error as { cause?: { code?: string }; code?: string }).cause?.code ??
              (error as { code?: string }).code,
          ) === "23505"
        ) {
          throw new AppError("conflict");
        }
        throw error;
      });
      return toDto(created, await scopesOf(principal));
    },

    async get(principal: Principal, id: string): Promise<Employer> {
      const { scopes, employer } = await readable(principal, id);
      return toDto(employer, scopes);
    },

    async update(principal: Principal, id: string, input: UpdateInput, locale: Locale): Promise<Employer> {
      const { scopes } = await writable(principal, id);
      if (input.kvkNumber) await refuseDuplicateKvk(input.kvkNumber, id, locale);
      const patch: Partial<typeof organisations.$inferInsert> = { ...address(input, locale) };
      if (input.name !== undefined) patch.name = input.name;
      if (input.kvkNumber !== undefined) patch.kvkNumber = input.kvkNumber;
      if (input.description !== undefined) patch.description = input.description;
      if (input.website !== undefined) patch.website = input.website;
      const updated = await updateEmployer(db, scopes.write, id, patch);
      if (!updated) throw new AppError("not_found");
      return toDto(updated, scopes);
    },

    async assignAccountManager(principal: Principal, id: string, userId: string | null, locale: Locale) {
      const { scopes } = await writable(principal, id);
      await validateManager(scopes, userId, locale);
      const updated = await updateEmployer(db, scopes.write, id, { accountManagerUserId: userId });
      // The vacancies follow the employer's account manager unless someone else was chosen.
      const family = await organisationFamilies(db, [id]);
      await db
        .update(vacancies)
        .set({ accountManagerUserId: userId, updatedAt: new Date() })
        .where(and(inArray(vacancies.organisationId, family), ne(vacancies.status, "archived")));
      return toDto(updated!, scopes);
    },

    /** HalloWerk: only when no contact person still has access; contacts and vacancies go along. */
    async archive(principal: Principal, id: string): Promise<Employer> {
      const { scopes, employer } = await writable(principal, id);
      if (employer.archivedAt) return toDto(employer, scopes);
      const family = await organisationFamilies(db, [id]);
      const withAccess = await peopleWithAccess(family);
      if (withAccess.length > 0) {
        throw new AppError("conflict", {
          message: {
            nl: `Trek eerst de toegang in van: ${withAccess.join(", ")}.`,
            en: `First revoke the access of: ${withAccess.join(", ")}.`,
          },
        });
      }
      const updated = await db.transaction(async (tx) => {
        const archivedVacancies = await tx
          .update(vacancies)
          .set({ status: "archived", updatedAt: new Date() })
          .where(and(inArray(vacancies.organisationId, family), ne(vacancies.status, "archived")))
          .returning({
            id: vacancies.id,
            organisationId: vacancies.organisationId,
            status: vacancies.status,
          });
        if (archivedVacancies.length > 0) {
          await tx.insert(vacancyHistory).values(
            archivedVacancies.map((v) => ({
              vacancyId: v.id,
              organisationId: v.organisationId,
              userId: principal.userId,
              action: "archived",
              changes: {},
              comment: "Werkgever gearchiveerd",
            })),
          );
        }
        const [row] = await tx
          .update(organisations)
          .set({ archivedAt: new Date(), updatedAt: new Date() })
          .where(inArray(organisations.id, family))
          .returning();
        return (await tx.select().from(organisations).where(eq(organisations.id, id)))[0] ?? row;
      });
      return toDto(updated!, scopes);
    },

    async unarchive(principal: Principal, id: string): Promise<Employer> {
      const { scopes } = await writable(principal, id);
      const family = await organisationFamilies(db, [id]);
      await db
        .update(organisations)
        .set({ archivedAt: null, updatedAt: new Date() })
        .where(inArray(organisations.id, family));
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      return toDto(row!, scopes);
    },

    /** For good: only from the archive, after confirmation. */
    async remove(principal: Principal, id: string, confirmed: boolean): Promise<void> {
      const { employer } = await writable(principal, id);
      if (!employer.archivedAt) {
        throw new AppError("conflict", {
          message: {
            nl: "Archiveer de werkgever eerst; alleen gearchiveerde werkgevers kun je verwijderen.",
            en: "Archive the employer first; only archived employers can be deleted.",
          },
        });
      }
      if (!confirmed) throw new AppError("confirmation_required");
      const family = await organisationFamilies(db, [id]);
      const withAccess = await peopleWithAccess(family);
      if (withAccess.length > 0) throw new AppError("conflict");
      await db.transaction(async (tx) => {
        await tx.delete(vacancies).where(inArray(vacancies.organisationId, family));
        await tx.delete(invitations).where(inArray(invitations.organisationId, family));
        await tx.delete(memberships).where(inArray(memberships.organisationId, family));
        await tx
          .update(organisations)
          .set({ managedByOrganisationId: null })
          .where(inArray(organisations.managedByOrganisationId, family));
        // Children before their parent.
        const children = family.filter((f) => f !== id);
        if (children.length) await tx.delete(organisations).where(inArray(organisations.id, children));
        await tx.delete(organisations).where(eq(organisations.id, id));
      });
    },

    async addContact(
      principal: Principal,
      id: string,
      input: ContactInput,
      locale: Locale,
    ): Promise<ContactPerson> {
      const { scopes } = await writable(principal, id);
      const family = await organisationFamilies(db, [id]);
      if (input.email) {
        const existing = (await listContacts(db, scopes.write, family)).find(
          (c) => c.email?.toLowerCase() === input.email,
        );
        if (existing) {
          throw new AppError("conflict", {
            fields: [
              {
                path: "email",
                message:
                  locale === "nl"
                    ? `Al contactpersoon: ${existing.name}.`
                    : `Already a contact person: ${existing.name}.`,
              },
            ],
          });
        }
      }
      const created = await insertContact(db, scopes.write, {
        organisationId: id,
        ...input,
        createdByUserId: principal.userId,
      });
      return (await contactDtos(scopes.read, family)).find((c) => c.id === created.id)!;
    },

    async updateContact(
      principal: Principal,
      id: string,
      contactId: string,
      input: ContactUpdate,
    ): Promise<ContactPerson> {
      const { scopes } = await writable(principal, id);
      const family = await organisationFamilies(db, [id]);
      const contact = await findContact(db, scopes.write, id, contactId);
      if (!contact) throw new AppError("not_found");
      await updateContact(db, scopes.write, contactId, input);
      // The right to manage vacancies is the account's right too.
      if (input.mayManageVacancies !== undefined && contact.userId) {
        await db
          .update(memberships)
          .set({ mayManageVacancies: input.mayManageVacancies })
          .where(
            and(
              eq(memberships.userId, contact.userId),
              eq(memberships.role, "employer_contact"),
              inArray(memberships.organisationId, family),
            ),
          );
      }
      return (await contactDtos(scopes.read, family)).find((c) => c.id === contactId)!;
    },

    /** Only after access is revoked (HalloWerk). */
    async deleteContact(principal: Principal, id: string, contactId: string): Promise<void> {
      const { scopes } = await writable(principal, id);
      const family = await organisationFamilies(db, [id]);
      const contact = (await contactDtos(scopes.read, family)).find((c) => c.id === contactId);
      if (!contact) throw new AppError("not_found");
      if (contact.access.status === "active" || contact.access.status === "invited") {
        throw new AppError("conflict", {
          message: {
            nl: `${contact.name} heeft nog toegang of een openstaande uitnodiging. Trek die eerst in.`,
            en: `${contact.name} still has access or a pending invitation. Revoke it first.`,
          },
        });
      }
      await deleteContact(db, scopes.write, contactId);
    },

    async invite(
      principal: Principal,
      id: string,
      contactId: string,
      personalMessage: string | null,
      locale: Locale,
    ): Promise<ContactPerson> {
      const { scopes, employer } = await writable(principal, id);
      if (employer.archivedAt) throw new AppError("invalid_transition");
      const family = await organisationFamilies(db, [id]);
      const contact = (await contactDtos(scopes.read, family)).find((c) => c.id === contactId);
      if (!contact) throw new AppError("not_found");
      if (!contact.email) {
        throw new AppError("validation_failed", {
          fields: [{ path: "email", message: fieldMessage("required", locale) }],
        });
      }
      if (contact.access.status === "active") throw new AppError("conflict");
      if (contact.access.status === "invited" && contact.access.invitationId) {
        await deps.invitations.resend(principal, contact.access.invitationId);
      } else {
        await deps.invitations.create(principal, {
          email: contact.email,
          organisationId: id,
          role: "employer_contact",
          mayManageVacancies: contact.mayManageVacancies,
          personalMessage,
          locale: contact.language,
        });
      }
      return (await contactDtos(scopes.read, family)).find((c) => c.id === contactId)!;
    },

    /** Revokes a pending invitation, or the access of a contact who has an account. */
    async revoke(principal: Principal, id: string, contactId: string): Promise<ContactPerson> {
      const { scopes } = await writable(principal, id);
      const family = await organisationFamilies(db, [id]);
      const contact = (await contactDtos(scopes.read, family)).find((c) => c.id === contactId);
      if (!contact) throw new AppError("not_found");
      if (contact.access.status === "invited" && contact.access.invitationId) {
        await deps.invitations.revoke(principal, contact.access.invitationId);
      } else if (contact.access.status === "active" && contact.access.userId) {
        await endAccess(principal, family, contact.access.userId);
      } else {
        throw new AppError("invalid_transition");
      }
      return (await contactDtos(scopes.read, family)).find((c) => c.id === contactId)!;
    },

    /** Rows of the activity overview: every account manager of the team and every contact person. */
    async activity(principal: Principal) {
      const scopes = await scopesOf(principal);
      const managers = await teamManagers(scopes);
      const employerIds = "all" in scopes.read ? null : scopes.read.organisationIds;
      const contacts = await db
        .select({ contact: contactPersons_, organisationName: organisations.name })
        .from(contactPersons_)
        .innerJoin(organisations, eq(organisations.id, contactPersons_.organisationId))
        .where(
          employerIds
            ? inArray(contactPersons_.organisationId, employerIds.length ? employerIds : [ZERO])
            : undefined,
        )
        .orderBy(organisations.name, contactPersons_.name);
      const userIds = [
        ...managers.map((m) => m.id),
        ...contacts.flatMap((c) => (c.contact.userId ? [c.contact.userId] : [])),
      ];
      const vacancyStats = await vacancyActivity(db, userIds);
      const lastSignIns = new Map(
        (
          await db
            .select({ userId: sessions.userId, at: sql<Date>`max(${sessions.createdAt})` })
            .from(sessions)
            .where(inArray(sessions.userId, userIds.length ? userIds : [ZERO]))
            .groupBy(sessions.userId)
        ).map((r) => [r.userId, new Date(r.at)]),
      );
      const matchStats = new Map(
        (
          await db
            .select({
              userId: matches.createdByUserId,
              saved: sql<number>`count(*) filter (where ${matches.source} = 'saved')`,
              proposed: sql<number>`count(*) filter (where ${matches.proposedAt} is not null)`,
              last: sql<Date | null>`max(${matches.createdAt})`,
            })
            .from(matches)
            .where(inArray(matches.createdByUserId, userIds.length ? userIds : [ZERO]))
            .groupBy(matches.createdByUserId)
        ).map((r) => [r.userId, r]),
      );
      const invitationStats = new Map(
        (
          await db
            .select({
              userId: invitations.invitedByUserId,
              n: count(),
              last: sql<Date | null>`max(${invitations.lastSentAt})`,
            })
            .from(invitations)
            .where(inArray(invitations.invitedByUserId, userIds.length ? userIds : [ZERO]))
            .groupBy(invitations.invitedByUserId)
        ).map((r) => [r.userId, r]),
      );
      const row = (
        person: { userId: string | null; name: string; email: string | null },
        role: "account_manager" | "contact_person",
        organisation: string,
      ): ActivityRow => {
        const v = person.userId ? vacancyStats.get(person.userId) : undefined;
        const m = person.userId ? matchStats.get(person.userId) : undefined;
        const i = person.userId ? invitationStats.get(person.userId) : undefined;
        const dates = [
          v?.lastActiveAt,
          m?.last ? new Date(m.last) : null,
          i?.last ? new Date(i.last) : null,
        ].filter((d): d is Date => d instanceof Date);
        return {
          name: person.name,
          email: person.email ?? "",
          role,
          organisation,
          lastSignInAt: person.userId ? (lastSignIns.get(person.userId) ?? null) : null,
          vacanciesCreated: v?.created ?? 0,
          vacanciesChanged: v?.changed ?? 0,
          candidatesSaved: Number(m?.saved ?? 0),
          candidatesProposed: Number(m?.proposed ?? 0),
          reviews: 0,
          invitationsSent: Number(i?.n ?? 0),
          lastActivityAt: dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : null,
        };
      };
      // Each account manager's own organisation (the top one when they work for several).
      const ownOrg = new Map<string, string>();
      const held = await db
        .select({ userId: memberships.userId, name: organisations.name, parentId: organisations.parentId })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(
          and(
            inArray(memberships.userId, managers.length ? managers.map((m) => m.id) : [ZERO]),
            inArray(memberships.role, ["account_manager", "org_admin"]),
          ),
        )
        .orderBy(sql`${organisations.parentId} nulls first`, organisations.name);
      for (const h of held) if (!ownOrg.has(h.userId)) ownOrg.set(h.userId, h.name);
      return [
        ...managers.map((m) =>
          row({ userId: m.id, name: m.name, email: m.email }, "account_manager", ownOrg.get(m.id) ?? ""),
        ),
        ...contacts.map((c) =>
          row(
            { userId: c.contact.userId, name: c.contact.name, email: c.contact.email },
            "contact_person",
            c.organisationName,
          ),
        ),
      ];
    },

    /** The account manager's home: my employers, my vacancies, and what changed since my last visit. */
    async home(principal: Principal): Promise<AccountManagerHomeResponse> {
      const scopes = await scopesOf(principal);
      const since = await lastVisit(db, principal.userId, "employers-home");
      const mine = await listEmployers(
        db,
        scopes.read,
        { accountManager: "mine", archive: "active", sort: "name", order: "asc", page: 1 },
        { userId: principal.userId },
      );
      const myEmployerIds = mine.rows.map((r) => r.id);
      const myVacancies = await db
        .select({
          id: vacancies.id,
          displayTitle: vacancies.displayTitle,
          organisationName: organisations.name,
          status: vacancies.status,
          closesOn: vacancies.closesOn,
        })
        .from(vacancies)
        .innerJoin(organisations, eq(organisations.id, vacancies.organisationId))
        .where(and(eq(vacancies.accountManagerUserId, principal.userId), ne(vacancies.status, "archived")))
        .orderBy(desc(vacancies.updatedAt))
        .limit(20);
      const after = since ?? new Date(Date.now() - 14 * 86_400_000);
      const family = await organisationFamilies(db, myEmployerIds);
      const changes: AccountManagerHomeResponse["changes"] = [];
      if (family.length > 0) {
        const history = await db
          .select({
            at: vacancyHistory.at,
            action: vacancyHistory.action,
            vacancyId: vacancyHistory.vacancyId,
            title: vacancies.displayTitle,
            who: users.name,
          })
          .from(vacancyHistory)
          .innerJoin(vacancies, eq(vacancies.id, vacancyHistory.vacancyId))
          .leftJoin(users, eq(users.id, vacancyHistory.userId))
          .where(
            and(
              inArray(vacancyHistory.organisationId, family),
              gt(vacancyHistory.at, after),
              sql`${vacancyHistory.userId} is distinct from ${principal.userId}`,
            ),
          )
          .orderBy(desc(vacancyHistory.at))
          .limit(30);
        for (const h of history) {
          changes.push({
            at: h.at.toISOString(),
            kind: "vacancy",
            action: h.action,
            title: h.title,
            actor: h.who,
            link: `/vacaturebeheer/${h.vacancyId}`,
          });
        }
        const applications = await db
          .select({ at: matches.createdAt, vacancyId: matches.vacancyId, title: vacancies.displayTitle })
          .from(matches)
          .innerJoin(vacancies, eq(vacancies.id, matches.vacancyId))
          .where(
            and(
              inArray(vacancies.organisationId, family),
              eq(matches.source, "applied"),
              gt(matches.createdAt, after),
            ),
          )
          .orderBy(desc(matches.createdAt))
          .limit(30);
        for (const a of applications) {
          changes.push({
            at: a.at.toISOString(),
            kind: "application",
            action: "applied",
            title: a.title,
            actor: null,
            link: `/vacaturebeheer/${a.vacancyId}`,
          });
        }
      }
      changes.sort((a, b) => b.at.localeCompare(a.at));
      await recordVisit(db, principal.userId, "employers-home", new Date());
      const managers = new Map((await teamManagers(scopes)).map((m) => [m.id, m] as const));
      return {
        employers: mine.rows.map((r) => ({
          id: r.id,
          name: r.name,
          city: r.city,
          kvkNumber: r.kvkNumber,
          contacts: r.contactNames,
          accountManager: r.accountManagerUserId ? (managers.get(r.accountManagerUserId) ?? null) : null,
          archived: false,
        })),
        vacancies: myVacancies,
        changes: changes.slice(0, 30),
        lastVisitAt: since?.toISOString() ?? null,
      };
    },
  };
}

const ZERO = "00000000-0000-0000-0000-000000000000";

export interface ActivityRow {
  name: string;
  email: string;
  role: "account_manager" | "contact_person";
  organisation: string;
  lastSignInAt: Date | null;
  vacanciesCreated: number;
  vacanciesChanged: number;
  candidatesSaved: number;
  candidatesProposed: number;
  reviews: number;
  invitationsSent: number;
  lastActivityAt: Date | null;
}

export type EmployerService = ReturnType<typeof createEmployerService>;
