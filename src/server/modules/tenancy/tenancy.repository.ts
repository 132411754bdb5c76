import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db";
import { type memberships, organisations, portals } from "../../platform/schema";
import { type OrgScope, organisationsOf, type PlatformScope, type PublicScope } from "../../platform/scope";
import { repository } from "../../platform/store";
import type { MailPortal } from "../../platform/tenancy";

export type PortalRow = typeof portals.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
export type NewOrganisationRow = typeof organisations.$inferInsert;
export type MembershipRow = typeof memberships.$inferSelect;

export type OrganisationPatch = Partial<
  Pick<
    NewOrganisationRow,
    "name" | "kvkNumber" | "street" | "houseNumber" | "postcode" | "city" | "lat" | "lon"
  >
>;

/**
 * The portal columns a mail needs (`MailPortal`), for a repository that reads a mail's facts to
 * select with the rest: `...mailPortalColumns`, with `portals` joined.
 */
export const mailPortalColumns = {
  portalSlug: portals.slug,
  portalParentId: portals.parentId,
  portalNameNl: portals.nameNl,
  portalNameEn: portals.nameEn,
} satisfies Record<keyof MailPortal, unknown>;

/** Portals are platform-level rows, not owned by a tenant: anyone may know which portals exist. */
export const portalsRepository = repository<PublicScope>()({
  async list(db: Db, _scope: PublicScope): Promise<PortalRow[]> {
    return db.select().from(portals).orderBy(asc(portals.parentId), asc(portals.nameNl));
  },
});

/**
 * The directory of organisations at home on a portal (the national portal lists every one):
 * which organisations take part is no secret to the staff of a portal, whoever they work for.
 */
export const organisationDirectoryRepository = repository<PublicScope>()({
  async listOnPortal(
    db: Db,
    _scope: PublicScope,
    portal: { portalId: string; national: boolean },
    page: { limit: number; offset: number },
  ): Promise<{ rows: OrganisationRow[]; total: number }> {
    const where = portal.national ? undefined : eq(organisations.homePortalId, portal.portalId);
    const rows = await db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(asc(organisations.name))
      .limit(page.limit)
      .offset(page.offset);
    const [totalRow] = await db.select({ n: count() }).from(organisations).where(where);
    return { rows, total: Number(totalRow?.n ?? 0) };
  },
});

/** The condition that keeps a statement inside the scope's organisations. */
function own(scope: OrgScope | PlatformScope, organisationId: string) {
  const ids = organisationsOf(scope);
  if (ids === "all") return eq(organisations.id, organisationId);
  if (!ids.includes(organisationId)) return null;
  return and(eq(organisations.id, organisationId), inArray(organisations.id, [...ids]));
}

/** The caller's own organisations; anyone else's reads as null, so ids cannot be probed. */
export const organisationsRepository = repository<OrgScope | PlatformScope>()({
  async findOwn(
    db: Db,
    scope: OrgScope | PlatformScope,
    organisationId: string,
  ): Promise<OrganisationRow | null> {
    const where = own(scope, organisationId);
    if (!where) return null;
    const [row] = await db.select().from(organisations).where(where).limit(1);
    return row ?? null;
  },

  async updateOwn(
    db: Db,
    scope: OrgScope | PlatformScope,
    organisationId: string,
    patch: OrganisationPatch,
  ): Promise<OrganisationRow | null> {
    const where = own(scope, organisationId);
    if (!where) return null;
    const [row] = await db
      .update(organisations)
      .set({ ...patch, updatedAt: new Date() })
      .where(where)
      .returning();
    return row ?? null;
  },
});
