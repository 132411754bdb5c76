import type { JobSite, JobSiteListResponse, UpdateJobSiteRequest } from "../../../../contracts/channels";
import { AppError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import type { OrgScope, PlatformScope } from "../../../platform/scope";
import type { Bound } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { vacancyScopeOf } from "../../vacancies";
import { CHANNEL_MANAGER_ROLES } from "../channels.policy";
import { type JobSiteListRow, jobSitesRepository } from "../channels.repository";
import type { ChannelDeps } from "./context";

/**
 * The caller's reach over job sites and reports: the organisation families where they are a
 * selection officer or organisation administrator (the platform administrator: all), within
 * what they may read of vacancies.
 */
export async function managerScopeOf(caller: Caller): Promise<OrgScope | PlatformScope> {
  const readable = await vacancyScopeOf(caller);
  if (caller.isPlatformAdmin) return readable;
  return caller.narrow(readable, await caller.organisationsAs(CHANNEL_MANAGER_ROLES));
}

function managedIds(scope: OrgScope | PlatformScope): readonly string[] | "all" {
  return scope.kind === "platform" ? "all" : scope.organisationIds;
}

export function presentJobSite(row: JobSiteListRow, baseUrl: string): JobSite {
  return {
    id: row.id,
    organisation: { id: row.organisationId, name: row.organisationName },
    name: row.name,
    code: row.code,
    active: row.active,
    feedUrl: new URL(`/feeds/job-sites/${row.id}.xml`, baseUrl).toString(),
    vacancyCount: Number(row.vacancyCount),
  };
}

export async function listJobSites(
  { store }: ChannelDeps,
  caller: Caller,
  baseUrl: string,
): Promise<JobSiteListResponse> {
  const scope = await managerScopeOf(caller);
  const repo = store.bind(scope, jobSitesRepository);
  const organisations = await repo.topOrganisations(managedIds(scope));
  const rows = await repo.list(organisations.map((o) => o.id));
  return { organisations, jobSites: rows.map((r) => presentJobSite(r, baseUrl)) };
}

/** 409 naming the field when another site of the family has the code or the name. */
async function refuseClash(
  repo: Bound<typeof jobSitesRepository>,
  organisationId: string,
  fields: { name?: string; code?: string },
  exceptId: string | null,
  locale: MessageLocale,
): Promise<void> {
  const clash = await repo.clash(organisationId, fields, exceptId);
  if (clash)
    throw new AppError("job_site_taken", {
      fields: [{ path: clash, message: fieldMessage(`job_site_${clash}_taken`, locale) }],
    });
}

const isUniqueViolation = (error: unknown) =>
  String(
    (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code,
  ) === "23505";

export async function createJobSite(
  deps: ChannelDeps,
  caller: Caller,
  input: { organisationId: string; name: string; code: string },
  baseUrl: string,
  locale: MessageLocale,
): Promise<JobSite> {
  const scope = await managerScopeOf(caller);
  const repo = deps.store.bind(scope, jobSitesRepository);
  // Departments share their top organisation's job sites; another family's is not shown to exist.
  const top = await repo.topOrganisation(input.organisationId);
  if (!top) throw new AppError("not_found");
  await refuseClash(repo, top, { name: input.name, code: input.code }, null, locale);
  let id: string;
  try {
    id = await repo.insert({ organisationId: top, name: input.name, code: input.code });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("job_site_taken", { cause: error });
    throw error;
  }
  const row = await repo.find(id);
  return presentJobSite(row!, baseUrl);
}

export async function updateJobSite(
  deps: ChannelDeps,
  caller: Caller,
  id: string,
  input: UpdateJobSiteRequest,
  baseUrl: string,
  locale: MessageLocale,
): Promise<JobSite> {
  const scope = await managerScopeOf(caller);
  const repo = deps.store.bind(scope, jobSitesRepository);
  const found = await repo.find(id);
  if (!found) throw new AppError("not_found");
  const name = input.name?.trim();
  if (name !== undefined) await refuseClash(repo, found.organisationId, { name }, id, locale);
  try {
    await repo.update(id, {
      ...(name !== undefined ? { name } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("job_site_taken", { cause: error });
    throw error;
  }
  return presentJobSite((await repo.find(id))!, baseUrl);
}
