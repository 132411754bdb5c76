import { Card, Text, Title } from "@mantine/core";
import { useId } from "react";
import { GroupedBarChart, type GroupedBarChartProps } from "./bar-chart";

export interface FiguresCardProps extends GroupedBarChartProps {
  title: string;
  /** Said above the chart when every value is 0, so an empty chart does not look broken. */
  emptyText: string;
}

/** A dashboard's figures over time: a titled section with a grouped bar chart. */
export function FiguresCard({ title, emptyText, ...chart }: FiguresCardProps) {
  const id = useId();
  const empty = chart.groups.every((group) => group.values.every((value) => value === 0));
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {empty && (
        <Text c="dimmed" size="sm" mb="sm">
          {emptyText}
        </Text>
      )}
      <GroupedBarChart {...chart} />
    </Card>
  );
}
