import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../contracts/common";
import { CONTACT_FIGURE_SERIES, type ContactDashboardResponse } from "../../../contracts/contact-home";
import { dateTimeFormat } from "../../../contracts/intl";
import { AppLink } from "../../ui/app-link";
import type { BarSeries } from "../../ui/bar-chart";
import { FiguresCard } from "../../ui/figures-card";
import { meQuery } from "../account/me-query";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { menuRoleOnSide } from "../navigation/menu";
import { useSide } from "../navigation/side";
import { PageLoader } from "../vacancies/ui";
import { vacancyOptionsQuery } from "../vacancies/vacancies-api";
import { contactDashboardQuery } from "./contact-home-api";

const SERIES_COLOR: Record<(typeof CONTACT_FIGURE_SERIES)[number], string> = {
  proposed: "var(--mantine-color-indigo-text)",
  approved: "var(--mantine-color-teal-text)",
  declined: "var(--mantine-color-red-text)",
};

// German and French too: contacts read the portal in their own language (issue 12, part 8).
const INTL_LOCALE: Readonly<Record<string, string>> = { nl: "nl-NL", en: "en-GB", de: "de-DE", fr: "fr-FR" };

/** A `YYYY-MM` month as "jan" and "januari 2026" in the UI language. */
export function monthLabels(month: string, locale: Locale): { short: string; long: string } {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 15));
  const format = (options: Intl.DateTimeFormatOptions) =>
    dateTimeFormat(INTL_LOCALE[locale] ?? locale, { ...options, timeZone: "UTC" }).format(date);
  return {
    short: format({ month: "short" }).replace(".", ""),
    long: format({ month: "long", year: "numeric" }),
  };
}

interface CountBlockProps {
  title: string;
  count: number;
  text: string;
  href: string;
  linkLabel: string;
}

/** One thing that waits for someone: its number and where to deal with it (the staff home's too). */
export function CountBlock({ title, count, text, href, linkLabel }: CountBlockProps) {
  const id = useId();
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Stack gap={4} h="100%">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        <Text fz={40} fw={700} lh={1.1} data-count>
          {count}
        </Text>
        <Text c="dimmed" size="sm">
          {text}
        </Text>
        {/* A link within the page (#…) is the browser's: it scrolls there and moves the focus start. */}
        {href.startsWith("#") ? (
          <Anchor href={href} fw={600} mt="auto" pt="xs">
            {linkLabel}
          </Anchor>
        ) : (
          <Anchor component={AppLink} href={href} fw={600} mt="auto" pt="xs">
            {linkLabel}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

/** Timesheets to approve: shown only once the dashboard reports them (the timesheets issue). */
export function TimesheetsBlock({ figure }: { figure: ContactDashboardResponse["timesheets"] }) {
  const { t } = useTranslation();
  if (!figure) return null;
  return (
    <CountBlock
      title={t("contactHome.blocks.timesheets.title")}
      count={figure.count}
      text={t("contactHome.blocks.timesheets.text")}
      href="/urenstaten"
      linkLabel={t("contactHome.blocks.timesheets.link")}
    />
  );
}

function Figures({ data }: { data: ContactDashboardResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const series: BarSeries[] = CONTACT_FIGURE_SERIES.map((key) => ({
    label: t(`contactHome.figures.${key}`),
    color: SERIES_COLOR[key],
  }));
  const groups = data.figures.map((f) => {
    const labels = monthLabels(f.month, locale);
    return {
      label: labels.short,
      longLabel: labels.long,
      values: CONTACT_FIGURE_SERIES.map((key) => f[key]),
    };
  });
  return (
    <FiguresCard
      title={t("contactHome.figures.title")}
      emptyText={t("contactHome.figures.empty")}
      caption={t("contactHome.figures.caption")}
      groupHeader={t("contactHome.figures.month")}
      series={series}
      groups={groups}
    />
  );
}

function Dashboard() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const dashboard = useQuery(contactDashboardQuery);
  // "Nieuwe vacature" only when there is an employer (and department) to place it for.
  const options = useQuery(vacancyOptionsQuery());
  if (dashboard.isPending) return <PageLoader />;
  if (dashboard.isError) return <Notice color="red">{errorText(dashboard.error)}</Notice>;
  const data = dashboard.data;
  const employer = data.employers.map((e) => e.name).join(", ");
  const canAdd = (options.data?.organisations.length ?? 0) > 0;
  return (
    <Stack component="section" gap="md" aria-labelledby={id}>
      <Group justify="space-between" align="flex-end" gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h3" id={id}>
            {t("contactHome.title")}
          </Title>
          {employer && <Text c="dimmed">{employer}</Text>}
        </Stack>
        {canAdd && (
          <Button
            component={AppLink}
            href="/vacaturebeheer/nieuw"
            leftSection={<IconPlus size={18} aria-hidden="true" />}
          >
            {t("contactHome.newVacancy")}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: data.timesheets || data.newReferrals ? 3 : 2 }} spacing="lg">
        <CountBlock
          title={t("contactHome.blocks.vacancies.title")}
          count={data.activeVacancies.count}
          text={t("contactHome.blocks.vacancies.text")}
          href="/vacaturebeheer?visible=yes"
          linkLabel={t("contactHome.blocks.vacancies.link")}
        />
        <CountBlock
          title={t("contactHome.blocks.proposed.title")}
          count={data.proposed.count}
          text={t("contactHome.blocks.proposed.text")}
          href="/voorgesteld"
          linkLabel={t("contactHome.blocks.proposed.link")}
        />
        <TimesheetsBlock figure={data.timesheets} />
        {data.newReferrals && (
          <CountBlock
            title={t("contactHome.blocks.newReferrals.title")}
            count={data.newReferrals.count}
            text={t("contactHome.blocks.newReferrals.text")}
            href="/verwijzingen"
            linkLabel={t("contactHome.blocks.newReferrals.link")}
          />
        )}
      </SimpleGrid>
      <Figures data={data} />
    </Stack>
  );
}

/**
 * The employer contact's part of the home page (Carerix "Dashboard"): what waits for them and
 * the figures of the last year. Nothing for anyone else, nor on the candidate side.
 */
export function ContactHome() {
  const me = useQuery(meQuery);
  const side = useSide();
  if (!me.data || menuRoleOnSide(me.data.roles, side) !== "employer_contact") return null;
  return <Dashboard />;
}
