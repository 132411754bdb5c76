import { Button, Group, Select, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MyOnboarding } from "../../../contracts/onboarding";
import { formatDay } from "../../ui/dates";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PageLoader, PlainBadge, Section } from "../vacancies/ui";
import { assignMaterial, markDone, myOnboardingQuery, onboardingKeys } from "./onboarding-api";

/**
 * "Inwerken" for staff: the onboarding actions assigned to them (as leader or as mentor of a new
 * employee), open first, each marked done here; and for a leader the new employees they lead,
 * to whom they give learning material by hand (internal profiles get none by themselves).
 */
export function MyOnboardingPage() {
  const { t } = useTranslation();
  const query = useQuery(myOnboardingQuery);
  const errorText = useErrorText();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  const { actions, led } = query.data;
  const open = actions.filter((a) => !a.doneAt);
  const done = actions.filter((a) => a.doneAt);
  return (
    <Stack gap="lg">
      <Text>{t("onboarding.mine.intro")}</Text>
      <Section title={t("onboarding.mine.open")}>
        {open.length === 0 ? (
          <Text size="sm">{t("onboarding.mine.noneOpen")}</Text>
        ) : (
          <Stack gap="sm">
            {open.map((a) => (
              <ActionRow key={a.id} action={a} />
            ))}
          </Stack>
        )}
      </Section>
      <Section title={t("onboarding.mine.done")}>
        {done.length === 0 ? (
          <Text size="sm">{t("onboarding.mine.noneDone")}</Text>
        ) : (
          <Stack gap="sm">
            {done.map((a) => (
              <ActionRow key={a.id} action={a} />
            ))}
          </Stack>
        )}
      </Section>
      {led.length > 0 && (
        <Section title={t("onboarding.mine.led")}>
          <Stack gap="md">
            {led.map((hire) => (
              <LedHire key={hire.id} hire={hire} />
            ))}
          </Stack>
        </Section>
      )}
    </Stack>
  );
}

type ActionItem = MyOnboarding["actions"][number];

function ActionRow({ action }: { action: ActionItem }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const mark = useMutation({
    mutationFn: () => markDone(action.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: onboardingKeys.mine }),
  });
  const what = t("onboarding.actions.with", { name: action.hire.name });
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={0}>
          <Text fw={600}>
            {t("onboarding.actions.planMeeting")} – {action.hire.name}
          </Text>
          <Text size="sm">
            {action.hire.vacancyTitle} · {t(`onboarding.actions.role.${action.role}`)}
            {action.hire.startDate
              ? ` · ${t("onboarding.mine.starts", { date: formatDay(action.hire.startDate, locale) })}`
              : ""}
          </Text>
        </Stack>
        {action.doneAt ? (
          <PlainBadge color="teal.9">
            {t("onboarding.actions.doneOn", { date: formatDay(action.doneAt.slice(0, 10), locale) })}
          </PlainBadge>
        ) : (
          <Button
            onClick={() => mark.mutate()}
            loading={mark.isPending}
            aria-label={t("onboarding.mine.markDoneFor", { what })}
          >
            {t("onboarding.mine.markDone")}
          </Button>
        )}
      </Group>
      <FormError error={mark.error} />
    </Stack>
  );
}

function LedHire({ hire }: { hire: MyOnboarding["led"][number] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [materialId, setMaterialId] = useState<string | null>(null);
  const given = new Set(hire.materials.map((m) => m.materialId));
  const options = hire.materialOptions.filter((m) => !given.has(m.id));
  const assign = useMutation({
    mutationFn: () => assignMaterial(hire.id, materialId ?? ""),
    onSuccess: () => {
      setMaterialId(null);
      void queryClient.invalidateQueries({ queryKey: onboardingKeys.mine });
    },
  });
  const headingId = `led-${hire.id}`;
  return (
    <Stack gap={6} component="article" aria-labelledby={headingId}>
      <Group gap="xs">
        <Title order={3} size="h5" id={headingId}>
          {hire.name}
        </Title>
        <PlainBadge color="gray.8">{t(`onboarding.profile.${hire.profile}`)}</PlainBadge>
      </Group>
      <Text size="sm">{hire.vacancyTitle}</Text>
      <Text size="sm">
        {t("onboarding.hiring.materials")}:{" "}
        {hire.materials.length === 0
          ? t("onboarding.mine.noMaterial")
          : hire.materials.map((m) => m.title).join(", ")}
      </Text>
      {options.length > 0 ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            assign.mutate();
          }}
        >
          <Group align="flex-end" gap="sm">
            <Select
              label={t("onboarding.mine.giveMaterial", { name: hire.name })}
              data={options.map((m) => ({ value: m.id, label: m.title }))}
              value={materialId}
              onChange={setMaterialId}
              comboboxProps={{ withinPortal: false }}
            />
            <Button type="submit" disabled={!materialId} loading={assign.isPending}>
              {t("onboarding.mine.give")}
            </Button>
          </Group>
          <FormError error={assign.error} />
        </form>
      ) : (
        hire.materialOptions.length === 0 && <Text size="sm">{t("onboarding.mine.noMaterialOptions")}</Text>
      )}
    </Stack>
  );
}
