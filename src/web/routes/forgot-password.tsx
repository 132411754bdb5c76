import { Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { AuthCard, FormError, Notice } from "../features/identity/forms";
import { requestPasswordReset } from "../features/identity/identity-api";
import { AppLink } from "../ui/app-link";
import { useBusyAction } from "../ui/use-busy-action";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Step 3 of the manual's "Wachtwoord vergeten". Unlike the manual, the answer never says whether
 * an account exists: that would tell a stranger who works where.
 */
export function ForgotPasswordPage({ email: initialEmail }: { email?: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(initialEmail ?? "");
  const [invalid, setInvalid] = useState(false);
  const { busy, error, run } = useBusyAction();
  const [sent, setSent] = useState(false);
  const fieldRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = email.trim();
    if (!EMAIL_PATTERN.test(value)) {
      setInvalid(true);
      fieldRef.current?.focus();
      return;
    }
    setInvalid(false);
    await run(async () => {
      await requestPasswordReset(value);
      setSent(true);
    }, fieldRef);
  }

  if (sent) {
    return (
      <AuthCard>
        <Stack gap="md">
          <Notice color="green" status title={t("forgotPassword.sentTitle")}>
            {t("forgotPassword.sent")}
          </Notice>
          <Text c="dimmed">{t("forgotPassword.spam")}</Text>
          <Anchor component={AppLink} href="/inloggen">
            {t("forgotPassword.back")}
          </Anchor>
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text c="dimmed">{t("forgotPassword.intro")}</Text>
          <FormError error={error} />
          <TextInput
            ref={fieldRef}
            label={t("identity.email")}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={invalid ? t("identity.emailInvalid") : undefined}
          />
          <Button type="submit" loading={busy}>
            {t("forgotPassword.submit")}
          </Button>
          <Anchor component={AppLink} href="/inloggen" size="sm">
            {t("forgotPassword.back")}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
