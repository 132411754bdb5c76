import type { Locale } from "../../../../contracts/common";
import type {
  AddLaureatesRequest,
  CallUpTargetsResponse,
  OrderLaureatesRequest,
  ReserveList,
  ReserveListOverviewResponse,
  ReserveListValidity,
  VacancyReserveListResponse,
} from "../../../../contracts/reserve-lists";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import { moveMatch, procedureFor } from "../../matches";
import type { Caller } from "../../tenancy";
import { canEdit, vacancyActorOf, vacancyScopeOf } from "../../vacancies";
import { RESERVE_LIST_EVENTS } from "../reserve-lists.events";
import { reserveListState, seesReserve } from "../reserve-lists.policy";
import { type ReserveListRow, reserveListsRepository } from "../reserve-lists.repository";
import { listContext, type ReserveListDeps, todayOf, type VacancyContext, vacancyContext } from "./context";

const textLocale = (locale: MessageLocale): Locale => (locale === "nl" ? "nl" : "en");

/** The list with its laureates in ranking order, their call-ups and what the caller may do. */
export async function presentList(
  deps: ReserveListDeps,
  ctx: VacancyContext,
  list: ReserveListRow,
  locale: MessageLocale,
): Promise<ReserveList> {
  const repo = deps.store.bind(ctx.scope, reserveListsRepository);
  const laureates = await repo.laureates(list.id);
  const callUps = await repo.callUps(list.id);
  const state = reserveListState(list, todayOf(deps));
  const lang = textLocale(locale);
  return {
    id: list.id,
    vacancy: { id: ctx.vacancy.id, title: ctx.vacancy.displayTitle, status: ctx.vacancy.status },
    organisationId: list.organisationId,
    startsOn: list.startsOn,
    endsOn: list.endsOn,
    state,
    laureates: laureates.map((l) => ({
      id: l.laureate.id,
      position: l.laureate.position,
      matchId: l.laureate.matchId,
      candidateId: l.laureate.candidateId,
      name: `${l.firstName} ${l.lastName}`.trim(),
      email: l.email,
      phase: l.phaseLabel[lang],
      addedAt: l.laureate.addedAt.toISOString(),
      callUps: callUps
        .filter((c) => c.callUp.laureateId === l.laureate.id)
        .map((c) => ({
          id: c.callUp.id,
          kind: c.callUp.kind,
          vacancy: { id: c.callUp.vacancyId, title: c.vacancyTitle },
          matchId: c.callUp.matchId,
          by: c.callUp.byUserId ? { id: c.callUp.byUserId, name: c.byName ?? "" } : null,
          at: c.callUp.at.toISOString(),
        })),
    })),
    permissions: {
      manage: ctx.manages,
      addLaureates: ctx.manages && !ctx.closed,
      callUp: ctx.manages && state === "valid",
    },
  };
}

/** The vacancy's reserve list (or none yet) and whether the caller may make one. */
export async function vacancyReserveList(
  deps: ReserveListDeps,
  caller: Caller,
  vacancyId: string,
  locale: MessageLocale,
): Promise<VacancyReserveListResponse> {
  const ctx = await vacancyContext(deps, caller, vacancyId);
  const list = await deps.store.bind(ctx.scope, reserveListsRepository).ofVacancy(vacancyId);
  return {
    reserveList: list ? await presentList(deps, ctx, list, locale) : null,
    mayCreate: ctx.manages && !list,
  };
}

/** Makes the vacancy's reserve list with its validity; one per vacancy (409 for a second). */
export async function createReserveList(
  deps: ReserveListDeps,
  caller: Caller,
  vacancyId: string,
  input: ReserveListValidity,
  locale: MessageLocale,
): Promise<ReserveList> {
  const ctx = await vacancyContext(deps, caller, vacancyId);
  if (!ctx.manages) throw new AppError("forbidden");
  const made = await deps.store.bind(ctx.scope, reserveListsRepository).create({
    organisationId: ctx.vacancy.organisationId,
    vacancyId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    createdByUserId: ctx.actor.userId,
  });
  if (!made) throw new AppError("reserve_list_exists");
  return presentList(deps, ctx, made, locale);
}

export async function getReserveList(
  deps: ReserveListDeps,
  caller: Caller,
  listId: string,
  locale: MessageLocale,
): Promise<ReserveList> {
  const ctx = await listContext(deps, caller, listId);
  return presentList(deps, ctx, ctx.list, locale);
}

/** A new validity period (also after closing: the list outlives the procedure). */
export async function setValidity(
  deps: ReserveListDeps,
  caller: Caller,
  listId: string,
  input: ReserveListValidity,
  locale: MessageLocale,
): Promise<ReserveList> {
  const ctx = await listContext(deps, caller, listId);
  if (!ctx.manages) throw new AppError("forbidden");
  const updated = await deps.store
    .bind(ctx.scope, reserveListsRepository)
    .setValidity(listId, input.startsOn, input.endsOn);
  if (!updated) throw new AppError("not_found");
  return presentList(deps, ctx, updated, locale);
}

/**
 * Puts applicants of the vacancy on its reserve list, after those already on it, in the order
 * given; each moves to the procedure's "reserve" phase through the matches module where it is not
 * there yet (all or none, in one transaction), and is told by mail. 422 naming any id that is not
 * an applicant of this vacancy; 409 once the procedure was closed.
 */
export async function addLaureates(
  deps: ReserveListDeps,
  caller: Caller,
  listId: string,
  input: AddLaureatesRequest,
  locale: MessageLocale,
): Promise<ReserveList> {
  const ctx = await listContext(deps, caller, listId);
  if (!ctx.manages) throw new AppError("forbidden");
  if (ctx.closed) throw new AppError("procedure_closed");
  const repo = deps.store.bind(ctx.scope, reserveListsRepository);
  const rows = await repo.applicantsOf(ctx.vacancy.id, input.matchIds);
  const missing: FieldError[] = input.matchIds.flatMap((id, i) =>
    rows.some((r) => r.id === id)
      ? []
      : [{ path: `matchIds.${i}`, message: `${fieldMessage("reserve_list_not_applicant", locale)} (${id})` }],
  );
  if (missing.length > 0) throw new AppError("reserve_list_not_applicant", { fields: missing });
  const ordered = input.matchIds.map((id) => rows.find((r) => r.id === id)!);
  const procedure = await procedureFor(deps.matches, ctx.scope, ctx.vacancy);
  const reserve = procedure.phases.find((p) => p.key === "reserve");
  const { list } = ctx;
  await deps.store.transaction(async (tx) => {
    const inTx = { ...deps.matches, store: tx };
    for (const [i, row] of ordered.entries()) {
      if (!reserve || row.phaseId === reserve.id) continue;
      try {
        await moveMatch(inTx, caller, row.id, { phaseId: reserve.id });
      } catch (error) {
        // Who could not go on the list (hired, failed, withdrawn), so the person can leave them out.
        if (error instanceof AppError && !error.options.fields)
          throw new AppError(error.code, {
            fields: [{ path: `matchIds.${i}`, message: `${row.firstName} ${row.lastName}`.trim() }],
            cause: error,
          });
        throw error;
      }
    }
    const added = await tx.bind(ctx.scope, reserveListsRepository).addLaureates(
      list,
      ordered.map((r) => ({ matchId: r.id, candidateId: r.candidateId })),
      ctx.actor.userId,
    );
    for (const laureate of added)
      await tx.emit({
        type: RESERVE_LIST_EVENTS.laureateAdded,
        organisationId: list.organisationId,
        portalId: ctx.vacancy.portalId,
        subject: {
          reserveListId: list.id,
          laureateId: laureate.id,
          vacancyId: ctx.vacancy.id,
          matchId: laureate.matchId,
          candidateId: laureate.candidateId,
        },
        actorUserId: ctx.actor.userId,
        payload: { position: laureate.position },
      });
  });
  return getReserveList(deps, caller, listId, locale);
}

/** The ranking anew: every laureate of the list, in the order given (422 when the ids differ). */
export async function orderLaureates(
  deps: ReserveListDeps,
  caller: Caller,
  listId: string,
  input: OrderLaureatesRequest,
  locale: MessageLocale,
): Promise<ReserveList> {
  const ctx = await listContext(deps, caller, listId);
  if (!ctx.manages) throw new AppError("forbidden");
  const current = await deps.store.bind(ctx.scope, reserveListsRepository).laureates(listId);
  const ids = new Set(current.map((l) => l.laureate.id));
  if (input.laureateIds.length !== ids.size || input.laureateIds.some((id) => !ids.has(id)))
    throw new AppError("reserve_list_order_mismatch", {
      fields: [{ path: "laureateIds", message: fieldMessage("reserve_list_order_mismatch", locale) }],
    });
  await deps.store.transaction((tx) =>
    tx.bind(ctx.scope, reserveListsRepository).reorder(listId, input.laureateIds),
  );
  return presentList(deps, ctx, ctx.list, locale);
}

/** Takes a laureate off the list (their phase stays); not after the procedure was closed. */
export async function removeLaureate(
  deps: ReserveListDeps,
  caller: Caller,
  listId: string,
  laureateId: string,
  locale: MessageLocale,
): Promise<ReserveList> {
  const ctx = await listContext(deps, caller, listId);
  if (!ctx.manages) throw new AppError("forbidden");
  if (ctx.closed) throw new AppError("procedure_closed");
  const removed = await deps.store.bind(ctx.scope, reserveListsRepository).removeLaureate(listId, laureateId);
  if (!removed) throw new AppError("not_found");
  return presentList(deps, ctx, ctx.list, locale);
}

/** "Werfreserves": the reserve lists of the caller's organisations, the latest ending first. */
export async function reserveListOverview(
  deps: ReserveListDeps,
  caller: Caller,
): Promise<ReserveListOverviewResponse> {
  const [actor, scope] = await Promise.all([vacancyActorOf(caller), vacancyScopeOf(caller)]);
  const rows = await deps.store.bind(scope, reserveListsRepository).overview();
  const today = todayOf(deps);
  return {
    items: rows
      .filter((r) => seesReserve(actor, r.list))
      .map((r) => ({
        id: r.list.id,
        vacancy: { id: r.list.vacancyId, title: r.vacancyTitle, status: r.vacancyStatus },
        organisationName: r.organisationName,
        startsOn: r.list.startsOn,
        endsOn: r.list.endsOn,
        state: reserveListState(r.list, today),
        laureates: Number(r.laureates),
        callUps: Number(r.callUps),
      })),
  };
}

/** The vacancies of the list's organisation a laureate may be called up for, that the caller may change. */
export async function callUpTargets(
  deps: ReserveListDeps,
  caller: Caller,
  listId: string,
): Promise<CallUpTargetsResponse> {
  const ctx = await listContext(deps, caller, listId);
  if (!ctx.manages) throw new AppError("forbidden");
  const rows = await deps.store
    .bind(ctx.scope, reserveListsRepository)
    .targets(ctx.list.organisationId, ctx.list.vacancyId);
  return {
    vacancies: rows
      .filter((v) => canEdit(ctx.actor, v))
      .map((v) => ({ id: v.id, title: v.displayTitle, status: v.status })),
  };
}
