import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { mailLocale } from "../../platform/mail-templates";
import type { DomainEventInput, Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { mailPortalName, mailPortalUrl } from "../../platform/tenancy";
import { actionAssignedMail, materialAssignedMail } from "./onboarding.mails";
import { onboardingRepository } from "./onboarding.repository";

/**
 * The events of hiring and onboarding (decision 0015), each written in the transaction of its
 * change:
 * - hire.recorded: a laureate was hired (`{ hireId, matchId }`);
 * - hire.undone: the step into "hired" was undone and the hire removed;
 * - onboarding.action_assigned: an action went to the leader or the mentor (`{ actionId, role }`);
 * - onboarding.action_done: its assignee marked it done;
 * - onboarding.material_assigned: material went to the new employee (`{ hireId, materialIds }`),
 *   who gets a mail with the link to their material.
 */
export const ONBOARDING_EVENTS = {
  hired: "hire.recorded",
  hireUndone: "hire.undone",
  actionAssigned: "onboarding.action_assigned",
  actionDone: "onboarding.action_done",
  materialAssigned: "onboarding.material_assigned",
} as const;

export function onboardingEvent(
  type: (typeof ONBOARDING_EVENTS)[keyof typeof ONBOARDING_EVENTS],
  hire: { id: string; organisationId: string; vacancyId: string; matchId: string },
  actorUserId: string | null,
  payload: Record<string, unknown> = {},
): DomainEventInput {
  return {
    type,
    organisationId: hire.organisationId,
    portalId: null,
    subject: { hireId: hire.id, vacancyId: hire.vacancyId, matchId: hire.matchId },
    actorUserId,
    payload,
  };
}

export interface OnboardingSubscriberDeps {
  store: Store;
  mailer: Mailer;
  publicUrl: string;
}

export function registerOnboardingSubscribers(events: EventBus, deps: OnboardingSubscriberDeps): void {
  events.subscribe({
    name: "onboarding.action-mail",
    types: [ONBOARDING_EVENTS.actionAssigned],
    /** The leader or the mentor, in their language: a reminder to plan the meeting, with the link. */
    async handle(event) {
      const actionId = (event.payload as { actionId?: string }).actionId;
      if (!actionId) return;
      const facts = await deps.store
        .bind(systemScope("events"), onboardingRepository)
        .actionRecipient(actionId);
      // Gone (the hire was undone) or the account deactivated: nobody to remind.
      if (!facts || facts.deactivatedAt || facts.action.doneAt) return;
      const locale = mailLocale(facts.locale);
      await deps.mailer.send({
        to: facts.email,
        ...actionAssignedMail({
          locale,
          portalName: mailPortalName(locale, facts),
          name: facts.name,
          role: facts.action.role,
          hireName: facts.hireName,
          vacancyTitle: facts.vacancyTitle,
          startDate: facts.startDate,
          url: new URL("inwerken", mailPortalUrl(deps.publicUrl, facts)).toString(),
        }),
      });
    },
  });

  events.subscribe({
    name: "onboarding.material-mail",
    types: [ONBOARDING_EVENTS.materialAssigned],
    /** The new employee, in their language: the link to their learning material. */
    async handle(event) {
      const hireId = event.subject.hireId;
      if (!hireId) return;
      const facts = await deps.store.bind(systemScope("events"), onboardingRepository).recipientOf(hireId);
      if (!facts?.hire.email) return;
      const locale = mailLocale(facts.locale);
      await deps.mailer.send({
        to: facts.hire.email,
        ...materialAssignedMail({
          locale,
          portalName: mailPortalName(locale, facts),
          name: facts.hire.name,
          vacancyTitle: facts.vacancyTitle,
          organisationName: facts.organisationName,
          url: new URL("mijn-inwerken", mailPortalUrl(deps.publicUrl, facts)).toString(),
        }),
      });
    },
  });
}
