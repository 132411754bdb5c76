import { Group, Radio, Stack } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { TIMESHEET_MAIL_MODES, type TimesheetMailMode } from "../../../contracts/placements";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { PageLoader, Section } from "../vacancies/ui";
import { mailPreferenceQuery, saveMailPreference, timesheetKeys } from "./timesheets-api";

const isMode = (value: string): value is TimesheetMailMode =>
  (TIMESHEET_MAIL_MODES as readonly string[]).includes(value);

/** "E-mail bij nieuwe weekstaten": a mail per submitted week, or one a day; saved when chosen. */
export function MailPreference() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const query = useQuery(mailPreferenceQuery);
  // The choice shows at once; when saving fails it falls back to what is stored.
  const [chosen, setChosen] = useState<TimesheetMailMode | null>(null);
  const mutation = useMutation({
    mutationFn: (mode: TimesheetMailMode) => saveMailPreference({ mode }),
    onSuccess: (preference) => queryClient.setQueryData(timesheetKeys.mailPreference, preference),
    onError: () => setChosen(null),
  });
  return (
    <Section title={t("timesheets.mail.title")}>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <Notice color="red">{errorText(query.error)}</Notice>
      ) : (
        <Stack gap="sm">
          <Radio.Group
            label={t("timesheets.mail.label")}
            value={chosen ?? query.data.mode}
            onChange={(value) => {
              if (!isMode(value)) return;
              setChosen(value);
              mutation.mutate(value);
            }}
          >
            <Group mt={6}>
              {TIMESHEET_MAIL_MODES.map((mode) => (
                <Radio key={mode} value={mode} label={t(`timesheets.mail.${mode}`)} />
              ))}
            </Group>
          </Radio.Group>
          <FormError error={mutation.error} />
          {mutation.isSuccess && (
            <Notice color="green" status>
              {t("timesheets.mail.saved")}
            </Notice>
          )}
        </Stack>
      )}
    </Section>
  );
}
