import { Button, Card, Container, Group, Text } from "@mantine/core";
import { IconHome } from "@tabler/icons-react";
import { Link, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../features/navigation/page-title";

export function NotFoundPage() {
  const { t } = useTranslation();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  usePageTitle(t("notFound.title"), "/");

  return (
    <Container size="sm" px={0}>
      <Card withBorder padding="xl" radius="md">
        <Text size="lg" c="bright" mb="xs">
          {t("notFound.text")}
        </Text>
        <Text c="dimmed" mb="lg">
          {t("notFound.path")} <code>{pathname}</code>
        </Text>
        <Group>
          <Button component={Link} to="/" leftSection={<IconHome aria-hidden="true" size={18} />}>
            {t("notFound.home")}
          </Button>
        </Group>
      </Card>
    </Container>
  );
}
