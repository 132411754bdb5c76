import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconUserPlus } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { INVITABLE_ROLES, type ManagedUser } from "../../../contracts/identity";
import { Dialog } from "../../ui/dialog";
import { meQuery } from "../account/me-query";
import { FormError, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { changeMembership, revokeAccess, usersQuery } from "../settings/settings-api";
import { dateTimeFormat } from "./format";
import { InvitationList, InviteForm } from "./invitations";

type Membership = ManagedUser["memberships"][number];
type InvitableRole = (typeof INVITABLE_ROLES)[number];
const isInvitable = (role: string): role is InvitableRole =>
  (INVITABLE_ROLES as readonly string[]).includes(role);

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

/** Role and "may manage vacancies" of one membership, in the change-role dialog. */
function MembershipForm({
  user,
  membership,
  onDone,
}: {
  user: ManagedUser;
  membership: Membership;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<InvitableRole | null>(
    isInvitable(membership.role) ? membership.role : null,
  );
  const [mayManage, setMayManage] = useState(membership.mayManageVacancies);
  const mutation = useMutation({
    mutationFn: changeMembership,
    onSuccess: (saved) => {
      queryClient.setQueryData(usersQuery.queryKey, (old) =>
        old ? { users: old.users.map((u) => (u.id === saved.id ? saved : u)) } : old,
      );
      onDone();
    },
  });

  if (role === null) {
    // Candidates and platform admins are not given their role by invitation, nor changed here.
    return (
      <Text c="dimmed">
        {membership.organisationName}: {t(`roles.${membership.role}`)}
      </Text>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!role) return;
    mutation.mutate({
      userId: user.id,
      membershipId: membership.id,
      role,
      mayManageVacancies: role === "employer_contact" && mayManage,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError error={mutation.error} />
        <NativeSelect
          label={t("admin.users.roleIn", { organisation: membership.organisationName })}
          value={role}
          onChange={(event) => {
            const next = event.currentTarget.value;
            if (isInvitable(next)) setRole(next);
          }}
          data={INVITABLE_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
        />
        {role === "employer_contact" && (
          <Checkbox
            label={t("admin.mayManageVacancies")}
            checked={mayManage}
            onChange={(event) => setMayManage(event.currentTarget.checked)}
          />
        )}
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending}>
            {t("identity.save")}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t("identity.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ChangeRoleDialog({ user, onClose }: { user: ManagedUser; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("admin.users.changeRoleTitle", { name: user.name })}
      closeLabel={t("admin.close")}
    >
      <Stack gap="lg">
        {user.memberships.map((membership) => (
          <MembershipForm key={membership.id} user={user} membership={membership} onDone={onClose} />
        ))}
      </Stack>
    </Dialog>
  );
}

function RevokeDialog({
  user,
  onClose,
  onDone,
}: {
  user: ManagedUser;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => revokeAccess(user.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersQuery.queryKey });
      onDone();
    },
  });
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("admin.users.revokeTitle", { name: user.name })}
      closeLabel={t("admin.close")}
    >
      <Stack gap="md">
        <Text>{t("admin.users.revokeText", { name: user.name, email: user.email })}</Text>
        <FormError error={mutation.error} />
        <Group gap="sm">
          <Button color="red.9" loading={mutation.isPending} onClick={() => mutation.mutate()} data-autofocus>
            {t("admin.users.revokeConfirm")}
          </Button>
          <Button variant="subtle" onClick={onClose}>
            {t("identity.cancel")}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}

function UserRow({
  user,
  self,
  onChangeRole,
  onRevoke,
}: {
  user: ManagedUser;
  self: boolean;
  onChangeRole: () => void;
  onRevoke: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = dateTimeFormat(locale);
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={600}>
        {user.name}
      </Table.Th>
      <Table.Td style={{ overflowWrap: "anywhere" }}>{user.email}</Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {user.memberships.map((m) => (
            <Text key={m.id} size="sm">
              {m.organisationName}: {t(`roles.${m.role}`)}
              {m.mayManageVacancies ? ` (${t("admin.mayManageVacanciesShort")})` : ""}
            </Text>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Badge
          color={user.twoFactorEnabled ? "teal.9" : "gray.7"}
          variant="filled"
          style={{ overflow: "visible" }}
          styles={{ label: { overflow: "visible" } }}
        >
          {user.twoFactorEnabled ? t("settings.twoFactor.on") : t("settings.twoFactor.off")}
        </Badge>
      </Table.Td>
      <Table.Td>
        {user.lastActiveAt ? format.format(new Date(user.lastActiveAt)) : t("admin.users.never")}
      </Table.Td>
      <Table.Td>
        <Badge
          color={user.deactivated ? "red.9" : "teal.9"}
          variant="filled"
          style={{ overflow: "visible" }}
          styles={{ label: { overflow: "visible" } }}
        >
          {user.deactivated ? t("admin.users.revoked") : t("admin.users.active")}
        </Badge>
      </Table.Td>
      <Table.Td>
        {self ? (
          <Text size="sm" c="dimmed">
            {t("admin.users.you")}
          </Text>
        ) : (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="outline"
              onClick={onChangeRole}
              disabled={user.deactivated || !user.memberships.some((m) => isInvitable(m.role))}
              aria-label={t("admin.users.changeRoleOf", { name: user.name })}
            >
              {t("admin.users.changeRole")}
            </Button>
            <Button
              size="xs"
              variant="outline"
              color="red"
              onClick={onRevoke}
              disabled={user.deactivated}
              aria-label={t("admin.users.revokeOf", { name: user.name })}
            >
              {t("admin.users.revoke")}
            </Button>
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function UsersTable() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useQuery(meQuery);
  const users = useQuery(usersQuery);
  const [editing, setEditing] = useState<ManagedUser | null>(null);
  const [revoking, setRevoking] = useState<ManagedUser | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  // The platform admin (or an admin of a family) sees several organisations: one can be chosen.
  const [organisationId, setOrganisationId] = useState("");
  const organisations = useMemo(() => {
    const byId = new Map<string, string>();
    for (const user of users.data?.users ?? [])
      for (const m of user.memberships) byId.set(m.organisationId, m.organisationName);
    return [...byId]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [users.data]);

  if (users.isPending) return <Loader size="sm" aria-label={t("shell.loading")} />;
  if (users.isError) return <Notice color="red">{errorText(users.error)}</Notice>;

  return (
    <Stack gap="sm">
      {revoked && (
        <Notice color="green" status>
          {t("admin.users.revokedDone", { name: revoked })}
        </Notice>
      )}
      {organisations.length > 1 && (
        <NativeSelect
          label={t("admin.users.filterOrganisation")}
          maw={420}
          value={organisationId}
          onChange={(event) => setOrganisationId(event.currentTarget.value)}
          data={[{ value: "", label: t("admin.users.allOrganisations") }, ...organisations]}
        />
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="sm" striped>
          <Table.Caption c="dimmed">{t("admin.users.caption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("identity.name")}</Table.Th>
              <Table.Th scope="col">{t("identity.email")}</Table.Th>
              <Table.Th scope="col">{t("admin.users.organisationRole")}</Table.Th>
              <Table.Th scope="col">{t("settings.twoFactor.title")}</Table.Th>
              <Table.Th scope="col">{t("admin.users.lastActive")}</Table.Th>
              <Table.Th scope="col">{t("admin.users.status")}</Table.Th>
              <Table.Th scope="col">{t("admin.actions")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.data.users
              .filter(
                (user) =>
                  !organisationId || user.memberships.some((m) => m.organisationId === organisationId),
              )
              .map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  self={user.id === me.data?.id}
                  onChangeRole={() => setEditing(user)}
                  onRevoke={() => {
                    setRevoked(null);
                    setRevoking(user);
                  }}
                />
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && <ChangeRoleDialog user={editing} onClose={() => setEditing(null)} />}
      {revoking && (
        <RevokeDialog
          user={revoking}
          onClose={() => setRevoking(null)}
          onDone={() => {
            setRevoked(revoking.name);
            setRevoking(null);
          }}
        />
      )}
    </Stack>
  );
}

/** The manual's "Gebruikersbeheer": the people of the organisation, their roles and invitations. */
export function UserManagement({ openInvitations = false }: { openInvitations?: boolean }) {
  const { t } = useTranslation();
  const [inviting, setInviting] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      <Section
        title={t("admin.users.title")}
        action={
          <Button
            leftSection={<IconUserPlus aria-hidden="true" size={18} />}
            onClick={() => {
              setSentTo(null);
              setInviting(true);
            }}
          >
            {t("admin.invite.open")}
          </Button>
        }
      >
        <UsersTable />
      </Section>
      <Section title={t("admin.invitations.title")}>
        <Stack gap="sm">
          {sentTo && (
            <Notice color="green" status>
              {t("admin.invite.sent", { email: sentTo })}
            </Notice>
          )}
          <InvitationList openOnly={openInvitations} />
        </Stack>
      </Section>
      <Dialog
        opened={inviting}
        onClose={() => setInviting(false)}
        title={t("admin.invite.title")}
        closeLabel={t("admin.close")}
        size="lg"
      >
        <InviteForm
          onSent={(email) => {
            setSentTo(email);
            setInviting(false);
          }}
          onCancel={() => setInviting(false)}
        />
      </Dialog>
    </Stack>
  );
}
