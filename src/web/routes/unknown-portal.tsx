import { Card, Container, Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { CurrentPortalResponse } from "../../contracts/tenancy";
import { ColorSchemeControl } from "../features/appearance/color-scheme-control";
import { LanguageControl } from "../features/language/language-control";
import { PortalBrand } from "../features/portal/portal-brand";
import { PortalList } from "../features/portal/portal-list";
import { ShellLayout } from "../ui/shell-layout";

/** The host names no portal (a typo, or a region that was removed): offer the real ones. */
export function UnknownPortalPage({ data }: { data: CurrentPortalResponse }) {
  const { t } = useTranslation();
  const title = t("unknownPortal.title");

  useEffect(() => {
    document.title = `${title} · Werkbrug`;
  }, [title]);

  return (
    <ShellLayout
      skipLinkLabel={t("shell.skipLink")}
      title={title}
      brand={<PortalBrand name={null} logoUrl={null} linkHome={false} />}
      actions={
        <>
          <ColorSchemeControl />
          <LanguageControl />
        </>
      }
    >
      <Container size="md" px={0}>
        <Card withBorder padding="xl" radius="md">
          <Stack gap="md">
            <Text size="lg" c="bright">
              {data.requestedSlug
                ? t("unknownPortal.textNamed", { slug: data.requestedSlug })
                : t("unknownPortal.text")}
            </Text>
            <Title order={2} size="h3">
              {t("unknownPortal.choose")}
            </Title>
            {data.portals.length > 0 ? (
              <PortalList portals={data.portals} />
            ) : (
              <Text c="dimmed">{t("unknownPortal.none")}</Text>
            )}
          </Stack>
        </Card>
      </Container>
    </ShellLayout>
  );
}
