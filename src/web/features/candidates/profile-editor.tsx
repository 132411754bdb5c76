import {
  Anchor,
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  NavLink,
  Paper,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconArrowRight,
  IconCircleCheck,
  IconCircleDashed,
  IconDeviceFloppy,
  IconEye,
  IconEyeOff,
  IconPointFilled,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useBlocker, useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, type Ref, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CandidateMeResponse } from "../../../contracts/candidates";
import type { ReferenceListsResponse } from "../../../contracts/reference";
import { AppLink } from "../../ui/app-link";
import { Dialog } from "../../ui/dialog";
import { Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { profileQuery } from "../settings/settings-api";
import { PageLoader } from "../vacancies/ui";
import { referenceListsQuery } from "../vacancies/vacancies-api";
import { candidateKeys, myProfileQuery, updateMyProfile } from "./candidates-api";
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
import { type DraftUpdate, fieldErrorsOf } from "./editor-ui";
import { PROFILE_SECTIONS, type ProfileSection, sectionHref } from "./profile-draft";
import {
  afterSave,
  changedSections,
  combinedPatch,
  type DraftSection,
  type Edits,
  neighbours,
  type SectionDrafts,
  type SectionState,
  type SentRows,
  savedDrafts,
  sectionOfPath,
  sectionState,
  sentRows,
} from "./profile-edits";

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

const STATE_ICONS: Record<SectionState, ReactNode> = {
  invalid: <IconAlertTriangle aria-hidden="true" size={18} color="var(--mantine-color-red-text)" />,
  unsaved: <IconPointFilled aria-hidden="true" size={18} color="var(--mantine-color-orange-text)" />,
  todo: <IconCircleDashed aria-hidden="true" size={18} color="var(--mantine-color-dimmed)" />,
  complete: <IconCircleCheck aria-hidden="true" size={18} color="var(--mantine-color-teal-text)" />,
  // Keeps the labels in one column.
  empty: <span aria-hidden="true" style={{ display: "inline-block", width: 18 }} />,
};

/** The sections as a side list: one link each, with its state as an icon and in words. */
function SectionNav({
  current,
  stateOf,
}: {
  current: ProfileSection;
  stateOf: (section: ProfileSection) => SectionState;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <nav aria-labelledby={id}>
      <Title order={2} size="h5" id={id} mb={4}>
        {t("profile.editor.navTitle")}
      </Title>
      <Stack gap={2} component="ul" className="werkbrug-plain-list">
        {PROFILE_SECTIONS.map((section) => {
          const active = section === current;
          const state = stateOf(section);
          const name = t(`profile.sections.${section}`);
          return (
            <li key={section}>
              <NavLink
                component={AppLink}
                href={sectionHref(section)}
                label={name}
                // The state is in the link's name as words, the icon only shows it.
                aria-label={state === "empty" ? undefined : `${name}, ${t(`profile.editor.state.${state}`)}`}
                leftSection={STATE_ICONS[state]}
                active={active}
                aria-current={active ? "page" : undefined}
                fw={active ? 700 : 400}
                styles={{ label: { overflowWrap: "anywhere" } }}
              />
            </li>
          );
        })}
      </Stack>
    </nav>
  );
}

/** On a phone the side list is a choice on top, with the same states in words. */
function SectionSelect({
  current,
  stateOf,
  onChange,
}: {
  current: ProfileSection;
  stateOf: (section: ProfileSection) => SectionState;
  onChange: (section: ProfileSection) => void;
}) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t("profile.editor.sectionSelect")}
      value={current}
      onChange={(e) => {
        const next = PROFILE_SECTIONS.find((s) => s === e.currentTarget.value);
        if (next) onChange(next);
      }}
      data={PROFILE_SECTIONS.map((section) => {
        const state = stateOf(section);
        const name = t(`profile.sections.${section}`);
        return {
          value: section,
          label: state === "empty" ? name : `${name} – ${t(`profile.editor.state.${state}`)}`,
        };
      })}
    />
  );
}

/** What the last refused save left: the error, and the rows as they were sent. */
interface Failure {
  error: unknown;
  sent: SentRows;
}

/**
 * The single save state, sticky under the section: what is unsaved and where, "Opslaan…", or
 * why the last save was refused. Announced politely; the button saves every changed section.
 */
function SaveBar({
  changed,
  saving,
  failure,
  invalid,
  messageRef,
}: {
  changed: readonly string[];
  saving: boolean;
  failure: Failure | null;
  /** Names of the sections with a refused field. */
  invalid: readonly string[];
  messageRef: Ref<HTMLParagraphElement>;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = saving
    ? t("profile.editor.saving")
    : changed.length > 0
      ? t("profile.editor.unsaved", { sections: changed.join(", ") })
      : t("profile.editor.allSaved");
  const problem =
    failure && !saving
      ? invalid.length > 0
        ? t("profile.editor.failedFields", { sections: invalid.join(", ") })
        : t("profile.editor.failed", { message: errorText(failure.error) })
      : null;
  return (
    <Paper
      withBorder
      shadow="sm"
      radius="md"
      p="sm"
      style={{ position: "sticky", bottom: 8, zIndex: 2 }}
      data-testid="save-bar"
    >
      <Group justify="space-between" gap="sm" wrap="nowrap" align="center">
        <div role="status" aria-live="polite" style={{ minWidth: 0 }}>
          {problem && (
            <Text c="red" fw={700} ref={messageRef} tabIndex={-1}>
              <IconAlertTriangle
                aria-hidden="true"
                size={18}
                style={{ verticalAlign: "text-bottom", marginRight: 6 }}
              />
              {problem}
            </Text>
          )}
          <Text fw={problem ? 400 : 600}>{status}</Text>
        </div>
        <Button
          type="submit"
          loading={saving}
          disabled={changed.length === 0}
          leftSection={<IconDeviceFloppy aria-hidden="true" size={18} />}
          style={{ flexShrink: 0 }}
        >
          {t("profile.editor.save")}
        </Button>
      </Group>
    </Paper>
  );
}

/** Asks before the editor is left with unsaved changes; reloading or closing gets the browser's own question. */
function LeaveDialog({ changed, dirty }: { changed: readonly string[]; dirty: boolean }) {
  const { t } = useTranslation();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const blocker = useBlocker({
    // Moving between sections keeps the drafts; only leaving the editor loses them.
    shouldBlockFn: ({ current, next }) => dirtyRef.current && current.pathname !== next.pathname,
    enableBeforeUnload: () => dirtyRef.current,
    withResolver: true,
  });
  return (
    <Dialog
      opened={blocker.status === "blocked"}
      onClose={() => blocker.reset?.()}
      title={t("profile.editor.leave.title")}
      closeLabel={t("profile.editor.leave.close")}
    >
      <Stack gap="md">
        <Text>{t("profile.editor.leave.text", { sections: changed.join(", ") })}</Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => blocker.proceed?.()}>
            {t("profile.editor.leave.leave")}
          </Button>
          <Button data-autofocus onClick={() => blocker.reset?.()}>
            {t("profile.editor.leave.stay")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function EditorBody({
  me,
  lists,
  consented,
  section,
  focusOnOpen,
}: {
  me: CandidateMeResponse;
  lists: ReferenceListsResponse | undefined;
  consented: boolean;
  section: ProfileSection;
  /** Whether the address named the section: the focus then starts at its heading. */
  focusOnOpen: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { profile } = me;
  const completenessId = useId();
  const sectionRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);

  // Made once per saved profile, so the rows of an untouched section keep their keys.
  const saved = useMemo(() => savedDrafts(profile), [profile]);
  const [edits, setEdits] = useState<Edits>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const save = useMutation({ mutationFn: updateMyProfile });

  const changed = changedSections(edits, profile);
  const fields = fieldErrorsOf(failure?.error).fields;
  const fieldsOf = (of: ProfileSection) => fields.filter((f) => sectionOfPath(f.path) === of);
  const invalid = PROFILE_SECTIONS.filter((s) => fields.some((f) => sectionOfPath(f.path) === s));
  const facts = {
    profile,
    missing: me.completeness.missing,
    changed: new Set<ProfileSection>(changed),
    invalid: new Set(invalid),
  };
  const stateOf = (s: ProfileSection) => sectionState(s, facts);
  const name = (s: ProfileSection) => t(`profile.sections.${s}`);

  function draftOf<S extends DraftSection>(of: S): SectionDrafts[S] {
    return edits[of] ?? saved[of];
  }
  function update<S extends DraftSection>(of: S): DraftUpdate<SectionDrafts[S]> {
    return (next) =>
      setEdits((old) => {
        const current: SectionDrafts[S] = old[of] ?? saved[of];
        return { ...old, [of]: typeof next === "function" ? next(current) : next };
      });
  }
  const draftProps = <S extends DraftSection>(of: S) => ({
    draft: draftOf(of),
    onChange: update(of),
    fields: fieldsOf(of),
  });

  // Where the focus goes once a section shows: its heading, or the first refused field.
  const focusNext = useRef<"heading" | "field" | null>(focusOnOpen ? "heading" : null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when another section shows
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = "heading";
    const root = sectionRef.current;
    if (!target || !root) return;
    const field = target === "field" ? root.querySelector<HTMLElement>('[aria-invalid="true"]') : null;
    (field ?? root.querySelector<HTMLElement>("[data-section-heading]"))?.focus();
  }, [section]);

  function go(to: ProfileSection) {
    void navigate({ to: "/profiel", search: { onderdeel: to } });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (changed.length === 0 || save.isPending) return;
    const sections = changed;
    const snapshot = edits;
    const rows = sentRows(sections, snapshot);
    save.mutate(combinedPatch(sections, snapshot, profile), {
      onSuccess: (next) => {
        queryClient.setQueryData(candidateKeys.me, next);
        setEdits((current) => afterSave(current, snapshot, sections));
        setFailure(null);
      },
      onError: (error) => {
        setFailure({ error, sent: rows });
        const refused = fieldErrorsOf(error).fields.map((f) => sectionOfPath(f.path));
        const first = PROFILE_SECTIONS.find((s) => refused.includes(s));
        if (first && first !== section) {
          focusNext.current = "field";
          go(first);
        } else {
          // The messages render with this state; the focus follows once they are there.
          requestAnimationFrame(() => {
            const field = first && sectionRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
            (field || messageRef.current)?.focus();
          });
        }
      },
    });
  }

  const sent = failure?.sent;
  const sectionBody: Record<ProfileSection, () => ReactNode> = {
    algemeen: () => <GeneralSection profile={profile} lists={lists} {...draftProps("algemeen")} />,
    voorkeuren: () => <PreferencesSection lists={lists} {...draftProps("voorkeuren")} />,
    beschikbaarheid: () => <AvailabilitySection lists={lists} {...draftProps("beschikbaarheid")} />,
    contact: () => <ContactSection profile={profile} {...draftProps("contact")} />,
    werkervaring: () => <ExperienceSection {...draftProps("werkervaring")} sent={sent?.werkervaring ?? []} />,
    opleidingen: () => (
      <EducationSection lists={lists} {...draftProps("opleidingen")} sent={sent?.opleidingen ?? []} />
    ),
    cursussen: () => <CoursesSection {...draftProps("cursussen")} sent={sent?.cursussen ?? []} />,
    media: () => (
      <MediaSection
        profile={profile}
        consented={consented}
        {...draftProps("media")}
        sent={{ videos: sent?.videos ?? new Map(), links: sent?.links ?? new Map() }}
      />
    ),
    documenten: () => <DocumentsSection profile={profile} />,
    hobbys: () => <HobbiesSection {...draftProps("hobbys")} />,
  };
  const { previous, next } = neighbours(section);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
        <Stack gap="md" style={{ position: "sticky", top: 80 }}>
          <Card withBorder padding="md" radius="md" visibleFrom="md">
            <SectionNav current={section} stateOf={stateOf} />
          </Card>
          <Card withBorder padding="md" radius="md" component="section" aria-labelledby={completenessId}>
            <Title order={2} size="h5" id={completenessId} mb="xs">
              {t("profile.completeness.title")}
            </Title>
            <CompletenessMeter completeness={me.completeness} />
          </Card>
          <Card withBorder padding="md" radius="md">
            <VisibilitySummary me={me} />
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8, lg: 9 }} order={{ base: -1, md: 0 }}>
        <form onSubmit={submit} noValidate aria-label={t("menu.profile")}>
          <Stack gap="md">
            <Text c="dimmed">{t("profile.editor.intro")}</Text>
            <Stack hiddenFrom="md">
              <SectionSelect current={section} stateOf={stateOf} onChange={go} />
            </Stack>
            <div ref={sectionRef}>{sectionBody[section]()}</div>
            <Group justify="space-between" gap="sm">
              {previous ? (
                <Button
                  component={AppLink}
                  href={sectionHref(previous)}
                  variant="default"
                  leftSection={<IconArrowLeft aria-hidden="true" size={16} />}
                >
                  {t("profile.editor.previous", { section: name(previous) })}
                </Button>
              ) : (
                <span />
              )}
              {next && (
                <Button
                  component={AppLink}
                  href={sectionHref(next)}
                  variant="default"
                  rightSection={<IconArrowRight aria-hidden="true" size={16} />}
                >
                  {t("profile.editor.next", { section: name(next) })}
                </Button>
              )}
            </Group>
            <SaveBar
              changed={changed.map(name)}
              saving={save.isPending}
              failure={failure}
              invalid={invalid.map(name)}
              messageRef={messageRef}
            />
          </Stack>
        </form>
        <LeaveDialog changed={changed.map(name)} dirty={changed.length > 0} />
      </Grid.Col>
    </Grid>
  );
}

/**
 * "Mijn profiel": the HalloWerk candidate profile as an editor of one section at a time (the
 * section is in the address), with drafts kept across sections and one save for all of them.
 */
export function ProfileEditor({ section }: { section: ProfileSection | undefined }) {
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
        section={section ?? "algemeen"}
        focusOnOpen={section !== undefined}
      />
    </Stack>
  );
}
