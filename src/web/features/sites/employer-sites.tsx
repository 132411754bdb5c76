import { Button, Group, Text } from "@mantine/core";
import { IconMapPin } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import { Section } from "../vacancies/ui";
import { managedSiteOrganisationsQuery } from "./sites-api";

/**
 * On an employer's page in the CRM: its number of sites and the way to manage them, shown only
 * to those who manage the employer's vacancies (and so its sites).
 */
export function EmployerSites({ employerId }: { employerId: string }) {
  const { t } = useTranslation();
  const managed = useQuery(managedSiteOrganisationsQuery);
  const organisation = managed.data?.find((o) => o.id === employerId);
  if (!organisation) return null;
  return (
    <Section title={t("sites.employerSection")}>
      <Group justify="space-between" wrap="wrap">
        <Text>{t("sites.employerSummary", { count: organisation.siteCount })}</Text>
        <Button
          component={AppLink}
          href={`/locaties?organisatie=${encodeURIComponent(employerId)}`}
          variant="light"
          leftSection={<IconMapPin aria-hidden="true" size={16} />}
        >
          {t("sites.manage")}
        </Button>
      </Group>
    </Section>
  );
}
