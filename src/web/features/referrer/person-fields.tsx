import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";

export interface PersonValues {
  firstName: string;
  lastName: string;
  phone: string;
  postcode: string;
  email?: string;
}
type PersonField = keyof PersonValues;

/**
 * The referred person's name, phone, e-mail (when asked) and postcode: entered by the referrer
 * about someone else (no autofill of the referrer's own details), or checked by the person
 * themselves on the confirmation page (autofill welcome).
 */
export function PersonFields({
  values,
  set,
  error,
  self,
}: {
  values: PersonValues;
  set: (field: PersonField) => (event: { currentTarget: { value: string } }) => void;
  error: (field: PersonField) => string | undefined;
  /** The person fills in their own details. */
  self: boolean;
}) {
  const { t } = useTranslation();
  const auto = (token: string) => (self ? token : "off");
  const field = (name: PersonField) => ({
    required: true,
    value: values[name] ?? "",
    onChange: set(name),
    error: error(name),
  });
  return (
    <>
      <TextInput
        label={t("referrer.form.firstName")}
        autoComplete={auto("given-name")}
        {...field("firstName")}
      />
      <TextInput
        label={t("referrer.form.lastName")}
        autoComplete={auto("family-name")}
        {...field("lastName")}
      />
      <TextInput
        label={t("referrer.form.phone")}
        type="tel"
        inputMode="tel"
        autoComplete={auto("tel")}
        {...field("phone")}
      />
      {values.email !== undefined && (
        <TextInput
          label={t("referrer.form.email")}
          type="email"
          inputMode="email"
          autoComplete={auto("email")}
          {...field("email")}
        />
      )}
      <TextInput
        label={t("referrer.form.postcode")}
        description={self ? undefined : t("referrer.form.postcodeHint")}
        autoComplete={auto("postal-code")}
        {...field("postcode")}
      />
    </>
  );
}
