import { Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { IconCalendarPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { AppLink } from "../../ui/app-link";
import { period } from "./format";
import { vacancyEventsQuery } from "./selection-events-api";

/**
 * A vacancy's selection events on its page, with the way to plan one for those who may; shown
 * only to those who see the vacancy's applicants (anyone else gets a 404 and nothing here).
 */
export function VacancyEvents({ vacancyId }: { vacancyId: string }) {
  const { t } = useTranslation();
  const list = useQuery({ ...vacancyEventsQuery(vacancyId), throwOnError: false });
  if (!list.isSuccess) return null;
  const { events, canPlan } = list.data;
  if (events.length === 0 && !canPlan) return null;
  return (
    <Stack gap={4}>
      <Text fw={600}>{t("selectionEvents.vacancy.title")}</Text>
      {events.map((e) => (
        <Group key={e.id} gap="xs">
          <Anchor component={AppLink} href={`/selectiemomenten/${e.id}`}>
            {e.name}
          </Anchor>
          <Text size="sm" c="dimmed">
            {period(e.firstDate, e.lastDate)} ·{" "}
            {t("selectionEvents.counts.summary", {
              invited: e.counts.invited,
              booked: e.counts.booked,
              free: e.counts.free,
            })}
          </Text>
        </Group>
      ))}
      {canPlan && (
        <Button
          component={AppLink}
          href={`/vacaturebeheer/${vacancyId}/selectiemomenten/nieuw`}
          variant="light"
          leftSection={<IconCalendarPlus aria-hidden="true" size={16} />}
          style={{ alignSelf: "flex-start" }}
        >
          {t("selectionEvents.vacancy.plan")}
        </Button>
      )}
    </Stack>
  );
}
