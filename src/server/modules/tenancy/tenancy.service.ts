import type { Organisation, Portal, UpdateOrganisationRequest } from "../../../contracts/tenancy";
import { AppError } from "../../platform/errors";
import { publicScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import { type HostPortal, portalUrl } from "../../platform/tenancy";
import type { Caller } from "./caller";
import * as repo from "./tenancy.repository";

export interface TenancyContext {
  store: Store;
  publicUrl: string;
}

/**
 * Portals change rarely and are read on every request, so they are kept for a few seconds;
 * a new portal shows up at the latest after that.
 */
const PORTAL_CACHE_MS = 5_000;

export function createTenancyService({ store, publicUrl }: TenancyContext) {
  let cache: { at: number; rows: repo.PortalRow[] } | null = null;

  async function allPortals(): Promise<repo.PortalRow[]> {
    if (!cache || Date.now() - cache.at > PORTAL_CACHE_MS)
      cache = { at: Date.now(), rows: await store.bind(publicScope, repo.portalsRepository).list() };
    return cache.rows;
  }

  function present(row: repo.PortalRow, rows: repo.PortalRow[]): Portal {
    const parent = row.parentId ? rows.find((r) => r.id === row.parentId) : undefined;
    return {
      slug: row.slug,
      name: { nl: row.nameNl, en: row.nameEn },
      primaryColor: row.primaryColor,
      logoUrl: row.logoUrl,
      isNational: row.parentId === null,
      parentSlug: parent?.slug ?? null,
      url: portalUrl(publicUrl, row.parentId === null ? null : row.slug),
    };
  }

  return {
    /** The active portals (a deactivated one is not shown anywhere public, decision 0032). */
    async listPortals(): Promise<Portal[]> {
      const rows = await allPortals();
      // National first, then the regions alphabetically.
      return rows
        .filter((row) => row.deactivatedAt === null)
        .sort(
          (a, b) =>
            Number(a.parentId !== null) - Number(b.parentId !== null) || a.nameNl.localeCompare(b.nameNl),
        )
        .map((row) => present(row, rows));
    },

    /** The portal a host asks for, or null when that subdomain is not a portal. */
    async resolve(host: HostPortal): Promise<{ row: repo.PortalRow; portal: Portal } | null> {
      const rows = await allPortals();
      // A deactivated portal's subdomain answers as an unknown portal; its data stays.
      const row =
        host.kind === "national"
          ? rows.find((r) => r.parentId === null)
          : rows.find((r) => r.slug === host.slug && r.deactivatedAt === null);
      return row ? { row, portal: present(row, rows) } : null;
    },

    async listOrganisations(
      portal: repo.PortalRow,
      page: { limit: number; offset: number },
    ): Promise<{ organisations: Organisation[]; total: number }> {
      const rows = await allPortals();
      const result = await store
        .bind(publicScope, repo.organisationDirectoryRepository)
        .listOnPortal({ portalId: portal.id, national: portal.parentId === null }, page);
      return {
        total: result.total,
        organisations: result.rows.map((o) => presentOrganisation(o, rows)),
      };
    },

    /**
     * Changes an organisation the caller administers. Someone else's organisation reads as
     * "not found", so ids of other tenants cannot be probed.
     */
    async updateOrganisation(
      caller: Caller,
      organisationId: string,
      patch: UpdateOrganisationRequest,
    ): Promise<Organisation> {
      const scope = await caller.scopeAs(["org_admin"]);
      const { address, ...rest } = patch;
      const row = await store.bind(scope, repo.organisationsRepository).updateOwn(organisationId, {
        ...rest,
        ...(address === undefined
          ? {}
          : address === null
            ? { street: null, houseNumber: null, postcode: null, city: null, lat: null, lon: null }
            : address),
      });
      if (!row) throw new AppError("not_found");
      return presentOrganisation(row, await allPortals());
    },

    /** Any portal by id, deactivated ones included (for serving its logo). */
    async portalRow(id: string): Promise<repo.PortalRow | null> {
      return (await allPortals()).find((r) => r.id === id) ?? null;
    },

    /** Drops the cached portals: the next request reads them again (platform admin changes). */
    invalidate() {
      cache = null;
    },
  };
}

export type TenancyService = ReturnType<typeof createTenancyService>;

export function presentOrganisation(row: repo.OrganisationRow, portals: repo.PortalRow[]): Organisation {
  const hasAddress =
    row.street && row.houseNumber && row.postcode && row.city && row.lat !== null && row.lon !== null;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    kvkNumber: row.kvkNumber,
    address: hasAddress
      ? {
          street: row.street!,
          houseNumber: row.houseNumber!,
          postcode: row.postcode!,
          city: row.city!,
          lat: row.lat!,
          lon: row.lon!,
        }
      : null,
    homePortalSlug: portals.find((p) => p.id === row.homePortalId)?.slug ?? "",
    parentId: row.parentId,
  };
}
