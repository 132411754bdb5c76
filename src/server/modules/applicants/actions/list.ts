import {
  APPLICANT_SOURCES,
  type ApplicantListResponse,
  type ParsedApplicantListQuery,
} from "../../../../contracts/applicants";
import { choiceQuestionsOf } from "../../forms";
import type { Caller } from "../../tenancy";
import { phaseDto, summaryDto } from "../applicants.presenter";
import { applicantsRepository } from "../applicants.repository";
import { type ApplicantDeps, applicantContext } from "./context";

/** A vacancy's applicants, filtered and paged, with counts per phase, source and channel. */
export async function listApplicants(
  deps: ApplicantDeps,
  caller: Caller,
  vacancyId: string,
  query: ParsedApplicantListQuery,
): Promise<ApplicantListResponse> {
  const { scope, vacancy, procedure, permissions } = await applicantContext(deps, caller, vacancyId);
  const repo = deps.store.bind(scope, applicantsRepository);
  const [result, inUse, answerQuestions] = await Promise.all([
    repo.list(vacancyId, query),
    repo.phaseIdsInUse(vacancyId),
    choiceQuestionsOf(deps, scope, vacancyId),
  ]);
  // Applicants still in a procedure the vacancy no longer uses keep their phases, listed after.
  const others = await repo.phases(inUse.filter((id) => !procedure.phases.some((p) => p.id === id)));
  const phases = [...procedure.phases, ...others];
  const countOf = <K extends string>(rows: { key: string; n: number }[], key: K) =>
    rows.find((r) => r.key === key)?.n ?? 0;
  return {
    vacancy: { id: vacancy.id, title: vacancy.displayTitle, organisationId: vacancy.organisationId },
    phases: phases.map(phaseDto),
    answerQuestions,
    items: result.rows.map(summaryDto),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
    facets: {
      phases: phases.map((p) => ({ phaseId: p.id, count: countOf(result.facets.phases, p.id) })),
      sources: APPLICANT_SOURCES.map((source) => ({ source, count: countOf(result.facets.sources, source) })),
      channels: result.facets.channels
        .map((r) => ({ channel: r.key, count: r.n }))
        .sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel)),
    },
    permissions,
  };
}
