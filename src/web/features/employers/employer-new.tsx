import { Anchor, Badge, Button, Card, Group, Loader, Radio, Stack, Text, TextInput } from "@mantine/core";
import { IconBuildingStore, IconDeviceFloppy, IconEdit, IconSearch } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreateEmployerRequest, RegistryResult } from "../../../contracts/employers";
import { ApiError } from "../../api";
import { AppLink } from "../../ui/app-link";
import { Notice, useErrorText } from "../identity/forms";
import { Section } from "../vacancies/ui";
import { EMPTY_EMPLOYER, EmployerError, EmployerForm, employerBody } from "./employer-form";
import classes from "./employers.module.css";
import { createEmployer, employerKeys, searchRegistry } from "./employers-api";
import { addressText } from "./ui";

interface RegistryQuery {
  q: string;
  city: string;
}

/** A result's key: a KvK number can have several establishments (branches). */
const resultKey = (result: RegistryResult, index: number) => `${result.kvkNumber}-${index}`;

function fromResult(result: RegistryResult): CreateEmployerRequest {
  return {
    name: result.name,
    kvkNumber: result.kvkNumber,
    street: result.street,
    houseNumber: result.houseNumber,
    postcode: result.postcode,
    city: result.city,
  };
}

function ResultText({ result }: { result: RegistryResult }) {
  const { t } = useTranslation();
  const address = addressText(result);
  return (
    <Stack gap={2}>
      <Text fw={700}>{result.name}</Text>
      {result.tradeNames.length > 0 && (
        <Text size="sm" c="dimmed">
          {t("employers.registry.tradeNames", { names: result.tradeNames.join(", ") })}
        </Text>
      )}
      {address && <Text size="sm">{address}</Text>}
      <Text size="sm" c="dimmed">
        {t("employers.registry.kvkNumber", { number: result.kvkNumber })} ·{" "}
        {t(`employers.registry.kinds.${result.kind}`, { defaultValue: result.kind })}
      </Text>
    </Stack>
  );
}

/** HalloWerk's "Werkgevers toevoegen": search the KvK, pick one, save; or enter it by hand. */
export function NewEmployer() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const qId = useId();
  const [q, setQ] = useState("");
  const [city, setCity] = useState("");
  const [attempted, setAttempted] = useState(false);
  const [query, setQuery] = useState<RegistryQuery | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [manual, setManual] = useState(false);
  const [chooseMissing, setChooseMissing] = useState(false);
  // Which of the two ways of adding was tried last: its form shows the API's answer.
  const [submittedFrom, setSubmittedFrom] = useState<"registry" | "manual">("registry");

  const results = useQuery({
    queryKey: ["employers", "registry", query],
    queryFn: ({ signal }) => searchRegistry(query?.q ?? "", query?.city || undefined, signal),
    enabled: query !== null,
    retry: false,
    staleTime: 60_000,
  });
  const unavailable = results.error instanceof ApiError && results.error.code === "registry_unavailable";

  const create = useMutation({
    mutationFn: createEmployer,
    onSuccess: async (employer) => {
      queryClient.setQueryData(employerKeys.detail(employer.id), employer);
      // Earlier searches no longer know it is registered now.
      queryClient.removeQueries({ queryKey: ["employers", "registry"] });
      await queryClient.invalidateQueries({ queryKey: employerKeys.lists });
      void queryClient.invalidateQueries({ queryKey: employerKeys.home });
      void navigate({
        to: "/werkgevers/$id",
        params: { id: employer.id },
        state: (old) => ({ ...old, employerNotice: t("employers.new.created", { name: employer.name }) }),
      });
    },
  });

  const qMissing = attempted && q.trim().length < 2;

  function search(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (q.trim().length < 2) return;
    setChosen(null);
    setChooseMissing(false);
    create.reset();
    setQuery({ q: q.trim(), city: city.trim() });
  }

  const list = results.data?.results ?? [];
  const chosenResult = list.find((r, i) => resultKey(r, i) === chosen) ?? null;
  const manualOpen = manual || unavailable;

  function saveChosen() {
    if (!chosenResult) {
      setChooseMissing(true);
      return;
    }
    setSubmittedFrom("registry");
    create.mutate(fromResult(chosenResult));
  }

  return (
    <Stack gap="lg" maw={900} mx="auto">
      <Section title={t("employers.new.searchTitle")}>
        <form onSubmit={search} noValidate>
          <Stack gap="sm">
            <Text c="dimmed">{t("employers.new.searchIntro")}</Text>
            <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
              <TextInput
                id={qId}
                label={t("employers.new.query")}
                description={t("employers.new.queryHint")}
                required
                value={q}
                onChange={(event) => setQ(event.currentTarget.value)}
                error={qMissing ? t("employers.new.queryRequired") : undefined}
                maxLength={200}
              />
              <TextInput
                label={t("employers.new.city")}
                description={t("employers.new.cityHint")}
                value={city}
                onChange={(event) => setCity(event.currentTarget.value)}
                maxLength={100}
              />
            </Group>
            <Group gap="sm">
              <Button
                type="submit"
                leftSection={<IconSearch aria-hidden="true" size={18} />}
                loading={results.isFetching}
              >
                {t("employers.new.search")}
              </Button>
              {!manualOpen && (
                <Button
                  variant="outline"
                  leftSection={<IconEdit aria-hidden="true" size={18} />}
                  onClick={() => setManual(true)}
                >
                  {t("employers.new.manual")}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Section>

      {query !== null && (
        <Section title={t("employers.new.resultsTitle")}>
          {results.isPending ? (
            <Loader size="sm" aria-label={t("employers.loading")} />
          ) : results.isError ? (
            <Notice color={unavailable ? "orange" : "red"}>
              {errorText(results.error)} {unavailable ? t("employers.new.manualBelow") : ""}
            </Notice>
          ) : list.length === 0 ? (
            <Text role="status">{t("employers.new.noResults")}</Text>
          ) : (
            <Stack gap="sm">
              <Text c="dimmed" role="status">
                {results.data.source === "offline"
                  ? t("employers.new.foundOffline", { count: list.length })
                  : t("employers.new.found", { count: list.length })}
              </Text>
              <Radio.Group
                value={chosen}
                onChange={(value) => {
                  setChosen(value);
                  setChooseMissing(false);
                  create.reset();
                }}
                label={t("employers.new.choose")}
                error={chooseMissing ? t("employers.new.chooseRequired") : undefined}
              >
                <Stack gap="xs" mt="xs">
                  {list.map((result, index) =>
                    result.registered ? (
                      <Card
                        key={resultKey(result, index)}
                        withBorder
                        padding="md"
                        radius="md"
                        bg="var(--werkbrug-surface-muted)"
                      >
                        <Group justify="space-between" align="flex-start" wrap="nowrap">
                          <ResultText result={result} />
                          <Stack gap={4} align="flex-end">
                            <Badge
                              color="gray.7"
                              variant="filled"
                              style={{ overflow: "visible" }}
                              styles={{ label: { overflow: "visible" } }}
                            >
                              {t("employers.new.registered")}
                            </Badge>
                            <Anchor
                              component={AppLink}
                              href={`/werkgevers/${result.registered.id}`}
                              size="sm"
                              fw={600}
                            >
                              {t("employers.new.openRegistered", { name: result.registered.name })}
                            </Anchor>
                          </Stack>
                        </Group>
                      </Card>
                    ) : (
                      <Radio.Card
                        key={resultKey(result, index)}
                        value={resultKey(result, index)}
                        radius="md"
                        p="md"
                        className={classes.resultCard}
                      >
                        <Group wrap="nowrap" align="flex-start" gap="md">
                          <Radio.Indicator mt={4} />
                          <ResultText result={result} />
                        </Group>
                      </Radio.Card>
                    ),
                  )}
                </Stack>
              </Radio.Group>
              <EmployerError error={submittedFrom === "registry" ? create.error : null} />
              <Group gap="sm">
                <Button
                  leftSection={<IconDeviceFloppy aria-hidden="true" size={18} />}
                  loading={create.isPending && submittedFrom === "registry"}
                  onClick={saveChosen}
                >
                  {t("employers.new.save")}
                </Button>
              </Group>
            </Stack>
          )}
        </Section>
      )}

      {manualOpen && (
        <Section title={t("employers.new.manualTitle")}>
          <EmployerForm
            initial={{ ...EMPTY_EMPLOYER, name: /^\d{8}$/.test(q.trim()) ? "" : q.trim(), city: city.trim() }}
            submitLabel={t("employers.new.save")}
            pending={create.isPending && submittedFrom === "manual"}
            error={submittedFrom === "manual" ? create.error : null}
            onSubmit={(values) => {
              setSubmittedFrom("manual");
              create.mutate(employerBody(values));
            }}
            onCancel={unavailable ? undefined : () => setManual(false)}
            autoFocus={!unavailable}
            intro={
              <Text c="dimmed">
                <IconBuildingStore aria-hidden="true" size={16} style={{ verticalAlign: "text-bottom" }} />{" "}
                {t("employers.new.manualIntro")}
              </Text>
            }
          />
        </Section>
      )}
    </Stack>
  );
}
