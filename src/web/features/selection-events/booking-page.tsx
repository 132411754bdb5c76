import { Anchor, Button, Group, Radio, Stack, Text } from "@mantine/core";
import { IconCalendarCheck } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MyInvitation } from "../../../contracts/selection-events";
import { AppLink } from "../../ui/app-link";
import { Facts } from "../../ui/facts";
import { meQuery } from "../account/me-query";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { PageLoader, Section } from "../vacancies/ui";
import { deadline, when } from "./format";
import {
  bookSlot,
  cancelBooking,
  myInvitationQuery,
  myInvitationsQuery,
  selectionEventKeys,
} from "./selection-events-api";

/**
 * The applicant's booking page (the link in their invitation mail): choose a slot with free
 * places, change it or cancel until the deadline. Full slots cannot be chosen.
 */
export function BookingPage({ invitationId }: { invitationId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const query = useQuery(myInvitationQuery(invitationId));
  const [chosen, setChosen] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const update = (next: MyInvitation, text: string) => {
    queryClient.setQueryData(myInvitationQuery(invitationId).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: selectionEventKeys.mine });
    setChosen(null);
    setNotice(text);
  };
  const book = useMutation({
    mutationFn: (slotId: string) => bookSlot(invitationId, slotId),
    onSuccess: (next) =>
      update(
        next,
        next.booking
          ? t("selectionEvents.book.booked", {
              when: when(next.booking.date, next.booking.start, next.booking.end),
            })
          : "",
      ),
  });
  const cancel = useMutation({
    mutationFn: () => cancelBooking(invitationId),
    onSuccess: (next) => update(next, t("selectionEvents.book.cancelled")),
  });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const inv = query.data;
  const selected = chosen ?? inv.booking?.slotId ?? null;
  return (
    <Stack gap="lg" maw={800} mx="auto">
      {notice && (
        <Notice color="green" status>
          {notice}
        </Notice>
      )}
      <Section title={inv.name}>
        <Stack gap="sm">
          <Text>{t("selectionEvents.book.for", { vacancy: inv.vacancy.title })}</Text>
          {inv.description && <Text style={{ whiteSpace: "pre-line" }}>{inv.description}</Text>}
          <Facts
            items={[
              ...(inv.location
                ? [[t("selectionEvents.fields.location"), inv.location] as [string, string]]
                : []),
              ...(inv.onlineUrl
                ? [
                    [
                      t("selectionEvents.fields.onlineUrl"),
                      <Anchor key="url" href={inv.onlineUrl} target="_blank" rel="noreferrer">
                        {inv.onlineUrl}
                      </Anchor>,
                    ] as [string, ReactNode],
                  ]
                : []),
              [t("selectionEvents.fields.deadline"), deadline(inv.bookingDeadline)],
              [
                t("selectionEvents.book.yourBooking"),
                inv.booking
                  ? when(inv.booking.date, inv.booking.start, inv.booking.end)
                  : t("selectionEvents.event.notBooked"),
              ],
            ]}
          />
        </Stack>
      </Section>
      <Section
        title={inv.booking ? t("selectionEvents.book.changeTitle") : t("selectionEvents.book.chooseTitle")}
      >
        {!inv.open ? (
          <Notice color="orange">{t("selectionEvents.book.closed")}</Notice>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setNotice(null);
              if (selected && selected !== inv.booking?.slotId) book.mutate(selected);
            }}
          >
            <Stack gap="md">
              <FormError error={book.error ?? cancel.error} />
              {inv.sessions.map((s) => (
                <Radio.Group
                  key={s.id}
                  label={when(s.date, s.start, s.end)}
                  value={s.slots.some((slot) => slot.id === selected) ? selected : null}
                  onChange={setChosen}
                >
                  <Stack gap={6} mt={6}>
                    {s.slots.map((slot) => {
                      const mine = slot.id === inv.booking?.slotId;
                      const full = slot.free === 0 && !mine;
                      return (
                        <Radio
                          key={slot.id}
                          value={slot.id}
                          disabled={full}
                          label={`${slot.start}–${slot.end} · ${
                            mine
                              ? t("selectionEvents.book.mine")
                              : full
                                ? t("selectionEvents.event.full")
                                : t("selectionEvents.book.free", { count: slot.free })
                          }`}
                        />
                      );
                    })}
                  </Stack>
                </Radio.Group>
              ))}
              <Group>
                <Button
                  type="submit"
                  leftSection={<IconCalendarCheck aria-hidden="true" size={16} />}
                  loading={book.isPending}
                  disabled={!selected || selected === inv.booking?.slotId}
                >
                  {inv.booking ? t("selectionEvents.book.change") : t("selectionEvents.book.submit")}
                </Button>
                {inv.booking && (
                  <Button variant="default" loading={cancel.isPending} onClick={() => cancel.mutate()}>
                    {t("selectionEvents.book.cancel")}
                  </Button>
                )}
              </Group>
            </Stack>
          </form>
        )}
      </Section>
    </Stack>
  );
}

/** The applicant's invitations (on "Mijn sollicitaties"): nothing when there are none. */
export function MyInvitations() {
  const { t } = useTranslation();
  const query = useQuery({ ...myInvitationsQuery, throwOnError: false });
  if (!query.isSuccess || query.data.length === 0) return null;
  return (
    <Section title={t("selectionEvents.mine.title")}>
      <Stack gap="xs">
        {query.data.map((inv) => (
          <Group key={inv.id} justify="space-between" wrap="wrap">
            <Stack gap={0}>
              <Text fw={600}>
                {inv.name} · {inv.vacancy.title}
              </Text>
              <Text size="sm">
                {inv.booking
                  ? when(inv.booking.date, inv.booking.start, inv.booking.end)
                  : t("selectionEvents.mine.choose", { date: deadline(inv.bookingDeadline) })}
              </Text>
            </Stack>
            <Button
              component={AppLink}
              href={`/selectiemomenten/inschrijven/${inv.id}`}
              variant="light"
              size="xs"
            >
              {inv.booking ? t("selectionEvents.mine.view") : t("selectionEvents.mine.book")}
            </Button>
          </Group>
        ))}
      </Stack>
    </Section>
  );
}

/** The booking page from the mail's link: visitors sign in first and come back here. */
export function BookingRoutePage({ invitationId }: { invitationId: string }) {
  const me = useQuery(meQuery);
  if (me.isPending) return <PageLoader />;
  if (!me.data)
    return (
      <Navigate
        to="/inloggen"
        search={{ redirect: `/selectiemomenten/inschrijven/${invitationId}` }}
        replace
      />
    );
  return <BookingPage invitationId={invitationId} />;
}
