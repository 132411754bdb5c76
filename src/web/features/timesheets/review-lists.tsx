import { Anchor, Button, Checkbox, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TimesheetSummary } from "../../../contracts/placements";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { PageLoader, Section } from "../vacancies/ui";
import type { TimesheetsView } from "./access";
import { weekHref } from "./candidate-weeks";
import { useTimesheetFormat } from "./format";
import { MailPreference } from "./mail-preference";
import { TimesheetStatusBadge } from "./timesheet-ui";
import { approveTimesheets, refreshTimesheets, timesheetListQuery } from "./timesheets-api";

type SavedWeek = TimesheetSummary & { id: string };
const saved = (weeks: readonly TimesheetSummary[]) => weeks.filter((w): w is SavedWeek => w.id !== null);

function ApproveDialog({
  ids,
  onClose,
  onApproved,
}: {
  ids: string[];
  onClose: () => void;
  onApproved: (count: number) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => approveTimesheets({ timesheetIds: ids }),
    onSuccess: async (count) => {
      onApproved(count);
      await refreshTimesheets(queryClient);
    },
  });
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("timesheets.review.confirmTitle", { count: ids.length })}
      closeLabel={t("timesheets.close")}
    >
      <Stack gap="md">
        <Text>{t("timesheets.review.confirmText", { count: ids.length })}</Text>
        <FormError error={mutation.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("timesheets.cancel")}
          </Button>
          <Button color="teal.9" loading={mutation.isPending} onClick={() => mutation.mutate()}>
            {t("timesheets.review.approve")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

/** "Te beoordelen": the submitted weeks the caller decides, several at once if they like. */
function WaitingWeeks() {
  const { t } = useTranslation();
  const format = useTimesheetFormat();
  const errorText = useErrorText();
  const query = useQuery(timesheetListQuery("waiting"));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [approved, setApproved] = useState<number | null>(null);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const weeks = saved(query.data);
  // A week another approver decided meanwhile drops out of the selection with the list.
  const chosen = weeks.filter((w) => selected.has(w.id)).map((w) => w.id);
  const all = weeks.length > 0 && chosen.length === weeks.length;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  return (
    <Section title={t("timesheets.review.waitingTitle")}>
      <Stack gap="sm">
        {approved !== null && (
          <Notice color="green" status>
            {t("timesheets.review.approved", { count: approved })}
          </Notice>
        )}
        {weeks.length === 0 ? (
          <Text c="dimmed">{t("timesheets.review.noneWaiting")}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={680}>
              <Table verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w={40}>
                      <Checkbox
                        aria-label={t("timesheets.review.selectAll")}
                        checked={all}
                        indeterminate={chosen.length > 0 && !all}
                        onChange={(e) =>
                          setSelected(new Set(e.currentTarget.checked ? weeks.map((w) => w.id) : []))
                        }
                      />
                    </Table.Th>
                    <Table.Th scope="col">{t("timesheets.columns.candidate")}</Table.Th>
                    <Table.Th scope="col">{t("timesheets.columns.vacancy")}</Table.Th>
                    <Table.Th scope="col">{t("timesheets.columns.week")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("timesheets.columns.hours")}
                    </Table.Th>
                    <Table.Th scope="col">{t("timesheets.columns.submittedAt")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {weeks.map((w) => (
                    <Table.Tr key={w.id}>
                      <Table.Td>
                        <Checkbox
                          aria-label={t("timesheets.review.select", {
                            name: w.candidate.name,
                            week: format.weekNumber(w.weekStart),
                          })}
                          checked={selected.has(w.id)}
                          onChange={(e) => toggle(w.id, e.currentTarget.checked)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={AppLink} href={weekHref(w.id)} fw={600}>
                          {w.candidate.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {w.vacancy.displayTitle}
                        <Text size="sm" c="dimmed">
                          {w.employer.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>{format.week(w.weekStart)}</Table.Td>
                      <Table.Td ta="right">{format.hours(w.totals.total)}</Table.Td>
                      <Table.Td>
                        {w.submittedAt && (
                          <time dateTime={w.submittedAt}>{format.moment(w.submittedAt)}</time>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group>
              <Button
                color="teal.9"
                disabled={chosen.length === 0}
                onClick={() => {
                  setApproved(null);
                  setConfirming(true);
                }}
              >
                {t("timesheets.review.approveSelected", { count: chosen.length })}
              </Button>
            </Group>
          </>
        )}
      </Stack>
      {confirming && (
        <ApproveDialog
          ids={chosen}
          onClose={() => setConfirming(false)}
          onApproved={(count) => {
            setConfirming(false);
            setSelected(new Set());
            setApproved(count);
          }}
        />
      )}
    </Section>
  );
}

/** "Beoordeeld": approved and rejected weeks, latest decision first. */
function DecidedWeeks() {
  const { t } = useTranslation();
  const format = useTimesheetFormat();
  const errorText = useErrorText();
  const query = useQuery(timesheetListQuery("decided"));
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const weeks = saved(query.data);
  return (
    <Section title={t("timesheets.review.decidedTitle")}>
      {weeks.length === 0 ? (
        <Text c="dimmed">{t("timesheets.review.noneDecided")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("timesheets.columns.candidate")}</Table.Th>
                <Table.Th scope="col">{t("timesheets.columns.vacancy")}</Table.Th>
                <Table.Th scope="col">{t("timesheets.columns.week")}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t("timesheets.columns.hours")}
                </Table.Th>
                <Table.Th scope="col">{t("timesheets.columns.status")}</Table.Th>
                <Table.Th scope="col">{t("timesheets.columns.decided")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weeks.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td>
                    <Anchor component={AppLink} href={weekHref(w.id)} fw={600}>
                      {w.candidate.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{w.vacancy.displayTitle}</Table.Td>
                  <Table.Td>{format.week(w.weekStart)}</Table.Td>
                  <Table.Td ta="right">{format.hours(w.totals.total)}</Table.Td>
                  <Table.Td>
                    <TimesheetStatusBadge status={w.status} />
                  </Table.Td>
                  <Table.Td>
                    {w.decidedBy?.name}
                    {w.decidedAt && (
                      <Text size="sm" c="dimmed">
                        <time dateTime={w.decidedAt}>{format.moment(w.decidedAt)}</time>
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/** The contact's (or recruiter's) "Urenstaten": what waits, what was decided, and the mail setting. */
export function ReviewLists({ view }: { view: Exclude<TimesheetsView, "candidate"> }) {
  return (
    <Stack gap="lg">
      <WaitingWeeks />
      <DecidedWeeks />
      {view === "contact" && <MailPreference />}
    </Stack>
  );
}
