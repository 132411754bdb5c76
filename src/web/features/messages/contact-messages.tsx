import { Badge, Button, Grid, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ThreadSummary } from "../../../contracts/messages";
import { FormError } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDateTime } from "../vacancies/format";
import { PageLoader, Section } from "../vacancies/ui";
import { Composer, MessageItem } from "./message-parts";
import { messageableMatchesQuery, reply, sendMessage, threadQuery, threadsQuery } from "./messages-api";

export function threadTitle(thread: Pick<ThreadSummary, "subject">, general: string): string {
  return thread.subject ?? general;
}

/** One thread: its messages as previews (each opens in full on its own) and a reply. */
export function ThreadView({ id }: { id: string }) {
  const { t } = useTranslation();
  const thread = useQuery(threadQuery(id));
  if (thread.isPending) return <PageLoader />;
  if (thread.isError) return <FormError error={thread.error} />;
  const data = thread.data;
  return (
    <Section title={threadTitle(data, t("messages.general"))}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("messages.between", { contact: data.contact.name, employer: data.employer.name })}
        </Text>
        {data.messages.map((m) => (
          <MessageItem key={m.id} message={m} />
        ))}
        <Composer
          label={t("messages.reply")}
          submitLabel={t("messages.sendReply")}
          send={(draft) => reply(id, draft)}
        />
      </Stack>
    </Section>
  );
}

function ThreadButton({
  thread,
  selected,
  onSelect,
}: {
  thread: ThreadSummary;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <UnstyledButton
      onClick={onSelect}
      aria-current={selected ? "true" : undefined}
      p="sm"
      style={{
        border: `1px solid var(--mantine-color-${selected ? "blue-7" : "gray-4"})`,
        borderRadius: "var(--mantine-radius-md)",
        display: "block",
        width: "100%",
      }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fw={700} size="sm">
          {threadTitle(thread, t("messages.general"))}
        </Text>
        {thread.unread > 0 && (
          <Badge color="blue.9" variant="filled" size="sm">
            {t("messages.unreadCount", { count: thread.unread })}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        <time dateTime={thread.lastMessageAt}>{formatDateTime(thread.lastMessageAt, locale)}</time>
      </Text>
      {thread.last && (
        <Text size="sm" c="dimmed" lineClamp={2}>
          {thread.last.preview}
        </Text>
      )}
    </UnstyledButton>
  );
}

/** "Berichten" for an employer's contact person: their threads with the team, and a new message. */
export function ContactMessages() {
  const { t } = useTranslation();
  const threads = useQuery(threadsQuery);
  const matches = useQuery(messageableMatchesQuery);
  const [selected, setSelected] = useState<string | null>(null);
  const [writing, setWriting] = useState(false);
  if (threads.isPending) return <PageLoader />;
  if (threads.isError) return <FormError error={threads.error} />;
  const list = threads.data.threads;
  const current = selected ?? list[0]?.id ?? null;
  return (
    <Stack gap="lg">
      <Section
        title={t("messages.title")}
        action={
          !writing && (
            <Button onClick={() => setWriting(true)} size="sm">
              {t("messages.new")}
            </Button>
          )
        }
      >
        <Stack gap="sm">
          <Text c="dimmed">{t("messages.contactIntro")}</Text>
          {writing && (
            <Stack gap="xs">
              <Composer
                label={t("messages.body")}
                submitLabel={t("messages.send")}
                matches={matches.data?.matches ?? []}
                send={sendMessage}
                onSent={(threadId) => {
                  setWriting(false);
                  setSelected(threadId);
                }}
              />
              <Button
                variant="subtle"
                size="xs"
                style={{ alignSelf: "flex-start" }}
                onClick={() => setWriting(false)}
              >
                {t("messages.cancel")}
              </Button>
            </Stack>
          )}
          {list.length === 0 && !writing && <Text>{t("messages.empty")}</Text>}
        </Stack>
      </Section>
      {list.length > 0 && (
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <nav aria-label={t("messages.threads")}>
              <Stack gap="xs">
                {list.map((thread) => (
                  <ThreadButton
                    key={thread.id}
                    thread={thread}
                    selected={thread.id === current}
                    onSelect={() => setSelected(thread.id)}
                  />
                ))}
              </Stack>
            </nav>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {current && <ThreadView key={current} id={current} />}
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
