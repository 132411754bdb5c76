import { Button, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useBusyAction } from "../../ui/use-busy-action";
import { FormError, fieldErrors, Notice, PasswordField } from "./forms";
import { confirmPhone, enableSms, sendPhoneCode } from "./identity-api";
import { displayMobile } from "./phone-display";

export { displayMobile } from "./phone-display";

/**
 * The manual's "Inloggen met sms-controle": the mobile number, then the texted code (which
 * confirms the number) and the password (which switches SMS on). Used at set-up and under
 * Instellingen > Beveiliging, where it also changes the number.
 */
export function SmsSetup({
  onDone,
  onStop,
  headingOrder = 2,
}: {
  onDone: (number: string) => void | Promise<void>;
  onStop?: () => void;
  headingOrder?: 2 | 3;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<"number" | "confirm">("number");
  const [number, setNumber] = useState("");
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const { busy, error, run: runAction } = useBusyAction();
  const fieldRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // Each step puts the cursor in its first field.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes by design
  useEffect(() => {
    fieldRef.current?.focus();
  }, [step]);

  const run = (action: () => Promise<void>, focus: RefObject<HTMLElement | null> = fieldRef) =>
    runAction(action, focus);

  function submitNumber(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await sendPhoneCode(number);
      setStep("confirm");
    });
  }

  function submitCode(event: FormEvent) {
    event.preventDefault();
    void run(
      async () => {
        if (!confirmed) {
          await confirmPhone(number, code.replace(/\s/g, ""));
          setConfirmed(true);
          setCode("");
        }
        await enableSms(password);
        setPassword("");
        await onDone(number);
      },
      confirmed ? passwordRef : fieldRef,
    );
  }

  const stop = onStop && (
    <Button variant="subtle" onClick={onStop}>
      {t("smsSetup.stop")}
    </Button>
  );

  if (step === "number") {
    const numberErrors = fieldErrors(error, "phoneNumber");
    return (
      <form onSubmit={submitNumber} noValidate>
        <Stack gap="md">
          <Title order={headingOrder} size="h3">
            {t("smsSetup.numberTitle")}
          </Title>
          <Text c="dimmed">{t("smsSetup.numberText")}</Text>
          {numberErrors.length === 0 && <FormError error={error} />}
          <TextInput
            ref={fieldRef}
            label={t("smsSetup.number")}
            placeholder={t("smsSetup.numberPlaceholder")}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            required
            value={number}
            onChange={(event) => setNumber(event.currentTarget.value)}
            error={numberErrors[0]}
          />
          <Group gap="sm">
            <Button type="submit" loading={busy}>
              {t("smsSetup.send")}
            </Button>
            {stop}
          </Group>
        </Stack>
      </form>
    );
  }

  return (
    <form onSubmit={submitCode} noValidate>
      <Stack gap="md">
        <Title order={headingOrder} size="h3">
          {t("smsSetup.confirmTitle")}
        </Title>
        {confirmed ? (
          <Notice color="green" status>
            {t("smsSetup.confirmed", { number: displayMobile(number) })}
          </Notice>
        ) : (
          <Text c="dimmed">{t("smsSetup.confirmText", { number: displayMobile(number) })}</Text>
        )}
        <FormError error={error} />
        {!confirmed && (
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
        <PasswordField
          ref={passwordRef}
          label={t("identity.password")}
          description={t("smsSetup.password")}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            {t("smsSetup.verify")}
          </Button>
          {stop}
        </Group>
      </Stack>
    </form>
  );
}
