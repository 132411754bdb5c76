import { Button, Checkbox, Group, Table, Text } from "@mantine/core";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Daypart } from "../../../contracts/taxonomy";
import { useLocale } from "../language/language-control";
import { gridCell, toggleCells } from "./profile-draft";

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/**
 * "Werktijden": a table of days (rows) and parts of the day (columns) with a checkbox in each
 * cell, named "Maandag, ochtend". Tab reaches every box; the arrow keys move through the table
 * as well, and the row and column headers tick or clear a whole day or part of the day.
 */
export function AvailabilityGrid({
  dayparts,
  value,
  onChange,
  error,
}: {
  dayparts: readonly Daypart[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const days = dayparts.filter((d) => d.kind === "day").sort((a, b) => a.order - b.order);
  const parts = dayparts.filter((d) => d.kind === "daypart").sort((a, b) => a.order - b.order);

  function move(event: KeyboardEvent<HTMLTableElement>) {
    const step = MOVES[event.key];
    const target = event.target as HTMLElement;
    const row = Number(target.dataset.row);
    const col = Number(target.dataset.col);
    if (!step || Number.isNaN(row) || Number.isNaN(col)) return;
    const next = event.currentTarget.querySelector<HTMLElement>(
      `[data-row="${row + step[0]}"][data-col="${col + step[1]}"]`,
    );
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  if (days.length === 0 || parts.length === 0) return null;
  const gridLabel = t("profile.fields.grid");

  return (
    <div>
      <Table.ScrollContainer minWidth={420}>
        <Table
          withTableBorder
          withColumnBorders
          verticalSpacing={6}
          maw={640}
          onKeyDown={move}
          aria-describedby={error ? "beschikbaarheid-grid-fout" : undefined}
        >
          <Table.Caption style={{ captionSide: "top", textAlign: "left", fontWeight: 700, color: "inherit" }}>
            {gridLabel}
            <Text size="sm" c="dimmed" fw={400}>
              {t("profile.fields.gridHint")}
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Td />
              {parts.map((part) => {
                const cells = days.map((d) => gridCell(d.id, part.id));
                return (
                  <Table.Th key={part.id} scope="col" ta="center">
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      color="gray"
                      c="bright"
                      aria-label={t("profile.fields.gridColumn", { part: part.label[locale] })}
                      onClick={() => onChange(toggleCells(value, cells))}
                    >
                      {part.label[locale]}
                    </Button>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {days.map((day, row) => {
              const cells = parts.map((p) => gridCell(day.id, p.id));
              return (
                <Table.Tr key={day.id}>
                  <Table.Th scope="row">
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      color="gray"
                      c="bright"
                      aria-label={t("profile.fields.gridRow", { day: day.label[locale] })}
                      onClick={() => onChange(toggleCells(value, cells))}
                    >
                      {day.label[locale]}
                    </Button>
                  </Table.Th>
                  {parts.map((part, col) => {
                    const id = gridCell(day.id, part.id);
                    return (
                      <Table.Td key={part.id} ta="center">
                        <Checkbox
                          styles={{ body: { justifyContent: "center" } }}
                          aria-label={t("profile.fields.gridCell", {
                            day: day.label[locale],
                            part: part.label[locale].toLowerCase(),
                          })}
                          data-row={row}
                          data-col={col}
                          checked={value.includes(id)}
                          onChange={(event) =>
                            onChange(
                              event.currentTarget.checked ? [...value, id] : value.filter((c) => c !== id),
                            )
                          }
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="xs" mt={6}>
        <Text size="sm" c="dimmed" aria-live="polite">
          {t("profile.fields.gridCount", { count: value.length })}
        </Text>
        {value.length > 0 && (
          <Button variant="subtle" size="compact-sm" onClick={() => onChange([])}>
            {t("profile.fields.gridClear")}
          </Button>
        )}
      </Group>
      {error && (
        <Text id="beschikbaarheid-grid-fout" size="sm" c="red" mt={4}>
          {error}
        </Text>
      )}
    </div>
  );
}
