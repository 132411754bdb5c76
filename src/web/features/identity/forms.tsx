import {
  Alert,
  Button,
  Card,
  Checkbox,
  Container,
  Group,
  List,
  PasswordInput,
  type PasswordInputProps,
  ScrollArea,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { forwardRef, type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";

/** A narrow card in the middle of the page, as the sign-in and set-up screens of the manual. */
export function AuthCard({ children, size = 480 }: { children: ReactNode; size?: number }) {
  return (
    <Container size={size} px={0} mt={{ base: 0, sm: "lg" }}>
      <Card withBorder padding="xl" radius="md">
        {children}
      </Card>
    </Container>
  );
}

/** The text to show for a failed call: the server's own (localised) message, else a generic one. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.status === 429 && error.retryAfter && error.retryAfter > 0) {
        const minutes = Math.max(1, Math.ceil(error.retryAfter / 60));
        return `${error.message} ${t("identity.retryIn", { count: minutes })}`;
      }
      return error.message;
    }
    return t("errors.unexpected");
  };
}

/**
 * A message box. Mantine's light alert colours its title with the pale shade, which fails the
 * contrast check; here the title is body-text dark and the box's colour carries the kind.
 */
export function Notice({
  color,
  title,
  status = false,
  children,
}: {
  color: "green" | "red" | "orange";
  title?: string;
  /** Polite (role=status) for confirmations; errors and warnings interrupt (role=alert). */
  status?: boolean;
  children: ReactNode;
}) {
  return (
    <Alert
      color={color}
      variant="light"
      title={title}
      role={status ? "status" : "alert"}
      styles={{ title: { color: "var(--mantine-color-bright)" } }}
    >
      {children}
    </Alert>
  );
}

/** Announced at once by screen readers (role=alert), shown above the form it belongs to. */
export function FormError({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Alert color="red" variant="light">
      {text(error)}
    </Alert>
  );
}

/** The messages the server gave for one field (e.g. one per failed password rule). */
export function fieldErrors(error: unknown, path: string): string[] {
  return error instanceof ApiError ? error.fields.filter((f) => f.path === path).map((f) => f.message) : [];
}

export const PasswordField = forwardRef<HTMLInputElement, PasswordInputProps>(
  function PasswordField(props, ref) {
    const { t } = useTranslation();
    return (
      <PasswordInput
        ref={ref}
        visibilityToggleButtonProps={{ "aria-label": t("identity.showPassword") }}
        {...props}
      />
    );
  },
);

export interface NewPasswordValue {
  password: string;
  repeat: string;
}

/**
 * New password twice with the rule text beside it (as the manual shows it) and, after a
 * rejected attempt, each rule the server says it failed.
 */
export function NewPasswordFields({
  value,
  onChange,
  showMismatch,
  serverErrors,
  label,
}: {
  value: NewPasswordValue;
  onChange: (value: NewPasswordValue) => void;
  /** Set after a submit attempt, so nobody is scolded while still typing. */
  showMismatch: boolean;
  serverErrors: string[];
  label?: string;
}) {
  const { t } = useTranslation();
  const mismatch = showMismatch && value.password !== "" && value.repeat !== value.password;
  const missing = showMismatch && value.password === "";
  return (
    <Stack gap="sm">
      <PasswordField
        label={label ?? t("identity.newPassword")}
        description={t("identity.passwordRule")}
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
        error={
          serverErrors.length > 0 ? (
            serverErrors.length === 1 ? (
              serverErrors[0]
            ) : (
              <List size="sm" c="red" spacing={0}>
                {serverErrors.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            )
          ) : missing ? (
            t("identity.passwordRequired")
          ) : undefined
        }
      />
      <PasswordField
        label={t("identity.repeatPassword")}
        autoComplete="new-password"
        required
        value={value.repeat}
        onChange={(event) => onChange({ ...value, repeat: event.currentTarget.value })}
        error={mismatch ? t("identity.passwordMismatch") : undefined}
      />
    </Stack>
  );
}

/** The terms of use, readable on the page, and the box that must be ticked to go on. */
export function TermsAcceptance({
  checked,
  onChange,
  showRequired,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  showRequired: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb={4}>
        {t("terms.title")}
      </Title>
      <ScrollArea.Autosize mah={180} type="auto" mb="sm">
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {t("terms.purpose")}
          </Text>
          <Text size="sm" c="dimmed">
            {t("terms.confidential")}
          </Text>
          <Text size="sm" c="dimmed">
            {t("terms.privacy")}
          </Text>
        </Stack>
      </ScrollArea.Autosize>
      <Checkbox
        label={t("terms.accept")}
        checked={checked}
        required
        onChange={(event) => onChange(event.currentTarget.checked)}
        error={showRequired && !checked ? t("terms.required") : undefined}
      />
    </section>
  );
}

export function downloadBackupCodes(codes: readonly string[], fileName: string, intro: string): void {
  const blob = new Blob([`${intro}\n\n${codes.join("\n")}\n`], { type: "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Ten one-time codes, shown once, with a way to keep them. */
export function BackupCodes({ codes, children }: { codes: readonly string[]; children?: ReactNode }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id={headingId}>
        {t("twoFactor.backup.title")}
      </Title>
      <Text c="dimmed">{t("twoFactor.backup.text")}</Text>
      <Text c="dimmed">{t("twoFactor.backup.once")}</Text>
      <Card withBorder padding="md" bg="var(--werkbrug-surface-muted)">
        <List
          aria-labelledby={headingId}
          listStyleType="none"
          ff="monospace"
          fz="md"
          spacing={4}
          data-testid="backup-codes"
          style={{ columns: 2 }}
        >
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
      </Card>
      <Group gap="sm">
        <Button
          variant="outline"
          leftSection={<IconDownload aria-hidden="true" size={18} />}
          onClick={() =>
            downloadBackupCodes(codes, "werkbrug-back-upcodes.txt", t("twoFactor.backup.fileIntro"))
          }
        >
          {t("twoFactor.backup.download")}
        </Button>
        {children}
      </Group>
    </Stack>
  );
}

/** Only same-site paths may be a redirect target; anything else would be an open redirect. */
export function safeRedirect(target: string | undefined): string {
  return target?.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : "/";
}
