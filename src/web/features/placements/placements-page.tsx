import { Button, Group, NativeSelect, Stack, Table, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Placement } from "../../../contracts/placements";
import { AppLink } from "../../ui/app-link";
import { OverviewSearch } from "../../ui/overview-search";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDay } from "../vacancies/format";
import { PageLoader, Pager } from "../vacancies/ui";
import { ExportDialog } from "./export-dialog";
import { placementListQuery } from "./placements-api";
import {
  DEFAULT_STATUS,
  PLACEMENT_PAGE_SIZE,
  PLACEMENT_STATUS_FILTERS,
  type PlacementSearch,
  withPlacementFilter,
} from "./search-params";
import { RequireRecruiter, StateBadge, useNumbers } from "./ui";

export interface PlacementsPageProps {
  search: PlacementSearch;
  onSearch: (next: PlacementSearch) => void;
}

function PlacementRow({ placement, showState }: { placement: Placement; showState: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const numbers = useNumbers();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        <Group gap="xs" wrap="nowrap">
          <AppLink href={`/plaatsingen/${placement.id}`}>{placement.candidate.name}</AppLink>
          {showState && <StateBadge state={placement.state} />}
        </Group>
      </Table.Th>
      <Table.Td>{placement.vacancy.displayTitle}</Table.Td>
      <Table.Td>{placement.employer.name}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDay(placement.startDate, locale)}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {placement.endDate ? formatDay(placement.endDate, locale) : "–"}
      </Table.Td>
      <Table.Td ta="right">{placement.waiting}</Table.Td>
      <Table.Td ta="right">{numbers.hours(placement.approvedHours)}</Table.Td>
      <Table.Td>
        {placement.approvedByContacts
          ? t("placements.approvedBy.contacts")
          : t("placements.approvedBy.recruiter")}
      </Table.Td>
    </Table.Tr>
  );
}

function PlacementList({ search, onSearch }: PlacementsPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const list = useQuery(placementListQuery(search));
  const [exporting, setExporting] = useState(false);
  const status = search.status ?? DEFAULT_STATUS;
  const employers = list.data?.employers ?? [];
  const set = (patch: Partial<PlacementSearch>) => onSearch(withPlacementFilter(search, patch));
  const filtered = status !== DEFAULT_STATUS || search.employerId !== undefined || search.q !== undefined;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group align="flex-end" gap="sm">
          <OverviewSearch
            q={search.q}
            onSubmit={(q) => set({ q })}
            labels={{
              region: t("placements.filters.searchRegion"),
              label: t("placements.filters.search"),
              placeholder: t("placements.filters.searchPlaceholder"),
              submit: t("placements.filters.searchSubmit"),
            }}
            width={320}
          />
          <NativeSelect
            label={t("placements.filters.status")}
            value={status}
            onChange={(event) =>
              set({ status: PLACEMENT_STATUS_FILTERS.find((s) => s === event.currentTarget.value) })
            }
            data={PLACEMENT_STATUS_FILTERS.map((s) => ({
              value: s,
              label: t(`placements.filters.statuses.${s}`),
            }))}
          />
          <NativeSelect
            label={t("placements.filters.employer")}
            value={search.employerId ?? ""}
            onChange={(event) => set({ employerId: event.currentTarget.value || undefined })}
            data={[
              { value: "", label: t("placements.filters.allEmployers") },
              ...employers.map((e) => ({ value: e.id, label: e.name })),
            ]}
          />
        </Group>
        <Button
          variant="outline"
          leftSection={<IconDownload aria-hidden="true" size={18} />}
          onClick={() => setExporting(true)}
        >
          {t("placements.export.button")}
        </Button>
      </Group>

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Notice color="red">{errorText(list.error)}</Notice>
      ) : (
        <>
          <Text c="dimmed" role="status">
            {t("placements.list.count", { count: list.data.total })}
          </Text>
          {list.data.placements.length === 0 ? (
            <Text>{filtered ? t("placements.list.noneFiltered") : t("placements.list.none")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table
                verticalSpacing="sm"
                fz="sm"
                striped
                bg="var(--mantine-color-body)"
                aria-busy={list.isFetching}
              >
                <Table.Caption c="dimmed">{t(`placements.list.caption.${status}`)}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("placements.columns.candidate")}</Table.Th>
                    <Table.Th scope="col">{t("placements.columns.vacancy")}</Table.Th>
                    <Table.Th scope="col">{t("placements.columns.employer")}</Table.Th>
                    <Table.Th scope="col">{t("placements.columns.start")}</Table.Th>
                    <Table.Th scope="col">{t("placements.columns.end")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("placements.columns.waiting")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("placements.columns.approvedHours")}
                    </Table.Th>
                    <Table.Th scope="col">{t("placements.columns.approvedBy")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.placements.map((p) => (
                    <PlacementRow key={p.id} placement={p} showState={status === "all"} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pager
            page={search.page ?? 1}
            total={list.data.total}
            pageSize={list.data.pageSize || PLACEMENT_PAGE_SIZE}
            onChange={(page) => onSearch({ ...search, page: page === 1 ? undefined : page })}
            label={t("placements.list.pager")}
          />
        </>
      )}
      {exporting && (
        <ExportDialog
          opened
          onClose={() => setExporting(false)}
          employers={employers}
          employerId={search.employerId}
        />
      )}
    </Stack>
  );
}

/** "Plaatsingen": the recruiter's placements with filters, and the payroll export. */
export function PlacementsPage(props: PlacementsPageProps) {
  return (
    <RequireRecruiter path="/plaatsingen">
      <PlacementList {...props} />
    </RequireRecruiter>
  );
}
