import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { mailLocale } from "../../platform/mail-templates";
import type { DomainEventInput, Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { mailPortalName, mailPortalUrl } from "../../platform/tenancy";
import { approvalDecidedMail, approvalRequestedMail } from "./selection-results.mails";
import { approvalMailRepository } from "./selection-results.repository";

/**
 * The events of the selection results (decision 0015), each in the transaction of its change.
 * Payloads hold ids (and the decision): remarks are read from the request when the mail goes.
 */
export const SELECTION_EVENTS = {
  /** subject { vacancyId, approvalId }: mail the person asked. */
  approvalRequested: "selection.approval_requested",
  /** subject { vacancyId, approvalId }, payload { decision }: mail the officer who asked. */
  approvalDecided: "selection.approval_decided",
} as const;

export function selectionEvent(
  type: (typeof SELECTION_EVENTS)[keyof typeof SELECTION_EVENTS],
  vacancy: { id: string; organisationId: string; portalId: string },
  approvalId: string,
  actorUserId: string,
  payload: Record<string, unknown>,
): DomainEventInput {
  return {
    type,
    organisationId: vacancy.organisationId,
    portalId: vacancy.portalId,
    subject: { vacancyId: vacancy.id, approvalId },
    actorUserId,
    payload,
  };
}

export interface SelectionResultsSubscriberDeps {
  store: Store;
  mailer: Mailer;
  publicUrl: string;
}

export function registerSelectionResultsSubscribers(
  events: EventBus,
  deps: SelectionResultsSubscriberDeps,
): void {
  const facts = () => deps.store.bind(systemScope("events"), approvalMailRepository);

  events.subscribe({
    name: "selection-results.approval-requested-mail",
    types: [SELECTION_EVENTS.approvalRequested],
    async handle(event) {
      const id = event.subject.approvalId;
      const a = id ? await facts().approval(id) : null;
      if (!a?.approver?.email) return;
      const locale = mailLocale(a.approver.locale);
      await deps.mailer.send({
        to: a.approver.email,
        ...approvalRequestedMail({
          locale,
          portalName: mailPortalName(locale, a),
          name: a.approver.name,
          vacancyTitle: a.vacancyTitle,
          organisationName: a.organisationName,
          requesterName: a.requester?.name ?? "",
          url: new URL(`vacatures-goedkeuren/${a.id}`, mailPortalUrl(deps.publicUrl, a)).toString(),
        }),
      });
    },
  });

  events.subscribe({
    name: "selection-results.approval-decided-mail",
    types: [SELECTION_EVENTS.approvalDecided],
    async handle(event) {
      const id = event.subject.approvalId;
      const a = id ? await facts().approval(id) : null;
      if (!a?.requester?.email || a.status === "pending") return;
      const locale = mailLocale(a.requester.locale);
      await deps.mailer.send({
        to: a.requester.email,
        ...approvalDecidedMail({
          locale,
          portalName: mailPortalName(locale, a),
          name: a.requester.name,
          vacancyTitle: a.vacancyTitle,
          organisationName: a.organisationName,
          approved: a.status === "approved",
          approverName: a.approver?.name ?? "",
          remarks: a.remarks,
          url: new URL(
            `vacaturebeheer/${a.vacancyId}/beoordeling`,
            mailPortalUrl(deps.publicUrl, a),
          ).toString(),
        }),
      });
    },
  });
}
