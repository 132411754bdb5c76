import { ActionIcon, Button, Checkbox, Group, Radio, Select, Stack, Table, Text } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CallUpKind, Laureate, ReserveList, ReserveListState } from "../../../contracts/reserve-lists";
import { AppLink } from "../../ui/app-link";
import { DateField } from "../../ui/date-field";
import { formatDate, formatDay } from "../../ui/dates";
import { Dialog } from "../../ui/dialog";
import { Facts } from "../../ui/facts";
import { ScrollTable } from "../../ui/scroll-table";
import { applicantListQuery } from "../applicants/applicants-api";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PlainBadge } from "../vacancies/ui";
import {
  addLaureates,
  callUp,
  callUpTargetsQuery,
  orderLaureates,
  removeLaureate,
  reserveKeys,
  setValidity,
} from "./reserve-lists-api";

const STATE_COLOURS: Record<ReserveListState, string> = {
  upcoming: "blue.9",
  valid: "teal.9",
  expired: "gray.7",
};

export function StateBadge({ state }: { state: ReserveListState }) {
  const { t } = useTranslation();
  return <PlainBadge color={STATE_COLOURS[state]}>{t(`reserveLists.state.${state}`)}</PlainBadge>;
}

/** After a change: the list everywhere it shows (its page, the vacancy's section, the overview). */
function useStore(list: ReserveList) {
  const queryClient = useQueryClient();
  return (fresh: ReserveList) => {
    queryClient.setQueryData(reserveKeys.list(list.id), fresh);
    void queryClient.invalidateQueries({ queryKey: reserveKeys.all });
    // The applicants moved to the reserve phase or onto another vacancy.
    void queryClient.invalidateQueries({ queryKey: ["applicants"] });
  };
}

/**
 * A reserve list: its validity, the laureates in ranking order with their call-ups, and what
 * the caller may do with it (order, add applicants, call up for another vacancy).
 */
export function ReserveListPanel({
  list,
  vacancyLink = false,
}: {
  list: ReserveList;
  vacancyLink?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [callingUp, setCallingUp] = useState<Laureate | null>(null);
  return (
    <Stack gap="md">
      <Facts
        items={[
          ...(vacancyLink
            ? [
                [
                  t("reserveLists.vacancy"),
                  <AppLink key="v" href={`/vacaturebeheer/${list.vacancy.id}`}>
                    {list.vacancy.title}
                  </AppLink>,
                ] as [string, ReactNode],
              ]
            : []),
          [
            t("reserveLists.validity"),
            t("reserveLists.validFromTo", {
              from: formatDay(list.startsOn, locale),
              to: formatDay(list.endsOn, locale),
            }),
          ],
          [t("reserveLists.stateLabel"), <StateBadge key="s" state={list.state} />],
        ]}
      />
      {list.permissions.manage && <ValidityForm list={list} />}
      {list.state !== "valid" && list.permissions.manage && (
        <Text size="sm" c="dimmed">
          {t(list.state === "expired" ? "reserveLists.expiredHint" : "reserveLists.upcomingHint")}
        </Text>
      )}
      <LaureateTable list={list} onCallUp={setCallingUp} />
      {list.permissions.addLaureates && <AddLaureates list={list} />}
      {callingUp && <CallUpDialog list={list} laureate={callingUp} onClose={() => setCallingUp(null)} />}
    </Stack>
  );
}

function ValidityForm({ list }: { list: ReserveList }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [startsOn, setStartsOn] = useState(list.startsOn);
  const [endsOn, setEndsOn] = useState(list.endsOn);
  const store = useStore(list);
  const save = useMutation({
    mutationFn: () => setValidity(list.id, { startsOn, endsOn }),
    onSuccess: (fresh) => {
      store(fresh);
      setOpen(false);
    },
  });
  if (!open)
    return (
      <Button variant="default" size="xs" style={{ alignSelf: "flex-start" }} onClick={() => setOpen(true)}>
        {t("reserveLists.changeValidity")}
      </Button>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="flex-start">
          <DateField
            label={t("reserveLists.startsOn")}
            value={startsOn}
            onChange={setStartsOn}
            required
            error={fieldErrors(save.error, "startsOn")[0]}
          />
          <DateField
            label={t("reserveLists.endsOn")}
            value={endsOn}
            onChange={setEndsOn}
            required
            error={fieldErrors(save.error, "endsOn")[0]}
          />
        </Group>
        <FormError error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("reserveLists.saveValidity")}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t("reserveLists.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function LaureateTable({ list, onCallUp }: { list: ReserveList; onCallUp: (l: Laureate) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const store = useStore(list);
  const errorText = useErrorText();
  const order = useMutation({
    mutationFn: (ids: string[]) => orderLaureates(list.id, ids),
    onSuccess: store,
  });
  const remove = useMutation({
    mutationFn: (laureateId: string) => removeLaureate(list.id, laureateId),
    onSuccess: store,
  });
  if (list.laureates.length === 0) return <Text c="dimmed">{t("reserveLists.noLaureates")}</Text>;
  const ids = list.laureates.map((l) => l.id);
  const move = (index: number, by: -1 | 1) => {
    const next = [...ids];
    const [taken] = next.splice(index, 1);
    next.splice(index + by, 0, taken!);
    order.mutate(next);
  };
  const error = order.error ?? remove.error;
  return (
    <Stack gap="xs">
      {error ? <Notice color="red">{errorText(error)}</Notice> : null}
      <ScrollTable label={t("reserveLists.laureates")} minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("reserveLists.columns.rank")}</Table.Th>
              <Table.Th scope="col">{t("reserveLists.columns.name")}</Table.Th>
              <Table.Th scope="col">{t("reserveLists.columns.phase")}</Table.Th>
              <Table.Th scope="col">{t("reserveLists.columns.callUps")}</Table.Th>
              {list.permissions.manage && (
                <Table.Th scope="col">{t("reserveLists.columns.actions")}</Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.laureates.map((l, i) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.position}</Table.Td>
                <Table.Th scope="row" fw={500}>
                  {l.name}
                </Table.Th>
                <Table.Td>{l.phase}</Table.Td>
                <Table.Td>
                  {l.callUps.length === 0
                    ? "–"
                    : l.callUps.map((c) => (
                        <Text key={c.id} size="sm">
                          {t(`reserveLists.kind.${c.kind}`)}: {c.vacancy.title} ({formatDate(c.at, locale)})
                        </Text>
                      ))}
                </Table.Td>
                {list.permissions.manage && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t("reserveLists.up", { name: l.name })}
                        disabled={i === 0 || order.isPending}
                        onClick={() => move(i, -1)}
                      >
                        <IconArrowUp aria-hidden="true" size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t("reserveLists.down", { name: l.name })}
                        disabled={i === list.laureates.length - 1 || order.isPending}
                        onClick={() => move(i, 1)}
                      >
                        <IconArrowDown aria-hidden="true" size={16} />
                      </ActionIcon>
                      {list.permissions.callUp && (
                        <Button size="xs" variant="light" onClick={() => onCallUp(l)}>
                          {t("reserveLists.callUp")}
                        </Button>
                      )}
                      {list.permissions.addLaureates && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t("reserveLists.remove", { name: l.name })}
                          onClick={() => remove.mutate(l.id)}
                        >
                          <IconTrash aria-hidden="true" size={16} />
                        </ActionIcon>
                      )}
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

/** "Laureaten toevoegen": applicants of the vacancy not on the list yet, still in the race. */
function AddLaureates({ list }: { list: ReserveList }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const applicants = useQuery({ ...applicantListQuery(list.vacancy.id, {}), throwOnError: false });
  const [chosen, setChosen] = useState<string[]>([]);
  const store = useStore(list);
  const add = useMutation({
    mutationFn: () => addLaureates(list.id, { matchIds: chosen }),
    onSuccess: (fresh) => {
      store(fresh);
      setChosen([]);
    },
  });
  if (!applicants.isSuccess) return null;
  const onList = new Set(list.laureates.map((l) => l.matchId));
  const candidates = applicants.data.items.filter((a) => !onList.has(a.id) && a.state === "active");
  if (candidates.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Checkbox.Group
          label={t("reserveLists.addLabel")}
          description={t("reserveLists.addHint")}
          value={chosen}
          onChange={setChosen}
        >
          <Stack gap={6} mt="xs">
            {candidates.map((a) => (
              <Checkbox
                key={a.id}
                value={a.id}
                label={`${a.firstName} ${a.lastName} (${a.phase.label[locale === "nl" ? "nl" : "en"]})`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <FormError error={add.error} />
        <Button
          type="submit"
          disabled={chosen.length === 0}
          loading={add.isPending}
          style={{ alignSelf: "flex-start" }}
        >
          {t("reserveLists.add", { count: chosen.length })}
        </Button>
      </Stack>
    </form>
  );
}

/** "Oproepen": the laureate onto another vacancy of the organisation, mailed or added by hand. */
function CallUpDialog({
  list,
  laureate,
  onClose,
}: {
  list: ReserveList;
  laureate: Laureate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const targets = useQuery(callUpTargetsQuery(list.id));
  const [vacancyId, setVacancyId] = useState<string | null>(null);
  const [kind, setKind] = useState<CallUpKind>("call_up");
  const store = useStore(list);
  const [done, setDone] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: () => callUp(list.id, laureate.id, { vacancyId: vacancyId!, kind }),
    onSuccess: (result) => {
      store(result.reserveList);
      setDone(result.callUp.vacancy.title);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (vacancyId) send.mutate();
  };
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("reserveLists.callUpTitle", { name: laureate.name })}
      closeLabel={t("reserveLists.close")}
    >
      {done ? (
        <Stack gap="sm">
          <Notice color="green">
            {t(kind === "call_up" ? "reserveLists.calledUp" : "reserveLists.addedByHand", {
              name: laureate.name,
              title: done,
            })}
          </Notice>
          <Button onClick={onClose} style={{ alignSelf: "flex-start" }}>
            {t("reserveLists.close")}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Select
              label={t("reserveLists.targetVacancy")}
              description={t("reserveLists.targetHint")}
              data={(targets.data ?? []).map((v) => ({ value: v.id, label: v.title }))}
              value={vacancyId}
              onChange={setVacancyId}
              searchable
              required
              nothingFoundMessage={t("reserveLists.noTargets")}
            />
            <Radio.Group
              label={t("reserveLists.kindLabel")}
              value={kind}
              onChange={(v) => setKind(v as CallUpKind)}
            >
              <Stack gap={6} mt="xs">
                <Radio value="call_up" label={t("reserveLists.kindCallUp")} />
                <Radio value="added" label={t("reserveLists.kindAdded")} />
              </Stack>
            </Radio.Group>
            <FormError error={send.error} />
            <Group>
              <Button type="submit" disabled={!vacancyId} loading={send.isPending}>
                {t(kind === "call_up" ? "reserveLists.callUp" : "reserveLists.addToVacancy")}
              </Button>
              <Button variant="default" onClick={onClose}>
                {t("reserveLists.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
