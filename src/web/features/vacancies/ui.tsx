import { Badge, Card, Group, Loader, Pagination, Select, Stack, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Audience, VacancyStatus } from "../../../contracts/vacancies";
import { AUDIENCE_COLOR, STATUS_COLOR } from "./format";
import { searchPlaces } from "./vacancies-api";

/** A card with its own heading (h2), as the settings pages have. */
export function Section({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

/** An unstyled fieldset's legend that reads like the labels around it (min/max pairs, dates). */
export const LEGEND_STYLES = {
  legend: { fontWeight: 700, fontSize: "var(--mantine-font-size-sm)", padding: 0, marginBottom: 4 },
} as const;

/** Badges keep their text visible to the contrast check (no clipped overflow). */
const BADGE_STYLE = { style: { overflow: "visible" }, styles: { label: { overflow: "visible" } } } as const;

export function StatusBadge({ status }: { status: VacancyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" {...BADGE_STYLE}>
      {t(`vacancies.status.${status}`)}
    </Badge>
  );
}

export function AudienceBadges({
  audiences,
  size = "md",
}: {
  audiences: readonly Audience[];
  size?: "sm" | "md";
}) {
  const { t } = useTranslation();
  if (audiences.length === 0) return <span>{t("vacancies.audience.none")}</span>;
  return (
    <Group gap={4}>
      {audiences.map((audience) => (
        <Badge key={audience} size={size} color={AUDIENCE_COLOR[audience]} variant="filled" {...BADGE_STYLE}>
          {t(`vacancies.audience.${audience}`)}
        </Badge>
      ))}
    </Group>
  );
}

export function PlainBadge({ color, children }: { color: string; children: ReactNode }) {
  return (
    <Badge color={color} variant="filled" {...BADGE_STYLE}>
      {children}
    </Badge>
  );
}

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl">
      <Loader aria-label={t("shell.loading")} />
    </Stack>
  );
}

/** Page numbers under a list, in a navigation landmark of their own. */
export function Pager({
  page,
  total,
  pageSize,
  onChange,
  label,
}: {
  page: number;
  total: number;
  pageSize: number;
  onChange: (page: number) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Group component="nav" aria-label={label} justify="center">
      <Pagination
        value={Math.min(page, pages)}
        total={pages}
        onChange={onChange}
        getItemProps={(item) => ({
          "aria-label": t("vacancies.pager.page", { page: item }),
          "aria-current": item === page ? "page" : undefined,
        })}
        getControlProps={(control) => ({ "aria-label": t(`vacancies.pager.${control}`) })}
      />
    </Group>
  );
}

export interface RemoteOption {
  value: string;
  label: string;
}

/**
 * A searchable select whose options come from the server as the user types (places,
 * occupations). The chosen option stays in the list so its label keeps showing.
 */
/** Places for a RemoteSelect, named with their municipality where that says more. */
export async function loadPlaceOptions(q: string, signal: AbortSignal): Promise<RemoteOption[]> {
  return (await searchPlaces(q, signal)).map((place) => ({
    value: place.id,
    label:
      place.municipality && place.municipality !== place.name
        ? `${place.name} (${place.municipality})`
        : place.name,
  }));
}

export function RemoteSelect({
  label,
  description,
  value,
  onChange,
  load,
  cacheKey,
  error,
  required,
}: {
  label: string;
  description?: string;
  value: RemoteOption | null;
  onChange: (option: RemoteOption | null) => void;
  load: (q: string, signal: AbortSignal) => Promise<RemoteOption[]>;
  cacheKey: string;
  error?: ReactNode;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.label ?? "");
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const enabled = debounced.length >= 2 && debounced !== value?.label;
  const results = useQuery({
    queryKey: ["reference", cacheKey, debounced],
    queryFn: ({ signal }) => load(debounced, signal),
    enabled,
    staleTime: 5 * 60_000,
  });
  const found = enabled ? (results.data ?? []) : [];
  const options = [...(value ? [value] : []), ...found.filter((o) => o.value !== value?.value)];

  return (
    <Select
      label={label}
      description={description}
      required={required}
      searchable
      clearable
      value={value?.value ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      // The server has filtered already (accent-insensitive, synonyms): show what it found.
      filter={({ options: all }) => all}
      onChange={(next) => onChange(options.find((o) => o.value === next) ?? null)}
      nothingFoundMessage={
        enabled && !results.isFetching ? t("vacancies.form.nothingFound") : t("vacancies.form.typeToSearch")
      }
      rightSection={results.isFetching ? <Loader size="xs" aria-label={t("shell.loading")} /> : undefined}
      error={error}
      clearButtonProps={{ "aria-label": t("vacancies.form.clear", { field: label }) }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
