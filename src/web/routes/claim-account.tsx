import { Button, Loader, Stack, Text, Title } from "@mantine/core";
import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ClaimAccountResponseSchema, ClaimPreviewResponseSchema } from "../../contracts/candidates";
import { ApiError, api } from "../api";
import {
  AuthCard,
  FormError,
  fieldErrors,
  NewPasswordFields,
  Notice,
  TermsAcceptance,
  useErrorText,
} from "../features/identity/forms";
import { useLocale } from "../features/language/language-control";
import { intlLocale } from "../i18n";
import { AppLink } from "../ui/app-link";
import { formatDate } from "../ui/dates";

function claimPreviewQuery(token: string) {
  return queryOptions({
    queryKey: ["account-claim", token],
    queryFn: ({ signal }) =>
      api(`/api/v1/account-claims/preview?token=${encodeURIComponent(token)}`, ClaimPreviewResponseSchema, {
        signal,
      }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

function Unusable() {
  const { t } = useTranslation();
  return (
    <AuthCard size={560}>
      <Notice color="orange" title={t("claim.unusableTitle")}>
        {t("claim.unusable")}
      </Notice>
    </AuthCard>
  );
}

/**
 * "Account activeren": a job seeker whom an account manager registered chooses a password.
 * The claim mail links here with a single-use token.
 */
export function ClaimAccountPage({ token }: { token?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const preview = useQuery({ ...claimPreviewQuery(token ?? ""), enabled: Boolean(token) });
  const [password, setPassword] = useState({ password: "", repeat: "" });
  const [terms, setTerms] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: { token: string; password: string; acceptTerms: true }) =>
      api("/api/v1/account-claims/accept", ClaimAccountResponseSchema, { method: "POST", body }),
  });

  if (!token) return <Unusable />;
  if (preview.isPending) return <Loader aria-label={t("shell.loading")} />;
  if (preview.isError) {
    if (preview.error instanceof ApiError && [400, 404, 410].includes(preview.error.status))
      return <Unusable />;
    return (
      <AuthCard>
        <Notice color="red">{errorText(preview.error)}</Notice>
      </AuthCard>
    );
  }
  if (mutation.error instanceof ApiError && mutation.error.status === 410) return <Unusable />;
  if (mutation.isSuccess) {
    return (
      <AuthCard size={560}>
        <Stack gap="md">
          <Notice color="green" status title={t("claim.doneTitle")}>
            {t("claim.done")}
          </Notice>
          <Button
            component={AppLink}
            href={`/inloggen?email=${encodeURIComponent(mutation.data.email)}`}
            style={{ alignSelf: "flex-start" }}
          >
            {t("account.login")}
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  const data = preview.data;
  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (!token || password.password === "" || password.password !== password.repeat || !terms) return;
    mutation.mutate({ token, password: password.password, acceptTerms: true });
  }
  return (
    <AuthCard size={640}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t("claim.welcome", { name: data.name, portal: data.portalName[locale] || data.portalName.nl })}
          </Title>
          <Text>
            {data.registeredBy ? t("claim.registeredBy", { name: data.registeredBy }) : t("claim.registered")}
          </Text>
          <dl className="werkbrug-facts">
            <dt>{t("identity.email")}</dt>
            <dd>{data.email}</dd>
            <dt>{t("invitation.validUntil")}</dt>
            <dd>{formatDate(data.expiresAt, intlLocale(locale), "long")}</dd>
          </dl>
          <FormError error={mutation.error} />
          <NewPasswordFields
            label={t("identity.choosePassword")}
            value={password}
            onChange={setPassword}
            showMismatch={attempted}
            serverErrors={fieldErrors(mutation.error, "password")}
          />
          <TermsAcceptance checked={terms} onChange={setTerms} showRequired={attempted} />
          <Button type="submit" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
            {t("claim.submit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
