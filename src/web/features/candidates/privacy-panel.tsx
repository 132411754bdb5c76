import { Button, Checkbox, Group, Loader, Stack, Switch, Table, Text } from "@mantine/core";
import { IconDownload, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CandidateMeResponse, PortalVisibility } from "../../../contracts/candidates";
import type { ConsentPurpose, ConsentsResponse } from "../../../contracts/privacy";
import { Dialog } from "../../ui/dialog";
import { FormError, fieldErrors, Notice, PasswordField, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { Privacy } from "../settings/privacy";
import { profileQuery, updateProfile } from "../settings/settings-api";
import { formatDate, formatDateTime } from "../vacancies/format";
import { PageLoader, Section } from "../vacancies/ui";
import {
  candidateKeys,
  consentsQuery,
  contactViewsQuery,
  eraseMyAccount,
  myProfileQuery,
  setConsent,
  setPortalVisibility,
} from "./candidates-api";

const EXPORT_JSON = "/api/v1/candidates/me/export.json";
const EXPORT_PDF = "/api/v1/candidates/me/export.pdf";

/** "Zichtbaar voor werkgevers in <portal>": one switch per portal, saved the moment it moves. */
function Visibility({ me }: { me: CandidateMeResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: ({ portal, visible }: { portal: string; visible: boolean }) =>
      setPortalVisibility(portal, visible),
    onMutate: ({ portal, visible }) => {
      // The switch moves at once; a refusal puts it back.
      const before = queryClient.getQueryData<CandidateMeResponse>(candidateKeys.me);
      if (before) {
        queryClient.setQueryData<CandidateMeResponse>(candidateKeys.me, {
          ...before,
          visibility: before.visibility.map((v) => (v.portal.id === portal ? { ...v, visible } : v)),
        });
      }
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) queryClient.setQueryData(candidateKeys.me, context.before);
    },
    onSuccess: (visibility) => {
      const current = queryClient.getQueryData<CandidateMeResponse>(candidateKeys.me);
      if (current) queryClient.setQueryData(candidateKeys.me, { ...current, visibility });
      // Visibility is the "employers in this portal" consent: its history has a new line.
      void queryClient.invalidateQueries({ queryKey: candidateKeys.consents });
    },
  });
  const name = (v: PortalVisibility) => v.portal.name[locale] || v.portal.name.nl;
  // The own portal first, then the national one, then the other regions.
  const rows = [...me.visibility].sort(
    (a, b) =>
      Number(b.home) - Number(a.home) ||
      Number(b.portal.isNational) - Number(a.portal.isNational) ||
      name(a).localeCompare(name(b), locale),
  );
  const changed = mutation.variables
    ? rows.find((r) => r.portal.id === mutation.variables.portal)
    : undefined;

  return (
    <Stack gap="md">
      <Text c="dimmed">{t("privacy.visibility.intro")}</Text>
      <FormError error={mutation.error} />
      {rows.map((v) => (
        <Switch
          key={v.portal.id}
          size="md"
          label={t("privacy.visibility.switch", { portal: name(v) })}
          description={[
            v.home ? t("privacy.visibility.home") : null,
            v.changedAt ? t("privacy.visibility.changedAt", { date: formatDate(v.changedAt, locale) }) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
          checked={v.visible}
          onChange={(event) => mutation.mutate({ portal: v.portal.id, visible: event.currentTarget.checked })}
          styles={{ description: { color: "var(--mantine-color-dimmed)" } }}
        />
      ))}
      <div role="status" aria-live="polite">
        {mutation.isSuccess && changed && (
          <Text size="sm" c="teal">
            {t(
              mutation.variables.visible ? "privacy.visibility.nowVisible" : "privacy.visibility.nowHidden",
              {
                portal: name(changed),
              },
            )}
          </Text>
        )}
      </div>
    </Stack>
  );
}

/** Who opened my contact details, newest first (decision 0011). */
function ContactViews() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const views = useQuery(contactViewsQuery);
  if (views.isPending) return <Loader size="sm" aria-label={t("shell.loading")} />;
  if (views.isError) return <Notice color="red">{errorText(views.error)}</Notice>;
  return (
    <Stack gap="sm">
      <Text c="dimmed">{t("privacy.views.intro")}</Text>
      {views.data.length === 0 ? (
        <Text>{t("privacy.views.none")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs" striped>
            <Table.Caption style={{ captionSide: "top", textAlign: "left" }} c="dimmed">
              {t("privacy.views.caption", { count: views.data.length })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("privacy.views.organisation")}</Table.Th>
                <Table.Th scope="col">{t("privacy.views.person")}</Table.Th>
                <Table.Th scope="col">{t("privacy.views.when")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {views.data.map((view) => (
                <Table.Tr key={`${view.at}|${view.viewer.name}`}>
                  <Table.Td>{view.organisation?.name ?? "–"}</Table.Td>
                  <Table.Td>{view.viewer.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <time dateTime={view.at}>{formatDateTime(view.at, locale)}</time>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

const SOURCE_KEYS = { candidate: "you", staff: "staff", system: "system" } as const;

/**
 * The consents with their dates: research through the consent API (which keeps the history),
 * embedded video through the personal settings; below, every change, newest first.
 */
function Consents({ consents }: { consents: ConsentsResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const settings = useQuery(profileQuery);
  const research = consents.consents.find((c) => c.purpose === "research");
  const changeResearch = useMutation({
    mutationFn: (given: boolean) => setConsent("research", { given }),
    onSuccess: (saved) => {
      queryClient.setQueryData(candidateKeys.consents, saved);
      void queryClient.invalidateQueries({ queryKey: profileQuery.queryKey });
    },
  });
  const changeVideo = useMutation({
    mutationFn: (consentEmbeddedVideo: boolean) => updateProfile({ consentEmbeddedVideo }),
    onSuccess: (saved) => {
      queryClient.setQueryData(profileQuery.queryKey, saved);
      // Players or links: the server decides per viewer.
      void queryClient.invalidateQueries({ queryKey: candidateKeys.me });
    },
  });
  const portalName = (portal: { name: { nl: string; en: string } } | null) =>
    portal ? portal.name[locale] || portal.name.nl : "";
  const what = (entry: { purpose: ConsentPurpose; portal: { name: { nl: string; en: string } } | null }) =>
    entry.purpose === "research"
      ? t("privacy.consents.research")
      : t("privacy.consents.portal", { portal: portalName(entry.portal) });
  const researchGiven = changeResearch.isPending ? changeResearch.variables : (research?.given ?? false);

  return (
    <Stack gap="md">
      <Text c="dimmed">{t("privacy.consents.intro")}</Text>
      <FormError error={changeResearch.error ?? changeVideo.error} />
      {settings.isError ? (
        <Notice color="red">{errorText(settings.error)}</Notice>
      ) : (
        <Switch
          size="md"
          label={t("settings.privacy.video")}
          description={t("settings.privacy.videoText")}
          disabled={!settings.data}
          checked={
            changeVideo.isPending ? changeVideo.variables : (settings.data?.consentEmbeddedVideo ?? false)
          }
          onChange={(event) => changeVideo.mutate(event.currentTarget.checked)}
          styles={{ description: { color: "var(--mantine-color-dimmed)" } }}
        />
      )}
      <Switch
        size="md"
        label={t("settings.privacy.research")}
        description={[
          t("settings.privacy.researchText"),
          research?.at
            ? t(research.given ? "privacy.consents.givenOn" : "privacy.consents.withdrawnOn", {
                date: formatDate(research.at, locale),
              })
            : null,
        ]
          .filter(Boolean)
          .join(" ")}
        checked={researchGiven}
        onChange={(event) => changeResearch.mutate(event.currentTarget.checked)}
        styles={{ description: { color: "var(--mantine-color-dimmed)" } }}
      />
      <div role="status" aria-live="polite">
        {(changeResearch.isSuccess || changeVideo.isSuccess) && (
          <Text size="sm" c="teal">
            {t("settings.privacy.saved")}
          </Text>
        )}
      </div>
      {consents.history.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" striped>
            <Table.Caption style={{ captionSide: "top", textAlign: "left" }} c="dimmed">
              {t("privacy.consents.history")}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("privacy.consents.when")}</Table.Th>
                <Table.Th scope="col">{t("privacy.consents.what")}</Table.Th>
                <Table.Th scope="col">{t("privacy.consents.choice")}</Table.Th>
                <Table.Th scope="col">{t("privacy.consents.by")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {consents.history.map((entry) => (
                <Table.Tr key={`${entry.at}|${entry.purpose}|${entry.portal?.id ?? ""}|${entry.given}`}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                  </Table.Td>
                  <Table.Td>{what(entry)}</Table.Td>
                  <Table.Td>
                    {t(entry.given ? "privacy.consents.given" : "privacy.consents.withdrawn")}
                  </Table.Td>
                  <Table.Td>{t(`privacy.consents.sources.${SOURCE_KEYS[entry.source]}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** "Download mijn gegevens": everything stored, as data (JSON) and as a readable PDF. */
function Export() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text c="dimmed">{t("privacy.export.intro")}</Text>
      <Group gap="sm">
        <Button
          component="a"
          href={EXPORT_PDF}
          download
          variant="light"
          leftSection={<IconDownload aria-hidden="true" size={18} />}
        >
          {t("privacy.export.pdf")}
        </Button>
        <Button
          component="a"
          href={EXPORT_JSON}
          download
          variant="default"
          leftSection={<IconDownload aria-hidden="true" size={18} />}
        >
          {t("privacy.export.json")}
        </Button>
      </Group>
    </Stack>
  );
}

/** "Account verwijderen": asked twice (the box and the password), then the person is anonymised. */
function Erase() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [sure, setSure] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: () => eraseMyAccount(password),
    onSuccess: async () => {
      // The session is gone with the account.
      queryClient.clear();
      await navigate({ to: "/", replace: true });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    mutation.reset();
    if (!sure || !password) return;
    mutation.mutate();
  }

  return (
    <Stack gap="sm">
      <Text c="dimmed">{t("privacy.erase.intro")}</Text>
      <Button
        variant="outline"
        color="red"
        leftSection={<IconTrash aria-hidden="true" size={18} />}
        style={{ alignSelf: "flex-start" }}
        onClick={() => setOpen(true)}
      >
        {t("privacy.erase.open")}
      </Button>
      <Dialog
        opened={open}
        onClose={() => setOpen(false)}
        title={t("privacy.erase.title")}
        closeLabel={t("admin.close")}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text>{t("privacy.erase.text")}</Text>
            <FormError error={fieldErrors(mutation.error, "password").length > 0 ? null : mutation.error} />
            <Checkbox
              label={t("privacy.erase.confirm")}
              checked={sure}
              onChange={(e) => setSure(e.currentTarget.checked)}
              error={attempted && !sure ? t("privacy.erase.confirmRequired") : undefined}
            />
            <PasswordField
              label={t("identity.password")}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={
                fieldErrors(mutation.error, "password")[0] ??
                (attempted && !password ? t("identity.passwordRequired") : undefined)
              }
            />
            <Group gap="sm">
              <Button type="submit" color="red.9" loading={mutation.isPending}>
                {t("privacy.erase.submit")}
              </Button>
              <Button variant="subtle" onClick={() => setOpen(false)}>
                {t("identity.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </Stack>
  );
}

/**
 * The candidate's privacy: where the profile is visible, who asked for the contact details,
 * the consents, and (once the server offers them) downloading and deleting everything.
 */
export function PrivacyPanel() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useQuery(myProfileQuery);
  const consents = useQuery(consentsQuery);
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <Notice color="red">{errorText(me.error)}</Notice>;
  // Download and delete come with the consents (the same part of the server).
  const selfService = consents.isSuccess && consents.data !== null;
  return (
    <Stack gap="lg" maw={860} mx="auto">
      <Section title={t("privacy.visibility.title")}>
        <Visibility me={me.data} />
      </Section>
      <Section title={t("privacy.views.title")}>
        <ContactViews />
      </Section>
      <Section title={t("privacy.consents.title")}>
        {consents.isPending ? (
          <Loader size="sm" aria-label={t("shell.loading")} />
        ) : consents.isError ? (
          <Notice color="red">{errorText(consents.error)}</Notice>
        ) : consents.data === null ? (
          <Privacy />
        ) : (
          <Consents consents={consents.data} />
        )}
      </Section>
      {selfService && (
        <Section title={t("privacy.export.title")}>
          <Export />
        </Section>
      )}
      {selfService && (
        <Section title={t("privacy.erase.title")}>
          <Erase />
        </Section>
      )}
    </Stack>
  );
}
