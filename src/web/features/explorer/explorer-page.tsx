import { Anchor, Box, Button, Group, Loader, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { PAGE_SIZE } from "../../../contracts/explorer";
import { ApiError } from "../../api";
import { AppLink } from "../../ui/app-link";
import { staffCandidateQuery } from "../candidates/candidates-api";
import { StaffProfileContent } from "../candidates/staff-profile";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PageLoader, Pager, Section } from "../vacancies/ui";
import classes from "./explorer.module.css";
import { explorerSearchQuery, fromVacancyQuery, vacancyMatchesQuery } from "./explorer-api";
import { Filters } from "./filters";
import { ResultList } from "./results";
import { SearchBar, type SearchBarValue } from "./search-bar";
import {
  chipFromSuggestion,
  cleanExplorerUrl,
  clearFilters,
  type ExplorerUrl,
  toggleFilter,
  toSearchRequest,
} from "./search-params";

export interface ExplorerPageProps {
  search: ExplorerUrl;
  onSearch: (next: ExplorerUrl, options?: { replace?: boolean; resetScroll?: boolean }) => void;
}

/** "Passende vacatures": for account managers, the vacancies that fit this candidate best. */
function VacancyMatches({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const matches = useQuery(vacancyMatchesQuery(candidateId, locale));
  // Other roles are refused this list; then there is simply no such section.
  if (!matches.data || matches.data.length === 0) return null;
  return (
    <Section title={t("explorer.matches.title")}>
      <Stack gap="sm" component="ul" className="werkbrug-plain-list">
        {matches.data.map((v) => (
          <Stack gap={0} component="li" key={v.id}>
            <Anchor component={AppLink} href={`/vacaturebeheer/${v.id}`} fw={700}>
              {v.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {[
                v.organisationName,
                v.city,
                v.distanceKm === null
                  ? null
                  : t("explorer.matches.distance", { km: Math.round(v.distanceKm) }),
              ]
                .filter(Boolean)
                .join(" · ")}
            </Text>
            {v.reason && (
              <Text size="xs" c="dimmed" fs="italic">
                {v.reason}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

/** The profile on the right (or instead of the list on a narrow screen). */
function ProfilePane({ id }: { id: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery(staffCandidateQuery(id));
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    const gone = query.error instanceof ApiError && query.error.status === 404;
    return <Notice color="orange">{gone ? t("explorer.profile.gone") : errorText(query.error)}</Notice>;
  }
  return (
    <StaffProfileContent candidate={query.data}>
      <VacancyMatches candidateId={id} />
    </StaffProfileContent>
  );
}

/** "Zoek kandidaten" on a vacancy: its occupation, place and requirements become the search. */
function FromVacancy({
  vacancyId,
  onSearch,
}: {
  vacancyId: string;
  onSearch: ExplorerPageProps["onSearch"];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const query = useQuery(fromVacancyQuery(vacancyId, locale));
  const data = query.data;
  const done = useRef(false);
  useEffect(() => {
    if (!data || done.current) return;
    done.current = true;
    onSearch(
      cleanExplorerUrl({
        chips: data.chips.map(chipFromSuggestion),
        place: data.placeId ?? undefined,
        placeName: data.placeName ?? undefined,
        radius: data.radiusKm ?? undefined,
        filters: data.filters,
      }),
      { replace: true },
    );
  }, [data, onSearch]);
  if (query.isError) {
    return (
      <Stack gap="sm">
        <Notice color="red">{errorText(query.error)}</Notice>
        <Anchor component={AppLink} href="/kandidaten">
          {t("explorer.fromVacancy.plain")}
        </Anchor>
      </Stack>
    );
  }
  return <PageLoader />;
}

/**
 * HalloWerk's "Kandidaten verkenner": the search bar, the filters under it, the results best
 * match first on the left and the chosen candidate's profile on the right. The whole search is
 * in the address bar; this component only reads it and asks for a new one.
 */
export function CandidateExplorer({ search, onSearch }: ExplorerPageProps) {
  if (search.vacancy) return <FromVacancy vacancyId={search.vacancy} onSearch={onSearch} />;
  return <Explorer search={search} onSearch={onSearch} />;
}

function Explorer({ search, onSearch }: ExplorerPageProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const resultsHeading = useId();
  const narrow = useMediaQuery("(max-width: 61.99em)") ?? false;
  const backRef = useRef<HTMLButtonElement>(null);
  const results = useQuery(explorerSearchQuery(toSearchRequest(search), locale));
  const data = results.data;
  const selected = search.candidate;

  // On a narrow screen the profile replaces the list: its back button takes the focus.
  useEffect(() => {
    if (narrow && selected) backRef.current?.focus();
  }, [narrow, selected]);

  const barValue: SearchBarValue = {
    q: search.q ?? "",
    chips: search.chips ?? [],
    place: search.place ? { value: search.place, label: search.placeName ?? search.place } : null,
    radius: search.radius,
  };
  const searchWith = (next: SearchBarValue) =>
    onSearch(
      cleanExplorerUrl({
        ...search,
        q: next.q,
        chips: next.chips,
        place: next.place?.value,
        placeName: next.place?.label,
        radius: next.radius,
        page: undefined,
      }),
    );

  const list = (
    <Box component="section" aria-labelledby={resultsHeading} aria-busy={results.isFetching}>
      <VisuallyHidden>
        <Title order={2} id={resultsHeading}>
          {t("explorer.results.title")}
        </Title>
      </VisuallyHidden>
      <Group gap="xs" mb="xs" justify="space-between" wrap="nowrap">
        <Text fw={700} role="status">
          {data ? t("explorer.results.count", { count: data.total }) : ""}
        </Text>
        {results.isFetching && <Loader size="sm" aria-label={t("explorer.results.searching")} />}
      </Group>
      {results.isError ? (
        <Notice color="red">{errorText(results.error)}</Notice>
      ) : !data ? (
        <PageLoader />
      ) : data.hits.length === 0 ? (
        <Text>{data.message ?? t("explorer.results.none")}</Text>
      ) : (
        <Stack gap="md">
          <ResultList
            hits={data.hits}
            selected={selected}
            onSelect={(candidate) => onSearch(cleanExplorerUrl({ ...search, candidate }))}
          />
          <Pager
            page={data.page}
            total={Math.min(data.total, data.pageCount * PAGE_SIZE)}
            pageSize={PAGE_SIZE}
            onChange={(page) => onSearch(cleanExplorerUrl({ ...search, page }), { resetScroll: true })}
            label={t("explorer.results.pager")}
          />
        </Stack>
      )}
    </Box>
  );

  const profile = selected ? (
    <ProfilePane key={selected} id={selected} />
  ) : (
    <Text c="dimmed" ta="center" py="xl">
      {t("explorer.profile.choose")}
    </Text>
  );

  return (
    <Stack gap="md">
      <SearchBar value={barValue} onSearch={searchWith} />
      {data && (
        <Filters
          facets={data.facets}
          filters={search.filters}
          chips={search.chips}
          onToggle={(category, id, on) => onSearch(toggleFilter(search, category, id, on))}
          onClear={() => onSearch(clearFilters(search))}
        />
      )}
      {narrow ? (
        selected ? (
          <Stack gap="sm">
            <Group>
              <Button
                ref={backRef}
                variant="subtle"
                leftSection={<IconArrowLeft aria-hidden="true" size={18} />}
                onClick={() => onSearch(cleanExplorerUrl({ ...search, candidate: undefined }))}
              >
                {t("explorer.profile.back")}
              </Button>
            </Group>
            <section aria-label={t("explorer.profile.region")}>{profile}</section>
          </Stack>
        ) : (
          list
        )
      ) : (
        <div className={classes.layout}>
          {list}
          <section aria-label={t("explorer.profile.region")} className={classes.profilePane}>
            {profile}
          </section>
        </div>
      )}
    </Stack>
  );
}
