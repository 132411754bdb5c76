import { Badge, Button, Card, Checkbox, Group, Loader, Stack, Text, Title } from "@mantine/core";
import {
  IconDeviceDesktop,
  IconFiles,
  IconHistory,
  IconLock,
  IconShieldCheck,
  IconUser,
  IconUsers,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Navigate, useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CurrentUser } from "../../contracts/identity";
import { dateTimeFormat } from "../../contracts/intl";
import { meQuery } from "../features/account/me-query";
import { AuditLog } from "../features/admin/audit-log";
import { UserManagement } from "../features/admin/user-management";
import { DocumentTypeSettings } from "../features/documents/document-type-settings";
import {
  BackupCodes,
  FormError,
  fieldErrors,
  NewPasswordFields,
  Notice,
  PasswordField,
  useErrorText,
} from "../features/identity/forms";
import {
  changePassword,
  generateBackupCodes,
  revokeOtherSessions,
  revokeSession,
  type Session,
  sessionsQuery,
} from "../features/identity/identity-api";
import { displayMobile, SmsSetup } from "../features/identity/sms-setup";
import { summariseUserAgent } from "../features/identity/user-agent";
import { useLocale } from "../features/language/language-control";
import { PersonalData } from "../features/settings/personal-data";
import { Privacy } from "../features/settings/privacy";
import { intlLocale } from "../i18n";
import { AppLink } from "../ui/app-link";
import { type PageTab, PageTabs } from "../ui/tabs";

export const SETTINGS_TABS = [
  "persoonsgegevens",
  "privacy",
  "beveiliging",
  "gebruikers",
  "beveiligingslog",
  "documenttypen",
] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState("");
  const [value, setValue] = useState({ password: "", repeat: "" });
  const [revokeOthers, setRevokeOthers] = useState(true);
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setCurrent("");
      setValue({ password: "", repeat: "" });
      setAttempted(false);
      void queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    mutation.reset();
    if (!current || !value.password || value.password !== value.repeat) return;
    mutation.mutate({
      currentPassword: current,
      newPassword: value.password,
      revokeOtherSessions: revokeOthers,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={480}>
        {mutation.isSuccess && (
          <Notice color="green" status>
            {t("settings.password.done")}
          </Notice>
        )}
        <FormError error={mutation.error} />
        <PasswordField
          label={t("settings.password.current")}
          autoComplete="current-password"
          required
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          error={attempted && !current ? t("identity.passwordRequired") : undefined}
        />
        <NewPasswordFields
          value={value}
          onChange={setValue}
          showMismatch={attempted}
          serverErrors={fieldErrors(mutation.error, "password")}
        />
        <Checkbox
          label={t("settings.password.revokeOthers")}
          checked={revokeOthers}
          onChange={(event) => setRevokeOthers(event.currentTarget.checked)}
        />
        <Button type="submit" loading={mutation.isPending} style={{ alignSelf: "flex-start" }}>
          {t("identity.save")}
        </Button>
      </Stack>
    </form>
  );
}

function SecondFactor({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [settingUpSms, setSettingUpSms] = useState(false);
  const [smsDone, setSmsDone] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const mutation = useMutation({
    mutationFn: generateBackupCodes,
    onSuccess: () => {
      setPassword("");
      setAsking(false);
    },
  });

  if (!user.twoFactorEnabled) {
    return (
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color="gray.7" variant="filled">
            {t("settings.twoFactor.off")}
          </Badge>
          <Text c="dimmed">{t("settings.twoFactor.offText")}</Text>
        </Group>
        <Button component={AppLink} href="/beveiliging-instellen" style={{ alignSelf: "flex-start" }}>
          {t("settings.twoFactor.setUp")}
        </Button>
      </Stack>
    );
  }

  const sms = user.secondFactor === "sms" && user.smsNumber ? displayMobile(user.smsNumber) : null;
  if (settingUpSms) {
    return (
      <SmsSetup
        headingOrder={3}
        onDone={async (number) => {
          await queryClient.refetchQueries({ queryKey: meQuery.queryKey });
          setSettingUpSms(false);
          setSmsDone(displayMobile(number));
        }}
        onStop={() => setSettingUpSms(false)}
      />
    );
  }

  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="nowrap">
        <Badge color="teal.9" variant="filled" style={{ flexShrink: 0 }}>
          {t("settings.twoFactor.on")}
        </Badge>
        <Text c="dimmed">
          {sms ? t("smsSetup.current", { number: sms }) : t("settings.twoFactor.onText")}
        </Text>
      </Group>
      {smsDone && (
        <Notice color="green" status>
          {t("smsSetup.done", { number: smsDone })}
        </Notice>
      )}
      <Group gap="sm">
        <Button
          variant="outline"
          onClick={() => {
            setSmsDone(null);
            setSettingUpSms(true);
          }}
        >
          {sms ? t("smsSetup.changeNumber") : t("smsSetup.toSms")}
        </Button>
        {sms && (
          <Button variant="outline" component={AppLink} href="/beveiliging-instellen">
            {t("smsSetup.toApp")}
          </Button>
        )}
      </Group>
      {mutation.data && <BackupCodes codes={mutation.data} />}
      {sms ? null : asking ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate(password);
          }}
          noValidate
        >
          <Stack gap="sm" maw={480}>
            <Text c="dimmed">{t("settings.twoFactor.newCodesText")}</Text>
            <FormError error={mutation.error} />
            <PasswordField
              label={t("identity.password")}
              autoComplete="current-password"
              required
              data-autofocus
              autoFocus
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Group gap="sm">
              <Button type="submit" loading={mutation.isPending}>
                {t("settings.twoFactor.newCodes")}
              </Button>
              <Button variant="subtle" onClick={() => setAsking(false)}>
                {t("identity.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Button
          variant="outline"
          onClick={() => {
            mutation.reset();
            setAsking(true);
          }}
          style={{ alignSelf: "flex-start" }}
        >
          {t("settings.twoFactor.newCodes")}
        </Button>
      )}
    </Stack>
  );
}

function deviceName(session: Session, t: (key: string, options?: Record<string, string>) => string) {
  const { browser, os } = summariseUserAgent(session.userAgent);
  if (browser && os) return t("settings.sessions.browserOn", { browser, os });
  return browser ?? os ?? t("settings.sessions.unknownDevice");
}

function Sessions() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const sessions = useQuery(sessionsQuery);
  const refresh = () => queryClient.invalidateQueries({ queryKey: sessionsQuery.queryKey });
  const revokeOne = useMutation({ mutationFn: revokeSession, onSettled: refresh });
  const revokeOthers = useMutation({ mutationFn: revokeOtherSessions, onSettled: refresh });
  const format = dateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeStyle: "short",
  });

  if (sessions.isPending) return <Loader size="sm" aria-label={t("shell.loading")} />;
  if (sessions.isError) {
    return <Notice color="red">{errorText(sessions.error)}</Notice>;
  }
  const others = sessions.data.filter((s) => !s.current);

  return (
    <Stack gap="sm">
      <Text c="dimmed">{t("settings.sessions.intro")}</Text>
      <FormError error={revokeOne.error ?? revokeOthers.error} />
      {revokeOthers.isSuccess && (
        <Notice color="green" status>
          {t("settings.sessions.othersDone")}
        </Notice>
      )}
      <Stack
        gap="xs"
        component="ul"
        className="werkbrug-plain-list"
        aria-label={t("settings.sessions.title")}
      >
        {sessions.data.map((session) => {
          const name = deviceName(session, t);
          const lastUsed = format.format(session.updatedAt);
          return (
            <Card key={session.id} component="li" withBorder padding="sm" radius="sm">
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Group gap="sm" wrap="nowrap">
                  <IconDeviceDesktop aria-hidden="true" size={24} stroke={1.5} />
                  <div>
                    <Group gap="xs">
                      <Text fw={600}>{name}</Text>
                      {session.current && (
                        <Badge variant="light" color="portal">
                          {t("settings.sessions.thisDevice")}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {t("settings.sessions.details", {
                        ip: session.ipAddress || t("settings.sessions.unknownIp"),
                        lastUsed,
                      })}
                    </Text>
                  </div>
                </Group>
                {!session.current && (
                  <Button
                    variant="outline"
                    color="red"
                    size="xs"
                    loading={revokeOne.isPending && revokeOne.variables === session.id}
                    aria-label={t("settings.sessions.revokeOne", { device: name, lastUsed })}
                    onClick={() => revokeOne.mutate(session.id)}
                  >
                    {t("settings.sessions.revoke")}
                  </Button>
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
      <Button
        variant="outline"
        color="red"
        disabled={others.length === 0}
        loading={revokeOthers.isPending}
        onClick={() => revokeOthers.mutate()}
        style={{ alignSelf: "flex-start" }}
      >
        {t("settings.sessions.revokeOthers")}
      </Button>
    </Stack>
  );
}

/** The manual's "Instellingen": personal data, privacy and the security of the account. */
export function SettingsPage({
  tab,
  openInvitations = false,
}: {
  tab: SettingsTab;
  openInvitations?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useQuery(meQuery);
  if (me.isPending) return <Loader aria-label={t("shell.loading")} />;
  const user = me.data ?? null;
  if (!user) return <Navigate to="/inloggen" search={{ redirect: "/instellingen" }} replace />;

  // The organisation's part of the settings (manual: "Gebruikersbeheer") is for its admins only.
  const admin = user.roles.includes("org_admin") || user.roles.includes("platform_admin");
  // Document types are the team's (municipality or agency): its organisation administrator's.
  const teamAdmin = user.roles.includes("org_admin");
  const current: SettingsTab =
    (!admin && (tab === "gebruikers" || tab === "beveiligingslog")) || (!teamAdmin && tab === "documenttypen")
      ? "beveiliging"
      : tab;
  const tabs: PageTab<SettingsTab>[] = [
    {
      value: "persoonsgegevens",
      label: t("settings.tabs.personal"),
      icon: <IconUser aria-hidden="true" size={16} />,
    },
    {
      value: "privacy",
      label: t("settings.tabs.privacy"),
      icon: <IconLock aria-hidden="true" size={16} />,
    },
    {
      value: "beveiliging",
      label: t("settings.tabs.security"),
      icon: <IconShieldCheck aria-hidden="true" size={16} />,
    },
  ];
  if (admin) {
    tabs.push(
      {
        value: "gebruikers",
        label: t("settings.tabs.users"),
        icon: <IconUsers aria-hidden="true" size={16} />,
      },
      {
        value: "beveiligingslog",
        label: t("settings.tabs.audit"),
        icon: <IconHistory aria-hidden="true" size={16} />,
      },
    );
  }
  if (teamAdmin) {
    tabs.push({
      value: "documenttypen",
      label: t("documents.settings.tab"),
      icon: <IconFiles aria-hidden="true" size={16} />,
    });
  }

  return (
    <PageTabs
      label={t("menu.settings")}
      value={current}
      onChange={(next) => void navigate({ to: "/instellingen", search: { tab: next }, replace: true })}
      tabs={tabs}
    >
      <PageTabs.Panel value="persoonsgegevens">
        <Stack gap="lg" maw={760} mx="auto">
          <Section title={t("settings.tabs.personal")}>
            <PersonalData />
          </Section>
        </Stack>
      </PageTabs.Panel>
      <PageTabs.Panel value="privacy">
        <Stack gap="lg" maw={760} mx="auto">
          <Section title={t("settings.tabs.privacy")}>
            <Privacy />
          </Section>
        </Stack>
      </PageTabs.Panel>
      <PageTabs.Panel value="beveiliging">
        <Stack gap="lg" maw={760} mx="auto">
          <Section title={t("settings.password.title")}>
            <ChangePasswordForm />
          </Section>
          <Section title={t("settings.twoFactor.title")}>
            <SecondFactor user={user} />
          </Section>
          <Section title={t("settings.sessions.title")}>
            <Sessions />
          </Section>
        </Stack>
      </PageTabs.Panel>
      {admin && (
        <PageTabs.Panel value="gebruikers">
          <UserManagement openInvitations={openInvitations} />
        </PageTabs.Panel>
      )}
      {admin && (
        <PageTabs.Panel value="beveiligingslog">
          <Section title={t("settings.tabs.audit")}>
            <AuditLog />
          </Section>
        </PageTabs.Panel>
      )}
      {teamAdmin && (
        <PageTabs.Panel value="documenttypen">
          <Stack gap="lg" maw={760} mx="auto">
            <Section title={t("documents.settings.tab")}>
              <DocumentTypeSettings />
            </Section>
          </Stack>
        </PageTabs.Panel>
      )}
    </PageTabs>
  );
}
