import { Button, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConfirmReferralRequest, ReferralInvitationResponse } from "../../../contracts/referrals";
import { ApiError } from "../../api";
import { AuthCard, FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { PageLoader, type RemoteOption, RemoteSelect } from "../vacancies/ui";
import { searchPlaces } from "../vacancies/vacancies-api";
import { confirmInvitation, invitationQuery } from "./referrer-api";

/**
 * "Verwijzing bevestigen": the referred person, from the link in their mail, checks and completes
 * their details and confirms their interest. No account needed; the link works once.
 */
export function ConfirmReferralPage({ token }: { token?: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const invitation = useQuery({ ...invitationQuery(token ?? ""), enabled: Boolean(token) });
  const [done, setDone] = useState<ReferralInvitationResponse | null>(null);

  if (!token)
    return (
      <AuthCard size={560}>
        <Notice color="orange">{t("referrer.confirm.noToken")}</Notice>
      </AuthCard>
    );
  if (invitation.isPending) return <PageLoader />;
  if (invitation.isError)
    return (
      <AuthCard size={560}>
        <Notice
          color={invitation.error instanceof ApiError && invitation.error.status < 500 ? "orange" : "red"}
        >
          {errorText(invitation.error)}
        </Notice>
      </AuthCard>
    );
  if (done)
    return (
      <AuthCard size={560}>
        <Notice color="green" status title={t("referrer.confirm.doneTitle")}>
          {t("referrer.confirm.done", { organisation: done.vacancy.organisation })}
        </Notice>
      </AuthCard>
    );
  return <ConfirmForm token={token} invitation={invitation.data} onDone={setDone} />;
}

function ConfirmForm({
  token,
  invitation,
  onDone,
}: {
  token: string;
  invitation: ReferralInvitationResponse;
  onDone: (answer: ReferralInvitationResponse) => void;
}) {
  const { t } = useTranslation();
  const mutation = useMutation({
    mutationFn: (body: ConfirmReferralRequest) => confirmInvitation(token, body),
    onSuccess: onDone,
  });
  const [values, setValues] = useState({
    firstName: invitation.person.firstName,
    lastName: invitation.person.lastName,
    phone: invitation.person.phone,
    postcode: invitation.person.postcode,
  });
  const [place, setPlace] = useState<RemoteOption | null>(null);
  const [attempted, setAttempted] = useState(false);
  useEffect(() => {
    if (mutation.error) document.getElementById("referral-confirm-title")?.focus();
  }, [mutation.error]);
  type Field = keyof typeof values;
  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const error = (field: Field | "placeId") =>
    field !== "placeId" && attempted && values[field].trim() === ""
      ? t("referrer.form.required")
      : fieldErrors(mutation.error, field)[0];

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    mutation.reset();
    if (Object.values(values).some((v) => v.trim() === "")) return;
    mutation.mutate({ ...values, placeId: place?.value ?? null });
  }
  const { vacancy } = invitation;
  return (
    <AuthCard size={560}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="referral-confirm-title" tabIndex={-1}>
            {t("referrer.confirm.title", { title: vacancy.title })}
          </Title>
          <Text>
            {t("referrer.confirm.intro", {
              referrer: invitation.referrerName || t("referrer.confirm.colleague"),
              organisation: vacancy.organisation,
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t("referrer.confirm.check")}
          </Text>
          <FormError error={mutation.error} />
          <TextInput
            label={t("referrer.form.firstName")}
            required
            autoComplete="given-name"
            value={values.firstName}
            onChange={set("firstName")}
            error={error("firstName")}
          />
          <TextInput
            label={t("referrer.form.lastName")}
            required
            autoComplete="family-name"
            value={values.lastName}
            onChange={set("lastName")}
            error={error("lastName")}
          />
          <TextInput
            label={t("referrer.form.phone")}
            required
            type="tel"
            autoComplete="tel"
            value={values.phone}
            onChange={set("phone")}
            error={error("phone")}
          />
          <TextInput
            label={t("referrer.form.postcode")}
            required
            autoComplete="postal-code"
            value={values.postcode}
            onChange={set("postcode")}
            error={error("postcode")}
          />
          <RemoteSelect
            label={t("referrer.confirm.place")}
            description={t("referrer.confirm.placeHint")}
            value={place}
            cacheKey="places"
            load={async (q, signal) =>
              (await searchPlaces(q, signal)).map((p) => ({ value: p.id, label: p.name }))
            }
            onChange={setPlace}
            error={error("placeId")}
          />
          <Button type="submit" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
            {t("referrer.confirm.submit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
