import type { Locale } from "../../../../contracts/common";
import type { Vacancy, VacancyAction } from "../../../../contracts/vacancies";
import { AppError } from "../../../platform/errors";
import { fieldMessage } from "../../../platform/i18n";
import type { Caller } from "../../tenancy";
import { type VacancyEventType, vacancyEvent } from "../vacancies.events";
import { mayTransition, TRANSITION_NAMES, TRANSITIONS } from "../vacancies.policy";
import { vacancyDto } from "../vacancies.presenter";
import { type NewVacancyRow, vacancyRepository } from "../vacancies.repository";
import { diff, missingForPublication } from "../vacancy-fields";
import { readable, type VacancyDeps } from "./context";

/** Publish, withdraw, close, archive, reactivate; approve or reject a request (with a comment). */
export async function transitionVacancy(
  deps: VacancyDeps,
  caller: Caller,
  id: string,
  action: VacancyAction,
  comment: string | null,
  locale: Locale,
): Promise<Vacancy> {
  const { actor, scope, view } = await readable(deps, caller, id);
  if (!mayTransition(actor, view, action)) throw new AppError("forbidden");
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(view.status)) throw new AppError("invalid_transition");
  if (action === "reject" && !comment) {
    throw new AppError("validation_failed", {
      fields: [{ path: "comment", message: fieldMessage("required", locale) }],
    });
  }
  const patch: Partial<NewVacancyRow> = { status: rule.to };
  if (action === "publish") {
    const missing = missingForPublication(view, locale);
    if (view.closesOn && view.closesOn < deps.today()) {
      missing.push({
        path: "publication.closesOn",
        message: fieldMessage("closes_before_publication", locale),
      });
    }
    if (missing.length > 0) throw new AppError("validation_failed", { fields: missing });
    if (!view.publishedAt) patch.publishedAt = new Date();
  }
  // Back from the archive: the audiences will be announced again when it is republished.
  if (action === "reactivate") patch.announcedAudiences = [];
  if (action === "approve" || action === "reject") {
    patch.decidedByUserId = actor.userId;
    patch.decisionComment = comment;
    patch.decidedAt = new Date();
    // Vlimpers: the selection officer who takes the request on becomes its primary owner.
    if (action === "approve") patch.ownerUserId = actor.userId;
  }
  const name = TRANSITION_NAMES[action];
  const changes = diff(view, patch);
  const updated = await deps.store.transaction(async (tx) => {
    const changed = await tx
      .bind(scope, vacancyRepository)
      .change(view, patch, { userId: actor.userId, action: name, changes, comment }, view.status);
    // Someone else moved it on meanwhile.
    if (!changed) throw new AppError("invalid_transition");
    await tx.emit(
      vacancyEvent(`vacancy.${name}` as VacancyEventType, changed, actor.userId, {
        previousStatus: view.status,
        changes,
        comment,
      }),
    );
    return changed;
  });
  return vacancyDto(updated, actor, deps.today());
}
