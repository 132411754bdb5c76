import { Anchor, Card, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import { meQuery } from "../account/me-query";
import { candidateOnboardingQuery, myOnboardingQuery } from "./onboarding-api";

/** Staff roles that may have onboarding actions (the server's STAFF_ROLES). */
const STAFF = [
  "org_admin",
  "hr_officer",
  "selection_officer",
  "jury_member",
  "line_manager",
  "account_manager",
];

/**
 * On the home page, only when there is something: a staff member's open onboarding actions, and a
 * new employee's learning material, each with the way to its page.
 */
export function OnboardingHome() {
  const roles = useQuery(meQuery).data?.roles ?? [];
  return (
    <>
      {roles.some((r) => STAFF.includes(r)) && <StaffActions />}
      {roles.includes("candidate") && <NewEmployee />}
    </>
  );
}

function StaffActions() {
  const { t } = useTranslation();
  const open = useQuery({ ...myOnboardingQuery, retry: false }).data?.actions.filter((a) => !a.doneAt) ?? [];
  if (open.length === 0) return null;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="onboarding-home-staff">
      <Stack gap="xs">
        <Title order={2} size="h3" id="onboarding-home-staff">
          {t("onboarding.home.staffTitle")}
        </Title>
        <Text>{t("onboarding.home.openActions", { count: open.length })}</Text>
        <Anchor component={AppLink} href="/inwerken">
          {t("onboarding.home.toActions")}
        </Anchor>
      </Stack>
    </Card>
  );
}

function NewEmployee() {
  const { t } = useTranslation();
  const hires = useQuery({ ...candidateOnboardingQuery, retry: false }).data?.hires ?? [];
  const count = hires.reduce((sum, h) => sum + h.materials.length, 0);
  if (count === 0) return null;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="onboarding-home-candidate">
      <Stack gap="xs">
        <Title order={2} size="h3" id="onboarding-home-candidate">
          {t("onboarding.home.candidateTitle")}
        </Title>
        <Text>{t("onboarding.home.material", { count })}</Text>
        <Anchor component={AppLink} href="/mijn-inwerken">
          {t("onboarding.home.toMaterial")}
        </Anchor>
      </Stack>
    </Card>
  );
}
