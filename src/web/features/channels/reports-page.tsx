import { Anchor, Group, Select, Stack, Table, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicantsBySourceReport, JobSiteClicksReport } from "../../../contracts/channels";
import { dateTimeFormat } from "../../../contracts/intl";
import { type BarSeries, GroupedBarChart } from "../../ui/bar-chart";
import { DateField } from "../../ui/date-field";
import { ScrollTable } from "../../ui/scroll-table";
import { fieldErrors, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PageLoader, Section } from "../vacancies/ui";
import {
  applicantsBySourceQuery,
  applicantsBySourceUrl,
  jobSiteClicksQuery,
  jobSiteClicksUrl,
} from "./channels-api";

const CLICK_COLORS = [
  "var(--mantine-color-indigo-text)",
  "var(--mantine-color-orange-text)",
  "var(--mantine-color-teal-text)",
];
const APPLICANT_COLOR = "var(--mantine-color-indigo-text)";

/** Today in the Dutch calendar (the reports count days there), as YYYY-MM-DD. */
function todayIso(): string {
  return dateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

function daysBefore(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * "Rapportages vacaturesites" (Vlimpers, multiposter): where the organisation family's vacancies
 * were seen and clicked, and where applicants came from and how far they got, for a period.
 */
export function ChannelReportsPage() {
  const { t } = useTranslation();
  const today = todayIso();
  const [from, setFrom] = useState(daysBefore(today, 29));
  const [to, setTo] = useState(today);
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Text c="dimmed">{t("channels.reports.intro")}</Text>
      <Group gap="md" align="flex-start" role="group" aria-label={t("channels.reports.period")}>
        <DateField label={t("channels.reports.from")} value={from} onChange={setFrom} max={to || undefined} />
        <DateField label={t("channels.reports.to")} value={to} onChange={setTo} min={from || undefined} />
      </Group>
      {from && to ? (
        <>
          <ClicksReport from={from} to={to} />
          <ApplicantsReport from={from} to={to} />
        </>
      ) : (
        <Text>{t("channels.reports.choosePeriod")}</Text>
      )}
    </Stack>
  );
}

function PeriodError({ error }: { error: unknown }) {
  const errorText = useErrorText();
  const fields = [...fieldErrors(error, "querystring.from"), ...fieldErrors(error, "querystring.to")];
  return <Notice color="red">{fields.length > 0 ? fields.join(" ") : errorText(error)}</Notice>;
}

function Download({ href, label }: { href: string; label: string }) {
  return (
    <Anchor href={href} download size="sm">
      <Group gap={4} wrap="nowrap" component="span">
        <IconDownload aria-hidden="true" size={16} />
        {label}
      </Group>
    </Anchor>
  );
}

function ClicksReport({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const query = useQuery(jobSiteClicksQuery(from, to));
  return (
    <Section
      title={t("channels.reports.clicksTitle")}
      action={<Download href={jobSiteClicksUrl(from, to, true)} label={t("channels.reports.downloadXlsx")} />}
    >
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <PeriodError error={query.error} />
      ) : (
        <ClicksBody report={query.data} />
      )}
    </Section>
  );
}

function ClicksBody({ report }: { report: JobSiteClicksReport }) {
  const { t } = useTranslation();
  if (report.rows.length === 0) return <Text>{t("channels.reports.noClicks")}</Text>;
  const series: BarSeries[] = [
    { label: t("channels.reports.views"), color: CLICK_COLORS[0]! },
    { label: t("channels.reports.clicks"), color: CLICK_COLORS[1]! },
    { label: t("channels.reports.applications"), color: CLICK_COLORS[2]! },
  ];
  return (
    <Stack gap="md">
      <GroupedBarChart
        caption={t("channels.reports.clicksCaption")}
        groupHeader={t("channels.reports.jobSite")}
        series={series}
        groups={report.totals.map((total) => ({
          label: total.jobSite.name,
          values: [total.views, total.clicks, total.applications],
        }))}
      />
      <ScrollTable label={t("channels.reports.clicksTable")} minWidth={640}>
        <Table striped captionSide="top">
          <Table.Caption>{t("channels.reports.clicksTable")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("channels.reports.jobSite")}</Table.Th>
              <Table.Th scope="col">{t("channels.reports.vacancy")}</Table.Th>
              <Table.Th scope="col">{t("channels.reports.views")}</Table.Th>
              <Table.Th scope="col">{t("channels.reports.clicks")}</Table.Th>
              <Table.Th scope="col">{t("channels.reports.applications")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((row) => (
              <Table.Tr key={`${row.jobSite.id}:${row.vacancy.id}`}>
                <Table.Td>{row.jobSite.name}</Table.Td>
                <Table.Td>{row.vacancy.title}</Table.Td>
                <Table.Td>{row.views}</Table.Td>
                <Table.Td>{row.clicks}</Table.Td>
                <Table.Td>{row.applications}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

function ApplicantsReport({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const [vacancyId, setVacancyId] = useState<string | undefined>(undefined);
  const query = useQuery(applicantsBySourceQuery(from, to, vacancyId));
  return (
    <Section
      title={t("channels.reports.applicantsTitle")}
      action={
        <Download
          href={applicantsBySourceUrl(from, to, vacancyId, true)}
          label={t("channels.reports.downloadXlsx")}
        />
      }
    >
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <PeriodError error={query.error} />
      ) : (
        <Stack gap="md">
          <Select
            label={t("channels.reports.vacancyFilter")}
            placeholder={t("channels.reports.allVacancies")}
            clearable
            searchable
            maw={480}
            value={vacancyId ?? null}
            onChange={(value) => setVacancyId(value ?? undefined)}
            data={query.data.vacancies.map((v) => ({ value: v.id, label: v.title }))}
            nothingFoundMessage={t("channels.reports.noVacancyFound")}
            comboboxProps={{ withinPortal: true }}
          />
          <ApplicantsBody report={query.data} />
        </Stack>
      )}
    </Section>
  );
}

function ApplicantsBody({ report }: { report: ApplicantsBySourceReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (report.rows.length === 0) return <Text>{t("channels.reports.noApplicants")}</Text>;
  const sourceName = (row: ApplicantsBySourceReport["rows"][number]) =>
    row.source === "direct" ? t("channels.reports.direct") : (row.jobSiteName ?? row.source);
  return (
    <Stack gap="md">
      <GroupedBarChart
        caption={t("channels.reports.applicantsCaption")}
        groupHeader={t("channels.reports.source")}
        series={[{ label: t("channels.reports.applicants"), color: APPLICANT_COLOR }]}
        groups={report.rows.map((row) => ({ label: sourceName(row), values: [row.total] }))}
      />
      <ScrollTable label={t("channels.reports.applicantsTable")} minWidth={640}>
        <Table striped captionSide="top">
          <Table.Caption>{t("channels.reports.applicantsTable")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("channels.reports.source")}</Table.Th>
              {report.phases.map((phase) => (
                <Table.Th scope="col" key={phase.key}>
                  {phase.label[locale]}
                </Table.Th>
              ))}
              <Table.Th scope="col">{t("channels.reports.total")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((row) => (
              <Table.Tr key={row.source}>
                <Table.Th scope="row">
                  {sourceName(row)}
                  {row.jobSiteName && row.source !== row.jobSiteName.toLowerCase() && (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      ({row.source})
                    </Text>
                  )}
                </Table.Th>
                {report.phases.map((phase) => (
                  <Table.Td key={phase.key}>{row.phases[phase.key] ?? 0}</Table.Td>
                ))}
                <Table.Td>{row.total}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
