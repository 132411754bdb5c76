import type { TenantScope } from "../../../platform/scope";
import type { TxStore } from "../../../platform/store";
import { ONBOARDING_EVENTS, onboardingEvent } from "../onboarding.events";
import { isInternalEmail } from "../onboarding.policy";
import { type HireRow, onboardingRepository } from "../onboarding.repository";

/**
 * The onboarding of a hire, when its vacancy runs one ("inwerkproces"): "Plan een
 * kennismakingsgesprek" for the leader and for the mentor, and for an external profile (an
 * e-mail outside the organisation's own domains) every active learning material of the
 * organisation, which the new employee hears of by mail. Safe to run again: what the hire has
 * stays, only what is missing is added (a mentor chosen later, onboarding switched on later).
 */
export async function startOnboarding(
  tx: TxStore,
  scope: TenantScope,
  hire: HireRow,
  actorUserId: string | null,
  options: { materials: boolean } = { materials: true },
): Promise<void> {
  const repo = tx.bind(scope, onboardingRepository);
  if (!(await repo.onboardingEnabled(hire.vacancyId))) return;
  const assignees = [
    ["leader", hire.leaderUserId],
    ["mentor", hire.mentorUserId],
  ] as const;
  for (const [role, userId] of assignees) {
    if (!userId) continue;
    const actionId = await repo.setAction(hire, role, userId);
    if (actionId)
      await tx.emit(onboardingEvent(ONBOARDING_EVENTS.actionAssigned, hire, actorUserId, { actionId, role }));
  }
  if (!options.materials) return;
  const top = (await repo.topOrganisation(hire.organisationId)) ?? hire.organisationId;
  if (isInternalEmail(hire.email, await repo.emailDomainsOf(top))) return;
  const active = (await repo.materials([top])).filter((m) => m.active);
  const added = await repo.assign(
    hire,
    active.map((m) => m.id),
    null,
  );
  if (added.length > 0)
    await tx.emit(
      onboardingEvent(ONBOARDING_EVENTS.materialAssigned, hire, actorUserId, { materialIds: added }),
    );
}
