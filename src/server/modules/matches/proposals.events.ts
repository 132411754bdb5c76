import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { mailLocale } from "../../platform/mail-templates";
import type { Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { mailPortalName, mailPortalUrl } from "../../platform/tenancy";
import { MATCH_EVENTS } from "./matches.events";
import { proposalDecidedMail, proposalMail } from "./proposals.mails";
import { proposalMailRepository } from "./proposals.repository";

export interface ProposalSubscriberDeps {
  store: Store;
  mailer: Mailer;
  publicUrl: string;
}

const proposalIdOf = (payload: Record<string, unknown>) => String(payload.proposalId ?? "");

/**
 * Proposals' side effects (decision 0015): each reviewer gets a mail in their language with a
 * link to the review page; a verdict is mailed to the proposer and the vacancy's account manager
 * in theirs, and becomes an in-app notice for them.
 */
export function registerProposalSubscribers(events: EventBus, deps: ProposalSubscriberDeps): void {
  const facts = () => deps.store.bind(systemScope("events"), proposalMailRepository);

  events.subscribe({
    name: "matches.proposal-mail",
    types: [MATCH_EVENTS.proposed],
    async handle(event) {
      const repo = facts();
      const proposal = await repo.proposalFacts(proposalIdOf(event.payload));
      if (!proposal || proposal.proposal.withdrawnAt) return;
      const base = mailPortalUrl(deps.publicUrl, proposal);
      const reviewUrl = new URL(`voorgesteld/${proposal.proposal.matchId}`, base).toString();
      for (const reviewer of await repo.reviewers(proposal.proposal.id)) {
        if (reviewer.deactivatedAt) continue;
        const locale = mailLocale(reviewer.language);
        await deps.mailer.send({
          to: reviewer.email,
          ...proposalMail({
            locale,
            portalName: mailPortalName(locale, proposal),
            name: reviewer.name,
            candidateName: proposal.candidateName,
            vacancyTitle: proposal.vacancyTitle,
            proposerName: proposal.proposerName ?? "Werkbrug",
            note: proposal.proposal.note,
            reviewUrl,
          }),
        });
      }
    },
  });

  events.subscribe({
    name: "matches.proposal-decided",
    types: [MATCH_EVENTS.proposalDecided],
    async handle(event) {
      const repo = facts();
      const proposal = await repo.proposalFacts(proposalIdOf(event.payload));
      if (!proposal?.proposal.decision) return;
      const decision = proposal.proposal.decision;
      const recipients = [
        ...new Set(
          [proposal.proposal.proposedByUserId, proposal.accountManagerUserId].filter(
            (id): id is string => id !== null,
          ),
        ),
      ];
      const reviewer = event.actorUserId ? (await repo.people([event.actorUserId]))[0] : undefined;
      const base = mailPortalUrl(deps.publicUrl, proposal);
      const vacancyUrl = new URL(`vacaturebeheer/${proposal.vacancyId}`, base).toString();
      for (const person of await repo.people(recipients)) {
        await repo.notify({
          userId: person.id,
          organisationId: event.organisationId ?? proposal.proposal.organisationId,
          kind: `proposal_${decision}`,
          matchId: proposal.proposal.matchId,
          vacancyId: proposal.vacancyId,
          data: {
            candidateName: proposal.candidateName,
            vacancyTitle: proposal.vacancyTitle,
            reviewerName: reviewer?.name ?? "",
            decision,
          },
          eventKey: event.id,
        });
        if (person.deactivatedAt) continue;
        const locale = mailLocale(person.locale);
        await deps.mailer.send({
          to: person.email,
          ...proposalDecidedMail({
            locale,
            portalName: mailPortalName(locale, proposal),
            name: person.name,
            candidateName: proposal.candidateName,
            vacancyTitle: proposal.vacancyTitle,
            reviewerName: reviewer?.name ?? "",
            decision,
            vacancyUrl,
          }),
        });
      }
    },
  });
}
