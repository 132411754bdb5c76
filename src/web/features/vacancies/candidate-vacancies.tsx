import {
  Anchor,
  Button,
  Card,
  Fieldset,
  Group,
  Image,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CandidateVacancyItem, VACANCY_KINDS } from "../../../contracts/vacancies";
import { AppLink } from "../../ui/app-link";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDay, formatHours } from "./format";
import { type CandidateSearch, cleanCandidateSearch, DISTANCES } from "./search-params";
import { LEGEND_STYLES, PageLoader, Pager, PlainBadge } from "./ui";
import classes from "./vacancies.module.css";
import { candidateVacanciesQuery, referenceListsQuery, VACANCY_PAGE_SIZE } from "./vacancies-api";

export interface CandidateVacanciesProps {
  search: CandidateSearch;
  onSearch: (next: CandidateSearch) => void;
}

const toNumber = (value: string): number | undefined => {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
};

function VacancyCard({ vacancy }: { vacancy: CandidateVacancyItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const hours = formatHours(vacancy.hoursMin, vacancy.hoursMax, t);
  return (
    <Card component="li" withBorder padding="md" radius="md" className={classes.card}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        {vacancy.imageUrl && <Image src={vacancy.imageUrl} alt="" w={72} h={72} fit="contain" radius="sm" />}
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Title order={2} size="h4">
              <Anchor
                component={AppLink}
                href={`/kansen/${vacancy.id}`}
                className="werkbrug-card-link"
                fw={700}
              >
                {vacancy.displayTitle}
              </Anchor>
            </Title>
            {vacancy.applied && <PlainBadge color="teal.9">{t("kansen.applied")}</PlainBadge>}
          </Group>
          <Text c="dimmed">{[vacancy.organisationName, vacancy.city].filter(Boolean).join(" · ")}</Text>
          <Group gap="md" c="bright">
            {vacancy.distanceKm !== null && (
              <Text size="sm">{t("kansen.distance", { km: Math.round(vacancy.distanceKm) })}</Text>
            )}
            {hours && <Text size="sm">{hours}</Text>}
            <Text size="sm">{t(`vacancies.kind.${vacancy.kind}`)}</Text>
            {vacancy.closesOn && (
              <Text size="sm">{t("kansen.closesOn", { date: formatDay(vacancy.closesOn, locale) })}</Text>
            )}
          </Group>
          {vacancy.summary && (
            <Text size="sm" lineClamp={3}>
              {vacancy.summary}
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

/** The candidate's "Kansen": what this candidate may see, searched and filtered. */
export function CandidateVacancies({ search, onSearch }: CandidateVacanciesProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const headingId = useId();
  const list = useQuery(candidateVacanciesQuery(search));
  const lists = useQuery(referenceListsQuery);
  const [q, setQ] = useState(search.q ?? "");
  const [hoursMin, setHoursMin] = useState(search.hoursMin === undefined ? "" : String(search.hoursMin));
  const [hoursMax, setHoursMax] = useState(search.hoursMax === undefined ? "" : String(search.hoursMax));
  useEffect(() => setQ(search.q ?? ""), [search.q]);
  useEffect(
    () => setHoursMin(search.hoursMin === undefined ? "" : String(search.hoursMin)),
    [search.hoursMin],
  );
  useEffect(
    () => setHoursMax(search.hoursMax === undefined ? "" : String(search.hoursMax)),
    [search.hoursMax],
  );

  const set = (patch: Partial<CandidateSearch>) =>
    onSearch(cleanCandidateSearch({ ...search, ...patch, page: undefined }));
  const groups = useMemo(
    () =>
      (lists.data?.occupationGroups ?? [])
        .map((g) => ({ value: g.id, label: g.label[locale] }))
        .sort((a, b) => a.label.localeCompare(b.label, locale)),
    [lists.data, locale],
  );
  const origin = list.data?.origin;
  const filtered = Object.keys(cleanCandidateSearch({ ...search, page: undefined })).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    set({ q: q.trim() || undefined, hoursMin: toNumber(hoursMin), hoursMax: toNumber(hoursMax) });
  }

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={headingId}>
        <Title order={2} size="h3" id={headingId} mb="sm">
          {t("kansen.searchTitle")}
        </Title>
        <search aria-label={t("kansen.searchRegion")}>
          <form onSubmit={submit}>
            <Stack gap="sm">
              <TextInput
                type="search"
                label={t("kansen.q")}
                value={q}
                onChange={(event) => setQ(event.currentTarget.value)}
                leftSection={<IconSearch aria-hidden="true" size={18} />}
              />
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
                <NativeSelect
                  label={t("vacancies.fields.functionGroup")}
                  value={search.functionGroup ?? ""}
                  onChange={(event) => set({ functionGroup: event.currentTarget.value || undefined })}
                  data={[{ value: "", label: t("kansen.all") }, ...groups]}
                />
                <NativeSelect
                  label={t("vacancies.fields.educationLevel")}
                  value={search.educationLevel ?? ""}
                  onChange={(event) => set({ educationLevel: event.currentTarget.value || undefined })}
                  data={[
                    { value: "", label: t("kansen.all") },
                    ...(lists.data?.educationLevels ?? [])
                      .slice()
                      .sort((a, b) => a.order - b.order)
                      .map((level) => ({ value: level.id, label: level.label[locale] })),
                  ]}
                />
                <NativeSelect
                  label={t("vacancies.fields.kind")}
                  value={search.kind ?? ""}
                  onChange={(event) =>
                    set({ kind: VACANCY_KINDS.find((k) => k === event.currentTarget.value) })
                  }
                  data={[
                    { value: "", label: t("kansen.all") },
                    ...VACANCY_KINDS.map((value) => ({ value, label: t(`vacancies.kind.${value}`) })),
                  ]}
                />
                <Fieldset legend={t("vacancies.fields.hours")} variant="unstyled" styles={LEGEND_STYLES}>
                  <Group grow align="flex-start">
                    <NumberInput
                      label={t("vacancies.form.min")}
                      value={hoursMin}
                      onChange={(value) => setHoursMin(String(value))}
                      onBlur={() => {
                        if (toNumber(hoursMin) !== search.hoursMin) set({ hoursMin: toNumber(hoursMin) });
                      }}
                      min={0}
                      max={60}
                      allowDecimal={false}
                      allowNegative={false}
                      hideControls
                    />
                    <NumberInput
                      label={t("vacancies.form.max")}
                      value={hoursMax}
                      onChange={(value) => setHoursMax(String(value))}
                      onBlur={() => {
                        if (toNumber(hoursMax) !== search.hoursMax) set({ hoursMax: toNumber(hoursMax) });
                      }}
                      min={0}
                      max={60}
                      allowDecimal={false}
                      allowNegative={false}
                      hideControls
                    />
                  </Group>
                </Fieldset>
                <NativeSelect
                  label={t("kansen.distanceLabel")}
                  description={origin ? t("kansen.distanceFrom", { place: origin.name }) : undefined}
                  value={search.distanceKm === undefined ? "" : String(search.distanceKm)}
                  disabled={list.isSuccess && !origin}
                  onChange={(event) => set({ distanceKm: toNumber(event.currentTarget.value) })}
                  data={[
                    { value: "", label: t("kansen.anyDistance") },
                    ...DISTANCES.map((km) => ({ value: String(km), label: t("kansen.withinKm", { km }) })),
                  ]}
                />
              </SimpleGrid>
              {list.isSuccess && !origin && (
                <Text size="sm" c="dimmed">
                  {t("kansen.noOrigin")}{" "}
                  <Anchor component={AppLink} href="/instellingen?tab=persoonsgegevens">
                    {t("kansen.noOriginLink")}
                  </Anchor>
                </Text>
              )}
              <Group gap="sm">
                <Button type="submit" leftSection={<IconSearch aria-hidden="true" size={16} />}>
                  {t("kansen.search")}
                </Button>
                {filtered && (
                  <Button variant="subtle" onClick={() => onSearch({})}>
                    {t("vacancies.filters.clearAll")}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        </search>
      </Card>

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Notice color="red">{errorText(list.error)}</Notice>
      ) : (
        <Stack gap="sm">
          <Text c="dimmed" role="status">
            {t("kansen.count", { count: list.data.total })}
          </Text>
          {list.data.vacancies.length === 0 ? (
            <Text>{filtered ? t("kansen.noneFiltered") : t("kansen.none")}</Text>
          ) : (
            <Stack gap="sm" component="ul" className="werkbrug-plain-list" aria-label={t("kansen.results")}>
              {list.data.vacancies.map((vacancy) => (
                <VacancyCard key={vacancy.id} vacancy={vacancy} />
              ))}
            </Stack>
          )}
          <Pager
            page={search.page ?? 1}
            total={list.data.total}
            pageSize={list.data.pageSize || VACANCY_PAGE_SIZE}
            onChange={(page) => onSearch(cleanCandidateSearch({ ...search, page }))}
            label={t("vacancies.pager.label")}
          />
        </Stack>
      )}
    </Stack>
  );
}
