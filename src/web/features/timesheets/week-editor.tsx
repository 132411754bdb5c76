import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Timesheet } from "../../../contracts/placements";
import { ApiError } from "../../api";
import { NotFoundPage } from "../../routes/not-found";
import { AppLink } from "../../ui/app-link";
import { Redirect } from "../../ui/redirect";
import { Notice, useErrorText } from "../identity/forms";
import { usePageTitle } from "../navigation/page-title";
import { PageLoader, Section } from "../vacancies/ui";
import { editorHref, weekHref } from "./candidate-weeks";
import { useTimesheetFormat } from "./format";
import { RequireTimesheets, TimesheetStatusBadge, WeekTable } from "./timesheet-ui";
import { myPlacementsQuery, myWeekQuery } from "./timesheets-api";
import { mondayOf } from "./week";
import { WeekForm } from "./week-form";

/** The weeks before and after this one that the candidate's list offers (start up to this week). */
function WeekNav({ placementId, weekStart }: { placementId: string; weekStart: string }) {
  const { t } = useTranslation();
  const format = useTimesheetFormat();
  const placements = useQuery(myPlacementsQuery);
  const weeks = (placements.data?.find((p) => p.placement.id === placementId)?.weeks ?? [])
    .map((w) => w.weekStart)
    .sort();
  const index = weeks.indexOf(weekStart);
  if (index < 0) return null;
  const previous = weeks[index - 1];
  const next = weeks[index + 1];
  if (!previous && !next) return null;
  return (
    <Group component="nav" aria-label={t("timesheets.editor.weeks")} justify="space-between">
      {previous ? (
        <Anchor component={AppLink} href={editorHref(placementId, previous)}>
          <Group gap={4} component="span">
            <IconChevronLeft size={16} aria-hidden="true" />
            {t("timesheets.editor.previous", { week: format.weekNumber(previous) })}
          </Group>
        </Anchor>
      ) : (
        <span />
      )}
      {next && (
        <Anchor component={AppLink} href={editorHref(placementId, next)}>
          <Group gap={4} component="span">
            {t("timesheets.editor.next", { week: format.weekNumber(next) })}
            <IconChevronRight size={16} aria-hidden="true" />
          </Group>
        </Anchor>
      )}
    </Group>
  );
}

/** A week that can no longer change: what was sent, and where its history is. */
function SentWeek({ timesheet }: { timesheet: Timesheet }) {
  const { t } = useTranslation();
  const format = useTimesheetFormat();
  return (
    <Stack gap="md">
      <Notice color={timesheet.status === "approved" ? "green" : "orange"} status>
        {timesheet.status === "approved"
          ? t("timesheets.editor.approvedLocked")
          : timesheet.status === "submitted"
            ? t("timesheets.editor.submittedLocked", {
                date: timesheet.submittedAt ? format.moment(timesheet.submittedAt) : "",
              })
            : t("timesheets.editor.locked")}
      </Notice>
      <WeekTable timesheet={timesheet} />
      {timesheet.remark && (
        <Text style={{ whiteSpace: "pre-line" }}>
          <Text component="span" fw={600}>
            {t("timesheets.editor.remark")}:
          </Text>{" "}
          {timesheet.remark}
        </Text>
      )}
      {timesheet.id && (
        <Anchor
          component={AppLink}
          href={weekHref(timesheet.id)}
          fw={600}
          style={{ alignSelf: "flex-start" }}
        >
          {t("timesheets.editor.openWeek")}
        </Anchor>
      )}
    </Stack>
  );
}

function Editor({ placementId, weekStart }: { placementId: string; weekStart: string }) {
  const { t } = useTranslation();
  const format = useTimesheetFormat();
  const errorText = useErrorText();
  const query = useQuery(myWeekQuery(placementId, weekStart));
  const notFound =
    query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 403);
  usePageTitle(notFound ? t("notFound.title") : format.week(weekStart), "/urenstaten");
  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return notFound ? <NotFoundPage /> : <Notice color="red">{errorText(query.error)}</Notice>;
  const timesheet = query.data;
  return (
    <Stack gap="lg" maw={900} mx="auto">
      <WeekNav placementId={placementId} weekStart={weekStart} />
      <Section
        title={t("timesheets.editor.heading", { week: format.week(weekStart) })}
        action={<TimesheetStatusBadge status={timesheet.status} />}
      >
        <Stack gap="md">
          <Stack gap={0}>
            <Title order={3} size="h5">
              {timesheet.vacancy.displayTitle}
            </Title>
            <Text c="dimmed">{timesheet.employer.name}</Text>
          </Stack>
          {timesheet.mayEdit ? (
            <WeekForm key={`${placementId}/${weekStart}`} timesheet={timesheet} />
          ) : (
            <SentWeek timesheet={timesheet} />
          )}
        </Stack>
      </Section>
    </Stack>
  );
}

/** "/urenstaten/$placementId/$weekStart": the placed candidate fills in one week. */
export function WeekEditorPage({ placementId, weekStart }: { placementId: string; weekStart: string }) {
  const { t } = useTranslation();
  const monday = mondayOf(weekStart);
  if (!monday) return <NotFoundPage />;
  // Any day of a week finds its week (a link or a typed address with a Wednesday).
  if (monday !== weekStart) return <Redirect href={editorHref(placementId, monday)} />;
  return (
    <RequireTimesheets path={editorHref(placementId, weekStart)}>
      {(view) =>
        view === "candidate" ? (
          <Editor key={`${placementId}/${weekStart}`} placementId={placementId} weekStart={weekStart} />
        ) : (
          <Notice color="orange">{t("timesheets.editor.onlyCandidates")}</Notice>
        )
      }
    </RequireTimesheets>
  );
}
