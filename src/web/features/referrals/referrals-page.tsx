import {
  Button,
  Card,
  Drawer,
  Group,
  NativeSelect,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconFilter } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  REFERRAL_SORTS,
  REFERRAL_STATUSES,
  type ReferralListResponse,
  type ReferralSummary,
} from "../../../contracts/referrals";
import { AppLink } from "../../ui/app-link";
import { OverviewSearch } from "../../ui/overview-search";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDate } from "../vacancies/format";
import { PageLoader, Pager } from "../vacancies/ui";
import { ContactButton } from "./contact-details";
import { referralListQuery, useReadReferralNotices } from "./referrals-api";
import {
  activeFilterCount,
  DEFAULT_SORT,
  REFERRAL_PAGE_SIZE,
  type ReferralSearch,
  withReferralFilter,
} from "./search-params";
import { ColourBadge, ReferralsNav, RequireReferralStaff, useLabel } from "./ui";

export interface ReferralsPageProps {
  search: ReferralSearch;
  onSearch: (next: ReferralSearch) => void;
}

type Facets = ReferralListResponse["facets"];

/** The milestone reached and its outcome's colour, in words as well as colour. */
function Milestone({ referral }: { referral: ReferralSummary }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm">{referral.phase ? label(referral.phase.label) : t("referrals.list.noMilestone")}</Text>
      <ColourBadge colour={referral.status} size="sm" />
    </Stack>
  );
}

function NameCell({ referral }: { referral: ReferralSummary }) {
  return (
    <Group gap={4} wrap="nowrap">
      <AppLink href={`/verwijzingen/${referral.id}`}>{referral.candidateName}</AppLink>
      <ContactButton referralId={referral.id} name={referral.candidateName} />
    </Group>
  );
}

function ReferralRow({ referral }: { referral: ReferralSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        <NameCell referral={referral} />
      </Table.Th>
      <Table.Td>{referral.referrer?.name ?? t("referrals.list.viaLink")}</Table.Td>
      <Table.Td>{referral.vacancy.title}</Table.Td>
      <Table.Td>{referral.site?.name ?? referral.vacancy.city ?? "–"}</Table.Td>
      <Table.Td>
        <Milestone referral={referral} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {referral.eoiAt ? formatDate(referral.eoiAt, locale) : t("referrals.list.noEoi")}
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(referral.updatedAt, locale)}</Table.Td>
    </Table.Tr>
  );
}

/** On a phone: one card per candidate with the same facts as the table's row. */
function ReferralCard({ referral }: { referral: ReferralSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const facts: [string, string][] = [
    [t("referrals.columns.referrer"), referral.referrer?.name ?? t("referrals.list.viaLink")],
    [t("referrals.columns.vacancy"), referral.vacancy.title],
    [t("referrals.columns.site"), referral.site?.name ?? referral.vacancy.city ?? "–"],
    [
      t("referrals.columns.eoi"),
      referral.eoiAt ? formatDate(referral.eoiAt, locale) : t("referrals.list.noEoi"),
    ],
    [t("referrals.columns.updated"), formatDate(referral.updatedAt, locale)],
  ];
  return (
    <Card component="li" withBorder padding="sm" radius="md">
      <Stack gap="xs">
        <NameCell referral={referral} />
        <Milestone referral={referral} />
        <Stack component="dl" gap={2} m={0}>
          {facts.map(([label, value]) => (
            <Group key={label} gap={4} fz="sm" wrap="wrap">
              <Text component="dt" size="sm" fw={700}>
                {label}:
              </Text>
              <Text component="dd" size="sm" m={0}>
                {value}
              </Text>
            </Group>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}

function FilterPanel({
  search,
  onSearch,
  facets,
  opened,
  onClose,
}: ReferralsPageProps & { facets: Facets; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const set = (patch: Partial<ReferralSearch>) => onSearch(withReferralFilter(search, patch));
  const count = activeFilterCount(search);
  return (
    <Drawer.Root opened={opened} onClose={onClose} position="right" size="sm">
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header {...({ component: "div" } as object)}>
          <Drawer.Title fw={700} fz="lg">
            {t("referrals.filters.title")}
          </Drawer.Title>
          <Drawer.CloseButton aria-label={t("referrals.close")} />
        </Drawer.Header>
        <Drawer.Body>
          <Stack gap="lg">
            <Radio.Group
              label={t("referrals.filters.sort")}
              value={search.sort ?? DEFAULT_SORT}
              onChange={(value) => set({ sort: REFERRAL_SORTS.find((s) => s === value) })}
            >
              <Stack gap="xs" mt="xs">
                {REFERRAL_SORTS.map((sort) => (
                  <Radio key={sort} value={sort} label={t(`referrals.filters.sorts.${sort}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <NativeSelect
              label={t("referrals.filters.phase")}
              value={search.phase ?? ""}
              onChange={(event) => set({ phase: event.currentTarget.value || undefined })}
              data={[
                { value: "", label: t("referrals.filters.allPhases") },
                ...facets.phases.map((p) => ({ value: p.key, label: label(p.label) })),
              ]}
            />
            <NativeSelect
              label={t("referrals.filters.status")}
              value={search.status ?? ""}
              onChange={(event) =>
                set({ status: REFERRAL_STATUSES.find((s) => s === event.currentTarget.value) })
              }
              data={[
                { value: "", label: t("referrals.filters.allStatuses") },
                ...REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`referrals.status.${s}`) })),
              ]}
            />
            <NativeSelect
              label={t("referrals.filters.city")}
              value={search.city ?? ""}
              onChange={(event) => set({ city: event.currentTarget.value || undefined })}
              data={[
                { value: "", label: t("referrals.filters.allCities") },
                ...facets.cities.map((c) => ({ value: c, label: c })),
              ]}
            />
            <NativeSelect
              label={t("referrals.filters.vacancy")}
              value={search.vacancyId ?? ""}
              onChange={(event) => set({ vacancyId: event.currentTarget.value || undefined })}
              data={[
                { value: "", label: t("referrals.filters.allVacancies") },
                ...facets.vacancies.map((v) => ({ value: v.id, label: v.title })),
              ]}
            />
            <Group gap="sm">
              <Button
                variant="outline"
                disabled={count === 0}
                onClick={() =>
                  set({
                    sort: undefined,
                    phase: undefined,
                    status: undefined,
                    city: undefined,
                    vacancyId: undefined,
                  })
                }
              >
                {t("referrals.filters.clear")}
              </Button>
              <Button onClick={onClose}>{t("referrals.filters.done")}</Button>
            </Group>
          </Stack>
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

function ReferralList({ search, onSearch }: ReferralsPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useQuery(referralListQuery(search));
  const phone = useMediaQuery("(max-width: 48em)");
  const [filtering, setFiltering] = useState(false);
  const archived = search.archief === "ja";
  const set = (patch: Partial<ReferralSearch>) => onSearch(withReferralFilter(search, patch));
  const facets: Facets = list.data?.facets ?? { sites: [], vacancies: [], phases: [], cities: [] };
  const count = activeFilterCount(search);
  const filtered = count > 0 || search.q !== undefined || search.siteId !== undefined;
  // Seeing the live candidates reads the notices of new ones (the homes' counts go down).
  useReadReferralNotices("new", !archived && list.isSuccess);

  return (
    <Stack gap="md">
      <ReferralsNav current="candidates" />
      <SegmentedControl
        aria-label={t("referrals.list.section")}
        value={archived ? "archived" : "live"}
        onChange={(value) => set({ archief: value === "archived" ? "ja" : undefined })}
        data={[
          { value: "live", label: t("referrals.list.live") },
          { value: "archived", label: t("referrals.list.archived") },
        ]}
        // On a phone the two long names stand one above the other instead of running off screen.
        orientation={phone ? "vertical" : "horizontal"}
        fullWidth={phone === true}
        style={phone ? undefined : { alignSelf: "flex-start" }}
      />
      <Group align="flex-end" gap="sm">
        <OverviewSearch
          q={search.q}
          onSubmit={(q) => set({ q })}
          labels={{
            region: t("referrals.filters.searchRegion"),
            label: t("referrals.filters.search"),
            placeholder: t("referrals.filters.searchPlaceholder"),
            submit: t("referrals.filters.searchSubmit"),
          }}
          width={320}
        />
        {facets.sites.length > 0 && (
          <NativeSelect
            label={t("referrals.filters.site")}
            value={search.siteId ?? ""}
            onChange={(event) => set({ siteId: event.currentTarget.value || undefined })}
            data={[
              { value: "", label: t("referrals.filters.allSites") },
              ...facets.sites.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        )}
        <Button
          variant="outline"
          leftSection={<IconFilter aria-hidden="true" size={18} />}
          onClick={() => setFiltering(true)}
        >
          {count > 0 ? t("referrals.filters.buttonActive", { count }) : t("referrals.filters.button")}
        </Button>
      </Group>

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Notice color="red">{errorText(list.error)}</Notice>
      ) : (
        <>
          <Text c="dimmed" role="status">
            {t(archived ? "referrals.list.countArchived" : "referrals.list.count", {
              count: list.data.total,
            })}
          </Text>
          {list.data.items.length === 0 ? (
            <Text>
              {filtered
                ? t("referrals.list.noneFiltered")
                : archived
                  ? t("referrals.list.noneArchived")
                  : t("referrals.list.none")}
            </Text>
          ) : phone ? (
            <Stack
              component="ul"
              gap="sm"
              p={0}
              m={0}
              style={{ listStyle: "none" }}
              aria-label={t(archived ? "referrals.list.archived" : "referrals.list.live")}
            >
              {list.data.items.map((r) => (
                <ReferralCard key={r.id} referral={r} />
              ))}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table verticalSpacing="sm" fz="sm" striped aria-busy={list.isFetching}>
                <Table.Caption c="dimmed">
                  {t(archived ? "referrals.list.archived" : "referrals.list.live")}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("referrals.columns.name")}</Table.Th>
                    <Table.Th scope="col">{t("referrals.columns.referrer")}</Table.Th>
                    <Table.Th scope="col">{t("referrals.columns.vacancy")}</Table.Th>
                    <Table.Th scope="col">{t("referrals.columns.site")}</Table.Th>
                    <Table.Th scope="col">{t("referrals.columns.milestone")}</Table.Th>
                    <Table.Th scope="col">{t("referrals.columns.eoi")}</Table.Th>
                    <Table.Th scope="col">{t("referrals.columns.updated")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((r) => (
                    <ReferralRow key={r.id} referral={r} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pager
            page={search.page ?? 1}
            total={list.data.total}
            pageSize={list.data.pageSize || REFERRAL_PAGE_SIZE}
            onChange={(page) => onSearch({ ...search, page: page === 1 ? undefined : page })}
            label={t("referrals.list.pager")}
          />
        </>
      )}
      <FilterPanel
        search={search}
        onSearch={onSearch}
        facets={facets}
        opened={filtering}
        onClose={() => setFiltering(false)}
      />
    </Stack>
  );
}

/** "Kandidaten": the organisation's referred candidates, live or archived, with their milestone. */
export function ReferralsPage(props: ReferralsPageProps) {
  return (
    <RequireReferralStaff path="/verwijzingen">
      <ReferralList {...props} />
    </RequireReferralStaff>
  );
}
