import { ActionIcon, Badge, Group, Loader, Select, Stack, Text } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconX } from "@tabler/icons-react";
import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../language/language-control";
import { searchOccupations } from "../vacancies/vacancies-api";
import { occupationQuery } from "./candidates-api";

/** The labels of occupation ids, as far as they have arrived. */
export function useOccupationLabels(ids: readonly string[]): Map<string, string> {
  const locale = useLocale();
  const results = useQueries({ queries: ids.map((id) => occupationQuery(id)) });
  const labels = new Map<string, string>();
  ids.forEach((id, i) => {
    const occupation = results[i]?.data;
    if (occupation) labels.set(id, occupation.label[locale]);
  });
  return labels;
}

/**
 * Several occupations from the taxonomy: type to search, pick to add; each chosen one has its
 * own remove button. The search field keeps the focus, so several can be added in a row.
 */
export function OccupationPicker({
  label,
  description,
  value,
  onChange,
  error,
  max = 20,
}: {
  label: string;
  description?: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  max?: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const enabled = debounced.length >= 2;
  const results = useQuery({
    queryKey: ["reference", "occupations", debounced],
    queryFn: ({ signal }) => searchOccupations(debounced, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
  const labels = useOccupationLabels(value);
  const found = enabled ? (results.data ?? []) : [];
  const options = found
    .filter(({ occupation }) => !value.includes(occupation.id))
    .map(({ occupation }) => ({ value: occupation.id, label: occupation.label[locale] }));
  const full = value.length >= max;

  function add(id: string | null) {
    const hit = found.find(({ occupation }) => occupation.id === id);
    if (!hit || value.includes(hit.occupation.id)) return;
    // Its labels are known now; no need to ask for them again.
    queryClient.setQueryData(occupationQuery(hit.occupation.id).queryKey, hit.occupation);
    onChange([...value, hit.occupation.id]);
    setSearch("");
  }

  return (
    <Stack gap={6}>
      <Select
        label={label}
        description={full ? t("profile.fields.occupationsFull", { count: max }) : description}
        searchable
        disabled={full}
        value={null}
        searchValue={search}
        onSearchChange={setSearch}
        data={options}
        // The server has filtered already (accent-insensitive, synonyms): show what it found.
        filter={({ options: all }) => all}
        onChange={add}
        nothingFoundMessage={
          enabled && !results.isFetching ? t("vacancies.form.nothingFound") : t("vacancies.form.typeToSearch")
        }
        rightSection={results.isFetching ? <Loader size="xs" aria-label={t("shell.loading")} /> : undefined}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("profile.fields.noOccupations")}
        </Text>
      ) : (
        <Group
          gap={6}
          component="ul"
          className="werkbrug-plain-list"
          aria-label={t("profile.fields.chosen", { field: label })}
        >
          {value.map((id) => {
            const name = labels.get(id) ?? id;
            return (
              <Badge
                key={id}
                component="li"
                color="portal"
                variant="light"
                size="lg"
                tt="none"
                fw={600}
                c="bright"
                rightSection={
                  <ActionIcon
                    size="xs"
                    variant="transparent"
                    c="bright"
                    aria-label={t("profile.editor.removeNamed", { name })}
                    onClick={() => onChange(value.filter((v) => v !== id))}
                  >
                    <IconX aria-hidden="true" size={14} />
                  </ActionIcon>
                }
                styles={{ label: { overflow: "visible" } }}
                style={{ overflow: "visible" }}
              >
                {name}
              </Badge>
            );
          })}
        </Group>
      )}
    </Stack>
  );
}
