import type { MyOnboarding, OnboardingAction } from "../../../../contracts/onboarding";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import { applicantContext } from "../../applicants";
import type { Caller } from "../../tenancy";
import { ONBOARDING_EVENTS, onboardingEvent } from "../onboarding.events";
import { STAFF_ROLES } from "../onboarding.policy";
import { hireDtos, materialDto } from "../onboarding.presenter";
import { onboardingRepository } from "../onboarding.repository";
import type { OnboardingDeps } from "./context";

const staffScope = (caller: Caller) => caller.scopeAs(STAFF_ROLES);

/** "Inwerken": the caller's own actions (open first) and the hires they lead, with material to give. */
export async function myOnboarding(deps: OnboardingDeps, caller: Caller): Promise<MyOnboarding> {
  const scope = await staffScope(caller);
  const repo = deps.store.bind(scope, onboardingRepository);
  const userId = caller.userId();
  const actions = await repo.actionsOfAssignee(userId);
  const led = await repo.hiresLedBy(userId);
  const hires = await hireDtos(deps.store, scope, led);
  const options = new Map<string, ReturnType<typeof materialDto>[]>();
  const ledOut: MyOnboarding["led"] = [];
  for (const [i, dto] of hires.entries()) {
    const organisationId = led[i]!.hire.organisationId;
    let own = options.get(organisationId);
    if (!own) {
      const top = (await repo.topOrganisation(organisationId)) ?? organisationId;
      own = (await repo.materials([top])).filter((m) => m.active).map(materialDto);
      options.set(organisationId, own);
    }
    ledOut.push({ ...dto, vacancyTitle: led[i]!.vacancyTitle, materialOptions: own });
  }
  return {
    actions: actions.map(({ action, assignee, hire, vacancyTitle }) => ({
      id: action.id,
      kind: action.kind,
      role: action.role,
      assignee: assignee ?? { id: action.assigneeUserId, name: "", email: null },
      doneAt: action.doneAt?.toISOString() ?? null,
      hire: { id: hire.id, name: hire.name, vacancyTitle, startDate: hire.startDate },
    })),
    led: ledOut,
  };
}

/** The assignee marks their action done; someone else's is refused, another organisation's not found. */
export async function markActionDone(
  deps: OnboardingDeps,
  caller: Caller,
  actionId: string,
): Promise<OnboardingAction> {
  const scope = await staffScope(caller);
  const repo = deps.store.bind(scope, onboardingRepository);
  const action = await repo.action(actionId);
  if (!action) throw new AppError("not_found");
  const userId = caller.userId();
  if (action.assigneeUserId !== userId) throw new AppError("onboarding_action_not_yours");
  if (!action.doneAt) {
    const found = await repo.hire(action.hireId);
    if (!found) throw new AppError("not_found");
    await deps.store.transaction(async (tx) => {
      const marked = await tx.bind(scope, onboardingRepository).markDone(actionId, userId);
      if (marked)
        await tx.emit(
          onboardingEvent(ONBOARDING_EVENTS.actionDone, found.hire, userId, { actionId, role: action.role }),
        );
    });
  }
  const [row] = (await repo.actionsOf([action.hireId])).filter((a) => a.action.id === actionId);
  return {
    id: actionId,
    kind: action.kind,
    role: action.role,
    assignee: row?.assignee ?? { id: userId, name: "", email: null },
    doneAt: row?.action.doneAt?.toISOString() ?? null,
  };
}

/**
 * The leader gives a new employee learning material by hand (an internal profile gets none by
 * itself); the vacancy's applicant managers may too. Only the active material of the hire's own
 * organisation family; the new employee is mailed the link.
 */
export async function assignMaterial(
  deps: OnboardingDeps,
  caller: Caller,
  hireId: string,
  materialId: string,
  locale: MessageLocale,
) {
  const scope = await staffScope(caller);
  const repo = deps.store.bind(scope, onboardingRepository);
  const found = await repo.hire(hireId);
  if (!found) throw new AppError("not_found");
  const userId = caller.userId();
  if (found.hire.leaderUserId !== userId) {
    const ctx = await applicantContext(
      { store: deps.store, files: deps.files, matches: deps.matches },
      caller,
      found.hire.vacancyId,
    ).catch(() => null);
    if (!ctx?.manages) throw new AppError("forbidden");
  }
  const vacancy = await repo.vacancy(found.hire.vacancyId);
  if (!vacancy) throw new AppError("not_found");
  if (vacancy.procedureClosed) throw new AppError("procedure_closed");
  const material = await repo.material(materialId);
  const top = (await repo.topOrganisation(found.hire.organisationId)) ?? found.hire.organisationId;
  if (!material || material.organisationId !== top || !material.active) {
    const problem: FieldError = { path: "materialId", message: fieldMessage("material_unknown", locale) };
    throw new AppError("validation_failed", { fields: [problem] });
  }
  await deps.store.transaction(async (tx) => {
    const added = await tx.bind(scope, onboardingRepository).assign(found.hire, [materialId], userId);
    if (added.length > 0)
      await tx.emit(
        onboardingEvent(ONBOARDING_EVENTS.materialAssigned, found.hire, userId, { materialIds: added }),
      );
  });
  const [dto] = await hireDtos(deps.store, scope, [found]);
  return dto!;
}
