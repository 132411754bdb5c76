import { Badge, Card, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDate } from "../vacancies/format";
import { PageLoader, Section } from "../vacancies/ui";
import { myPointsQuery } from "./referrer-api";

/** "Punten": the balance and every line of the ledger, reversals (after an undo) shown as such. */
export function PointsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const points = useQuery(myPointsQuery);
  if (points.isPending) return <PageLoader />;
  if (points.isError) return <Notice color="red">{errorText(points.error)}</Notice>;
  const { balance, entries } = points.data;
  return (
    <Stack gap="md" maw={720} mx="auto">
      <Card withBorder padding="lg" radius="md">
        <Text size="sm" c="dimmed">
          {t("referrer.points.balance")}
        </Text>
        <Title order={2} size="h1">
          {t("referrer.points.count", { count: balance })}
        </Title>
        <Text size="sm" c="dimmed" mt="xs">
          {t("referrer.points.intro")}
        </Text>
      </Card>
      <Section title={t("referrer.points.history")}>
        {entries.length === 0 ? (
          <Text>{t("referrer.points.none")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("referrer.points.when")}</Table.Th>
                  <Table.Th scope="col">{t("referrer.points.what")}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t("referrer.points.points")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDate(entry.at, locale)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {entry.milestone[locale]}
                      </Text>
                      <Text size="sm">
                        {entry.candidateName} · {entry.vacancyTitle}
                      </Text>
                      {entry.reversal && (
                        <Badge variant="outline" color="gray" size="sm">
                          {t("referrer.points.reversal")}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: "nowrap" }} fw={700}>
                      {entry.points > 0 ? `+${entry.points}` : `−${Math.abs(entry.points)}`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </Stack>
  );
}
