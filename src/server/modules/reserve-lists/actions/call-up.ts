import type { CallUpRequest, CallUpResponse } from "../../../../contracts/reserve-lists";
import { AppError } from "../../../platform/errors";
import type { MessageLocale } from "../../../platform/i18n";
import { createMatchInTransaction } from "../../matches";
import type { Caller } from "../../tenancy";
import { RESERVE_LIST_EVENTS } from "../reserve-lists.events";
import { procedureIsClosed, reserveListState } from "../reserve-lists.policy";
import { reserveListsRepository } from "../reserve-lists.repository";
import { listContext, type ReserveListDeps, todayOf } from "./context";
import { presentList } from "./reserve-lists";

/** Where a called-up laureate starts on the new vacancy: in progress, else its procedure's first phase. */
export const CALL_UP_PHASES = ["in_progress"] as const;

/**
 * "Oproepen": a laureate goes onto another vacancy of the organisation as a match with source
 * "reserve_list" in the phase above, the call-up is recorded on the list, and (for a call-up, not
 * for one added by hand) the laureate is mailed; all in one transaction. Only while the list is
 * valid (409 before its start or after its end); the procedure of the list's own vacancy may be
 * closed, which is when reserve lists are used.
 */
export async function callUp(
  deps: ReserveListDeps,
  caller: Caller,
  listId: string,
  laureateId: string,
  input: CallUpRequest,
  locale: MessageLocale,
): Promise<CallUpResponse> {
  const ctx = await listContext(deps, caller, listId);
  if (!ctx.manages) throw new AppError("forbidden");
  const { list } = ctx;
  const repo = deps.store.bind(ctx.scope, reserveListsRepository);
  const laureate = (await repo.laureates(list.id)).find((l) => l.laureate.id === laureateId);
  if (!laureate) throw new AppError("not_found");
  if (reserveListState(list, todayOf(deps)) !== "valid") throw new AppError("reserve_list_not_valid");
  const target = await repo.vacancy(input.vacancyId);
  if (!target) throw new AppError("not_found");
  if (target.id === list.vacancyId || target.organisationId !== list.organisationId)
    throw new AppError("reserve_list_target_invalid");
  if (procedureIsClosed(target)) throw new AppError("procedure_closed");
  const kind = input.kind ?? "call_up";
  const userId = ctx.actor.userId;
  const made = await deps.store.transaction(async (tx) => {
    const { match } = await createMatchInTransaction(deps.matches, tx, caller, {
      vacancyId: target.id,
      candidateId: laureate.laureate.candidateId,
      source: "reserve_list",
      phaseKeys: CALL_UP_PHASES,
      via: { reserveListId: list.id },
    });
    const row = await tx.bind(ctx.scope, reserveListsRepository).addCallUp({
      organisationId: list.organisationId,
      reserveListId: list.id,
      laureateId,
      vacancyId: target.id,
      matchId: match.id,
      kind,
      byUserId: userId,
    });
    await tx.emit({
      type: RESERVE_LIST_EVENTS.calledUp,
      organisationId: list.organisationId,
      portalId: target.portalId,
      subject: {
        reserveListId: list.id,
        laureateId,
        callUpId: row.id,
        vacancyId: target.id,
        matchId: match.id,
        candidateId: laureate.laureate.candidateId,
        fromVacancyId: list.vacancyId,
      },
      actorUserId: userId,
      payload: { kind },
    });
    return row;
  });
  const reserveList = await presentList(deps, ctx, list, locale);
  const callUp = reserveList.laureates.flatMap((l) => l.callUps).find((c) => c.id === made.id)!;
  return { callUp, reserveList };
}
