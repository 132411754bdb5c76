import { Anchor, Button, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api";
import { AuthCard, FormError, fieldErrors, NewPasswordFields, Notice } from "../features/identity/forms";
import { resetPassword } from "../features/identity/identity-api";
import { AppLink } from "../ui/app-link";
import { useBusyAction } from "../ui/use-busy-action";

function InvalidLink() {
  const { t } = useTranslation();
  return (
    <AuthCard>
      <Stack gap="md">
        <Notice color="red" title={t("resetPassword.invalidTitle")}>
          {t("resetPassword.invalid")}
        </Notice>
        <Button component={AppLink} href="/wachtwoord-vergeten" style={{ alignSelf: "flex-start" }}>
          {t("resetPassword.requestNew")}
        </Button>
      </Stack>
    </AuthCard>
  );
}

/** Where the reset mail's link lands: choose a new password, then log in with it. */
export function ResetPasswordPage({ token, error: linkError }: { token?: string; error?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState({ password: "", repeat: "" });
  const [attempted, setAttempted] = useState(false);
  const { busy, error, run } = useBusyAction();

  if (linkError || !token) return <InvalidLink />;
  if (error instanceof ApiError && error.code === "invalid_token") return <InvalidLink />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!value.password || value.password !== value.repeat || !token) return;
    await run(async () => {
      await resetPassword(token, value.password);
      await navigate({ to: "/inloggen", search: { reset: true } });
    });
  }

  return (
    <AuthCard>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text c="dimmed">{t("resetPassword.intro")}</Text>
          <Text c="dimmed">{t("identity.passwordTip")}</Text>
          <FormError error={error} />
          <NewPasswordFields
            value={value}
            onChange={setValue}
            showMismatch={attempted}
            serverErrors={fieldErrors(error, "password")}
          />
          <Button type="submit" loading={busy} style={{ alignSelf: "flex-start" }}>
            {t("identity.save")}
          </Button>
          <Anchor component={AppLink} href="/inloggen" size="sm">
            {t("forgotPassword.back")}
          </Anchor>
        </Stack>
      </form>
    </AuthCard>
  );
}
