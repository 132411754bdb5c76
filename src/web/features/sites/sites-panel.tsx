import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { IconEdit, IconPlayerPause, IconPlayerPlay, IconPlus, IconUsers } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Site, SitePerson } from "../../../contracts/sites";
import { ApiError } from "../../api";
import { Dialog } from "../../ui/dialog";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import {
  loadPlaceOptions,
  PageLoader,
  PlainBadge,
  type RemoteOption,
  RemoteSelect,
  Section,
} from "../vacancies/ui";
import { createSite, setSiteActive, setSiteStaff, siteKeys, siteListQuery, updateSite } from "./sites-api";

interface SiteValues {
  name: string;
  street: string;
  houseNumber: string;
  postcode: string;
  place: RemoteOption | null;
}

const EMPTY: SiteValues = { name: "", street: "", houseNumber: "", postcode: "", place: null };

function valuesOf(site: Site): SiteValues {
  return {
    name: site.name,
    street: site.street,
    houseNumber: site.houseNumber,
    postcode: site.postcode,
    place: site.place ? { value: site.place.id, label: site.place.name } : null,
  };
}

/** The first message the server gave for a field, for the input's error. */
function fieldError(error: unknown, path: string): string | undefined {
  return fieldErrors(error, path)[0];
}

/** Add or change a site: its name and address; the place gives the coordinates. */
function SiteDialog({
  organisationId,
  site,
  opened,
  onClose,
  onSaved,
}: {
  organisationId: string;
  /** null: a new site. */
  site: Site | null;
  opened: boolean;
  onClose: () => void;
  onSaved: (site: Site) => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<SiteValues>(site ? valuesOf(site) : EMPTY);
  const [placeMissing, setPlaceMissing] = useState(false);
  const save = useMutation({
    mutationFn: (v: SiteValues & { place: RemoteOption }) => {
      const body = {
        name: v.name,
        street: v.street,
        houseNumber: v.houseNumber,
        postcode: v.postcode,
        placeId: v.place.value,
      };
      return site ? updateSite(organisationId, site.id, body) : createSite(organisationId, body);
    },
    onSuccess: onSaved,
  });
  const set = <K extends keyof SiteValues>(key: K, value: SiteValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!values.place) {
      setPlaceMissing(true);
      return;
    }
    setPlaceMissing(false);
    save.mutate({ ...values, place: values.place });
  };
  const error = save.error;
  const shown = new Set(["name", "street", "houseNumber", "postcode", "placeId"]);
  const unplaced = error instanceof ApiError && error.fields.some((f) => !shown.has(f.path));
  return (
    <Dialog
      opened={opened}
      onClose={onClose}
      title={site ? t("sites.editTitle", { name: site.name }) : t("sites.addTitle")}
      closeLabel={t("sites.close")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error && (!(error instanceof ApiError) || error.fields.length === 0 || unplaced) && (
            <FormError error={error} />
          )}
          <TextInput
            label={t("sites.fields.name")}
            description={t("sites.fields.nameHint")}
            required
            data-autofocus
            value={values.name}
            onChange={(event) => set("name", event.currentTarget.value)}
            error={fieldError(error, "name")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("sites.fields.street")}
              required
              autoComplete="off"
              value={values.street}
              onChange={(event) => set("street", event.currentTarget.value)}
              error={fieldError(error, "street")}
            />
            <TextInput
              label={t("sites.fields.houseNumber")}
              required
              autoComplete="off"
              value={values.houseNumber}
              onChange={(event) => set("houseNumber", event.currentTarget.value)}
              error={fieldError(error, "houseNumber")}
            />
            <TextInput
              label={t("sites.fields.postcode")}
              required
              autoComplete="off"
              value={values.postcode}
              onChange={(event) => set("postcode", event.currentTarget.value)}
              error={fieldError(error, "postcode")}
            />
            <RemoteSelect
              label={t("sites.fields.place")}
              required
              value={values.place}
              cacheKey="places"
              load={loadPlaceOptions}
              onChange={(option) => set("place", option)}
              error={placeMissing ? t("sites.placeRequired") : fieldError(error, "placeId")}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("sites.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("sites.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

/** Which of the organisation's staff are limited to this site (they then see only its work). */
function StaffDialog({
  organisationId,
  site,
  staff,
  opened,
  onClose,
  onSaved,
}: {
  organisationId: string;
  site: Site;
  staff: readonly SitePerson[];
  opened: boolean;
  onClose: () => void;
  onSaved: (site: Site) => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(site.staff.map((p) => p.id));
  const save = useMutation({
    mutationFn: (userIds: string[]) => setSiteStaff(organisationId, site.id, userIds),
    onSuccess: onSaved,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(chosen);
  };
  return (
    <Dialog
      opened={opened}
      onClose={onClose}
      title={t("sites.staffTitle", { name: site.name })}
      closeLabel={t("sites.close")}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t("sites.staffHelp")}</Text>
          <FormError error={save.error} />
          <MultiSelect
            label={t("sites.staffLabel")}
            placeholder={chosen.length === 0 ? t("sites.staffPlaceholder") : undefined}
            searchable
            data-autofocus
            data={staff.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))}
            value={chosen}
            onChange={setChosen}
            nothingFoundMessage={t("sites.noStaffFound")}
            // Inside the dialog, so the open list is part of it (not loose content on the page).
            comboboxProps={{ withinPortal: false }}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t("sites.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("sites.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

type Open = { kind: "add" } | { kind: "edit"; site: Site } | { kind: "staff"; site: Site } | null;

function address(site: Site): string {
  return `${site.street} ${site.houseNumber}, ${site.postcode} ${site.city}`;
}

/**
 * "Locaties": an organisation's sites with their addresses, the staff limited to each and the
 * number of vacancies there; add, change, deactivate and reactivate them.
 */
export function SitesPanel({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [showInactive, setShowInactive] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useQuery(siteListQuery(organisationId, showInactive));
  const refresh = () => queryClient.invalidateQueries({ queryKey: siteKeys.all });
  const toggle = useMutation({
    mutationFn: (site: Site) => setSiteActive(organisationId, site.id, !site.active),
    onSuccess: async (site) => {
      await refresh();
      setNotice(t(site.active ? "sites.reactivated" : "sites.deactivated", { name: site.name }));
    },
  });
  const saved = (key: string) => async (site: Site) => {
    await refresh();
    setOpen(null);
    setNotice(t(key, { name: site.name }));
  };

  if (list.isPending) return <PageLoader />;
  if (list.isError) return <Notice color="red">{errorText(list.error)}</Notice>;
  const { organisation, sites, staff } = list.data;

  return (
    <Stack gap="md">
      {notice && (
        <Notice color="green" status>
          {notice}
        </Notice>
      )}
      <FormError error={toggle.error} />
      <Section
        title={t("sites.sectionTitle", { name: organisation.name })}
        action={
          <Button
            leftSection={<IconPlus aria-hidden="true" size={16} />}
            onClick={() => {
              setNotice(null);
              setOpen({ kind: "add" });
            }}
          >
            {t("sites.add")}
          </Button>
        }
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("sites.intro")}
          </Text>
          <Checkbox
            label={t("sites.showInactive")}
            checked={showInactive}
            onChange={(event) => setShowInactive(event.currentTarget.checked)}
          />
          {sites.length === 0 ? (
            <Text>{t(showInactive ? "sites.noneAtAll" : "sites.none")}</Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="xs" aria-label={t("sites.tableLabel", { name: organisation.name })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("sites.columns.name")}</Table.Th>
                    <Table.Th scope="col">{t("sites.columns.address")}</Table.Th>
                    <Table.Th scope="col">{t("sites.columns.staff")}</Table.Th>
                    <Table.Th scope="col">{t("sites.columns.vacancies")}</Table.Th>
                    <Table.Th scope="col">{t("sites.columns.status")}</Table.Th>
                    <Table.Th scope="col">{t("sites.columns.actions")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sites.map((site) => (
                    <Table.Tr key={site.id}>
                      <Table.Th scope="row" fw={700}>
                        {site.name}
                      </Table.Th>
                      <Table.Td>{address(site)}</Table.Td>
                      <Table.Td>
                        {site.staff.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            {t("sites.noLimits")}
                          </Text>
                        ) : (
                          site.staff.map((p) => p.name).join(", ")
                        )}
                      </Table.Td>
                      <Table.Td>{site.vacancyCount}</Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        <PlainBadge color={site.active ? "teal.9" : "dark.6"}>
                          {t(site.active ? "sites.active" : "sites.inactive")}
                        </PlainBadge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            leftSection={<IconEdit aria-hidden="true" size={14} />}
                            onClick={() => {
                              setNotice(null);
                              setOpen({ kind: "edit", site });
                            }}
                          >
                            {t("sites.edit")}
                            <VisuallyHidden>{` ${site.name}`}</VisuallyHidden>
                          </Button>
                          <Button
                            size="xs"
                            variant="light"
                            leftSection={<IconUsers aria-hidden="true" size={14} />}
                            onClick={() => {
                              setNotice(null);
                              setOpen({ kind: "staff", site });
                            }}
                          >
                            {t("sites.staff")}
                            <VisuallyHidden>{` ${site.name}`}</VisuallyHidden>
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            leftSection={
                              site.active ? (
                                <IconPlayerPause aria-hidden="true" size={14} />
                              ) : (
                                <IconPlayerPlay aria-hidden="true" size={14} />
                              )
                            }
                            loading={toggle.isPending && toggle.variables?.id === site.id}
                            onClick={() => {
                              setNotice(null);
                              toggle.mutate(site);
                            }}
                          >
                            {t(site.active ? "sites.deactivate" : "sites.reactivate")}
                            <VisuallyHidden>{` ${site.name}`}</VisuallyHidden>
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      </Section>
      {open?.kind === "add" && (
        <SiteDialog
          organisationId={organisationId}
          site={null}
          opened
          onClose={() => setOpen(null)}
          onSaved={saved("sites.added")}
        />
      )}
      {open?.kind === "edit" && (
        <SiteDialog
          key={open.site.id}
          organisationId={organisationId}
          site={open.site}
          opened
          onClose={() => setOpen(null)}
          onSaved={saved("sites.saved")}
        />
      )}
      {open?.kind === "staff" && (
        <StaffDialog
          key={open.site.id}
          organisationId={organisationId}
          site={open.site}
          staff={staff}
          opened
          onClose={() => setOpen(null)}
          onSaved={saved("sites.staffSaved")}
        />
      )}
    </Stack>
  );
}
