import { Anchor, Card, Grid, List, Stack, Text, Title } from "@mantine/core";
import { IconEye, IconEyeOff } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useRouterState } from "@tanstack/react-router";
import { useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import type { CandidateMeResponse } from "../../../contracts/candidates";
import type { ReferenceListsResponse } from "../../../contracts/reference";
import { AppLink } from "../../ui/app-link";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { profileQuery } from "../settings/settings-api";
import { PageLoader } from "../vacancies/ui";
import { referenceListsQuery } from "../vacancies/vacancies-api";
import { myProfileQuery } from "./candidates-api";
import { CompletenessMeter } from "./completeness";
import {
  AvailabilitySection,
  ContactSection,
  GeneralSection,
  HobbiesSection,
  PreferencesSection,
} from "./editor-general";
import { CoursesSection, EducationSection, ExperienceSection } from "./editor-history";
import { DocumentsSection, MediaSection } from "./editor-media";
import { PROFILE_SECTIONS } from "./profile-draft";

/** Where the candidate is visible now, in one line, with the way to change it. */
export function VisibilitySummary({ me }: { me: CandidateMeResponse }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const visible = me.visibility.filter((v) => v.visible);
  const names = visible.map((v) => v.portal.name[locale] || v.portal.name.nl);
  return (
    <Stack gap={4}>
      <Text style={{ display: "flex", gap: 6, alignItems: "flex-start" }}>
        {visible.length > 0 ? (
          <IconEye aria-hidden="true" size={20} style={{ flexShrink: 0, marginTop: 2 }} />
        ) : (
          <IconEyeOff aria-hidden="true" size={20} style={{ flexShrink: 0, marginTop: 2 }} />
        )}
        <span>
          {visible.length > 0
            ? t("profile.visibility.visibleOn", { portals: names.join(", ") })
            : t("profile.visibility.hidden")}
        </span>
      </Text>
      <Anchor component={AppLink} href="/profiel/privacy" size="sm">
        {t("profile.visibility.change")}
      </Anchor>
    </Stack>
  );
}

function SectionNav() {
  const { t } = useTranslation();
  const id = useId();
  return (
    <nav aria-labelledby={id}>
      <Title order={2} size="h5" id={id} mb={4}>
        {t("profile.editor.navTitle")}
      </Title>
      <List spacing={2} size="sm" listStyleType="none" ps={0}>
        {PROFILE_SECTIONS.map((section) => (
          <List.Item key={section}>
            <Anchor component={AppLink} href={`/profiel#${section}`}>
              {t(`profile.sections.${section}`)}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </nav>
  );
}

/** "/profiel#ervaring" scrolls to that section and puts the focus on its heading. */
function useSectionFromHash(ready: boolean) {
  const hash = useRouterState({ select: (s) => s.location.hash });
  useEffect(() => {
    const id = hash.replace(/^#/, "");
    if (!ready || !id) return;
    const section = document.getElementById(id);
    if (!section) return;
    section.scrollIntoView({ block: "start" });
    section.querySelector<HTMLElement>("[data-section-heading]")?.focus({ preventScroll: true });
  }, [hash, ready]);
}

function EditorBody({
  me,
  lists,
  consented,
}: {
  me: CandidateMeResponse;
  lists: ReferenceListsResponse | undefined;
  consented: boolean;
}) {
  const { t } = useTranslation();
  const { profile } = me;
  const completenessId = useId();
  useSectionFromHash(true);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
        <Stack gap="md" style={{ position: "sticky", top: 80 }}>
          <Card withBorder padding="md" radius="md" component="section" aria-labelledby={completenessId}>
            <Title order={2} size="h5" id={completenessId} mb="xs">
              {t("profile.completeness.title")}
            </Title>
            <CompletenessMeter completeness={me.completeness} />
          </Card>
          <Card withBorder padding="md" radius="md">
            <VisibilitySummary me={me} />
          </Card>
          <Card withBorder padding="md" radius="md" visibleFrom="md">
            <SectionNav />
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
        {/* Each section keeps what was typed in it while others save, fail or reload. */}
        <Stack gap="lg">
          <Text c="dimmed">{t("profile.editor.intro")}</Text>
          <GeneralSection profile={profile} lists={lists} />
          <PreferencesSection profile={profile} lists={lists} />
          <AvailabilitySection profile={profile} lists={lists} />
          <ContactSection profile={profile} />
          <ExperienceSection profile={profile} />
          <EducationSection profile={profile} lists={lists} />
          <CoursesSection profile={profile} />
          <MediaSection profile={profile} consented={consented} />
          <DocumentsSection profile={profile} />
          <HobbiesSection profile={profile} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** "Mijn profiel": every part of the HalloWerk candidate profile, each saved on its own. */
export function ProfileEditor() {
  const errorText = useErrorText();
  const me = useQuery(myProfileQuery);
  const lists = useQuery(referenceListsQuery);
  const settings = useQuery(profileQuery);
  if (me.isPending || lists.isPending) return <PageLoader />;
  if (me.isError) return <Notice color="red">{errorText(me.error)}</Notice>;
  return (
    <Stack gap="md">
      {lists.isError && <Notice color="orange">{errorText(lists.error)}</Notice>}
      <EditorBody
        key={me.data.profile.id}
        me={me.data}
        lists={lists.data}
        consented={settings.data?.consentEmbeddedVideo ?? false}
      />
    </Stack>
  );
}
