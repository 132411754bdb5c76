import { Anchor, Badge, Card, Group, SimpleGrid, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { Portal } from "../../../contracts/tenancy";
import { useLocale } from "../language/language-control";
import { portalName, sortPortals } from "./portal-query";

/** Portals link by full URL: each lives on its own host, outside this app's router. */
export function PortalList({ portals }: { portals: readonly Portal[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SimpleGrid component="ul" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" className="werkbrug-plain-list">
      {sortPortals(portals, locale).map((portal) => (
        <Card component="li" key={portal.slug} withBorder padding="md" radius="md">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Anchor href={portal.url} fw={700} underline="always" c="bright" className="werkbrug-card-link">
              {portalName(portal, locale)}
            </Anchor>
            <IconArrowRight aria-hidden="true" size={18} />
          </Group>
          <Group gap="xs" mt="xs">
            <Badge variant="outline" color="gray" radius="sm">
              {portal.isNational ? t("portals.national") : t("portals.regional")}
            </Badge>
            <Text size="sm" c="dimmed">
              {new URL(portal.url).host}
            </Text>
          </Group>
        </Card>
      ))}
    </SimpleGrid>
  );
}
