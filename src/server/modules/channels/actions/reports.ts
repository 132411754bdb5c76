import type { ApplicantsBySourceReport, JobSiteClicksReport } from "../../../../contracts/channels";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import type { Caller } from "../../tenancy";
import { channelReportsRepository, type Period } from "../channels.repository";
import type { ChannelDeps } from "./context";
import { managerScopeOf } from "./job-sites";

const MAX_DAYS = 366;

const validDay = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** A real period: both days exist, `to` not before `from`, at most a year (so a report stays quick). */
export function checkPeriod(period: Period, locale: MessageLocale): Period {
  const problems: FieldError[] = [];
  if (!validDay(period.from))
    problems.push({ path: "querystring.from", message: fieldMessage("date_invalid", locale) });
  if (!validDay(period.to))
    problems.push({ path: "querystring.to", message: fieldMessage("date_invalid", locale) });
  if (problems.length === 0) {
    const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
    if (days < 0 || days >= MAX_DAYS)
      problems.push({ path: "querystring.to", message: fieldMessage("period_invalid", locale) });
  }
  if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
  return period;
}

const int = (v: number | string) => Number(v);

/** "Vacaturesites clicks" over the vacancies of the caller's families. */
export async function jobSiteClicksReport(
  { store }: ChannelDeps,
  caller: Caller,
  period: Period,
  locale: MessageLocale,
): Promise<JobSiteClicksReport> {
  checkPeriod(period, locale);
  const scope = await managerScopeOf(caller);
  const rows = (await store.bind(scope, channelReportsRepository).jobSiteClicks(period)).map((r) => ({
    jobSite: { id: r.site_id, name: r.site_name, code: r.code },
    vacancy: { id: r.vacancy_id, title: r.title },
    views: int(r.views),
    clicks: int(r.clicks),
    applications: int(r.applications),
  }));
  const totals = new Map<string, JobSiteClicksReport["totals"][number]>();
  for (const row of rows) {
    const total = totals.get(row.jobSite.id) ?? {
      jobSite: row.jobSite,
      views: 0,
      clicks: 0,
      applications: 0,
    };
    total.views += row.views;
    total.clicks += row.clicks;
    total.applications += row.applications;
    totals.set(row.jobSite.id, total);
  }
  return { from: period.from, to: period.to, rows, totals: [...totals.values()] };
}

/** "Eigenschappen van kandidaten per indieningsbron": applicants per source and phase reached. */
export async function applicantsBySourceReport(
  { store }: ChannelDeps,
  caller: Caller,
  period: Period,
  vacancyId: string | null,
  locale: MessageLocale,
): Promise<ApplicantsBySourceReport> {
  checkPeriod(period, locale);
  const scope = await managerScopeOf(caller);
  const repo = store.bind(scope, channelReportsRepository);
  const vacancies = await repo.vacanciesWithApplicants();
  // Another organisation's vacancy (or one without applicants) is not shown to exist.
  if (vacancyId && !vacancies.some((v) => v.id === vacancyId)) throw new AppError("not_found");
  const { counts, phases } = await repo.applicantsBySource(period, vacancyId);
  const seen = new Set<string>();
  const columns = phases.filter((p) => !seen.has(p.key) && seen.add(p.key));
  const bySource = new Map<string, ApplicantsBySourceReport["rows"][number]>();
  for (const c of counts) {
    const row = bySource.get(c.source) ?? { source: c.source, jobSiteName: null, total: 0, phases: {} };
    row.total += c.n;
    row.phases[c.phase] = (row.phases[c.phase] ?? 0) + c.n;
    bySource.set(c.source, row);
  }
  const names = new Map((await repo.sitesByCode([...bySource.keys()])).map((s) => [s.code, s.name]));
  const rows = [...bySource.values()]
    .map((r) => ({ ...r, jobSiteName: names.get(r.source) ?? null }))
    .sort((a, b) => b.total - a.total || a.source.localeCompare(b.source));
  return {
    from: period.from,
    to: period.to,
    vacancyId,
    phases: columns.map((p) => ({ key: p.key, label: { nl: p.label.nl, en: p.label.en } })),
    rows,
    vacancies,
  };
}
