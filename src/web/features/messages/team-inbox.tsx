import { Button, Checkbox, Group, Select, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { InboxItem, InboxQuery } from "../../../contracts/messages";
import { DateField } from "../../ui/date-field";
import { Dialog } from "../../ui/dialog";
import { FormError } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDateTime } from "../vacancies/format";
import { PageLoader, Section } from "../vacancies/ui";
import { ThreadView, threadTitle } from "./contact-messages";
import { Composer, FullMessage, ReadBadge } from "./message-parts";
import { inboxQuery, inboxSearch, reply } from "./messages-api";
import { NewMessageDialog } from "./new-message";

function OpenMessage({ item, onClose }: { item: InboxItem; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      opened
      onClose={onClose}
      title={threadTitle(item.thread, t("messages.general"))}
      closeLabel={t("messages.close")}
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("messages.between", { contact: item.thread.contact.name, employer: item.thread.employer.name })}
        </Text>
        <FullMessage id={item.id} />
        <Composer
          label={t("messages.reply")}
          submitLabel={t("messages.sendReply")}
          send={(draft) => reply(item.threadId, draft)}
        />
      </Stack>
    </Dialog>
  );
}

/** A whole conversation (after starting it): its messages and a reply. */
export function ThreadDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog opened onClose={onClose} title={t("messages.thread")} closeLabel={t("messages.close")} size="lg">
      <ThreadView id={id} />
    </Dialog>
  );
}

/**
 * "RPO-berichten": every message with the contacts of the team's employers, filtered and exported.
 * `unread` starts with only the unopened ones (the staff home's "Berichten" block links here).
 */
export function TeamInbox({ unread = false }: { unread?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [filters, setFilters] = useState<InboxQuery>(unread ? { unread: "true" } : {});
  const [opened, setOpened] = useState<InboxItem | null>(null);
  const [writing, setWriting] = useState(false);
  const [thread, setThread] = useState<string | null>(null);
  const inbox = useQuery(inboxQuery(filters));
  const set = (patch: Partial<InboxQuery>) => setFilters((f) => ({ ...f, ...patch }));
  const search = inboxSearch(filters);
  return (
    <Section
      title={t("messages.inboxTitle")}
      action={
        <Group gap="xs">
          <Button size="sm" onClick={() => setWriting(true)} aria-haspopup="dialog">
            {t("messages.new")}
          </Button>
          <Button
            component="a"
            href={`/api/v1/messages/export.xlsx${search}`}
            variant="light"
            size="sm"
            download
          >
            {t("messages.exportXlsx")}
          </Button>
          <Button
            component="a"
            href={`/api/v1/messages/export.csv${search}`}
            variant="subtle"
            size="sm"
            download
          >
            {t("messages.exportCsv")}
          </Button>
        </Group>
      }
    >
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label={t("messages.filters")}>
          <Checkbox
            label={t("messages.unreadOnly")}
            checked={filters.unread === "true"}
            onChange={(e) => set({ unread: e.currentTarget.checked ? "true" : undefined })}
          />
          <Select
            label={t("messages.employer")}
            placeholder={t("messages.allEmployers")}
            data={(inbox.data?.employers ?? []).map((e) => ({ value: e.id, label: e.name }))}
            value={filters.employerId ?? null}
            onChange={(value) => set({ employerId: value ?? undefined })}
            clearable
            searchable
          />
          <DateField
            label={t("messages.from")}
            value={filters.from ?? ""}
            onChange={(day) => set({ from: day || undefined })}
          />
          <DateField
            label={t("messages.to")}
            value={filters.to ?? ""}
            onChange={(day) => set({ to: day || undefined })}
          />
        </Group>
        {inbox.isPending ? (
          <PageLoader />
        ) : inbox.isError ? (
          <FormError error={inbox.error} />
        ) : inbox.data.messages.length === 0 ? (
          <Text>{t("messages.inboxEmpty")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("messages.columns.date")}</Table.Th>
                  <Table.Th>{t("messages.columns.employer")}</Table.Th>
                  <Table.Th>{t("messages.columns.contact")}</Table.Th>
                  <Table.Th>{t("messages.columns.subject")}</Table.Th>
                  <Table.Th>{t("messages.columns.from")}</Table.Th>
                  <Table.Th>{t("messages.columns.state")}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t("messages.columns.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {inbox.data.messages.map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>
                      <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
                    </Table.Td>
                    <Table.Td>{m.thread.employer.name}</Table.Td>
                    <Table.Td>{m.thread.contact.name}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={m.unreadForMe ? 700 : 400}>
                        {threadTitle(m.thread, t("messages.general"))}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {m.preview}
                      </Text>
                    </Table.Td>
                    <Table.Td>{m.authorName ?? t(`messages.side.${m.authorSide}`)}</Table.Td>
                    <Table.Td>
                      <ReadBadge message={m} />
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setOpened(m)}
                        aria-label={t("messages.openFrom", {
                          name: m.authorName ?? m.thread.contact.name,
                          date: formatDateTime(m.createdAt, locale),
                        })}
                      >
                        {t("messages.open")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {opened && <OpenMessage item={opened} onClose={() => setOpened(null)} />}
      {writing && (
        <NewMessageDialog
          onClose={() => setWriting(false)}
          onSent={(id) => {
            setWriting(false);
            setThread(id);
          }}
        />
      )}
      {thread && <ThreadDialog id={thread} onClose={() => setThread(null)} />}
    </Section>
  );
}
