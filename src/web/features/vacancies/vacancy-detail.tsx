import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Image,
  List,
  Menu,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import {
  IconArchive,
  IconArrowBackUp,
  IconBuilding,
  IconCopy,
  IconDots,
  IconDownload,
  IconEdit,
  IconEyeOff,
  IconForms,
  IconLock,
  IconPrinter,
  IconRefresh,
  IconSearch,
  IconSend,
  IconTrash,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useRouterState } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../contracts/common";
import {
  AUDIENCES,
  type Audience,
  type Publication,
  type Vacancy,
  type VacancyAction,
  type VacancyHistoryEntry,
} from "../../../contracts/vacancies";
import { ApiError } from "../../api";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { meQuery } from "../account/me-query";
import { ApplicantsLink } from "../applicants/applicants-link";
import { PublicationChannels } from "../channels/publication-channels";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { VacancyMatches } from "../matches/vacancy-matches";
import { usePageTitle } from "../navigation/page-title";
import { HiringSection } from "../onboarding/hiring-section";
import { VacancyClosure, VacancyReserveList } from "../reserve-lists/vacancy-sections";
import { VacancyEvents } from "../selection-events/vacancy-events";
import { SelectionSection } from "../selection-results/selection-section";
import { formatDateTime, formatDay, formatHours, formatSalary, formatScale, isExpired } from "./format";
import { AudienceBadges, PageLoader, Section, StatusBadge } from "./ui";
import classes from "./vacancies.module.css";
import {
  copyVacancy,
  deleteVacancy,
  referenceListsQuery,
  transitionVacancy,
  vacancyHistoryQuery,
  vacancyKeys,
  vacancyPdfUrl,
  vacancyQuery,
} from "./vacancies-api";
import { FIELD_LABEL_KEYS } from "./vacancy-draft";
import { AttachmentList } from "./vacancy-files";
import { VacancyTeamPanel } from "./vacancy-team";

const FROM_KEY: Record<Audience, keyof Publication> = {
  organisation: "organisationFrom",
  portal: "portalFrom",
  all_portals: "allPortalsFrom",
  public: "publicFrom",
};

/** The one-off confirmation a previous page left in the history state (saved, copied, deleted). */
export function useVacancyNotice(): string | undefined {
  return useRouterState({ select: (s) => s.location.state.vacancyNotice });
}

import { Facts } from "../../ui/facts";

/** The labels of reference ids (function group, education level), once the lists are there. */
export function useReferenceLabels() {
  const locale = useLocale();
  const lists = useQuery(referenceListsQuery);
  return {
    functionGroup: (id: string | null) =>
      id ? (lists.data?.occupationGroups.find((g) => g.id === id)?.label[locale] ?? id) : null,
    educationLevel: (id: string | null) =>
      id ? (lists.data?.educationLevels.find((l) => l.id === id)?.label[locale] ?? id) : null,
  };
}

export function workAddressText(vacancy: Vacancy): string | null {
  const a = vacancy.workAddress;
  const street = [a.street, a.houseNumber].filter(Boolean).join(" ");
  const place = [a.postcode, a.city].filter(Boolean).join(" ");
  return [street, place].filter(Boolean).join(", ") || null;
}

const TRANSITION_NOTICE: Record<VacancyAction, string> = {
  publish: "vacancies.detail.done.publish",
  withdraw: "vacancies.detail.done.withdraw",
  close: "vacancies.detail.done.close",
  archive: "vacancies.detail.done.archive",
  reactivate: "vacancies.detail.done.reactivate",
  approve: "vacancies.detail.done.approve",
  reject: "vacancies.detail.done.reject",
};

/** What the server says is missing (publishing with empty fields), as a list of field names. */
export function TransitionError({
  error,
  vacancy,
}: {
  error: unknown;
  vacancy: Pick<Vacancy, "id" | "permissions">;
}) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.fields.length === 0) return <FormError error={error} />;
  return (
    <Notice color="red" title={error.message}>
      <List size="sm" mb={vacancy.permissions.edit ? "xs" : 0}>
        {error.fields.map((field) => {
          const key = FIELD_LABEL_KEYS[field.path];
          return (
            <List.Item key={`${field.path}:${field.message}`}>
              {key ? `${t(key)}: ` : field.path ? `${field.path}: ` : ""}
              {field.message}
            </List.Item>
          );
        })}
      </List>
      {vacancy.permissions.edit && (
        <Anchor component={AppLink} href={`/vacaturebeheer/${vacancy.id}/bewerken`} fw={600}>
          {t("vacancies.detail.completeFields")}
        </Anchor>
      )}
    </Notice>
  );
}

function DecisionDialog({
  action,
  onClose,
  onConfirm,
  pending,
  error,
}: {
  action: "approve" | "reject";
  onClose: () => void;
  onConfirm: (comment: string | null) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState("");
  const [attempted, setAttempted] = useState(false);
  // Rejecting needs a reason; the requester reads it.
  const missing = attempted && action === "reject" && comment.trim() === "";
  const commentError = fieldErrors(error, "comment")[0];
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t(`vacancies.detail.${action}Title`)}
      closeLabel={t("admin.close")}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setAttempted(true);
          if (action === "reject" && comment.trim() === "") return;
          onConfirm(comment.trim() || null);
        }}
        noValidate
      >
        <Stack gap="sm">
          {!commentError && <FormError error={error} />}
          <Textarea
            label={t("vacancies.detail.decisionComment")}
            description={t(`vacancies.detail.${action}Hint`)}
            required={action === "reject"}
            error={commentError ?? (missing ? t("vacancies.detail.reasonRequired") : undefined)}
            autosize
            minRows={3}
            maxLength={2000}
            data-autofocus
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
          />
          <Group gap="sm">
            <Button type="submit" color={action === "reject" ? "red.9" : undefined} loading={pending}>
              {t(`vacancies.detail.${action}`)}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {t("identity.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function DeleteDialog({ vacancy, onClose }: { vacancy: Vacancy; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => deleteVacancy(vacancy.id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: vacancyKeys.detail(vacancy.id) });
      await queryClient.invalidateQueries({ queryKey: ["vacancies", "list"] });
      void navigate({
        to: "/vacaturebeheer",
        state: (old) => ({
          ...old,
          vacancyNotice: t("vacancies.detail.done.delete", { title: vacancy.displayTitle }),
        }),
      });
    },
  });
  return (
    <Dialog opened onClose={onClose} title={t("vacancies.detail.deleteTitle")} closeLabel={t("admin.close")}>
      <Stack gap="md">
        <Text>{t("vacancies.detail.deleteText", { title: vacancy.displayTitle })}</Text>
        <FormError error={mutation.error} />
        <Group gap="sm">
          <Button color="red.9" loading={mutation.isPending} onClick={() => mutation.mutate()} data-autofocus>
            {t("vacancies.detail.delete")}
          </Button>
          <Button variant="subtle" onClick={onClose}>
            {t("identity.cancel")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A stored value as people read it: dates as dates, statuses and choices in words. */
function historyValue(field: string, value: unknown, locale: Locale, t: Translate): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? t("vacancies.history.yes") : t("vacancies.history.no");
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, locale);
    const lists: Record<string, string> = {
      status: "vacancies.status",
      audience: "vacancies.audience",
      kind: "vacancies.kind",
      serviceModel: "vacancies.serviceModel",
      contactVia: "vacancies.contactVia",
      durationKind: "vacancies.duration",
    };
    const list = lists[field];
    if (list) return t(`${list}.${value}`, { defaultValue: value });
    return value;
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Ids and file keys mean nothing to people: for those only "changed" is shown. */
const OPAQUE_FIELD = /(Id|FileKey)$/;

/** A new vacancy's entry lists every field it was given; the vacancy itself shows those. */
const WITHOUT_CHANGES = new Set(["created", "requested", "copied"]);

function HistoryRow({ entry }: { entry: VacancyHistoryEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useReferenceLabels();
  const changes = WITHOUT_CHANGES.has(entry.action) ? [] : Object.entries(entry.changes);
  const show = (field: string, value: unknown) =>
    typeof value === "string" && field === "functionGroup"
      ? (labels.functionGroup(value) ?? value)
      : typeof value === "string" && field === "educationLevel"
        ? (labels.educationLevel(value) ?? value)
        : historyValue(field, value, locale, t);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(entry.at, locale)}</Table.Td>
      <Table.Td>{entry.actor?.name ?? t("vacancies.history.system")}</Table.Td>
      <Table.Td>{t(`vacancies.history.actions.${entry.action}`, { defaultValue: entry.action })}</Table.Td>
      <Table.Td>
        {changes.length > 0 && (
          <List size="sm" spacing={2}>
            {changes.map(([field, [before, after]]) => {
              const label = t(FIELD_LABEL_KEYS[field] ?? `vacancies.history.fields.${field}`, {
                defaultValue: field,
              });
              return (
                <List.Item key={field}>
                  {OPAQUE_FIELD.test(field)
                    ? t("vacancies.history.changed", { field: label })
                    : `${label}: ${show(field, before)} → ${show(field, after)}`}
                </List.Item>
              );
            })}
          </List>
        )}
        {entry.comment && (
          <Text size="sm" className={classes.description}>
            {entry.comment}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function History({ id }: { id: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const history = useQuery(vacancyHistoryQuery(id));
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <Notice color="red">{errorText(history.error)}</Notice>;
  if (history.data.length === 0) return <Text c="dimmed">{t("vacancies.history.empty")}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped>
        <Table.Caption c="dimmed">{t("vacancies.history.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("vacancies.history.when")}</Table.Th>
            <Table.Th scope="col">{t("vacancies.history.who")}</Table.Th>
            <Table.Th scope="col">{t("vacancies.history.action")}</Table.Th>
            <Table.Th scope="col">{t("vacancies.history.changes")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data.map((entry) => (
            <HistoryRow key={entry.id} entry={entry} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The status actions of the meer-opties menu, as the API allows them: archiving follows its
 * own permission, everything else the right to publish.
 */
export function statusActions(vacancy: Pick<Vacancy, "status" | "permissions">): VacancyAction[] {
  const { publish, archive } = vacancy.permissions;
  const status = vacancy.status;
  const actions: VacancyAction[] = [];
  if (publish && (status === "draft" || status === "withdrawn" || status === "closed"))
    actions.push("publish");
  if (publish && status === "published") actions.push("withdraw");
  if (publish && (status === "published" || status === "withdrawn")) actions.push("close");
  if (archive) actions.push("archive");
  if (publish && status === "archived") actions.push("reactivate");
  return actions;
}

export const ACTION_ICON: Record<VacancyAction, ReactNode> = {
  publish: <IconSend aria-hidden="true" size={16} />,
  withdraw: <IconEyeOff aria-hidden="true" size={16} />,
  close: <IconLock aria-hidden="true" size={16} />,
  archive: <IconArchive aria-hidden="true" size={16} />,
  reactivate: <IconRefresh aria-hidden="true" size={16} />,
  approve: null,
  reject: null,
};

/** HalloWerk's "Vacature detailpagina" with the meer-opties menu and the history. */
export function VacancyDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useQuery(vacancyQuery(id));
  const me = useQuery(meQuery);
  const labels = useReferenceLabels();
  const notice = useVacancyNotice();
  const [done, setDone] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<"approve" | "reject" | null>(null);
  const [deleting, setDeleting] = useState(false);
  usePageTitle(query.data?.displayTitle ?? t("vacancies.detail.title"), "/vacaturebeheer");

  const transition = useMutation({
    mutationFn: ({ action, comment }: { action: VacancyAction; comment: string | null }) =>
      transitionVacancy(id, action, comment),
    onSuccess: (saved, { action }) => {
      queryClient.setQueryData(vacancyKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: ["vacancies", "list"] });
      void queryClient.invalidateQueries({ queryKey: vacancyKeys.history(id) });
      setDeciding(null);
      setDone(t(TRANSITION_NOTICE[action]));
    },
  });
  const copy = useMutation({
    mutationFn: () => copyVacancy(id),
    onSuccess: (created) => {
      queryClient.setQueryData(vacancyKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: ["vacancies", "list"] });
      void navigate({
        to: "/vacaturebeheer/$id/bewerken",
        params: { id: created.id },
        state: (old) => ({ ...old, vacancyNotice: t("vacancies.detail.done.copy") }),
      });
    },
  });

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const vacancy = query.data;
  const roles = me.data?.roles ?? [];
  // Employers and candidates are HalloWerk's account managers' screens.
  const staffSearch = roles.some(
    (r) => r === "account_manager" || r === "org_admin" || r === "platform_admin",
  );
  const actions = statusActions(vacancy);
  const run = (action: VacancyAction) => {
    setDone(null);
    copy.reset();
    transition.mutate({ action, comment: null });
  };
  const closes = vacancy.publication.closesOn;

  return (
    <Stack gap="lg" maw={1100} mx="auto">
      {(done ?? notice) && (
        <Notice color="green" status>
          {done ?? notice}
        </Notice>
      )}
      {transition.isError && !deciding && <TransitionError error={transition.error} vacancy={vacancy} />}
      <FormError error={copy.error} />

      <Section
        title={t("vacancies.detail.summary")}
        action={
          <Group gap="xs" wrap="nowrap">
            {vacancy.status === "draft" && vacancy.permissions.publish && (
              <Button
                leftSection={<IconSend aria-hidden="true" size={16} />}
                loading={transition.isPending && transition.variables?.action === "publish"}
                onClick={() => run("publish")}
              >
                {t("vacancies.actions.publish")}
              </Button>
            )}
            {/* In the page's landmarks (axe: region), and without Mantine's focus placeholder, a
                focusable "presentation" div that is no menu item (axe: aria-required-children):
                the first item marked data-autofocus takes the focus. */}
            <Menu position="bottom-end" withinPortal={false} withInitialFocusPlaceholder={false}>
              <Menu.Target>
                <ActionIcon variant="outline" size="lg" aria-label={t("vacancies.detail.moreOptions")}>
                  <IconDots aria-hidden="true" size={20} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {vacancy.permissions.edit && (
                  <Menu.Item
                    data-autofocus
                    component={AppLink}
                    href={`/vacaturebeheer/${vacancy.id}/bewerken`}
                    leftSection={<IconEdit aria-hidden="true" size={16} />}
                  >
                    {t("vacancies.actions.edit")}
                  </Menu.Item>
                )}
                {vacancy.permissions.edit && (
                  <Menu.Item
                    data-autofocus
                    component={AppLink}
                    href={`/vacaturebeheer/${vacancy.id}/formulier`}
                    leftSection={<IconForms aria-hidden="true" size={16} />}
                  >
                    {t("forms.builder.menuItem")}
                  </Menu.Item>
                )}
                {actions.map((action) => (
                  <Menu.Item
                    key={action}
                    data-autofocus
                    leftSection={ACTION_ICON[action]}
                    onClick={() => run(action)}
                  >
                    {t(`vacancies.actions.${action}`)}
                  </Menu.Item>
                ))}
                {vacancy.permissions.edit && (
                  <Menu.Item
                    data-autofocus
                    leftSection={<IconCopy aria-hidden="true" size={16} />}
                    onClick={() => {
                      setDone(null);
                      copy.mutate();
                    }}
                  >
                    {t("vacancies.actions.copy")}
                  </Menu.Item>
                )}
                {vacancy.permissions.delete && (
                  <Menu.Item
                    data-autofocus
                    color="red"
                    leftSection={<IconTrash aria-hidden="true" size={16} />}
                    onClick={() => setDeleting(true)}
                  >
                    {t("vacancies.actions.delete")}
                  </Menu.Item>
                )}
                <Menu.Divider />
                {staffSearch && (
                  <Menu.Item
                    data-autofocus
                    component={AppLink}
                    href={`/werkgevers/${vacancy.organisation.id}`}
                    leftSection={<IconBuilding aria-hidden="true" size={16} />}
                  >
                    {t("vacancies.actions.showCompany")}
                  </Menu.Item>
                )}
                {staffSearch && (
                  <Menu.Item
                    data-autofocus
                    component={AppLink}
                    href={`/kandidaten?vacancy=${encodeURIComponent(vacancy.id)}`}
                    leftSection={<IconSearch aria-hidden="true" size={16} />}
                  >
                    {t("vacancies.actions.searchCandidates")}
                  </Menu.Item>
                )}
                <Menu.Item
                  data-autofocus
                  component="a"
                  href={`/vacaturebeheer/${vacancy.id}/print`}
                  target="_blank"
                  rel="noopener"
                  leftSection={<IconPrinter aria-hidden="true" size={16} />}
                >
                  {t("vacancies.actions.print")}
                </Menu.Item>
                <Menu.Item
                  data-autofocus
                  component="a"
                  href={vacancyPdfUrl(vacancy.id)}
                  download
                  leftSection={<IconDownload aria-hidden="true" size={16} />}
                >
                  {t("vacancies.actions.pdf")}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        }
      >
        <Stack gap="md">
          <div>
            <Text fz="xl" fw={700}>
              {vacancy.displayTitle}
            </Text>
            <Text c="dimmed">{vacancy.functionTitle}</Text>
          </div>
          <Group gap="xs">
            <StatusBadge status={vacancy.status} />
            <Text c="dimmed">
              {t("vacancies.detail.addedBy", {
                kind: t(`vacancies.createdByKind.${vacancy.createdByKind}`),
              })}
              {vacancy.createdBy ? ` (${vacancy.createdBy.name})` : ""}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <Facts
              items={[
                [
                  t("vacancies.fields.organisation"),
                  <>
                    {vacancy.organisation.name}
                    {vacancy.organisation.city ? `, ${vacancy.organisation.city}` : ""}
                  </>,
                ],
                [t("vacancies.fields.department"), vacancy.department?.name],
                [
                  t("vacancies.fields.location"),
                  // The organisation's site where it has sites ("De Duinen Kijkduin, Den Haag").
                  vacancy.site ? `${vacancy.site.name}, ${vacancy.site.city}` : vacancy.workAddress.city,
                ],
                [t("vacancies.fields.contact"), vacancy.contact?.name],
                [t("vacancies.fields.accountManager"), vacancy.accountManager?.name],
                [t("vacancies.fields.owner"), vacancy.owner?.name],
                [t("vacancies.fields.serviceModel"), t(`vacancies.serviceModel.${vacancy.serviceModel}`)],
                [t("vacancies.fields.positions"), String(vacancy.positions)],
                [t("vacancies.fields.contactVia"), t(`vacancies.contactVia.${vacancy.contactVia}`)],
              ]}
            />
            <Facts
              items={[
                ...AUDIENCES.map((audience): [string, ReactNode] => {
                  const from = vacancy.publication[FROM_KEY[audience]];
                  return [
                    t(`vacancies.audienceFrom.${audience}`),
                    from ? formatDay(from, locale) : t("vacancies.detail.notPublished"),
                  ];
                }),
                [
                  t("vacancies.fields.closesOn"),
                  closes
                    ? `${formatDay(closes, locale)}${isExpired(closes) ? ` (${t("vacancies.expired")})` : ""}`
                    : t("vacancies.detail.noClosingDate"),
                ],
                [t("vacancies.detail.visibleNow"), <AudienceBadges key="v" audiences={vacancy.visibleTo} />],
              ]}
            />
          </SimpleGrid>
        </Stack>
      </Section>

      {vacancy.request && (
        <Section title={t("vacancies.detail.request")}>
          <Stack gap="sm">
            <Facts
              items={[
                [t("vacancies.detail.requestedBy"), vacancy.request.requestedBy?.name],
                [t("vacancies.fields.requestComment"), vacancy.request.comment],
                [t("vacancies.detail.decidedBy"), vacancy.request.decidedBy?.name],
                [
                  t("vacancies.detail.decidedAt"),
                  vacancy.request.decidedAt ? formatDateTime(vacancy.request.decidedAt, locale) : null,
                ],
                [t("vacancies.detail.decisionComment"), vacancy.request.decisionComment],
              ]}
            />
            {vacancy.status === "requested" && vacancy.permissions.approve && (
              <Group gap="sm">
                <Button onClick={() => setDeciding("approve")}>{t("vacancies.detail.approve")}</Button>
                <Button variant="outline" color="red" onClick={() => setDeciding("reject")}>
                  {t("vacancies.detail.reject")}
                </Button>
              </Group>
            )}
          </Stack>
        </Section>
      )}

      <Section title={t("vacancies.detail.function")}>
        <Stack gap="md">
          <Group align="flex-start" gap="xl" wrap="wrap">
            <Facts
              items={[
                [t("vacancies.fields.functionTitle"), vacancy.functionTitle],
                [t("vacancies.fields.occupation"), vacancy.occupation?.label],
                [t("vacancies.fields.functionGroup"), labels.functionGroup(vacancy.functionGroup)],
                [t("vacancies.fields.educationLevel"), labels.educationLevel(vacancy.educationLevel)],
                [t("vacancies.fields.kind"), t(`vacancies.kind.${vacancy.kind}`)],
                [t("vacancies.fields.hours"), formatHours(vacancy.hoursMin, vacancy.hoursMax, t)],
                [
                  t("vacancies.fields.salaryScale"),
                  formatScale(vacancy.salaryScaleMin, vacancy.salaryScaleMax, t),
                ],
                [t("vacancies.fields.salary"), formatSalary(vacancy.salaryMin, vacancy.salaryMax, locale, t)],
                [
                  t("vacancies.fields.duration"),
                  vacancy.durationKind === "temporary" && vacancy.durationEndsOn
                    ? t("vacancies.duration.temporaryUntil", {
                        date: formatDay(vacancy.durationEndsOn, locale),
                      })
                    : t(`vacancies.duration.${vacancy.durationKind}`),
                ],
                [
                  t("vacancies.fields.workAddress"),
                  `${workAddressText(vacancy) ?? "–"}${vacancy.workAddress.isHeadOffice ? ` (${t("vacancies.detail.headOffice")})` : ""}`,
                ],
              ]}
            />
            {vacancy.imageUrl && (
              <Image src={vacancy.imageUrl} alt="" maw={200} radius="sm" style={{ marginLeft: "auto" }} />
            )}
          </Group>
          <div>
            <Title order={3} size="h4" mb={4}>
              {t("vacancies.fields.description")}
            </Title>
            {vacancy.description ? (
              <Text className={classes.description}>{vacancy.description}</Text>
            ) : (
              <Text c="dimmed">{t("vacancies.detail.noDescription")}</Text>
            )}
          </div>
        </Stack>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t("vacancies.files.attachments")}>
          <AttachmentList attachments={vacancy.attachments} />
        </Section>
        <Section title={t("vacancies.detail.candidates")}>
          <Stack gap="sm">
            <Facts
              items={[
                [t("vacancies.detail.saved"), String(vacancy.counts.saved)],
                [t("vacancies.detail.proposed"), String(vacancy.counts.proposed)],
                [t("vacancies.detail.applied"), String(vacancy.counts.applied)],
              ]}
            />
            <ApplicantsLink vacancyId={vacancy.id} />
            <VacancyEvents vacancyId={vacancy.id} />
            {staffSearch && (
              <Button
                component={AppLink}
                href={`/kandidaten?vacancy=${encodeURIComponent(vacancy.id)}`}
                variant="light"
                leftSection={<IconSearch aria-hidden="true" size={16} />}
                style={{ alignSelf: "flex-start" }}
              >
                {t("vacancies.actions.searchCandidates")}
              </Button>
            )}
          </Stack>
        </Section>
      </SimpleGrid>

      <VacancyTeamPanel vacancyId={vacancy.id} />
      <SelectionSection vacancyId={vacancy.id} />
      <PublicationChannels vacancy={vacancy} />
      <HiringSection vacancyId={vacancy.id} />
      <VacancyReserveList vacancyId={vacancy.id} />
      <VacancyClosure vacancyId={vacancy.id} />

      <VacancyMatches vacancyId={vacancy.id} />

      <Section title={t("vacancies.history.title")}>
        <History id={vacancy.id} />
      </Section>

      {deciding && (
        <DecisionDialog
          action={deciding}
          onClose={() => {
            setDeciding(null);
            transition.reset();
          }}
          onConfirm={(comment) => transition.mutate({ action: deciding, comment })}
          pending={transition.isPending}
          error={transition.error}
        />
      )}
      {deleting && <DeleteDialog vacancy={vacancy} onClose={() => setDeleting(false)} />}
      <Button
        component={AppLink}
        href="/vacaturebeheer"
        variant="subtle"
        leftSection={<IconArrowBackUp aria-hidden="true" size={16} />}
        style={{ alignSelf: "flex-start" }}
      >
        {t("vacancies.detail.backToOverview")}
      </Button>
    </Stack>
  );
}
