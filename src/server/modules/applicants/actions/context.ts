import type { ApplicantPermissions } from "../../../../contracts/applicants";
import { AppError } from "../../../platform/errors";
import type { FileStorage } from "../../../platform/files";
import type { Store } from "../../../platform/store";
import { type MatchDeps, matchAccess, movablePhases, procedureFor } from "../../matches";
import type { Caller } from "../../tenancy";
import { involvedVacancy, vacancyActorOf, vacancyScopeOf } from "../../vacancies";
import { managesApplicants, procedureClosed, seesApplicants } from "../applicants.policy";
import { applicantsRepository } from "../applicants.repository";

/** What the applicants actions work with: repositories through the store, the matches module's deps. */
export interface ApplicantDeps {
  store: Store;
  files: FileStorage;
  /** The matches module's actions (moves) run with these, its step hooks included. */
  matches: MatchDeps;
}

/**
 * A vacancy whose applicants the caller may see, with its procedure and what the caller may do;
 * 404 for anything else, so ids cannot be probed. The caller's facts are read here once, before
 * any transaction, so the matches module's actions inside one find them ready.
 */
export async function applicantContext(deps: ApplicantDeps, caller: Caller, vacancyId: string) {
  // Leaders and jury members reach a vacancy through its team once someone applied (read only);
  // everyone else as the vacancies module lets them read it.
  const involved = await involvedVacancy(deps, caller, vacancyId);
  const [actor, scope] = involved
    ? [involved.found.actor, involved.found.scope]
    : await Promise.all([vacancyActorOf(caller), vacancyScopeOf(caller)]);
  const vacancy = await deps.store.bind(scope, applicantsRepository).findVacancy(vacancyId);
  if (!vacancy || (!involved && !seesApplicants(actor, vacancy))) throw new AppError("not_found");
  const procedure = await procedureFor(deps.matches, scope, vacancy);
  // A closed procedure (issue 16) is read only for everyone: nothing about its applicants changes.
  // `manages` still says who would manage it, so the selection modules answer "closed" (409) to
  // the officer and "forbidden" (403) to everyone else.
  const closed = procedureClosed(vacancy);
  if (involved) {
    const permissions: ApplicantPermissions = {
      moveTo: [],
      mail: false,
      correct: false,
      note: false,
      vacancy: false,
    };
    return { actor, scope, vacancy, procedure, permissions, closed, manages: false };
  }
  // The owner, and the co-owners and HR officer on the vacancy's team, manage its applicants too.
  const roles = await deps.store.bind(scope, applicantsRepository).teamRolesOf(vacancyId, actor.userId);
  const manages =
    managesApplicants(actor, vacancy) ||
    vacancy.ownerUserId === actor.userId ||
    roles.some((r) => r === "co_owner" || r === "hr");
  if (closed) {
    const permissions: ApplicantPermissions = {
      moveTo: [],
      mail: false,
      correct: false,
      note: false,
      vacancy: true,
    };
    return { actor, scope, vacancy, procedure, permissions, closed, manages };
  }
  const permissions: ApplicantPermissions = {
    moveTo: movablePhases(matchAccess(actor, vacancy), procedure).map((p) => p.id),
    mail: manages,
    correct: manages,
    note: true,
    vacancy: true,
  };
  return { actor, scope, vacancy, procedure, permissions, closed, manages };
}
export type ApplicantContext = Awaited<ReturnType<typeof applicantContext>>;

/** Refuses any change to the applicants of a closed procedure (409 `procedure_closed`). */
export function assertOpen(ctx: ApplicantContext): void {
  if (ctx.closed) throw new AppError("procedure_closed");
}
