import {
  ActionIcon,
  Affix,
  Anchor,
  Button,
  Group,
  Menu,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from "@mantine/core";
import {
  IconArchive,
  IconArchiveOff,
  IconArrowBackUp,
  IconBriefcase,
  IconChevronDown,
  IconEdit,
  IconPlus,
  IconTrash,
  IconUserCircle,
  IconUserPlus,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useRouterState } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Employer } from "../../../contracts/employers";
import { dateTimeFormat } from "../../../contracts/intl";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { Facts } from "../../ui/facts";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { usePageTitle } from "../navigation/page-title";
import { EmployerSites } from "../sites/employer-sites";
import { AudienceBadges, PageLoader, Pager, Section } from "../vacancies/ui";
import { vacancyListQuery } from "../vacancies/vacancies-api";
import { ContactFormDialog, ContactPanel, ContactsTable } from "./contacts";
import { EmployerForm, employerBody, valuesFromEmployer } from "./employer-form";
import classes from "./employers.module.css";
import {
  accountManagersQuery,
  archiveEmployer,
  assignAccountManager,
  deleteEmployer,
  EMPLOYER_PAGE_SIZE,
  employerKeys,
  employerQuery,
  unarchiveEmployer,
  updateEmployer,
} from "./employers-api";
import { ArchivedBadge, addressText, ConfirmDialog, formatDate, formatDay, websiteHref } from "./ui";

declare module "@tanstack/react-router" {
  interface HistoryState {
    /** A one-off confirmation for the next page (employer added, deleted). */
    employerNotice?: string;
  }
}

/** The one-off confirmation a previous page left in the history state. */
export function useEmployerNotice(): string | undefined {
  return useRouterState({ select: (s) => s.location.state.employerNotice });
}

/** yyyy-mm-dd in the Dutch calendar, as the server counts closing days. */
function todayIso(): string {
  return dateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

function useEmployerCache(id: string) {
  const queryClient = useQueryClient();
  return (employer: Employer) => {
    queryClient.setQueryData(employerKeys.detail(id), employer);
    void queryClient.invalidateQueries({ queryKey: employerKeys.lists });
    void queryClient.invalidateQueries({ queryKey: employerKeys.home });
  };
}

function AccountManagerDialog({
  employer,
  onClose,
  onDone,
}: {
  employer: Employer;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const managers = useQuery(accountManagersQuery);
  const put = useEmployerCache(employer.id);
  const [userId, setUserId] = useState(employer.accountManager?.id ?? "");
  const mutation = useMutation({
    mutationFn: () => assignAccountManager(employer.id, userId || null),
    onSuccess: (saved) => {
      put(saved);
      onDone();
    },
  });
  const options = managers.data ?? [];
  const current = employer.accountManager;
  const all = current && !options.some((m) => m.id === current.id) ? [current, ...options] : options;

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate();
  }

  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("employers.manager.dialogTitle")}
      closeLabel={t("employers.close")}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text c="dimmed">{t("employers.manager.dialogText", { name: employer.name })}</Text>
          {managers.isError && <Notice color="red">{errorText(managers.error)}</Notice>}
          <FormError error={mutation.error} />
          <NativeSelect
            label={t("employers.manager.select")}
            data-autofocus
            disabled={managers.isPending}
            value={userId}
            onChange={(event) => setUserId(event.currentTarget.value)}
            data={[
              { value: "", label: t("employers.manager.none") },
              ...all.map((person) => ({ value: person.id, label: person.name })),
            ]}
          />
          <Group gap="sm">
            <Button type="submit" loading={mutation.isPending}>
              {t("employers.manager.assign")}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {t("employers.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function EditEmployerDialog({
  employer,
  onClose,
  onDone,
}: {
  employer: Employer;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const put = useEmployerCache(employer.id);
  const mutation = useMutation({
    mutationFn: (body: ReturnType<typeof employerBody>) => updateEmployer(employer.id, body),
    onSuccess: (saved) => {
      put(saved);
      onDone();
    },
  });
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("employers.detail.editTitle", { name: employer.name })}
      closeLabel={t("employers.close")}
      size="lg"
    >
      <EmployerForm
        initial={valuesFromEmployer(employer)}
        submitLabel={t("employers.save")}
        pending={mutation.isPending}
        error={mutation.error}
        onSubmit={(values) => mutation.mutate(employerBody(values))}
        onCancel={onClose}
        autoFocus
      />
    </Dialog>
  );
}

/** An icon button with its name shown on hover and keyboard focus. */
function IconAction({
  label,
  onClick,
  color,
  children,
}: {
  label: string;
  onClick: () => void;
  color?: string;
  children: ReactNode;
}) {
  return (
    <Tooltip
      label={label}
      events={{ hover: true, focus: true, touch: false }}
      withArrow
      // Inside <main>: all content stays within a landmark.
      withinPortal={false}
      floatingStrategy="fixed"
    >
      <ActionIcon variant="outline" size="lg" color={color} aria-label={label} onClick={onClick}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

type Closing = "future" | "expired";

function EmployerVacancies({ employer }: { employer: Employer }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const [closing, setClosing] = useState<Closing>("future");
  const [page, setPage] = useState(1);
  const list = useQuery(
    vacancyListQuery({
      organisationId: employer.id,
      closing,
      // An archived employer's vacancies went into the archive with it; otherwise the counts
      // above (open and past their date) include closed vacancies, so the list does too.
      status: employer.archived ? "archived" : "not_archived",
      sort: "closing",
      order: closing === "future" ? "asc" : "desc",
      page: page === 1 ? undefined : page,
    }),
  );
  const today = todayIso();

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t("employers.vacancies.show")}
        value={closing}
        onChange={(value) => {
          setClosing(value === "expired" ? "expired" : "future");
          setPage(1);
        }}
        data={[
          { value: "future", label: t("employers.vacancies.active", { count: employer.vacancies.active }) },
          {
            value: "expired",
            label: t("employers.vacancies.expired", { count: employer.vacancies.expired }),
          },
        ]}
        style={{ alignSelf: "flex-start" }}
      />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Notice color="red">{errorText(list.error)}</Notice>
      ) : list.data.vacancies.length === 0 ? (
        <Text c="dimmed" role="status">
          {closing === "future" ? t("employers.vacancies.noneActive") : t("employers.vacancies.noneExpired")}
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" fz="sm" striped aria-busy={list.isFetching}>
              <Table.Caption c="dimmed">
                {closing === "future"
                  ? t("employers.vacancies.captionActive")
                  : t("employers.vacancies.captionExpired")}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("employers.vacancies.title")}</Table.Th>
                  <Table.Th scope="col">{t("employers.vacancies.location")}</Table.Th>
                  <Table.Th scope="col">{t("employers.vacancies.visibility")}</Table.Th>
                  <Table.Th scope="col">{t("employers.vacancies.closesOn")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.vacancies.map((vacancy) => (
                  <Table.Tr key={vacancy.id} className={classes.rowLink}>
                    <Table.Th scope="row" fw={400}>
                      <AppLink href={`/vacaturebeheer/${vacancy.id}`} className={classes.rowTarget}>
                        {vacancy.displayTitle}
                      </AppLink>
                    </Table.Th>
                    <Table.Td>{vacancy.city ?? "–"}</Table.Td>
                    <Table.Td>
                      <AudienceBadges audiences={vacancy.visibleTo} size="sm" />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {vacancy.closesOn === null
                        ? "–"
                        : vacancy.closesOn < today
                          ? `${formatDay(vacancy.closesOn, locale)} (${t("employers.vacancies.expiredShort")})`
                          : formatDay(vacancy.closesOn, locale)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            page={page}
            total={list.data.total}
            pageSize={list.data.pageSize || EMPLOYER_PAGE_SIZE}
            onChange={setPage}
            label={t("employers.vacancies.pager")}
          />
        </>
      )}
    </Stack>
  );
}

type DetailDialog = "manager" | "edit" | "archive" | "delete" | "addContact" | null;

/** HalloWerk's "Werkgever detailpagina": details, account manager, contact persons, vacancies. */
export function EmployerDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery(employerQuery(id));
  const notice = useEmployerNotice();
  const put = useEmployerCache(id);
  const [dialog, setDialog] = useState<DetailDialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const [contactId, setContactId] = useState<string | null>(null);
  usePageTitle(query.data?.name ?? t("employers.detail.title"), "/werkgevers");

  const archive = useMutation({
    mutationFn: () => archiveEmployer(id),
    onSuccess: (saved) => {
      put(saved);
      void queryClient.invalidateQueries({ queryKey: ["vacancies", "list"] });
      setDialog(null);
      setDone(t("employers.detail.done.archived"));
    },
  });
  const unarchive = useMutation({
    mutationFn: () => unarchiveEmployer(id),
    onSuccess: (saved) => {
      put(saved);
      setDone(t("employers.detail.done.unarchived"));
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteEmployer(id),
    onSuccess: async () => {
      const name = query.data?.name ?? "";
      queryClient.removeQueries({ queryKey: employerKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: employerKeys.lists });
      void queryClient.invalidateQueries({ queryKey: employerKeys.home });
      void navigate({
        to: "/werkgevers",
        search: { archive: "archived" },
        state: (old) => ({ ...old, employerNotice: t("employers.detail.done.deleted", { name }) }),
      });
    },
  });

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const employer = query.data;
  const { permissions } = employer;
  const address = addressText(employer.address);
  const open = (next: DetailDialog) => {
    setDone(null);
    archive.reset();
    unarchive.reset();
    setDialog(next);
  };
  const canAdd = permissions.edit && !employer.archived;

  return (
    <Stack gap="lg" maw={1100} mx="auto" className={canAdd ? classes.addSpace : undefined}>
      {(done ?? notice) && (
        <Notice color="green" status>
          {done ?? notice}
        </Notice>
      )}
      <FormError error={unarchive.error} />

      <Section
        title={t("employers.detail.details")}
        action={
          <Group gap="xs" wrap="nowrap">
            {permissions.edit ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button
                    variant="default"
                    leftSection={<IconUserCircle aria-hidden="true" size={18} />}
                    rightSection={<IconChevronDown aria-hidden="true" size={16} />}
                  >
                    <VisuallyHidden>{t("employers.manager.label")}: </VisuallyHidden>
                    {employer.accountManager?.name ?? t("employers.manager.none")}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item
                    leftSection={<IconUserCircle aria-hidden="true" size={16} />}
                    onClick={() => open("manager")}
                  >
                    {t("employers.manager.change")}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : (
              <Text>
                {t("employers.manager.label")}: {employer.accountManager?.name ?? t("employers.manager.none")}
              </Text>
            )}
            {permissions.edit && (
              <IconAction label={t("employers.detail.edit")} onClick={() => open("edit")}>
                <IconEdit aria-hidden="true" size={18} />
              </IconAction>
            )}
            {permissions.archive && !employer.archived && (
              <IconAction label={t("employers.detail.archive")} onClick={() => open("archive")}>
                <IconArchive aria-hidden="true" size={18} />
              </IconAction>
            )}
            {permissions.archive && employer.archived && (
              <IconAction
                label={t("employers.detail.unarchive")}
                onClick={() => {
                  setDone(null);
                  unarchive.mutate();
                }}
              >
                <IconArchiveOff aria-hidden="true" size={18} />
              </IconAction>
            )}
            {permissions.delete && employer.archived && (
              <IconAction
                label={t("employers.detail.delete")}
                color="var(--mantine-color-red-text)"
                onClick={() => open("delete")}
              >
                <IconTrash aria-hidden="true" size={18} />
              </IconAction>
            )}
          </Group>
        }
      >
        <Stack gap="sm">
          {employer.archived && (
            <Group gap="xs">
              <ArchivedBadge />
              {employer.archivedAt && (
                <Text size="sm" c="dimmed">
                  {t("employers.detail.archivedAt", { date: formatDate(employer.archivedAt, locale) })}
                </Text>
              )}
            </Group>
          )}
          <Facts
            items={[
              [t("employers.fields.name"), employer.name],
              [t("employers.fields.address"), address],
              [t("employers.fields.kvkNumber"), employer.kvkNumber],
              [
                t("employers.fields.website"),
                employer.website ? (
                  <Anchor
                    key="website"
                    href={websiteHref(employer.website)}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {employer.website}
                  </Anchor>
                ) : null,
              ],
              [t("employers.detail.managedBy"), employer.managedBy?.name],
            ]}
          />
          {employer.description && (
            <Stack gap={4}>
              <Title order={3} size="h5">
                {t("employers.fields.description")}
              </Title>
              <Text className={classes.description}>{employer.description}</Text>
            </Stack>
          )}
        </Stack>
      </Section>

      <Section
        title={t("employers.contacts.title")}
        action={
          canAdd ? (
            <Button
              variant="outline"
              leftSection={<IconUserPlus aria-hidden="true" size={16} />}
              onClick={() => open("addContact")}
            >
              {t("employers.contacts.add")}
            </Button>
          ) : undefined
        }
      >
        <ContactsTable employer={employer} onOpen={setContactId} />
      </Section>

      <Section title={t("employers.vacancies.sectionTitle")}>
        <EmployerVacancies employer={employer} />
      </Section>

      <EmployerSites employerId={employer.id} />

      <Button
        component={AppLink}
        href="/werkgevers"
        variant="subtle"
        leftSection={<IconArrowBackUp aria-hidden="true" size={16} />}
        style={{ alignSelf: "flex-start" }}
      >
        {t("employers.detail.backToOverview")}
      </Button>

      {canAdd && (
        // Inside <main> (no portal): all content stays within a landmark.
        <Affix position={{ bottom: 24, right: 24 }} withinPortal={false}>
          <Menu position="top-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                size={64}
                radius="xl"
                variant="filled"
                aria-label={t("employers.detail.addMenu")}
                style={{ boxShadow: "var(--mantine-shadow-lg)" }}
              >
                <IconPlus aria-hidden="true" size={32} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                component={AppLink}
                href={`/vacaturebeheer/nieuw?organisationId=${encodeURIComponent(employer.id)}`}
                leftSection={<IconBriefcase aria-hidden="true" size={16} />}
              >
                {t("employers.detail.addVacancy")}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconUserPlus aria-hidden="true" size={16} />}
                onClick={() => open("addContact")}
              >
                {t("employers.contacts.add")}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Affix>
      )}

      <ContactPanel employer={employer} contactId={contactId} onClose={() => setContactId(null)} />

      {dialog === "manager" && (
        <AccountManagerDialog
          employer={employer}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setDone(t("employers.manager.done"));
          }}
        />
      )}
      {dialog === "edit" && (
        <EditEmployerDialog
          employer={employer}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setDone(t("employers.detail.done.saved"));
          }}
        />
      )}
      {dialog === "addContact" && (
        <ContactFormDialog
          employerId={employer.id}
          contact={null}
          onClose={() => setDialog(null)}
          onSaved={(contact) => {
            setDialog(null);
            setDone(t("employers.contacts.done.added", { name: contact.name }));
          }}
        />
      )}
      {dialog === "archive" && (
        <ConfirmDialog
          title={t("employers.detail.archiveTitle", { name: employer.name })}
          text={t("employers.detail.archiveText")}
          confirmLabel={t("employers.detail.archiveConfirm")}
          pending={archive.isPending}
          error={archive.error}
          onConfirm={() => archive.mutate()}
          onClose={() => {
            archive.reset();
            setDialog(null);
          }}
        />
      )}
      {dialog === "delete" && (
        <ConfirmDialog
          title={t("employers.detail.deleteTitle", { name: employer.name })}
          text={t("employers.detail.deleteText", { name: employer.name })}
          confirmLabel={t("employers.detail.deleteConfirm")}
          danger
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate()}
          onClose={() => {
            remove.reset();
            setDialog(null);
          }}
        />
      )}
    </Stack>
  );
}
