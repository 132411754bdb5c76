import {
  ActionIcon,
  Avatar,
  Button,
  FileButton,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconPhoto, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CandidateProfile, CONTACT_PREFERENCES, LANGUAGE_LEVELS } from "../../../contracts/candidates";
import type { Locale } from "../../../contracts/common";
import type { ReferenceListsResponse } from "../../../contracts/reference";
import { DateField } from "../../ui/date-field";
import { Notice } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { LEGEND_STYLES, loadPlaceOptions, RemoteSelect } from "../vacancies/ui";
import { AvailabilityGrid } from "./availability-grid";
import { candidateKeys, removeMyPhoto, uploadMyPhoto } from "./candidates-api";
import { ChoiceChecks, type DraftProps, EditorSection, fieldMessages, UploadError } from "./editor-ui";
import { OccupationPicker } from "./occupation-picker";
import {
  type AvailabilityDraft,
  type ContactDraft,
  type GeneralDraft,
  type PreferencesDraft,
  rowKey,
} from "./profile-draft";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const IMAGE_TYPES = "image/png,image/jpeg,image/webp";

type Lists = ReferenceListsResponse;
const byOrder = <T extends { order: number }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.order - b.order);
const labelled = (items: readonly { id: string; label: { nl: string; en: string } }[], locale: Locale) =>
  items.map((item) => ({ value: item.id, label: item.label[locale] }));
const sortedByLabel = (items: { value: string; label: string }[], locale: Locale) =>
  items.sort((a, b) => a.label.localeCompare(b.label, locale));

/** The profile photo: chosen, checked and saved at once; staff see it in the summary. */
function ProfilePhoto({ profile }: { profile: CandidateProfile }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: candidateKeys.me });
  const upload = useMutation({
    mutationFn: uploadMyPhoto,
    onSuccess: () => setDone(t("profile.photo.saved")),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: removeMyPhoto,
    onSuccess: () => setDone(t("profile.photo.removed")),
    onSettled: refresh,
  });
  const url = profile.general.photoUrl;
  const name = `${profile.general.firstName} ${profile.general.lastName}`.trim();

  return (
    <Group gap="md" align="center" wrap="nowrap">
      <Avatar
        src={url}
        size={96}
        radius={96}
        alt={url ? t("profile.photo.alt", { name }) : ""}
        color="portal"
      >
        {url ? null : <IconPhoto aria-hidden="true" size={36} />}
      </Avatar>
      <Stack gap={4}>
        <Group gap="xs">
          <FileButton
            accept={IMAGE_TYPES}
            onChange={(file) => {
              setDone(null);
              setProblem(null);
              if (!file) return;
              if (file.size > PHOTO_MAX_BYTES) {
                setProblem(t("profile.photo.tooBig"));
                return;
              }
              upload.mutate(file);
            }}
          >
            {(props) => (
              <Button {...props} variant="light" loading={upload.isPending}>
                {url ? t("profile.photo.change") : t("profile.photo.choose")}
              </Button>
            )}
          </FileButton>
          {url && (
            <Button variant="default" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t("profile.photo.remove")}
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t("profile.photo.hint")}
        </Text>
        {problem && <Notice color="red">{problem}</Notice>}
        <UploadError error={upload.error ?? remove.error} path="photo" />
        {done && (
          <Notice color="green" status>
            {done}
          </Notice>
        )}
      </Stack>
    </Group>
  );
}

const GENERAL_PATHS = new Set([
  "general.firstName",
  "general.lastName",
  "general.headline",
  "general.summary",
  "general.placeId",
  "general.postcode",
  "general.birthDate",
  "general.workLevel",
  "general.educationLevel",
]);

/** "Algemeen": what staff see first in the profile's summary block. */
export function GeneralSection({
  profile,
  lists,
  draft,
  onChange: setDraft,
  fields,
}: { profile: CandidateProfile; lists: Lists | undefined } & DraftProps<GeneralDraft>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errors = fieldMessages(fields);
  const set = <K extends keyof GeneralDraft>(key: K, value: GeneralDraft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));

  return (
    <EditorSection
      anchor="algemeen"
      title={t("profile.sections.algemeen")}
      intro={t("profile.intro.algemeen")}
      before={<ProfilePhoto profile={profile} />}
      fields={fields}
      placed={(path) => GENERAL_PATHS.has(path)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("profile.fields.firstName")}
          required
          autoComplete="given-name"
          maxLength={80}
          value={draft.firstName}
          onChange={(e) => set("firstName", e.currentTarget.value)}
          error={errors.at("general.firstName")}
        />
        <TextInput
          label={t("profile.fields.lastName")}
          required
          autoComplete="family-name"
          maxLength={120}
          value={draft.lastName}
          onChange={(e) => set("lastName", e.currentTarget.value)}
          error={errors.at("general.lastName")}
        />
      </SimpleGrid>
      <TextInput
        label={t("profile.fields.headline")}
        description={t("profile.fields.headlineHint")}
        maxLength={160}
        value={draft.headline}
        onChange={(e) => set("headline", e.currentTarget.value)}
        error={errors.at("general.headline")}
      />
      <Textarea
        label={t("profile.fields.summary")}
        description={t("profile.fields.summaryHint")}
        autosize
        minRows={4}
        maxRows={16}
        maxLength={5000}
        value={draft.summary}
        onChange={(e) => set("summary", e.currentTarget.value)}
        error={errors.at("general.summary")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <RemoteSelect
          label={t("profile.fields.place")}
          value={draft.place}
          cacheKey="places"
          load={loadPlaceOptions}
          onChange={(option) => set("place", option)}
          error={errors.at("general.placeId")}
        />
        <TextInput
          label={t("profile.fields.postcode")}
          description={t("profile.fields.postcodeHint")}
          autoComplete="postal-code"
          maxLength={7}
          value={draft.postcode}
          onChange={(e) => set("postcode", e.currentTarget.value)}
          error={errors.at("general.postcode")}
        />
        <NativeSelect
          label={t("profile.fields.workLevel")}
          description={t("profile.fields.workLevelHint")}
          value={draft.workLevel}
          onChange={(e) => set("workLevel", e.currentTarget.value)}
          data={[
            { value: "", label: t("profile.editor.choose") },
            ...labelled(byOrder(lists?.workLevels ?? []), locale),
          ]}
          error={errors.at("general.workLevel")}
        />
        <NativeSelect
          label={t("profile.fields.educationLevel")}
          description={t("profile.fields.educationLevelHint")}
          value={draft.educationLevel}
          onChange={(e) => set("educationLevel", e.currentTarget.value)}
          data={[
            { value: "", label: t("profile.editor.choose") },
            ...labelled(byOrder(lists?.educationLevels ?? []), locale),
          ]}
          error={errors.at("general.educationLevel")}
        />
        <DateField
          label={t("profile.fields.birthDate")}
          description={t("profile.fields.birthDateHint")}
          autoComplete="bday"
          value={draft.birthDate}
          onChange={(day) => set("birthDate", day)}
          error={errors.at("general.birthDate")}
        />
      </SimpleGrid>
    </EditorSection>
  );
}

function groupedOptions<T extends { id: string; label: { nl: string; en: string }; category: string }>(
  items: readonly T[],
  locale: Locale,
  groupLabel: (category: string) => string,
) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const item of items) {
    const list = groups.get(item.category) ?? [];
    list.push({ value: item.id, label: item.label[locale] });
    groups.set(item.category, list);
  }
  return [...groups].map(([category, list]) => ({ group: groupLabel(category), items: list }));
}

const PREFERENCE_PREFIXES = [
  "preferences.",
  "general.targetGroups",
  "general.languages",
  "general.drivingLicences",
  "general.certificates",
  "general.physicalLimitations",
];

/** The field a message belongs to: "general.certificates.3" → "general.certificates". */
function fieldOf(path: string): string {
  return path.replace(/\.\d+(\..*)?$/, "");
}

/** "Voorkeuren": what the candidate wants to do and brings along (the explorer matches on these). */
export function PreferencesSection({
  lists,
  draft,
  onChange: setDraft,
  fields,
}: { lists: Lists | undefined } & DraftProps<PreferencesDraft>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errors = fieldMessages(fields);
  const rowError = (index: number) =>
    fields
      .filter((f) => f.path.startsWith(`general.languages.${index}.`))
      .map((f) => f.message)
      .join(" ") || undefined;
  const error = (field: string) => {
    const messages = fields.filter((f) => fieldOf(f.path) === field).map((f) => f.message);
    return messages.length > 0 ? [...new Set(messages)].join(" ") : undefined;
  };
  const set = <K extends keyof PreferencesDraft>(key: K, value: PreferencesDraft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));
  const languageNames = sortedByLabel(labelled(lists?.languages ?? [], locale), locale);
  const sectorGroups = (() => {
    const groups = new Map<string, { group: string; items: { value: string; label: string }[] }>();
    for (const g of lists?.occupationGroups ?? []) {
      const major = groups.get(g.majorGroup) ?? { group: g.majorGroupLabel[locale], items: [] };
      major.items.push({ value: g.id, label: g.label[locale] });
      groups.set(g.majorGroup, major);
    }
    return [...groups.values()];
  })();

  return (
    <EditorSection
      anchor="voorkeuren"
      title={t("profile.sections.voorkeuren")}
      intro={t("profile.intro.voorkeuren")}
      fields={fields}
      placed={(path) => PREFERENCE_PREFIXES.some((p) => path.startsWith(p))}
    >
      <ChoiceChecks
        legend={t("profile.fields.workTypes")}
        description={t("profile.fields.workTypesHint")}
        options={(lists?.workTypes ?? []).map((w) => ({
          value: w.id,
          label: w.label[locale],
          description: w.description[locale],
        }))}
        value={draft.workTypes}
        onChange={(v) => set("workTypes", v)}
        error={error("preferences.workTypes")}
      />
      <OccupationPicker
        label={t("profile.fields.desiredOccupations")}
        description={t("profile.fields.desiredOccupationsHint")}
        value={draft.desiredOccupationIds}
        onChange={(v) => set("desiredOccupationIds", v)}
        error={error("preferences.desiredOccupationIds")}
      />
      <MultiSelect
        label={t("profile.fields.sectors")}
        description={t("profile.fields.sectorsHint")}
        searchable
        clearable
        data={sectorGroups}
        value={draft.sectors}
        onChange={(v) => set("sectors", v)}
        error={error("preferences.sectors")}
        maxValues={50}
        clearButtonProps={{ "aria-label": t("vacancies.form.clear", { field: t("profile.fields.sectors") }) }}
        comboboxProps={{ withinPortal: true }}
      />
      <ChoiceChecks
        legend={t("profile.fields.targetGroups")}
        description={t("profile.fields.targetGroupsHint")}
        options={labelled(lists?.targetGroups ?? [], locale)}
        value={draft.targetGroups}
        onChange={(v) => set("targetGroups", v)}
        error={error("general.targetGroups")}
      />

      <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={LEGEND_STYLES.legend}>{t("profile.fields.languages")}</legend>
        {draft.languages.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("profile.fields.noLanguages")}
          </Text>
        )}
        {draft.languages.map((row, index) => {
          const name = languageNames.find((l) => l.value === row.code)?.label ?? t("profile.fields.language");
          const update = (change: Partial<typeof row>) =>
            set(
              "languages",
              draft.languages.map((l) => (l.key === row.key ? { ...l, ...change } : l)),
            );
          return (
            <Group key={row.key} gap="sm" align="flex-end" wrap="nowrap">
              <NativeSelect
                label={t("profile.fields.language")}
                style={{ flex: 2 }}
                value={row.code}
                onChange={(e) => update({ code: e.currentTarget.value })}
                data={[{ value: "", label: t("profile.editor.choose") }, ...languageNames]}
                error={rowError(index)}
              />
              <NativeSelect
                label={t("profile.fields.languageLevel")}
                style={{ flex: 1 }}
                value={row.level}
                onChange={(e) => {
                  const level = LANGUAGE_LEVELS.find((l) => l === e.currentTarget.value);
                  if (level) update({ level });
                }}
                data={LANGUAGE_LEVELS.map((l) => ({ value: l, label: t(`profile.languageLevels.${l}`) }))}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                c="red"
                size="lg"
                mb={2}
                aria-label={t("profile.editor.removeNamed", { name })}
                onClick={() =>
                  set(
                    "languages",
                    draft.languages.filter((l) => l.key !== row.key),
                  )
                }
              >
                <IconTrash aria-hidden="true" size={18} />
              </ActionIcon>
            </Group>
          );
        })}
        {errors.at("general.languages") && (
          <Text size="sm" c="red">
            {errors.at("general.languages")}
          </Text>
        )}
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus aria-hidden="true" size={14} />}
          style={{ alignSelf: "flex-start" }}
          onClick={() => set("languages", [...draft.languages, { key: rowKey(), code: "", level: "good" }])}
        >
          {t("profile.fields.addLanguage")}
        </Button>
      </Stack>

      <ChoiceChecks
        legend={t("profile.fields.drivingLicences")}
        options={byOrder(lists?.drivingLicences ?? []).map((d) => ({
          value: d.id,
          label: `${d.label[locale]} – ${d.description[locale].toLowerCase()}`,
        }))}
        value={draft.drivingLicences}
        onChange={(v) => set("drivingLicences", v)}
        error={error("general.drivingLicences")}
      />
      <ChoiceChecks
        legend={t("profile.fields.transportModes")}
        options={labelled(lists?.transportModes ?? [], locale)}
        value={draft.transportModes}
        onChange={(v) => set("transportModes", v)}
        error={error("preferences.transportModes")}
        cols={4}
      />
      <NumberInput
        label={t("profile.fields.maxTravelKm")}
        description={t("profile.fields.maxTravelKmHint")}
        min={0}
        max={500}
        allowDecimal={false}
        allowNegative={false}
        clampBehavior="none"
        hideControls
        inputMode="numeric"
        maw={240}
        value={draft.maxTravelKm}
        onChange={(v) => set("maxTravelKm", String(v))}
        error={error("preferences.maxTravelKm")}
      />
      <MultiSelect
        label={t("profile.fields.certificates")}
        description={t("profile.fields.certificatesHint")}
        searchable
        clearable
        data={groupedOptions(lists?.certificates ?? [], locale, (c) =>
          t(`profile.certificateCategories.${c}`),
        )}
        value={draft.certificates}
        onChange={(v) => set("certificates", v)}
        error={error("general.certificates")}
        clearButtonProps={{
          "aria-label": t("vacancies.form.clear", { field: t("profile.fields.certificates") }),
        }}
        comboboxProps={{ withinPortal: true }}
      />
      <MultiSelect
        label={t("profile.fields.physicalLimitations")}
        description={t("profile.fields.physicalLimitationsHint")}
        searchable
        clearable
        data={groupedOptions(lists?.physicalCapacities ?? [], locale, (c) =>
          t(`profile.capacityCategories.${c}`),
        )}
        value={draft.physicalLimitations}
        onChange={(v) => set("physicalLimitations", v)}
        error={error("general.physicalLimitations")}
        clearButtonProps={{
          "aria-label": t("vacancies.form.clear", { field: t("profile.fields.physicalLimitations") }),
        }}
        comboboxProps={{ withinPortal: true }}
      />
    </EditorSection>
  );
}

const AVAILABILITY_PATHS = /^availability\.(hoursMin|hoursMax|grid|availableFrom)/;

/** "Beschikbaarheid": hours per week and the days × parts of the day. */
export function AvailabilitySection({
  lists,
  draft,
  onChange: setDraft,
  fields,
}: { lists: Lists | undefined } & DraftProps<AvailabilityDraft>) {
  const { t } = useTranslation();
  const errors = fieldMessages(fields);
  const gridError = errors.fields
    .filter((f) => f.path.startsWith("availability.grid"))
    .map((f) => f.message)[0];
  const set = <K extends keyof AvailabilityDraft>(key: K, value: AvailabilityDraft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));
  const hours = (key: "hoursMin" | "hoursMax", label: string) => (
    <NumberInput
      label={label}
      min={0}
      max={80}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      hideControls
      inputMode="numeric"
      value={draft[key]}
      onChange={(v) => set(key, String(v))}
      error={errors.at(`availability.${key}`)}
    />
  );

  return (
    <EditorSection
      anchor="beschikbaarheid"
      title={t("profile.sections.beschikbaarheid")}
      intro={t("profile.intro.beschikbaarheid")}
      fields={fields}
      placed={(path) => AVAILABILITY_PATHS.test(path)}
    >
      <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }} maw={480}>
        <legend style={LEGEND_STYLES.legend}>{t("profile.fields.hours")}</legend>
        <Group grow align="flex-start">
          {hours("hoursMin", t("profile.fields.hoursMin"))}
          {hours("hoursMax", t("profile.fields.hoursMax"))}
        </Group>
      </Stack>
      <AvailabilityGrid
        dayparts={lists?.dayparts ?? []}
        value={draft.grid}
        onChange={(grid) => set("grid", grid)}
        error={gridError}
      />
      <DateField
        label={t("profile.fields.availableFrom")}
        description={t("profile.fields.availableFromHint")}
        maw={240}
        value={draft.availableFrom}
        onChange={(day) => set("availableFrom", day)}
        error={errors.at("availability.availableFrom")}
      />
    </EditorSection>
  );
}

const CONTACT_PATHS = new Set(["contact.email", "contact.phone", "contact.contactPreference"]);

/** "Contact": how employers reach the candidate, directly or through the account manager. */
export function ContactSection({
  profile,
  draft,
  onChange: setDraft,
  fields,
}: { profile: CandidateProfile } & DraftProps<ContactDraft>) {
  const { t } = useTranslation();
  const errors = fieldMessages(fields);
  const set = <K extends keyof ContactDraft>(key: K, value: ContactDraft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));
  const manager = profile.contact.accountManager;

  return (
    <EditorSection
      anchor="contact"
      title={t("profile.sections.contact")}
      intro={t("profile.intro.contact")}
      fields={fields}
      placed={(path) => CONTACT_PATHS.has(path)}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="email"
          label={t("profile.fields.email")}
          autoComplete="email"
          maxLength={200}
          value={draft.email}
          onChange={(e) => set("email", e.currentTarget.value)}
          error={errors.at("contact.email")}
        />
        <TextInput
          type="tel"
          label={t("profile.fields.phone")}
          autoComplete="tel"
          maxLength={20}
          value={draft.phone}
          onChange={(e) => set("phone", e.currentTarget.value)}
          error={errors.at("contact.phone")}
        />
      </SimpleGrid>
      <Radio.Group
        label={t("profile.fields.contactPreference")}
        description={t("profile.fields.contactPreferenceHint")}
        value={draft.contactPreference}
        onChange={(value) => {
          const next = CONTACT_PREFERENCES.find((p) => p === value);
          if (next) set("contactPreference", next);
        }}
        error={errors.at("contact.contactPreference")}
      >
        <Stack gap="xs" mt={6}>
          {CONTACT_PREFERENCES.map((value) => (
            <Radio
              key={value}
              value={value}
              label={t(`profile.contactPreference.${value}`)}
              description={t(`profile.contactPreference.${value}Hint`)}
              styles={{ description: { color: "var(--mantine-color-dimmed)" } }}
            />
          ))}
        </Stack>
      </Radio.Group>
      <Text size="sm" c="dimmed">
        {manager
          ? t("profile.contactPreference.manager", {
              name: manager.organisation ? `${manager.name} (${manager.organisation})` : manager.name,
            })
          : t("profile.contactPreference.noManager")}
      </Text>
    </EditorSection>
  );
}

/** "Hobby's en interesses". */
export function HobbiesSection({ draft: hobbies, onChange: setHobbies, fields }: DraftProps<string>) {
  const { t } = useTranslation();
  const errors = fieldMessages(fields);
  return (
    <EditorSection
      anchor="hobbys"
      title={t("profile.sections.hobbys")}
      fields={fields}
      placed={(path) => path === "hobbies"}
    >
      <Textarea
        label={t("profile.fields.hobbies")}
        description={t("profile.fields.hobbiesHint")}
        autosize
        minRows={3}
        maxRows={10}
        maxLength={2000}
        value={hobbies}
        onChange={(e) => setHobbies(e.currentTarget.value)}
        error={errors.at("hobbies")}
      />
    </EditorSection>
  );
}
