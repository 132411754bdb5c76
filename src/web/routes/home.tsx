import { Button, Card, Container, List, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconBriefcase, IconBuilding } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { meQuery } from "../features/account/me-query";
import { CandidateHome } from "../features/candidates/candidate-home";
import { ContactHome } from "../features/contact-home/contact-home";
import { useLocale } from "../features/language/language-control";
import { menuRoleOnSide } from "../features/navigation/menu";
import { useSide } from "../features/navigation/side";
import { OnboardingHome } from "../features/onboarding/onboarding-home";
import { usePortal } from "../features/portal/portal-context";
import { PortalList } from "../features/portal/portal-list";
import { portalName } from "../features/portal/portal-query";
import { isStaffHome, StaffHome } from "../features/staff-home/staff-home";

export function HomePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { portal, portals } = usePortal();
  const name = portalName(portal, locale);
  const others = portals.filter((p) => p.slug !== portal.slug);
  const me = useQuery(meQuery);
  const side = useSide();
  // Staff and employer contacts get a dashboard; the welcome and its two cards are for
  // visitors and candidates.
  const role = me.isPending ? null : menuRoleOnSide(me.data?.roles ?? null, side);
  const welcome = role !== null && !isStaffHome(role) && role !== "employer_contact";

  return (
    <Container size="lg" px={0}>
      <Stack gap="xl">
        {welcome && (
          <Card withBorder padding="xl" radius="md">
            <Title order={2} mb="sm">
              {t("home.heroTitle")}
            </Title>
            <Text size="lg" c="dimmed" maw={720}>
              {portal.isNational ? t("home.introNational") : t("home.introRegional", { portal: name })}
            </Text>
          </Card>
        )}

        {/* Employer contacts (Carerix's hiring managers): what waits for them, with counts. */}
        <ContactHome />

        {/* Staff: what waits for them and their team's figures; account managers and org admins
            also their employers, vacancies and what changed. */}
        <StaffHome />

        {/* Onboarding (issue 16): open actions for new colleagues, a new employee's material. */}
        <OnboardingHome />

        {/* Candidates (and staff on the candidate side): my profile, applications, saved vacancies. */}
        <CandidateHome />

        {welcome && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            <Card withBorder padding="lg" radius="md">
              <Stack gap="sm" h="100%">
                <Title order={2} size="h3">
                  {t("home.candidates.title")}
                </Title>
                <Text c="dimmed">{t("home.candidates.text")}</Text>
                <List spacing={4} c="dimmed">
                  <List.Item>{t("home.candidates.point1")}</List.Item>
                  <List.Item>{t("home.candidates.point2")}</List.Item>
                  <List.Item>{t("home.candidates.point3")}</List.Item>
                </List>
                {/* The public job board is a page the server renders: a full page load. */}
                <Button
                  component="a"
                  href="/vacatures"
                  mt="auto"
                  leftSection={<IconBriefcase aria-hidden="true" size={18} />}
                  style={{ alignSelf: "flex-start" }}
                >
                  {t("home.candidates.cta")}
                </Button>
              </Stack>
            </Card>
            <Card withBorder padding="lg" radius="md">
              <Stack gap="sm" h="100%">
                <Title order={2} size="h3">
                  {t("home.employers.title")}
                </Title>
                <Text c="dimmed">{t("home.employers.text")}</Text>
                <List spacing={4} c="dimmed">
                  <List.Item>{t("home.employers.point1")}</List.Item>
                  <List.Item>{t("home.employers.point2")}</List.Item>
                  <List.Item>{t("home.employers.point3")}</List.Item>
                </List>
                <Button
                  component={Link}
                  to="/voor-werkgevers"
                  variant="outline"
                  mt="auto"
                  leftSection={<IconBuilding aria-hidden="true" size={18} />}
                  style={{ alignSelf: "flex-start" }}
                >
                  {t("home.employers.cta")}
                </Button>
              </Stack>
            </Card>
          </SimpleGrid>
        )}

        {others.length > 0 && (
          <section aria-labelledby="andere-portalen">
            <Title order={2} size="h3" id="andere-portalen" mb={4}>
              {portal.isNational ? t("home.portals.titleNational") : t("home.portals.titleRegional")}
            </Title>
            <Text c="dimmed" mb="md">
              {portal.isNational ? t("home.portals.textNational") : t("home.portals.textRegional")}
            </Text>
            <PortalList portals={others} />
          </section>
        )}
      </Stack>
    </Container>
  );
}
