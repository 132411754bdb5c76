import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { IconArrowBackUp, IconArrowsExchange, IconMail } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  APPLICANT_SOURCES,
  type ApplicantListResponse,
  type ApplicantSummary,
  NO_CHANNEL,
} from "../../../contracts/applicants";
import { AppLink } from "../../ui/app-link";
import { DateField } from "../../ui/date-field";
import { Dialog } from "../../ui/dialog";
import { OverviewSearch } from "../../ui/overview-search";
import { useBusyAction } from "../../ui/use-busy-action";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { useLabel } from "../referrals/ui";
import { formatDate } from "../vacancies/format";
import { PageLoader, Pager } from "../vacancies/ui";
import { applicantKeys, applicantListQuery, moveApplicants } from "./applicants-api";
import { MailDialog } from "./mail-dialog";
import {
  APPLICANT_PAGE_SIZE,
  type ApplicantSearch,
  answerOf,
  withAnswer,
  withApplicantFilter,
} from "./search-params";

export interface ApplicantsPageProps {
  vacancyId: string;
  search: ApplicantSearch;
  onSearch: (next: ApplicantSearch) => void;
}

type List = ApplicantListResponse;

/** A facet's choices with how many applicants each would give. */
function withCount(label: string, count: number) {
  return `${label} (${count})`;
}

function Filters({ search, onSearch, list }: ApplicantsPageProps & { list: List | undefined }) {
  const { t } = useTranslation();
  const label = useLabel();
  const set = (patch: Partial<ApplicantSearch>) => onSearch(withApplicantFilter(search, patch));
  const phases = list?.phases ?? [];
  return (
    <Stack gap="sm">
      <OverviewSearch
        q={search.q}
        onSubmit={(q) => set({ q })}
        labels={{
          region: t("applicants.filters.searchRegion"),
          label: t("applicants.filters.search"),
          placeholder: t("applicants.filters.searchPlaceholder"),
          submit: t("applicants.filters.searchSubmit"),
        }}
        width={320}
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t("applicants.filters.phase")}
          value={search.fase ?? ""}
          onChange={(event) => set({ fase: event.currentTarget.value || undefined })}
          data={[
            { value: "", label: t("applicants.filters.allPhases") },
            ...phases.map((p) => ({
              value: p.id,
              label: withCount(
                label(p.label),
                list?.facets.phases.find((f) => f.phaseId === p.id)?.count ?? 0,
              ),
            })),
          ]}
        />
        <NativeSelect
          label={t("applicants.filters.source")}
          value={search.bron ?? ""}
          onChange={(event) => set({ bron: APPLICANT_SOURCES.find((s) => s === event.currentTarget.value) })}
          data={[
            { value: "", label: t("applicants.filters.allSources") },
            ...APPLICANT_SOURCES.map((s) => ({
              value: s,
              label: withCount(
                t(`applicants.source.${s}`),
                list?.facets.sources.find((f) => f.source === s)?.count ?? 0,
              ),
            })),
          ]}
        />
        <NativeSelect
          label={t("applicants.filters.channel")}
          value={search.kanaal ?? ""}
          onChange={(event) => set({ kanaal: event.currentTarget.value || undefined })}
          data={[
            { value: "", label: t("applicants.filters.allChannels") },
            ...(list?.facets.channels ?? []).map((c) => ({
              value: c.channel,
              label: withCount(
                c.channel === NO_CHANNEL ? t("applicants.filters.noChannel") : c.channel,
                c.count,
              ),
            })),
          ]}
        />
        <DateField
          label={t("applicants.filters.from")}
          value={search.van ?? ""}
          onChange={(value) => set({ van: value || undefined })}
          maw={180}
        />
        <DateField
          label={t("applicants.filters.to")}
          value={search.tot ?? ""}
          onChange={(value) => set({ tot: value || undefined })}
          maw={180}
        />
      </Group>
      {(list?.answerQuestions.length ?? 0) > 0 && (
        <Group
          align="flex-end"
          gap="sm"
          wrap="wrap"
          role="group"
          aria-label={t("applicants.filters.answers")}
        >
          {list!.answerQuestions.map((question) => (
            <NativeSelect
              key={question.key}
              label={
                question.knockOut
                  ? t("applicants.filters.knockOut", { question: label(question.label) })
                  : label(question.label)
              }
              value={answerOf(search, question.key) ?? ""}
              onChange={(event) =>
                onSearch(withAnswer(search, question.key, event.currentTarget.value || undefined))
              }
              data={[
                { value: "", label: t("applicants.filters.anyAnswer") },
                ...question.options.map((o) => ({ value: o.key, label: label(o.label) })),
              ]}
              maw={260}
            />
          ))}
        </Group>
      )}
    </Stack>
  );
}

function MoveDialog({
  vacancyId,
  list,
  selected,
  onClose,
  onMoved,
}: {
  vacancyId: string;
  list: List;
  selected: ApplicantSummary[];
  onClose: () => void;
  onMoved: (count: number) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const targets = list.phases.filter((p) => list.permissions.moveTo.includes(p.id));
  const [phaseId, setPhaseId] = useState(targets[0]?.id ?? "");
  const [comment, setComment] = useState("");
  const { busy, error, run } = useBusyAction();
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("applicants.move.title", { count: selected.length })}
      closeLabel={t("applicants.close")}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await moveApplicants(vacancyId, {
              matchIds: selected.map((s) => s.id),
              phaseId,
              ...(comment.trim() ? { comment: comment.trim() } : {}),
            });
            onMoved(selected.length);
          });
        }}
      >
        <Stack gap="md">
          <FormError error={error} />
          <Text size="sm">{selected.map((s) => `${s.firstName} ${s.lastName}`).join(", ")}</Text>
          <NativeSelect
            label={t("applicants.move.phase")}
            value={phaseId}
            onChange={(event) => setPhaseId(event.currentTarget.value)}
            data={targets.map((p) => ({ value: p.id, label: label(p.label) }))}
            required
            data-autofocus
          />
          <Textarea
            label={t("applicants.move.comment")}
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Group gap="sm">
            <Button type="submit" loading={busy}>
              {t("applicants.move.submit")}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {t("applicants.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function ApplicantRow({
  vacancyId,
  applicant,
  checked,
  onToggle,
}: {
  vacancyId: string;
  applicant: ApplicantSummary;
  checked: boolean;
  onToggle: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useLabel();
  const name = `${applicant.firstName} ${applicant.lastName}`;
  return (
    <Table.Tr>
      <Table.Td>
        <Checkbox
          aria-label={t("applicants.list.select", { name })}
          checked={checked}
          onChange={(event) => onToggle(event.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Th scope="row" fw={400}>
        <Anchor component={AppLink} href={`/vacaturebeheer/${vacancyId}/sollicitanten/${applicant.id}`}>
          {name}
        </Anchor>
      </Table.Th>
      <Table.Td>{applicant.email ?? "–"}</Table.Td>
      <Table.Td>
        <Badge variant="light" color="gray.8" tt="none">
          {label(applicant.phase.label)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {t(`applicants.source.${applicant.source}`)}
        {applicant.channel ? ` · ${applicant.channel}` : ""}
      </Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(applicant.appliedAt, locale)}</Table.Td>
    </Table.Tr>
  );
}

/** "Sollicitanten": a vacancy's applicants with filters, selection, phase changes and mail. */
export function ApplicantsPage({ vacancyId, search, onSearch }: ApplicantsPageProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const list = useQuery(applicantListQuery(vacancyId, search));
  const [selected, setSelected] = useState<Map<string, ApplicantSummary>>(new Map());
  const [dialog, setDialog] = useState<"move" | "mail" | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // A confirmation belongs to the list it was given on: another filter or page clears it.
  const searchKey = JSON.stringify(search);
  useEffect(() => {
    if (searchKey) setDone(null);
  }, [searchKey]);
  const items = list.data?.items ?? [];
  const allOnPage = items.length > 0 && items.every((i) => selected.has(i.id));
  const someOnPage = items.some((i) => selected.has(i.id));
  const toggle = (applicant: ApplicantSummary, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(applicant.id, applicant);
      else next.delete(applicant.id);
      return next;
    });
  const chosen = [...selected.values()];
  const filtered = Object.keys(search).some((k) => k !== "page");

  if (list.isPending) return <PageLoader />;
  if (list.isError)
    return (
      <Stack gap="md">
        <Notice color="red">{errorText(list.error)}</Notice>
        <Button
          component={AppLink}
          href={`/vacaturebeheer/${vacancyId}`}
          variant="subtle"
          style={{ alignSelf: "flex-start" }}
        >
          {t("applicants.backToVacancy")}
        </Button>
      </Stack>
    );
  const data = list.data;
  const mayMove = data.permissions.moveTo.length > 0;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Text c="dimmed" size="sm">
            {t("applicants.list.vacancy")}
          </Text>
          <Title order={2} fz="h3">
            {data.vacancy.title}
          </Title>
        </Stack>
        {data.permissions.vacancy && (
          <Button
            component={AppLink}
            href={`/vacaturebeheer/${vacancyId}`}
            variant="subtle"
            leftSection={<IconArrowBackUp aria-hidden="true" size={16} />}
          >
            {t("applicants.backToVacancy")}
          </Button>
        )}
      </Group>
      <Filters vacancyId={vacancyId} search={search} onSearch={onSearch} list={data} />
      {done && (
        <Notice color="green" status>
          {done}
        </Notice>
      )}
      <Text c="dimmed" role="status">
        {t("applicants.list.count", { count: data.total })}
      </Text>
      {(mayMove || data.permissions.mail) && (
        <Group gap="sm" aria-label={t("applicants.list.actions")} role="group">
          <Text size="sm">{t("applicants.list.selected", { count: chosen.length })}</Text>
          {mayMove && (
            <Button
              variant="light"
              leftSection={<IconArrowsExchange aria-hidden="true" size={16} />}
              disabled={chosen.length === 0}
              onClick={() => setDialog("move")}
            >
              {t("applicants.list.move")}
            </Button>
          )}
          {data.permissions.mail && (
            <Button
              variant="light"
              leftSection={<IconMail aria-hidden="true" size={16} />}
              disabled={chosen.length === 0}
              onClick={() => setDialog("mail")}
            >
              {t("applicants.list.mail")}
            </Button>
          )}
          {chosen.length > 0 && (
            <Button variant="subtle" onClick={() => setSelected(new Map())}>
              {t("applicants.list.clearSelection")}
            </Button>
          )}
        </Group>
      )}
      {items.length === 0 ? (
        <Text>{filtered ? t("applicants.list.noneFiltered") : t("applicants.list.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="sm" fz="sm" striped aria-busy={list.isFetching}>
            <Table.Caption c="dimmed">{t("applicants.list.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <Checkbox
                    aria-label={t("applicants.list.selectPage")}
                    checked={allOnPage}
                    indeterminate={someOnPage && !allOnPage}
                    onChange={(event) => {
                      const on = event.currentTarget.checked;
                      for (const i of items) toggle(i, on);
                    }}
                  />
                </Table.Th>
                <Table.Th scope="col">{t("applicants.columns.name")}</Table.Th>
                <Table.Th scope="col">{t("applicants.columns.email")}</Table.Th>
                <Table.Th scope="col">{t("applicants.columns.phase")}</Table.Th>
                <Table.Th scope="col">{t("applicants.columns.source")}</Table.Th>
                <Table.Th scope="col">{t("applicants.columns.applied")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <ApplicantRow
                  key={a.id}
                  vacancyId={vacancyId}
                  applicant={a}
                  checked={selected.has(a.id)}
                  onToggle={(on) => toggle(a, on)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Pager
        page={search.page ?? 1}
        total={data.total}
        pageSize={data.pageSize || APPLICANT_PAGE_SIZE}
        onChange={(page) => onSearch({ ...search, page: page === 1 ? undefined : page })}
        label={t("applicants.list.pager")}
      />
      {dialog === "move" && (
        <MoveDialog
          vacancyId={vacancyId}
          list={data}
          selected={chosen}
          onClose={() => setDialog(null)}
          onMoved={(count) => {
            setDialog(null);
            setSelected(new Map());
            setDone(t("applicants.move.done", { count }));
            void queryClient.invalidateQueries({ queryKey: applicantKeys.ofVacancy(vacancyId) });
          }}
        />
      )}
      {dialog === "mail" && (
        <MailDialog
          vacancyId={vacancyId}
          selected={chosen}
          onClose={() => {
            setDialog(null);
            void queryClient.invalidateQueries({ queryKey: applicantKeys.ofVacancy(vacancyId) });
          }}
        />
      )}
    </Stack>
  );
}
