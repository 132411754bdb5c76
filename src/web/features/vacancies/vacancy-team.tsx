import { Button, Group, MultiSelect, Select, Stack, Text } from "@mantine/core";
import { IconUsersGroup } from "@tabler/icons-react";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PersonRef } from "../../../contracts/vacancies";
import {
  type PutVacancyTeamRequest,
  type VacancyTeam,
  VacancyTeamOptionsSchema,
  VacancyTeamSchema,
} from "../../../contracts/vacancy-team";
import { ApiError, api } from "../../api";
import { Dialog } from "../../ui/dialog";
import { Facts } from "../../ui/facts";
import { FormError } from "../identity/forms";
import { Section } from "./ui";

const teamPath = (id: string) => `/api/v1/vacancies/${encodeURIComponent(id)}/team`;

export const vacancyTeamQuery = (id: string) =>
  queryOptions({
    queryKey: ["vacancies", "team", id],
    queryFn: ({ signal }) => api(teamPath(id), VacancyTeamSchema, { signal }),
  });

const teamOptionsQuery = (id: string) =>
  queryOptions({
    queryKey: ["vacancies", "team", id, "options"],
    queryFn: ({ signal }) => api(`${teamPath(id)}/options`, VacancyTeamOptionsSchema, { signal }),
  });

const PLACES = ["coOwners", "hr", "leaders", "jury"] as const;
type Place = (typeof PLACES)[number];

const names = (people: readonly PersonRef[]) => people.map((p) => p.name).join(", ");

/**
 * The vacancy's selection team (Vlimpers): the primary owner, co-owners, HR officer, leader and
 * jury members. Shown where there is a team, or where the caller may form one and the
 * organisation has people for it.
 */
export function VacancyTeamPanel({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const team = useQuery(vacancyTeamQuery(vacancyId));
  const mayChange = team.data?.mayChange ?? false;
  const options = useQuery({ ...teamOptionsQuery(vacancyId), enabled: mayChange });
  const [editing, setEditing] = useState(false);
  if (!team.data) return null;
  const hasTeam = PLACES.some((p) => team.data[p].length > 0);
  const canForm =
    mayChange &&
    (options.data?.hr.length ?? 0) + (options.data?.leaders.length ?? 0) + (options.data?.jury.length ?? 0) >
      0;
  if (!hasTeam && !canForm) return null;
  const none = t("vacancies.team.none");

  return (
    <Section
      title={t("vacancies.team.title")}
      action={
        canForm ? (
          <Button
            variant="light"
            leftSection={<IconUsersGroup aria-hidden="true" size={16} />}
            onClick={() => setEditing(true)}
          >
            {t("vacancies.team.change")}
          </Button>
        ) : undefined
      }
    >
      <Facts
        items={[
          [t("vacancies.team.owner"), team.data.owner?.name ?? none],
          ...PLACES.map((p): [string, string] => [t(`vacancies.team.${p}`), names(team.data[p]) || none]),
        ]}
      />
      {editing && options.data && (
        <TeamDialog
          vacancyId={vacancyId}
          team={team.data}
          options={options.data}
          onClose={() => setEditing(false)}
        />
      )}
    </Section>
  );
}

function TeamDialog({
  vacancyId,
  team,
  options,
  onClose,
}: {
  vacancyId: string;
  team: VacancyTeam;
  options: { owners: PersonRef[]; hr: PersonRef[]; leaders: PersonRef[]; jury: PersonRef[] };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PutVacancyTeamRequest>({
    ownerUserId: team.owner?.id ?? null,
    coOwners: team.coOwners.map((p) => p.id),
    hr: team.hr.map((p) => p.id),
    leaders: team.leaders.map((p) => p.id),
    jury: team.jury.map((p) => p.id),
  });
  const save = useMutation({
    mutationFn: () => api(teamPath(vacancyId), VacancyTeamSchema, { method: "PUT", body: draft }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(vacancyTeamQuery(vacancyId).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: ["vacancies", "detail", vacancyId] });
      await queryClient.invalidateQueries({ queryKey: ["vacancies", "history", vacancyId] });
      onClose();
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fields : [];
  // "jury.2": the message goes under the jury field (each person's place is checked).
  const errorOf = (place: string) =>
    fields.find((f) => f.path === place || f.path.startsWith(`${place}.`))?.message;
  // Anyone already on the team stays choosable, even if the options no longer offer them.
  const choices = (offered: readonly PersonRef[], current: readonly PersonRef[]) => {
    const byId = new Map<string, PersonRef>();
    for (const p of [...offered, ...current]) byId.set(p.id, p);
    return [...byId.values()].map((p) => ({
      value: p.id,
      label: p.email ? `${p.name} (${p.email})` : p.name,
    }));
  };
  const placeOptions: Record<Place, readonly PersonRef[]> = {
    coOwners: options.owners,
    hr: options.hr,
    leaders: options.leaders,
    jury: options.jury,
  };

  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("vacancies.team.dialogTitle")}
      closeLabel={t("vacancies.team.close")}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t("vacancies.team.intro")}</Text>
          <Select
            label={t("vacancies.team.owner")}
            description={t("vacancies.team.ownerHelp")}
            data={choices(options.owners, team.owner ? [team.owner] : [])}
            value={draft.ownerUserId}
            onChange={(value) => setDraft({ ...draft, ownerUserId: value })}
            clearable
            searchable
            error={errorOf("ownerUserId")}
          />
          {PLACES.map((place) => (
            <MultiSelect
              key={place}
              label={t(`vacancies.team.${place}`)}
              description={t(`vacancies.team.${place}Help`)}
              data={choices(placeOptions[place], team[place])}
              value={draft[place]}
              onChange={(value) => setDraft({ ...draft, [place]: value })}
              searchable
              nothingFoundMessage={t("vacancies.team.nobody")}
              error={errorOf(place)}
            />
          ))}
          {fields.length === 0 && <FormError error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t("vacancies.team.cancel")}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t("vacancies.team.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
