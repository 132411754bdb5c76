import { Button, Checkbox, Loader, NativeSelect, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentType, DocumentTypesResponse } from "../../../contracts/documents";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { documentKeys, documentTypesQuery, updateDocumentTypes } from "./documents-api";

function SettingsForm({ data }: { data: DocumentTypesResponse }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [visible, setVisible] = useState<Set<DocumentType>>(
    () => new Set(data.types.filter((s) => s.visibleToContacts).map((s) => s.type)),
  );
  const save = useMutation({
    mutationFn: () =>
      updateDocumentTypes({
        organisationId: data.organisationId,
        types: data.types.map((s) => ({ type: s.type, visibleToContacts: visible.has(s.type) })),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(documentKeys.types(saved.organisationId), saved);
      void queryClient.invalidateQueries({ queryKey: documentKeys.all });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {save.isSuccess && (
          <Notice color="green" status>
            {t("documents.settings.saved")}
          </Notice>
        )}
        <FormError error={save.error} />
        <Checkbox.Group
          label={t("documents.settings.legend", { organisation: data.organisationName })}
          description={t("documents.settings.description")}
          value={[...visible]}
          onChange={(values) => {
            save.reset();
            setVisible(new Set(data.types.map((s) => s.type).filter((type) => values.includes(type))));
          }}
        >
          <Stack gap="xs" mt="xs">
            {data.types.map((setting) => (
              <Checkbox
                key={setting.type}
                value={setting.type}
                disabled={!data.canEdit}
                label={t(`documents.types.${setting.type}`)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {data.canEdit ? (
          <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
            {t("documents.settings.save")}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t("documents.settings.readOnly")}
          </Text>
        )}
      </Stack>
    </form>
  );
}

/**
 * Instellingen > Documenttypen: the team's administrator ticks which document types contact
 * persons of the employers it manages see; a visible type is one they may upload too (Carerix).
 */
export function DocumentTypeSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const types = useQuery(documentTypesQuery(organisationId));
  if (types.isPending) return <Loader size="sm" aria-label={t("documents.loading")} />;
  if (types.isError) return <Notice color="red">{errorText(types.error)}</Notice>;
  return (
    <Stack gap="md">
      <Text c="dimmed">{t("documents.settings.intro")}</Text>
      {types.data.organisations.length > 1 && (
        <NativeSelect
          label={t("documents.settings.organisation")}
          value={types.data.organisationId}
          onChange={(event) => setOrganisationId(event.currentTarget.value)}
          data={types.data.organisations.map((o) => ({ value: o.id, label: o.name }))}
          maw={420}
        />
      )}
      <SettingsForm key={types.data.organisationId} data={types.data} />
    </Stack>
  );
}
