import type { z } from "zod";
import type { SetVacancyChannelsRequestSchema, VacancyChannels } from "../../../../contracts/channels";
import type { Locale } from "../../../../contracts/common";
import type { Vacancy } from "../../../../contracts/vacancies";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage } from "../../../platform/i18n";
import type { Caller } from "../../tenancy";
import { getVacancy, updateVacancy, vacancyScopeOf } from "../../vacancies";
import { jobSitesRepository } from "../channels.repository";
import type { ChannelDeps } from "./context";

type SetInput = z.output<typeof SetVacancyChannelsRequestSchema>;

/**
 * The public job board and the internal career site are the vacancy's own audiences ("public"
 * and "organisation", decision 0009): on when their date is set. External job sites are the
 * vacancy's chosen `job_sites` of its family.
 */
async function channelsOf(deps: ChannelDeps, caller: Caller, vacancy: Vacancy): Promise<VacancyChannels> {
  const repo = deps.store.bind(await vacancyScopeOf(caller), jobSitesRepository);
  const top = await repo.topOrganisation(vacancy.organisation.id);
  const available = top ? await repo.active(top) : [];
  const chosen = await repo.chosen(vacancy.id);
  const chosenCodes = new Set(chosen.map((c) => c.code));
  return {
    vacancyId: vacancy.id,
    publicBoard: vacancy.publication.publicFrom !== null,
    internal: vacancy.publication.organisationFrom !== null,
    jobSites: chosen.map((c) => c.code),
    available: [
      ...available.map((a) => ({ code: a.code, name: a.name, chosen: chosenCodes.has(a.code) })),
      // A site deactivated since it was chosen stays listed while the vacancy keeps it.
      ...chosen.filter((c) => !c.active).map((c) => ({ code: c.code, name: c.name, chosen: true })),
    ],
    mayChange: vacancy.permissions.publish,
  };
}

export async function getChannels(
  deps: ChannelDeps,
  caller: Caller,
  vacancyId: string,
): Promise<VacancyChannels> {
  return channelsOf(deps, caller, await getVacancy(deps.vacancies, caller, vacancyId));
}

/**
 * Sets where the vacancy goes. The board and the career site are switched through the
 * vacancies module (a date of today when switched on, a kept date when it was on already),
 * so its history, events and publication rules apply; then the external sites are stored.
 */
export async function setChannels(
  deps: ChannelDeps,
  caller: Caller,
  vacancyId: string,
  input: SetInput,
  locale: Locale,
): Promise<VacancyChannels> {
  const vacancy = await getVacancy(deps.vacancies, caller, vacancyId);
  if (!vacancy.permissions.publish) throw new AppError("forbidden");
  const repo = deps.store.bind(await vacancyScopeOf(caller), jobSitesRepository);
  const top = await repo.topOrganisation(vacancy.organisation.id);
  const available = top ? await repo.active(top) : [];
  const kept = await repo.chosen(vacancy.id);
  const problems: FieldError[] = [];
  const siteIds: string[] = [];
  for (const [index, code] of [...new Set(input.jobSites)].entries()) {
    // A deactivated site the vacancy already has may stay; no new one may be chosen.
    const site = available.find((a) => a.code === code) ?? kept.find((k) => k.code === code);
    if (!site)
      problems.push({ path: `jobSites.${index}`, message: fieldMessage("job_site_unknown", locale) });
    else siteIds.push(site.id);
  }
  // The job sites' links lead to the public job board: without it they would lead nowhere.
  if (siteIds.length > 0 && !input.publicBoard)
    problems.push({ path: "publicBoard", message: fieldMessage("job_sites_need_public_board", locale) });
  if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });

  const today = deps.vacancies.today();
  const publication = vacancy.publication;
  const publicFrom = input.publicBoard ? (publication.publicFrom ?? today) : null;
  const organisationFrom = input.internal ? (publication.organisationFrom ?? today) : null;
  let updated = vacancy;
  if (publicFrom !== publication.publicFrom || organisationFrom !== publication.organisationFrom) {
    updated = await updateVacancy(
      deps.vacancies,
      caller,
      vacancy.id,
      { publication: { ...publication, publicFrom, organisationFrom } },
      locale,
    );
  }
  await deps.store
    .bind(await vacancyScopeOf(caller), jobSitesRepository)
    .replaceChosen({ id: vacancy.id, organisationId: vacancy.organisation.id }, siteIds, caller.userId());
  return channelsOf(deps, caller, updated);
}
