import { Avatar, Group, Stack, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconStarFilled, IconUser } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { ExplorerHit } from "../../../contracts/explorer";
import classes from "./explorer.module.css";

/** One result: name, headline, place and why it ranks here; a star for my favourites. */
function Hit({ hit, selected, onSelect }: { hit: ExplorerHit; selected: boolean; onSelect: () => void }) {
  const { t } = useTranslation();
  return (
    <li>
      <UnstyledButton
        className={classes.hit}
        data-selected={selected || undefined}
        aria-current={selected ? "true" : undefined}
        onClick={onSelect}
        w="100%"
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Avatar src={hit.photoUrl} radius="xl" size={44} color="portal" alt="">
            {hit.photoUrl ? null : <IconUser aria-hidden="true" size={22} />}
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6} wrap="nowrap" justify="space-between">
              <Text fw={700} truncate>
                {hit.name}
              </Text>
              {hit.favourite && (
                <>
                  <IconStarFilled
                    aria-hidden="true"
                    size={16}
                    color="var(--mantine-color-yellow-text)"
                    style={{ flex: "none" }}
                  />
                  <VisuallyHidden>{t("explorer.results.favourite")}</VisuallyHidden>
                </>
              )}
            </Group>
            {hit.headline && (
              <Text size="sm" lineClamp={2}>
                {hit.headline}
              </Text>
            )}
            {hit.city && (
              <Text size="sm" c="dimmed">
                {hit.city}
              </Text>
            )}
            {hit.reason && (
              <Text size="xs" c="dimmed" fs="italic">
                {hit.reason}
              </Text>
            )}
          </Stack>
        </Group>
      </UnstyledButton>
    </li>
  );
}

export function ResultList({
  hits,
  selected,
  onSelect,
}: {
  hits: readonly ExplorerHit[];
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className={classes.hits} aria-label={t("explorer.results.list")}>
      {hits.map((hit) => (
        <Hit key={hit.id} hit={hit} selected={hit.id === selected} onSelect={() => onSelect(hit.id)} />
      ))}
    </ul>
  );
}
