import {
  ActionIcon,
  Button,
  Checkbox,
  FileInput,
  Group,
  NumberInput,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconFileText, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AnswerValue,
  CEFR_LEVELS,
  type FormField,
  isValidNationalRegisterNumber,
  type UploadedFile,
} from "../../../contracts/forms";
import { DateField } from "../../ui/date-field";
import { useLocale } from "../language/language-control";
import { referenceListsQuery } from "../vacancies/vacancies-api";
import { carry, rowKey } from "./row-keys";

type Language = { code: string; level: (typeof CEFR_LEVELS)[number] };

export interface AnswerInputProps {
  field: FormField;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  error: string | undefined;
  files: readonly UploadedFile[];
  onUpload: (file: File) => Promise<void>;
}

/** One question of an application form, as its kind asks it; labelled, with help and the error at the field. */
export function AnswerInput({ field, value, onChange, error, files, onUpload }: AnswerInputProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const lang = locale === "en" ? "en" : "nl";
  const label = field.label[lang] || field.label.nl;
  const description = field.help[lang] || field.help.nl || undefined;
  const common = { label, description, error, required: field.required };
  const reference = useQuery({
    ...referenceListsQuery,
    enabled: field.kind === "diploma_level" || field.kind === "languages",
  });
  const [checkedNumber, setCheckedNumber] = useState(false);
  const [uploading, setUploading] = useState(false);
  const optionLabel = (o: FormField["options"][number]) => o.label[lang] || o.label.nl;

  switch (field.kind) {
    case "short_text":
      return (
        <TextInput
          {...common}
          maxLength={500}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case "long_text":
      return (
        <Textarea
          {...common}
          autosize
          minRows={4}
          maxLength={10_000}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case "single_choice":
      return (
        <Radio.Group {...common} value={typeof value === "string" ? value : null} onChange={onChange}>
          <Stack gap={6} mt={6}>
            {field.options.map((o) => (
              <Radio key={o.key} value={o.key} label={optionLabel(o)} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case "multiple_choice":
      return (
        <Checkbox.Group
          {...common}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
        >
          <Stack gap={6} mt={6}>
            {field.options.map((o) => (
              <Checkbox key={o.key} value={o.key} label={optionLabel(o)} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case "yes_no":
      return (
        <Radio.Group
          {...common}
          value={value === true ? "yes" : value === false ? "no" : null}
          onChange={(v) => onChange(v === "yes")}
        >
          <Group gap="lg" mt={6}>
            <Radio value="yes" label={t("forms.answer.yes")} />
            <Radio value="no" label={t("forms.answer.no")} />
          </Group>
        </Radio.Group>
      );
    case "date":
      return (
        <DateField
          {...common}
          value={typeof value === "string" ? value : ""}
          onChange={(v) => onChange(v === "" ? null : v)}
          maw={260}
        />
      );
    case "number":
      return (
        <NumberInput
          {...common}
          maw={260}
          value={typeof value === "number" ? value : ""}
          onChange={(v) => onChange(typeof v === "number" ? v : null)}
        />
      );
    case "national_register_number": {
      const text = typeof value === "string" ? value : "";
      const invalid = checkedNumber && text.trim() !== "" && !isValidNationalRegisterNumber(text);
      return (
        <TextInput
          {...common}
          maw={320}
          inputMode="numeric"
          autoComplete="off"
          placeholder="YY.MM.DD-XXX.CC"
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          onBlur={() => setCheckedNumber(true)}
          error={error ?? (invalid ? t("forms.answer.registerNumberInvalid") : undefined)}
        />
      );
    }
    case "diploma_level":
      return (
        <Select
          {...common}
          maw={480}
          data={(reference.data?.educationLevels ?? []).map((l) => ({ value: l.id, label: l.label[lang] }))}
          value={typeof value === "string" ? value : null}
          onChange={(v) => onChange(v)}
          searchable
          clearable
          allowDeselect={false}
          clearButtonProps={{ "aria-label": t("forms.answer.clear", { label }) }}
        />
      );
    case "languages": {
      const rows: Language[] = Array.isArray(value) ? (value as Language[]) : [];
      const languages = (reference.data?.languages ?? []).map((l) => ({ value: l.id, label: l.label[lang] }));
      const set = (next: Language[]) => onChange(next);
      return (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={500} size="sm">
            {label}
            {field.required && (
              <Text component="span" c="red" aria-hidden="true">
                {" *"}
              </Text>
            )}
          </Text>
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
          <Stack gap="xs" mt={6}>
            {rows.map((row, i) => (
              <Group key={rowKey(row)} gap="xs" align="flex-end" wrap="nowrap">
                <Select
                  label={t("forms.answer.language", { n: i + 1 })}
                  data={languages}
                  searchable
                  value={row.code || null}
                  onChange={(code) =>
                    set(rows.map((r, j) => (j === i ? carry(r, { ...r, code: code ?? "" }) : r)))
                  }
                />
                <Select
                  label={t("forms.answer.level", { n: i + 1 })}
                  data={CEFR_LEVELS.map((l) => ({ value: l, label: l }))}
                  value={row.level}
                  w={100}
                  onChange={(level) =>
                    set(
                      rows.map((r, j) =>
                        j === i ? { ...r, level: (level ?? "B1") as Language["level"] } : r,
                      ),
                    )
                  }
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t("forms.answer.removeLanguage", { n: i + 1 })}
                  onClick={() => set(rows.filter((_, j) => j !== i))}
                >
                  <IconTrash aria-hidden="true" size={18} />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus aria-hidden="true" size={14} />}
                onClick={() => set([...rows, { code: "", level: "B1" }])}
              >
                {t("forms.answer.addLanguage")}
              </Button>
            </Group>
            {error && (
              <Text c="red" size="sm" role="alert">
                {error}
              </Text>
            )}
          </Stack>
        </fieldset>
      );
    }
    case "file": {
      const chosen =
        value && typeof value === "object" && !Array.isArray(value)
          ? files.find((f) => f.id === value.fileId)
          : undefined;
      return (
        <Stack gap={4}>
          <FileInput
            {...common}
            accept=".pdf,.docx,.png,.jpg,.jpeg,.webp,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg,image/webp"
            leftSection={<IconFileText aria-hidden="true" size={18} />}
            placeholder={chosen ? chosen.fileName : t("forms.answer.choose")}
            value={null}
            disabled={uploading}
            onChange={async (file) => {
              if (!file) return;
              setUploading(true);
              try {
                await onUpload(file);
              } finally {
                setUploading(false);
              }
            }}
          />
          {chosen && (
            <Text size="sm" aria-live="polite">
              {t("forms.answer.uploaded", { name: chosen.fileName })}
            </Text>
          )}
        </Stack>
      );
    }
  }
}

/** An answer as text, for the review step. */
export function useAnswerText() {
  const { t } = useTranslation();
  const locale = useLocale();
  const lang = locale === "en" ? "en" : "nl";
  const reference = useQuery(referenceListsQuery);
  return (field: FormField, value: AnswerValue | undefined, files: readonly UploadedFile[]): string => {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0))
      return t("forms.review.empty");
    switch (field.kind) {
      case "yes_no":
        return value ? t("forms.answer.yes") : t("forms.answer.no");
      case "single_choice":
      case "multiple_choice": {
        const keys = Array.isArray(value) ? (value as string[]) : [String(value)];
        return keys.map((k) => field.options.find((o) => o.key === k)?.label[lang] ?? k).join(", ");
      }
      case "diploma_level":
        return reference.data?.educationLevels.find((l) => l.id === value)?.label[lang] ?? String(value);
      case "languages":
        return (value as Language[])
          .map(
            (l) =>
              `${reference.data?.languages.find((x) => x.id === l.code)?.label[lang] ?? l.code} (${l.level})`,
          )
          .join(", ");
      case "file": {
        const id = typeof value === "object" && !Array.isArray(value) ? value.fileId : "";
        return files.find((f) => f.id === id)?.fileName ?? t("forms.review.empty");
      }
      default:
        return String(value);
    }
  };
}
