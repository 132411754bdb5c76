import {
  ActionIcon,
  Button,
  Card,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { REFERRAL_COLOURS, type ReferralSettings } from "../../../contracts/referrals";
import { useBusyAction } from "../../ui/use-busy-action";
import { meQuery } from "../account/me-query";
import { employerListQuery } from "../employers/employers-api";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { PageLoader } from "../vacancies/ui";
import { referralKeys, referralSettingsQuery, updateReferralSettings } from "./referrals-api";
import {
  type DraftMilestone,
  type DraftOption,
  move,
  newMilestone,
  newOption,
  toDraft,
  toRequest,
} from "./settings-draft";
import { ColourBadge, ReferralsNav, RequireReferralStaff, useLabel } from "./ui";

function OptionRow({
  option,
  index,
  milestoneName,
  onChange,
  onRemove,
  removable,
}: {
  option: DraftOption;
  index: number;
  milestoneName: string;
  onChange: (next: DraftOption) => void;
  onRemove: () => void;
  removable: boolean;
}) {
  const { t } = useTranslation();
  const name = option.label.nl || t("referrals.settings.optionN", { n: index + 1 });
  return (
    <Fieldset
      legend={t("referrals.settings.optionLegend", { n: index + 1, milestone: milestoneName })}
      variant="unstyled"
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t("referrals.settings.labelNl")}
          value={option.label.nl}
          required
          maxLength={120}
          onChange={(e) => onChange({ ...option, label: { ...option.label, nl: e.currentTarget.value } })}
        />
        <TextInput
          label={t("referrals.settings.labelEn")}
          value={option.label.en}
          required
          maxLength={120}
          onChange={(e) => onChange({ ...option, label: { ...option.label, en: e.currentTarget.value } })}
        />
        <NativeSelect
          label={t("referrals.settings.colour")}
          value={option.colour}
          onChange={(e) => {
            const colour = REFERRAL_COLOURS.find((c) => c === e.currentTarget.value);
            if (colour) onChange({ ...option, colour });
          }}
          data={REFERRAL_COLOURS.map((c) => ({ value: c, label: t(`referrals.colour.${c}`) }))}
        />
        <ColourBadge colour={option.colour} size="sm">
          {t(`referrals.status.${option.colour}`)}
        </ColourBadge>
        <ActionIcon
          variant="subtle"
          color="red.8"
          disabled={!removable}
          aria-label={t("referrals.settings.removeOption", { name })}
          onClick={onRemove}
        >
          <IconTrash aria-hidden="true" size={18} />
        </ActionIcon>
      </Group>
    </Fieldset>
  );
}

function Editor({ settings }: { settings: ReferralSettings }) {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<DraftMilestone[]>(() => toDraft(settings));
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useBusyAction();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  // A moved milestone keeps the focus on the button that moved it (or its twin at the edge).
  useEffect(() => {
    if (!focusNext) return;
    const [id, direction] = focusNext.split("|");
    const wanted = buttons.current.get(focusNext);
    const other = buttons.current.get(`${id}|${direction === "up" ? "down" : "up"}`);
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const update = (index: number, patch: Partial<DraftMilestone>) => {
    setSaved(false);
    setDraft((list) => list.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  };

  async function save() {
    await run(async () => {
      const next = await updateReferralSettings(toRequest(settings.organisationId, draft));
      await queryClient.invalidateQueries({ queryKey: referralKeys.all });
      setDraft(toDraft(next));
      setSaved(true);
    }, errorRef);
  }

  return (
    <Stack
      component="form"
      gap="md"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Text>{t("referrals.settings.intro")}</Text>
      <div ref={errorRef} tabIndex={-1}>
        <FormError error={error} />
      </div>
      {saved && (
        <Notice color="green" status>
          {t("referrals.settings.saved")}
        </Notice>
      )}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
        {draft.map((milestone, index) => {
          const name = milestone.label.nl || t("referrals.settings.milestoneN", { n: index + 1 });
          return (
            <Card component="li" key={milestone.uid} withBorder padding="md" radius="md">
              <Stack gap="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Title order={2} size="h4">
                    {t("referrals.settings.milestoneTitle", { n: index + 1, name })}
                  </Title>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      ref={(el) => {
                        if (el) buttons.current.set(`${milestone.uid}|up`, el);
                      }}
                      variant="subtle"
                      disabled={index === 0}
                      aria-label={t("referrals.settings.moveUp", { name })}
                      onClick={() => {
                        setSaved(false);
                        setDraft((list) => move(list, index, -1));
                        setFocusNext(`${milestone.uid}|up`);
                      }}
                    >
                      <IconArrowUp aria-hidden="true" size={18} />
                    </ActionIcon>
                    <ActionIcon
                      ref={(el) => {
                        if (el) buttons.current.set(`${milestone.uid}|down`, el);
                      }}
                      variant="subtle"
                      disabled={index === draft.length - 1}
                      aria-label={t("referrals.settings.moveDown", { name })}
                      onClick={() => {
                        setSaved(false);
                        setDraft((list) => move(list, index, 1));
                        setFocusNext(`${milestone.uid}|down`);
                      }}
                    >
                      <IconArrowDown aria-hidden="true" size={18} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red.8"
                      disabled={draft.length <= 1}
                      aria-label={t("referrals.settings.remove", { name })}
                      onClick={() => {
                        setSaved(false);
                        setDraft((list) => list.filter((_, i) => i !== index));
                      }}
                    >
                      <IconTrash aria-hidden="true" size={18} />
                    </ActionIcon>
                  </Group>
                </Group>
                {milestone.phaseId === null && (
                  <Text size="sm" c="dimmed">
                    {t("referrals.settings.new")}
                  </Text>
                )}
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <TextInput
                    label={t("referrals.settings.nameNl")}
                    value={milestone.label.nl}
                    required
                    maxLength={120}
                    onChange={(e) =>
                      update(index, { label: { ...milestone.label, nl: e.currentTarget.value } })
                    }
                  />
                  <TextInput
                    label={t("referrals.settings.nameEn")}
                    value={milestone.label.en}
                    required
                    maxLength={120}
                    onChange={(e) =>
                      update(index, { label: { ...milestone.label, en: e.currentTarget.value } })
                    }
                  />
                  <NumberInput
                    label={t("referrals.settings.points")}
                    description={t("referrals.settings.pointsHint")}
                    value={milestone.points}
                    min={0}
                    max={10000}
                    step={5}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="strict"
                    onChange={(value) => update(index, { points: typeof value === "number" ? value : 0 })}
                  />
                </SimpleGrid>
                <Stack gap="xs">
                  <Text fw={700} size="sm">
                    {t("referrals.settings.options", { milestone: name })}
                  </Text>
                  {milestone.options.map((option, o) => (
                    <OptionRow
                      key={option.uid}
                      option={option}
                      index={o}
                      milestoneName={name}
                      removable={milestone.options.length > 1}
                      onChange={(next) =>
                        update(index, { options: milestone.options.map((x, i) => (i === o ? next : x)) })
                      }
                      onRemove={() => update(index, { options: milestone.options.filter((_, i) => i !== o) })}
                    />
                  ))}
                  <Group>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<IconPlus aria-hidden="true" size={16} />}
                      disabled={milestone.options.length >= 12}
                      onClick={() => update(index, { options: [...milestone.options, newOption("orange")] })}
                    >
                      {t("referrals.settings.addOption", { milestone: name })}
                    </Button>
                  </Group>
                </Stack>
              </Stack>
            </Card>
          );
        })}
      </Stack>
      <Group justify="space-between">
        <Button
          variant="outline"
          leftSection={<IconPlus aria-hidden="true" size={18} />}
          disabled={draft.length >= 20}
          onClick={() => {
            setSaved(false);
            setDraft((list) => [...list, newMilestone()]);
          }}
        >
          {t("referrals.settings.add")}
        </Button>
        <Group gap="sm">
          <Button
            variant="subtle"
            onClick={() => {
              setSaved(false);
              setDraft(toDraft(settings));
            }}
          >
            {t("referrals.settings.reset")}
          </Button>
          <Button type="submit" loading={busy}>
            {t("referrals.settings.save")}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t("referrals.settings.current", {
          list: settings.milestones.map((m) => label(m.label)).join(" → "),
        })}
      </Text>
    </Stack>
  );
}

/** The employers an account manager manages: theirs to choose from; null for anyone else. */
function useManagedEmployers(): { id: string; name: string }[] | null {
  const me = useQuery(meQuery);
  const managesEmployers = (me.data?.roles ?? []).some((r) => r === "account_manager");
  const employers = useQuery({ ...employerListQuery({ accountManager: "mine" }), enabled: managesEmployers });
  const list = employers.data?.employers ?? [];
  return managesEmployers && list.length > 0 ? list : null;
}

function Settings({
  organisationId,
  onOrganisation,
}: {
  organisationId?: string | undefined;
  onOrganisation: (organisationId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const settings = useQuery(referralSettingsQuery(organisationId));
  // An account manager works for several employers and chooses whose milestones to edit;
  // others edit their own organisation's (the server's default).
  const employers = useManagedEmployers();
  const current = settings.data?.settings.organisationId ?? organisationId;
  const mustChoose = employers !== null && current === undefined;
  return (
    <Stack gap="md">
      <ReferralsNav current="settings" />
      {employers && (
        <NativeSelect
          label={t("referrals.settings.organisation")}
          value={current ?? ""}
          onChange={(event) => onOrganisation(event.currentTarget.value || undefined)}
          data={[
            ...(current === undefined
              ? [{ value: "", label: t("referrals.settings.chooseOrganisation"), disabled: true }]
              : employers.some((e) => e.id === current)
                ? []
                : [{ value: current, label: t("referrals.settings.ownOrganisation") }]),
            ...employers.map((e) => ({ value: e.id, label: e.name })),
          ]}
          maw={400}
        />
      )}
      {settings.isPending ? (
        <PageLoader />
      ) : settings.isError ? (
        mustChoose ? (
          <Text>{t("referrals.settings.choose")}</Text>
        ) : (
          <Notice color="orange">{errorText(settings.error)}</Notice>
        )
      ) : (
        <Editor key={settings.data.settings.organisationId} settings={settings.data.settings} />
      )}
    </Stack>
  );
}

/** "Instellingen": the organisation's milestones, their outcome options and the points they give. */
export function ReferralSettingsPage({
  organisationId,
  onOrganisation,
}: {
  organisationId?: string | undefined;
  onOrganisation: (organisationId: string | undefined) => void;
}) {
  return (
    <RequireReferralStaff path="/verwijzingen/instellingen">
      <Settings organisationId={organisationId} onOrganisation={onOrganisation} />
    </RequireReferralStaff>
  );
}
