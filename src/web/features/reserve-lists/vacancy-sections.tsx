import { Button, Group, Radio, Stack, Text, Textarea } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ClosureKind } from "../../../contracts/reserve-lists";
import { AppLink } from "../../ui/app-link";
import { DateField } from "../../ui/date-field";
import { formatDate } from "../../ui/dates";
import { Dialog } from "../../ui/dialog";
import { FormError, fieldErrors, Notice } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { addDays, todayIso } from "../vacancies/format";
import { Section } from "../vacancies/ui";
import { ReserveListPanel } from "./reserve-list-panel";
import {
  closeProcedure,
  closureQuery,
  createReserveList,
  reserveKeys,
  vacancyReserveListQuery,
} from "./reserve-lists-api";

/**
 * "Werfreserve" on the vacancy's page: its reserve list, or the form that makes one. Shown only
 * to those who see the vacancy's applicants (anyone else gets a 404 and no section).
 */
export function VacancyReserveList({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ ...vacancyReserveListQuery(vacancyId), throwOnError: false });
  if (!query.isSuccess) return null;
  const { reserveList, mayCreate } = query.data;
  if (!reserveList && !mayCreate) return null;
  return (
    <Section
      title={t("reserveLists.section")}
      action={
        reserveList ? (
          <AppLink href={`/werfreserves/${reserveList.id}`}>{t("reserveLists.open")}</AppLink>
        ) : undefined
      }
    >
      {reserveList ? <ReserveListPanel list={reserveList} /> : <CreateForm vacancyId={vacancyId} />}
    </Section>
  );
}

function CreateForm({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const today = todayIso();
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState(addDays(today, 730));
  const create = useMutation({
    mutationFn: () => createReserveList(vacancyId, { startsOn, endsOn }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reserveKeys.all }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("reserveLists.createIntro")}
        </Text>
        <Group align="flex-start">
          <DateField
            label={t("reserveLists.startsOn")}
            value={startsOn}
            onChange={setStartsOn}
            required
            error={fieldErrors(create.error, "startsOn")[0]}
          />
          <DateField
            label={t("reserveLists.endsOn")}
            value={endsOn}
            onChange={setEndsOn}
            required
            error={fieldErrors(create.error, "endsOn")[0]}
          />
        </Group>
        <FormError error={create.error} />
        <Button type="submit" loading={create.isPending} style={{ alignSelf: "flex-start" }}>
          {t("reserveLists.create")}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * "Selectieprocedure afsluiten": how the procedure ended ("Afgesloten", or "Geannuleerd: reason"),
 * or the two actions that end it, for those who may.
 */
export function VacancyClosure({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery({ ...closureQuery(vacancyId), throwOnError: false });
  const [closing, setClosing] = useState<ClosureKind | null>(null);
  if (!query.isSuccess) return null;
  const { closure, mayClose, openApplicants } = query.data;
  if (!closure && !mayClose) return null;
  return (
    <Section title={t("reserveLists.closing.title")}>
      {closure ? (
        <Notice
          status
          color={closure.kind === "cancelled" ? "orange" : "green"}
          title={
            closure.kind === "cancelled"
              ? t("reserveLists.closing.cancelled", { reason: closure.reason ?? "" })
              : t("reserveLists.closing.completed")
          }
        >
          {t("reserveLists.closing.by", {
            name: closure.by?.name ?? "–",
            date: formatDate(closure.at, locale),
          })}{" "}
          {t("reserveLists.closing.mailed", { count: closure.mailed })}
        </Notice>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t("reserveLists.closing.intro", { count: openApplicants })}</Text>
          <Group>
            <Button onClick={() => setClosing("completed")}>{t("reserveLists.closing.complete")}</Button>
            <Button color="red" variant="light" onClick={() => setClosing("cancelled")}>
              {t("reserveLists.closing.cancel")}
            </Button>
          </Group>
        </Stack>
      )}
      {closing && (
        <CloseDialog
          vacancyId={vacancyId}
          kind={closing}
          openApplicants={openApplicants}
          onClose={() => setClosing(null)}
        />
      )}
    </Section>
  );
}

function CloseDialog({
  vacancyId,
  kind,
  openApplicants,
  onClose,
}: {
  vacancyId: string;
  kind: ClosureKind;
  openApplicants: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<ClosureKind>(kind);
  const [reason, setReason] = useState("");
  const close = useMutation({
    mutationFn: () =>
      closeProcedure(vacancyId, chosen === "cancelled" ? { kind: chosen, reason } : { kind: chosen }),
    onSuccess: (fresh) => {
      queryClient.setQueryData(reserveKeys.closure(vacancyId), fresh);
      void queryClient.invalidateQueries({ queryKey: reserveKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["vacancies"] });
      void queryClient.invalidateQueries({ queryKey: ["applicants"] });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate();
  };
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("reserveLists.closing.dialogTitle")}
      closeLabel={t("reserveLists.close")}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Radio.Group
            label={t("reserveLists.closing.how")}
            value={chosen}
            onChange={(v) => setChosen(v as ClosureKind)}
          >
            <Stack gap={6} mt="xs">
              <Radio value="completed" label={t("reserveLists.closing.completeOption")} />
              <Radio value="cancelled" label={t("reserveLists.closing.cancelOption")} />
            </Stack>
          </Radio.Group>
          {chosen === "cancelled" && (
            <Textarea
              label={t("reserveLists.closing.reason")}
              description={t("reserveLists.closing.reasonHint")}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              autosize
              minRows={3}
              error={fieldErrors(close.error, "reason")[0]}
            />
          )}
          <Text size="sm">
            {t(
              chosen === "cancelled"
                ? "reserveLists.closing.mailCancelled"
                : "reserveLists.closing.mailCompleted",
              {
                count: openApplicants,
              },
            )}
          </Text>
          <FormError error={close.error} />
          <Group>
            <Button
              type="submit"
              color={chosen === "cancelled" ? "red" : undefined}
              loading={close.isPending}
            >
              {t(
                chosen === "cancelled"
                  ? "reserveLists.closing.confirmCancel"
                  : "reserveLists.closing.confirmComplete",
              )}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t("reserveLists.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
