import type {
  AddNoteRequest,
  ApplicantField,
  CorrectFieldRequest,
  MoveApplicantsRequest,
  MoveApplicantsResponse,
  Note,
} from "../../../../contracts/applicants";
import {
  isValidNationalRegisterNumber,
  nationalRegisterDigits,
} from "../../../../contracts/national-register";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import { moveMatch } from "../../matches";
import type { Caller } from "../../tenancy";
import { APPLICANT_EVENTS, applicantEvent } from "../applicants.events";
import { summaryDto } from "../applicants.presenter";
import { applicantsRepository } from "../applicants.repository";
import { type ApplicantContext, type ApplicantDeps, applicantContext, assertOpen } from "./context";
import { answersOfApplicant, fieldsOf, loadApplicant, registerNumberIn } from "./detail";

/**
 * The applicants among `matchIds` of this vacancy, in the order asked; 422 naming every id that
 * is not one of them (another vacancy's, out of sight, or made up), before anything changes.
 */
export async function applicantsAmong(
  deps: ApplicantDeps,
  ctx: ApplicantContext,
  matchIds: readonly string[],
  locale: MessageLocale,
) {
  const rows = await deps.store.bind(ctx.scope, applicantsRepository).ofVacancy(ctx.vacancy.id, matchIds);
  const missing: FieldError[] = matchIds.flatMap((id, i) =>
    rows.some((r) => r.id === id)
      ? []
      : [{ path: `matchIds.${i}`, message: `${fieldMessage("applicant_not_on_vacancy", locale)} (${id})` }],
  );
  if (missing.length > 0) throw new AppError("applicants_not_on_vacancy", { fields: missing });
  return matchIds.map((id) => rows.find((r) => r.id === id)!);
}

/**
 * "Fase wijzigen" for several applicants at once, each through the matches module's `moveMatch`
 * (its rules, history, hooks and events) in one transaction: all move, or none does.
 */
export async function moveApplicants(
  deps: ApplicantDeps,
  caller: Caller,
  vacancyId: string,
  input: MoveApplicantsRequest,
  locale: MessageLocale,
): Promise<MoveApplicantsResponse> {
  const ctx = await applicantContext(deps, caller, vacancyId);
  assertOpen(ctx);
  const rows = await applicantsAmong(deps, ctx, input.matchIds, locale);
  await deps.store.transaction(async (tx) => {
    const inTx = { ...deps.matches, store: tx };
    for (const [i, row] of rows.entries()) {
      try {
        await moveMatch(inTx, caller, row.id, {
          phaseId: input.phaseId,
          ...(input.comment ? { comment: input.comment } : {}),
        });
      } catch (error) {
        // Which applicant could not move, so the person can take them out of the selection.
        if (error instanceof AppError && !error.options.fields)
          throw new AppError(error.code, {
            fields: [{ path: `matchIds.${i}`, message: `${row.firstName} ${row.lastName}`.trim() }],
            cause: error,
          });
        throw error;
      }
    }
  });
  const moved = await deps.store.bind(ctx.scope, applicantsRepository).ofVacancy(vacancyId, input.matchIds);
  return { moved: input.matchIds.map((id) => summaryDto(moved.find((r) => r.id === id)!)) };
}

/** A note on an applicant, for the vacancy's staff only. */
export async function addNote(
  deps: ApplicantDeps,
  caller: Caller,
  vacancyId: string,
  matchId: string,
  input: AddNoteRequest,
): Promise<Note> {
  const ctx = await applicantContext(deps, caller, vacancyId);
  assertOpen(ctx);
  if (!ctx.permissions.note) throw new AppError("forbidden");
  const row = await loadApplicant(deps, ctx, matchId);
  const userId = caller.userId();
  const note = await deps.store.transaction(async (tx) => {
    const created = await tx.bind(ctx.scope, applicantsRepository).addNote({
      matchId: row.id,
      organisationId: row.organisationId,
      authorUserId: userId,
      text: input.text,
    });
    await tx.emit(
      applicantEvent(APPLICANT_EVENTS.noteAdded, ctx.vacancy, row, userId, { noteId: created.id }),
    );
    return created;
  });
  const [author] = (await deps.store.bind(ctx.scope, applicantsRepository).notes(matchId)).filter(
    (n) => n.note.id === note.id,
  );
  return {
    id: note.id,
    text: note.text,
    author: { id: userId, name: author?.authorName ?? "" },
    at: note.createdAt.toISOString(),
  };
}

const NAME_MAX = 100;

/** The corrected value as stored, or a field error in the reader's language. */
function normalise(
  field: CorrectFieldRequest["field"],
  value: string,
  locale: MessageLocale,
): { value: string } | { error: string } {
  switch (field) {
    case "national_register_number":
      return isValidNationalRegisterNumber(value)
        ? { value: nationalRegisterDigits(value)! }
        : { error: fieldMessage("national_register_number_invalid", locale) };
    case "email":
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && value.length <= 200
        ? { value: value.toLowerCase() }
        : { error: fieldMessage("email_invalid", locale) };
    case "phone":
      return /^\+?[0-9 ()./-]{8,20}$/.test(value)
        ? { value }
        : { error: fieldMessage("phone_invalid", locale) };
    case "first_name":
    case "last_name":
      return value.length <= NAME_MAX ? { value } : { error: fieldMessage("required", locale) };
  }
}

/**
 * "Aanpassingsvelden": corrects one field of the application (the register number, the names or
 * address used in the procedure); the old value and who changed it stay in the history.
 */
export async function correctField(
  deps: ApplicantDeps,
  caller: Caller,
  vacancyId: string,
  matchId: string,
  input: CorrectFieldRequest,
  locale: MessageLocale,
): Promise<ApplicantField> {
  const ctx = await applicantContext(deps, caller, vacancyId);
  assertOpen(ctx);
  if (!ctx.permissions.correct) throw new AppError("forbidden");
  const row = await loadApplicant(deps, ctx, matchId);
  const repo = () => deps.store.bind(ctx.scope, applicantsRepository);
  const registerNumber = registerNumberIn(await answersOfApplicant(deps, ctx, row));
  const before = fieldsOf(row, await repo().corrections(matchId), registerNumber).find(
    (f) => f.field === input.field,
  )!;
  const given = input.value?.trim() ?? "";
  // Empty takes the correction back: the original counts again.
  let value: string | null = null;
  if (given !== "") {
    const checked = normalise(input.field, given, locale);
    if ("error" in checked)
      throw new AppError("correction_invalid", { fields: [{ path: "value", message: checked.error }] });
    value = checked.value;
  }
  if ((value ?? before.original) === before.value && (value !== null) === before.corrected) return before;
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const created = await tx.bind(ctx.scope, applicantsRepository).addCorrection({
      matchId: row.id,
      organisationId: row.organisationId,
      field: input.field,
      oldValue: before.value,
      newValue: value,
      byUserId: userId,
    });
    await tx.emit(
      applicantEvent(APPLICANT_EVENTS.corrected, ctx.vacancy, row, userId, {
        correctionId: created.id,
        field: input.field,
      }),
    );
  });
  const fresh = await loadApplicant(deps, ctx, matchId);
  return fieldsOf(fresh, await repo().corrections(matchId), registerNumber).find(
    (f) => f.field === input.field,
  )!;
}
