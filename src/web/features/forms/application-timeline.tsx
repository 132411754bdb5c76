import { Button, Group, List, Stack, Table, Text } from "@mantine/core";
import { IconChevronDown, IconChevronUp } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Application } from "../../../contracts/vacancies";
import { Dialog } from "../../ui/dialog";
import { FormError } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { formatDate } from "../vacancies/format";
import { applicationTimelineQuery, withdrawApplication } from "./forms-api";

/** The steps of one application and, while it is not final, "Sollicitatie intrekken". */
function Timeline({ application }: { application: Application }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const timeline = useQuery(applicationTimelineQuery(application.id));
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => withdrawApplication(application.id),
    onSuccess: async (next) => {
      queryClient.setQueryData(applicationTimelineQuery(application.id).queryKey, next);
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ["applications", "mine"] });
    },
  });
  if (timeline.isPending) return <Text size="sm">{t("forms.timeline.loading")}</Text>;
  if (timeline.isError) return <FormError error={timeline.error} />;
  return (
    <Stack gap="xs">
      <List size="sm" aria-label={t("forms.timeline.title", { title: application.displayTitle })}>
        {timeline.data.steps.map((step) => (
          <List.Item key={`${step.phase.key}-${step.at}`}>
            <Text span fw={600}>
              {step.phase.label[locale === "en" ? "en" : "nl"]}
            </Text>{" "}
            <Text span c="dimmed">
              {formatDate(step.at, locale)}
            </Text>
          </List.Item>
        ))}
      </List>
      <FormError error={withdraw.error} />
      {timeline.data.canWithdraw && (
        <Group>
          <Button variant="light" color="red" size="xs" onClick={() => setConfirming(true)}>
            {t("forms.timeline.withdraw")}
          </Button>
        </Group>
      )}
      <Dialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("forms.timeline.withdrawTitle")}
        closeLabel={t("forms.timeline.cancel")}
      >
        <Stack gap="sm">
          <Text>{t("forms.timeline.withdrawText", { title: application.displayTitle })}</Text>
          <Group>
            <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
              {t("forms.timeline.withdrawConfirm")}
            </Button>
            <Button variant="subtle" onClick={() => setConfirming(false)}>
              {t("forms.timeline.cancel")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}

/** A row of "Mijn sollicitaties" that opens to show the application's steps. */
export function ApplicationTimelineRow({
  application,
  columns,
  children,
}: {
  application: Application;
  columns: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = `timeline-${application.id}`;
  return (
    <>
      <Table.Tr>
        {children}
        <Table.Td>
          <Button
            variant="subtle"
            size="xs"
            aria-expanded={open}
            aria-controls={open ? id : undefined}
            aria-label={t("forms.timeline.toggle", { title: application.displayTitle })}
            rightSection={
              open ? (
                <IconChevronUp aria-hidden="true" size={14} />
              ) : (
                <IconChevronDown aria-hidden="true" size={14} />
              )
            }
            onClick={() => setOpen(!open)}
          >
            {t("forms.timeline.show")}
          </Button>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr id={id}>
          <Table.Td colSpan={columns}>
            <Timeline application={application} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
