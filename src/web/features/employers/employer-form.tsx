import { Anchor, Button, Group, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Employer } from "../../../contracts/employers";
import { ApiError } from "../../api";
import { AppLink } from "../../ui/app-link";
import { Notice, useErrorText } from "../identity/forms";

export interface EmployerFormValues {
  name: string;
  kvkNumber: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  description: string;
  website: string;
}

export const EMPTY_EMPLOYER: EmployerFormValues = {
  name: "",
  kvkNumber: "",
  street: "",
  houseNumber: "",
  postcode: "",
  city: "",
  description: "",
  website: "",
};

export function valuesFromEmployer(employer: Employer): EmployerFormValues {
  return {
    name: employer.name,
    kvkNumber: employer.kvkNumber ?? "",
    street: employer.address.street ?? "",
    houseNumber: employer.address.houseNumber ?? "",
    postcode: employer.address.postcode ?? "",
    city: employer.address.city ?? "",
    description: employer.description,
    website: employer.website ?? "",
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim());

/** "www.example.nl" is how people write a website; the API wants a full address. */
export function normaliseWebsite(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
}

/** The request body for both adding (POST) and changing (PATCH) an employer. */
export function employerBody(values: EmployerFormValues) {
  return {
    name: values.name.trim(),
    kvkNumber: orNull(values.kvkNumber.replace(/\s/g, "")),
    street: orNull(values.street),
    houseNumber: orNull(values.houseNumber),
    postcode: orNull(values.postcode),
    city: orNull(values.city),
    description: values.description.trim(),
    website: normaliseWebsite(values.website),
  };
}

/** What the browser can tell before asking the server: i18n keys per field. */
export function employerProblems(
  values: EmployerFormValues,
): Partial<Record<keyof EmployerFormValues, string>> {
  const problems: Partial<Record<keyof EmployerFormValues, string>> = {};
  if (values.name.trim().length < 2) problems.name = "employers.form.nameRequired";
  const kvk = values.kvkNumber.replace(/\s/g, "");
  if (kvk !== "" && !/^\d{8}$/.test(kvk)) problems.kvkNumber = "employers.form.kvkInvalid";
  return problems;
}

const SHOWN_FIELDS = new Set<string>([...Object.keys(EMPTY_EMPLOYER), "placeId"]);

/**
 * The API's refusal above a form: its message, and where it points (the employer that already
 * has this KvK number). Field messages are shown under their fields instead.
 */
export function EmployerError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (!error) return null;
  const link = error instanceof ApiError ? error.link : null;
  const unplaced = error instanceof ApiError ? error.fields.filter((f) => !SHOWN_FIELDS.has(f.path)) : [];
  return (
    <Notice color="red">
      {errorText(error)}
      {unplaced.map((f) => (
        <span key={`${f.path}:${f.message}`}> {f.message}</span>
      ))}
      {link && (
        <>
          {" "}
          <Anchor component={AppLink} href={link.href} fw={700} c="red">
            {t("employers.form.openExisting", { name: link.label })}
          </Anchor>
        </>
      )}
    </Notice>
  );
}

/** Name, KvK number, address, description and website: "Handmatig invoeren" and "Wijzigen". */
export function EmployerForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  autoFocus = false,
  intro,
}: {
  initial: EmployerFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: EmployerFormValues) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  intro?: ReactNode;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<EmployerFormValues>(initial);
  const [attempted, setAttempted] = useState(false);
  const problems = attempted ? employerProblems(values) : {};
  const serverFields = error instanceof ApiError ? error.fields : [];
  const fieldError = (key: keyof EmployerFormValues): ReactNode => {
    const paths = key === "city" ? ["city", "placeId"] : [key];
    const messages = serverFields.filter((f) => paths.includes(f.path)).map((f) => f.message);
    if (messages.length > 0) return messages.join(" ");
    const problem = problems[key];
    return problem ? t(problem) : undefined;
  };
  const input = (key: keyof EmployerFormValues) => ({
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => {
      const next = event.currentTarget.value;
      setValues((old) => ({ ...old, [key]: next }));
    },
    error: fieldError(key),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(employerProblems(values)).length > 0) return;
    onSubmit(values);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {intro}
        <EmployerError error={error} />
        <TextInput
          label={t("employers.fields.name")}
          required
          autoComplete="organization"
          data-autofocus={autoFocus || undefined}
          {...input("name")}
        />
        <TextInput
          label={t("employers.fields.kvkNumber")}
          description={t("employers.form.kvkHint")}
          inputMode="numeric"
          maxLength={9}
          {...input("kvkNumber")}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("employers.fields.street")} maxLength={200} {...input("street")} />
          <TextInput label={t("employers.fields.houseNumber")} maxLength={20} {...input("houseNumber")} />
          <TextInput
            label={t("employers.fields.postcode")}
            maxLength={10}
            autoComplete="postal-code"
            {...input("postcode")}
          />
          <TextInput label={t("employers.fields.city")} maxLength={120} {...input("city")} />
        </SimpleGrid>
        <Textarea
          label={t("employers.fields.description")}
          autosize
          minRows={3}
          maxLength={5000}
          {...input("description")}
        />
        <TextInput
          label={t("employers.fields.website")}
          description={t("employers.form.websiteHint")}
          type="url"
          maxLength={300}
          {...input("website")}
        />
        <Group gap="sm">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="subtle" onClick={onCancel}>
              {t("employers.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
