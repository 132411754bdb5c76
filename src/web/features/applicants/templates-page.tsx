import {
  Accordion,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MailTemplate, SaveMailTemplateRequest } from "../../../contracts/applicants";
import { Dialog } from "../../ui/dialog";
import { useBusyAction } from "../../ui/use-busy-action";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { PageLoader } from "../vacancies/ui";
import { applicantKeys, deleteTemplate, saveTemplate, templatesQuery } from "./applicants-api";
import { MergeFieldHelp } from "./mail-dialog";

const LANGUAGES = ["nl", "en", "de", "fr"] as const;
type Language = (typeof LANGUAGES)[number];
type Texts = Record<Language, { subject: string; body: string }>;

const emptyTexts = (): Texts => ({
  nl: { subject: "", body: "" },
  en: { subject: "", body: "" },
  de: { subject: "", body: "" },
  fr: { subject: "", body: "" },
});

function TemplateForm({
  template,
  organisations,
  onClose,
}: {
  template: MailTemplate | null;
  organisations: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [organisationId, setOrganisationId] = useState(
    template?.organisationId ?? organisations[0]?.id ?? "",
  );
  const [name, setName] = useState(template?.name ?? "");
  const [texts, setTexts] = useState<Texts>(() => {
    const base = emptyTexts();
    if (!template) return base;
    for (const l of LANGUAGES) base[l] = template.texts[l] ?? base[l];
    return base;
  });
  const { busy, error, run } = useBusyAction();
  const set = (l: Language, part: "subject" | "body", value: string) =>
    setTexts((current) => ({ ...current, [l]: { ...current[l], [part]: value } }));
  const errorOf = (path: string) => fieldErrors(error, path).join(" ") || undefined;
  const languageFields = (l: Language, required: boolean) => (
    <Stack gap="xs">
      <TextInput
        label={t("applicants.templates.subject", { language: t(`applicants.mail.language.${l}`) })}
        value={texts[l].subject}
        onChange={(event) => set(l, "subject", event.currentTarget.value)}
        required={required}
        maxLength={200}
        error={errorOf(`texts.${l}.subject`)}
      />
      <Textarea
        label={t("applicants.templates.body", { language: t(`applicants.mail.language.${l}`) })}
        value={texts[l].body}
        onChange={(event) => set(l, "body", event.currentTarget.value)}
        required={required}
        autosize
        minRows={5}
        error={errorOf(`texts.${l}.body`)}
      />
    </Stack>
  );
  return (
    <Dialog
      opened
      onClose={onClose}
      size="xl"
      title={template ? t("applicants.templates.edit") : t("applicants.templates.new")}
      closeLabel={t("applicants.close")}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            const body: SaveMailTemplateRequest = {
              organisationId,
              name,
              texts: {
                nl: texts.nl,
                en: texts.en,
                de: texts.de.subject || texts.de.body ? texts.de : null,
                fr: texts.fr.subject || texts.fr.body ? texts.fr : null,
              },
            };
            await saveTemplate(template?.id ?? null, body);
            await queryClient.invalidateQueries({ queryKey: applicantKeys.templates });
            onClose();
          });
        }}
      >
        <Stack gap="md">
          <FormError error={error} />
          {!template && organisations.length > 1 && (
            <NativeSelect
              label={t("applicants.templates.organisation")}
              value={organisationId}
              onChange={(event) => setOrganisationId(event.currentTarget.value)}
              data={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
          )}
          <TextInput
            label={t("applicants.templates.name")}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            required
            maxLength={120}
            error={errorOf("name")}
            data-autofocus
          />
          <MergeFieldHelp />
          {languageFields("nl", true)}
          {languageFields("en", true)}
          <Accordion variant="separated">
            {(["de", "fr"] as const).map((l) => (
              <Accordion.Item key={l} value={l}>
                <Accordion.Control>
                  {t("applicants.templates.optional", { language: t(`applicants.mail.language.${l}`) })}
                </Accordion.Control>
                <Accordion.Panel>{languageFields(l, false)}</Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
          <Group gap="sm">
            <Button type="submit" loading={busy}>
              {t("applicants.templates.save")}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {t("applicants.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function TemplateCard({ template, onEdit }: { template: MailTemplate; onEdit: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { busy, error, run } = useBusyAction();
  return (
    <Card component="li" withBorder padding="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Title order={2} fz="h4">
              {template.name}
            </Title>
            <Text size="sm" c="dimmed">
              {template.organisationName}
            </Text>
          </Stack>
          {template.editable && (
            <Group gap="xs">
              <Button
                variant="light"
                leftSection={<IconPencil aria-hidden="true" size={16} />}
                onClick={onEdit}
                aria-label={t("applicants.templates.editNamed", { name: template.name })}
              >
                {t("applicants.templates.editShort")}
              </Button>
              <Button
                variant="subtle"
                color="red.9"
                leftSection={<IconTrash aria-hidden="true" size={16} />}
                loading={busy}
                aria-label={t("applicants.templates.deleteNamed", { name: template.name })}
                onClick={() =>
                  void run(async () => {
                    await deleteTemplate(template.id);
                    await queryClient.invalidateQueries({ queryKey: applicantKeys.templates });
                  })
                }
              >
                {t("applicants.templates.delete")}
              </Button>
            </Group>
          )}
        </Group>
        <FormError error={error} />
        <Text size="sm">
          <Text span fw={700}>
            {t("applicants.mail.subject")}:
          </Text>{" "}
          {template.texts.nl.subject}
        </Text>
        <Text size="sm" c="dimmed" lineClamp={3} style={{ whiteSpace: "pre-wrap" }}>
          {template.texts.nl.body}
        </Text>
      </Stack>
    </Card>
  );
}

/** "Mailsjablonen": the organisation's mails to applicants, per language, with merge fields. */
export function MailTemplatesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery(templatesQuery);
  const [editing, setEditing] = useState<MailTemplate | "new" | null>(null);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const { templates, organisations } = query.data;
  return (
    <Stack gap="md">
      <Text>{t("applicants.templates.intro")}</Text>
      {organisations.length > 0 && (
        <Button
          leftSection={<IconPlus aria-hidden="true" size={16} />}
          onClick={() => setEditing("new")}
          style={{ alignSelf: "flex-start" }}
        >
          {t("applicants.templates.new")}
        </Button>
      )}
      {templates.length === 0 ? (
        <Text>{t("applicants.templates.none")}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
          {templates.map((tpl) => (
            <TemplateCard key={tpl.id} template={tpl} onEdit={() => setEditing(tpl)} />
          ))}
        </Stack>
      )}
      {editing && (
        <TemplateForm
          template={editing === "new" ? null : editing}
          organisations={organisations}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
