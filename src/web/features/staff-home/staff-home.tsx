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
import type { STAFF_HOME_BLOCKS } from "./blocks";
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

/** One block: its count, where it leads, and its text. */
interface BlockSpec {
  key: (typeof STAFF_HOME_BLOCKS)[number];
  count: number;
  href: string;
  /** The text's key when it differs from `${key}.text`, and its values. */
  text?: { key: string; values?: Record<string, number> };
}

function blockSpecs(data: StaffDashboardResponse): BlockSpec[] {
  const mine = data.vacancyFilter === "mine";
  const specs: (BlockSpec | null)[] = [
    data.newApplications && {
      key: "applications",
      count: data.newApplications.count,
      href: vacanciesHref(data, { applications: "new" }),
      text: {
        key: mine ? "applications.textMine" : "applications.text",
        values: { count: data.newApplications.vacancies },
      },
    },
    data.closingSoon && {
      key: "closing",
      count: data.closingSoon.count,
      href: vacanciesHref(data, { closing: "soon", sort: "closing", order: "asc" }),
      text: { key: mine ? "closing.textMine" : "closing.text" },
    },
    data.verdicts && { key: "verdicts", count: data.verdicts.count, href: "#oordelen" },
    data.messages && { key: "messages", count: data.messages.count, href: "/berichten?unread=true" },
    data.invitations && {
      key: "invitations",
      count: data.invitations.count,
      href: "/instellingen?tab=gebruikers&uitnodigingen=open",
    },
    data.newReferrals && { key: "newReferrals", count: data.newReferrals.count, href: "/verwijzingen" },
    data.referralProgress && {
      key: "referralProgress",
      count: data.referralProgress.count,
      href: "/mijn-verwijzingen",
    },
  ];
  return specs.filter((spec): spec is BlockSpec => spec !== null);
}

function Blocks({ data }: { data: StaffDashboardResponse }) {
  const { t } = useTranslation();
  const blocks = blockSpecs(data).map((spec) => (
    <CountBlock
      key={spec.key}
      title={t(`staffHome.blocks.${spec.key}.title`)}
      count={spec.count}
      text={t(`staffHome.blocks.${spec.text?.key ?? `${spec.key}.text`}`, spec.text?.values)}
      href={spec.href}
      linkLabel={t(`staffHome.blocks.${spec.key}.link`)}
    />
  ));
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
