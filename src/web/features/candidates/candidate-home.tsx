import { Anchor, Button, Group, List, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconUserEdit } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Application } from "../../../contracts/vacancies";
import { AppLink } from "../../ui/app-link";
import { meQuery } from "../account/me-query";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { menuRoleOnSide } from "../navigation/menu";
import { useSide } from "../navigation/side";
import { formatDate, formatDay } from "../vacancies/format";
import { PageLoader, PlainBadge, Section } from "../vacancies/ui";
import { myApplicationsQuery } from "../vacancies/vacancies-api";
import { myProfileQuery, savedVacanciesQuery } from "./candidates-api";
import { CompletenessMeter } from "./completeness";
import { VisibilitySummary } from "./profile-editor";

/** Dark shades: white badge text on them passes the contrast check. */
export const APPLICATION_COLOR: Record<Application["status"], string> = {
  submitted: "blue.9",
  in_review: "violet.9",
  withdrawn: "gray.7",
  hired: "teal.9",
  rejected: "red.9",
};

const SHOWN = 5;

function MyApplications() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const applications = useQuery(myApplicationsQuery);
  return (
    <Section title={t("profile.dashboard.applications")}>
      {applications.isPending ? (
        <PageLoader />
      ) : applications.isError ? (
        <Notice color="red">{errorText(applications.error)}</Notice>
      ) : applications.data.length === 0 ? (
        <Stack gap="xs">
          <Text>{t("applications.none")}</Text>
          <Anchor component={AppLink} href="/kansen">
            {t("applications.toKansen")}
          </Anchor>
        </Stack>
      ) : (
        <Stack gap="sm">
          <List spacing="xs" listStyleType="none" ps={0}>
            {applications.data.slice(0, SHOWN).map((application) => (
              <List.Item key={application.id}>
                <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                  <div>
                    <Anchor component={AppLink} href={`/kansen/${application.vacancyId}`} fw={600}>
                      {application.displayTitle}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {application.organisationName} ·{" "}
                      {t("profile.dashboard.appliedOn", { date: formatDate(application.createdAt, locale) })}
                    </Text>
                  </div>
                  <PlainBadge color={APPLICATION_COLOR[application.status]}>
                    {t(`applications.statuses.${application.status}`)}
                  </PlainBadge>
                </Group>
              </List.Item>
            ))}
          </List>
          <Anchor component={AppLink} href="/sollicitaties" size="sm">
            {t("profile.dashboard.allApplications", { count: applications.data.length })}
          </Anchor>
        </Stack>
      )}
    </Section>
  );
}

/** Only when the server keeps saved vacancies (a later part of issue 5). */
function SavedVacancies() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const saved = useQuery(savedVacanciesQuery);
  if (saved.isPending || saved.data === null) return null;
  return (
    <Section title={t("profile.dashboard.saved")}>
      {saved.isError ? (
        <Notice color="red">{errorText(saved.error)}</Notice>
      ) : saved.data.length === 0 ? (
        <Text>{t("profile.dashboard.noSaved")}</Text>
      ) : (
        <List spacing="xs" listStyleType="none" ps={0}>
          {saved.data.map((vacancy) => (
            <List.Item key={vacancy.vacancyId}>
              <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
                <div>
                  {vacancy.open ? (
                    <Anchor component={AppLink} href={`/kansen/${vacancy.vacancyId}`} fw={600}>
                      {vacancy.displayTitle}
                    </Anchor>
                  ) : (
                    <Text fw={600}>{vacancy.displayTitle}</Text>
                  )}
                  <Text size="sm" c="dimmed">
                    {[
                      vacancy.organisationName,
                      vacancy.city,
                      vacancy.closesOn
                        ? t("profile.dashboard.closesOn", { date: formatDay(vacancy.closesOn, locale) })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Text>
                </div>
                {!vacancy.open && <PlainBadge color="gray.7">{t("profile.dashboard.closed")}</PlainBadge>}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

function ProfileStatus() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useQuery(myProfileQuery);
  return (
    <Section
      title={t("profile.dashboard.profile")}
      action={
        <Button
          component={AppLink}
          href="/profiel"
          size="xs"
          variant="light"
          leftSection={<IconUserEdit aria-hidden="true" size={16} />}
        >
          {t("profile.dashboard.edit")}
        </Button>
      }
    >
      {me.isPending ? (
        <PageLoader />
      ) : me.isError ? (
        <Notice color="red">{errorText(me.error)}</Notice>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <CompletenessMeter completeness={me.data.completeness} />
          <VisibilitySummary me={me.data} />
        </SimpleGrid>
      )}
    </Section>
  );
}

/**
 * The candidate's part of the home page: how complete the profile is and where it is visible,
 * my applications with their status, and the saved vacancies. Nothing for anyone else.
 */
export function CandidateHome() {
  const me = useQuery(meQuery);
  const side = useSide();
  if (!me.data || menuRoleOnSide(me.data.roles, side) !== "candidate") return null;
  return (
    <Stack gap="lg">
      <ProfileStatus />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <MyApplications />
        <SavedVacancies />
      </SimpleGrid>
    </Stack>
  );
}
