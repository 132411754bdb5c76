import { Alert, Anchor, Card, Code, Container, Group, Loader, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { HealthResponseSchema } from "../../contracts/common";
import { api } from "../api";

const healthQuery = {
  queryKey: ["health"],
  queryFn: ({ signal }: { signal: AbortSignal }) => api("/api/health", HealthResponseSchema, { signal }),
};

function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <Anchor href={href} underline="always" rel="noopener noreferrer">
      {children}
    </Anchor>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card component="section" withBorder padding="lg" radius="md" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Version() {
  const { t } = useTranslation();
  const health = useQuery(healthQuery);
  if (health.isPending) {
    return (
      <Group gap="xs">
        <Loader size="xs" aria-hidden="true" />
        <Text c="dimmed">{t("about.version.loading")}</Text>
      </Group>
    );
  }
  if (health.isError) {
    return (
      <Alert color="red" variant="light" title={t("about.version.error")}>
        {health.error.message}
      </Alert>
    );
  }
  return (
    <Text c="dimmed">
      {t("about.version.label")} <Code>{health.data.version}</Code>
    </Text>
  );
}

export function AboutPage() {
  const { t } = useTranslation();
  return (
    <Container size="md" px={0}>
      <Stack gap="lg">
        <Section id="over-werkbrug" title={t("about.what.title")}>
          <Stack gap="xs">
            <Text c="dimmed">{t("about.what.text1")}</Text>
            <Text c="dimmed">{t("about.what.text2")}</Text>
          </Stack>
        </Section>

        <Section id="bronnen" title={t("about.sources.title")}>
          <Text c="dimmed" mb="md">
            {t("about.sources.intro")}
          </Text>
          <Stack gap="md" component="ul" className="werkbrug-plain-list">
            <li>
              <Text fw={700}>{t("about.sources.esco.name")}</Text>
              <Text c="dimmed">{t("about.sources.esco.text")}</Text>
              <Text c="dimmed">
                <Trans
                  i18nKey="about.sources.esco.attribution"
                  components={{ site: <ExternalLink href="https://esco.ec.europa.eu/" /> }}
                />
              </Text>
            </li>
            <li>
              <Text fw={700}>{t("about.sources.geonames.name")}</Text>
              <Text c="dimmed">{t("about.sources.geonames.text")}</Text>
              <Text c="dimmed">
                <Trans
                  i18nKey="about.sources.geonames.attribution"
                  components={{
                    site: <ExternalLink href="https://www.geonames.org/" />,
                    licence: <ExternalLink href="https://creativecommons.org/licenses/by/4.0/" />,
                  }}
                />
              </Text>
            </li>
          </Stack>
        </Section>

        <Section id="open-source" title={t("about.openSource.title")}>
          <Text c="dimmed">{t("about.openSource.text")}</Text>
        </Section>

        <Section id="versie" title={t("about.version.title")}>
          <Version />
        </Section>
      </Stack>
    </Container>
  );
}
