import { Anchor, Badge, Box, Button, Group, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconUserPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AccountManagerHomeResponse } from "../../../contracts/employers";
import { AppLink } from "../../ui/app-link";
import { meQuery } from "../account/me-query";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { ProposalVerdicts } from "../proposals/verdict-notices";
import { PageLoader, Section } from "../vacancies/ui";
import { accountManagerHomeQuery } from "./employers-api";
import { formatDateTime, formatDay } from "./ui";

/** The roles whose home shows their employers (HalloWerk's account manager home). */
export const ACCOUNT_MANAGER_HOME_ROLES = ["account_manager", "org_admin"] as const;

function MyEmployers({ data }: { data: AccountManagerHomeResponse }) {
  const { t } = useTranslation();
  return (
    <Section title={t("employers.home.employers")}>
      <Stack gap="sm">
        {data.employers.length === 0 ? (
          <Text c="dimmed">{t("employers.home.noEmployers")}</Text>
        ) : (
          <List spacing={6} listStyleType="none" ps={0}>
            {data.employers.map((employer) => (
              <List.Item key={employer.id}>
                <Anchor component={AppLink} href={`/werkgevers/${employer.id}`} fw={600}>
                  {employer.name}
                </Anchor>
                {employer.city && (
                  <Text span c="dimmed" size="sm">
                    {" "}
                    · {employer.city}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
        <Anchor component={AppLink} href="/werkgevers?accountManager=mine" size="sm">
          {t("employers.home.allEmployers")}
        </Anchor>
      </Stack>
    </Section>
  );
}

function MyVacancies({ data }: { data: AccountManagerHomeResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section title={t("employers.home.vacancies")}>
      <Stack gap="sm">
        {data.vacancies.length === 0 ? (
          <Text c="dimmed">{t("employers.home.noVacancies")}</Text>
        ) : (
          <List spacing={6} listStyleType="none" ps={0}>
            {data.vacancies.map((vacancy) => (
              <List.Item key={vacancy.id}>
                <Anchor component={AppLink} href={`/vacaturebeheer/${vacancy.id}`} fw={600}>
                  {vacancy.displayTitle}
                </Anchor>
                <Text c="dimmed" size="sm">
                  {vacancy.organisationName}
                  {vacancy.closesOn
                    ? ` · ${t("employers.home.closesOn", { date: formatDay(vacancy.closesOn, locale) })}`
                    : ""}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
        <Anchor component={AppLink} href="/vacaturebeheer?accountManager=mine" size="sm">
          {t("employers.home.allVacancies")}
        </Anchor>
      </Stack>
    </Section>
  );
}

function Changes({ data }: { data: AccountManagerHomeResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section title={t("employers.home.changes")}>
      <Stack gap="sm">
        <Text c="dimmed" size="sm">
          {data.lastVisitAt
            ? t("employers.home.since", { date: formatDateTime(data.lastVisitAt, locale) })
            : t("employers.home.sinceFirst")}
        </Text>
        {data.changes.length === 0 ? (
          <Text>{t("employers.home.nothingNew")}</Text>
        ) : (
          <List spacing="xs" listStyleType="none" ps={0}>
            {data.changes.map((change) => {
              const actions = change.actions
                .filter((action) => action !== "applied")
                .map((action) => t(`vacancies.history.actions.${action}`, { defaultValue: action }));
              if (change.applications > 0)
                actions.push(t("employers.home.applications", { count: change.applications }));
              return (
                <List.Item key={change.vacancyId}>
                  <Stack gap={0}>
                    <Group gap="xs" wrap="wrap">
                      <Anchor component={AppLink} href={change.link} fw={600}>
                        {change.title}
                      </Anchor>
                      {change.closed && (
                        <Badge
                          color="gray.8"
                          variant="filled"
                          size="sm"
                          style={{ overflow: "visible" }}
                          styles={{ label: { overflow: "visible" } }}
                        >
                          {t("employers.home.closed")}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm">
                      {actions.join(", ")}
                      {change.actors.length > 0
                        ? ` · ${t("employers.home.by", { names: change.actors.join(", ") })}`
                        : ""}
                    </Text>
                    <Text size="sm" c="dimmed">
                      <time dateTime={change.at}>{formatDateTime(change.at, locale)}</time>
                    </Text>
                  </Stack>
                </List.Item>
              );
            })}
          </List>
        )}
      </Stack>
    </Section>
  );
}

function HomeSections() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const home = useQuery(accountManagerHomeQuery);
  if (home.isPending) return <PageLoader />;
  if (home.isError) return <Notice color="red">{errorText(home.error)}</Notice>;
  return (
    <Stack gap="lg">
      <Button
        component={AppLink}
        href="/kandidaten/nieuw"
        variant="light"
        leftSection={<IconUserPlus size={18} aria-hidden="true" />}
        style={{ alignSelf: "flex-start" }}
      >
        {t("jobSeeker.homeAction")}
      </Button>
      {/* The staff home's "Oordelen op je voorstellen" block links here. */}
      <Box id="oordelen">
        <ProposalVerdicts />
      </Box>
      <Changes data={home.data} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <MyEmployers data={home.data} />
        <MyVacancies data={home.data} />
      </SimpleGrid>
    </Stack>
  );
}

/**
 * The account manager's part of the home page: my employers, my vacancies and what changed
 * since the last visit. Nothing for anyone else.
 */
export function AccountManagerHome() {
  const me = useQuery(meQuery);
  const roles = me.data?.roles ?? [];
  const show = roles.some((role) => (ACCOUNT_MANAGER_HOME_ROLES as readonly string[]).includes(role));
  if (!show) return null;
  return <HomeSections />;
}
