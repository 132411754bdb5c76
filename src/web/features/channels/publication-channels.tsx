import { Anchor, Button, Checkbox, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CHANNEL_MANAGER_ROLES, type VacancyChannels } from "../../../contracts/channels";
import type { Vacancy } from "../../../contracts/vacancies";
import { ApiError } from "../../api";
import { AppLink } from "../../ui/app-link";
import { meQuery } from "../account/me-query";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { PageLoader, Section } from "../vacancies/ui";
import { channelKeys, saveVacancyChannels, vacancyChannelsQuery } from "./channels-api";

interface Choice {
  publicBoard: boolean;
  internal: boolean;
  jobSites: string[];
}

const choiceOf = (channels: VacancyChannels): Choice => ({
  publicBoard: channels.publicBoard,
  internal: channels.internal,
  jobSites: channels.jobSites,
});

/**
 * "Publicatiekanalen" (Vlimpers, multiposter): where the vacancy goes — the portal's public job
 * board, the internal career site (staff of the organisation family) and external job sites.
 * Shown to those who may publish the vacancy.
 */
export function PublicationChannels({ vacancy }: { vacancy: Vacancy }) {
  const { t } = useTranslation();
  if (!vacancy.permissions.publish) return null;
  return (
    <Section title={t("channels.section.title")}>
      <ChannelsForm vacancy={vacancy} />
    </Section>
  );
}

function ChannelsForm({ vacancy }: { vacancy: Vacancy }) {
  const query = useQuery(vacancyChannelsQuery(vacancy.id));
  const errorText = useErrorText();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  // The form starts from the stored channels and takes them over again after each save.
  return <ChannelsFields vacancy={vacancy} channels={query.data} />;
}

function ChannelsFields({ vacancy, channels }: { vacancy: Vacancy; channels: VacancyChannels }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<Choice>(choiceOf(channels));
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: Choice) => saveVacancyChannels(vacancy.id, body),
    onSuccess: (stored) => {
      queryClient.setQueryData(channelKeys.vacancy(vacancy.id), stored);
      setChoice(choiceOf(stored));
      // The board and the career site are the vacancy's audience dates: its page shows them.
      void queryClient.invalidateQueries({ queryKey: ["vacancies"] });
      setSaved(true);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(choice);
  };
  const error = save.error;
  const shown = (path: string) => path === "publicBoard" || path.startsWith("jobSites");
  const otherErrors = error instanceof ApiError && error.fields.some((f) => !shown(f.path));
  const siteError = (index: number) => fieldErrors(error, `jobSites.${index}`)[0];
  const roles = useQuery(meQuery).data?.roles ?? [];
  const managesSites = roles.some((r) => (CHANNEL_MANAGER_ROLES as readonly string[]).includes(r));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("channels.section.intro")}
        </Text>
        {saved && (
          <Notice color="green" status>
            {t("channels.section.saved")}
          </Notice>
        )}
        {error && (!(error instanceof ApiError) || error.fields.length === 0) && <FormError error={error} />}
        {otherErrors && (
          // The vacancy itself refuses the change (e.g. its closing date has passed): fixed in its form.
          <Notice color="red">
            {t("channels.section.vacancyRefuses")}{" "}
            {vacancy.permissions.edit && (
              <Anchor component={AppLink} href={`/vacaturebeheer/${vacancy.id}/bewerken`}>
                {t("channels.section.editVacancy")}
              </Anchor>
            )}
          </Notice>
        )}
        <Checkbox
          label={t("channels.section.publicBoard")}
          description={t("channels.section.publicBoardHint")}
          checked={choice.publicBoard}
          onChange={(event) => {
            const publicBoard = event.currentTarget.checked;
            setChoice((c) => ({ ...c, publicBoard }));
          }}
          error={fieldErrors(error, "publicBoard")[0]}
        />
        <Checkbox
          label={t("channels.section.internal")}
          description={t("channels.section.internalHint")}
          checked={choice.internal}
          onChange={(event) => {
            const internal = event.currentTarget.checked;
            setChoice((c) => ({ ...c, internal }));
          }}
        />
        <Checkbox.Group
          label={t("channels.section.jobSites")}
          description={t("channels.section.jobSitesHint")}
          value={choice.jobSites}
          onChange={(codes) => setChoice((c) => ({ ...c, jobSites: codes }))}
        >
          <Stack gap="xs" mt="xs">
            {channels.available.length === 0 && <Text size="sm">{t("channels.section.noJobSites")}</Text>}
            {channels.available.map((site) => (
              <Checkbox
                key={site.code}
                value={site.code}
                label={t("channels.section.jobSiteOption", { name: site.name, code: site.code })}
                error={siteError(choice.jobSites.indexOf(site.code))}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t("channels.section.save")}
          </Button>
          {managesSites && (
            <Anchor component={AppLink} href="/vacaturesites" size="sm">
              {t("channels.section.manageSites")}
            </Anchor>
          )}
        </Group>
      </Stack>
    </form>
  );
}
