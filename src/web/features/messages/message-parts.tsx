import { Anchor, Badge, Button, FileInput, Group, Paper, Select, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MessageMatch, MessagePreview } from "../../../contracts/messages";
import { FormError, fieldErrors } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { fileSize, formatDateTime } from "../vacancies/format";
import { attachmentUrl, type Draft, messageKeys, messageQuery } from "./messages-api";

/** "Nieuw" for a message to me nobody on my side opened yet, "Gelezen" once the other side did. */
export function ReadBadge({
  message,
}: {
  message: Pick<MessagePreview, "unreadForMe" | "read" | "authorSide" | "mine">;
}) {
  const { t } = useTranslation();
  if (message.unreadForMe)
    return (
      <Badge color="blue.9" variant="filled" size="sm">
        {t("messages.state.new")}
      </Badge>
    );
  return (
    <Badge color="gray.7" variant="filled" size="sm">
      {message.read ? t("messages.state.read") : t("messages.state.sent")}
    </Badge>
  );
}

/** A message opened in full; the server marks it read for the receiving side. */
export function FullMessage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const message = useQuery(messageQuery(id));
  const opened = message.data?.id;
  useEffect(() => {
    if (!opened) return;
    // Opening changed the read state: counts, lists and threads follow.
    void queryClient.invalidateQueries({
      predicate: (q) => q.queryKey[0] === "messages" && q.queryKey[1] !== "message",
    });
  }, [opened, queryClient]);
  if (message.isPending) return <Text size="sm">{t("messages.loading")}</Text>;
  if (message.isError) return <FormError error={message.error} />;
  const m = message.data;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t("messages.fromAt", {
          name: m.authorName ?? t(`messages.side.${m.authorSide}`),
          date: formatDateTime(m.createdAt, locale),
        })}
      </Text>
      <Text style={{ whiteSpace: "pre-line" }}>{m.body}</Text>
      {m.attachments.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={700}>
            {t("messages.attachments")}
          </Text>
          {m.attachments.map((a) => (
            <Anchor key={a.id} href={attachmentUrl(m.id, a.id)} download={a.fileName} size="sm">
              {a.fileName} ({fileSize(a.size, locale)})
            </Anchor>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** A message in a list: its preview, and a button to open it in full (which marks it read). */
export function MessageItem({ message, title }: { message: MessagePreview; title?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Text component="h3" fw={700} size="sm" m={0} id={headingId}>
              {title ?? message.authorName ?? t(`messages.side.${message.authorSide}`)}
            </Text>
            <ReadBadge message={message} />
          </Group>
          <Text size="sm" c="dimmed">
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, locale)}</time>
          </Text>
        </Group>
        {open ? (
          <FullMessage id={message.id} />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {message.preview}
            </Text>
            {message.attachmentCount > 0 && (
              <Text size="xs" c="dimmed">
                {t("messages.attachmentCount", { count: message.attachmentCount })}
              </Text>
            )}
          </>
        )}
        {!open && (
          <Button variant="light" size="xs" style={{ alignSelf: "flex-start" }} onClick={() => setOpen(true)}>
            {t("messages.open")}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

const ACCEPT = ".pdf,.docx,.jpg,.jpeg,.png,application/pdf,image/png,image/jpeg";

/** Writing a message or a reply: text, optionally the match it is about, and attachments. */
export function Composer({
  label,
  submitLabel,
  matches,
  send,
  onSent,
  fields,
  otherFields = [],
}: {
  label: string;
  submitLabel: string;
  /** For a new message from a contact: the matches it may be about. */
  matches?: readonly MessageMatch[];
  send: (draft: Draft) => Promise<{ threadId: string }>;
  onSent?: (threadId: string) => void;
  /** Fields of the caller's own above the text (e.g. the recipient), given the last send error. */
  fields?: (error: unknown) => ReactNode;
  /** The paths of those fields, whose errors they show themselves. */
  otherFields?: readonly string[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [matchId, setMatchId] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      setBody("");
      setFiles([]);
      setMatchId(null);
      await queryClient.invalidateQueries({ queryKey: messageKeys.all });
      onSent?.(result.threadId);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ body, files, matchId });
  };
  const bodyErrors = fieldErrors(mutation.error, "body");
  const fileErrors = fieldErrors(mutation.error, "attachments");
  const otherErrors = otherFields.flatMap((path) => fieldErrors(mutation.error, path));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {fields?.(mutation.error)}
        {matches && (
          <Select
            label={t("messages.about")}
            placeholder={t("messages.general")}
            data={matches.map((m) => ({ value: m.id, label: `${m.vacancyTitle} – ${m.candidateName}` }))}
            value={matchId}
            onChange={setMatchId}
            clearable
            searchable
          />
        )}
        <Textarea
          label={label}
          required
          autosize
          minRows={3}
          maxRows={12}
          maxLength={10_000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={bodyErrors[0]}
        />
        <FileInput
          label={t("messages.attach")}
          description={t("messages.attachHint")}
          multiple
          clearable
          clearButtonProps={{ "aria-label": t("messages.clearFiles") }}
          accept={ACCEPT}
          value={files}
          onChange={setFiles}
          error={fileErrors[0]}
        />
        {mutation.isError && bodyErrors.length + fileErrors.length + otherErrors.length === 0 && (
          <FormError error={mutation.error} />
        )}
        {mutation.isSuccess && (
          <Text size="sm" role="status">
            {t("messages.sent")}
          </Text>
        )}
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
