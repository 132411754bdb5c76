import { Button, Group, Radio, Select, Stack, Switch, Text, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Material, MaterialAvailability, MaterialListResponse } from "../../../contracts/onboarding";
import { ApiError } from "../../api";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { PageLoader, Section } from "../vacancies/ui";
import {
  createMaterial,
  materialsQuery,
  onboardingKeys,
  setEmailDomains,
  updateMaterial,
} from "./onboarding-api";

/**
 * "Leermateriaal" (Vlimpers' "vormingsbeheer"): the organisation's learning material for new
 * employees (title, description, link, before or from the first day) and its own e-mail domains,
 * which tell internal profiles (no material by itself) from external ones.
 */
export function MaterialsPage() {
  const query = useQuery(materialsQuery);
  const errorText = useErrorText();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  return <Materials data={query.data} />;
}

function Materials({ data }: { data: MaterialListResponse }) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState(data.organisations[0]?.id ?? "");
  const organisation = data.organisations.find((o) => o.id === organisationId);
  if (!organisation) return <Text>{t("onboarding.materials.noOrganisation")}</Text>;
  const own = data.materials.filter((m) => m.organisationId === organisation.id);
  return (
    <Stack gap="lg">
      <Text>{t("onboarding.materials.intro")}</Text>
      {data.organisations.length > 1 && (
        <Select
          label={t("onboarding.materials.organisation")}
          data={data.organisations.map((o) => ({ value: o.id, label: o.name }))}
          value={organisationId}
          onChange={(value) => value && setOrganisationId(value)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: false }}
        />
      )}
      <Section title={t("onboarding.materials.listTitle")}>
        {own.length === 0 ? (
          <Text size="sm">{t("onboarding.materials.none")}</Text>
        ) : (
          <Stack gap="md">
            {own.map((m) => (
              <MaterialRow key={m.id} material={m} />
            ))}
          </Stack>
        )}
      </Section>
      <Section title={t("onboarding.materials.addTitle")}>
        <AddMaterial organisationId={organisation.id} />
      </Section>
      <Section title={t("onboarding.materials.domainsTitle")}>
        <Domains organisationId={organisation.id} domains={organisation.emailDomains} />
      </Section>
    </Stack>
  );
}

function MaterialRow({ material }: { material: Material }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (active: boolean) => updateMaterial(material.id, { active }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: onboardingKeys.materials }),
  });
  return (
    <Stack gap={2}>
      <Text fw={600}>{material.title}</Text>
      {material.description && <Text size="sm">{material.description}</Text>}
      <Text size="sm">
        {material.url} · {t(`onboarding.availability.${material.availability}`)}
      </Text>
      <Switch
        label={t("onboarding.materials.active", { title: material.title })}
        checked={material.active}
        disabled={toggle.isPending}
        onChange={(event) => toggle.mutate(event.currentTarget.checked)}
      />
      <FormError error={toggle.error} />
    </Stack>
  );
}

function AddMaterial({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [url, setUrl] = useState("");
  const [availability, setAvailability] = useState<MaterialAvailability>("before_first_day");
  const [added, setAdded] = useState(false);
  const add = useMutation({
    mutationFn: () => createMaterial({ organisationId, title, description, url, availability }),
    onSuccess: () => {
      setTitle("");
      setDescription("");
      setUrl("");
      setAdded(true);
      void queryClient.invalidateQueries({ queryKey: onboardingKeys.materials });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(false);
    add.mutate();
  };
  const error = add.error;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {added && (
          <Notice color="green" status>
            {t("onboarding.materials.added")}
          </Notice>
        )}
        {error && (!(error instanceof ApiError) || error.fields.length === 0) && <FormError error={error} />}
        <TextInput
          label={t("onboarding.materials.titleField")}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          required
          error={fieldErrors(error, "title")[0]}
        />
        <Textarea
          label={t("onboarding.materials.description")}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldErrors(error, "description")[0]}
        />
        <TextInput
          label={t("onboarding.materials.url")}
          description={t("onboarding.materials.urlHint")}
          type="url"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          required
          error={fieldErrors(error, "url")[0]}
        />
        <Radio.Group
          label={t("onboarding.materials.availability")}
          value={availability}
          onChange={(value) => setAvailability(value as MaterialAvailability)}
        >
          <Group gap="md" mt={4}>
            <Radio value="before_first_day" label={t("onboarding.availability.before_first_day")} />
            <Radio value="from_first_day" label={t("onboarding.availability.from_first_day")} />
          </Group>
        </Radio.Group>
        <Button type="submit" loading={add.isPending} style={{ alignSelf: "flex-start" }}>
          {t("onboarding.materials.add")}
        </Button>
      </Stack>
    </form>
  );
}

function Domains({ organisationId, domains }: { organisationId: string; domains: string[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState(domains.join(", "));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      setEmailDomains(
        organisationId,
        text
          .split(/[\s,;]+/)
          .map((d) => d.trim())
          .filter(Boolean),
      ),
    onSuccess: (data) => {
      queryClient.setQueryData(onboardingKeys.materials, data);
      setSaved(true);
    },
  });
  const fieldError = save.error instanceof ApiError ? save.error.fields[0]?.message : undefined;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t("onboarding.materials.domainsIntro")}</Text>
        {saved && (
          <Notice color="green" status>
            {t("onboarding.materials.domainsSaved")}
          </Notice>
        )}
        {save.error && !fieldError && <FormError error={save.error} />}
        <TextInput
          label={t("onboarding.materials.domains")}
          description={t("onboarding.materials.domainsHint")}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={fieldError}
        />
        <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
          {t("onboarding.materials.saveDomains")}
        </Button>
      </Stack>
    </form>
  );
}
