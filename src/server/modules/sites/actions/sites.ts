import type { z } from "zod";
import type {
  CreateSiteRequestSchema,
  ManagedSiteOrganisationsResponse,
  SetSiteStaffRequest,
  Site,
  SiteListResponse,
  UpdateSiteRequestSchema,
} from "../../../../contracts/sites";
import { AppError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import type { OrgScope, PlatformScope } from "../../../platform/scope";
import type { Store } from "../../../platform/store";
import { getPlace } from "../../taxonomy";
import type { Caller } from "../../tenancy";
import { vacancyActorOf, vacancyScopeOf } from "../../vacancies";
import { managesSites, siteOrganisations } from "../sites.policy";
import { presentPerson, presentSite } from "../sites.presenter";
import { type SiteInsert, sitesRepository } from "../sites.repository";

/** What the site actions work with: repositories through the store, never the database. */
export interface SitesDeps {
  store: Store;
}

type CreateInput = z.output<typeof CreateSiteRequestSchema>;
type UpdateInput = z.output<typeof UpdateSiteRequestSchema>;

/**
 * The scope over one organisation whose sites the caller manages; 404 for any other (another
 * organisation's sites are not shown to exist).
 */
async function managedScope(caller: Caller, organisationId: string): Promise<OrgScope | PlatformScope> {
  const actor = await vacancyActorOf(caller);
  if (!managesSites(actor, organisationId)) throw new AppError("not_found");
  return caller.narrow(await vacancyScopeOf(caller), [organisationId]);
}

/** The organisations whose sites the caller manages, with their number of active sites. */
export async function managedOrganisations(
  { store }: SitesDeps,
  caller: Caller,
): Promise<ManagedSiteOrganisationsResponse> {
  const actor = await vacancyActorOf(caller);
  const scope = await vacancyScopeOf(caller);
  const rows = await store.bind(scope, sitesRepository).organisations(siteOrganisations(actor));
  return { organisations: rows.map((r) => ({ ...r, siteCount: Number(r.siteCount) })) };
}

export async function listSites(
  { store }: SitesDeps,
  caller: Caller,
  organisationId: string,
  includeInactive: boolean,
): Promise<SiteListResponse> {
  const scope = await managedScope(caller, organisationId);
  const sites = store.bind(scope, sitesRepository);
  const organisation = await sites.organisation(organisationId);
  if (!organisation) throw new AppError("not_found");
  return {
    organisation,
    sites: (await sites.list(organisationId, includeInactive)).map(presentSite),
    staff: (await sites.staff(organisationId)).map(presentPerson),
  };
}

/** The address columns of the input; the place gives the city (unless named) and the coordinates. */
function addressOf(input: Partial<CreateInput>, locale: MessageLocale): Partial<SiteInsert> {
  const out: Partial<SiteInsert> = {};
  for (const key of ["name", "street", "houseNumber", "postcode"] as const)
    if (input[key] !== undefined) out[key] = input[key];
  if (input.placeId !== undefined) {
    const place = getPlace(input.placeId);
    if (!place)
      throw new AppError("validation_failed", {
        fields: [{ path: "placeId", message: fieldMessage("unknown_place", locale) }],
      });
    Object.assign(out, { placeId: place.id, city: input.city || place.name, lat: place.lat, lon: place.lon });
  } else if (input.city) out.city = input.city;
  return out;
}

/** 409 naming the clash when another site of the organisation has the name (in any case). */
async function refuseDuplicateName(
  sites: ReturnType<typeof bindSites>,
  organisationId: string,
  name: string | undefined,
  exceptId: string | null,
  locale: MessageLocale,
): Promise<void> {
  if (name === undefined) return;
  const existing = await sites.sameName(organisationId, name, exceptId);
  if (existing)
    throw new AppError("site_name_taken", {
      fields: [{ path: "name", message: fieldMessage("site_name_taken", locale) }],
    });
}

const bindSites = (store: Store, scope: OrgScope | PlatformScope) => store.bind(scope, sitesRepository);

const isUniqueViolation = (error: unknown) =>
  String(
    (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code,
  ) === "23505";

/** Two requests with one name at once: the unique index decides, and the loser hears why. */
async function nameGuarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("site_name_taken", { cause: error });
    throw error;
  }
}

async function found(store: Store, scope: OrgScope | PlatformScope, organisationId: string, siteId: string) {
  const row = await bindSites(store, scope).find(organisationId, siteId);
  if (!row) throw new AppError("not_found");
  return row;
}

export async function createSite(
  { store }: SitesDeps,
  caller: Caller,
  organisationId: string,
  input: CreateInput,
  locale: MessageLocale,
): Promise<Site> {
  const scope = await managedScope(caller, organisationId);
  const sites = bindSites(store, scope);
  if (!(await sites.organisation(organisationId))) throw new AppError("not_found");
  const address = addressOf(input, locale);
  await refuseDuplicateName(sites, organisationId, input.name, null, locale);
  const row = await nameGuarded(() =>
    sites.insert({
      organisationId,
      name: input.name,
      street: input.street,
      houseNumber: input.houseNumber,
      postcode: input.postcode,
      city: address.city ?? "",
      placeId: address.placeId ?? null,
      lat: address.lat ?? null,
      lon: address.lon ?? null,
    }),
  );
  return presentSite(await found(store, scope, organisationId, row.id));
}

export async function updateSite(
  { store }: SitesDeps,
  caller: Caller,
  organisationId: string,
  siteId: string,
  input: UpdateInput,
  locale: MessageLocale,
): Promise<Site> {
  const scope = await managedScope(caller, organisationId);
  await found(store, scope, organisationId, siteId);
  const sites = bindSites(store, scope);
  const values = addressOf(input, locale);
  await refuseDuplicateName(sites, organisationId, input.name, siteId, locale);
  await nameGuarded(() => sites.update(organisationId, siteId, values));
  return presentSite(await found(store, scope, organisationId, siteId));
}

/**
 * Deactivates (vacancies keep pointing at it, new ones cannot choose it) or reactivates a site;
 * a site with history is never deleted.
 */
export async function setSiteActive(
  { store }: SitesDeps,
  caller: Caller,
  organisationId: string,
  siteId: string,
  active: boolean,
): Promise<Site> {
  const scope = await managedScope(caller, organisationId);
  const current = await found(store, scope, organisationId, siteId);
  if ((current.site.deactivatedAt === null) !== active)
    await bindSites(store, scope).update(organisationId, siteId, {
      deactivatedAt: active ? null : new Date(),
    });
  return presentSite(await found(store, scope, organisationId, siteId));
}

/** Limits exactly these staff members of the organisation to the site (the set replaces the last). */
export async function setSiteStaff(
  { store }: SitesDeps,
  caller: Caller,
  organisationId: string,
  siteId: string,
  input: SetSiteStaffRequest,
  locale: MessageLocale,
): Promise<Site> {
  const scope = await managedScope(caller, organisationId);
  await found(store, scope, organisationId, siteId);
  const staff = new Set((await bindSites(store, scope).staff(organisationId)).map((p) => p.id));
  const userIds = [...new Set(input.userIds)];
  const outside = userIds.findIndex((id) => !staff.has(id));
  if (outside >= 0)
    throw new AppError("validation_failed", {
      fields: [{ path: `userIds.${outside}`, message: fieldMessage("person_not_allowed", locale) }],
    });
  await store.transaction((tx) => tx.bind(scope, sitesRepository).setStaff(organisationId, siteId, userIds));
  return presentSite(await found(store, scope, organisationId, siteId));
}
