import { Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { JobRun, ScheduledJob } from "../../../contracts/jobs";
import { dateTimeFormat } from "../admin/format";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { jobKeys, runJobNow, scheduledJobsQuery } from "./jobs-api";

const OUTCOME_COLOR = { ok: "green", failed: "red", running: "blue" } as const;

function RunOutcome({ run }: { run: JobRun }) {
  const { t } = useTranslation();
  return (
    <Badge color={OUTCOME_COLOR[run.outcome]} variant="light">
      {t(`jobs.outcome.${run.outcome}`)}
    </Badge>
  );
}

function JobCard({ job }: { job: ScheduledJob }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const format = dateTimeFormat(locale);
  const run = useMutation({
    mutationFn: () => runJobNow(job.name),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
  const title = t(`jobs.names.${job.name}.title`, { defaultValue: job.name });
  const headingId = `job-${job.name}`;
  const busy = run.isPending || job.running;

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id={headingId}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {t(`jobs.names.${job.name}.description`, { defaultValue: "" })}
            </Text>
            <Text size="sm">
              {t("jobs.schedule", { cron: job.cron, timeZone: job.timeZone })} <code>{job.name}</code>
            </Text>
          </Stack>
          <Button
            onClick={() => run.mutate()}
            loading={busy}
            aria-label={t("jobs.runNamed", { name: title })}
          >
            {t("jobs.run")}
          </Button>
        </Group>
        {busy && (
          <Text size="sm" role="status">
            {t("jobs.running")}
          </Text>
        )}
        {run.isSuccess && !busy && (
          <Notice color={run.data.outcome === "ok" ? "green" : "red"} status>
            {run.data.outcome === "ok"
              ? t("jobs.done")
              : t("jobs.failedWith", { error: run.data.error ?? "" })}
          </Notice>
        )}
        {run.isError && (
          <Notice color="red" status>
            {errorText(run.error)}
          </Notice>
        )}
        {job.lastRuns.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("jobs.noRuns")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Caption>{t("jobs.lastRuns", { name: title })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("jobs.started")}</Table.Th>
                  <Table.Th scope="col">{t("jobs.finished")}</Table.Th>
                  <Table.Th scope="col">{t("jobs.trigger.label")}</Table.Th>
                  <Table.Th scope="col">{t("jobs.outcome.label")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {job.lastRuns.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{format.format(new Date(r.startedAt))}</Table.Td>
                    <Table.Td>{r.finishedAt ? format.format(new Date(r.finishedAt)) : "–"}</Table.Td>
                    <Table.Td>{t(`jobs.trigger.${r.trigger}`)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        <RunOutcome run={r} />
                        {r.error && <Text size="sm">{r.error}</Text>}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

/** "Taken": the platform administrator's scheduled jobs, their last runs, and "Nu uitvoeren". */
export function JobsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const jobs = useQuery(scheduledJobsQuery);
  if (jobs.isPending) return <Loader aria-label={t("jobs.loading")} />;
  if (jobs.isError)
    return (
      <Notice color="red" status>
        {errorText(jobs.error)}
      </Notice>
    );
  return (
    <Stack gap="md">
      <Text c="dimmed">{t("jobs.intro")}</Text>
      {!jobs.data.scheduling && (
        <Notice color="orange" status>
          {t("jobs.notScheduled")}
        </Notice>
      )}
      {jobs.data.jobs.map((job) => (
        <JobCard key={job.name} job={job} />
      ))}
    </Stack>
  );
}
