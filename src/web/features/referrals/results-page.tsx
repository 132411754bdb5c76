import { Group, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { dateTimeFormat, numberFormat } from "../../../contracts/intl";
import { intlLocale } from "../../i18n";
import { DateField } from "../../ui/date-field";
import { formatDay, formatMonthYear } from "../../ui/dates";
import { FiguresCard } from "../../ui/figures-card";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PageLoader } from "../vacancies/ui";
import { referralListQuery, referralStatsQuery, type StatsPeriod } from "./referrals-api";
import { ReferralsNav, RequireReferralStaff } from "./ui";

export interface ResultsPageProps {
  period: StatsPeriod;
  onPeriod: (next: StatsPeriod) => void;
}

const SERIES_COLOR = {
  referrals: "var(--mantine-color-indigo-text)",
  hires: "var(--mantine-color-teal-text)",
} as const;

function Results({ period, onPeriod }: ResultsPageProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const tableId = useId();
  const stats = useQuery(referralStatsQuery(period));
  // The sites the caller may choose come with the candidates list's facets.
  const sites = useQuery({ ...referralListQuery({}), select: (data) => data.facets.sites });
  const set = (patch: Partial<StatsPeriod>) => onPeriod({ ...period, ...patch });
  const tag = intlLocale(locale);
  const number = numberFormat(tag);

  return (
    <Stack gap="md">
      <ReferralsNav current="results" />
      <Group
        align="flex-end"
        gap="sm"
        component="form"
        aria-label={t("referrals.results.periodLabel")}
        onSubmit={(e) => e.preventDefault()}
      >
        <DateField
          label={t("referrals.results.from")}
          value={period.from ?? stats.data?.from ?? ""}
          onChange={(from) => set({ from: from || undefined })}
          max={period.to}
          maw={180}
        />
        <DateField
          label={t("referrals.results.to")}
          value={period.to ?? stats.data?.to ?? ""}
          onChange={(to) => set({ to: to || undefined })}
          min={period.from}
          maw={180}
        />
        {(sites.data?.length ?? 0) > 0 && (
          <NativeSelect
            label={t("referrals.filters.site")}
            value={period.siteId ?? ""}
            onChange={(event) => set({ siteId: event.currentTarget.value || undefined })}
            data={[
              { value: "", label: t("referrals.filters.allSites") },
              ...(sites.data ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
        )}
      </Group>
      {stats.isPending ? (
        <PageLoader />
      ) : stats.isError ? (
        <Notice color="red">{errorText(stats.error)}</Notice>
      ) : (
        <>
          <Stack component="section" gap="sm" aria-labelledby={tableId}>
            <Title order={2} size="h3" id={tableId}>
              {t("referrals.results.leaderboard")}
            </Title>
            {stats.data.leaderboard.length === 0 ? (
              <Text>{t("referrals.results.noReferrers")}</Text>
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table verticalSpacing="sm" fz="sm" striped aria-busy={stats.isFetching}>
                  <Table.Caption c="dimmed">
                    {t("referrals.results.caption", {
                      from: formatDay(stats.data.from.slice(0, 10), tag),
                      to: formatDay(stats.data.to.slice(0, 10), tag),
                    })}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("referrals.results.rank")}</Table.Th>
                      <Table.Th scope="col">{t("referrals.columns.referrer")}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t("referrals.results.referrals")}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t("referrals.results.hires")}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {t("referrals.results.points")}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {stats.data.leaderboard.map((row, index) => (
                      <Table.Tr key={row.referrer.id}>
                        <Table.Td>{index + 1}</Table.Td>
                        <Table.Th scope="row" fw={400}>
                          {row.referrer.name}
                        </Table.Th>
                        <Table.Td ta="right">{number.format(row.referrals)}</Table.Td>
                        <Table.Td ta="right">{number.format(row.hires)}</Table.Td>
                        <Table.Td ta="right">{number.format(row.points)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
          <FiguresCard
            title={t("referrals.results.perMonth")}
            emptyText={t("referrals.results.empty")}
            caption={t("referrals.results.chartCaption")}
            groupHeader={t("referrals.results.month")}
            series={[
              { label: t("referrals.results.referrals"), color: SERIES_COLOR.referrals },
              { label: t("referrals.results.hires"), color: SERIES_COLOR.hires },
            ]}
            groups={stats.data.perMonth.map((m) => ({
              label: formatMonthYear(m.month, tag),
              longLabel: dateTimeFormat(tag, {
                month: "long",
                year: "numeric",
                timeZone: "UTC",
              }).format(new Date(`${m.month.slice(0, 7)}-01T00:00:00Z`)),
              values: [m.referrals, m.hires],
            }))}
          />
        </>
      )}
    </Stack>
  );
}

/** "Resultaten": the referrers' leaderboard and the referrals and hires per month. */
export function ResultsPage(props: ResultsPageProps) {
  return (
    <RequireReferralStaff path="/verwijzingen/resultaten">
      <Results {...props} />
    </RequireReferralStaff>
  );
}
