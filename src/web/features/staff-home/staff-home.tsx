import { SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { isoWeekOf } from "../../../contracts/calendar-weeks";
import {
  STAFF_FIGURE_SERIES,
  STAFF_HOME_ROLES,
  type StaffDashboardResponse,
} from "../../../contracts/staff-home";
import type { BarSeries } from "../../ui/bar-chart";
import { FiguresCard } from "../../ui/figures-card";
import { meQuery } from "../account/me-query";
import { CountBlock } from "../contact-home/contact-home";
import { AccountManagerHome } from "../employers/account-manager-home";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { type MenuRole, menuRoleOnSide } from "../navigation/menu";
import { useSide } from "../navigation/side";
import { formatDay } from "../vacancies/format";
import { PageLoader } from "../vacancies/ui";
import { staffDashboardQuery } from "./staff-home-api";

/** Whether someone looking from this side gets the staff dashboard instead of the welcome. */
export function isStaffHome(role: MenuRole): boolean {
  return (STAFF_HOME_ROLES as readonly string[]).includes(role);
}

const SERIES_COLOR: Record<(typeof STAFF_FIGURE_SERIES)[number], string> = {
  published: "var(--mantine-color-indigo-text)",
  applications: "var(--mantine-color-teal-text)",
  proposals: "var(--mantine-color-orange-text)",
  placements: "var(--mantine-color-grape-text)",
};

/** The vacancy overview with these filters; "mine" for those who count their own vacancies. */
function vacanciesHref(data: StaffDashboardResponse, filters: Record<string, string>): string {
  const search = new URLSearchParams(data.vacancyFilter === "mine" ? { accountManager: "mine" } : {});
  for (const [key, value] of Object.entries(filters)) search.set(key, value);
  return `/vacaturebeheer?${search.toString()}`;
}

function Blocks({ data }: { data: StaffDashboardResponse }) {
  const { t } = useTranslation();
  const mine = data.vacancyFilter === "mine";
  const blocks = [
    data.newApplications && (
      <CountBlock
        key="applications"
        title={t("staffHome.blocks.applications.title")}
        count={data.newApplications.count}
        text={t(mine ? "staffHome.blocks.applications.textMine" : "staffHome.blocks.applications.text", {
          count: data.newApplications.vacancies,
        })}
        href={vacanciesHref(data, { applications: "new" })}
        linkLabel={t("staffHome.blocks.applications.link")}
      />
    ),
    data.closingSoon && (
      <CountBlock
        key="closing"
        title={t("staffHome.blocks.closing.title")}
        count={data.closingSoon.count}
        text={t(mine ? "staffHome.blocks.closing.textMine" : "staffHome.blocks.closing.text")}
        href={vacanciesHref(data, { closing: "soon", sort: "closing", order: "asc" })}
        linkLabel={t("staffHome.blocks.closing.link")}
      />
    ),
    data.verdicts && (
      <CountBlock
        key="verdicts"
        title={t("staffHome.blocks.verdicts.title")}
        count={data.verdicts.count}
        text={t("staffHome.blocks.verdicts.text")}
        href="#oordelen"
        linkLabel={t("staffHome.blocks.verdicts.link")}
      />
    ),
    data.messages && (
      <CountBlock
        key="messages"
        title={t("staffHome.blocks.messages.title")}
        count={data.messages.count}
        text={t("staffHome.blocks.messages.text")}
        href="/berichten?unread=true"
        linkLabel={t("staffHome.blocks.messages.link")}
      />
    ),
    data.invitations && (
      <CountBlock
        key="invitations"
        title={t("staffHome.blocks.invitations.title")}
        count={data.invitations.count}
        text={t("staffHome.blocks.invitations.text")}
        href="/instellingen?tab=gebruikers&uitnodigingen=open"
        linkLabel={t("staffHome.blocks.invitations.link")}
      />
    ),
    data.newReferrals && (
      <CountBlock
        key="newReferrals"
        title={t("staffHome.blocks.newReferrals.title")}
        count={data.newReferrals.count}
        text={t("staffHome.blocks.newReferrals.text")}
        href="/verwijzingen"
        linkLabel={t("staffHome.blocks.newReferrals.link")}
      />
    ),
    data.referralProgress && (
      <CountBlock
        key="referralProgress"
        title={t("staffHome.blocks.referralProgress.title")}
        count={data.referralProgress.count}
        text={t("staffHome.blocks.referralProgress.text")}
        href="/mijn-verwijzingen"
        linkLabel={t("staffHome.blocks.referralProgress.link")}
      />
    ),
  ].filter(Boolean);
  if (blocks.length === 0) return <Text c="dimmed">{t("staffHome.nothing")}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
      {blocks}
    </SimpleGrid>
  );
}

function Figures({ data }: { data: StaffDashboardResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const series: BarSeries[] = STAFF_FIGURE_SERIES.map((key) => ({
    label: t(`staffHome.figures.${key}`),
    color: SERIES_COLOR[key],
  }));
  const groups = data.figures.map((f) => {
    const { week } = isoWeekOf(f.weekStart);
    return {
      label: t("staffHome.figures.weekShort", { week }),
      longLabel: t("staffHome.figures.weekLong", { week, date: formatDay(f.weekStart, locale) }),
      values: STAFF_FIGURE_SERIES.map((key) => f[key]),
    };
  });
  return (
    <FiguresCard
      title={t("staffHome.figures.title")}
      emptyText={t("staffHome.figures.empty")}
      caption={t("staffHome.figures.caption")}
      groupHeader={t("staffHome.figures.week")}
      series={series}
      groups={groups}
    />
  );
}

function Dashboard() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const dashboard = useQuery(staffDashboardQuery);
  if (dashboard.isPending) return <PageLoader />;
  if (dashboard.isError) return <Notice color="red">{errorText(dashboard.error)}</Notice>;
  return (
    <Stack component="section" gap="md" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {t("staffHome.title")}
      </Title>
      <Blocks data={dashboard.data} />
      <Figures data={dashboard.data} />
    </Stack>
  );
}

/**
 * The staff member's home (issue 19): what waits for them with counts and links, their team's
 * figures per week, and for account managers and org admins their employers, vacancies and what
 * changed. Nothing for anyone else, nor on the candidate side.
 */
export function StaffHome() {
  const me = useQuery(meQuery);
  const side = useSide();
  if (!me.data || !isStaffHome(menuRoleOnSide(me.data.roles, side))) return null;
  return (
    <Stack gap="xl">
      <Dashboard />
      <AccountManagerHome />
    </Stack>
  );
}
