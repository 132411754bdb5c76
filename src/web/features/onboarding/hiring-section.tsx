import { Anchor, Button, Group, List, Select, Stack, Switch, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Hire, VacancyHiring } from "../../../contracts/onboarding";
import { ApiError } from "../../api";
import { AppLink } from "../../ui/app-link";
import { DateField } from "../../ui/date-field";
import { formatDay } from "../../ui/dates";
import { FormError, fieldErrors, Notice } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PlainBadge, Section } from "../vacancies/ui";
import {
  hireApplicant,
  onboardingKeys,
  setOnboarding,
  updateHire,
  vacancyHiringQuery,
} from "./onboarding-api";

/**
 * "Aanwerving en inwerken" on the vacancy page: hire a laureate ("Aangenomen", with the start date
 * and the mentor), download the starter form, and switch the onboarding on. Shown to the
 * vacancy's staff who see its applicants; changes only for those who manage them.
 */
export function HiringSection({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const query = useQuery(vacancyHiringQuery(vacancyId));
  // Someone who does not see the vacancy's applicants gets 403/404: the section is not theirs.
  if (!query.data) return null;
  const hiring = query.data;
  if (!hiring.selection || (!hiring.mayManage && hiring.hires.length === 0)) return null;
  return (
    <Section title={t("onboarding.hiring.title")}>
      <Stack gap="md">
        {hiring.closed && (
          <Notice color="orange" status>
            {t("onboarding.hiring.closed")}
          </Notice>
        )}
        {hiring.mayManage && <OnboardingSwitch hiring={hiring} />}
        {hiring.mayManage && <HireForm hiring={hiring} />}
        <Title order={3} size="h4">
          {t("onboarding.hiring.hires")}
        </Title>
        {hiring.hires.length === 0 ? (
          <Text size="sm">{t("onboarding.hiring.noHires")}</Text>
        ) : (
          hiring.hires.map((hire) => <HireCard key={hire.id} hire={hire} hiring={hiring} />)
        )}
      </Stack>
    </Section>
  );
}

function OnboardingSwitch({ hiring }: { hiring: VacancyHiring }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (enabled: boolean) => setOnboarding(hiring.vacancyId, enabled),
    onSuccess: (data) => queryClient.setQueryData(onboardingKeys.vacancy(hiring.vacancyId), data),
  });
  return (
    <Stack gap={4}>
      <Switch
        label={t("onboarding.hiring.onboardingSwitch")}
        description={t("onboarding.hiring.onboardingHint")}
        checked={hiring.onboarding}
        disabled={save.isPending}
        onChange={(event) => save.mutate(event.currentTarget.checked)}
      />
      <FormError error={save.error} />
    </Stack>
  );
}

function HireForm({ hiring }: { hiring: VacancyHiring }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [matchId, setMatchId] = useState<string | null>(null);
  const [startDate, setStartDate] = useState("");
  const [mentor, setMentor] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const chosen = hiring.applicants.find((a) => a.matchId === matchId);
  const hire = useMutation({
    mutationFn: () =>
      hireApplicant(hiring.vacancyId, {
        matchId: matchId ?? "",
        startDate: startDate || null,
        mentorUserId: mentor,
      }),
    onSuccess: (created) => {
      setDone(created.name);
      setMatchId(null);
      setStartDate("");
      setMentor(null);
      void queryClient.invalidateQueries({ queryKey: onboardingKeys.vacancy(hiring.vacancyId) });
      void queryClient.invalidateQueries({ queryKey: ["applicants"] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    hire.mutate();
  };
  const error = hire.error;
  const general = error && (!(error instanceof ApiError) || error.fields.length === 0);
  if (hiring.applicants.length === 0) return <Text size="sm">{t("onboarding.hiring.nobodyToHire")}</Text>;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="hire-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="hire-title">
          {t("onboarding.hiring.hireTitle")}
        </Title>
        <Text size="sm">{t("onboarding.hiring.hireIntro")}</Text>
        {done && (
          <Notice color="green" status>
            {t("onboarding.hiring.hired", { name: done })}
          </Notice>
        )}
        {general && <FormError error={error} />}
        <Select
          label={t("onboarding.hiring.applicant")}
          data={hiring.applicants.map((a) => ({
            value: a.matchId,
            label: `${a.name} (${locale === "nl" ? a.phase.nl : a.phase.en})`,
          }))}
          value={matchId}
          onChange={setMatchId}
          required
          searchable
          comboboxProps={{ withinPortal: false }}
        />
        {chosen && !chosen.hasRegisterNumber && (
          <Notice color="orange">
            {t("onboarding.hiring.numberMissing")}{" "}
            <Anchor
              component={AppLink}
              href={`/vacaturebeheer/${hiring.vacancyId}/sollicitanten/${chosen.matchId}`}
            >
              {t("onboarding.hiring.toCorrections", { name: chosen.name })}
            </Anchor>
          </Notice>
        )}
        <DateField
          label={t("onboarding.hiring.startDate")}
          value={startDate}
          onChange={setStartDate}
          error={fieldErrors(error, "startDate")[0]}
        />
        <Select
          label={t("onboarding.hiring.mentor")}
          description={t("onboarding.hiring.mentorHint")}
          data={hiring.mentorOptions.map((p) => ({ value: p.id, label: p.name }))}
          value={mentor}
          onChange={setMentor}
          clearable
          searchable
          comboboxProps={{ withinPortal: false }}
          error={fieldErrors(error, "mentorUserId")[0]}
        />
        <Button
          type="submit"
          loading={hire.isPending}
          disabled={!matchId}
          style={{ alignSelf: "flex-start" }}
        >
          {t("onboarding.hiring.hire")}
        </Button>
      </Stack>
    </form>
  );
}

function HireCard({ hire, hiring }: { hire: Hire; hiring: VacancyHiring }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [startDate, setStartDate] = useState(hire.startDate ?? "");
  const [mentor, setMentor] = useState<string | null>(hire.mentor?.id ?? null);
  const save = useMutation({
    mutationFn: () =>
      updateHire(hire.vacancyId, hire.matchId, { startDate: startDate || null, mentorUserId: mentor }),
    onSuccess: () => {
      setEditing(false);
      void queryClient.invalidateQueries({ queryKey: onboardingKeys.vacancy(hire.vacancyId) });
    },
  });
  const headingId = `hire-${hire.id}`;
  return (
    <Stack gap={6} component="article" aria-labelledby={headingId}>
      <Group gap="xs">
        <Title order={4} size="h5" id={headingId}>
          {hire.name}
        </Title>
        <PlainBadge color="gray.8">{t(`onboarding.profile.${hire.profile}`)}</PlainBadge>
      </Group>
      <Text size="sm">
        {t("onboarding.hiring.startDate")}:{" "}
        {hire.startDate ? formatDay(hire.startDate, locale) : t("onboarding.hiring.notSet")} ·{" "}
        {t("onboarding.hiring.leader")}: {hire.leader?.name ?? t("onboarding.hiring.notSet")} ·{" "}
        {t("onboarding.hiring.mentor")}: {hire.mentor?.name ?? t("onboarding.hiring.notSet")}
      </Text>
      {hire.actions.length > 0 && (
        <List size="sm">
          {hire.actions.map((a) => (
            <List.Item key={a.id}>
              {t("onboarding.actions.planMeeting")} – {a.assignee.name} (
              {t(`onboarding.actions.role.${a.role}`)}):{" "}
              {a.doneAt ? t("onboarding.actions.done") : t("onboarding.actions.open")}
            </List.Item>
          ))}
        </List>
      )}
      {hire.materials.length > 0 && (
        <Text size="sm">
          {t("onboarding.hiring.materials")}: {hire.materials.map((m) => m.title).join(", ")}
        </Text>
      )}
      {hiring.mayManage && editing ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="xs">
            <FormError
              error={save.error instanceof ApiError && save.error.fields.length > 0 ? null : save.error}
            />
            <DateField
              label={t("onboarding.hiring.startDate")}
              value={startDate}
              onChange={setStartDate}
              error={fieldErrors(save.error, "startDate")[0]}
            />
            <Select
              label={t("onboarding.hiring.mentor")}
              data={hiring.mentorOptions.map((p) => ({ value: p.id, label: p.name }))}
              value={mentor}
              onChange={setMentor}
              clearable
              searchable
              comboboxProps={{ withinPortal: false }}
              error={fieldErrors(save.error, "mentorUserId")[0]}
            />
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t("onboarding.hiring.save")}
              </Button>
              <Button variant="subtle" onClick={() => setEditing(false)}>
                {t("onboarding.hiring.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group gap="sm">
          {hiring.mayDownload && (
            <Button
              component="a"
              href={`${hire.starterFormUrl}?lang=${locale}`}
              download
              variant="light"
              leftSection={<IconDownload aria-hidden="true" size={16} />}
            >
              {t("onboarding.hiring.starterForm", { name: hire.name })}
            </Button>
          )}
          {hiring.mayManage && (
            <Button variant="subtle" onClick={() => setEditing(true)}>
              {t("onboarding.hiring.edit", { name: hire.name })}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
