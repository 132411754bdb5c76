import type {
  ApplicationFormResponse,
  CreateFormTemplateRequest,
  FormDefinition,
  FormTemplate,
  FormTemplateListResponse,
  FormVersionListResponse,
  SaveApplicationFormRequest,
} from "../../../../contracts/forms";
import { AppError } from "../../../platform/errors";
import { fieldMessage, type MessageLocale } from "../../../platform/i18n";
import type { TenantScope } from "../../../platform/scope";
import type { Caller } from "../../tenancy";
import { canEdit, canRead, vacancyActorOf, vacancyScopeOf } from "../../vacancies";
import { answeredFields, definitionProblems, orphaningChanges } from "../definition";
import { FORM_BUILDER_ROLES } from "../forms.policy";
import { standardTemplateDto, templateDto, versionDto } from "../forms.presenter";
import { formsRepository } from "../forms.repository";
import { STANDARD_TEMPLATE } from "../forms.templates";
import type { FormsDeps } from "./context";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The templates the caller may use: the shipped one and their organisations' own. */
export async function listTemplates({ store }: FormsDeps, caller: Caller): Promise<FormTemplateListResponse> {
  const scope = await caller.scopeAs(FORM_BUILDER_ROLES);
  const organisationIds = await caller.organisationsAs(FORM_BUILDER_ROLES);
  const repo = store.bind(scope, formsRepository);
  const [own, organisations] = await Promise.all([
    repo.templates(organisationIds),
    repo.organisationNames(organisationIds),
  ]);
  return { templates: [standardTemplateDto(), ...own.map(templateDto)], organisations };
}

function refuseInvalid(definition: FormDefinition, locale: MessageLocale): void {
  const problems = definitionProblems(definition, locale);
  if (problems.length > 0) throw new AppError("form_definition_invalid", { fields: problems });
}

/** A template of the caller's organisation (family), kept for their vacancies' forms. */
export async function createTemplate(
  { store }: FormsDeps,
  caller: Caller,
  input: CreateFormTemplateRequest,
  locale: MessageLocale,
): Promise<FormTemplate> {
  const organisationIds = await caller.organisationsAs(FORM_BUILDER_ROLES);
  if (!caller.isPlatformAdmin && !organisationIds.includes(input.organisationId))
    throw new AppError("not_found");
  refuseInvalid(input.definition, locale);
  const scope = await caller.scopeAs(FORM_BUILDER_ROLES);
  const row = await store.bind(scope, formsRepository).createTemplate({ ...input, userId: caller.userId() });
  return templateDto(row);
}

/** A vacancy the caller may read (404 otherwise, so ids cannot be probed) and whether they may change its form. */
async function vacancyAccess(store: FormsDeps["store"], caller: Caller, vacancyId: string) {
  const [actor, scope] = await Promise.all([vacancyActorOf(caller), vacancyScopeOf(caller)]);
  const vacancy = await store.bind(scope, formsRepository).findVacancy(vacancyId);
  if (!vacancy || !canRead(actor, vacancy)) throw new AppError("not_found");
  return { scope, vacancy, mayEdit: canEdit(actor, vacancy) };
}

export async function getVacancyForm(
  { store }: FormsDeps,
  caller: Caller,
  vacancyId: string,
): Promise<ApplicationFormResponse> {
  const { scope, mayEdit } = await vacancyAccess(store, caller, vacancyId);
  const found = await store.bind(scope, formsRepository).formOfVacancy(vacancyId);
  return {
    canEdit: mayEdit,
    form: found
      ? {
          id: found.formId,
          vacancyId: found.vacancyId,
          version: versionDto(found.version),
          definition: found.version.definition,
          canEdit: mayEdit,
        }
      : null,
  };
}

async function templateDefinition(
  store: FormsDeps["store"],
  scope: TenantScope,
  templateId: string,
  locale: MessageLocale,
): Promise<FormDefinition> {
  if (templateId === STANDARD_TEMPLATE.id) return STANDARD_TEMPLATE.definition;
  const row = UUID.test(templateId)
    ? await store.bind(scope, formsRepository).findTemplate(templateId)
    : null;
  if (!row)
    throw new AppError("validation_failed", {
      fields: [{ path: "templateId", message: fieldMessage("template_unknown", locale) }],
    });
  return row.definition;
}

/**
 * Makes the vacancy's form (from a template) or saves a changed one. A version applicants have
 * submitted answers to is never changed: the change becomes the next version. A change that
 * would orphan answers (another kind under an answered key, an answered option gone) is refused.
 */
export async function saveVacancyForm(
  deps: FormsDeps,
  caller: Caller,
  vacancyId: string,
  input: SaveApplicationFormRequest,
  locale: MessageLocale,
): Promise<ApplicationFormResponse> {
  const { store } = deps;
  const { scope, vacancy, mayEdit } = await vacancyAccess(store, caller, vacancyId);
  if (!mayEdit) throw new AppError("forbidden");
  const definition = input.templateId
    ? await templateDefinition(store, scope, input.templateId, locale)
    : input.definition!;
  refuseInvalid(definition, locale);
  const userId = caller.userId();
  await store.transaction(async (tx) => {
    const repo = tx.bind(scope, formsRepository);
    const existing = await repo.formOfVacancy(vacancyId);
    if (!existing) {
      const made = await repo.createForm({
        vacancyId,
        organisationId: vacancy.organisationId,
        definition,
        userId,
      });
      if (!made) throw new AppError("conflict");
      return;
    }
    const orphaned = orphaningChanges(
      definition,
      answeredFields(await repo.answered(existing.formId)),
      locale,
    );
    if (orphaned.length > 0) throw new AppError("form_change_orphans_answers", { fields: orphaned });
    if (
      Number(existing.version.answered) === 0 &&
      (await repo.replaceUnanswered(existing.version.id, definition, userId))
    )
      return;
    const added = await repo.addVersion({
      formId: existing.formId,
      organisationId: vacancy.organisationId,
      version: existing.version.version + 1,
      definition,
      userId,
    });
    if (!added) throw new AppError("conflict");
  });
  return getVacancyForm(deps, caller, vacancyId);
}

export async function listVersions(
  { store }: FormsDeps,
  caller: Caller,
  vacancyId: string,
): Promise<FormVersionListResponse> {
  const { scope } = await vacancyAccess(store, caller, vacancyId);
  const repo = store.bind(scope, formsRepository);
  const found = await repo.formOfVacancy(vacancyId);
  if (!found) return { versions: [] };
  const rows = await repo.versions(found.formId);
  return { versions: rows.map((r) => ({ ...versionDto(r), definition: r.definition })) };
}
