import {
  Anchor,
  Button,
  ColorSwatch,
  Group,
  Image,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { IconPlayerPause, IconPlayerPlay, IconPlus, IconTrash } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type AdminPortal,
  COLOR_PATTERN,
  PORTAL_SLUG_PATTERN,
  RESERVED_PORTAL_SLUGS,
} from "../../../contracts/platform-admin";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { ScrollTable } from "../../ui/scroll-table";
import { UploadButton } from "../../ui/upload-button";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { currentPortalQuery } from "../portal/portal-query";
import { PageLoader, PlainBadge, Section } from "../vacancies/ui";
import {
  adminPortalQuery,
  adminPortalsQuery,
  createPortal,
  platformAdminKeys,
  removePortalLogo,
  setPortalActive,
  updatePortal,
  uploadPortalLogo,
} from "./platform-admin-api";

const LOGO_MAX_BYTES = 1024 * 1024;

function StatusBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <PlainBadge color={active ? "teal.9" : "gray.7"}>
      {active ? t("platformAdmin.status.active") : t("platformAdmin.status.inactive")}
    </PlainBadge>
  );
}

/** "Portalen": every portal with its subdomain, colour and state; a link to change each. */
export function PortalsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useErrorText();
  const portals = useQuery(adminPortalsQuery);
  if (portals.isPending) return <PageLoader />;
  if (portals.isError) return <Notice color="red">{errorText(portals.error)}</Notice>;
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" maw={720}>
          {t("platformAdmin.portals.intro")}
        </Text>
        <Button
          component={AppLink}
          href="/portalen/nieuw"
          leftSection={<IconPlus aria-hidden="true" size={18} />}
        >
          {t("platformAdmin.portals.new")}
        </Button>
      </Group>
      <ScrollTable label={t("platformAdmin.portals.title")} minWidth={720}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("platformAdmin.portals.name")}</Table.Th>
              <Table.Th scope="col">{t("platformAdmin.portals.address")}</Table.Th>
              <Table.Th scope="col">{t("platformAdmin.portals.colour")}</Table.Th>
              <Table.Th scope="col">{t("platformAdmin.portals.organisations")}</Table.Th>
              <Table.Th scope="col">{t("platformAdmin.status.label")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {portals.data.map((portal) => (
              <Table.Tr key={portal.id}>
                <Table.Th scope="row" fw={500}>
                  <AppLink href={`/portalen/${portal.id}`}>
                    {portal.name[locale === "en" ? "en" : "nl"]}
                  </AppLink>
                  {portal.isNational && (
                    <Text size="sm" c="dimmed">
                      {t("platformAdmin.portals.national")}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>
                  {portal.active ? (
                    <Anchor href={portal.url}>{portal.url}</Anchor>
                  ) : (
                    <Text span>{portal.url}</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <ColorSwatch color={portal.primaryColor} size={18} aria-hidden="true" />
                    <Text span ff="monospace">
                      {portal.primaryColor}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>{portal.organisationCount}</Table.Td>
                <Table.Td>
                  <StatusBadge active={portal.active} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}

interface PortalValues {
  slug: string;
  nameNl: string;
  nameEn: string;
  primaryColor: string;
}

/** What the browser can say before sending (the server says it too, and about a taken subdomain). */
function slugProblem(slug: string): "slugInvalid" | "slugReserved" | null {
  if (!PORTAL_SLUG_PATTERN.test(slug)) return "slugInvalid";
  if ((RESERVED_PORTAL_SLUGS as readonly string[]).includes(slug)) return "slugReserved";
  return null;
}

function PortalFields({
  values,
  onChange,
  error,
  attempted,
  withSlug,
}: {
  values: PortalValues;
  onChange: (values: PortalValues) => void;
  error: unknown;
  attempted: boolean;
  withSlug: boolean;
}) {
  const { t } = useTranslation();
  const set = (key: keyof PortalValues, value: string) => onChange({ ...values, [key]: value });
  const slugLocal = attempted ? slugProblem(values.slug.trim().toLowerCase()) : null;
  const colourBad = attempted && !COLOR_PATTERN.test(values.primaryColor.trim());
  return (
    <Stack gap="sm">
      {withSlug && (
        <TextInput
          label={t("platformAdmin.portals.slug")}
          description={t("platformAdmin.portals.slugHint", { host: window.location.host })}
          required
          autoComplete="off"
          data-autofocus
          value={values.slug}
          onChange={(event) => set("slug", event.currentTarget.value)}
          error={slugLocal ? t(`platformAdmin.portals.${slugLocal}`) : fieldErrors(error, "slug")[0]}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("platformAdmin.portals.nameNl")}
          required
          autoComplete="off"
          value={values.nameNl}
          onChange={(event) => set("nameNl", event.currentTarget.value)}
          error={
            attempted && values.nameNl.trim().length < 2
              ? t("platformAdmin.nameRequired")
              : fieldErrors(error, "name.nl")[0]
          }
        />
        <TextInput
          label={t("platformAdmin.portals.nameEn")}
          required
          autoComplete="off"
          value={values.nameEn}
          onChange={(event) => set("nameEn", event.currentTarget.value)}
          error={
            attempted && values.nameEn.trim().length < 2
              ? t("platformAdmin.nameRequired")
              : fieldErrors(error, "name.en")[0]
          }
        />
      </SimpleGrid>
      <TextInput
        label={t("platformAdmin.portals.colour")}
        description={t("platformAdmin.portals.colourHint")}
        required
        autoComplete="off"
        maw={240}
        value={values.primaryColor}
        onChange={(event) => set("primaryColor", event.currentTarget.value)}
        leftSection={
          COLOR_PATTERN.test(values.primaryColor.trim()) ? (
            <ColorSwatch color={values.primaryColor.trim()} size={16} aria-hidden="true" />
          ) : null
        }
        error={colourBad ? t("platformAdmin.portals.colourInvalid") : fieldErrors(error, "primaryColor")[0]}
      />
    </Stack>
  );
}

const valid = (v: PortalValues, withSlug: boolean) =>
  (!withSlug || slugProblem(v.slug.trim().toLowerCase()) === null) &&
  v.nameNl.trim().length >= 2 &&
  v.nameEn.trim().length >= 2 &&
  COLOR_PATTERN.test(v.primaryColor.trim());

/** "Nieuw portaal": subdomain, names and colour; the logo follows on the portal's own page. */
export function NewPortalPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<PortalValues>({
    slug: "",
    nameNl: "",
    nameEn: "",
    primaryColor: "#1c4f7c",
  });
  const [attempted, setAttempted] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      createPortal({
        slug: values.slug.trim().toLowerCase(),
        name: { nl: values.nameNl.trim(), en: values.nameEn.trim() },
        primaryColor: values.primaryColor.trim(),
      }),
    onSuccess: async (portal) => {
      await queryClient.invalidateQueries({ queryKey: platformAdminKeys.portals });
      await queryClient.invalidateQueries({ queryKey: currentPortalQuery.queryKey });
      await navigate({ to: "/portalen/$id", params: { id: portal.id }, search: { created: true } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    create.reset();
    if (valid(values, true)) create.mutate();
  };
  return (
    <Stack gap="lg" maw={760} mx="auto">
      <Text c="dimmed">{t("platformAdmin.portals.newIntro")}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={create.error} />
          <PortalFields
            values={values}
            onChange={setValues}
            error={create.error}
            attempted={attempted}
            withSlug
          />
          <Group gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t("platformAdmin.portals.create")}
            </Button>
            <Button variant="subtle" component={AppLink} href="/portalen">
              {t("platformAdmin.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** One portal: names and colour, logo, and (regional portals) deactivating and reactivating. */
export function EditPortalPage({ portalId, created }: { portalId: string; created: boolean }) {
  const errorText = useErrorText();
  const portal = useQuery(adminPortalQuery(portalId));
  if (portal.isPending) return <PageLoader />;
  if (portal.isError) return <Notice color="red">{errorText(portal.error)}</Notice>;
  return <EditPortal key={portal.data.id} portal={portal.data} created={created} />;
}

function EditPortal({ portal, created }: { portal: AdminPortal; created: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<PortalValues>({
    slug: portal.slug,
    nameNl: portal.name.nl,
    nameEn: portal.name.en,
    primaryColor: portal.primaryColor,
  });
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState(false);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refresh = async (next: AdminPortal) => {
    queryClient.setQueryData(platformAdminKeys.portal(next.id), next);
    await queryClient.invalidateQueries({ queryKey: platformAdminKeys.portals, exact: true });
    await queryClient.invalidateQueries({ queryKey: currentPortalQuery.queryKey });
  };
  const save = useMutation({
    mutationFn: () =>
      updatePortal(portal.id, {
        name: { nl: values.nameNl.trim(), en: values.nameEn.trim() },
        primaryColor: values.primaryColor.trim(),
      }),
    onSuccess: async (next) => {
      setSaved(true);
      await refresh(next);
    },
  });
  const logo = useMutation({
    mutationFn: (file: File | null) =>
      file ? uploadPortalLogo(portal.id, file) : removePortalLogo(portal.id),
    onSuccess: refresh,
  });
  const toggle = useMutation({
    mutationFn: () => setPortalActive(portal.id, !portal.active),
    onSuccess: async (next) => {
      setConfirming(false);
      await refresh(next);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setSaved(false);
    save.reset();
    if (valid(values, false)) save.mutate();
  };
  return (
    <Stack gap="lg" maw={900} mx="auto">
      {created && (
        <Notice color="green" status>
          {t("platformAdmin.portals.createdNotice", { url: portal.url })}
        </Notice>
      )}
      <Group gap="sm">
        <StatusBadge active={portal.active} />
        {portal.active ? <Anchor href={portal.url}>{portal.url}</Anchor> : <Text span>{portal.url}</Text>}
      </Group>
      {!portal.active && <Notice color="orange">{t("platformAdmin.portals.inactiveNotice")}</Notice>}
      <Section title={t("platformAdmin.portals.settings")}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError error={save.error} />
            {saved && (
              <Notice color="green" status>
                {t("platformAdmin.saved")}
              </Notice>
            )}
            <PortalFields
              values={values}
              onChange={(next) => {
                setSaved(false);
                setValues(next);
              }}
              error={save.error}
              attempted={attempted}
              withSlug={false}
            />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t("platformAdmin.save")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Section>
      <Section title={t("platformAdmin.portals.logo")}>
        <Stack gap="sm">
          <Text c="dimmed">{t("platformAdmin.portals.logoHint")}</Text>
          {logoError && <Notice color="red">{logoError}</Notice>}
          {logo.error && <FormError error={logo.error} />}
          {portal.logoUrl ? (
            <Image
              src={portal.logoUrl}
              alt={t("platformAdmin.portals.logoAlt", { name: portal.name.nl })}
              maw={240}
              mah={120}
              fit="contain"
            />
          ) : (
            <Text>{t("platformAdmin.portals.noLogo")}</Text>
          )}
          <Group gap="sm">
            <UploadButton
              label={
                portal.logoUrl
                  ? t("platformAdmin.portals.replaceLogo")
                  : t("platformAdmin.portals.uploadLogo")
              }
              accept="image/png,image/jpeg,image/webp"
              maxBytes={LOGO_MAX_BYTES}
              loading={logo.isPending}
              onPick={() => {
                setLogoError(null);
                logo.reset();
              }}
              onTooBig={() => setLogoError(t("platformAdmin.portals.logoTooLarge"))}
              onFile={(file) => logo.mutate(file)}
            />
            {portal.logoUrl && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash aria-hidden="true" size={18} />}
                onClick={() => logo.mutate(null)}
              >
                {t("platformAdmin.portals.removeLogo")}
              </Button>
            )}
          </Group>
        </Stack>
      </Section>
      {!portal.isNational && (
        <Section title={t("platformAdmin.portals.availability")}>
          <Stack gap="sm">
            <Text>
              {portal.active
                ? t("platformAdmin.portals.deactivateHint")
                : t("platformAdmin.portals.reactivateHint")}
            </Text>
            <Group>
              <Button
                variant="light"
                color={portal.active ? "red" : "teal"}
                leftSection={
                  portal.active ? (
                    <IconPlayerPause aria-hidden="true" size={18} />
                  ) : (
                    <IconPlayerPlay aria-hidden="true" size={18} />
                  )
                }
                onClick={() => (portal.active ? setConfirming(true) : toggle.mutate())}
                loading={toggle.isPending && !confirming}
              >
                {portal.active
                  ? t("platformAdmin.portals.deactivate")
                  : t("platformAdmin.portals.reactivate")}
              </Button>
            </Group>
            {!confirming && toggle.error && <FormError error={toggle.error} />}
          </Stack>
        </Section>
      )}
      {portal.isNational && <Text c="dimmed">{t("platformAdmin.portals.nationalHint")}</Text>}
      <Anchor component={AppLink} href="/portalen">
        {t("platformAdmin.portals.back")}
      </Anchor>
      <Dialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("platformAdmin.portals.deactivateTitle", { name: portal.name.nl })}
        closeLabel={t("platformAdmin.close")}
      >
        <Stack gap="sm">
          <Text>{t("platformAdmin.portals.deactivateConfirm")}</Text>
          <FormError error={toggle.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t("platformAdmin.cancel")}
            </Button>
            <Button color="red" loading={toggle.isPending} onClick={() => toggle.mutate()}>
              {t("platformAdmin.portals.deactivate")}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </Stack>
  );
}
