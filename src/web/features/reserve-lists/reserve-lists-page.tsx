import { Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import { formatDay } from "../../ui/dates";
import { ScrollTable } from "../../ui/scroll-table";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PageLoader, Section } from "../vacancies/ui";
import { ReserveListPanel, StateBadge } from "./reserve-list-panel";
import { reserveListQuery, reserveOverviewQuery } from "./reserve-lists-api";

/** "Werfreserves": the reserve lists of the caller's organisations, the latest ending first. */
export function ReserveListsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const query = useQuery(reserveOverviewQuery);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const items = query.data.items;
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Text c="dimmed">{t("reserveLists.overview.intro")}</Text>
      {items.length === 0 ? (
        <Text>{t("reserveLists.overview.none")}</Text>
      ) : (
        <ScrollTable label={t("reserveLists.overview.title")} minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("reserveLists.vacancy")}</Table.Th>
                <Table.Th scope="col">{t("reserveLists.overview.organisation")}</Table.Th>
                <Table.Th scope="col">{t("reserveLists.validity")}</Table.Th>
                <Table.Th scope="col">{t("reserveLists.stateLabel")}</Table.Th>
                <Table.Th scope="col">{t("reserveLists.overview.laureates")}</Table.Th>
                <Table.Th scope="col">{t("reserveLists.overview.callUps")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row" fw={500}>
                    <AppLink href={`/werfreserves/${item.id}`}>{item.vacancy.title}</AppLink>
                  </Table.Th>
                  <Table.Td>{item.organisationName}</Table.Td>
                  <Table.Td>
                    {t("reserveLists.validFromTo", {
                      from: formatDay(item.startsOn, locale),
                      to: formatDay(item.endsOn, locale),
                    })}
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={item.state} />
                  </Table.Td>
                  <Table.Td>{item.laureates}</Table.Td>
                  <Table.Td>{item.callUps}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}

/** One reserve list: its validity, laureates and call-ups. */
export function ReserveListPage({ listId }: { listId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery(reserveListQuery(listId));
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Section title={t("reserveLists.listOf", { title: query.data.vacancy.title })}>
        <ReserveListPanel list={query.data} vacancyLink />
      </Section>
      <AppLink href="/werfreserves">{t("reserveLists.backToOverview")}</AppLink>
    </Stack>
  );
}
