import {
  ActionIcon,
  Button,
  Card,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconDeviceFloppy, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CHOICE_KINDS,
  ELIGIBILITY_SECTION,
  FORM_FIELD_KINDS,
  type FormDefinition,
  type FormField,
  type FormFieldKind,
  type FormSection,
  KNOCK_OUT_KINDS,
} from "../../../contracts/forms";
import { ApiError } from "../../api";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { useBusyAction } from "../../ui/use-busy-action";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { usePageTitle } from "../navigation/page-title";
import { formatDate } from "../vacancies/format";
import { PageLoader, Section } from "../vacancies/ui";
import {
  createTemplate,
  formTemplatesQuery,
  formVersionsQuery,
  saveVacancyForm,
  vacancyFormQuery,
} from "./forms-api";
import { carry, rowKey } from "./row-keys";

const empty = { nl: "", en: "" };

/** A key not yet used among these, from a stem ("vraag_3"). */
function freshKey(stem: string, used: readonly string[]): string {
  for (let n = used.length + 1; ; n++) if (!used.includes(`${stem}_${n}`)) return `${stem}_${n}`;
}

const move = <T,>(list: readonly T[], from: number, to: number): T[] => {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
};

/** Two text inputs for a Dutch and an English text side by side. */
function Bilingual({
  label,
  value,
  onChange,
  error,
  long = false,
  required = false,
}: {
  label: string;
  value: { nl: string; en: string };
  onChange: (value: { nl: string; en: string }) => void;
  error?: string | undefined;
  long?: boolean;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const Input = long ? Textarea : TextInput;
  return (
    <Group grow align="flex-start" gap="xs">
      <Input
        label={`${label} (${t("forms.builder.nl")})`}
        required={required}
        value={value.nl}
        error={error}
        onChange={(e) => onChange({ ...value, nl: e.currentTarget.value })}
        {...(long ? { autosize: true, minRows: 1 } : {})}
      />
      <Input
        label={`${label} (${t("forms.builder.en")})`}
        value={value.en}
        onChange={(e) => onChange({ ...value, en: e.currentTarget.value })}
        {...(long ? { autosize: true, minRows: 1 } : {})}
      />
    </Group>
  );
}

/** Up, down and remove for one question or section of the form (keyboard users reorder with these). */
function OrderControls({
  position,
  count,
  onMove,
  onRemove,
  labels,
}: {
  position: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  labels: { up: string; down: string; remove: string };
}) {
  return (
    <>
      <ActionIcon
        variant="default"
        size="lg"
        disabled={position === 0}
        aria-label={labels.up}
        onClick={() => onMove(position - 1)}
      >
        <IconArrowUp aria-hidden="true" size={16} />
      </ActionIcon>
      <ActionIcon
        variant="default"
        size="lg"
        disabled={position === count - 1}
        aria-label={labels.down}
        onClick={() => onMove(position + 1)}
      >
        <IconArrowDown aria-hidden="true" size={16} />
      </ActionIcon>
      <Button
        variant="subtle"
        color="red"
        size="xs"
        leftSection={<IconTrash aria-hidden="true" size={14} />}
        onClick={onRemove}
      >
        {labels.remove}
      </Button>
    </>
  );
}

function FieldEditor({
  field,
  path,
  eligibility,
  position,
  count,
  errorAt,
  onChange,
  onMove,
  onRemove,
}: {
  field: FormField;
  path: string;
  eligibility: boolean;
  position: number;
  count: number;
  errorAt: (path: string) => string | undefined;
  onChange: (field: FormField) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const name = field.label.nl || field.key;
  const choice = CHOICE_KINDS.includes(field.kind);
  const canKnockOut = eligibility && KNOCK_OUT_KINDS.includes(field.kind);
  const answers =
    field.kind === "yes_no"
      ? [
          { value: "yes", label: t("forms.answer.yes") },
          { value: "no", label: t("forms.answer.no") },
        ]
      : field.options.map((o) => ({ value: o.key, label: o.label.nl || o.key }));
  return (
    <Fieldset legend={t("forms.builder.fieldLegend", { n: position + 1, name })} radius="md">
      <Stack gap="xs">
        <Group gap="xs" align="flex-start" grow>
          <TextInput
            label={t("forms.builder.key")}
            description={t("forms.builder.keyHint")}
            value={field.key}
            error={errorAt(`${path}.key`)}
            onChange={(e) => onChange({ ...field, key: e.currentTarget.value })}
          />
          <Select
            label={t("forms.builder.kind")}
            data={FORM_FIELD_KINDS.map((k) => ({ value: k, label: t(`forms.kind.${k}`) }))}
            value={field.kind}
            allowDeselect={false}
            error={errorAt(`${path}.kind`)}
            onChange={(kind) => {
              const next = (kind ?? field.kind) as FormFieldKind;
              onChange({
                ...field,
                kind: next,
                options: CHOICE_KINDS.includes(next) ? field.options : [],
                knockOut: eligibility && KNOCK_OUT_KINDS.includes(next) ? field.knockOut : null,
              });
            }}
          />
        </Group>
        <Bilingual
          label={t("forms.builder.label")}
          required
          value={field.label}
          error={errorAt(`${path}.label.nl`)}
          onChange={(label) => onChange({ ...field, label })}
        />
        <Bilingual
          long
          label={t("forms.builder.help")}
          value={field.help}
          onChange={(help) => onChange({ ...field, help })}
        />
        <Switch
          label={t("forms.builder.required")}
          checked={field.required}
          onChange={(e) => onChange({ ...field, required: e.currentTarget.checked })}
        />
        {choice && (
          <Stack gap={6}>
            <Text fw={600} size="sm">
              {t("forms.builder.options")}
            </Text>
            {errorAt(`${path}.options`) && (
              <Text c="red" size="sm" role="alert">
                {errorAt(`${path}.options`)}
              </Text>
            )}
            {field.options.map((option, o) => (
              <Group key={rowKey(option)} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label={t("forms.builder.optionKey", { n: o + 1 })}
                  w={160}
                  value={option.key}
                  error={errorAt(`${path}.options.${o}.key`)}
                  onChange={(e) =>
                    onChange({
                      ...field,
                      options: field.options.map((x, i) =>
                        i === o ? { ...x, key: e.currentTarget.value } : x,
                      ),
                    })
                  }
                />
                <TextInput
                  label={t("forms.builder.optionLabelNl", { n: o + 1 })}
                  value={option.label.nl}
                  error={errorAt(`${path}.options.${o}.label.nl`)}
                  onChange={(e) =>
                    onChange({
                      ...field,
                      options: field.options.map((x, i) =>
                        i === o ? carry(x, { ...x, label: { ...x.label, nl: e.currentTarget.value } }) : x,
                      ),
                    })
                  }
                />
                <TextInput
                  label={t("forms.builder.optionLabelEn", { n: o + 1 })}
                  value={option.label.en}
                  onChange={(e) =>
                    onChange({
                      ...field,
                      options: field.options.map((x, i) =>
                        i === o ? carry(x, { ...x, label: { ...x.label, en: e.currentTarget.value } }) : x,
                      ),
                    })
                  }
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t("forms.builder.removeOption", { n: o + 1 })}
                  onClick={() => onChange({ ...field, options: field.options.filter((_, i) => i !== o) })}
                >
                  <IconTrash aria-hidden="true" size={18} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus aria-hidden="true" size={14} />}
                onClick={() =>
                  onChange({
                    ...field,
                    options: [
                      ...field.options,
                      {
                        key: freshKey(
                          "keuze",
                          field.options.map((x) => x.key),
                        ),
                        label: { ...empty },
                      },
                    ],
                  })
                }
              >
                {t("forms.builder.addOption")}
              </Button>
            </Group>
          </Stack>
        )}
        {canKnockOut && (
          <Stack gap={6}>
            <MultiSelect
              label={t("forms.builder.knockOut")}
              description={t("forms.builder.knockOutHint")}
              data={answers}
              value={field.knockOut?.answers ?? []}
              error={errorAt(`${path}.knockOut`)}
              onChange={(chosen) =>
                onChange({
                  ...field,
                  knockOut:
                    chosen.length === 0
                      ? null
                      : { answers: chosen, message: field.knockOut?.message ?? { ...empty } },
                })
              }
            />
            {field.knockOut && (
              <Bilingual
                long
                required
                label={t("forms.builder.knockOutMessage")}
                value={field.knockOut.message}
                error={errorAt(`${path}.knockOut.message.nl`)}
                onChange={(message) => onChange({ ...field, knockOut: { ...field.knockOut!, message } })}
              />
            )}
          </Stack>
        )}
        <Group gap="xs">
          <OrderControls
            position={position}
            count={count}
            onMove={onMove}
            onRemove={onRemove}
            labels={{
              up: t("forms.builder.fieldUp", { name }),
              down: t("forms.builder.fieldDown", { name }),
              remove: t("forms.builder.removeField"),
            }}
          />
        </Group>
      </Stack>
    </Fieldset>
  );
}

function SectionEditor({
  section,
  index,
  count,
  usedKeys,
  errorAt,
  onChange,
  onMove,
  onRemove,
}: {
  section: FormSection;
  index: number;
  count: number;
  usedKeys: string[];
  errorAt: (path: string) => string | undefined;
  onChange: (section: FormSection) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const path = `definition.sections.${index}`;
  const name = section.title.nl || section.key;
  const setField = (f: number, field: FormField) =>
    onChange({ ...section, fields: section.fields.map((x, i) => (i === f ? carry(x, field) : x)) });
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-label={t("forms.builder.sectionLabel", { name })}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {section.key === ELIGIBILITY_SECTION ? t("forms.builder.eligibility", { name }) : name}
        </Title>
        <Group grow align="flex-start" gap="xs">
          <TextInput
            label={t("forms.builder.sectionKey")}
            description={t("forms.builder.sectionKeyHint")}
            value={section.key}
            error={errorAt(`${path}.key`)}
            onChange={(e) => onChange({ ...section, key: e.currentTarget.value })}
          />
        </Group>
        <Bilingual
          label={t("forms.builder.sectionTitle")}
          required
          value={section.title}
          error={errorAt(`${path}.title.nl`)}
          onChange={(title) => onChange({ ...section, title })}
        />
        {section.fields.map((field, f) => (
          <FieldEditor
            key={rowKey(field)}
            field={field}
            path={`${path}.fields.${f}`}
            eligibility={section.key === ELIGIBILITY_SECTION}
            position={f}
            count={section.fields.length}
            errorAt={errorAt}
            onChange={(next) => setField(f, next)}
            onMove={(to) => onChange({ ...section, fields: move(section.fields, f, to) })}
            onRemove={() => onChange({ ...section, fields: section.fields.filter((_, i) => i !== f) })}
          />
        ))}
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus aria-hidden="true" size={14} />}
            onClick={() =>
              onChange({
                ...section,
                fields: [
                  ...section.fields,
                  {
                    key: freshKey("vraag", usedKeys),
                    kind: "short_text",
                    label: { ...empty },
                    help: { ...empty },
                    required: false,
                    options: [],
                    knockOut: null,
                  },
                ],
              })
            }
          >
            {t("forms.builder.addField", { name })}
          </Button>
          <OrderControls
            position={index}
            count={count}
            onMove={onMove}
            onRemove={onRemove}
            labels={{
              up: t("forms.builder.sectionUp", { name }),
              down: t("forms.builder.sectionDown", { name }),
              remove: t("forms.builder.removeSection", { name }),
            }}
          />
        </Group>
      </Stack>
    </Card>
  );
}

/** The versions of the form, newest first, with how many applications answered each. */
function Versions({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const versions = useQuery(formVersionsQuery(vacancyId));
  if (!versions.data || versions.data.versions.length === 0) return null;
  return (
    <Section title={t("forms.builder.versions")}>
      <Table.ScrollContainer minWidth={480}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("forms.builder.version")}</Table.Th>
              <Table.Th scope="col">{t("forms.builder.savedOn")}</Table.Th>
              <Table.Th scope="col">{t("forms.builder.savedBy")}</Table.Th>
              <Table.Th scope="col">{t("forms.builder.answered")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.versions.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Th scope="row">{v.number}</Table.Th>
                <Table.Td>{formatDate(v.createdAt, locale)}</Table.Td>
                <Table.Td>{v.createdBy ?? "–"}</Table.Td>
                <Table.Td>{v.answered}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

/** "Opslaan als sjabloon": the form as it stands, kept for the organisation's next vacancies. */
function SaveAsTemplate({ definition }: { definition: FormDefinition }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const templates = useQuery(formTemplatesQuery);
  const organisations = templates.data?.organisations ?? [];
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useBusyAction();
  // Only those who keep templates for an organisation see the button (no dead end).
  if (organisations.length === 0) return null;
  const chosen = organisationId ?? organisations[0]!.id;
  const fieldError = (path: string) =>
    action.error instanceof ApiError ? action.error.fields.find((f) => f.path === path)?.message : undefined;
  return (
    <>
      <Group gap="sm">
        <Button variant="light" onClick={() => setOpen(true)}>
          {t("forms.builder.saveAsTemplate")}
        </Button>
        {done && (
          <Text role="status" size="sm">
            {done}
          </Text>
        )}
      </Group>
      <Dialog
        opened={open}
        onClose={() => setOpen(false)}
        title={t("forms.builder.saveAsTemplate")}
        closeLabel={t("forms.timeline.cancel")}
      >
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void action.run(async () => {
              const template = await createTemplate(chosen, name.trim(), definition);
              await queryClient.invalidateQueries({ queryKey: formTemplatesQuery.queryKey });
              setOpen(false);
              setName("");
              setDone(t("forms.builder.templateSaved", { name: template.name }));
            });
          }}
        >
          <Stack gap="sm">
            {!(action.error instanceof ApiError && action.error.fields.length > 0) && (
              <FormError error={action.error} />
            )}
            <TextInput
              label={t("forms.builder.templateName")}
              required
              data-autofocus
              maxLength={120}
              value={name}
              error={fieldError("name")}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            {organisations.length > 1 && (
              <Select
                label={t("forms.builder.templateOrganisation")}
                data={organisations.map((o) => ({ value: o.id, label: o.name }))}
                value={chosen}
                allowDeselect={false}
                onChange={setOrganisationId}
              />
            )}
            <Group>
              <Button type="submit" loading={action.busy} disabled={name.trim() === ""}>
                {t("forms.builder.saveTemplate")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}

/**
 * "Sollicitatieformulier" of a vacancy (Vlimpers): made from a template, then adapted: sections
 * and questions, their kind, labels, help, choices, whether required, and knock-out answers on
 * eligibility questions. Saving a form applicants answered makes a new version.
 */
export function FormBuilderPage({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const form = useQuery(vacancyFormQuery(vacancyId));
  const templates = useQuery(formTemplatesQuery);
  const [templateId, setTemplateId] = useState<string | null>("standard");
  const [draft, setDraft] = useState<FormDefinition | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useBusyAction();
  usePageTitle(t("forms.builder.title"), `/vacaturebeheer/${vacancyId}`);

  if (form.isPending) return <PageLoader />;
  if (form.isError) return <Notice color="red">{errorText(form.error)}</Notice>;
  const current = form.data.form;
  const definition = draft ?? current?.definition ?? null;
  const errorAt = (path: string) =>
    action.error instanceof ApiError ? action.error.fields.find((f) => f.path === path)?.message : undefined;
  const usedKeys = definition?.sections.flatMap((s) => s.fields.map((f) => f.key)) ?? [];

  const saved = async (body: { templateId: string } | { definition: FormDefinition }) => {
    const result = await saveVacancyForm(vacancyId, body);
    queryClient.setQueryData(vacancyFormQuery(vacancyId).queryKey, result);
    void queryClient.invalidateQueries({ queryKey: formVersionsQuery(vacancyId).queryKey });
    setDraft(null);
    setDone(t("forms.builder.saved", { version: result.form?.version.number ?? 1 }));
  };

  const setSection = (index: number, section: FormSection) =>
    setDraft({ sections: definition!.sections.map((s, i) => (i === index ? carry(s, section) : s)) });

  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <Group>
        <Button component={AppLink} href={`/vacaturebeheer/${vacancyId}`} variant="subtle">
          {t("forms.builder.toVacancy")}
        </Button>
      </Group>
      {done && (
        <Notice color="green" status>
          {done}
        </Notice>
      )}
      {!current && (
        <Section title={t("forms.builder.fromTemplate")}>
          <Stack gap="sm">
            <Text>{t("forms.builder.noForm")}</Text>
            {form.data.canEdit ? (
              <>
                <FormError error={action.error} />
                <Select
                  label={t("forms.builder.template")}
                  maw={420}
                  data={(templates.data?.templates ?? []).map((tpl) => ({ value: tpl.id, label: tpl.name }))}
                  value={templateId}
                  allowDeselect={false}
                  error={errorAt("templateId")}
                  onChange={setTemplateId}
                />
                <Group>
                  <Button
                    loading={action.busy}
                    disabled={!templateId}
                    onClick={() => void action.run(() => saved({ templateId: templateId! }))}
                  >
                    {t("forms.builder.create")}
                  </Button>
                </Group>
              </>
            ) : null}
          </Stack>
        </Section>
      )}
      {current && definition && (
        <Section
          title={t("forms.builder.formTitle", { version: current.version.number })}
          action={
            current.canEdit ? (
              <Button
                leftSection={<IconDeviceFloppy aria-hidden="true" size={16} />}
                loading={action.busy}
                onClick={() => {
                  setDone(null);
                  void action.run(() => saved({ definition }));
                }}
              >
                {t("forms.builder.save")}
              </Button>
            ) : undefined
          }
        >
          <Stack gap="md">
            {current.version.answered > 0 && (
              <Text c="dimmed">{t("forms.builder.inUse", { count: current.version.answered })}</Text>
            )}
            <FormError error={action.error} />
            {definition.sections.map((section, s) => (
              <SectionEditor
                key={rowKey(section)}
                section={section}
                index={s}
                count={definition.sections.length}
                usedKeys={usedKeys}
                errorAt={errorAt}
                onChange={(next) => setSection(s, next)}
                onMove={(to) => setDraft({ sections: move(definition.sections, s, to) })}
                onRemove={() => setDraft({ sections: definition.sections.filter((_, i) => i !== s) })}
              />
            ))}
            <Group justify="space-between">
              <Button
                variant="light"
                leftSection={<IconPlus aria-hidden="true" size={16} />}
                onClick={() =>
                  setDraft({
                    sections: [
                      ...definition.sections,
                      {
                        key: freshKey(
                          "sectie",
                          definition.sections.map((x) => x.key),
                        ),
                        title: { ...empty },
                        fields: [],
                      },
                    ],
                  })
                }
              >
                {t("forms.builder.addSection")}
              </Button>
              {current.canEdit && <SaveAsTemplate definition={definition} />}
            </Group>
          </Stack>
        </Section>
      )}
      <Versions vacancyId={vacancyId} />
    </Stack>
  );
}
