import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { TimeInput } from "@mantine/dates";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionInput } from "../../../contracts/selection-events";
import { DateField } from "../../ui/date-field";
import { FormError, fieldErrors } from "../identity/forms";
import { Section } from "../vacancies/ui";
import { addSession, createEvent, selectionEventKeys } from "./selection-events-api";

interface SlotDraft {
  key: number;
  start: string;
  end: string;
  capacity: number | string;
}
export interface SessionDraft {
  key: number;
  date: string;
  start: string;
  end: string;
  slots: SlotDraft[];
}

let nextKey = 1;
const newSlot = (start = "09:00", end = "09:45"): SlotDraft => ({ key: nextKey++, start, end, capacity: 1 });
export const newSession = (): SessionDraft => ({
  key: nextKey++,
  date: "",
  start: "09:00",
  end: "12:00",
  slots: [newSlot()],
});

export function sessionBody(s: SessionDraft): SessionInput {
  return {
    date: s.date,
    start: s.start,
    end: s.end,
    slots: s.slots.map((slot) => ({ start: slot.start, end: slot.end, capacity: Number(slot.capacity) })),
  };
}

/** One session's fields and its slots; `path` is where the server names its errors ("sessions.0"). */
export function SessionFields({
  index,
  session,
  onChange,
  onRemove,
  error,
  path,
}: {
  index: number;
  session: SessionDraft;
  onChange: (s: SessionDraft) => void;
  onRemove?: () => void;
  error: unknown;
  path: string;
}) {
  const { t } = useTranslation();
  const err = (p: string) => fieldErrors(error, `${path}${p}`).join(" ") || undefined;
  const setSlot = (i: number, slot: SlotDraft) =>
    onChange({ ...session, slots: session.slots.map((s, j) => (j === i ? slot : s)) });
  return (
    <Fieldset legend={t("selectionEvents.plan.sessionLegend", { n: index + 1 })}>
      <Stack gap="sm">
        <Group align="flex-start" grow>
          <DateField
            label={t("selectionEvents.fields.date")}
            required
            value={session.date}
            onChange={(date) => onChange({ ...session, date })}
            error={err("date")}
          />
          <TimeInput
            label={t("selectionEvents.fields.start")}
            required
            value={session.start}
            onChange={(e) => onChange({ ...session, start: e.currentTarget.value })}
            error={err("start")}
          />
          <TimeInput
            label={t("selectionEvents.fields.end")}
            required
            value={session.end}
            onChange={(e) => onChange({ ...session, end: e.currentTarget.value })}
            error={err("end")}
          />
        </Group>
        <Text fw={600} size="sm">
          {t("selectionEvents.plan.slots")}
        </Text>
        {session.slots.map((slot, i) => (
          <Group key={slot.key} align="flex-end" wrap="wrap">
            <TimeInput
              label={t("selectionEvents.plan.slotStart", { n: i + 1 })}
              required
              value={slot.start}
              onChange={(e) => setSlot(i, { ...slot, start: e.currentTarget.value })}
              error={err(`slots.${i}.start`)}
            />
            <TimeInput
              label={t("selectionEvents.plan.slotEnd", { n: i + 1 })}
              required
              value={slot.end}
              onChange={(e) => setSlot(i, { ...slot, end: e.currentTarget.value })}
              error={err(`slots.${i}.end`)}
            />
            <NumberInput
              label={t("selectionEvents.plan.capacity", { n: i + 1 })}
              required
              min={1}
              w={140}
              value={slot.capacity}
              onChange={(capacity) => setSlot(i, { ...slot, capacity })}
              error={err(`slots.${i}.capacity`)}
            />
            {session.slots.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={4}
                aria-label={t("selectionEvents.plan.removeSlot", { n: i + 1 })}
                onClick={() => onChange({ ...session, slots: session.slots.filter((_, j) => j !== i) })}
              >
                <IconTrash aria-hidden="true" size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus aria-hidden="true" size={14} />}
            onClick={() => {
              const last = session.slots.at(-1);
              onChange({
                ...session,
                slots: [...session.slots, newSlot(last?.end ?? session.start, last?.end ?? session.end)],
              });
            }}
          >
            {t("selectionEvents.plan.addSlot")}
          </Button>
          {onRemove && (
            <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
              {t("selectionEvents.plan.removeSession", { n: index + 1 })}
            </Button>
          )}
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** Plan an event for a vacancy: details, a place or link, the booking deadline, sessions and slots. */
export function PlanEventPage({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState("Jurygesprekken");
  const [description, setDescription] = useState("");
  const [location, setLocation] = useState("");
  const [onlineUrl, setOnlineUrl] = useState("");
  const [deadlineDay, setDeadlineDay] = useState("");
  const [deadlineTime, setDeadlineTime] = useState("17:00");
  const [sessions, setSessions] = useState<SessionDraft[]>([newSession()]);
  const save = useMutation({
    mutationFn: () =>
      createEvent(vacancyId, {
        name,
        description,
        location: location.trim() || null,
        onlineUrl: onlineUrl.trim() || null,
        bookingDeadline: deadlineDay
          ? new Date(`${deadlineDay}T${deadlineTime || "00:00"}`).toISOString()
          : "",
        sessions: sessions.map(sessionBody),
      }),
    onSuccess: (event) => {
      void queryClient.invalidateQueries({ queryKey: selectionEventKeys.all });
      void navigate({ to: "/selectiemomenten/$id", params: { id: event.id } });
    },
  });
  const err = (p: string) => fieldErrors(save.error, p).join(" ") || undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg" maw={900} mx="auto">
        <FormError error={save.error} />
        <Section title={t("selectionEvents.plan.details")}>
          <Stack gap="sm">
            <TextInput
              label={t("selectionEvents.fields.name")}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={err("name")}
            />
            <Textarea
              label={t("selectionEvents.fields.description")}
              autosize
              minRows={2}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              error={err("description")}
            />
            <TextInput
              label={t("selectionEvents.fields.location")}
              description={t("selectionEvents.plan.placeHint")}
              value={location}
              onChange={(e) => setLocation(e.currentTarget.value)}
              error={err("location")}
            />
            <TextInput
              label={t("selectionEvents.fields.onlineUrl")}
              type="url"
              value={onlineUrl}
              onChange={(e) => setOnlineUrl(e.currentTarget.value)}
              error={err("onlineUrl")}
            />
            <Group align="flex-start" grow>
              <DateField
                label={t("selectionEvents.fields.deadlineDay")}
                required
                value={deadlineDay}
                onChange={setDeadlineDay}
                error={err("bookingDeadline")}
              />
              <TimeInput
                label={t("selectionEvents.fields.deadlineTime")}
                required
                value={deadlineTime}
                onChange={(e) => setDeadlineTime(e.currentTarget.value)}
              />
            </Group>
          </Stack>
        </Section>
        <Section title={t("selectionEvents.plan.sessions")}>
          <Stack gap="md">
            {sessions.map((s, i) => (
              <SessionFields
                key={s.key}
                index={i}
                session={s}
                path={`sessions.${i}.`}
                error={save.error}
                onChange={(next) => setSessions(sessions.map((x, j) => (j === i ? next : x)))}
                onRemove={
                  sessions.length > 1 ? () => setSessions(sessions.filter((_, j) => j !== i)) : undefined
                }
              />
            ))}
            <Button
              variant="light"
              leftSection={<IconPlus aria-hidden="true" size={16} />}
              style={{ alignSelf: "flex-start" }}
              onClick={() => setSessions([...sessions, newSession()])}
            >
              {t("selectionEvents.plan.addSession")}
            </Button>
          </Stack>
        </Section>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("selectionEvents.plan.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds one session to an existing event. */
export function AddSessionForm({ eventId, onDone }: { eventId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [session, setSession] = useState<SessionDraft>(newSession);
  const save = useMutation({
    mutationFn: () => addSession(eventId, sessionBody(session)),
    onSuccess: (event) => {
      queryClient.setQueryData(selectionEventKeys.event(eventId), event);
      void queryClient.invalidateQueries({ queryKey: selectionEventKeys.overview });
      onDone();
    },
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <FormError error={save.error} />
        <SessionFields index={0} session={session} onChange={setSession} error={save.error} path="" />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("selectionEvents.plan.addSession")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
