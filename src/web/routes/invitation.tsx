import { Anchor, Blockquote, Button, Divider, Loader, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import type { UiLocale } from "../../contracts/common";
import type { InvitationPreviewResponse } from "../../contracts/identity";
import { dateTimeFormat } from "../../contracts/intl";
import { ApiError } from "../api";
import {
  AuthCard,
  FormError,
  fieldErrors,
  NewPasswordFields,
  Notice,
  TermsAcceptance,
  useErrorText,
} from "../features/identity/forms";
import { acceptInvitation, invitationPreviewQuery } from "../features/identity/identity-api";
import { useLocale } from "../features/language/language-control";
import { currentUiLocale, intlLocale, setLocale } from "../i18n";
import { AppLink } from "../ui/app-link";

type Unusable = "accepted" | "revoked" | "expired" | "unknown";

/** Who can help when the invitation cannot be used: the person who sent it. */
function UnusableInvitation({
  reason,
  invitedBy,
}: {
  reason: Unusable;
  invitedBy?: { name: string; email: string };
}) {
  const { t } = useTranslation();
  return (
    <AuthCard size={560}>
      <Stack gap="md">
        <Notice color="orange" title={t(`invitation.unusable.${reason}Title`)}>
          {t(`invitation.unusable.${reason}`)}
        </Notice>
        {invitedBy ? (
          <Text>
            <Trans
              i18nKey="invitation.unusable.ask"
              values={{ name: invitedBy.name, email: invitedBy.email }}
              components={{ mail: <Anchor href={`mailto:${invitedBy.email}`} underline="always" /> }}
            />
          </Text>
        ) : (
          <Text>{t("invitation.unusable.askGeneric")}</Text>
        )}
        {reason === "accepted" && (
          <Button component={AppLink} href="/inloggen" style={{ alignSelf: "flex-start" }}>
            {t("account.login")}
          </Button>
        )}
      </Stack>
    </AuthCard>
  );
}

interface Accepted {
  email: string;
  existingAccount: boolean;
}

/** The account is ready: on to signing in with the e-mail address filled in. */
function InvitationAccepted({ accepted }: { accepted: Accepted }) {
  const { t } = useTranslation();
  return (
    <AuthCard size={560}>
      <Stack gap="md">
        <Notice color="green" status title={t("invitation.doneTitle")}>
          {accepted.existingAccount ? t("invitation.doneExisting") : t("invitation.done")}
        </Notice>
        <Button
          component={AppLink}
          href={`/inloggen?email=${encodeURIComponent(accepted.email)}`}
          style={{ alignSelf: "flex-start" }}
        >
          {t("account.login")}
        </Button>
      </Stack>
    </AuthCard>
  );
}

function AcceptForm({
  token,
  preview,
  onAccepted,
}: {
  token: string;
  preview: InvitationPreviewResponse;
  onAccepted: (accepted: Accepted) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [name, setName] = useState("");
  const [password, setPassword] = useState({ password: "", repeat: "" });
  const [terms, setTerms] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (result) => onAccepted({ email: result.email, existingAccount: preview.existingAccount }),
  });
  const expires = dateTimeFormat(intlLocale(locale), { dateStyle: "long" }).format(
    new Date(preview.expiresAt),
  );

  if (mutation.error instanceof ApiError && mutation.error.status === 410) {
    return <UnusableInvitation reason="unknown" invitedBy={preview.invitedBy} />;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    const passwordOk =
      preview.existingAccount || (password.password !== "" && password.password === password.repeat);
    if (name.trim().length < 2 || !passwordOk || !terms) return;
    mutation.mutate({
      token,
      name: name.trim(),
      ...(preview.existingAccount ? {} : { password: password.password }),
    });
  }

  return (
    <AuthCard size={640}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t("invitation.welcome", { portal: preview.portalName[locale] || preview.portalName.nl })}
          </Title>
          <Text>
            {t("invitation.invitedBy", {
              name: preview.invitedBy.name,
              organisation: preview.organisationName,
              role: t(`roles.${preview.role}`),
            })}
          </Text>
          <dl className="werkbrug-facts">
            <dt>{t("invitation.organisation")}</dt>
            <dd>{preview.organisationName}</dd>
            <dt>{t("invitation.role")}</dt>
            <dd>{t(`roles.${preview.role}`)}</dd>
            <dt>{t("identity.email")}</dt>
            <dd>{preview.email}</dd>
            <dt>{t("invitation.validUntil")}</dt>
            <dd>{expires}</dd>
          </dl>
          {preview.personalMessage && (
            <Blockquote color="portal" p="md" cite={`– ${preview.invitedBy.name}`}>
              <Text size="sm" c="dimmed" mb={4}>
                {t("invitation.personalMessage", { name: preview.invitedBy.name })}
              </Text>
              <Text style={{ whiteSpace: "pre-line" }}>{preview.personalMessage}</Text>
            </Blockquote>
          )}
          <Divider />
          <FormError error={mutation.error} />
          <TextInput
            label={t("identity.name")}
            autoComplete="name"
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={
              fieldErrors(mutation.error, "name")[0] ??
              (attempted && name.trim().length < 2 ? t("identity.nameRequired") : undefined)
            }
          />
          {preview.existingAccount ? (
            <Text c="dimmed">{t("invitation.existingAccount")}</Text>
          ) : (
            <NewPasswordFields
              label={t("identity.choosePassword")}
              value={password}
              onChange={setPassword}
              showMismatch={attempted}
              serverErrors={fieldErrors(mutation.error, "password")}
            />
          )}
          <TermsAcceptance checked={terms} onChange={setTerms} showRequired={attempted} />
          <Button type="submit" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
            {t("invitation.accept")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

/**
 * A contact invited in German or French reads the page in that language from the first visit
 * (their browser has no language stored yet); once is enough, the switch stays theirs.
 */
function useInvitationLanguage(locale: UiLocale | undefined) {
  const applied = useRef(false);
  useEffect(() => {
    if (applied.current || (locale !== "de" && locale !== "fr")) return;
    applied.current = true;
    if (currentUiLocale() !== locale) void setLocale(locale);
  }, [locale]);
}

/** The "Meld je aan" page the invitation e-mail links to. */
export function InvitationPage({ token }: { token?: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const preview = useQuery({ ...invitationPreviewQuery(token ?? ""), enabled: Boolean(token) });
  // Kept here, not in the form: once accepted, the invitation reads "accepted" when it is fetched
  // again (another language, another tab), and this page must still say the account is ready.
  const [accepted, setAccepted] = useState<Accepted | null>(null);
  useInvitationLanguage(preview.data?.locale);

  if (!token) return <UnusableInvitation reason="unknown" />;
  if (accepted) return <InvitationAccepted accepted={accepted} />;
  if (preview.isPending) return <Loader aria-label={t("shell.loading")} />;
  if (preview.isError) {
    const error = preview.error;
    if (error instanceof ApiError && (error.status === 404 || error.status === 410 || error.status === 400)) {
      return <UnusableInvitation reason="unknown" />;
    }
    return (
      <AuthCard>
        <Notice color="red">{errorText(error)}</Notice>
      </AuthCard>
    );
  }
  const data = preview.data;
  if (data.status !== "pending")
    return <UnusableInvitation reason={data.status} invitedBy={data.invitedBy} />;
  return <AcceptForm token={token} preview={data} onAccepted={setAccepted} />;
}
