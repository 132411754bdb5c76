import type {
  MailApplicantsRequest,
  Mailing,
  MailPreview,
  MailPreviewResponse,
  TemplateText,
} from "../../../../contracts/applicants";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import type { Caller } from "../../tenancy";
import { APPLICANT_EVENTS, applicantEvent } from "../applicants.events";
import { mailingsRepository, mailTemplatesRepository } from "../applicants.repository";
import { mailLocaleOf, templateLocale, writeLetter } from "../mail-letters";
import { applicantsAmong } from "./changes";
import { type ApplicantContext, type ApplicantDeps, applicantContext, assertOpen } from "./context";
import { mergeFieldErrors } from "./templates";

/**
 * Each recipient's mail as it will be sent: the template in their language (or the one text),
 * merge fields filled. 422 for an unknown merge field or an id that is not an applicant here.
 */
async function compose(
  deps: ApplicantDeps,
  ctx: ApplicantContext,
  input: MailApplicantsRequest,
  locale: MessageLocale,
) {
  let texts: Partial<Record<MailPreview["locale"], TemplateText>>;
  if (input.templateId) {
    const template = await deps.store.bind(ctx.scope, mailTemplatesRepository).find(input.templateId);
    if (!template) throw new AppError("not_found");
    texts = template.template.texts;
  } else {
    texts = { nl: input.message! };
  }
  const unknown = mergeFieldErrors(
    Object.entries(texts).flatMap(([l, t]) => {
      const at = input.templateId ? `template.${l}` : "message";
      return t
        ? [
            { path: `${at}.subject`, text: t.subject },
            { path: `${at}.body`, text: t.body },
          ]
        : [];
    }),
    locale,
  );
  if (unknown.length > 0) throw new AppError("merge_field_unknown", { fields: unknown });
  const rows = await applicantsAmong(deps, ctx, input.matchIds, locale);
  const now = new Date();
  return rows.map((row) => {
    const reader = mailLocaleOf(row.userId ? row.locale : null);
    // One text for all is written in the sender's words; its date and phase follow the reader.
    const chosen = input.templateId ? templateLocale(texts, reader) : reader;
    const text = input.templateId ? texts[chosen]! : input.message!;
    const letter = writeLetter(text, {
      locale: chosen,
      firstName: row.firstName,
      lastName: row.lastName,
      vacancyTitle: ctx.vacancy.displayTitle,
      phase: row.phaseLabel,
      now,
    });
    return { row, locale: chosen, to: row.email, ...letter };
  });
}

export async function previewMailing(
  deps: ApplicantDeps,
  caller: Caller,
  vacancyId: string,
  input: MailApplicantsRequest,
  locale: MessageLocale,
): Promise<MailPreviewResponse> {
  const ctx = await applicantContext(deps, caller, vacancyId);
  assertOpen(ctx);
  if (!ctx.permissions.mail) throw new AppError("forbidden");
  const letters = await compose(deps, ctx, input, locale);
  return {
    previews: letters.map((l) => ({
      matchId: l.row.id,
      name: `${l.row.firstName} ${l.row.lastName}`.trim(),
      to: l.to,
      locale: l.locale,
      subject: l.subject,
      body: l.body,
    })),
  };
}

/**
 * Sends the mail: the mailing, one recipient row per applicant (the mail as written for them)
 * and one event per recipient in one transaction; the subscriber mails each through the outbox.
 */
export async function sendMailing(
  deps: ApplicantDeps,
  caller: Caller,
  vacancyId: string,
  input: MailApplicantsRequest,
  locale: MessageLocale,
): Promise<Mailing> {
  const ctx = await applicantContext(deps, caller, vacancyId);
  assertOpen(ctx);
  if (!ctx.permissions.mail) throw new AppError("forbidden");
  const letters = await compose(deps, ctx, input, locale);
  const withoutAddress: FieldError[] = letters.flatMap((l, i) =>
    l.to
      ? []
      : [
          {
            path: `matchIds.${i}`,
            message: `${fieldMessage("applicant_without_email", locale)} (${l.row.firstName} ${l.row.lastName})`,
          },
        ],
  );
  if (withoutAddress.length > 0) throw new AppError("applicant_without_email", { fields: withoutAddress });
  const userId = caller.userId();
  const { vacancy } = ctx;
  const mailing = await deps.store.transaction(async (tx) => {
    const repo = tx.bind(ctx.scope, mailingsRepository);
    const made = await repo.insertMailing({
      organisationId: vacancy.organisationId,
      vacancyId: vacancy.id,
      templateId: input.templateId ?? null,
      sentByUserId: userId,
    });
    const recipients = await repo.insertRecipients(
      letters.map((l) => ({
        mailingId: made.id,
        organisationId: vacancy.organisationId,
        matchId: l.row.id,
        email: l.to!,
        locale: l.locale,
        subject: l.subject,
        body: l.body,
      })),
    );
    for (const r of recipients) {
      const row = letters.find((l) => l.row.id === r.matchId)!.row;
      await tx.emit(
        applicantEvent(
          APPLICANT_EVENTS.mailRequested,
          vacancy,
          row,
          userId,
          {},
          {
            mailingId: made.id,
            recipientId: r.id,
          },
        ),
      );
    }
    return made;
  });
  return getMailing(deps, caller, vacancyId, mailing.id);
}

/** A mailing with each recipient's delivery: sending, sent or failed. */
export async function getMailing(
  deps: ApplicantDeps,
  caller: Caller,
  vacancyId: string,
  mailingId: string,
): Promise<Mailing> {
  const ctx = await applicantContext(deps, caller, vacancyId);
  const found = await deps.store.bind(ctx.scope, mailingsRepository).mailing(vacancyId, mailingId);
  if (!found) throw new AppError("not_found");
  const { mailing, sentByName, recipients } = found;
  return {
    id: mailing.id,
    vacancyId: mailing.vacancyId,
    templateId: mailing.templateId,
    sentBy: mailing.sentByUserId ? { id: mailing.sentByUserId, name: sentByName ?? "" } : null,
    at: mailing.createdAt.toISOString(),
    recipients: recipients.map((r) => ({
      id: r.recipient.id,
      matchId: r.recipient.matchId,
      name: `${r.firstName} ${r.lastName}`.trim(),
      to: r.recipient.email,
      locale: r.recipient.locale,
      subject: r.recipient.subject,
      status: r.status ?? "sending",
    })),
  };
}
