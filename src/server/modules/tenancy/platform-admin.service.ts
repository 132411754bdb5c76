import { randomUUID } from "node:crypto";
import {
  type AdminCreateOrganisationRequest,
  type AdminOrganisation,
  type AdminOrganisationListQuery,
  type AdminOrganisationListResponse,
  type AdminPortal,
  type AdminUpdateOrganisationRequest,
  type CreatePortalRequest,
  PORTAL_SLUG_PATTERN,
  RESERVED_PORTAL_SLUGS,
  type UpdatePortalRequest,
} from "../../../contracts/platform-admin";
import { AppError } from "../../platform/errors";
import { type FileStorage, sniffImage } from "../../platform/files";
import { isPlatform, type PlatformScope } from "../../platform/scope";
import type { Store, TxStore } from "../../platform/store";
import { portalUrl } from "../../platform/tenancy";
import { auditRepository } from "../identity";
import type { Caller } from "./caller";
import {
  type AdminOrganisationPatch,
  type AdminOrganisationRow,
  platformAdminRepository,
} from "./platform-admin.repository";
import { TENANCY_EVENTS } from "./tenancy.events";
import type { PortalRow } from "./tenancy.repository";
import { presentOrganisation, type TenancyService } from "./tenancy.service";

export const LOGO_MAX_BYTES = 1024 * 1024;

export interface PlatformAdminDeps {
  store: Store;
  files: FileStorage;
  publicUrl: string;
  /** Portal resolution is cached per process: every change drops the cache (next request sees it). */
  tenancy: TenancyService;
}

/** The platform scope, for the platform administrator only (routes check the role first). */
async function platformScope(caller: Caller): Promise<PlatformScope> {
  const scope = caller.isPlatformAdmin ? await caller.scopeAs([]) : null;
  if (!scope || !isPlatform(scope)) throw new AppError("forbidden");
  return scope;
}

const isUniqueViolation = (error: unknown) =>
  String(
    (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code,
  ) === "23505";

/** Walks up from `id` (inclusive) through the parents map. */
function ancestors(id: string, parentOf: ReadonlyMap<string, string | null>): string[] {
  const chain: string[] = [];
  let at: string | null | undefined = id;
  while (at && !chain.includes(at)) {
    chain.push(at);
    at = parentOf.get(at);
  }
  return chain;
}

/** `id` and everything under it. */
function subtree(id: string, links: ReadonlyArray<{ id: string; parentId: string | null }>): string[] {
  const found = [id];
  for (let i = 0; i < found.length; i++)
    for (const link of links) if (link.parentId === found[i] && !found.includes(link.id)) found.push(link.id);
  return found;
}

/**
 * Platform administration (issue 17 part 2, decision 0032): portals and organisations of every
 * kind. Each change writes its domain event (and, where access changes, an audit row) in its
 * transaction, and drops the cached portals so the next request sees it.
 */
export function createPlatformAdminService({ store, files, publicUrl, tenancy }: PlatformAdminDeps) {
  const presentPortal = (row: PortalRow & { organisationCount?: number }): AdminPortal => ({
    id: row.id,
    slug: row.slug,
    name: { nl: row.nameNl, en: row.nameEn },
    primaryColor: row.primaryColor,
    logoUrl: row.logoUrl,
    isNational: row.parentId === null,
    active: row.deactivatedAt === null,
    url: portalUrl(publicUrl, row.parentId === null ? null : row.slug),
    organisationCount: row.organisationCount ?? 0,
    createdAt: row.createdAt.toISOString(),
  });

  async function portalsById(scope: PlatformScope) {
    return store.bind(scope, platformAdminRepository).portals();
  }

  async function presentOrganisations(scope: PlatformScope, rows: AdminOrganisationRow[]) {
    const portals = await portalsById(scope);
    const parentOf = new Map(
      (await store.bind(scope, platformAdminRepository).parents()).map((l) => [l.id, l.parentId]),
    );
    return rows.map(
      (row): AdminOrganisation => ({
        ...presentOrganisation(row, portals),
        homePortalId: row.homePortalId,
        topId: ancestors(row.id, parentOf).at(-1) ?? row.id,
        active: row.deactivatedAt === null,
        memberCount: row.memberCount,
        childCount: row.childCount,
        createdAt: row.createdAt.toISOString(),
      }),
    );
  }

  async function oneOrganisation(scope: PlatformScope, id: string): Promise<AdminOrganisation> {
    const row = await store.bind(scope, platformAdminRepository).organisation(id);
    if (!row) throw new AppError("not_found");
    const [presented] = await presentOrganisations(scope, [row]);
    return presented!;
  }

  async function onePortal(scope: PlatformScope, id: string): Promise<AdminPortal> {
    const row = (await portalsById(scope)).find((p) => p.id === id);
    if (!row) throw new AppError("not_found");
    return presentPortal(row);
  }

  const emitFor = (tx: TxStore, caller: Caller) => ({
    portal: (type: string, portalId: string, payload: Record<string, unknown> = {}) =>
      tx.emit({
        type,
        organisationId: null,
        portalId,
        subject: { portalId },
        actorUserId: caller.userId(),
        payload,
      }),
    organisation: (type: string, organisationId: string, payload: Record<string, unknown> = {}) =>
      tx.emit({
        type,
        organisationId,
        portalId: null,
        subject: { organisationId },
        actorUserId: caller.userId(),
        payload,
      }),
  });

  async function activePortal(scope: PlatformScope, portalId: string): Promise<PortalRow> {
    const portal = await store.bind(scope, platformAdminRepository).portal(portalId);
    if (!portal) throw new AppError("organisation_home_portal_required");
    if (portal.deactivatedAt) throw new AppError("portal_inactive");
    return portal;
  }

  async function setPortalActive(caller: Caller, id: string, active: boolean): Promise<AdminPortal> {
    const scope = await platformScope(caller);
    const portal = await store.bind(scope, platformAdminRepository).portal(id);
    if (!portal) throw new AppError("not_found");
    if (portal.parentId === null) throw new AppError("portal_national_fixed");
    if ((portal.deactivatedAt === null) !== active) {
      await store.transaction(async (tx) => {
        await tx
          .bind(scope, platformAdminRepository)
          .updatePortal(id, { deactivatedAt: active ? null : new Date() });
        await emitFor(tx, caller).portal(
          active ? TENANCY_EVENTS.portalReactivated : TENANCY_EVENTS.portalDeactivated,
          id,
        );
      });
      tenancy.invalidate();
    }
    return onePortal(scope, id);
  }

  async function setOrganisationActive(
    caller: Caller,
    id: string,
    active: boolean,
  ): Promise<AdminOrganisation> {
    const scope = await platformScope(caller);
    const row = await store.bind(scope, platformAdminRepository).organisation(id);
    if (!row) throw new AppError("not_found");
    if ((row.deactivatedAt === null) !== active) {
      await store.transaction(async (tx) => {
        await tx.bind(scope, platformAdminRepository).updateOrganisation(id, {
          deactivatedAt: active ? null : new Date(),
        });
        await emitFor(tx, caller).organisation(
          active ? TENANCY_EVENTS.organisationReactivated : TENANCY_EVENTS.organisationDeactivated,
          id,
        );
        await tx.bind(scope, auditRepository).record({
          type: active ? "organisation_reactivated" : "organisation_deactivated",
          actorUserId: caller.userId(),
          organisationIds: [id],
          details: { name: row.name },
        });
      });
    }
    return oneOrganisation(scope, id);
  }

  return {
    async listPortals(caller: Caller): Promise<AdminPortal[]> {
      const scope = await platformScope(caller);
      const rows = await portalsById(scope);
      return [...rows]
        .sort(
          (a, b) =>
            Number(a.parentId !== null) - Number(b.parentId !== null) || a.nameNl.localeCompare(b.nameNl),
        )
        .map(presentPortal);
    },

    async getPortal(caller: Caller, id: string): Promise<AdminPortal> {
      return onePortal(await platformScope(caller), id);
    },

    async createPortal(caller: Caller, input: CreatePortalRequest): Promise<AdminPortal> {
      const scope = await platformScope(caller);
      const slug = input.slug;
      if (!PORTAL_SLUG_PATTERN.test(slug)) throw new AppError("portal_slug_invalid");
      if ((RESERVED_PORTAL_SLUGS as readonly string[]).includes(slug))
        throw new AppError("portal_slug_reserved");
      const repo = store.bind(scope, platformAdminRepository);
      if (await repo.slugTaken(slug)) throw new AppError("portal_slug_taken");
      const national = await repo.nationalPortal();
      if (!national) throw new AppError("not_found");
      let id: string;
      try {
        id = await store.transaction(async (tx) => {
          const row = await tx.bind(scope, platformAdminRepository).insertPortal({
            slug,
            nameNl: input.name.nl,
            nameEn: input.name.en,
            primaryColor: input.primaryColor.toLowerCase(),
            parentId: national.id,
          });
          await emitFor(tx, caller).portal(TENANCY_EVENTS.portalCreated, row.id, { slug });
          return row.id;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError("portal_slug_taken");
        throw error;
      }
      tenancy.invalidate();
      return onePortal(scope, id);
    },

    /** Names and colour of any portal, the national one included (its slug and parent are fixed). */
    async updatePortal(caller: Caller, id: string, patch: UpdatePortalRequest): Promise<AdminPortal> {
      const scope = await platformScope(caller);
      if (!(await store.bind(scope, platformAdminRepository).portal(id))) throw new AppError("not_found");
      await store.transaction(async (tx) => {
        await tx.bind(scope, platformAdminRepository).updatePortal(id, {
          ...(patch.name ? { nameNl: patch.name.nl, nameEn: patch.name.en } : {}),
          ...(patch.primaryColor ? { primaryColor: patch.primaryColor.toLowerCase() } : {}),
        });
        await emitFor(tx, caller).portal(TENANCY_EVENTS.portalUpdated, id, { fields: Object.keys(patch) });
      });
      tenancy.invalidate();
      return onePortal(scope, id);
    },

    deactivatePortal: (caller: Caller, id: string) => setPortalActive(caller, id, false),
    reactivatePortal: (caller: Caller, id: string) => setPortalActive(caller, id, true),

    /** Stores a logo after checking what it really is; the old file goes. */
    async setPortalLogo(
      caller: Caller,
      id: string,
      data: Buffer,
      declaredType: string,
    ): Promise<AdminPortal> {
      const scope = await platformScope(caller);
      const portal = await store.bind(scope, platformAdminRepository).portal(id);
      if (!portal) throw new AppError("not_found");
      const image = sniffImage(data);
      if (!image || image.type !== declaredType) {
        throw new AppError("unsupported_media_type", {
          message: {
            nl: "Dit bestand is geen afbeelding in PNG-, JPG- of WebP-formaat.",
            en: "This file is not a PNG, JPG or WebP image.",
            de: "Diese Datei ist kein Bild im PNG-, JPG- oder WebP-Format.",
            fr: "Ce fichier n'est pas une image au format PNG, JPG ou WebP.",
          },
        });
      }
      const file = `${randomUUID()}.${image.ext}`;
      const key = `portal-logos/${id}/${file}`;
      await files.put(key, data, image.type);
      await store.transaction(async (tx) => {
        await tx
          .bind(scope, platformAdminRepository)
          .updatePortal(id, { logoFileKey: key, logoUrl: `/api/v1/portal-logos/${id}/${file}` });
        await emitFor(tx, caller).portal(TENANCY_EVENTS.portalUpdated, id, { fields: ["logo"] });
      });
      if (portal.logoFileKey) await files.delete(portal.logoFileKey);
      tenancy.invalidate();
      return onePortal(scope, id);
    },

    async removePortalLogo(caller: Caller, id: string): Promise<AdminPortal> {
      const scope = await platformScope(caller);
      const portal = await store.bind(scope, platformAdminRepository).portal(id);
      if (!portal) throw new AppError("not_found");
      await store.transaction(async (tx) => {
        await tx.bind(scope, platformAdminRepository).updatePortal(id, { logoFileKey: null, logoUrl: null });
        await emitFor(tx, caller).portal(TENANCY_EVENTS.portalUpdated, id, { fields: ["logo"] });
      });
      if (portal.logoFileKey) await files.delete(portal.logoFileKey);
      tenancy.invalidate();
      return onePortal(scope, id);
    },

    async listOrganisations(
      caller: Caller,
      query: AdminOrganisationListQuery,
    ): Promise<AdminOrganisationListResponse> {
      const scope = await platformScope(caller);
      const repo = store.bind(scope, platformAdminRepository);
      const hits = await repo.organisations(query);
      const filtered = Boolean(query.q || query.kind || query.portalId);
      if (!filtered)
        return { organisations: await presentOrganisations(scope, hits), matches: hits.map((h) => h.id) };
      // The ancestors of each hit come along, so the tree still shows where a hit sits.
      const parentOf = new Map((await repo.parents()).map((l) => [l.id, l.parentId]));
      const wanted = new Set(hits.flatMap((h) => ancestors(h.id, parentOf)));
      const extra = (await repo.organisations({})).filter(
        (row) => wanted.has(row.id) && !hits.some((h) => h.id === row.id),
      );
      return {
        organisations: await presentOrganisations(scope, [...hits, ...extra]),
        matches: hits.map((h) => h.id),
      };
    },

    async getOrganisation(caller: Caller, id: string): Promise<AdminOrganisation> {
      return oneOrganisation(await platformScope(caller), id);
    },

    async createOrganisation(
      caller: Caller,
      input: AdminCreateOrganisationRequest,
    ): Promise<AdminOrganisation> {
      const scope = await platformScope(caller);
      const repo = store.bind(scope, platformAdminRepository);
      let kind = input.kind;
      let homePortalId: string;
      if (input.parentId) {
        const parent = await repo.organisation(input.parentId);
        if (!parent || parent.deactivatedAt) throw new AppError("organisation_parent_invalid");
        kind = parent.kind;
        homePortalId = parent.homePortalId;
      } else {
        if (!input.homePortalId) throw new AppError("organisation_home_portal_required");
        homePortalId = (await activePortal(scope, input.homePortalId)).id;
        if (input.kvkNumber && (await repo.kvkTaken(input.kvkNumber, null)))
          throw new AppError("organisation_kvk_taken");
      }
      let id: string;
      try {
        id = await store.transaction(async (tx) => {
          const row = await tx.bind(scope, platformAdminRepository).insertOrganisation({
            kind,
            name: input.name,
            kvkNumber: input.kvkNumber,
            ...(input.address ?? {}),
            homePortalId,
            parentId: input.parentId,
          });
          await emitFor(tx, caller).organisation(TENANCY_EVENTS.organisationCreated, row.id, {
            kind,
            parentId: input.parentId,
          });
          return row.id;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError("organisation_kvk_taken");
        throw error;
      }
      return oneOrganisation(scope, id);
    },

    async updateOrganisation(
      caller: Caller,
      id: string,
      patch: AdminUpdateOrganisationRequest,
    ): Promise<AdminOrganisation> {
      const scope = await platformScope(caller);
      const repo = store.bind(scope, platformAdminRepository);
      const row = await repo.organisation(id);
      if (!row) throw new AppError("not_found");
      if (patch.kvkNumber && row.parentId === null && (await repo.kvkTaken(patch.kvkNumber, id)))
        throw new AppError("organisation_kvk_taken");
      let family: string[] = [];
      if (patch.homePortalId && patch.homePortalId !== row.homePortalId) {
        // The home portal is the family's: only a top organisation chooses it, its whole tree
        // follows (a department's request to change it is ignored).
        if (row.parentId === null) family = subtree(id, await repo.parents());
        if (family.length > 0) await activePortal(scope, patch.homePortalId);
        family = subtree(id, await repo.parents());
      }
      const { address, homePortalId, ...rest } = patch;
      const changes: AdminOrganisationPatch = {
        ...rest,
        ...(address === undefined
          ? {}
          : address === null
            ? { street: null, houseNumber: null, postcode: null, city: null, lat: null, lon: null }
            : address),
      };
      try {
        await store.transaction(async (tx) => {
          const bound = tx.bind(scope, platformAdminRepository);
          if (Object.keys(changes).length > 0) await bound.updateOrganisation(id, changes);
          if (homePortalId && family.length > 0) await bound.setHomePortal(family, homePortalId);
          await emitFor(tx, caller).organisation(TENANCY_EVENTS.organisationUpdated, id, {
            fields: Object.keys(patch),
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError("organisation_kvk_taken");
        throw error;
      }
      return oneOrganisation(scope, id);
    },

    /**
     * Moves an organisation (with its departments and branches) under another organisation of the
     * same kind, in its own family or another one, or makes it a top organisation. Never under
     * itself or its own subtree; the moved subtree takes the new family's home portal.
     */
    async moveOrganisation(caller: Caller, id: string, parentId: string | null): Promise<AdminOrganisation> {
      const scope = await platformScope(caller);
      const repo = store.bind(scope, platformAdminRepository);
      const row = await repo.organisation(id);
      if (!row) throw new AppError("not_found");
      if (row.parentId === parentId) return oneOrganisation(scope, id);
      const links = await repo.parents();
      const moved = subtree(id, links);
      let homePortalId = row.homePortalId;
      if (parentId) {
        if (moved.includes(parentId)) throw new AppError("organisation_cycle");
        const parent = await repo.organisation(parentId);
        if (!parent || parent.deactivatedAt) throw new AppError("organisation_parent_invalid");
        if (parent.kind !== row.kind) throw new AppError("organisation_kind_mismatch");
        homePortalId = parent.homePortalId;
      } else if (row.kvkNumber && (await repo.kvkTaken(row.kvkNumber, id))) {
        throw new AppError("organisation_kvk_taken");
      }
      try {
        await store.transaction(async (tx) => {
          const bound = tx.bind(scope, platformAdminRepository);
          await bound.updateOrganisation(id, { parentId });
          if (homePortalId !== row.homePortalId) await bound.setHomePortal(moved, homePortalId);
          await emitFor(tx, caller).organisation(TENANCY_EVENTS.organisationMoved, id, {
            fromParentId: row.parentId,
            toParentId: parentId,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError("organisation_kvk_taken");
        throw error;
      }
      return oneOrganisation(scope, id);
    },

    deactivateOrganisation: (caller: Caller, id: string) => setOrganisationActive(caller, id, false),
    reactivateOrganisation: (caller: Caller, id: string) => setOrganisationActive(caller, id, true),

    /**
     * Deletes an organisation that nothing refers to: no users, departments, branches, invitations
     * or data of any kind. Otherwise a clear refusal, and nothing changes (deactivate instead).
     */
    async deleteOrganisation(caller: Caller, id: string): Promise<void> {
      const scope = await platformScope(caller);
      await store.transaction(async (tx) => {
        const repo = tx.bind(scope, platformAdminRepository);
        const row = await repo.organisation(id);
        if (!row) throw new AppError("not_found");
        if ((await repo.memberCount(id)) > 0) throw new AppError("organisation_has_users");
        if (await repo.isReferenced(id)) throw new AppError("organisation_not_empty");
        await repo.deleteOrganisation(id);
        await emitFor(tx, caller).organisation(TENANCY_EVENTS.organisationDeleted, id, { kind: row.kind });
      });
    },

    /** A portal's current logo (public: it is the portal's branding); replaced ones are gone. */
    async portalLogo(portalId: string, file: string) {
      const row = await tenancy.portalRow(portalId);
      if (!row || row.logoUrl !== `/api/v1/portal-logos/${portalId}/${file}` || !row.logoFileKey)
        throw new AppError("not_found");
      const stored = await files.get(row.logoFileKey);
      if (!stored) throw new AppError("not_found");
      return stored;
    },
  };
}

export type PlatformAdminService = ReturnType<typeof createPlatformAdminService>;
