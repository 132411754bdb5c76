import type { ApproachRequest, CandidateMessage } from "../../../../contracts/candidates";
import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { CANDIDATE_EVENTS } from "../candidates.events";
import { messageDto } from "../candidates.presenter";
import { messagesRepository, ownOutreachRepository, staffOutreachRepository } from "../outreach.repository";
import { type CandidateDeps, portalScopeOf } from "./context";

/**
 * "Benaderen" (Kansenportaal): staff write to a visible candidate, who reads it in the inbox and
 * by mail, without their address being shared. The message is the change and is stored with its
 * event; the mail goes out when the event is delivered (candidates.events.ts).
 */
export function approachActions(deps: Pick<CandidateDeps, "store">) {
  const { store } = deps;
  return {
    /** Staff who may see the candidate on this portal write to them. */
    async approach(caller: Caller, candidateId: string, input: ApproachRequest): Promise<CandidateMessage> {
      const scope = await portalScopeOf(caller);
      const sender = caller.userId();
      return store.transaction(async (tx) => {
        const messageId = await tx.bind(scope, staffOutreachRepository).insertMessage({
          candidateId,
          senderUserId: sender,
          subject: input.subject,
          body: input.message,
        });
        if (!messageId) throw new AppError("not_found");
        await tx.emit({
          type: CANDIDATE_EVENTS.approached,
          organisationId: scope.organisationId,
          portalId: scope.portalId,
          subject: { candidateId, messageId },
          actorUserId: sender,
          payload: { messageId },
        });
        const [created] = await tx.bind(scope, messagesRepository).messages(messageId);
        return messageDto(created!);
      });
    },

    /** My inbox: messages from employers and account managers, newest first. */
    async inbox(caller: Caller) {
      const rows = await store.bind(await caller.self(), messagesRepository).messages();
      return { messages: rows.map(messageDto), unread: rows.filter((r) => r.message.readAt === null).length };
    },

    async markRead(caller: Caller, id: string): Promise<CandidateMessage> {
      const scope = await caller.self();
      const messages = store.bind(scope, messagesRepository);
      const [row] = await messages.messages(id);
      if (!row) throw new AppError("not_found");
      if (row.message.readAt) return messageDto(row);
      await store.bind(scope, ownOutreachRepository).markMessageRead(id, new Date());
      return messageDto((await messages.messages(id))[0]!);
    },
  };
}
