import { Box, Button, Card, Group, Menu, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import {
  IconArrowsMove,
  IconChevronDown,
  IconEdit,
  IconMailPlus,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlus,
  IconSearch,
  IconTrash,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminOrganisation } from "../../../contracts/platform-admin";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../../contracts/tenancy";
import { Dialog } from "../../ui/dialog";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { PageLoader, PlainBadge } from "../vacancies/ui";
import {
  adminOrganisationsQuery,
  adminPortalsQuery,
  createOrganisation,
  deleteOrganisation,
  inviteOrganisationAdmin,
  moveOrganisation,
  platformAdminKeys,
  setOrganisationActive,
  updateOrganisation,
} from "./platform-admin-api";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const KVK_PATTERN = /^\d{8}$/;

type DialogState =
  | { kind: "create"; parent: AdminOrganisation | null }
  | { kind: "edit"; organisation: AdminOrganisation }
  | { kind: "move"; organisation: AdminOrganisation }
  | { kind: "invite"; organisation: AdminOrganisation }
  | { kind: "deactivate"; organisation: AdminOrganisation }
  | { kind: "delete"; organisation: AdminOrganisation };

/** `id` and every organisation under it. */
function subtreeOf(id: string, all: readonly AdminOrganisation[]): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of all)
      if (o.parentId && found.has(o.parentId) && !found.has(o.id)) {
        found.add(o.id);
        grew = true;
      }
  }
  return found;
}

/**
 * "Organisaties": every organisation of every kind as a tree of departments and branches, with
 * search and a kind filter; create, change, move, deactivate, delete an empty one, and invite an
 * organisation's first administrator.
 */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [q, setQ] = useState("");
  const [kind, setKind] = useState<OrganisationKind | "">("");
  const [portalId, setPortalId] = useState("");
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query = {
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(kind ? { kind } : {}),
    ...(portalId ? { portalId } : {}),
  };
  const list = useQuery(adminOrganisationsQuery(query));
  const portals = useQuery(adminPortalsQuery);

  const done = async (message: string) => {
    setDialog(null);
    setNotice(message);
    await queryClient.invalidateQueries({ queryKey: platformAdminKeys.organisations });
    await queryClient.invalidateQueries({ queryKey: platformAdminKeys.portals });
  };

  const tree = useMemo(() => {
    const organisations = list.data?.organisations ?? [];
    const ids = new Set(organisations.map((o) => o.id));
    const children = new Map<string | null, AdminOrganisation[]>();
    for (const o of organisations) {
      const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), o]);
    }
    for (const group of children.values()) group.sort((a, b) => a.name.localeCompare(b.name));
    return { children, matches: new Set(list.data?.matches ?? []) };
  }, [list.data]);

  if (portals.isError) return <Notice color="red">{errorText(portals.error)}</Notice>;

  const renderLevel = (parentId: string | null, depth: number): ReactNode => {
    const level = tree.children.get(parentId) ?? [];
    if (level.length === 0) return null;
    return (
      <Box component="ul" role="list" p={0} m={0} style={{ listStyle: "none" }} ml={depth === 0 ? 0 : "lg"}>
        {level.map((o) => (
          <li key={o.id}>
            <OrganisationRow
              organisation={o}
              dimmed={!tree.matches.has(o.id)}
              portalSlug={o.homePortalSlug}
              onAction={setDialog}
            />
            {renderLevel(o.id, depth + 1)}
          </li>
        ))}
      </Box>
    );
  };

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-start">
        <Text c="dimmed" maw={720}>
          {t("platformAdmin.organisations.intro")}
        </Text>
        <Button
          leftSection={<IconPlus aria-hidden="true" size={18} />}
          onClick={() => setDialog({ kind: "create", parent: null })}
          disabled={!portals.data}
        >
          {t("platformAdmin.organisations.new")}
        </Button>
      </Group>
      {notice && (
        <Notice color="green" status>
          {notice}
        </Notice>
      )}
      <Group align="flex-end" gap="md" role="search" aria-label={t("platformAdmin.organisations.filters")}>
        <TextInput
          label={t("platformAdmin.organisations.search")}
          description={t("platformAdmin.organisations.searchHint")}
          leftSection={<IconSearch aria-hidden="true" size={16} />}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          w={320}
        />
        <NativeSelect
          label={t("platformAdmin.organisations.kind")}
          value={kind}
          onChange={(event) => {
            const next = ORGANISATION_KINDS.find((k) => k === event.currentTarget.value);
            setKind(next ?? "");
          }}
          data={[
            { value: "", label: t("platformAdmin.organisations.allKinds") },
            ...ORGANISATION_KINDS.map((value) => ({ value, label: t(`platformAdmin.kinds.${value}`) })),
          ]}
        />
        <NativeSelect
          label={t("platformAdmin.organisations.portal")}
          value={portalId}
          onChange={(event) => setPortalId(event.currentTarget.value)}
          data={[
            { value: "", label: t("platformAdmin.organisations.allPortals") },
            ...(portals.data ?? []).map((p) => ({ value: p.id, label: p.name.nl })),
          ]}
        />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <Notice color="red">{errorText(list.error)}</Notice>
      ) : list.data.matches.length === 0 ? (
        <Text>{t("platformAdmin.organisations.none")}</Text>
      ) : (
        <Stack gap="xs" aria-live="polite">
          <Text size="sm" c="dimmed">
            {t("platformAdmin.organisations.count", { count: list.data.matches.length })}
          </Text>
          {renderLevel(null, 0)}
        </Stack>
      )}
      {dialog && portals.data && (
        <OrganisationDialogs
          dialog={dialog}
          portals={portals.data.filter((p) => p.active).map((p) => ({ value: p.id, label: p.name.nl }))}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      )}
    </Stack>
  );
}

function OrganisationRow({
  organisation: o,
  dimmed,
  portalSlug,
  onAction,
}: {
  organisation: AdminOrganisation;
  dimmed: boolean;
  portalSlug: string;
  onAction: (dialog: DialogState) => void;
}) {
  const { t } = useTranslation();
  const empty = o.memberCount === 0 && o.childCount === 0;
  return (
    <Card withBorder padding="sm" radius="md" mb="xs" opacity={dimmed ? 0.75 : 1}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={dimmed ? 400 : 600}>{o.name}</Text>
            <PlainBadge color="blue.8">{t(`platformAdmin.kinds.${o.kind}`)}</PlainBadge>
            {!o.active && <PlainBadge color="gray.7">{t("platformAdmin.status.inactive")}</PlainBadge>}
          </Group>
          <Text size="sm" c="dimmed">
            {[
              o.parentId ? t("platformAdmin.organisations.department") : null,
              t("platformAdmin.organisations.portalOf", { slug: portalSlug }),
              o.kvkNumber ? t("platformAdmin.organisations.kvkOf", { kvk: o.kvkNumber }) : null,
              t("platformAdmin.organisations.members", { count: o.memberCount }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
        </Stack>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              variant="default"
              size="sm"
              aria-label={t("platformAdmin.organisations.actionsFor", { name: o.name })}
              rightSection={<IconChevronDown aria-hidden="true" size={16} />}
            >
              {t("platformAdmin.organisations.actions")}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconEdit aria-hidden="true" size={16} />}
              onClick={() => onAction({ kind: "edit", organisation: o })}
            >
              {t("platformAdmin.organisations.edit")}
            </Menu.Item>
            {o.active && (
              <Menu.Item
                leftSection={<IconPlus aria-hidden="true" size={16} />}
                onClick={() => onAction({ kind: "create", parent: o })}
              >
                {t("platformAdmin.organisations.addDepartment")}
              </Menu.Item>
            )}
            <Menu.Item
              leftSection={<IconArrowsMove aria-hidden="true" size={16} />}
              onClick={() => onAction({ kind: "move", organisation: o })}
            >
              {t("platformAdmin.organisations.move")}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconMailPlus aria-hidden="true" size={16} />}
              onClick={() => onAction({ kind: "invite", organisation: o })}
            >
              {t("platformAdmin.organisations.inviteAdmin")}
            </Menu.Item>
            <Menu.Item
              leftSection={
                o.active ? (
                  <IconPlayerPause aria-hidden="true" size={16} />
                ) : (
                  <IconPlayerPlay aria-hidden="true" size={16} />
                )
              }
              onClick={() => onAction({ kind: "deactivate", organisation: o })}
            >
              {t(
                o.active
                  ? "platformAdmin.organisations.deactivate"
                  : "platformAdmin.organisations.reactivate",
              )}
            </Menu.Item>
            {empty && (
              <Menu.Item
                color="red"
                leftSection={<IconTrash aria-hidden="true" size={16} />}
                onClick={() => onAction({ kind: "delete", organisation: o })}
              >
                {t("platformAdmin.organisations.delete")}
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Card>
  );
}

function OrganisationDialogs({
  dialog,
  portals,
  onClose,
  onDone,
}: {
  dialog: DialogState;
  portals: Array<{ value: string; label: string }>;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const title =
    dialog.kind === "create"
      ? dialog.parent
        ? t("platformAdmin.organisations.addDepartmentTo", { name: dialog.parent.name })
        : t("platformAdmin.organisations.new")
      : t(
          `platformAdmin.organisations.titles.${
            dialog.kind === "deactivate" && !dialog.organisation.active ? "reactivate" : dialog.kind
          }`,
          { name: dialog.organisation.name },
        );
  return (
    <Dialog opened onClose={onClose} title={title} closeLabel={t("platformAdmin.close")} size="lg">
      {dialog.kind === "create" && (
        <OrganisationForm
          parent={dialog.parent}
          organisation={null}
          portals={portals}
          onClose={onClose}
          onDone={onDone}
        />
      )}
      {dialog.kind === "edit" && (
        <OrganisationForm
          parent={null}
          organisation={dialog.organisation}
          portals={portals}
          onClose={onClose}
          onDone={onDone}
        />
      )}
      {dialog.kind === "move" && (
        <MoveForm organisation={dialog.organisation} onClose={onClose} onDone={onDone} />
      )}
      {dialog.kind === "invite" && (
        <InviteForm organisation={dialog.organisation} onClose={onClose} onDone={onDone} />
      )}
      {dialog.kind === "deactivate" && (
        <ConfirmAction
          text={
            dialog.organisation.active
              ? t("platformAdmin.organisations.deactivateConfirm")
              : t("platformAdmin.organisations.reactivateConfirm")
          }
          label={
            dialog.organisation.active
              ? t("platformAdmin.organisations.deactivate")
              : t("platformAdmin.organisations.reactivate")
          }
          danger={dialog.organisation.active}
          action={() => setOrganisationActive(dialog.organisation.id, !dialog.organisation.active)}
          onClose={onClose}
          onDone={() =>
            onDone(
              t(
                dialog.organisation.active
                  ? "platformAdmin.organisations.deactivated"
                  : "platformAdmin.organisations.reactivated",
                { name: dialog.organisation.name },
              ),
            )
          }
        />
      )}
      {dialog.kind === "delete" && (
        <ConfirmAction
          text={t("platformAdmin.organisations.deleteConfirm")}
          label={t("platformAdmin.organisations.delete")}
          danger
          action={() => deleteOrganisation(dialog.organisation.id)}
          onClose={onClose}
          onDone={() => onDone(t("platformAdmin.organisations.deleted", { name: dialog.organisation.name }))}
        />
      )}
    </Dialog>
  );
}

function ConfirmAction({
  text,
  label,
  danger,
  action,
  onClose,
  onDone,
}: {
  text: string;
  label: string;
  danger: boolean;
  action: () => Promise<unknown>;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const run = useMutation({ mutationFn: action, onSuccess: onDone });
  return (
    <Stack gap="sm">
      <Text>{text}</Text>
      <FormError error={run.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t("platformAdmin.cancel")}
        </Button>
        <Button color={danger ? "red" : "teal"} loading={run.isPending} onClick={() => run.mutate()}>
          {label}
        </Button>
      </Group>
    </Stack>
  );
}

/** A new organisation (top level or under `parent`), or changes to an existing one. */
function OrganisationForm({
  parent,
  organisation,
  portals,
  onClose,
  onDone,
}: {
  parent: AdminOrganisation | null;
  organisation: AdminOrganisation | null;
  portals: Array<{ value: string; label: string }>;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(organisation?.name ?? "");
  const [kind, setKind] = useState<OrganisationKind>(organisation?.kind ?? parent?.kind ?? "municipality");
  const [kvk, setKvk] = useState(organisation?.kvkNumber ?? "");
  const [homePortalId, setHomePortalId] = useState(organisation?.homePortalId ?? portals[0]?.value ?? "");
  const [attempted, setAttempted] = useState(false);
  const topLevel = organisation ? organisation.parentId === null : parent === null;
  const save = useMutation({
    mutationFn: () => {
      const kvkNumber = kvk.trim() === "" ? null : kvk.trim();
      if (organisation)
        return updateOrganisation(organisation.id, {
          name: name.trim(),
          kvkNumber,
          ...(topLevel && homePortalId ? { homePortalId } : {}),
        });
      return createOrganisation({
        kind,
        name: name.trim(),
        kvkNumber,
        parentId: parent?.id ?? null,
        homePortalId: parent ? null : homePortalId,
      });
    },
    onSuccess: (saved) =>
      onDone(
        t(organisation ? "platformAdmin.organisations.saved" : "platformAdmin.organisations.created", {
          name: saved.name,
        }),
      ),
  });
  const nameBad = attempted && name.trim().length < 2;
  const kvkBad = attempted && kvk.trim() !== "" && !KVK_PATTERN.test(kvk.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    save.reset();
    if (name.trim().length < 2 || (kvk.trim() !== "" && !KVK_PATTERN.test(kvk.trim()))) return;
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={save.error} />
        <TextInput
          label={t("platformAdmin.organisations.name")}
          required
          autoComplete="off"
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameBad ? t("platformAdmin.nameRequired") : fieldErrors(save.error, "name")[0]}
        />
        {!organisation && !parent && (
          <NativeSelect
            label={t("platformAdmin.organisations.kind")}
            required
            value={kind}
            onChange={(event) => {
              const next = ORGANISATION_KINDS.find((k) => k === event.currentTarget.value);
              if (next) setKind(next);
            }}
            data={ORGANISATION_KINDS.map((value) => ({ value, label: t(`platformAdmin.kinds.${value}`) }))}
          />
        )}
        {parent && (
          <Text size="sm">{t("platformAdmin.organisations.inheritsFrom", { name: parent.name })}</Text>
        )}
        <TextInput
          label={t("platformAdmin.organisations.kvk")}
          description={t("platformAdmin.organisations.kvkHint")}
          autoComplete="off"
          inputMode="numeric"
          maw={240}
          value={kvk}
          onChange={(event) => setKvk(event.currentTarget.value)}
          error={
            kvkBad ? t("platformAdmin.organisations.kvkInvalid") : fieldErrors(save.error, "kvkNumber")[0]
          }
        />
        {topLevel && (
          <NativeSelect
            label={t("platformAdmin.organisations.homePortal")}
            description={t("platformAdmin.organisations.homePortalHint")}
            required
            value={homePortalId}
            onChange={(event) => setHomePortalId(event.currentTarget.value)}
            data={portals}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t("platformAdmin.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {organisation ? t("platformAdmin.save") : t("platformAdmin.organisations.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Under another organisation of the same kind (never its own subtree), or to the top level. */
function MoveForm({
  organisation,
  onClose,
  onDone,
}: {
  organisation: AdminOrganisation;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const all = useQuery(adminOrganisationsQuery({}));
  const [parentId, setParentId] = useState(organisation.parentId ?? "");
  const move = useMutation({
    mutationFn: () => moveOrganisation(organisation.id, parentId || null),
    onSuccess: (moved) => onDone(t("platformAdmin.organisations.moved", { name: moved.name })),
  });
  const options = useMemo(() => {
    const organisations = all.data?.organisations ?? [];
    const own = subtreeOf(organisation.id, organisations);
    const byId = new Map(organisations.map((o) => [o.id, o]));
    const path = (o: AdminOrganisation): string => {
      const parent = o.parentId ? byId.get(o.parentId) : undefined;
      return parent ? `${path(parent)} › ${o.name}` : o.name;
    };
    return organisations
      .filter((o) => o.kind === organisation.kind && o.active && !own.has(o.id))
      .map((o) => ({ value: o.id, label: path(o) }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [all.data, organisation.id, organisation.kind]);
  if (all.isPending) return <PageLoader />;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        move.mutate();
      }}
      noValidate
    >
      <Stack gap="sm">
        <Text>{t("platformAdmin.organisations.moveHint")}</Text>
        <FormError error={move.error} />
        <NativeSelect
          label={t("platformAdmin.organisations.newParent")}
          data-autofocus
          value={parentId}
          onChange={(event) => setParentId(event.currentTarget.value)}
          data={[{ value: "", label: t("platformAdmin.organisations.topLevel") }, ...options]}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t("platformAdmin.cancel")}
          </Button>
          <Button
            type="submit"
            loading={move.isPending}
            disabled={(organisation.parentId ?? "") === parentId}
          >
            {t("platformAdmin.organisations.move")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The organisation's (first) administrator, by invitation: the mail links to its home portal. */
function InviteForm({
  organisation,
  onClose,
  onDone,
}: {
  organisation: AdminOrganisation;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [email, setEmail] = useState("");
  const [mailLocale, setMailLocale] = useState<"nl" | "en">(locale === "en" ? "en" : "nl");
  const [attempted, setAttempted] = useState(false);
  const invite = useMutation({
    mutationFn: () =>
      inviteOrganisationAdmin({ organisationId: organisation.id, email: email.trim(), locale: mailLocale }),
    onSuccess: (invitation) =>
      onDone(t("platformAdmin.organisations.invited", { email: invitation.email, name: organisation.name })),
  });
  const emailBad = attempted && !EMAIL_PATTERN.test(email.trim());
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setAttempted(true);
        invite.reset();
        if (EMAIL_PATTERN.test(email.trim())) invite.mutate();
      }}
      noValidate
    >
      <Stack gap="sm">
        <Text>{t("platformAdmin.organisations.inviteHint")}</Text>
        {!organisation.active && (
          <Notice color="orange">{t("platformAdmin.organisations.inviteInactive")}</Notice>
        )}
        <FormError error={invite.error} />
        <TextInput
          label={t("platformAdmin.organisations.adminEmail")}
          type="email"
          required
          autoComplete="off"
          data-autofocus
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={
            emailBad ? t("platformAdmin.organisations.emailInvalid") : fieldErrors(invite.error, "email")[0]
          }
        />
        <NativeSelect
          label={t("platformAdmin.organisations.mailLanguage")}
          value={mailLocale}
          onChange={(event) => setMailLocale(event.currentTarget.value === "en" ? "en" : "nl")}
          data={[
            { value: "nl", label: "Nederlands" },
            { value: "en", label: "English" },
          ]}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t("platformAdmin.cancel")}
          </Button>
          <Button type="submit" loading={invite.isPending}>
            {t("platformAdmin.organisations.sendInvitation")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
