import { Anchor, Group, List, RingProgress, Stack, Text, Title } from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Completeness } from "../../../contracts/candidates";
import { AppLink } from "../../ui/app-link";
import { sectionHref, sectionOfMissing } from "./profile-draft";

/**
 * The completeness meter: the ring with the percentage, and "Nog in te vullen" with a link to
 * the part of the editor where each missing item is asked for.
 */
export function CompletenessMeter({ completeness }: { completeness: Completeness }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { percent, missing } = completeness;
  return (
    <Stack gap="sm">
      <Group gap="md" wrap="nowrap">
        {/* The sentence beside it says the same for screen readers. */}
        <RingProgress
          aria-hidden="true"
          size={88}
          thickness={9}
          roundCaps
          sections={[{ value: percent, color: percent === 100 ? "teal.8" : "portal" }]}
          label={
            <Text ta="center" fw={700} size="md">
              {percent}%
            </Text>
          }
        />
        <Text fw={600}>{t("profile.completeness.percent", { percent })}</Text>
      </Group>
      {missing.length === 0 ? (
        <Group gap={6} wrap="nowrap">
          <IconCircleCheck aria-hidden="true" size={20} color="var(--mantine-color-teal-text)" />
          <Text>{t("profile.completeness.complete")}</Text>
        </Group>
      ) : (
        <div>
          <Title order={3} size="h5" id={headingId} mb={4}>
            {t("profile.completeness.missingTitle")}
          </Title>
          <List spacing={2} size="sm" aria-labelledby={headingId}>
            {missing.map((item) => (
              <List.Item key={`${item.part}.${item.key}`}>
                <Anchor component={AppLink} href={sectionHref(sectionOfMissing(item))}>
                  {t(`profile.missing.${item.key}`, {
                    defaultValue: t(`profile.sections.${sectionOfMissing(item)}`),
                  })}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
