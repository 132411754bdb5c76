import type { Locale } from "../../../../contracts/common";
import type { Vacancy } from "../../../../contracts/vacancies";
import { AppError } from "../../../platform/errors";
import { fieldMessage } from "../../../platform/i18n";
import type { Caller } from "../../tenancy";
import { vacancyActorOf, vacancyScopeOf } from "../actor";
import { assertWithinRelation, contactRelationOf, relationUnits } from "../contact-relation";
import { vacancyEvent } from "../vacancies.events";
import {
  canManageOrganisation,
  canRead,
  canRequest,
  createsDirectly,
  vacancyPermissions,
} from "../vacancies.policy";
import { vacancyDto } from "../vacancies.presenter";
import { columnsOf, type NewVacancyRow, vacancyRepository } from "../vacancies.repository";
import { type CreateInput, diff, resolveFields } from "../vacancy-fields";
import { vacancyHistoryRepository } from "../vacancy-history.repository";
import { vacancyPeopleRepository } from "../vacancy-people.repository";
import { readable, type VacancyDeps } from "./context";

/** A new draft, or (an HR officer's, or on request) a request for one (Vlimpers). */
export async function createVacancy(
  deps: VacancyDeps,
  caller: Caller,
  input: CreateInput,
  locale: Locale,
): Promise<Vacancy> {
  const actor = await vacancyActorOf(caller);
  const direct = createsDirectly(actor, input.organisationId);
  const request = input.asRequest || !direct;
  if (request ? !canRequest(actor, input.organisationId) : !direct) {
    // Not one of the caller's organisations: indistinguishable from one that does not exist.
    if (!canRead(actor, { organisationId: input.organisationId })) {
      throw new AppError("validation_failed", {
        fields: [{ path: "organisationId", message: fieldMessage("unknown_option", locale) }],
      });
    }
    throw new AppError("forbidden");
  }
  const scope = await vacancyScopeOf(caller);
  const people = deps.store.bind(scope, vacancyPeopleRepository);
  const org = await people.organisation(input.organisationId);
  if (!org) throw new AppError("not_found");
  const relation = await contactRelationOf(caller, actor, org.id);
  if (relation)
    assertWithinRelation(await relationUnits(people, relation), org.id, input.departmentId, locale);
  const fields = await resolveFields(input, { organisationId: org.id, current: null, locale, people });
  const userId = actor.userId;
  const staffSide = actor.accountManagerFor.includes(org.id) && !actor.managerOf.includes(org.id);
  return insertAndPresent(deps, caller, {
    row: {
      ...fields,
      displayTitle: input.displayTitle,
      title: input.functionTitle,
      organisationId: org.id,
      portalId: org.homePortalId,
      createdByUserId: userId,
      createdByKind: staffSide ? "account_manager" : "employer",
      contactUserId:
        fields.contactUserId ??
        (actor.contactOf.includes(org.id) || actor.hrOf.includes(org.id) ? userId : null),
      accountManagerUserId: fields.accountManagerUserId ?? org.accountManagerUserId,
      ownerUserId: userId,
      status: request ? "requested" : "draft",
      requestedByUserId: request ? userId : null,
      requestComment: request ? input.requestComment : null,
    },
    action: request ? "requested" : "created",
    comment: request ? input.requestComment : null,
  });
}

/** A copy of the vacancy as a new draft (then edited). */
export async function copyVacancy(deps: VacancyDeps, caller: Caller, id: string): Promise<Vacancy> {
  const { actor, view } = await readable(deps, caller, id);
  if (!canManageOrganisation(actor, view.organisationId) && !vacancyPermissions(actor, view).publish) {
    throw new AppError("forbidden");
  }
  const {
    id: _id,
    createdAt: _c,
    updatedAt: _u,
    publishedAt: _p,
    announcedAudiences: _a,
    status: _s,
    imageFileKey: _i,
    requestedByUserId: _r,
    requestComment: _rc,
    decidedByUserId: _d,
    decisionComment: _dc,
    decidedAt: _da,
    ...fields
  } = columnsOf(view);
  return insertAndPresent(deps, caller, {
    row: { ...fields, status: "draft", createdByUserId: actor.userId, ownerUserId: actor.userId },
    action: "copied",
    comment: view.displayTitle,
    copiedFrom: view.id,
  });
}

/** Inserts the vacancy with its first history entry and its event, then reads its view. */
async function insertAndPresent(
  deps: VacancyDeps,
  caller: Caller,
  what: {
    row: NewVacancyRow;
    action: "created" | "requested" | "copied";
    comment: string | null;
    copiedFrom?: string;
  },
): Promise<Vacancy> {
  const actor = await vacancyActorOf(caller);
  const scope = await vacancyScopeOf(caller);
  const created = await deps.store.transaction(async (tx) => {
    const row = await tx.bind(scope, vacancyRepository).insert(what.row);
    // A copy's history starts with where it came from; a new vacancy's with all its fields.
    const changes = what.action === "copied" ? {} : diff({}, row);
    await tx.bind(scope, vacancyHistoryRepository).add(row, {
      userId: actor.userId,
      action: what.action,
      changes,
      comment: what.comment,
    });
    await tx.emit(
      vacancyEvent(what.action === "requested" ? "vacancy.requested" : "vacancy.created", row, actor.userId, {
        changes: diff({}, row),
        ...(what.copiedFrom ? { copiedFrom: what.copiedFrom } : {}),
      }),
    );
    return row;
  });
  const view = await deps.store.bind(scope, vacancyRepository).findView(created.id);
  if (!view) throw new AppError("not_found");
  return vacancyDto(view, actor, deps.today());
}
