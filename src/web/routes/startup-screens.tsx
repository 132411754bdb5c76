import { Button, Center, Loader, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** Shown until we know which portal this is; nothing else can be branded before that. */
export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <Center component="main" mih="100dvh" aria-busy="true">
      <Stack align="center" gap="sm">
        <Loader aria-hidden="true" />
        <Text c="dimmed">{t("shell.loading")}</Text>
      </Stack>
    </Center>
  );
}

export function StartupErrorScreen({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Center component="main" mih="100dvh" p="md">
      <Stack align="center" gap="sm" maw={480}>
        <Title order={1} size="h2">
          {t("startupError.title")}
        </Title>
        <Text c="dimmed" ta="center">
          {message}
        </Text>
        <Button onClick={onRetry}>{t("startupError.retry")}</Button>
      </Stack>
    </Center>
  );
}
