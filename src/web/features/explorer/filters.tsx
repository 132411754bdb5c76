import {
  ActionIcon,
  Box,
  Button,
  Checkbox,
  Group,
  SimpleGrid,
  Tabs,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { IconChevronLeft, IconChevronRight, IconX } from "@tabler/icons-react";
import { type ReactNode, type RefObject, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ExplorerFilters, Facet, FilterCategory } from "../../../contracts/explorer";
import classes from "./explorer.module.css";
import { activeFilterCount, selectedOptions, type UrlChip } from "./search-params";

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

/** Whether a row scrolls, and whether there is more of it before and after what shows. */
function useOverflow(ref: RefObject<HTMLElement | null>) {
  const [edges, setEdges] = useState({ before: false, after: false });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => {
      const rest = element.scrollWidth - element.clientWidth - element.scrollLeft;
      const before = element.scrollLeft > 1;
      const after = rest > 1;
      setEdges((e) => (e.before === before && e.after === after ? e : { before, after }));
    };
    update();
    element.addEventListener("scroll", update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => {
      element.removeEventListener("scroll", update);
      observer.disconnect();
    };
  }, [ref]);
  return edges;
}

/**
 * A row of tabs wider than the screen shows that it scrolls: a fade at the edge where more
 * tabs are, a thin scrollbar, and buttons before and after it that scroll by most of a width.
 * The buttons are ordinary buttons outside the tab list (keyboard reachable, and the tab list
 * holds only tabs); the arrow keys inside the list bring each tab into view as well.
 */
function ScrollingTabs({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const { before, after } = useOverflow(ref);
  const scroll = (direction: -1 | 1) => {
    const element = ref.current;
    if (!element) return;
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    element.scrollBy({ left: direction * element.clientWidth * 0.8, behavior: reduced ? "auto" : "smooth" });
  };
  const scrolls = before || after;
  return (
    <Group gap={4} wrap="nowrap" align="center" className={classes.tabRow}>
      {scrolls && (
        <ActionIcon
          variant="default"
          size="md"
          disabled={!before}
          aria-label={t("explorer.filters.scrollBack")}
          onClick={() => scroll(-1)}
        >
          <IconChevronLeft aria-hidden="true" size={16} />
        </ActionIcon>
      )}
      <div className={classes.tabViewport} data-before={before || undefined} data-after={after || undefined}>
        <Tabs.List ref={ref} aria-label={label} className={classes.tabList}>
          {children}
        </Tabs.List>
      </div>
      {scrolls && (
        <ActionIcon
          variant="default"
          size="md"
          disabled={!after}
          aria-label={t("explorer.filters.scrollForward")}
          onClick={() => scroll(1)}
        >
          <IconChevronRight aria-hidden="true" size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}

/**
 * "Kandidaten filteren": the categories as a row of tabs (a dot where filters are set), the
 * chosen category's options as checkboxes with their counts, and on the left how many filters
 * are set with "Alles wissen". OR inside a category, AND across categories (the server's rule).
 * A chip of a filter kind (language, licence, hours…) is a filter: it ticks its option, counts,
 * and goes with the option unticked or with "Alles wissen"; occupations steer the ranking.
 */
export function Filters({
  facets,
  filters,
  chips,
  onToggle,
  onClear,
}: {
  facets: readonly Facet[];
  filters: ExplorerFilters | undefined;
  chips: readonly UrlChip[] | undefined;
  onToggle: (category: FilterCategory, id: string, on: boolean) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<FilterCategory | null>(null);
  const selection = { filters, chips: chips ? [...chips] : undefined };
  const count = activeFilterCount(selection);
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
          <ScrollingTabs label={t("explorer.filters.categories")}>
            {facets.map((facet) => (
              <Tabs.Tab key={facet.category} value={facet.category} style={{ whiteSpace: "nowrap" }}>
                {facet.label}
                <ActiveDot count={selectedOptions(selection, facet.category).length} />
              </Tabs.Tab>
            ))}
          </ScrollingTabs>
          {facets.map((facet) => (
            <Tabs.Panel key={facet.category} value={facet.category} pt="sm">
              {openFacet?.category === facet.category && (
                <FacetOptions
                  facet={facet}
                  selected={selectedOptions(selection, facet.category)}
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
      <Text size="sm" c="dimmed">
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
