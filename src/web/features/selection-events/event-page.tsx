import { Badge, Button, Checkbox, Group, Select, Stack, Table, Text } from "@mantine/core";
import { IconMail, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SelectionEvent } from "../../../contracts/selection-events";
import { AppLink } from "../../ui/app-link";
import { Facts } from "../../ui/facts";
import { ScrollTable } from "../../ui/scroll-table";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { PageLoader, Section } from "../vacancies/ui";
import { deadline, when } from "./format";
import { AddSessionForm } from "./plan-event-page";
import {
  eventQuery,
  inviteApplicants,
  markAttendance,
  removeSession,
  selectionEventKeys,
} from "./selection-events-api";

/**
 * One selection event: its details, sessions and slots with bookings and free places, the
 * invited applicants with their booking and attendance. Those who manage the vacancy's
 * applicants invite, add sessions and mark attendance; the jury and the leader read.
 */
export function SelectionEventPage({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery(eventQuery(eventId));
  const [adding, setAdding] = useState(false);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const event = query.data;
  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <Section
        title={event.name}
        action={
          <Button component={AppLink} href={`/vacaturebeheer/${event.vacancy.id}`} variant="subtle" size="xs">
            {event.vacancy.title}
          </Button>
        }
      >
        <Stack gap="sm">
          {event.description && <Text style={{ whiteSpace: "pre-line" }}>{event.description}</Text>}
          <Facts
            items={[
              ...(event.location
                ? [[t("selectionEvents.fields.location"), event.location] as [string, string]]
                : []),
              ...(event.onlineUrl
                ? [[t("selectionEvents.fields.onlineUrl"), event.onlineUrl] as [string, string]]
                : []),
              [t("selectionEvents.fields.deadline"), deadline(event.bookingDeadline)],
              [t("selectionEvents.fields.timeZone"), event.timeZone],
              [
                t("selectionEvents.counts.title"),
                t("selectionEvents.counts.summary", {
                  invited: event.counts.invited,
                  booked: event.counts.booked,
                  free: event.counts.free,
                }),
              ],
            ]}
          />
        </Stack>
      </Section>
      <Section
        title={t("selectionEvents.event.sessions")}
        action={
          event.manage && !adding ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus aria-hidden="true" size={14} />}
              onClick={() => setAdding(true)}
            >
              {t("selectionEvents.plan.addSession")}
            </Button>
          ) : null
        }
      >
        <Stack gap="md">
          {adding && <AddSessionForm eventId={eventId} onDone={() => setAdding(false)} />}
          <Sessions event={event} />
        </Stack>
      </Section>
      {event.manage && <InviteForm event={event} />}
      <Section title={t("selectionEvents.event.invitations")}>
        {event.invitations.length === 0 ? (
          <Text>{t("selectionEvents.event.noInvitations")}</Text>
        ) : (
          <Invitations event={event} />
        )}
      </Section>
    </Stack>
  );
}

function Sessions({ event }: { event: SelectionEvent }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (sessionId: string) => removeSession(event.id, sessionId),
    onSuccess: (next) => queryClient.setQueryData(selectionEventKeys.event(event.id), next),
  });
  return (
    <Stack gap="md">
      <FormError error={remove.error} />
      {event.sessions.map((s, i) => (
        <Stack key={s.id} gap={4}>
          <Group justify="space-between">
            <Text fw={600}>
              {t("selectionEvents.event.sessionTitle", { n: i + 1, when: when(s.date, s.start, s.end) })}
            </Text>
            {event.manage && s.slots.every((slot) => slot.booked === 0) && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash aria-hidden="true" size={14} />}
                loading={remove.isPending && remove.variables === s.id}
                onClick={() => remove.mutate(s.id)}
              >
                {t("selectionEvents.event.removeSession", { n: i + 1 })}
              </Button>
            )}
          </Group>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("selectionEvents.event.slot")}</Table.Th>
                <Table.Th ta="right">{t("selectionEvents.plan.capacityShort")}</Table.Th>
                <Table.Th ta="right">{t("selectionEvents.counts.booked")}</Table.Th>
                <Table.Th ta="right">{t("selectionEvents.counts.free")}</Table.Th>
                <Table.Th>{t("selectionEvents.event.who")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.slots.map((slot) => (
                <Table.Tr key={slot.id}>
                  <Table.Td>
                    {slot.start}–{slot.end}
                  </Table.Td>
                  <Table.Td ta="right">{slot.capacity}</Table.Td>
                  <Table.Td ta="right">{slot.booked}</Table.Td>
                  <Table.Td ta="right">
                    {slot.free === 0 ? (
                      <Badge color="gray" variant="light">
                        {t("selectionEvents.event.full")}
                      </Badge>
                    ) : (
                      slot.free
                    )}
                  </Table.Td>
                  <Table.Td>
                    {event.invitations
                      .filter((inv) => inv.slotId === slot.id)
                      .map((inv) => inv.name)
                      .join(", ")}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
    </Stack>
  );
}

function InviteForm({ event }: { event: SelectionEvent }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [phaseIds, setPhaseIds] = useState<string[]>([]);
  const [done, setDone] = useState<number | null>(null);
  const invite = useMutation({
    mutationFn: () => inviteApplicants(event.id, phaseIds),
    onSuccess: (result) => {
      queryClient.setQueryData(selectionEventKeys.event(event.id), result.event);
      void queryClient.invalidateQueries({ queryKey: selectionEventKeys.overview });
      setDone(result.invited);
      setPhaseIds([]);
    },
  });
  return (
    <Section title={t("selectionEvents.invite.title")}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setDone(null);
          invite.mutate();
        }}
      >
        <Stack gap="sm">
          <Text>{t("selectionEvents.invite.intro")}</Text>
          {done !== null && (
            <Notice color="green" status>
              {t("selectionEvents.invite.done", { count: done })}
            </Notice>
          )}
          <FormError error={invite.error} />
          <Checkbox.Group label={t("selectionEvents.invite.phases")} value={phaseIds} onChange={setPhaseIds}>
            <Stack gap={6} mt={6}>
              {event.phases.map((p) => (
                <Checkbox key={p.id} value={p.id} label={`${p.label} (${p.count})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group>
            <Button
              type="submit"
              leftSection={<IconMail aria-hidden="true" size={16} />}
              loading={invite.isPending}
            >
              {t("selectionEvents.invite.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function Invitations({ event }: { event: SelectionEvent }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mark = useMutation({
    mutationFn: (v: { invitationId: string; attendance: "present" | "absent" | null }) =>
      markAttendance(event.id, v.invitationId, { attendance: v.attendance }),
    onSuccess: (next) => {
      queryClient.setQueryData(selectionEventKeys.event(event.id), next);
      void queryClient.invalidateQueries({ queryKey: selectionEventKeys.overview });
    },
  });
  const slotText = (slotId: string | null) => {
    for (const s of event.sessions) {
      const slot = s.slots.find((x) => x.id === slotId);
      if (slot) return when(s.date, slot.start, slot.end);
    }
    return t("selectionEvents.event.notBooked");
  };
  return (
    <Stack gap="sm">
      <FormError error={mark.error} />
      <ScrollTable label={t("selectionEvents.event.invitationsTable")} minWidth={700}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("selectionEvents.event.applicant")}</Table.Th>
              <Table.Th>{t("selectionEvents.event.phase")}</Table.Th>
              <Table.Th>{t("selectionEvents.event.booking")}</Table.Th>
              <Table.Th>{t("selectionEvents.event.attendance")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {event.invitations.map((inv) => (
              <Table.Tr key={inv.id}>
                <Table.Td>{inv.name}</Table.Td>
                <Table.Td>{inv.phase}</Table.Td>
                <Table.Td>{slotText(inv.slotId)}</Table.Td>
                <Table.Td>
                  {event.manage && inv.slotId ? (
                    <Select
                      aria-label={t("selectionEvents.event.attendanceOf", { name: inv.name })}
                      w={170}
                      size="xs"
                      value={inv.attendance ?? "unknown"}
                      allowDeselect={false}
                      data={[
                        { value: "unknown", label: t("selectionEvents.attendance.unknown") },
                        { value: "present", label: t("selectionEvents.attendance.present") },
                        { value: "absent", label: t("selectionEvents.attendance.absent") },
                      ]}
                      onChange={(value) =>
                        mark.mutate({
                          invitationId: inv.id,
                          attendance: value === "present" || value === "absent" ? value : null,
                        })
                      }
                    />
                  ) : (
                    t(`selectionEvents.attendance.${inv.attendance ?? "unknown"}`)
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
