import type { SavedVacancy } from "../../../../contracts/candidates";
import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { isOpenOn, todayIn, type Viewer } from "../../vacancies";
import { CANDIDATE_EVENTS } from "../candidates.events";
import { profilesRepository } from "../candidates.repository";
import { ownOutreachRepository } from "../outreach.repository";
import type { CandidateDeps } from "./context";

/**
 * Who is looking, for the vacancies module's visibility rule: the portals the person is a
 * candidate on and the organisations (families) they work for.
 */
async function viewerOf(caller: Caller): Promise<Extract<Viewer, { kind: "candidate" }>> {
  const memberships = await caller.memberships();
  return {
    kind: "candidate",
    portalIds: memberships.flatMap((m) => (m.role === "candidate" && m.portalId ? [m.portalId] : [])),
    organisationIds: [
      ...new Set(memberships.flatMap((m) => (m.role !== "candidate" && m.organisationId ? m.family : []))),
    ],
  };
}

/** Vacancies a candidate keeps for later ("opgeslagen vacatures" on the dashboard). */
export function savedVacancyActions(deps: Pick<CandidateDeps, "store">) {
  const { store } = deps;
  return {
    async saved(caller: Caller): Promise<SavedVacancy[]> {
      const scope = await caller.self();
      const today = todayIn();
      const rows = await store
        .bind(scope, ownOutreachRepository)
        .savedVacanciesOfMine(await viewerOf(caller), today);
      const seen = new Set<string>();
      return rows
        .filter((r) => {
          // A person registered on two portals may have saved the same vacancy twice.
          if (seen.has(r.vacancy.id)) return false;
          seen.add(r.vacancy.id);
          return true;
        })
        .map((r) => ({
          vacancyId: r.vacancy.id,
          displayTitle: r.vacancy.displayTitle,
          organisationName: r.organisationName,
          city: r.vacancy.city,
          closesOn: r.vacancy.closesOn,
          open: r.stillVisible && isOpenOn(r.vacancy, today),
          savedAt: r.saved.createdAt.toISOString(),
        }));
    },

    /** Keep a vacancy the candidate can see now (on the profile of the request's portal, else the first). */
    async save(caller: Caller, vacancyId: string): Promise<void> {
      const scope = await caller.self();
      const own = store.bind(scope, ownOutreachRepository);
      if (!(await own.vacancyVisibleTo(await viewerOf(caller), vacancyId, todayIn())))
        throw new AppError("not_found");
      const rows = await store.bind(scope, profilesRepository).profilesOf(scope.userId);
      const candidate = rows.find((c) => c.portalId === caller.portal?.id) ?? rows[0];
      if (!candidate) throw new AppError("forbidden");
      await store.transaction(async (tx) => {
        if (!(await tx.bind(scope, ownOutreachRepository).saveVacancy(candidate.id, vacancyId))) return;
        await tx.emit({
          type: CANDIDATE_EVENTS.vacancySaved,
          organisationId: null,
          portalId: candidate.portalId,
          subject: { candidateId: candidate.id, vacancyId },
          actorUserId: scope.userId,
          payload: {},
        });
      });
    },

    async unsave(caller: Caller, vacancyId: string): Promise<void> {
      const scope = await caller.self();
      if (scope.candidateIds.length === 0) return;
      await store.transaction(async (tx) => {
        if (!(await tx.bind(scope, ownOutreachRepository).unsaveVacancy(vacancyId))) return;
        await tx.emit({
          type: CANDIDATE_EVENTS.vacancyUnsaved,
          organisationId: null,
          portalId: caller.portal?.id ?? null,
          subject: { vacancyId, userId: scope.userId },
          actorUserId: scope.userId,
          payload: {},
        });
      });
    },
  };
}
