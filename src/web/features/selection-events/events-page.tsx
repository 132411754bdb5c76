import { Anchor, Button, Code, Group, Stack, Table, Text } from "@mantine/core";
import { IconCalendarPlus, IconCalendarX } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CalendarFeedResponse, SelectionEventSummary } from "../../../contracts/selection-events";
import { AppLink } from "../../ui/app-link";
import { ScrollTable } from "../../ui/scroll-table";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { PageLoader, Section } from "../vacancies/ui";
import { deadline, period } from "./format";
import { feedQuery, overviewQuery, renewFeed, revokeFeed, selectionEventKeys } from "./selection-events-api";

/**
 * "Selectiemomenten": every planned event the caller sees, with invitations, bookings, free
 * places and attendance; and the private calendar feed of one's sessions.
 */
export function SelectionEventsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery(overviewQuery);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Text c="dimmed">{t("selectionEvents.overview.intro")}</Text>
      <Section title={t("selectionEvents.overview.listTitle")}>
        {query.data.events.length === 0 ? (
          <Text>{t("selectionEvents.overview.none")}</Text>
        ) : (
          <EventTable events={query.data.events} />
        )}
      </Section>
      <CalendarFeed />
    </Stack>
  );
}

export function EventTable({
  events,
  showVacancy = true,
}: {
  events: SelectionEventSummary[];
  showVacancy?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t("selectionEvents.overview.table")} minWidth={800}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("selectionEvents.fields.name")}</Table.Th>
            {showVacancy && <Table.Th>{t("selectionEvents.fields.vacancy")}</Table.Th>}
            <Table.Th>{t("selectionEvents.fields.dates")}</Table.Th>
            <Table.Th>{t("selectionEvents.fields.deadline")}</Table.Th>
            <Table.Th ta="right">{t("selectionEvents.counts.invited")}</Table.Th>
            <Table.Th ta="right">{t("selectionEvents.counts.booked")}</Table.Th>
            <Table.Th ta="right">{t("selectionEvents.counts.free")}</Table.Th>
            <Table.Th ta="right">{t("selectionEvents.counts.present")}</Table.Th>
            <Table.Th ta="right">{t("selectionEvents.counts.absent")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Anchor component={AppLink} href={`/selectiemomenten/${e.id}`}>
                  {e.name}
                </Anchor>
              </Table.Td>
              {showVacancy && <Table.Td>{e.vacancy.title}</Table.Td>}
              <Table.Td>{period(e.firstDate, e.lastDate)}</Table.Td>
              <Table.Td>{deadline(e.bookingDeadline)}</Table.Td>
              <Table.Td ta="right">{e.counts.invited}</Table.Td>
              <Table.Td ta="right">{e.counts.booked}</Table.Td>
              <Table.Td ta="right">{e.counts.free}</Table.Td>
              <Table.Td ta="right">{e.counts.present}</Table.Td>
              <Table.Td ta="right">{e.counts.absent}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The private feed: its URL is shown once when made; making a new one revokes the old. */
function CalendarFeed() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useQuery({ ...feedQuery, throwOnError: false });
  const [made, setMade] = useState<CalendarFeedResponse | null>(null);
  const renew = useMutation({
    mutationFn: renewFeed,
    onSuccess: (feed) => {
      setMade(feed);
      void queryClient.invalidateQueries({ queryKey: selectionEventKeys.feed });
    },
  });
  const revoke = useMutation({
    mutationFn: revokeFeed,
    onSuccess: () => {
      setMade(null);
      void queryClient.invalidateQueries({ queryKey: selectionEventKeys.feed });
    },
  });
  // Roles without a feed (none here today) get no section rather than a dead button.
  if (!status.isSuccess) return null;
  const active = status.data.active;
  return (
    <Section title={t("selectionEvents.feed.title")}>
      <Stack gap="sm">
        <Text>{t("selectionEvents.feed.intro")}</Text>
        <FormError error={renew.error ?? revoke.error} />
        {made?.url && (
          <Notice color="green" status title={t("selectionEvents.feed.madeTitle")}>
            <Stack gap={4}>
              <Text size="sm">{t("selectionEvents.feed.copy")}</Text>
              <Code block data-testid="feed-url">
                {made.url}
              </Code>
            </Stack>
          </Notice>
        )}
        {active && !made?.url && status.data.createdAt && (
          <Text size="sm">
            {t("selectionEvents.feed.activeSince", { date: deadline(status.data.createdAt) })}
          </Text>
        )}
        <Group>
          <Button
            leftSection={<IconCalendarPlus aria-hidden="true" size={16} />}
            loading={renew.isPending}
            onClick={() => renew.mutate()}
          >
            {active ? t("selectionEvents.feed.renew") : t("selectionEvents.feed.make")}
          </Button>
          {active && (
            <Button
              variant="default"
              leftSection={<IconCalendarX aria-hidden="true" size={16} />}
              loading={revoke.isPending}
              onClick={() => revoke.mutate()}
            >
              {t("selectionEvents.feed.revoke")}
            </Button>
          )}
        </Group>
      </Stack>
    </Section>
  );
}
