import {
  ActionIcon,
  Affix,
  Badge,
  Button,
  Drawer,
  Group,
  Menu,
  NativeSelect,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import {
  IconAdjustmentsHorizontal,
  IconArrowDown,
  IconArrowsSort,
  IconArrowUp,
  IconChevronDown,
  IconPlus,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CONTACT_VIA,
  CREATED_BY_KINDS,
  LIST_VIEW_STATUSES,
  SERVICE_MODELS,
  type VacancyAction,
  type VacancyListItem,
  type VacancyStatus,
} from "../../../contracts/vacancies";
import { AppLink } from "../../ui/app-link";
import { OverviewSearch } from "../../ui/overview-search";
import { meQuery } from "../account/me-query";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { menuRole } from "../navigation/menu";
import { formatDate, formatDay, isExpired, todayIso } from "./format";
import {
  APPLICATION_FILTERS,
  activeStaffFilterCount,
  CLOSING_FILTERS,
  clearStaffFilters,
  STAFF_DEFAULTS,
  type StaffSearch,
  type StaffView,
  TRI_FILTERS,
  toggleSort,
  type VacancySort,
  withStaffFilter,
} from "./search-params";
import { AudienceBadges, PageLoader, Pager, StatusBadge } from "./ui";
import classes from "./vacancies.module.css";
import { transitionVacancy, VACANCY_PAGE_SIZE, vacancyListQuery, vacancyOptionsQuery } from "./vacancies-api";
import { ACTION_ICON, statusActions, TransitionError } from "./vacancy-detail";

export interface VacancyOverviewProps {
  search: StaffSearch;
  onSearch: (next: StaffSearch) => void;
  /** The HR officer's "Vacature-aanvragen": the same table, always showing requests. */
  fixedStatus?: "requested";
}

function SortHeader({
  label,
  sort,
  search,
  onSearch,
}: {
  label: string;
  sort: VacancySort;
  search: StaffSearch;
  onSearch: (next: StaffSearch) => void;
}) {
  const current = (search.sort ?? STAFF_DEFAULTS.sort) === sort;
  const order = search.order ?? STAFF_DEFAULTS.order;
  const Icon = !current ? IconArrowsSort : order === "asc" ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th
      scope="col"
      aria-sort={current ? (order === "asc" ? "ascending" : "descending") : undefined}
      style={sort === "title" ? { minWidth: 220 } : undefined}
    >
      <UnstyledButton className={classes.sortButton} onClick={() => onSearch(toggleSort(search, sort))}>
        {label}
        <Icon aria-hidden="true" size={14} stroke={current ? 2.5 : 1.5} />
      </UnstyledButton>
    </Table.Th>
  );
}

function FilterPanel({
  search,
  onSearch,
  opened,
  onClose,
}: Pick<VacancyOverviewProps, "search" | "onSearch"> & { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const options = useQuery({ ...vacancyOptionsQuery(), enabled: opened });
  const set = (patch: Partial<StaffSearch>) => onSearch(withStaffFilter(search, patch));
  const accountManagers = options.data?.accountManagers ?? [];
  const count = activeStaffFilterCount(search);

  return (
    <Drawer.Root opened={opened} onClose={onClose} position="right" size="sm">
      <Drawer.Overlay />
      <Drawer.Content>
        {/* A div, not <header>: outside the main content that would be a second banner. */}
        <Drawer.Header {...({ component: "div" } as object)}>
          <Drawer.Title fw={700} fz="lg">
            {t("vacancies.filters.title")}
          </Drawer.Title>
          <Drawer.CloseButton aria-label={t("vacancies.filters.close")} />
        </Drawer.Header>
        <Drawer.Body>
          <Stack gap="sm">
            <NativeSelect
              label={t("vacancies.filters.accountManager")}
              value={search.accountManager ?? ""}
              onChange={(event) => set({ accountManager: event.currentTarget.value || undefined })}
              data={[
                { value: "", label: t("vacancies.filters.all") },
                { value: "mine", label: t("vacancies.filters.mine") },
                { value: "none", label: t("vacancies.filters.without") },
                ...accountManagers.map((person) => ({ value: person.id, label: person.name })),
              ]}
            />
            <NativeSelect
              label={t("vacancies.filters.contactVia")}
              value={search.contactVia ?? ""}
              onChange={(event) =>
                set({ contactVia: CONTACT_VIA.find((v) => v === event.currentTarget.value) })
              }
              data={[
                { value: "", label: t("vacancies.filters.all") },
                ...CONTACT_VIA.map((value) => ({ value, label: t(`vacancies.contactVia.${value}`) })),
              ]}
            />
            <NativeSelect
              label={t("vacancies.filters.closing")}
              value={search.closing ?? STAFF_DEFAULTS.closing}
              onChange={(event) =>
                set({ closing: CLOSING_FILTERS.find((v) => v === event.currentTarget.value) })
              }
              data={CLOSING_FILTERS.map((value) => ({
                value,
                label: t(`vacancies.filters.closingOptions.${value}`),
              }))}
            />
            <NativeSelect
              label={t("vacancies.filters.visible")}
              value={search.visible ?? STAFF_DEFAULTS.visible}
              onChange={(event) => set({ visible: TRI_FILTERS.find((v) => v === event.currentTarget.value) })}
              data={TRI_FILTERS.map((value) => ({ value, label: t(`vacancies.filters.yesNo.${value}`) }))}
            />
            <NativeSelect
              label={t("vacancies.filters.proposed")}
              value={search.proposed ?? STAFF_DEFAULTS.proposed}
              onChange={(event) =>
                set({ proposed: TRI_FILTERS.find((v) => v === event.currentTarget.value) })
              }
              data={TRI_FILTERS.map((value) => ({
                value,
                label: t(`vacancies.filters.proposedOptions.${value}`),
              }))}
            />
            <NativeSelect
              label={t("vacancies.filters.applications")}
              value={search.applications ?? STAFF_DEFAULTS.applications}
              onChange={(event) =>
                set({ applications: APPLICATION_FILTERS.find((v) => v === event.currentTarget.value) })
              }
              data={APPLICATION_FILTERS.map((value) => ({
                value,
                label: t(`vacancies.filters.applicationsOptions.${value}`),
              }))}
            />
            <NativeSelect
              label={t("vacancies.filters.createdBy")}
              value={search.createdBy ?? ""}
              onChange={(event) =>
                set({ createdBy: CREATED_BY_KINDS.find((v) => v === event.currentTarget.value) })
              }
              data={[
                { value: "", label: t("vacancies.filters.all") },
                ...CREATED_BY_KINDS.map((value) => ({ value, label: t(`vacancies.createdByKind.${value}`) })),
              ]}
            />
            <NativeSelect
              label={t("vacancies.filters.serviceModel")}
              value={search.serviceModel ?? ""}
              onChange={(event) =>
                set({ serviceModel: SERVICE_MODELS.find((v) => v === event.currentTarget.value) })
              }
              data={[
                { value: "", label: t("vacancies.filters.all") },
                ...SERVICE_MODELS.map((value) => ({ value, label: t(`vacancies.serviceModel.${value}`) })),
              ]}
            />
            <Group gap="sm" mt="sm">
              <Button
                variant="outline"
                disabled={count === 0}
                onClick={() => onSearch(clearStaffFilters(search))}
              >
                {t("vacancies.filters.clearAll")}
              </Button>
              <Button onClick={onClose}>{t("vacancies.filters.done")}</Button>
            </Group>
          </Stack>
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

function SearchField({ search, onSearch }: Pick<VacancyOverviewProps, "search" | "onSearch">) {
  const { t } = useTranslation();
  return (
    <OverviewSearch
      q={search.q}
      onSubmit={(q) => onSearch(withStaffFilter(search, { q }))}
      labels={{
        region: t("vacancies.overview.searchRegion"),
        label: t("vacancies.overview.searchLabel"),
        placeholder: t("vacancies.overview.searchPlaceholder"),
        submit: t("vacancies.overview.searchSubmit"),
      }}
      width={360}
    />
  );
}

/** The view a status belongs to: closing or archiving moves a vacancy into the archive. */
function viewOf(status: VacancyStatus): StaffView {
  return LIST_VIEW_STATUSES.archived.includes(status) ? "archived" : "active";
}

/**
 * The Kansenportaal's status "pijltje" per row: only the changes this caller may make on this
 * vacancy (its `permissions`, as on the vacancy page), so there is no menu without a way out.
 */
function RowStatusMenu({
  vacancy,
  pending,
  onAction,
}: {
  vacancy: VacancyListItem;
  pending: boolean;
  onAction: (action: VacancyAction) => void;
}) {
  const { t } = useTranslation();
  const actions = statusActions(vacancy);
  if (actions.length === 0) return null;
  return (
    // Not in a portal: the open menu stays inside the main landmark; fixed, so the table's
    // scroll container does not clip it. Mantine's focus placeholder (a focusable
    // "presentation" div) is no menu item (axe: aria-required-children); the first item takes
    // the focus instead.
    <Menu
      position="bottom-end"
      withinPortal={false}
      floatingStrategy="fixed"
      withInitialFocusPlaceholder={false}
    >
      <Menu.Target>
        <Button
          variant="default"
          size="xs"
          className={classes.rowAction}
          loading={pending}
          rightSection={<IconChevronDown aria-hidden="true" size={14} />}
        >
          {t("vacancies.rowStatus.button")}
          <VisuallyHidden> {t("vacancies.rowStatus.of", { title: vacancy.displayTitle })}</VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((action, index) => (
          <Menu.Item
            key={action}
            data-autofocus={index === 0 || undefined}
            leftSection={ACTION_ICON[action]}
            onClick={() => onAction(action)}
          >
            {t(`vacancies.actions.${action}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function VacancyRow({
  vacancy,
  pending,
  onAction,
}: {
  vacancy: VacancyListItem;
  pending: boolean;
  onAction: (action: VacancyAction) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const today = todayIso();
  return (
    <Table.Tr className={classes.rowLink}>
      <Table.Th scope="row" fw={400}>
        <Stack gap={2}>
          <AppLink href={`/vacaturebeheer/${vacancy.id}`} style={{ fontWeight: 700, color: "inherit" }}>
            {vacancy.displayTitle}
          </AppLink>
          <Text size="sm" c="dimmed">
            {vacancy.functionTitle}
          </Text>
          {/* The status and, beside it, its "pijltje": no extra column to scroll to. */}
          <Group gap="xs" wrap="nowrap">
            {vacancy.status !== "published" && <StatusBadge status={vacancy.status} />}
            <RowStatusMenu vacancy={vacancy} pending={pending} onAction={onAction} />
          </Group>
        </Stack>
      </Table.Th>
      <Table.Td>{vacancy.organisation.name}</Table.Td>
      <Table.Td>{vacancy.city ?? "–"}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(vacancy.createdAt, locale)}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        {vacancy.closesOn === null
          ? "–"
          : isExpired(vacancy.closesOn, today)
            ? t("vacancies.expired")
            : formatDay(vacancy.closesOn, locale)}
      </Table.Td>
      <Table.Td>
        <AudienceBadges audiences={vacancy.visibleTo} size="sm" />
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <span aria-hidden="true">
          {vacancy.savedCount} / {vacancy.proposedCount}
        </span>
        <VisuallyHidden>
          {t("vacancies.overview.candidateCounts", {
            saved: vacancy.savedCount,
            proposed: vacancy.proposedCount,
          })}
        </VisuallyHidden>
      </Table.Td>
    </Table.Tr>
  );
}

/** HalloWerk's "Vacature overzicht": sortable, searchable, filtered, 20 per page. */
export function VacancyOverview({ search, onSearch, fixedStatus }: VacancyOverviewProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const queryClient = useQueryClient();
  const view: StaffView = fixedStatus ?? search.status ?? STAFF_DEFAULTS.status;
  const query = { ...search, ...(fixedStatus ? { status: fixedStatus } : {}) };
  const list = useQuery(vacancyListQuery(query));
  // Only people who may add vacancies somewhere get the "+".
  const options = useQuery(vacancyOptionsQuery());
  const canAdd = (options.data?.organisations.length ?? 0) > 0;
  const filterCount = activeStaffFilterCount(search);
  const page = search.page ?? 1;
  const me = useQuery(meQuery);
  // The Kansenportaal's names for a corporation's own lists ("Mijn uitgezette kansen").
  const kansen = menuRole(me.data?.roles ?? null) === "employer_contact";
  // Vlimpers' "Mijn vacatures": the selection officer's own (primary owner or co-owner).
  const owning = menuRole(me.data?.roles ?? null) === "selection_officer";
  const viewName = (name: StaffView) =>
    t(kansen && name !== "requested" ? `vacancies.views.kansen.${name}` : `vacancies.views.${name}`);

  const [done, setDone] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const transition = useMutation({
    mutationFn: ({ vacancy, action }: { vacancy: VacancyListItem; action: VacancyAction }) =>
      transitionVacancy(vacancy.id, action),
    onSuccess: async (saved, { vacancy, action }) => {
      const moved = viewOf(saved.status) !== viewOf(vacancy.status);
      setDone(
        [
          t(`vacancies.rowStatus.done.${action}`, { title: vacancy.displayTitle }),
          moved ? t("vacancies.rowStatus.movedTo", { view: viewName(viewOf(saved.status)) }) : "",
        ]
          .join(" ")
          .trim(),
      );
      queryClient.setQueryData(["vacancies", "detail", saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ["vacancies", "list"] });
    },
  });
  const failed = transition.isError ? transition.variables?.vacancy : undefined;
  // The row may leave the view: keyboard and screen reader users land on what happened.
  useEffect(() => {
    if (done || failed) noticeRef.current?.focus();
  }, [done, failed]);
  const run = (vacancy: VacancyListItem, action: VacancyAction) => {
    setDone(null);
    transition.mutate({ vacancy, action });
  };
  const views: StaffView[] = ["active", "archived"];
  // Requests have a tab only for those who have any (the HR officer has a page of them).
  if (!fixedStatus && (view === "requested" || (list.data?.viewCounts.requested ?? 0) > 0))
    views.push("requested");
  const caption = fixedStatus
    ? t("vacancies.overview.captionRequests")
    : kansen || view !== "active"
      ? viewName(view)
      : t("vacancies.overview.caption");

  return (
    <Stack gap="md" className={classes.addSpace}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <SearchField search={search} onSearch={onSearch} />
        <Group gap="sm">
          {owning && (
            <Switch
              label={t("vacancies.overview.mine")}
              checked={search.owner === "mine"}
              onChange={(event) =>
                onSearch(withStaffFilter(search, { owner: event.currentTarget.checked ? "mine" : undefined }))
              }
            />
          )}
          <Button
            variant="outline"
            leftSection={<IconAdjustmentsHorizontal aria-hidden="true" size={18} />}
            rightSection={
              filterCount > 0 ? (
                // Visible count, read as "Filters 2 actief": the name starts with what is seen.
                <Badge color="portal" variant="filled" circle>
                  {filterCount}
                  <VisuallyHidden> {t("vacancies.filters.active")}</VisuallyHidden>
                </Badge>
              ) : undefined
            }
            onClick={() => setFiltersOpen(true)}
          >
            {t("vacancies.filters.button")}
          </Button>
          {filterCount > 0 && (
            <Button variant="subtle" onClick={() => onSearch(clearStaffFilters(search))}>
              {t("vacancies.filters.clearAll")}
            </Button>
          )}
        </Group>
      </Group>

      {(done || failed) && (
        <div ref={noticeRef} tabIndex={-1} style={{ outline: "none" }}>
          {failed ? (
            <TransitionError error={transition.error} vacancy={failed} />
          ) : (
            <Notice color="green" status>
              {done}
            </Notice>
          )}
        </div>
      )}

      {!fixedStatus && (
        <SegmentedControl
          aria-label={t("vacancies.views.label")}
          value={view}
          onChange={(value) => {
            setDone(null);
            transition.reset();
            onSearch(withStaffFilter(search, { status: views.find((v) => v === value) }));
          }}
          data={views.map((name) => ({
            value: name,
            label: `${viewName(name)}${list.data ? ` (${list.data.viewCounts[name]})` : ""}`,
          }))}
          style={{ alignSelf: "flex-start" }}
        />
      )}

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Notice color="red">{errorText(list.error)}</Notice>
      ) : (
        <>
          <Text c="dimmed" role="status">
            {t("vacancies.overview.count", { count: list.data.total })}
          </Text>
          {list.data.vacancies.length === 0 ? (
            <Text>
              {filterCount > 0 || search.q
                ? t("vacancies.overview.noneFiltered")
                : view === "archived"
                  ? t(kansen ? "vacancies.views.kansen.noneArchived" : "vacancies.views.noneArchived")
                  : t("vacancies.overview.none")}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={860}>
              <Table
                verticalSpacing="xs"
                horizontalSpacing="xs"
                fz="sm"
                striped
                bg="var(--mantine-color-body)"
                aria-busy={list.isFetching}
              >
                <Table.Caption c="dimmed">{caption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <SortHeader
                      label={t("vacancies.columns.vacancy")}
                      sort="title"
                      search={search}
                      onSearch={onSearch}
                    />
                    <SortHeader
                      label={t("vacancies.columns.company")}
                      sort="company"
                      search={search}
                      onSearch={onSearch}
                    />
                    <SortHeader
                      label={t("vacancies.columns.location")}
                      sort="location"
                      search={search}
                      onSearch={onSearch}
                    />
                    <SortHeader
                      label={t("vacancies.columns.created")}
                      sort="created"
                      search={search}
                      onSearch={onSearch}
                    />
                    <SortHeader
                      label={t("vacancies.columns.closing")}
                      sort="closing"
                      search={search}
                      onSearch={onSearch}
                    />
                    <SortHeader
                      label={t("vacancies.columns.visibleTo")}
                      sort="visibility"
                      search={search}
                      onSearch={onSearch}
                    />
                    <SortHeader
                      label={t("vacancies.columns.candidates")}
                      sort="candidates"
                      search={search}
                      onSearch={onSearch}
                    />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.vacancies.map((vacancy) => (
                    <VacancyRow
                      key={vacancy.id}
                      vacancy={vacancy}
                      pending={transition.isPending && transition.variables?.vacancy.id === vacancy.id}
                      onAction={(action) => run(vacancy, action)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Pager
            page={page}
            total={list.data.total}
            pageSize={list.data.pageSize || VACANCY_PAGE_SIZE}
            onChange={(next) => onSearch({ ...search, page: next === 1 ? undefined : next })}
            label={t("vacancies.pager.label")}
          />
        </>
      )}

      <FilterPanel
        search={search}
        onSearch={onSearch}
        opened={filtersOpen}
        onClose={() => setFiltersOpen(false)}
      />
      {canAdd && (
        // Inside <main> (no portal): all content stays within a landmark.
        <Affix position={{ bottom: 24, right: 24 }} withinPortal={false}>
          <ActionIcon
            component={AppLink}
            href="/vacaturebeheer/nieuw"
            size={64}
            radius="xl"
            variant="filled"
            aria-label={t("vacancies.overview.add")}
            title={t("vacancies.overview.add")}
            style={{ boxShadow: "var(--mantine-shadow-lg)" }}
          >
            <IconPlus aria-hidden="true" size={32} />
          </ActionIcon>
        </Affix>
      )}
    </Stack>
  );
}
