import type { Hire, Material } from "../../../contracts/onboarding";
import type { TenantScope } from "../../platform/scope";
import type { Store } from "../../platform/store";
import { isInternalEmail } from "./onboarding.policy";
import { type HireView, type MaterialRow, onboardingRepository } from "./onboarding.repository";

export const starterFormUrl = (vacancyId: string, matchId: string) =>
  `/api/v1/vacancies/${vacancyId}/hires/${matchId}/starter-form.pdf`;

export function materialDto(row: MaterialRow): Material {
  return {
    id: row.id,
    organisationId: row.organisationId,
    title: row.title,
    description: row.description,
    url: row.url,
    availability: row.availability,
    active: row.active,
  };
}

/** Hires with their actions, material and profile (from the organisation's own e-mail domains). */
export async function hireDtos(
  store: Store,
  scope: TenantScope,
  views: readonly HireView[],
): Promise<Hire[]> {
  const repo = store.bind(scope, onboardingRepository);
  const ids = views.map((v) => v.hire.id);
  const actions = await repo.actionsOf(ids);
  const assignments = await repo.assignmentsOf(ids);
  const domains = new Map<string, string[]>();
  const out: Hire[] = [];
  for (const { hire, leader, mentor, onboarding } of views) {
    let own = domains.get(hire.organisationId);
    if (!own) {
      const top = (await repo.topOrganisation(hire.organisationId)) ?? hire.organisationId;
      own = await repo.emailDomainsOf(top);
      domains.set(hire.organisationId, own);
    }
    out.push({
      id: hire.id,
      matchId: hire.matchId,
      vacancyId: hire.vacancyId,
      name: hire.name,
      email: hire.email,
      startDate: hire.startDate,
      leader,
      mentor,
      profile: isInternalEmail(hire.email, own) ? "internal" : "external",
      onboarding,
      actions: actions
        .filter((a) => a.action.hireId === hire.id)
        .map(({ action, assignee }) => ({
          id: action.id,
          kind: action.kind,
          role: action.role,
          assignee: assignee ?? { id: action.assigneeUserId, name: "", email: null },
          doneAt: action.doneAt?.toISOString() ?? null,
        })),
      materials: assignments
        .filter((a) => a.assignment.hireId === hire.id)
        .map(({ assignment, title, availability, by }) => ({
          id: assignment.id,
          materialId: assignment.materialId,
          title,
          availability,
          assignedBy: by,
          at: assignment.createdAt.toISOString(),
        })),
      starterFormUrl: starterFormUrl(hire.vacancyId, hire.matchId),
      hiredAt: hire.createdAt.toISOString(),
    });
  }
  return out;
}
