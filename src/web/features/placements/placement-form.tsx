import { Button, Checkbox, Group, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Placement } from "../../../contracts/placements";
import { ApiError } from "../../api";
import { intlLocale } from "../../i18n";
import { DateField } from "../../ui/date-field";
import { FormError } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { parseRate, rateInput } from "./format";

/** What the form sends: the fields of CreatePlacementRequest and UpdatePlacementRequest alike. */
export interface PlacementFields {
  approverIds: string[];
  startDate: string;
  endDate: string | null;
  needsClientApproval: boolean;
  rateCents: number | null;
  nonBillable: boolean;
}

export interface ApproverOption {
  contactPersonId: string;
  name: string;
  email?: string | null;
}

/** The server's messages for one field, including those about its items (approverIds.0). */
function serverErrors(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const messages = error.fields
    .filter((f) => f.path === field || f.path.startsWith(`${field}.`))
    .map((f) => f.message);
  return messages.length > 0 ? [...new Set(messages)].join(" ") : undefined;
}

/** Fields the form shows; a field error from the server about anything else goes above the form. */
const FIELDS = ["approverIds", "startDate", "endDate", "needsClientApproval", "rateCents", "nonBillable"];

/**
 * The placement's terms ("Plaatsing vastleggen" and "Wijzigen"): the contact persons who approve
 * the hours, the dates, whether the client approves the weeks, the rate and "niet factureerbaar".
 */
export function PlacementForm({
  placement,
  approvers,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  /** The recorded placement when changing it; none when recording a new one. */
  placement?: Placement | null;
  approvers: readonly ApproverOption[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (fields: PlacementFields) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const tag = intlLocale(useLocale());
  const [chosen, setChosen] = useState<string[]>(placement?.approvers.map((a) => a.contactPersonId) ?? []);
  const [startDate, setStartDate] = useState(placement?.startDate ?? "");
  const [endDate, setEndDate] = useState(placement?.endDate ?? "");
  const [needsClientApproval, setNeedsClientApproval] = useState(placement?.needsClientApproval ?? true);
  const [rate, setRate] = useState(rateInput(placement?.rateCents ?? null, tag));
  const [nonBillable, setNonBillable] = useState(placement?.nonBillable ?? false);
  const [checked, setChecked] = useState(false);

  // Approvers chosen earlier stay visible even when they have lost portal access since.
  const options: ApproverOption[] = [
    ...approvers,
    ...(placement?.approvers ?? []).filter(
      (a) => !approvers.some((o) => o.contactPersonId === a.contactPersonId),
    ),
  ];
  const parsedRate = parseRate(rate);
  const problems = {
    startDate: startDate === "" ? t("placements.form.startRequired") : undefined,
    endDate:
      endDate !== "" && startDate !== "" && endDate < startDate
        ? t("placements.form.endBeforeStart")
        : undefined,
    rateCents: parsedRate.ok ? undefined : t("placements.form.rateInvalid"),
  };
  const shown: Record<string, string | undefined> = checked ? problems : {};
  const fieldError = (field: string) => shown[field] ?? serverErrors(error, field);
  const otherError =
    error instanceof ApiError &&
    error.fields.length > 0 &&
    error.fields.every((f) => FIELDS.includes(f.path.split(".")[0] ?? ""))
      ? null
      : error;

  function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (problems.startDate || problems.endDate || !parsedRate.ok) return;
    onSubmit({
      approverIds: chosen,
      startDate,
      endDate: endDate === "" ? null : endDate,
      needsClientApproval,
      rateCents: parsedRate.cents,
      nonBillable,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={otherError} />
        {options.length === 0 ? (
          <Stack gap={4}>
            <Text fw={700} size="sm">
              {t("placements.form.approvers")}
            </Text>
            <Text size="sm" c="dimmed">
              {t("placements.form.noApprovers")}
            </Text>
            {fieldError("approverIds") && (
              <Text size="sm" c="red">
                {fieldError("approverIds")}
              </Text>
            )}
          </Stack>
        ) : (
          <Checkbox.Group
            label={t("placements.form.approvers")}
            description={t("placements.form.approversHelp")}
            value={chosen}
            onChange={setChosen}
            error={fieldError("approverIds")}
          >
            <Stack gap={6} mt={6}>
              {options.map((a) => (
                <Checkbox
                  key={a.contactPersonId}
                  value={a.contactPersonId}
                  label={a.email ? `${a.name} (${a.email})` : a.name}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Group grow align="flex-start">
          <DateField
            label={t("placements.form.startDate")}
            required
            value={startDate}
            onChange={(day) => setStartDate(day)}
            error={fieldError("startDate")}
          />
          <DateField
            label={t("placements.form.endDate")}
            description={t("placements.form.endDateHelp")}
            value={endDate}
            onChange={(day) => setEndDate(day)}
            error={fieldError("endDate")}
          />
        </Group>
        <Checkbox
          label={t("placements.form.needsClientApproval")}
          description={t("placements.form.needsClientApprovalHelp")}
          checked={needsClientApproval}
          onChange={(event) => setNeedsClientApproval(event.currentTarget.checked)}
          error={fieldError("needsClientApproval")}
        />
        <TextInput
          label={t("placements.form.rate")}
          description={t("placements.form.rateHelp")}
          inputMode="decimal"
          leftSection={<span aria-hidden="true">€</span>}
          placeholder={rateInput(2550, tag)}
          value={rate}
          onChange={(event) => setRate(event.currentTarget.value)}
          error={fieldError("rateCents")}
          maw={220}
        />
        <Checkbox
          label={t("placements.form.nonBillable")}
          checked={nonBillable}
          onChange={(event) => setNonBillable(event.currentTarget.checked)}
          error={fieldError("nonBillable")}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t("placements.form.cancel")}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
