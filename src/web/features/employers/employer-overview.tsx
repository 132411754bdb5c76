import {
  ActionIcon,
  Affix,
  Badge,
  Button,
  Drawer,
  Group,
  Menu,
  NativeSelect,
  Radio,
  Stack,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import {
  IconAdjustmentsHorizontal,
  IconArrowDown,
  IconArrowsSort,
  IconArrowUp,
  IconDots,
  IconFileSpreadsheet,
  IconFileTypeCsv,
  IconPlus,
} from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EmployerListItem } from "../../../contracts/employers";
import { AppLink } from "../../ui/app-link";
import { OverviewSearch } from "../../ui/overview-search";
import { Notice, useErrorText } from "../identity/forms";
import { PageLoader, Pager } from "../vacancies/ui";
import classes from "./employers.module.css";
import {
  accountManagersQuery,
  activityDownloadUrl,
  EMPLOYER_PAGE_SIZE,
  employerListQuery,
} from "./employers-api";
import {
  ARCHIVE_FILTERS,
  activeEmployerFilterCount,
  clearEmployerFilters,
  EMPLOYER_DEFAULTS,
  type EmployerSearch,
  type EmployerSort,
  MANAGER_MODES,
  type ManagerMode,
  managerMode,
  splitContacts,
  toggleEmployerSort,
  withEmployerFilter,
} from "./search-params";
import { ArchivedBadge } from "./ui";

export interface EmployerOverviewProps {
  search: EmployerSearch;
  onSearch: (next: EmployerSearch) => void;
}

function SortHeader({
  label,
  sort,
  search,
  onSearch,
}: EmployerOverviewProps & { label: string; sort: EmployerSort }) {
  const current = (search.sort ?? EMPLOYER_DEFAULTS.sort) === sort;
  const order = search.order ?? EMPLOYER_DEFAULTS.order;
  const Icon = !current ? IconArrowsSort : order === "asc" ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th scope="col" aria-sort={current ? (order === "asc" ? "ascending" : "descending") : undefined}>
      <UnstyledButton
        className={classes.sortButton}
        onClick={() => onSearch(toggleEmployerSort(search, sort))}
      >
        {label}
        <Icon aria-hidden="true" size={14} stroke={current ? 2.5 : 1.5} />
      </UnstyledButton>
    </Table.Th>
  );
}

/** "Paul +2": the other names behind the badge, on hover, focus or tap. */
export function ContactNames({ names }: { names: readonly string[] }) {
  const { t } = useTranslation();
  const { first, others } = splitContacts(names);
  if (!first) return <Text c="dimmed">–</Text>;
  return (
    <Group gap={6} wrap="nowrap">
      <span>{first}</span>
      {others.length > 0 && (
        <Tooltip
          label={others.join(", ")}
          events={{ hover: true, focus: true, touch: true }}
          // In the table (inside <main>), fixed so the scroll container does not clip it.
          withinPortal={false}
          floatingStrategy="fixed"
          multiline
          maw={320}
          withArrow
        >
          <Badge
            component="button"
            type="button"
            color="gray.7"
            variant="filled"
            className={`${classes.moreBadge} ${classes.aboveRow}`}
            styles={{ label: { overflow: "visible" } }}
            aria-label={t("employers.overview.moreContacts", {
              count: others.length,
              names: others.join(", "),
            })}
          >
            +{others.length}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

function FilterPanel({
  search,
  onSearch,
  opened,
  onClose,
}: EmployerOverviewProps & { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const managers = useQuery({ ...accountManagersQuery, enabled: opened });
  const errorText = useErrorText();
  const mode = managerMode(search.accountManager);
  // "Specifiek" without a choice yet is only in the panel; the address changes once one is picked.
  const [pendingSpecific, setPendingSpecific] = useState(false);
  const shownMode: ManagerMode = pendingSpecific ? "specific" : mode;
  const set = (patch: Partial<EmployerSearch>) => onSearch(withEmployerFilter(search, patch));
  const count = activeEmployerFilterCount(search);
  const selectId = useId();

  function chooseMode(next: ManagerMode) {
    if (next === "specific") {
      setPendingSpecific(mode !== "specific");
      return;
    }
    setPendingSpecific(false);
    set({ accountManager: next === "all" ? undefined : next });
  }

  return (
    <Drawer.Root opened={opened} onClose={onClose} position="right" size="sm">
      <Drawer.Overlay />
      <Drawer.Content>
        <Drawer.Header {...({ component: "div" } as object)}>
          <Drawer.Title fw={700} fz="lg">
            {t("employers.filters.title")}
          </Drawer.Title>
          <Drawer.CloseButton aria-label={t("employers.filters.close")} />
        </Drawer.Header>
        <Drawer.Body>
          <Stack gap="lg">
            <Radio.Group
              label={t("employers.filters.accountManager")}
              value={shownMode}
              onChange={(value) => {
                const next = MANAGER_MODES.find((m) => m === value);
                if (next) chooseMode(next);
              }}
            >
              <Stack gap="xs" mt="xs">
                {MANAGER_MODES.map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={t(`employers.filters.managerModes.${value}`)}
                    description={t(`employers.filters.managerHints.${value}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
            {shownMode === "specific" &&
              (managers.isError ? (
                <Notice color="red">{errorText(managers.error)}</Notice>
              ) : (
                <NativeSelect
                  id={selectId}
                  label={t("employers.filters.whichManager")}
                  disabled={managers.isPending}
                  value={mode === "specific" ? (search.accountManager ?? "") : ""}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    if (!value) return;
                    setPendingSpecific(false);
                    set({ accountManager: value });
                  }}
                  data={[
                    { value: "", label: t("employers.filters.chooseManager"), disabled: true },
                    ...(managers.data ?? []).map((person) => ({ value: person.id, label: person.name })),
                  ]}
                />
              ))}
            <Radio.Group
              label={t("employers.filters.archive")}
              value={search.archive ?? EMPLOYER_DEFAULTS.archive}
              onChange={(value) => set({ archive: ARCHIVE_FILTERS.find((a) => a === value) })}
            >
              <Stack gap="xs" mt="xs">
                {ARCHIVE_FILTERS.map((value) => (
                  <Radio
                    key={value}
                    value={value}
                    label={t(`employers.filters.archiveOptions.${value}`)}
                    description={t(`employers.filters.archiveHints.${value}`)}
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Group gap="sm">
              <Button
                variant="outline"
                disabled={count === 0}
                onClick={() => {
                  setPendingSpecific(false);
                  onSearch(clearEmployerFilters(search));
                }}
              >
                {t("employers.filters.clearAll")}
              </Button>
              <Button onClick={onClose}>{t("employers.filters.done")}</Button>
            </Group>
          </Stack>
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

function SearchField({ search, onSearch }: EmployerOverviewProps) {
  const { t } = useTranslation();
  return (
    <OverviewSearch
      q={search.q}
      onSubmit={(q) => onSearch(withEmployerFilter(search, { q }))}
      labels={{
        region: t("employers.overview.searchRegion"),
        label: t("employers.overview.searchLabel"),
        placeholder: t("employers.overview.searchPlaceholder"),
        submit: t("employers.overview.searchSubmit"),
      }}
      width={400}
    />
  );
}

function EmployerRow({ employer }: { employer: EmployerListItem }) {
  return (
    <Table.Tr className={classes.rowLink}>
      <Table.Th scope="row" fw={400}>
        <Group gap="xs">
          <AppLink href={`/werkgevers/${employer.id}`} className={classes.rowTarget}>
            {employer.name}
          </AppLink>
          {employer.archived && <ArchivedBadge />}
        </Group>
      </Table.Th>
      <Table.Td>{employer.city ?? "–"}</Table.Td>
      <Table.Td>
        <ContactNames names={employer.contacts} />
      </Table.Td>
      <Table.Td>{employer.accountManager?.name ?? "–"}</Table.Td>
    </Table.Tr>
  );
}

/** HalloWerk's "Werkgevers overzicht": sortable, searchable, filtered, 20 per page. */
export function EmployerOverview({ search, onSearch }: EmployerOverviewProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const list = useQuery(employerListQuery(search));
  const filterCount = activeEmployerFilterCount(search);
  const page = search.page ?? 1;
  const archived = (search.archive ?? EMPLOYER_DEFAULTS.archive) === "archived";

  return (
    <Stack gap="md" className={classes.addSpace}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <SearchField search={search} onSearch={onSearch} />
        <Group gap="sm">
          <Button
            variant="outline"
            leftSection={<IconAdjustmentsHorizontal aria-hidden="true" size={18} />}
            rightSection={
              filterCount > 0 ? (
                <Badge color="portal" variant="filled" circle>
                  {filterCount}
                  <VisuallyHidden> {t("employers.filters.active")}</VisuallyHidden>
                </Badge>
              ) : undefined
            }
            onClick={() => setFiltersOpen(true)}
          >
            {t("employers.filters.button")}
          </Button>
          {filterCount > 0 && (
            <Button variant="subtle" onClick={() => onSearch(clearEmployerFilters(search))}>
              {t("employers.filters.clearAll")}
            </Button>
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="outline" size="lg" aria-label={t("employers.overview.moreOptions")}>
                <IconDots aria-hidden="true" size={20} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                component="a"
                href={activityDownloadUrl("xlsx")}
                download
                leftSection={<IconFileSpreadsheet aria-hidden="true" size={16} />}
              >
                {t("employers.overview.downloadXlsx")}
              </Menu.Item>
              <Menu.Item
                component="a"
                href={activityDownloadUrl("csv")}
                download
                leftSection={<IconFileTypeCsv aria-hidden="true" size={16} />}
              >
                {t("employers.overview.downloadCsv")}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Notice color="red">{errorText(list.error)}</Notice>
      ) : (
        <>
          <Text c="dimmed" role="status">
            {archived
              ? t("employers.overview.countArchived", { count: list.data.total })
              : t("employers.overview.count", { count: list.data.total })}
          </Text>
          {list.data.employers.length === 0 ? (
            <Text>
              {filterCount > 0 || search.q
                ? t("employers.overview.noneFiltered")
                : t("employers.overview.none")}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table
                verticalSpacing="sm"
                fz="sm"
                striped
                bg="var(--mantine-color-body)"
                aria-busy={list.isFetching}
              >
                <Table.Caption c="dimmed">
                  {archived ? t("employers.overview.captionArchived") : t("employers.overview.caption")}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <SortHeader
                      label={t("employers.columns.organisation")}
                      sort="name"
                      search={search}
                      onSearch={onSearch}
                    />
                    <SortHeader
                      label={t("employers.columns.location")}
                      sort="location"
                      search={search}
                      onSearch={onSearch}
                    />
                    <SortHeader
                      label={t("employers.columns.contacts")}
                      sort="contacts"
                      search={search}
                      onSearch={onSearch}
                    />
                    <SortHeader
                      label={t("employers.columns.accountManager")}
                      sort="accountManager"
                      search={search}
                      onSearch={onSearch}
                    />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.employers.map((employer) => (
                    <EmployerRow key={employer.id} employer={employer} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pager
            page={page}
            total={list.data.total}
            pageSize={list.data.pageSize || EMPLOYER_PAGE_SIZE}
            onChange={(next) => onSearch({ ...search, page: next === 1 ? undefined : next })}
            label={t("employers.overview.pager")}
          />
        </>
      )}

      <FilterPanel
        search={search}
        onSearch={onSearch}
        opened={filtersOpen}
        onClose={() => setFiltersOpen(false)}
      />
      {/* Inside <main> (no portal): all content stays within a landmark. */}
      <Affix position={{ bottom: 24, right: 24 }} withinPortal={false}>
        <ActionIcon
          component={AppLink}
          href="/werkgevers/nieuw"
          size={64}
          radius="xl"
          variant="filled"
          aria-label={t("employers.overview.add")}
          title={t("employers.overview.add")}
          style={{ boxShadow: "var(--mantine-shadow-lg)" }}
        >
          <IconPlus aria-hidden="true" size={32} />
        </ActionIcon>
      </Affix>
    </Stack>
  );
}
