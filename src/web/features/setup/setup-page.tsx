import { Button, Loader, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { dateTimeFormat } from "../../../contracts/intl";
import { ApiError } from "../../api";
import { intlLocale } from "../../i18n";
import { AppLink } from "../../ui/app-link";
import { useBusyAction } from "../../ui/use-busy-action";
import { meQuery } from "../account/me-query";
import { AuthCard, FormError, fieldErrors, NewPasswordFields, Notice } from "../identity/forms";
import { signInWithPassword } from "../identity/identity-api";
import { useLocale } from "../language/language-control";
import { completeSetup, setupStatusQuery } from "./setup-api";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where the link cannot be used: why, and what the operator does instead. */
function SetupUnusable({ reason }: { reason: "unusable" | "done" }) {
  const { t } = useTranslation();
  return (
    <AuthCard size={560}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {t("setup.title")}
        </Title>
        <Notice color="orange" title={t(`setup.${reason}Title`)}>
          {t(`setup.${reason}`)}
        </Notice>
        {reason === "done" && (
          <Button component={AppLink} href="/inloggen" style={{ alignSelf: "flex-start" }}>
            {t("account.login")}
          </Button>
        )}
      </Stack>
    </AuthCard>
  );
}

function SetupForm({ token, expiresAt }: { token: string; expiresAt: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState({ password: "", repeat: "" });
  const [attempted, setAttempted] = useState(false);
  const { busy, error, run } = useBusyAction();
  const until = dateTimeFormat(intlLocale(locale), { dateStyle: "long", timeStyle: "short" }).format(
    new Date(expiresAt),
  );

  if (error instanceof ApiError && error.status === 410) return <SetupUnusable reason="unusable" />;
  if (error instanceof ApiError && error.code === "setup_already_done")
    return <SetupUnusable reason="done" />;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    const passwordOk = password.password !== "" && password.password === password.repeat;
    if (name.trim().length < 2 || !EMAIL_PATTERN.test(email.trim()) || !passwordOk) return;
    void run(async () => {
      const made = await completeSetup({
        token,
        name: name.trim(),
        email: email.trim(),
        password: password.password,
        locale: locale === "en" ? "en" : "nl",
      });
      // Signed in at once; staff without a second factor go to its set-up (the root layout).
      await signInWithPassword(made.email, password.password);
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      await navigate({ to: "/beveiliging-instellen" });
    });
  }

  return (
    <AuthCard size={640}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t("setup.title")}
          </Title>
          <Text>{t("setup.intro")}</Text>
          <Text size="sm" c="dimmed">
            {t("setup.validUntil", { date: until })}
          </Text>
          <FormError error={error} />
          <TextInput
            label={t("identity.name")}
            autoComplete="name"
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={attempted && name.trim().length < 2 ? t("identity.nameRequired") : undefined}
          />
          <TextInput
            label={t("identity.email")}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={attempted && !EMAIL_PATTERN.test(email.trim()) ? t("setup.emailInvalid") : undefined}
          />
          <NewPasswordFields
            label={t("identity.choosePassword")}
            value={password}
            onChange={setPassword}
            showMismatch={attempted}
            serverErrors={fieldErrors(error, "password")}
          />
          <Text size="sm">{t("setup.secondFactorNext")}</Text>
          <Button type="submit" loading={busy} style={{ alignSelf: "flex-start" }}>
            {t("setup.submit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

/** "Werkbrug inrichten": the page the start-up banner's one-time link opens (decision 0031). */
export function SetupPage({ token }: { token?: string }) {
  const { t } = useTranslation();
  const status = useQuery({ ...setupStatusQuery(token ?? ""), enabled: Boolean(token) });
  if (!token) return <SetupUnusable reason="unusable" />;
  if (status.isPending) return <Loader aria-label={t("shell.loading")} />;
  if (status.isError) {
    const error = status.error;
    return <SetupUnusable reason={error instanceof ApiError && error.status === 409 ? "done" : "unusable"} />;
  }
  return <SetupForm token={token} expiresAt={status.data.expiresAt} />;
}
