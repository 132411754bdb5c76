import { Box, Button, Checkbox, Group, SimpleGrid, Tabs, Text, VisuallyHidden } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ExplorerFilters, Facet, FilterCategory } from "../../../contracts/explorer";
import { activeFilterCount } from "./search-params";

/** The coloured dot on a category with ticked options; its meaning is said in words too. */
function ActiveDot({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) return null;
  return (
    <>
      <Box
        component="span"
        aria-hidden="true"
        w={8}
        h={8}
        bg="portal.7"
        style={{
          borderRadius: "50%",
          display: "inline-block",
          marginInlineStart: 6,
          verticalAlign: "middle",
        }}
      />
      <VisuallyHidden>{t("explorer.filters.categoryActive", { count })}</VisuallyHidden>
    </>
  );
}

/**
 * "Kandidaten filteren": the categories as a row of tabs (a dot where filters are set), the
 * chosen category's options as checkboxes with their counts, and on the left how many filters
 * are set with "Alles wissen". OR inside a category, AND across categories (the server's rule).
 */
export function Filters({
  facets,
  filters,
  onToggle,
  onClear,
}: {
  facets: readonly Facet[];
  filters: ExplorerFilters | undefined;
  onToggle: (category: FilterCategory, id: string, on: boolean) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<FilterCategory | null>(null);
  const count = activeFilterCount(filters);
  const openFacet = facets.find((f) => f.category === open);

  return (
    <Box component="section" aria-label={t("explorer.filters.region")}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Group gap={4} wrap="nowrap" style={{ flex: "none" }} mih={38}>
          <Text size="sm" fw={600} role="status">
            {t("explorer.filters.count", { count })}
          </Text>
          {count > 0 && (
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconX aria-hidden="true" size={14} />}
              onClick={onClear}
            >
              {t("explorer.filters.clearAll")}
            </Button>
          )}
        </Group>
        <Tabs
          value={open}
          onChange={(next) => setOpen(facets.find((f) => f.category === next)?.category ?? null)}
          allowTabDeactivation
          keepMounted={false}
          style={{ flex: 1, minWidth: 0 }}
        >
          <Tabs.List
            aria-label={t("explorer.filters.categories")}
            style={{ flexWrap: "nowrap", overflowX: "auto", overflowY: "hidden" }}
          >
            {facets.map((facet) => (
              <Tabs.Tab key={facet.category} value={facet.category} style={{ whiteSpace: "nowrap" }}>
                {facet.label}
                <ActiveDot count={filters?.[facet.category]?.length ?? 0} />
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {facets.map((facet) => (
            <Tabs.Panel key={facet.category} value={facet.category} pt="sm">
              {openFacet?.category === facet.category && (
                <FacetOptions
                  facet={facet}
                  selected={filters?.[facet.category] ?? []}
                  onToggle={(id, on) => onToggle(facet.category, id, on)}
                />
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      </Group>
    </Box>
  );
}

function FacetOptions({
  facet,
  selected,
  onToggle,
}: {
  facet: Facet;
  selected: readonly string[];
  onToggle: (id: string, on: boolean) => void;
}) {
  const { t } = useTranslation();
  if (facet.options.length === 0) {
    return (
      <Text size="sm" c="gray.8">
        {t("explorer.filters.noOptions")}
      </Text>
    );
  }
  return (
    <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <VisuallyHidden component="legend">{facet.label}</VisuallyHidden>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="xs" verticalSpacing={6}>
        {facet.options.map((option) => {
          const checked = selected.includes(option.id);
          return (
            <Checkbox
              key={option.id}
              checked={checked}
              onChange={(event) => onToggle(option.id, event.currentTarget.checked)}
              label={`${option.label} (${option.count})`}
            />
          );
        })}
      </SimpleGrid>
    </fieldset>
  );
}
