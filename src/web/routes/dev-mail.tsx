import { Accordion, Alert, Badge, Card, Code, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { OutboxResponseSchema } from "../../contracts/dev";
import { api } from "../api";
import { intlLocale } from "../i18n";
import { formatDateTime } from "../ui/dates";

/**
 * Developer page: the mail the app wrote to the outbox because no SMTP_URL is set (invitations,
 * password resets…). The API behind it does not exist in production.
 */
export function DevMailPage() {
  const { t } = useTranslation();
  const mailHeading = useId();
  const smsHeading = useId();
  const outbox = useQuery({
    queryKey: ["dev", "mail"],
    queryFn: ({ signal }) => api("/api/dev/mail", OutboxResponseSchema, { signal }),
    refetchInterval: 5_000,
  });
  if (outbox.isPending) {
    return (
      <Group gap="xs">
        <Loader size="sm" aria-hidden="true" />
        <Text>{t("devMail.loading")}</Text>
      </Group>
    );
  }
  if (outbox.isError) {
    return (
      <Alert color="red" title={t("devMail.unavailable")}>
        {outbox.error.message}
      </Alert>
    );
  }
  const { transport, messages, sms } = outbox.data;
  return (
    <Stack gap="xl">
      <Stack gap="md" component="section" aria-labelledby={mailHeading}>
        <Title order={2} size="h3" id={mailHeading}>
          {t("devMail.mailTitle")}
        </Title>
        <Text>{transport === "smtp" ? t("devMail.viaSmtp") : t("devMail.intro")}</Text>
        {messages.length === 0 ? (
          <Card withBorder padding="lg">
            <Text>{t("devMail.empty")}</Text>
          </Card>
        ) : (
          <Accordion variant="separated" chevronPosition="left">
            {messages.map((message) => (
              <Accordion.Item key={message.id} value={message.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={600}>{message.subject}</Text>
                    <Group gap="xs" wrap="nowrap">
                      <Badge variant="outline" color="gray">
                        {message.to}
                      </Badge>
                      <Text size="sm" c="dimmed">
                        {formatDateTime(message.createdAt, intlLocale())}
                      </Text>
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Code block>{message.text}</Code>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>
      <Stack gap="md" component="section" aria-labelledby={smsHeading}>
        <Title order={2} size="h3" id={smsHeading}>
          {t("devMail.smsTitle")}
        </Title>
        <Text>{t("devMail.smsIntro")}</Text>
        {sms.length === 0 ? (
          <Card withBorder padding="lg">
            <Text>{t("devMail.smsEmpty")}</Text>
          </Card>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="sm" aria-labelledby={smsHeading}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("devMail.smsTo")}</Table.Th>
                  <Table.Th scope="col">{t("devMail.smsText")}</Table.Th>
                  <Table.Th scope="col">{t("devMail.smsAt")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sms.map((message) => (
                  <Table.Tr key={message.id}>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{message.to}</Table.Td>
                    <Table.Td style={{ whiteSpace: "pre-line" }}>{message.text}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {formatDateTime(message.createdAt, intlLocale())}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}
