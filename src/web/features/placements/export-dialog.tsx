import { Button, Group, NativeSelect, Radio, Stack, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateField } from "../../ui/date-field";
import { Dialog } from "../../ui/dialog";
import { addDays, todayIso } from "../vacancies/format";
import { previousMonth } from "./format";
import { exportUrl } from "./placements-api";

const FORMATS = ["xlsx", "csv"] as const;
type ExportFormat = (typeof FORMATS)[number];

/** The server takes a period of at most a year. */
const MAX_DAYS = 366;

/**
 * "Exporteren": approved hours of a period for payroll and invoicing, as Excel or CSV. The file
 * comes from a plain link built from the form (the session cookie goes along).
 */
export function ExportDialog({
  opened,
  onClose,
  employers,
  employerId,
}: {
  opened: boolean;
  onClose: () => void;
  /** The employers of the caller's placements (the list's filter). */
  employers: readonly { id: string; name: string }[];
  /** The employer the list is filtered on, as the default. */
  employerId: string | undefined;
}) {
  const { t } = useTranslation();
  const initial = previousMonth(todayIso());
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [employer, setEmployer] = useState(employerId ?? "");
  const [format, setFormat] = useState<ExportFormat>("xlsx");
  const [started, setStarted] = useState(false);

  const periodError =
    from === "" || to === ""
      ? t("placements.export.periodRequired")
      : to < from
        ? t("placements.export.endBeforeStart")
        : addDays(from, MAX_DAYS) <= to
          ? t("placements.export.tooLong")
          : null;
  const href = periodError
    ? null
    : exportUrl({ from, to, format, ...(employer ? { employerId: employer } : {}) });

  return (
    <Dialog
      opened={opened}
      onClose={onClose}
      title={t("placements.export.title")}
      closeLabel={t("placements.close")}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("placements.export.intro")}
        </Text>
        <Group grow align="flex-start">
          <DateField
            label={t("placements.export.from")}
            required
            value={from}
            onChange={(day) => {
              setFrom(day);
              setStarted(false);
            }}
            error={periodError && from === "" ? periodError : undefined}
          />
          <DateField
            label={t("placements.export.to")}
            required
            value={to}
            onChange={(day) => {
              setTo(day);
              setStarted(false);
            }}
            error={periodError && from !== "" ? periodError : undefined}
          />
        </Group>
        <NativeSelect
          label={t("placements.export.employer")}
          value={employer}
          onChange={(event) => setEmployer(event.currentTarget.value)}
          data={[
            { value: "", label: t("placements.filters.allEmployers") },
            ...employers.map((e) => ({ value: e.id, label: e.name })),
          ]}
        />
        <Radio.Group
          label={t("placements.export.format")}
          value={format}
          onChange={(value) => setFormat(FORMATS.find((f) => f === value) ?? "xlsx")}
        >
          <Group gap="lg" mt={6}>
            {FORMATS.map((f) => (
              <Radio key={f} value={f} label={t(`placements.export.formats.${f}`)} />
            ))}
          </Group>
        </Radio.Group>
        {started && (
          <Text size="sm" c="teal" role="status">
            {t("placements.export.started")}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t("placements.close")}
          </Button>
          {href ? (
            <Button
              component="a"
              href={href}
              download
              leftSection={<IconDownload aria-hidden="true" size={18} />}
              onClick={() => setStarted(true)}
            >
              {t("placements.export.download")}
            </Button>
          ) : (
            <Button disabled leftSection={<IconDownload aria-hidden="true" size={18} />}>
              {t("placements.export.download")}
            </Button>
          )}
        </Group>
      </Stack>
    </Dialog>
  );
}
