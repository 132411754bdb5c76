import { Button, Code, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconPlayerPause, IconPlayerPlay, IconPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { JobSite, JobSiteListResponse } from "../../../contracts/channels";
import { ApiError } from "../../api";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { PageLoader, PlainBadge, Section } from "../vacancies/ui";
import { channelKeys, createJobSite, jobSitesQuery, updateJobSite } from "./channels-api";

/**
 * "Vacaturesites": the external job sites the organisation family posts to (multiposter). Each
 * has a code, the utm_source its feed's links carry, so views, clicks and applications from it
 * are counted per site in the reports.
 */
export function JobSitesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery(jobSitesQuery);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const { organisations, jobSites } = query.data;
  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <Text c="dimmed">{t("channels.sites.intro")}</Text>
      {organisations.length === 0 ? (
        <Notice color="orange">{t("channels.sites.notForYou")}</Notice>
      ) : (
        <AddJobSite organisations={organisations} />
      )}
      <Section title={t("channels.sites.listTitle")}>
        {jobSites.length === 0 ? <Text>{t("channels.sites.none")}</Text> : <JobSiteTable sites={jobSites} />}
      </Section>
    </Stack>
  );
}

function AddJobSite({ organisations }: { organisations: JobSiteListResponse["organisations"] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [organisationId, setOrganisationId] = useState<string | null>(organisations[0]?.id ?? null);
  const [name, setName] = useState("");
  const [code, setCode] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => createJobSite({ organisationId: organisationId ?? "", name, code }),
    onSuccess: (site) => {
      void queryClient.invalidateQueries({ queryKey: channelKeys.jobSites });
      setAdded(site.name);
      setName("");
      setCode("");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(null);
    add.mutate();
  };
  const error = add.error;
  const shown = new Set(["organisationId", "name", "code"]);
  const unplaced = error instanceof ApiError && error.fields.some((f) => !shown.has(f.path));
  return (
    <Section title={t("channels.sites.addTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {added && (
            <Notice color="green" status>
              {t("channels.sites.added", { name: added })}
            </Notice>
          )}
          {error && (!(error instanceof ApiError) || error.fields.length === 0 || unplaced) && (
            <FormError error={error} />
          )}
          <SimpleGrid cols={{ base: 1, sm: organisations.length > 1 ? 3 : 2 }}>
            {organisations.length > 1 && (
              <Select
                label={t("channels.sites.organisation")}
                required
                value={organisationId}
                onChange={setOrganisationId}
                data={organisations.map((o) => ({ value: o.id, label: o.name }))}
                error={fieldErrors(error, "organisationId")[0]}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            <TextInput
              label={t("channels.sites.name")}
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={fieldErrors(error, "name")[0]}
            />
            <TextInput
              label={t("channels.sites.code")}
              description={t("channels.sites.codeHint")}
              required
              autoComplete="off"
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={fieldErrors(error, "code")[0]}
            />
          </SimpleGrid>
          <Button
            type="submit"
            loading={add.isPending}
            leftSection={<IconPlus aria-hidden="true" size={16} />}
            style={{ alignSelf: "flex-start" }}
          >
            {t("channels.sites.add")}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function JobSiteTable({ sites }: { sites: JobSite[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const toggle = useMutation({
    mutationFn: (site: JobSite) => updateJobSite(site.id, { active: !site.active }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: channelKeys.jobSites }),
  });
  const several = new Set(sites.map((s) => s.organisation.id)).size > 1;
  return (
    <Stack gap="sm">
      {toggle.isError && <Notice color="red">{errorText(toggle.error)}</Notice>}
      <Table.ScrollContainer minWidth={760}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("channels.sites.name")}</Table.Th>
              {several && <Table.Th scope="col">{t("channels.sites.organisation")}</Table.Th>}
              <Table.Th scope="col">{t("channels.sites.code")}</Table.Th>
              <Table.Th scope="col">{t("channels.sites.feed")}</Table.Th>
              <Table.Th scope="col">{t("channels.sites.vacancies")}</Table.Th>
              <Table.Th scope="col">{t("channels.sites.state")}</Table.Th>
              <Table.Th scope="col">{t("channels.sites.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sites.map((site) => (
              <Table.Tr key={site.id}>
                <Table.Th scope="row">{site.name}</Table.Th>
                {several && <Table.Td>{site.organisation.name}</Table.Td>}
                <Table.Td>
                  <Code>{site.code}</Code>
                </Table.Td>
                <Table.Td style={{ wordBreak: "break-all" }}>
                  <Code>{site.feedUrl}</Code>
                </Table.Td>
                <Table.Td>{site.vacancyCount}</Table.Td>
                <Table.Td>
                  <PlainBadge color={site.active ? "teal.9" : "gray.8"}>
                    {site.active ? t("channels.sites.active") : t("channels.sites.inactive")}
                  </PlainBadge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      loading={toggle.isPending && toggle.variables?.id === site.id}
                      onClick={() => toggle.mutate(site)}
                      leftSection={
                        site.active ? (
                          <IconPlayerPause aria-hidden="true" size={14} />
                        ) : (
                          <IconPlayerPlay aria-hidden="true" size={14} />
                        )
                      }
                      aria-label={
                        site.active
                          ? t("channels.sites.deactivateNamed", { name: site.name })
                          : t("channels.sites.reactivateNamed", { name: site.name })
                      }
                    >
                      {site.active ? t("channels.sites.deactivate") : t("channels.sites.reactivate")}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
