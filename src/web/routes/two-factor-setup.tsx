import {
  ActionIcon,
  Anchor,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  Loader,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { IconCheck, IconCopy } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate, useNavigate } from "@tanstack/react-router";
import QRCode from "qrcode";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { meQuery } from "../features/account/me-query";
import { AuthCard, BackupCodes, FormError, Notice, PasswordField } from "../features/identity/forms";
import { enableTwoFactor, verifyTotp } from "../features/identity/identity-api";
import { displayMobile, SmsSetup } from "../features/identity/sms-setup";
import { AppLink } from "../ui/app-link";
import { useBusyAction } from "../ui/use-busy-action";

type Step =
  | { name: "password" }
  | { name: "sms" }
  | { name: "smsDone"; number: string }
  | { name: "scan"; uri: string; backupCodes: string[] }
  | { name: "codes"; backupCodes: string[] };

/** The key an authenticator app needs, from the otpauth:// URI. */
export function totpSecret(uri: string): string {
  try {
    return new URL(uri).searchParams.get("secret") ?? "";
  } catch {
    return "";
  }
}

/** Blocks of four, as people read and type a long key. */
export function groupKey(key: string): string {
  return key.replace(/(.{4})(?=.)/g, "$1 ");
}

function useQrCode(uri: string | null): string | null {
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!uri) return;
    let cancelled = false;
    void QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then((svg) => {
      if (!cancelled) setDataUrl(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      cancelled = true;
    };
  }, [uri]);
  return uri ? dataUrl : null;
}

/**
 * The manual's "Beveiliging instellen": confirm the password, scan the QR code (or type the key),
 * prove it works with a code, then keep the back-up codes. Staff cannot leave this page until
 * it is done (see the root layout).
 */
export function TwoFactorSetupPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const me = useQuery(meQuery);
  const [step, setStep] = useState<Step>({ name: "password" });
  const [method, setMethod] = useState<"app" | "sms">("app");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const { busy, error, setError, run: runAction } = useBusyAction();
  const fieldRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const qr = useQrCode(step.name === "scan" ? step.uri : null);

  useEffect(() => {
    if (step.name === "codes" || step.name === "smsDone") doneRef.current?.focus();
    else fieldRef.current?.focus();
  }, [step.name]);

  if (me.isPending) return <Loader aria-label={t("shell.loading")} />;
  const user = me.data ?? null;
  if (!user) return <Navigate to="/inloggen" search={{ redirect: "/beveiliging-instellen" }} replace />;

  // Someone on SMS may come here to switch to the app; with the app there is nothing to set up.
  if (user.twoFactorEnabled && user.secondFactor !== "sms" && step.name === "password") {
    return (
      <AuthCard>
        <Stack gap="md">
          <Text>{t("twoFactor.alreadyOn")}</Text>
          <Button component={AppLink} href="/instellingen" style={{ alignSelf: "flex-start" }}>
            {t("twoFactor.toSettings")}
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  const run = (action: () => Promise<void>) => runAction(action, fieldRef);

  function submitPassword(event: FormEvent) {
    event.preventDefault();
    if (method === "sms") {
      setError(null);
      setStep({ name: "sms" });
      return;
    }
    void run(async () => {
      const result = await enableTwoFactor(password);
      setPassword("");
      setStep({ name: "scan", uri: result.totpURI, backupCodes: result.backupCodes });
    });
  }

  function submitCode(event: FormEvent) {
    event.preventDefault();
    if (step.name !== "scan") return;
    void run(async () => {
      await verifyTotp(code.replace(/\s/g, ""));
      setCode("");
      setStep({ name: "codes", backupCodes: step.backupCodes });
    });
  }

  async function finish() {
    await queryClient.refetchQueries({ queryKey: meQuery.queryKey });
    await navigate({ to: "/" });
  }

  if (step.name === "password") {
    return (
      <AuthCard size={560}>
        <form onSubmit={submitPassword} noValidate>
          <Stack gap="md">
            <Title order={2} size="h3">
              {t("twoFactor.introTitle")}
            </Title>
            <Text c="dimmed">{t("twoFactor.intro")}</Text>
            {user.needsTwoFactorSetup && <Text c="dimmed">{t("twoFactor.required")}</Text>}
            <Radio.Group
              label={t("smsSetup.chooseTitle")}
              description={t("smsSetup.chooseText")}
              value={method}
              onChange={(value) => setMethod(value === "sms" ? "sms" : "app")}
            >
              <Stack gap="xs" mt="xs">
                <Radio value="app" label={t("smsSetup.app")} description={t("smsSetup.appText")} />
                <Radio value="sms" label={t("smsSetup.sms")} description={t("smsSetup.smsText")} />
              </Stack>
            </Radio.Group>
            <FormError error={error} />
            {method === "app" && (
              <>
                <Text c="dimmed">{t("twoFactor.getApp")}</Text>
                <PasswordField
                  ref={fieldRef}
                  label={t("identity.password")}
                  description={t("twoFactor.passwordHint")}
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                />
              </>
            )}
            <Group justify="space-between">
              <Anchor component={AppLink} href="/uitloggen" size="sm">
                {t("account.logout")}
              </Anchor>
              <Button type="submit" loading={busy}>
                {t("signIn.next")}
              </Button>
            </Group>
          </Stack>
        </form>
      </AuthCard>
    );
  }

  if (step.name === "sms") {
    return (
      <AuthCard size={560}>
        <SmsSetup
          onDone={async (number) => {
            await queryClient.refetchQueries({ queryKey: meQuery.queryKey });
            setStep({ name: "smsDone", number });
          }}
          onStop={() => setStep({ name: "password" })}
        />
      </AuthCard>
    );
  }

  if (step.name === "smsDone") {
    return (
      <AuthCard size={560}>
        <Stack gap="md">
          <div ref={doneRef} tabIndex={-1} style={{ outline: "none" }}>
            <Notice color="green" status>
              {t("smsSetup.done", { number: displayMobile(step.number) })}
            </Notice>
          </div>
          <Button onClick={() => void finish()} style={{ alignSelf: "flex-start" }}>
            {t("smsSetup.continue")}
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  if (step.name === "scan") {
    const key = totpSecret(step.uri);
    return (
      <AuthCard size={560}>
        <form onSubmit={submitCode} noValidate>
          <Stack gap="md">
            <Title order={2} size="h3">
              {t("twoFactor.scanTitle")}
            </Title>
            <Text c="dimmed">{t("twoFactor.scanText")}</Text>
            {qr ? (
              <Image src={qr} alt={t("twoFactor.qrAlt")} w={200} h={200} style={{ alignSelf: "center" }} />
            ) : (
              <Loader aria-label={t("shell.loading")} style={{ alignSelf: "center" }} />
            )}
            <Text c="dimmed" id="handmatige-sleutel-uitleg">
              {t("twoFactor.keyText")}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code
                fz="lg"
                px="sm"
                py={6}
                data-testid="totp-key"
                aria-describedby="handmatige-sleutel-uitleg"
                style={{ letterSpacing: "0.05em", wordSpacing: "0.3em" }}
              >
                {groupKey(key)}
              </Code>
              <CopyButton value={key}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t("twoFactor.copied") : t("twoFactor.copy")} withArrow>
                    <ActionIcon
                      variant="subtle"
                      color={copied ? "teal" : "gray.8"}
                      onClick={copy}
                      aria-label={copied ? t("twoFactor.copied") : t("twoFactor.copy")}
                    >
                      {copied ? (
                        <IconCheck aria-hidden="true" size={18} />
                      ) : (
                        <IconCopy aria-hidden="true" size={18} />
                      )}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Title order={2} size="h3">
              {t("twoFactor.codeTitle")}
            </Title>
            <Text c="dimmed">{t("twoFactor.codeText")}</Text>
            <FormError error={error} />
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
            <Button type="submit" loading={busy} style={{ alignSelf: "flex-start" }}>
              {t("signIn.verify")}
            </Button>
          </Stack>
        </form>
      </AuthCard>
    );
  }

  return (
    <AuthCard size={560}>
      <Stack gap="md">
        <div ref={doneRef} tabIndex={-1} style={{ outline: "none" }}>
          <Notice color="green" status>
            {t("twoFactor.done")}
          </Notice>
        </div>
        <BackupCodes codes={step.backupCodes}>
          <Button onClick={() => void finish()}>{t("twoFactor.backup.saved")}</Button>
        </BackupCodes>
      </Stack>
    </AuthCard>
  );
}
