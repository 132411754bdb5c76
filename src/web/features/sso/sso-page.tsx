import {
  Button,
  Card,
  Group,
  List,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SsoConnection, SsoProviderKind, SsoSecretState, SsoTestResult } from "../../../contracts/sso";
import { useBusyAction } from "../../ui/use-busy-action";
import { FormError, Notice } from "../identity/forms";
import { PageLoader, PlainBadge } from "../vacancies/ui";
import {
  createSsoConnection,
  deleteSsoConnection,
  rotateSsoSecret,
  ssoConnectionsQuery,
  testSsoConnection,
  updateSsoConnection,
} from "./sso-api";

/** The provider's name as the sign-in button shows it. */
const providerName = (c: { providerKind: SsoProviderKind; displayName: string }) =>
  c.providerKind === "entra" ? "Microsoft" : c.displayName.trim() || "OpenID Connect";

function SecretLine({ label, state }: { label: string; state: SsoSecretState }) {
  const { t } = useTranslation();
  const when = state.expiresOn ? t("sso.secret.until", { date: state.expiresOn }) : t("sso.secret.noDate");
  const color = { ok: "teal.9", expiring: "pink.9", expired: "red.9", unknown: "gray.7" }[state.status];
  return (
    <Group gap="xs">
      <Text size="sm">
        {label}: {when}
      </Text>
      <PlainBadge color={color}>{t(`sso.secret.status.${state.status}`)}</PlainBadge>
    </Group>
  );
}

interface Draft {
  organisationId: string;
  emailDomain: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  expiresOn: string;
  providerKind: SsoProviderKind;
  displayName: string;
}

function ConnectionForm({
  connection,
  organisations,
  onDone,
}: {
  connection: SsoConnection | null;
  organisations: { id: string; name: string }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const first = useRef<HTMLSelectElement>(null);
  const { busy, error, run } = useBusyAction();
  const [draft, setDraft] = useState<Draft>({
    organisationId: connection?.organisationId ?? organisations[0]?.id ?? "",
    emailDomain: connection?.emailDomain ?? "",
    issuer: connection?.issuer ?? "",
    clientId: connection?.clientId ?? "",
    clientSecret: "",
    expiresOn: "",
    providerKind: connection?.providerKind ?? "entra",
    displayName: connection?.displayName ?? "",
  });
  const set = (key: keyof Draft) => (event: { currentTarget: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.currentTarget.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const common = {
        emailDomain: draft.emailDomain,
        issuer: draft.issuer,
        clientId: draft.clientId,
        providerKind: draft.providerKind,
        displayName: draft.displayName,
      };
      if (connection) await updateSsoConnection(connection.id, common);
      else
        await createSsoConnection({
          ...common,
          organisationId: draft.organisationId,
          clientSecret: draft.clientSecret,
          clientSecretExpiresOn: draft.expiresOn || undefined,
        });
      await queryClient.invalidateQueries({ queryKey: ssoConnectionsQuery.queryKey });
      onDone();
    }, first);
  }

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {connection ? t("sso.form.editTitle", { domain: connection.emailDomain }) : t("sso.form.newTitle")}
        </Title>
        <FormError error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {!connection && (
            <NativeSelect
              ref={first}
              label={t("sso.fields.organisation")}
              data={organisations.map((o) => ({ value: o.id, label: o.name }))}
              value={draft.organisationId}
              onChange={set("organisationId")}
              required
            />
          )}
          <NativeSelect
            label={t("sso.fields.providerKind")}
            data={[
              { value: "entra", label: t("sso.kinds.entra") },
              { value: "oidc", label: t("sso.kinds.oidc") },
            ]}
            value={draft.providerKind}
            onChange={set("providerKind")}
          />
          {draft.providerKind === "oidc" && (
            <TextInput
              label={t("sso.fields.displayName")}
              description={t("sso.fields.displayNameHelp")}
              value={draft.displayName}
              onChange={set("displayName")}
              maxLength={80}
            />
          )}
          <TextInput
            label={t("sso.fields.emailDomain")}
            description={t("sso.fields.emailDomainHelp")}
            value={draft.emailDomain}
            onChange={set("emailDomain")}
            required
          />
          <TextInput
            label={t("sso.fields.issuer")}
            description={t("sso.fields.issuerHelp")}
            value={draft.issuer}
            onChange={set("issuer")}
            type="url"
            required
          />
          <TextInput
            label={t("sso.fields.clientId")}
            value={draft.clientId}
            onChange={set("clientId")}
            required
          />
          {!connection && (
            <>
              <PasswordInput
                label={t("sso.fields.clientSecret")}
                value={draft.clientSecret}
                onChange={set("clientSecret")}
                autoComplete="off"
                required
              />
              <TextInput
                type="date"
                label={t("sso.fields.expiresOn")}
                description={t("sso.fields.expiresOnHelp")}
                value={draft.expiresOn}
                onChange={set("expiresOn")}
                required
              />
            </>
          )}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={busy}>
            {t("sso.form.save")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("sso.form.cancel")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function RotateForm({ connection, onDone }: { connection: SsoConnection; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const field = useRef<HTMLInputElement>(null);
  const { busy, error, run } = useBusyAction();
  const [secret, setSecret] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await rotateSsoSecret(connection.id, { clientSecret: secret, expiresOn });
      await queryClient.invalidateQueries({ queryKey: ssoConnectionsQuery.queryKey });
      onDone();
    }, field);
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t("sso.rotate.help")}</Text>
        <FormError error={error} />
        <Group align="flex-end">
          <PasswordInput
            ref={field}
            label={t("sso.rotate.secret")}
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
            autoComplete="off"
            required
            data-autofocus
          />
          <TextInput
            type="date"
            label={t("sso.fields.expiresOn")}
            value={expiresOn}
            onChange={(e) => setExpiresOn(e.currentTarget.value)}
            required
          />
          <Button type="submit" loading={busy}>
            {t("sso.rotate.save")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("sso.form.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TestOutcome({ result }: { result: SsoTestResult }) {
  const { t } = useTranslation();
  const ok = result.credentials === "accepted" || result.fallback === "accepted";
  return (
    <Notice color={ok ? "green" : "red"} title={t("sso.test.title")} status>
      <List size="sm" spacing={2}>
        <List.Item>{t("sso.test.discovery", { issuer: result.discovery.issuer })}</List.Item>
        <List.Item>{t("sso.test.endpoints", { token: result.discovery.tokenEndpoint })}</List.Item>
        <List.Item>{t("sso.test.keys", { count: result.signingKeys })}</List.Item>
        <List.Item>
          {t(`sso.test.credentials.${result.credentials}`, {
            which: t(`sso.test.which.${result.secretTested}`),
          })}
        </List.Item>
        {result.promoted && <List.Item>{t("sso.test.promoted")}</List.Item>}
        {result.fallback && (
          <List.Item>
            {t(`sso.test.credentials.${result.fallback}`, { which: t("sso.test.which.current") })}
          </List.Item>
        )}
      </List>
    </Notice>
  );
}

function ConnectionCard({
  connection,
  organisations,
}: {
  connection: SsoConnection;
  organisations: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"view" | "edit" | "rotate" | "delete">("view");
  const [testResult, setTestResult] = useState<SsoTestResult | null>(null);
  const { busy, error, run } = useBusyAction();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ssoConnectionsQuery.queryKey });

  if (mode === "edit")
    return (
      <ConnectionForm connection={connection} organisations={organisations} onDone={() => setMode("view")} />
    );

  const warning = [connection.secret, connection.pendingSecret].find(
    (s) => s?.status === "expired" || s?.status === "expiring",
  );
  return (
    <Card withBorder component="section" aria-labelledby={`sso-${connection.id}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4" id={`sso-${connection.id}`}>
            {connection.emailDomain}
          </Title>
          <PlainBadge color={connection.enabled ? "teal.9" : "gray.7"}>
            {connection.enabled ? t("sso.enabled") : t("sso.disabled")}
          </PlainBadge>
        </Group>
        <Text size="sm" c="dimmed">
          {connection.organisationName} · {t("sso.signIn.button", { name: providerName(connection) })}
        </Text>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {t("sso.fields.issuer")}: {connection.issuer}
        </Text>
        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
          {t("sso.fields.clientId")}: {connection.clientId}
        </Text>
        <SecretLine label={t("sso.secret.current")} state={connection.secret} />
        {connection.pendingSecret && (
          <SecretLine label={t("sso.secret.pending")} state={connection.pendingSecret} />
        )}
        {warning && (
          <Notice color={warning.status === "expired" ? "red" : "orange"}>
            {t(warning.status === "expired" ? "sso.warning.expired" : "sso.warning.expiring", {
              date: warning.expiresOn,
            })}
          </Notice>
        )}
        <FormError error={error} />
        {testResult && <TestOutcome result={testResult} />}
        {mode === "rotate" && <RotateForm connection={connection} onDone={() => setMode("view")} />}
        {mode === "delete" ? (
          <Notice color="red" title={t("sso.delete.title")}>
            <Stack gap="xs">
              <Text size="sm">{t("sso.delete.text", { domain: connection.emailDomain })}</Text>
              <Group>
                <Button
                  color="red"
                  loading={busy}
                  onClick={() =>
                    void run(async () => {
                      await deleteSsoConnection(connection.id);
                      await refresh();
                    })
                  }
                >
                  {t("sso.delete.confirm")}
                </Button>
                <Button variant="default" onClick={() => setMode("view")}>
                  {t("sso.form.cancel")}
                </Button>
              </Group>
            </Stack>
          </Notice>
        ) : (
          mode === "view" && (
            <Group gap="xs">
              <Button
                variant="light"
                loading={busy}
                onClick={() =>
                  void run(async () => {
                    setTestResult(null);
                    setTestResult(await testSsoConnection(connection.id));
                    await refresh();
                  })
                }
              >
                {t("sso.actions.test")}
              </Button>
              <Button variant="default" onClick={() => setMode("edit")}>
                {t("sso.actions.edit")}
              </Button>
              <Button variant="default" onClick={() => setMode("rotate")}>
                {t("sso.actions.rotate")}
              </Button>
              <Button
                variant="default"
                onClick={() =>
                  void run(async () => {
                    await updateSsoConnection(connection.id, { enabled: !connection.enabled });
                    await refresh();
                  })
                }
              >
                {connection.enabled ? t("sso.actions.disable") : t("sso.actions.enable")}
              </Button>
              <Button variant="default" color="red" onClick={() => setMode("delete")}>
                {t("sso.actions.delete")}
              </Button>
            </Group>
          )
        )}
      </Stack>
    </Card>
  );
}

/** "Eenmalige aanmelding (SSO)": the organisation's (or every) OpenID Connect connection. */
export function SsoPage() {
  const { t } = useTranslation();
  const connections = useQuery(ssoConnectionsQuery);
  const [adding, setAdding] = useState(false);
  if (connections.isPending) return <PageLoader />;
  if (connections.isError) return <FormError error={connections.error} />;
  const { items, organisations } = connections.data;
  return (
    <Stack gap="md">
      <Text>{t("sso.intro")}</Text>
      {adding ? (
        <ConnectionForm connection={null} organisations={organisations} onDone={() => setAdding(false)} />
      ) : (
        <Group>
          <Button onClick={() => setAdding(true)} disabled={organisations.length === 0}>
            {t("sso.actions.add")}
          </Button>
        </Group>
      )}
      {items.length === 0 && !adding && <Text c="dimmed">{t("sso.empty")}</Text>}
      {items.map((connection) => (
        <ConnectionCard key={connection.id} connection={connection} organisations={organisations} />
      ))}
    </Stack>
  );
}
