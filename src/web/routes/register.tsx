import { Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  AuthCard,
  FormError,
  fieldErrors,
  NewPasswordFields,
  Notice,
  TermsAcceptance,
} from "../features/identity/forms";
import { registerCandidate } from "../features/identity/identity-api";
import { useLocale } from "../features/language/language-control";
import { usePageTitle } from "../features/navigation/page-title";
import { AppLink } from "../ui/app-link";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Candidates make their own account; staff are invited. */
export function RegisterPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState({ password: "", repeat: "" });
  const [terms, setTerms] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({ mutationFn: registerCandidate });
  usePageTitle(mutation.isSuccess ? t("register.confirmTitle") : t("register.title"), "/");

  if (mutation.isSuccess) {
    return (
      <AuthCard>
        <Stack gap="md">
          <Notice color="green" status>
            {t("register.confirmText", { email: mutation.variables.email })}
          </Notice>
          <Text c="dimmed">{t("register.confirmSpam")}</Text>
        </Stack>
      </AuthCard>
    );
  }

  const emailInvalid = attempted && !EMAIL_PATTERN.test(email.trim());
  const nameInvalid = attempted && name.trim().length < 2;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (
      name.trim().length < 2 ||
      !EMAIL_PATTERN.test(email.trim()) ||
      !password.password ||
      password.password !== password.repeat ||
      !terms
    )
      return;
    mutation.mutate({ name: name.trim(), email: email.trim(), password: password.password, locale });
  }

  return (
    <AuthCard size={560}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text c="dimmed">{t("register.intro")}</Text>
          <FormError error={mutation.error} />
          <TextInput
            label={t("identity.name")}
            autoComplete="name"
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={
              fieldErrors(mutation.error, "name")[0] ?? (nameInvalid ? t("identity.nameRequired") : undefined)
            }
          />
          <TextInput
            label={t("identity.email")}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={
              fieldErrors(mutation.error, "email")[0] ??
              (emailInvalid ? t("identity.emailInvalid") : undefined)
            }
          />
          <NewPasswordFields
            label={t("identity.choosePassword")}
            value={password}
            onChange={setPassword}
            showMismatch={attempted}
            serverErrors={fieldErrors(mutation.error, "password")}
          />
          <TermsAcceptance checked={terms} onChange={setTerms} showRequired={attempted} />
          <Button type="submit" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
            {t("register.submit")}
          </Button>
          <Text size="sm" c="dimmed">
            {t("register.haveAccount")}{" "}
            <Anchor component={AppLink} href="/inloggen" underline="always">
              {t("account.login")}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}

/** Where the verification mail's link lands. */
export function RegisterConfirmedPage({ error }: { error?: string }) {
  const { t } = useTranslation();
  usePageTitle(error ? t("register.confirmFailedTitle") : t("register.confirmedTitle"), "/");
  return (
    <AuthCard>
      <Stack gap="md">
        {error ? (
          <>
            <Notice color="red">{t("register.confirmFailed")}</Notice>
            <Anchor component={AppLink} href="/registreren" underline="always">
              {t("register.again")}
            </Anchor>
          </>
        ) : (
          <>
            <Notice color="green" status>
              {t("register.confirmed")}
            </Notice>
            <Button component={AppLink} href="/inloggen" style={{ alignSelf: "flex-start" }}>
              {t("account.login")}
            </Button>
          </>
        )}
      </Stack>
    </AuthCard>
  );
}
