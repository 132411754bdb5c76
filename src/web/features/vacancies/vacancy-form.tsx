import {
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../contracts/common";
import type { ReferenceListsResponse } from "../../../contracts/reference";
import {
  CONTACT_VIA,
  SERVICE_MODELS,
  VACANCY_KINDS,
  type Vacancy,
  type VacancyOptionsResponse,
} from "../../../contracts/vacancies";
import { ApiError } from "../../api";
import { AppLink } from "../../ui/app-link";
import { DateField } from "../../ui/date-field";
import { meQuery } from "../account/me-query";
import { FormError, Notice } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { menuRole } from "../navigation/menu";
import { LEGEND_STYLES, loadPlaceOptions, PageLoader, RemoteSelect, Section } from "./ui";
import {
  createVacancy,
  referenceListsQuery,
  searchOccupations,
  updateVacancy,
  vacancyKeys,
  vacancyOptionsQuery,
} from "./vacancies-api";
import {
  draftFromVacancy,
  draftProblems,
  emptyDraft,
  FIELD_LABEL_KEYS,
  toCreateRequest,
  toUpdateRequest,
  type VacancyDraft,
} from "./vacancy-draft";
import { VacancyFiles } from "./vacancy-files";

type Organisation = VacancyOptionsResponse["organisations"][number];
type Person = VacancyOptionsResponse["owners"][number];

/** Paths this form shows under a field; any other server message goes in the summary above. */
const SHOWN_PATHS = new Set([
  ...Object.keys(FIELD_LABEL_KEYS).filter((path) => path !== "workAddress" && path !== "publication"),
]);

/** Where the vacancy pages keep a one-off confirmation after saving (history state). */
declare module "@tanstack/react-router" {
  interface HistoryState {
    vacancyNotice?: string;
  }
}

function personLabel(person: Person): string {
  return person.email ? `${person.name} (${person.email})` : person.name;
}

/** People as options, with the current one kept even when the list no longer has them. */
function peopleOptions(people: readonly Person[], current: Person | null | undefined) {
  const all = current && !people.some((p) => p.id === current.id) ? [current, ...people] : people;
  return all.map((person) => ({ value: person.id, label: personLabel(person) }));
}

function occupationGroupOptions(lists: ReferenceListsResponse | undefined, locale: Locale) {
  if (!lists) return [];
  const byMajor = new Map<string, { group: string; items: { value: string; label: string }[] }>();
  for (const group of lists.occupationGroups) {
    const major = byMajor.get(group.majorGroup) ?? { group: group.majorGroupLabel[locale], items: [] };
    major.items.push({ value: group.id, label: group.label[locale] });
    byMajor.set(group.majorGroup, major);
  }
  return [...byMajor.values()];
}

function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  error,
  prefix,
  required,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  min: number;
  max: number;
  error?: ReactNode;
  prefix?: string;
  required?: boolean;
}) {
  return (
    <NumberInput
      label={label}
      value={value}
      onChange={(next) => onChange(String(next))}
      min={min}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      hideControls
      prefix={prefix}
      thousandSeparator={prefix ? "." : undefined}
      decimalSeparator={prefix ? "," : undefined}
      error={error}
      required={required}
      inputMode="numeric"
    />
  );
}

export interface VacancyFormProps {
  /** Absent: a new vacancy. */
  vacancy?: Vacancy;
  /** A new vacancy for this employer ("+" on the employer's page). */
  organisationId?: string;
}

/**
 * "Vacature toevoegen" / "Bewerken": every field of the vacancy in the manuals' groups. An HR
 * officer's form files a request ("Aanvraag indienen") instead of creating the vacancy.
 */
export function VacancyForm({ vacancy, organisationId }: VacancyFormProps) {
  const me = useQuery(meQuery);
  const options = useQuery(vacancyOptionsQuery(vacancy?.organisation.id));
  const lists = useQuery(referenceListsQuery);
  if (me.isPending || options.isPending || lists.isPending) return <PageLoader />;
  return (
    <VacancyFormFields
      vacancy={vacancy}
      organisationId={organisationId}
      userId={me.data?.id ?? null}
      asRequest={!vacancy && menuRole(me.data?.roles ?? []) === "hr_officer"}
      options={options.data ?? { organisations: [], accountManagers: [], owners: [] }}
      optionsError={options.error}
      lists={lists.data}
    />
  );
}

function defaultsFor(organisation: Organisation | undefined, userId: string | null): Partial<VacancyDraft> {
  if (!organisation) return {};
  const self = organisation.contacts.find((c) => c.id === userId);
  return {
    organisationId: organisation.id,
    departmentId: "",
    siteId: "",
    contactUserId: (self ?? organisation.contacts[0])?.id ?? "",
    accountManagerUserId: organisation.accountManager?.id ?? "",
  };
}

function VacancyFormFields({
  vacancy,
  organisationId,
  userId,
  asRequest,
  options,
  optionsError,
  lists,
}: {
  vacancy: Vacancy | undefined;
  organisationId: string | undefined;
  userId: string | null;
  asRequest: boolean;
  options: VacancyOptionsResponse;
  optionsError: unknown;
  lists: ReferenceListsResponse | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // What the form opened with: an edit sends only what differs from it.
  const [original] = useState<VacancyDraft>(() =>
    vacancy
      ? draftFromVacancy(vacancy)
      : emptyDraft(
          defaultsFor(
            options.organisations.find((o) => o.id === organisationId) ?? options.organisations[0],
            userId,
          ),
        ),
  );
  const [draft, setDraft] = useState<VacancyDraft>(original);
  const [attempted, setAttempted] = useState(false);
  const set = <K extends keyof VacancyDraft>(key: K, value: VacancyDraft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));

  const organisation = options.organisations.find((o) => o.id === draft.organisationId);
  const groups = useMemo(() => occupationGroupOptions(lists, locale), [lists, locale]);
  /** The group of each occupation the search offered, to fill in "Functiegroep" from "Beroep". */
  const occupationGroups = useRef(new Map<string, string>());

  const mutation = useMutation({
    mutationFn: () =>
      vacancy
        ? updateVacancy(vacancy.id, toUpdateRequest(draft, original, vacancy.permissions.changeOwner))
        : createVacancy(toCreateRequest(draft, asRequest)),
    onSuccess: async (saved) => {
      queryClient.setQueryData(vacancyKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: ["vacancies", "list"] });
      void queryClient.invalidateQueries({ queryKey: vacancyKeys.history(saved.id) });
      const notice = vacancy
        ? t("vacancies.form.savedChanges")
        : asRequest
          ? t("vacancies.form.requested")
          : t("vacancies.form.created");
      void navigate({
        to: "/vacaturebeheer/$id",
        params: { id: saved.id },
        state: (old) => ({ ...old, vacancyNotice: notice }),
      });
    },
  });

  const baseline = vacancy ? original : undefined;
  // A contact person chooses the department ("Afdeling", Carerix) within their relation.
  const departmentMissing =
    organisation?.departmentRequired === true && !organisation.wholeOrganisation && draft.departmentId === "";
  const allProblems = (): Record<string, string> => ({
    ...draftProblems(draft, baseline),
    ...(departmentMissing ? { departmentId: "contactHome.department.required" } : {}),
  });
  const problems = attempted ? allProblems() : {};
  const serverFields = mutation.error instanceof ApiError ? mutation.error.fields : [];
  const error = (path: string): ReactNode => {
    const messages = serverFields.filter((f) => f.path === path).map((f) => f.message);
    if (messages.length > 0) return messages.join(" ");
    const problem = problems[path];
    return problem ? t(problem) : undefined;
  };
  const unplaced = serverFields.filter((f) => !SHOWN_PATHS.has(f.path));

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    mutation.reset();
    if (Object.keys(allProblems()).length > 0) return;
    mutation.mutate();
  }

  function chooseOrganisation(id: string) {
    const next = options.organisations.find((o) => o.id === id);
    setDraft((old) => ({ ...old, ...defaultsFor(next, userId), organisationId: id }));
  }

  const cancelHref = vacancy ? `/vacaturebeheer/${vacancy.id}` : "/vacaturebeheer";
  const clientProblemCount = Object.keys(problems).length;

  return (
    <Stack gap="lg" maw={960} mx="auto">
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Text c="dimmed">{asRequest ? t("vacancies.form.introRequest") : t("vacancies.form.intro")}</Text>
          {optionsError ? <FormError error={optionsError} /> : null}
          {!vacancy && options.organisations.length === 0 && !optionsError && (
            <Notice color="orange">{t("vacancies.form.noOrganisations")}</Notice>
          )}
          {(mutation.isError || clientProblemCount > 0) &&
            (serverFields.length > 0 || clientProblemCount > 0 ? (
              <Notice color="red" title={t("vacancies.form.checkFields")}>
                {unplaced.length > 0 && (
                  <List size="sm">
                    {unplaced.map((field) => (
                      <List.Item key={`${field.path}:${field.message}`}>
                        {FIELD_LABEL_KEYS[field.path] ? `${t(FIELD_LABEL_KEYS[field.path] ?? "")}: ` : ""}
                        {field.message}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Notice>
            ) : (
              <FormError error={mutation.error} />
            ))}

          <Section title={t("vacancies.form.sections.employer")}>
            <Stack gap="sm">
              {vacancy ? (
                <TextInput
                  label={t("vacancies.fields.organisation")}
                  value={vacancy.organisation.name}
                  readOnly
                />
              ) : (
                <NativeSelect
                  label={t("vacancies.fields.organisation")}
                  required
                  value={draft.organisationId}
                  onChange={(event) => chooseOrganisation(event.currentTarget.value)}
                  data={options.organisations.map((o) => ({ value: o.id, label: o.name }))}
                  error={error("organisationId")}
                />
              )}
              {organisation && (organisation.departmentRequired || organisation.departments.length > 0) && (
                <NativeSelect
                  label={t("vacancies.fields.department")}
                  required={organisation.departmentRequired}
                  description={organisation.departmentRequired ? t("contactHome.department.hint") : undefined}
                  value={draft.departmentId}
                  onChange={(event) => set("departmentId", event.currentTarget.value)}
                  data={[
                    !organisation.departmentRequired
                      ? { value: "", label: t("vacancies.form.noDepartment") }
                      : organisation.wholeOrganisation
                        ? {
                            value: "",
                            label: t("contactHome.department.wholeOrganisation", { name: organisation.name }),
                          }
                        : { value: "", label: t("contactHome.department.choose"), disabled: true },
                    ...organisation.departments.map((d) => ({ value: d.id, label: d.name })),
                    // The vacancy's own department stays choosable, also outside today's list.
                    ...(vacancy?.department &&
                    !organisation.departments.some((d) => d.id === vacancy.department?.id)
                      ? [{ value: vacancy.department.id, label: vacancy.department.name }]
                      : []),
                  ]}
                  error={error("departmentId")}
                />
              )}
              {organisation && (organisation.sites.length > 0 || vacancy?.site) && (
                <NativeSelect
                  label={t("sites.vacancyField")}
                  description={t("sites.vacancyFieldHint")}
                  value={draft.siteId}
                  onChange={(event) => set("siteId", event.currentTarget.value)}
                  data={[
                    { value: "", label: t("sites.noSite") },
                    ...organisation.sites.map((s) => ({ value: s.id, label: `${s.name} (${s.city})` })),
                    // The vacancy's own site stays choosable, also once it was deactivated.
                    ...(vacancy?.site && !organisation.sites.some((s) => s.id === vacancy.site?.id)
                      ? [{ value: vacancy.site.id, label: `${vacancy.site.name} (${vacancy.site.city})` }]
                      : []),
                  ]}
                  error={error("siteId")}
                />
              )}
              <NativeSelect
                label={t("vacancies.fields.contact")}
                description={t("vacancies.form.contactHint")}
                value={draft.contactUserId}
                onChange={(event) => set("contactUserId", event.currentTarget.value)}
                data={[
                  { value: "", label: t("vacancies.form.nobody") },
                  ...peopleOptions(organisation?.contacts ?? [], vacancy?.contact),
                ]}
                error={error("contactUserId")}
              />
              {(options.accountManagers.length > 0 || vacancy?.accountManager) && (
                <NativeSelect
                  label={t("vacancies.fields.accountManager")}
                  value={draft.accountManagerUserId}
                  onChange={(event) => set("accountManagerUserId", event.currentTarget.value)}
                  data={[
                    { value: "", label: t("vacancies.form.nobody") },
                    ...peopleOptions(options.accountManagers, vacancy?.accountManager),
                  ]}
                  error={error("accountManagerUserId")}
                />
              )}
              <Radio.Group
                label={t("vacancies.fields.contactVia")}
                description={t("vacancies.form.contactViaHint")}
                value={draft.contactVia}
                onChange={(value) => {
                  const next = CONTACT_VIA.find((v) => v === value);
                  if (next) set("contactVia", next);
                }}
                error={error("contactVia")}
              >
                <Group gap="lg" mt={4}>
                  {CONTACT_VIA.map((value) => (
                    <Radio key={value} value={value} label={t(`vacancies.contactVia.${value}`)} />
                  ))}
                </Group>
              </Radio.Group>
            </Stack>
          </Section>

          <Section title={t("vacancies.form.sections.function")}>
            <Stack gap="sm">
              <TextInput
                label={t("vacancies.fields.displayTitle")}
                description={t("vacancies.form.displayTitleHint")}
                required
                maxLength={160}
                value={draft.displayTitle}
                onChange={(event) => set("displayTitle", event.currentTarget.value)}
                error={error("displayTitle")}
              />
              <TextInput
                label={t("vacancies.fields.functionTitle")}
                required
                maxLength={160}
                value={draft.functionTitle}
                onChange={(event) => set("functionTitle", event.currentTarget.value)}
                error={error("functionTitle")}
              />
              <Textarea
                label={t("vacancies.fields.description")}
                description={t("vacancies.form.descriptionHint")}
                autosize
                minRows={6}
                maxRows={20}
                maxLength={20_000}
                value={draft.description}
                onChange={(event) => set("description", event.currentTarget.value)}
                error={error("description")}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NativeSelect
                  label={t("vacancies.fields.functionGroup")}
                  description={t("vacancies.form.functionGroupHint")}
                  value={draft.functionGroup}
                  onChange={(event) => set("functionGroup", event.currentTarget.value)}
                  data={[{ value: "", label: t("vacancies.form.choose") }, ...groups]}
                  error={error("functionGroup")}
                />
                <RemoteSelect
                  label={t("vacancies.fields.occupation")}
                  description={t("vacancies.form.occupationHint")}
                  value={draft.occupation}
                  cacheKey="occupations"
                  load={async (q, signal) =>
                    (await searchOccupations(q, signal)).map(({ occupation }) => {
                      occupationGroups.current.set(occupation.id, occupation.group);
                      return { value: occupation.id, label: occupation.label[locale] };
                    })
                  }
                  onChange={(option) =>
                    setDraft((old) => ({
                      ...old,
                      occupation: option,
                      // The occupation tells its group; a group chosen by hand stays.
                      functionGroup:
                        old.functionGroup || !option
                          ? old.functionGroup
                          : (occupationGroups.current.get(option.value) ?? ""),
                    }))
                  }
                  error={error("occupationId")}
                />
                <NativeSelect
                  label={t("vacancies.fields.educationLevel")}
                  value={draft.educationLevel}
                  onChange={(event) => set("educationLevel", event.currentTarget.value)}
                  data={[
                    { value: "", label: t("vacancies.form.choose") },
                    ...(lists?.educationLevels ?? [])
                      .slice()
                      .sort((a, b) => a.order - b.order)
                      .map((level) => ({ value: level.id, label: level.label[locale] })),
                  ]}
                  error={error("educationLevel")}
                />
                <NativeSelect
                  label={t("vacancies.fields.kind")}
                  value={draft.kind}
                  onChange={(event) => {
                    const next = VACANCY_KINDS.find((k) => k === event.currentTarget.value);
                    if (next) set("kind", next);
                  }}
                  data={VACANCY_KINDS.map((value) => ({ value, label: t(`vacancies.kind.${value}`) }))}
                  error={error("kind")}
                />
              </SimpleGrid>
            </Stack>
          </Section>

          <Section title={t("vacancies.form.sections.terms")}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Fieldset
                  legend={t("vacancies.fields.salaryScale")}
                  variant="unstyled"
                  styles={LEGEND_STYLES}
                >
                  <Group grow align="flex-start">
                    <NumberField
                      label={t("vacancies.form.min")}
                      value={draft.salaryScaleMin}
                      onChange={(v) => set("salaryScaleMin", v)}
                      min={1}
                      max={30}
                      error={error("salaryScaleMin")}
                    />
                    <NumberField
                      label={t("vacancies.form.max")}
                      value={draft.salaryScaleMax}
                      onChange={(v) => set("salaryScaleMax", v)}
                      min={1}
                      max={30}
                      error={error("salaryScaleMax")}
                    />
                  </Group>
                </Fieldset>
                <Fieldset legend={t("vacancies.fields.salary")} variant="unstyled" styles={LEGEND_STYLES}>
                  <Group grow align="flex-start">
                    <NumberField
                      label={t("vacancies.form.min")}
                      value={draft.salaryMin}
                      onChange={(v) => set("salaryMin", v)}
                      min={0}
                      max={100_000}
                      prefix="€ "
                      error={error("salaryMin")}
                    />
                    <NumberField
                      label={t("vacancies.form.max")}
                      value={draft.salaryMax}
                      onChange={(v) => set("salaryMax", v)}
                      min={0}
                      max={100_000}
                      prefix="€ "
                      error={error("salaryMax")}
                    />
                  </Group>
                </Fieldset>
                <Fieldset legend={t("vacancies.fields.hours")} variant="unstyled" styles={LEGEND_STYLES}>
                  <Group grow align="flex-start">
                    <NumberField
                      label={t("vacancies.form.min")}
                      value={draft.hoursMin}
                      onChange={(v) => set("hoursMin", v)}
                      min={1}
                      max={60}
                      error={error("hoursMin")}
                    />
                    <NumberField
                      label={t("vacancies.form.max")}
                      value={draft.hoursMax}
                      onChange={(v) => set("hoursMax", v)}
                      min={1}
                      max={60}
                      error={error("hoursMax")}
                    />
                  </Group>
                </Fieldset>
                <NumberField
                  label={t("vacancies.fields.positions")}
                  value={draft.positions}
                  onChange={(v) => set("positions", v)}
                  min={1}
                  max={999}
                  required
                  error={error("positions")}
                />
              </SimpleGrid>
              <Group align="flex-start" gap="xl">
                <Radio.Group
                  label={t("vacancies.fields.duration")}
                  value={draft.durationKind}
                  onChange={(value) => set("durationKind", value === "temporary" ? "temporary" : "permanent")}
                  error={error("durationKind")}
                >
                  <Group gap="lg" mt={4}>
                    <Radio value="permanent" label={t("vacancies.duration.permanent")} />
                    <Radio value="temporary" label={t("vacancies.duration.temporary")} />
                  </Group>
                </Radio.Group>
                {draft.durationKind === "temporary" && (
                  <DateField
                    label={t("vacancies.fields.durationEndsOn")}
                    value={draft.durationEndsOn}
                    onChange={(day) => set("durationEndsOn", day)}
                    error={error("durationEndsOn")}
                  />
                )}
              </Group>
            </Stack>
          </Section>

          <Section title={t("vacancies.fields.workAddress")}>
            <Stack gap="sm">
              <Text c="dimmed">
                {organisation?.headOffice.street || organisation?.headOffice.city
                  ? t("vacancies.form.headOffice", {
                      address: [organisation.headOffice.street, organisation.headOffice.city]
                        .filter(Boolean)
                        .join(", "),
                    })
                  : t("vacancies.form.headOfficeUnknown")}
              </Text>
              <Switch
                label={t("vacancies.form.otherAddress")}
                description={t("vacancies.form.otherAddressHint")}
                checked={draft.otherAddress}
                onChange={(event) => set("otherAddress", event.currentTarget.checked)}
              />
              {draft.otherAddress && (
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t("vacancies.fields.street")}
                    autoComplete="off"
                    value={draft.street}
                    onChange={(event) => set("street", event.currentTarget.value)}
                    error={error("workAddress.street")}
                  />
                  <TextInput
                    label={t("vacancies.fields.houseNumber")}
                    autoComplete="off"
                    value={draft.houseNumber}
                    onChange={(event) => set("houseNumber", event.currentTarget.value)}
                    error={error("workAddress.houseNumber")}
                  />
                  <TextInput
                    label={t("vacancies.fields.postcode")}
                    autoComplete="off"
                    value={draft.postcode}
                    onChange={(event) => set("postcode", event.currentTarget.value)}
                    error={error("workAddress.postcode")}
                  />
                  <RemoteSelect
                    label={t("vacancies.fields.place")}
                    required
                    value={draft.place}
                    cacheKey="places"
                    load={loadPlaceOptions}
                    onChange={(option) => set("place", option)}
                    error={error("workAddress.placeId") ?? error("workAddress")}
                  />
                </SimpleGrid>
              )}
            </Stack>
          </Section>

          <Section title={t("vacancies.form.sections.service")}>
            <Stack gap="sm">
              <NativeSelect
                label={t("vacancies.fields.serviceModel")}
                description={t("vacancies.form.serviceModelHint")}
                value={draft.serviceModel}
                onChange={(event) => {
                  const next = SERVICE_MODELS.find((m) => m === event.currentTarget.value);
                  if (next) set("serviceModel", next);
                }}
                data={SERVICE_MODELS.map((value) => ({ value, label: t(`vacancies.serviceModel.${value}`) }))}
                error={error("serviceModel")}
              />
              {vacancy?.permissions.changeOwner && (
                <NativeSelect
                  label={t("vacancies.fields.owner")}
                  description={t("vacancies.form.ownerHint")}
                  value={draft.ownerUserId}
                  onChange={(event) => set("ownerUserId", event.currentTarget.value)}
                  data={peopleOptions(options.owners, vacancy.owner)}
                  error={error("ownerUserId")}
                />
              )}
            </Stack>
          </Section>

          <Section title={t("vacancies.fields.publication")}>
            <Stack gap="sm">
              <Text c="dimmed">{t("vacancies.form.publicationHint")}</Text>
              <Fieldset legend={t("vacancies.form.visibleFrom")} variant="unstyled" styles={LEGEND_STYLES}>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  {(["organisation", "portal", "all_portals", "public"] as const).map((audience) => {
                    const key = (
                      {
                        organisation: "organisationFrom",
                        portal: "portalFrom",
                        all_portals: "allPortalsFrom",
                        public: "publicFrom",
                      } as const
                    )[audience];
                    return (
                      <DateField
                        key={audience}
                        label={t(`vacancies.audienceFrom.${audience}`)}
                        description={t(`vacancies.form.audienceHint.${audience}`)}
                        value={draft[key]}
                        onChange={(day) => set(key, day)}
                        error={error(`publication.${key}`)}
                      />
                    );
                  })}
                </SimpleGrid>
              </Fieldset>
              <DateField
                label={t("vacancies.fields.closesOn")}
                description={t("vacancies.form.closesOnHint")}
                value={draft.closesOn}
                onChange={(day) => set("closesOn", day)}
                error={error("publication.closesOn")}
                maw={{ base: "100%", sm: "calc(50% - var(--mantine-spacing-md) / 2)" }}
              />
            </Stack>
          </Section>

          {asRequest && (
            <Section title={t("vacancies.form.sections.request")}>
              <Textarea
                label={t("vacancies.fields.requestComment")}
                description={t("vacancies.form.requestCommentHint")}
                autosize
                minRows={3}
                maxLength={2000}
                value={draft.requestComment}
                onChange={(event) => set("requestComment", event.currentTarget.value)}
                error={error("requestComment")}
              />
            </Section>
          )}

          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {asRequest ? t("vacancies.form.submitRequest") : t("vacancies.form.save")}
            </Button>
            <Button component={AppLink} href={cancelHref} variant="subtle">
              {t("identity.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>

      {vacancy ? (
        <VacancyFiles vacancy={vacancy} />
      ) : (
        <Text c="dimmed" size="sm">
          {t("vacancies.form.filesAfterSave")}
        </Text>
      )}
    </Stack>
  );
}
