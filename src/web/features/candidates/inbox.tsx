import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  CandidateMessageResponseSchema,
  CandidateMessagesResponseSchema,
} from "../../../contracts/candidates";
import { api } from "../../api";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDateTime } from "../vacancies/format";
import { PageLoader, Section } from "../vacancies/ui";

export const inboxQuery = queryOptions({
  queryKey: ["candidates", "me", "messages"],
  queryFn: ({ signal }) => api("/api/v1/candidates/me/messages", CandidateMessagesResponseSchema, { signal }),
});

/** "Berichten" for candidates: what employers and account managers wrote ("Benaderen"). */
export function CandidateInbox() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const inbox = useQuery(inboxQuery);
  const markRead = useMutation({
    mutationFn: (id: string) =>
      api(`/api/v1/candidates/me/messages/${id}/read`, CandidateMessageResponseSchema, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxQuery.queryKey }),
  });
  if (inbox.isPending) return <PageLoader />;
  if (inbox.isError) return <Notice color="red">{errorText(inbox.error)}</Notice>;
  const { messages, unread } = inbox.data;
  return (
    <Section title={t("inbox.title")}>
      <Stack gap="md">
        <Text c="dimmed">{unread > 0 ? t("inbox.unread", { count: unread }) : t("inbox.allRead")}</Text>
        {messages.length === 0 ? (
          <Text>{t("inbox.empty")}</Text>
        ) : (
          messages.map((message) => (
            <article key={message.id} aria-labelledby={`message-${message.id}`}>
              <Stack gap={4}>
                <Group gap="xs" wrap="nowrap" align="center">
                  <Text component="h3" fw={700} id={`message-${message.id}`} m={0}>
                    {message.subject}
                  </Text>
                  {message.readAt === null && (
                    <Badge color="blue.9" variant="filled" size="sm">
                      {t("inbox.new")}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {t("inbox.from", {
                    name: message.sender.name ?? t("inbox.someone"),
                    organisation: message.sender.organisation ?? "",
                  })}{" "}
                  · <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, locale)}</time>
                </Text>
                <Text style={{ whiteSpace: "pre-line" }}>{message.body}</Text>
                {message.readAt === null && (
                  <Button
                    variant="light"
                    size="xs"
                    style={{ alignSelf: "flex-start" }}
                    loading={markRead.isPending && markRead.variables === message.id}
                    onClick={() => markRead.mutate(message.id)}
                  >
                    {t("inbox.markRead")}
                  </Button>
                )}
              </Stack>
            </article>
          ))
        )}
      </Stack>
    </Section>
  );
}
