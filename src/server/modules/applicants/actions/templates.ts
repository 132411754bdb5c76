import type { TemplateText } from "../../../../contracts/applicants";
import {
  type ApplicantMailLocale,
  MAIL_LOCALES,
  type MailTemplate,
  type MailTemplateListResponse,
  MERGE_FIELDS,
  type SaveMailTemplateRequest,
} from "../../../../contracts/applicants";
import { AppError, type FieldError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import { reaches } from "../../../platform/scope";
import type { Caller } from "../../tenancy";
import { vacancyScopeOf } from "../../vacancies";
import { TEMPLATE_AUTHOR_ROLES } from "../applicants.policy";
import { templateDto } from "../applicants.presenter";
import { mailTemplatesRepository } from "../applicants.repository";
import { unknownMergeFields } from "../merge-fields";
import type { ApplicantDeps } from "./context";

/** The organisations whose templates the caller writes (selection officers, org admins). */
const authorScopeOf = (caller: Caller) => caller.scopeAs(TEMPLATE_AUTHOR_ROLES);

/** "Onbekend samenvoegveld {{x}}" for each unknown merge field, named by the text it is in. */
export function mergeFieldErrors(
  texts: { path: string; text: string }[],
  locale: MessageLocale,
): FieldError[] {
  return texts.flatMap(({ path, text }) =>
    unknownMergeFields(text).map((name) => ({
      path,
      message: `${fieldMessage("merge_field_unknown", locale)} {{${name}}}`,
    })),
  );
}

/** The texts as stored: Dutch and English, German and French only when both parts are given. */
function textsOf(input: SaveMailTemplateRequest["texts"], locale: MessageLocale) {
  const texts: Partial<Record<ApplicantMailLocale, TemplateText>> = { nl: input.nl, en: input.en };
  const problems: FieldError[] = [];
  for (const l of ["de", "fr"] as const) {
    const t = input[l];
    const subject = t?.subject?.trim() ?? "";
    const body = t?.body?.trim() ?? "";
    if (subject === "" && body === "") continue;
    if (subject === "")
      problems.push({ path: `texts.${l}.subject`, message: fieldMessage("required", locale) });
    if (body === "") problems.push({ path: `texts.${l}.body`, message: fieldMessage("required", locale) });
    texts[l] = { subject, body };
  }
  if (problems.length > 0) throw new AppError("validation_failed", { fields: problems });
  const unknown = mergeFieldErrors(
    MAIL_LOCALES.flatMap((l) => {
      const t = texts[l];
      return t
        ? [
            { path: `texts.${l}.subject`, text: t.subject },
            { path: `texts.${l}.body`, text: t.body },
          ]
        : [];
    }),
    locale,
  );
  if (unknown.length > 0) throw new AppError("merge_field_unknown", { fields: unknown });
  return texts as Record<string, TemplateText>;
}

/** The templates the caller may use (their organisations'), and which they may change. */
export async function listTemplates(
  deps: ApplicantDeps,
  caller: Caller,
  organisationId?: string,
): Promise<MailTemplateListResponse> {
  const [scope, authors] = await Promise.all([vacancyScopeOf(caller), authorScopeOf(caller)]);
  const repo = deps.store.bind(scope, mailTemplatesRepository);
  const rows = await repo.list(organisationId);
  const own = await caller.organisationsAs(TEMPLATE_AUTHOR_ROLES);
  return {
    templates: rows.map((r) => templateDto(r, reaches(authors, r.template.organisationId))),
    mergeFields: [...MERGE_FIELDS],
    organisations: await repo.organisationNames(own),
  };
}

export async function createTemplate(
  deps: ApplicantDeps,
  caller: Caller,
  input: SaveMailTemplateRequest,
  locale: MessageLocale,
): Promise<MailTemplate> {
  const scope = await authorScopeOf(caller);
  if (!reaches(scope, input.organisationId)) throw new AppError("forbidden");
  const texts = textsOf(input.texts, locale);
  const repo = deps.store.bind(scope, mailTemplatesRepository);
  const created = await repo.insert({
    organisationId: input.organisationId,
    name: input.name,
    texts,
    createdByUserId: caller.userId(),
  });
  return templateDto((await repo.find(created.id))!, true);
}

export async function updateTemplate(
  deps: ApplicantDeps,
  caller: Caller,
  id: string,
  input: SaveMailTemplateRequest,
  locale: MessageLocale,
): Promise<MailTemplate> {
  const scope = await authorScopeOf(caller);
  const repo = deps.store.bind(scope, mailTemplatesRepository);
  const found = await repo.find(id);
  if (!found) throw new AppError("not_found");
  // A template stays with its organisation.
  if (input.organisationId !== found.template.organisationId) throw new AppError("forbidden");
  const texts = textsOf(input.texts, locale);
  await repo.update(id, { name: input.name, texts });
  return templateDto((await repo.find(id))!, true);
}

export async function deleteTemplate(deps: ApplicantDeps, caller: Caller, id: string): Promise<void> {
  const scope = await authorScopeOf(caller);
  if (!(await deps.store.bind(scope, mailTemplatesRepository).remove(id))) throw new AppError("not_found");
}
