import { Button, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouterState } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { type IntakeRequest, type IntakeStatus, IntakeStatusSchema } from "../../../contracts/candidates";
import { api } from "../../api";
import { DateField } from "../../ui/date-field";
import { meQuery } from "../account/me-query";
import { AuthCard, FormError, fieldErrors } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { menuRoleOnSide } from "../navigation/menu";
import { useSide } from "../navigation/side";
import { PageLoader, type RemoteOption, RemoteSelect } from "../vacancies/ui";
import { referenceListsQuery, searchPlaces } from "../vacancies/vacancies-api";
import { OccupationPicker } from "./occupation-picker";

export const intakeQuery = queryOptions({
  queryKey: ["candidates", "me", "intake"],
  queryFn: ({ signal }) => api("/api/v1/candidates/me/intake", IntakeStatusSchema, { signal }),
  staleTime: 5 * 60_000,
});

/** Pages a candidate may open before answering the portal's questions. */
const OPEN = new Set([
  "/inloggen",
  "/uitloggen",
  "/registreren",
  "/registreren/bevestigd",
  "/wachtwoord-vergeten",
  "/wachtwoord-herstellen",
  "/uitnodiging",
  "/account-activeren",
  "/over",
  "/instellingen",
  "/dev/mail",
]);

function IntakeForm({ status }: { status: IntakeStatus }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const lists = useQuery(referenceListsQuery);
  const asks = new Set(status.required);
  const [phone, setPhone] = useState(status.values.phone ?? "");
  const [place, setPlace] = useState<RemoteOption | null>(
    status.values.placeId && status.values.placeName
      ? { value: status.values.placeId, label: status.values.placeName }
      : null,
  );
  const [birthDate, setBirthDate] = useState(status.values.birthDate ?? "");
  const [workLevel, setWorkLevel] = useState<string | null>(status.values.workLevel);
  const [occupations, setOccupations] = useState<string[]>(status.values.desiredOccupationIds);
  const [hoursMin, setHoursMin] = useState<number | string>(status.values.hoursMin ?? "");
  const [hoursMax, setHoursMax] = useState<number | string>(status.values.hoursMax ?? "");
  const save = useMutation({
    mutationFn: (body: IntakeRequest) =>
      api("/api/v1/candidates/me/intake", IntakeStatusSchema, { method: "PUT", body }),
    onSuccess: (next) => {
      queryClient.setQueryData(intakeQuery.queryKey, next);
      void queryClient.invalidateQueries({ queryKey: ["candidates", "me"] });
    },
  });
  const error = (path: string) => fieldErrors(save.error, path)[0];
  const number = (v: number | string) => (typeof v === "number" ? v : null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: IntakeRequest = {};
    if (asks.has("phone")) body.phone = phone.trim() || null;
    if (asks.has("place")) body.placeId = place?.value ?? null;
    if (asks.has("birthDate")) body.birthDate = birthDate || null;
    if (asks.has("workLevel")) body.workLevel = workLevel;
    if (asks.has("occupations")) body.desiredOccupationIds = occupations;
    if (asks.has("availability")) {
      body.hoursMin = number(hoursMin);
      body.hoursMax = number(hoursMax);
    }
    save.mutate(body);
  }

  const portal = status.portal.name[locale] || status.portal.name.nl;
  return (
    <AuthCard size={640}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3">
            {t("intake.title", { portal })}
          </Title>
          <Text>{status.member ? t("intake.intro", { portal }) : t("intake.join", { portal })}</Text>
          <FormError error={save.error} />
          {asks.has("phone") && (
            <TextInput
              label={t("intake.phone")}
              type="tel"
              autoComplete="tel"
              required
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={error("phone")}
            />
          )}
          {asks.has("place") && (
            <RemoteSelect
              label={t("intake.place")}
              required
              value={place}
              cacheKey="places"
              load={async (q, signal) =>
                (await searchPlaces(q, signal)).map((p) => ({ value: p.id, label: p.name }))
              }
              onChange={setPlace}
              error={error("placeId")}
            />
          )}
          {asks.has("birthDate") && (
            <DateField
              label={t("intake.birthDate")}
              required
              value={birthDate}
              onChange={(day) => setBirthDate(day)}
              error={error("birthDate")}
            />
          )}
          {asks.has("workLevel") && (
            <Select
              label={t("intake.workLevel")}
              required
              data={(lists.data?.workLevels ?? []).map((l) => ({ value: l.id, label: l.label[locale] }))}
              value={workLevel}
              onChange={setWorkLevel}
              error={error("workLevel")}
            />
          )}
          {asks.has("occupations") && (
            <OccupationPicker
              label={t("intake.occupations")}
              value={occupations}
              onChange={setOccupations}
              error={error("desiredOccupationIds")}
            />
          )}
          {asks.has("availability") && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={t("intake.hoursMin")}
                min={1}
                max={60}
                value={hoursMin}
                onChange={setHoursMin}
                error={error("hoursMin")}
              />
              <NumberInput
                label={t("intake.hoursMax")}
                min={1}
                max={60}
                value={hoursMax}
                onChange={setHoursMax}
                error={error("hoursMax")}
              />
            </SimpleGrid>
          )}
          <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
            {t("intake.submit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

/**
 * The first visit of a portal's candidate side asks what the portal needs before the rest can be
 * used (Kansenportaal). Staff, visitors and portals that ask nothing pass straight through.
 */
export function CandidateIntakeGate({ children }: { children: ReactNode }) {
  const me = useQuery(meQuery);
  const side = useSide();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const roles = me.data?.roles ?? null;
  const applies =
    roles?.includes("candidate") &&
    menuRoleOnSide(roles, side) === "candidate" &&
    me.data?.needsTwoFactorSetup !== true &&
    !OPEN.has(pathname);
  const intake = useQuery({ ...intakeQuery, enabled: applies });
  if (!applies) return <>{children}</>;
  if (intake.isPending) return <PageLoader />;
  // If the question cannot be asked (an error), the site stays usable; the server still checks.
  if (intake.isError || intake.data.complete) return <>{children}</>;
  return <IntakeForm status={intake.data} />;
}
