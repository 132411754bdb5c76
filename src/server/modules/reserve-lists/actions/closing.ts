import type { CloseProcedureRequest, Closure, ClosureResponse } from "../../../../contracts/reserve-lists";
import { AppError } from "../../../platform/errors";
import type { MessageLocale } from "../../../platform/i18n";
import { procedureFor } from "../../matches";
import type { Caller } from "../../tenancy";
import { transitionVacancy } from "../../vacancies";
import { RESERVE_LIST_EVENTS } from "../reserve-lists.events";
import { type ClosureRow, reserveListsRepository } from "../reserve-lists.repository";
import { type ReserveListDeps, todayOf, type VacancyContext, vacancyContext } from "./context";

/** Statuses a selection procedure is closed from; "closed" (its closing date passed) is closed here too. */
const CLOSABLE = ["published", "withdrawn", "closed"];

function closureDto(row: { closure: ClosureRow; byName: string | null }): Closure {
  const { closure } = row;
  return {
    kind: closure.kind,
    reason: closure.reason,
    by: closure.closedByUserId ? { id: closure.closedByUserId, name: row.byName ?? "" } : null,
    at: closure.closedAt.toISOString(),
    mailed: closure.mailed,
  };
}

async function isSelection(deps: ReserveListDeps, ctx: VacancyContext): Promise<boolean> {
  return (await procedureFor(deps.matches, ctx.scope, ctx.vacancy)).kind === "selection";
}

/** How the vacancy's procedure ended (or null), whether the caller may close it, who is still open. */
export async function getClosure(
  deps: ReserveListDeps,
  caller: Caller,
  vacancyId: string,
): Promise<ClosureResponse> {
  const ctx = await vacancyContext(deps, caller, vacancyId);
  const repo = deps.store.bind(ctx.scope, reserveListsRepository);
  const found = await repo.closure(vacancyId);
  const open = await repo.openApplicants(vacancyId);
  return {
    closure: found ? closureDto(found) : null,
    mayClose:
      !found && ctx.manages && CLOSABLE.includes(ctx.vacancy.status) && (await isSelection(deps, ctx)),
    openApplicants: open.length,
  };
}

/**
 * "Afsluiten" (completed) or "annuleren" (cancelled, with a reason) of a vacancy in a selection
 * procedure: the closure is stored, the vacancy closes through the vacancies module's transition
 * (history, rules, `vacancy.closed`), and every applicant still open gets the final mail through
 * `procedure.final_mail_requested`: after completing, those neither hired nor on the reserve list
 * ("niet weerhouden"); after cancelling, all of them. All in one transaction; closing twice is 409.
 */
export async function closeProcedure(
  deps: ReserveListDeps,
  caller: Caller,
  vacancyId: string,
  input: CloseProcedureRequest,
  locale: MessageLocale,
): Promise<ClosureResponse> {
  const ctx = await vacancyContext(deps, caller, vacancyId);
  if (!ctx.manages) throw new AppError("forbidden");
  const repo = deps.store.bind(ctx.scope, reserveListsRepository);
  if (await repo.closure(vacancyId)) throw new AppError("procedure_already_closed");
  if (!(await isSelection(deps, ctx))) throw new AppError("procedure_not_selection");
  if (!CLOSABLE.includes(ctx.vacancy.status)) throw new AppError("invalid_transition");
  const reason = input.kind === "cancelled" ? (input.reason ?? "").trim() : null;
  const open = await repo.openApplicants(vacancyId);
  const recipients =
    input.kind === "cancelled" ? open : open.filter((a) => a.phaseKey !== "reserve" && !a.onList);
  const { vacancy } = ctx;
  await deps.store.transaction(async (tx) => {
    const made = await tx.bind(ctx.scope, reserveListsRepository).insertClosure({
      vacancyId,
      organisationId: vacancy.organisationId,
      kind: input.kind,
      reason,
      mailed: recipients.length,
      closedByUserId: ctx.actor.userId,
    });
    if (!made) throw new AppError("procedure_already_closed");
    if (vacancy.status !== "closed")
      await transitionVacancy(
        { store: tx, files: deps.files, today: () => todayOf(deps) },
        caller,
        vacancyId,
        "close",
        reason,
        locale === "nl" ? "nl" : "en",
      );
    for (const applicant of recipients)
      await tx.emit({
        type: RESERVE_LIST_EVENTS.finalMail,
        organisationId: vacancy.organisationId,
        portalId: vacancy.portalId,
        subject: { vacancyId, matchId: applicant.id, candidateId: applicant.candidateId },
        actorUserId: ctx.actor.userId,
        payload: { kind: input.kind },
      });
    await tx.emit({
      type: RESERVE_LIST_EVENTS.procedureClosed,
      organisationId: vacancy.organisationId,
      portalId: vacancy.portalId,
      subject: { vacancyId },
      actorUserId: ctx.actor.userId,
      payload: { kind: input.kind, mailed: recipients.length },
    });
  });
  return getClosure(deps, caller, vacancyId);
}
