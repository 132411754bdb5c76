import { Anchor, Select, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import { Notice, useErrorText } from "../identity/forms";
import { PageLoader } from "../vacancies/ui";
import { managedSiteOrganisationsQuery } from "./sites-api";
import { SitesPanel } from "./sites-panel";

/**
 * "Locaties": the sites of the organisations whose vacancies the signed-in person manages. With
 * one organisation its sites show at once; with several, the organisation is chosen first (and
 * kept in the address, so a link from an employer's page opens its sites).
 */
export function SitesPage({
  organisationId,
  onChoose,
}: {
  organisationId: string | undefined;
  onChoose: (organisationId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const managed = useQuery(managedSiteOrganisationsQuery);
  if (managed.isPending) return <PageLoader />;
  if (managed.isError) return <Notice color="red">{errorText(managed.error)}</Notice>;
  const organisations = managed.data;
  if (organisations.length === 0)
    return (
      <Stack gap="md" maw={760} mx="auto">
        <Notice color="orange">{t("sites.notForYou")}</Notice>
        <Anchor component={AppLink} href="/">
          {t("sites.backHome")}
        </Anchor>
      </Stack>
    );
  const chosen =
    organisations.find((o) => o.id === organisationId) ??
    (organisations.length === 1 ? organisations[0] : undefined);
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Text c="dimmed">{t("sites.pageIntro")}</Text>
      {organisations.length > 1 && (
        <Select
          label={t("sites.organisation")}
          placeholder={t("sites.chooseOrganisation")}
          searchable
          maw={480}
          value={chosen?.id ?? null}
          onChange={(value) => onChoose(value ?? undefined)}
          data={organisations.map((o) => ({
            value: o.id,
            label: t("sites.organisationOption", { name: o.name, count: o.siteCount }),
          }))}
          nothingFoundMessage={t("sites.noOrganisationFound")}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {chosen ? (
        <SitesPanel key={chosen.id} organisationId={chosen.id} />
      ) : (
        <Text>{t("sites.chooseFirst")}</Text>
      )}
    </Stack>
  );
}
