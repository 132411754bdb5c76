import { Alert, Anchor, Button, Checkbox, Group, Loader, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { SSO_ERROR_CODES } from "../../contracts/identity";
import { ApiError } from "../api";
import { meQuery } from "../features/account/me-query";
import { AuthCard, FormError, Notice, PasswordField, safeRedirect } from "../features/identity/forms";
import {
  loginMethod,
  sendSmsCode,
  signInWithPassword,
  startSso,
  verifyBackupCode,
  verifySmsCode,
  verifyTotp,
} from "../features/identity/identity-api";
import { AppLink } from "../ui/app-link";
import { Redirect } from "../ui/redirect";
import { useBusyAction } from "../ui/use-busy-action";

type Step = "email" | "sso" | "password" | "code" | "sms" | "backup";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface SignInSearch {
  redirect?: string;
  email?: string;
  /** Set after a password reset, to confirm it worked. */
  reset?: boolean;
  /** Set by the Microsoft sign-in callback when it refused (see SSO_ERROR_CODES). */
  sso_error?: string;
}

/**
 * The manual's login: e-mail and "Volgende", password and "Inloggen", then (staff) the code from
 * the authenticator app and "Controleren", with a back-up code as the way out.
 */
/** Which address this step signs in, with the way back to choose another. */
function SigningInAs({ email, onOther }: { email: string; onOther: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap">
      <Text c="dimmed" style={{ overflowWrap: "anywhere" }}>
        {t("signIn.as", { email })}
      </Text>
      <Anchor component="button" type="button" size="sm" onClick={onOther}>
        {t("signIn.otherEmail")}
      </Anchor>
    </Group>
  );
}

export function SignInPage({ search }: { search: SignInSearch }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery);
  const [step, setStep] = useState<Step>(search.email ? "password" : "email");
  const [email, setEmail] = useState(search.email ?? "");
  const [emailInvalid, setEmailInvalid] = useState(false);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [trustDevice, setTrustDevice] = useState(false);
  /** The server offers codes by text message (the account has a phone number and SMS is set up). */
  const [smsOffered, setSmsOffered] = useState(false);
  /** The account has an authenticator app (and back-up codes); SMS-only accounts have not. */
  const [appOffered, setAppOffered] = useState(true);
  const [smsSent, setSmsSent] = useState(false);
  /** The identity provider of the typed address's domain (decision 0033): the button's name. */
  const [ssoProvider, setSsoProvider] = useState<{ kind: "entra" | "oidc"; name: string } | null>(null);
  const { busy, error, setError, run: runBusy } = useBusyAction();
  const fieldRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Each step puts the cursor where the next thing must be typed; the first one as soon as the
  // form shows (after the check whether someone is signed in already).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step or the form appears by design
  useEffect(() => {
    (step === "sso" ? buttonRef : fieldRef).current?.focus();
  }, [step, me.isPending]);

  const user = me.data ?? null;
  if (user) {
    const target = user.needsTwoFactorSetup ? "/beveiliging-instellen" : safeRedirect(search.redirect);
    return <Redirect href={target} />;
  }
  if (me.isPending) return <Loader aria-label={t("shell.loading")} />;

  function goTo(next: Step) {
    setError(null);
    setCode("");
    setStep(next);
  }

  function run(action: () => Promise<void>) {
    return runBusy(async () => {
      try {
        await action();
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === "two_factor_expired") {
          // The pending sign-in is gone; the password must be given again.
          setPassword("");
          setStep("password");
        }
        throw caught;
      }
    }, fieldRef);
  }

  async function signedIn() {
    // The page follows `me`: once it names a user, the Navigate above takes over.
    await queryClient.refetchQueries({ queryKey: meQuery.queryKey });
  }

  function submitEmail(event: FormEvent) {
    event.preventDefault();
    const value = email.trim();
    if (!EMAIL_PATTERN.test(value)) {
      setEmailInvalid(true);
      fieldRef.current?.focus();
      return;
    }
    setEmail(value);
    setEmailInvalid(false);
    void run(async () => {
      // Organisations with Microsoft Entra ID (or another provider) sign in there, through the
      // "Inloggen met Microsoft" button; everyone else types a password.
      const method = await loginMethod(value);
      if (method.method === "sso") {
        setSsoProvider(method.provider ?? { kind: "entra", name: "Microsoft" });
        goTo("sso");
        return;
      }
      goTo("password");
    });
  }

  function submitSso(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      window.location.assign(await startSso(email, safeRedirect(search.redirect)));
    });
  }

  function submitPassword(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const { twoFactor, app, sms } = await signInWithPassword(email, password);
      setPassword("");
      setSmsOffered(sms);
      setAppOffered(app || !sms);
      setSmsSent(false);
      if (!twoFactor) await signedIn();
      else if (app || !sms) goTo("code");
      else {
        // SMS is this account's only way: the text goes out at once.
        goTo("sms");
        try {
          await sendSmsCode();
          setSmsSent(true);
        } catch (caught) {
          setError(caught);
        }
      }
    });
  }

  function submitCode(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      if (step === "code") await verifyTotp(code.replace(/\s/g, ""), trustDevice);
      else if (step === "sms") await verifySmsCode(code.replace(/\s/g, ""), trustDevice);
      else await verifyBackupCode(code.trim(), trustDevice);
      await signedIn();
    });
  }

  function sendSms() {
    void run(async () => {
      setSmsSent(false);
      await sendSmsCode();
      goTo("sms");
      setSmsSent(true);
    });
  }

  const ssoError = search.sso_error
    ? t(
        `signIn.ssoErrors.${(SSO_ERROR_CODES as readonly string[]).includes(search.sso_error) ? search.sso_error : "bad_request"}`,
      )
    : null;
  const notice = search.reset ? (
    <Notice color="green" status>
      {t("signIn.resetDone")}
    </Notice>
  ) : ssoError ? (
    <Alert color="red" variant="light" role="alert">
      {ssoError}
    </Alert>
  ) : null;

  if (step === "email") {
    return (
      <AuthCard>
        <form onSubmit={submitEmail} noValidate>
          <Stack gap="md">
            <Title order={2} size="h3">
              {t("signIn.emailTitle")}
            </Title>
            {notice}
            <TextInput
              ref={fieldRef}
              label={t("identity.email")}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={emailInvalid ? t("identity.emailInvalid") : undefined}
            />
            <Button type="submit">{t("signIn.next")}</Button>
            <Text size="sm" c="dimmed">
              {t("signIn.noAccount")}{" "}
              <Anchor component={AppLink} href="/registreren" underline="always">
                {t("signIn.register")}
              </Anchor>
            </Text>
          </Stack>
        </form>
      </AuthCard>
    );
  }

  if (step === "sso") {
    const name = ssoProvider?.name ?? "Microsoft";
    return (
      <AuthCard>
        <form onSubmit={submitSso} noValidate>
          <Stack gap="md">
            <Title order={2} size="h3">
              {t("sso.signIn.title")}
            </Title>
            {notice}
            <SigningInAs email={email} onOther={() => goTo("email")} />
            <Text>{t("sso.signIn.intro", { name })}</Text>
            <FormError error={error} />
            <Button ref={buttonRef} type="submit" loading={busy}>
              {t("sso.signIn.button", { name })}
            </Button>
          </Stack>
        </form>
      </AuthCard>
    );
  }

  if (step === "password") {
    return (
      <AuthCard>
        <form onSubmit={submitPassword} noValidate>
          <Stack gap="md">
            <Title order={2} size="h3">
              {t("signIn.passwordTitle")}
            </Title>
            {notice}
            <SigningInAs email={email} onOther={() => goTo("email")} />
            <FormError error={error} />
            {/* Password managers pair the password with the account by this (hidden) field. */}
            <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
            <PasswordField
              ref={fieldRef}
              label={t("identity.password")}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={busy}>
              {t("signIn.submit")}
            </Button>
            <Anchor
              component={AppLink}
              href={`/wachtwoord-vergeten?email=${encodeURIComponent(email)}`}
              size="sm"
            >
              {t("signIn.forgot")}
            </Anchor>
          </Stack>
        </form>
      </AuthCard>
    );
  }

  const backup = step === "backup";
  const sms = step === "sms";
  return (
    <AuthCard>
      <form onSubmit={submitCode} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t("signIn.codeTitle")}
          </Title>
          <Text c="dimmed">
            {backup ? t("signIn.backupText") : sms ? t("signIn.smsText") : t("signIn.codeText")}
          </Text>
          {sms && smsSent && (
            <Notice color="green" status>
              {t("signIn.smsSent")}
            </Notice>
          )}
          <FormError error={error} />
          {backup ? (
            <TextInput
              ref={fieldRef}
              label={t("signIn.backupLabel")}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              required
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
          ) : (
            <TextInput
              ref={fieldRef}
              label={t("signIn.codeLabel")}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]*"
              maxLength={7}
              required
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              styles={{ input: { letterSpacing: "0.2em", fontVariantNumeric: "tabular-nums" } }}
            />
          )}
          <Checkbox
            label={t("signIn.trustDevice")}
            checked={trustDevice}
            onChange={(event) => setTrustDevice(event.currentTarget.checked)}
          />
          <Button type="submit" loading={busy}>
            {t("signIn.verify")}
          </Button>
          {smsOffered && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              disabled={busy}
              onClick={sendSms}
              style={{ alignSelf: "flex-start" }}
            >
              {sms ? t("signIn.smsAgain") : t("signIn.useSms")}
            </Anchor>
          )}
          {appOffered && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => goTo(step === "code" ? "backup" : "code")}
              style={{ alignSelf: "flex-start" }}
            >
              {step === "code" ? t("signIn.useBackup") : t("signIn.useApp")}
            </Anchor>
          )}
        </Stack>
      </form>
    </AuthCard>
  );
}
