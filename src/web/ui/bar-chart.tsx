import { Box, Group, Table, Text, VisuallyHidden } from "@mantine/core";
import { useId } from "react";

export interface BarSeries {
  /** The legend's and the table's column name. */
  label: string;
  /** A CSS colour with at least 3:1 contrast against white (e.g. a Mantine shade 7 or darker). */
  color: string;
}

export interface BarGroup {
  /** Short label under the group (e.g. "jan"). */
  label: string;
  /** Full label for the table's row header (e.g. "januari 2026"). */
  longLabel?: string;
  /** One value per series, in the order of `series`. */
  values: readonly number[];
}

export interface GroupedBarChartProps {
  /** What the chart shows: the figure's caption and the hidden table's caption. */
  caption: string;
  /** The header of the table's first column (e.g. "Maand"). */
  groupHeader: string;
  series: readonly BarSeries[];
  groups: readonly BarGroup[];
  height?: number;
}

const PLOT_TOP = 8;
const AXIS_WIDTH = 32;
const LABEL_HEIGHT = 22;

/** A round maximum for the axis with at most 5 steps (1, 2 or 5 times a power of ten). */
export function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  return { top: Math.ceil(max / whole) * whole, step: whole };
}

/**
 * Grouped bars (one group per category, one bar per series) drawn as SVG, with a legend. The
 * drawing is decorative for assistive technology; the same numbers are in a visually hidden
 * table, which screen readers read as a table.
 */
export function GroupedBarChart({
  caption,
  groupHeader,
  series,
  groups,
  height = 200,
}: GroupedBarChartProps) {
  const captionId = useId();
  const width = 640;
  const plotHeight = height - PLOT_TOP - LABEL_HEIGHT;
  const max = Math.max(0, ...groups.flatMap((g) => g.values));
  const { top, step } = niceScale(max);
  const y = (value: number) => PLOT_TOP + plotHeight - (value / top) * plotHeight;
  const groupWidth = (width - AXIS_WIDTH) / Math.max(1, groups.length);
  const barWidth = Math.max(2, (groupWidth * 0.75) / Math.max(1, series.length));
  const ticks: number[] = [];
  for (let t = 0; t <= top; t += step) ticks.push(t);

  return (
    <Box component="figure" m={0} aria-labelledby={captionId}>
      <Text component="figcaption" id={captionId} fw={600} mb="xs">
        {caption}
      </Text>
      <Group gap="md" mb="xs" aria-hidden="true">
        {series.map((s) => (
          <Group key={s.label} gap={6} wrap="nowrap">
            <Box w={12} h={12} style={{ backgroundColor: s.color, borderRadius: 2 }} />
            <Text size="sm">{s.label}</Text>
          </Group>
        ))}
      </Group>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        aria-hidden="true"
        focusable="false"
        style={{ display: "block", maxHeight: height }}
        data-chart="grouped-bars"
      >
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={AXIS_WIDTH}
              x2={width}
              y1={y(t)}
              y2={y(t)}
              stroke="var(--mantine-color-default-border)"
              strokeWidth={1}
            />
            <text
              x={AXIS_WIDTH - 6}
              y={y(t)}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={11}
              fill="var(--mantine-color-dimmed)"
            >
              {t}
            </text>
          </g>
        ))}
        {groups.map((g, gi) => {
          const left = AXIS_WIDTH + gi * groupWidth + (groupWidth - barWidth * series.length) / 2;
          return (
            <g key={g.longLabel ?? g.label}>
              {series.map((s, si) => {
                const value = g.values[si] ?? 0;
                return (
                  <rect
                    key={s.label}
                    x={left + si * barWidth}
                    y={y(value)}
                    width={barWidth - 1}
                    height={Math.max(0, PLOT_TOP + plotHeight - y(value))}
                    fill={s.color}
                  />
                );
              })}
              <text
                x={AXIS_WIDTH + gi * groupWidth + groupWidth / 2}
                y={height - 6}
                textAnchor="middle"
                fontSize={11}
                fill="var(--mantine-color-dimmed)"
              >
                {g.label}
              </text>
            </g>
          );
        })}
      </svg>
      <VisuallyHidden>
        <Table>
          <caption>{caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{groupHeader}</Table.Th>
              {series.map((s) => (
                <Table.Th key={s.label} scope="col">
                  {s.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.longLabel ?? g.label}>
                <Table.Th scope="row">{g.longLabel ?? g.label}</Table.Th>
                {series.map((s, si) => (
                  <Table.Td key={s.label}>{g.values[si] ?? 0}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Box>
  );
}
