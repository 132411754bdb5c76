import {
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../contracts/common";
import { INVITABLE_ROLES, type Invitation } from "../../../contracts/identity";
import { meQuery } from "../account/me-query";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import {
  createInvitation,
  invitationAction,
  invitationsQuery,
  organisationsQuery,
  usersQuery,
} from "../settings/settings-api";
import { dateFormat } from "./format";

type InvitableRole = (typeof INVITABLE_ROLES)[number];
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Where this admin may invite people: any organisation for a platform admin, otherwise the
 * organisations the admin manages, read from their own row of the user list.
 */
function useInvitableOrganisations(): { organisations: { id: string; name: string }[]; pending: boolean } {
  const me = useQuery(meQuery);
  const platformAdmin = me.data?.roles.includes("platform_admin") ?? false;
  const organisations = useQuery({ ...organisationsQuery, enabled: platformAdmin });
  const users = useQuery(usersQuery);
  return useMemo(() => {
    if (platformAdmin) {
      return {
        organisations: (organisations.data?.organisations ?? []).map((o) => ({ id: o.id, name: o.name })),
        pending: organisations.isPending,
      };
    }
    const all = users.data?.users ?? [];
    const own = all.find((u) => u.id === me.data?.id);
    const memberships = own
      ? own.memberships.filter((m) => m.role === "org_admin")
      : all.flatMap((u) => u.memberships);
    const byId = new Map(memberships.map((m) => [m.organisationId, m.organisationName]));
    return {
      organisations: [...byId]
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      pending: users.isPending,
    };
  }, [platformAdmin, organisations.data, organisations.isPending, users.data, users.isPending, me.data?.id]);
}

export function InviteForm({ onSent, onCancel }: { onSent: (email: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const { organisations, pending } = useInvitableOrganisations();
  const [email, setEmail] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [role, setRole] = useState<InvitableRole>("account_manager");
  const [mayManage, setMayManage] = useState(false);
  const [message, setMessage] = useState("");
  const [mailLocale, setMailLocale] = useState<Locale>(locale);
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: createInvitation,
    onSuccess: (invitation) => {
      void queryClient.invalidateQueries({ queryKey: invitationsQuery.queryKey });
      onSent(invitation.email);
    },
  });
  const chosenOrganisation = organisationId || organisations[0]?.id || "";
  const emailInvalid = attempted && !EMAIL_PATTERN.test(email.trim());

  if (pending) return <Loader size="sm" aria-label={t("shell.loading")} />;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    mutation.reset();
    if (!EMAIL_PATTERN.test(email.trim()) || !chosenOrganisation) return;
    mutation.mutate({
      email: email.trim(),
      organisationId: chosenOrganisation,
      role,
      mayManageVacancies: role === "employer_contact" && mayManage,
      personalMessage: message.trim() === "" ? null : message.trim(),
      locale: mailLocale,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text c="dimmed">{t("admin.invite.intro")}</Text>
        <FormError error={mutation.error} />
        <TextInput
          label={t("identity.email")}
          type="email"
          autoComplete="off"
          required
          data-autofocus
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={
            fieldErrors(mutation.error, "email")[0] ?? (emailInvalid ? t("identity.emailInvalid") : undefined)
          }
        />
        <NativeSelect
          label={t("invitation.organisation")}
          required
          value={chosenOrganisation}
          onChange={(event) => setOrganisationId(event.currentTarget.value)}
          data={organisations.map((o) => ({ value: o.id, label: o.name }))}
          error={
            attempted && !chosenOrganisation
              ? t("admin.invite.noOrganisation")
              : fieldErrors(mutation.error, "organisationId")[0]
          }
        />
        <NativeSelect
          label={t("invitation.role")}
          required
          value={role}
          onChange={(event) => {
            const next = INVITABLE_ROLES.find((r) => r === event.currentTarget.value);
            if (next) setRole(next);
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
        <Textarea
          label={t("admin.invite.message")}
          description={t("admin.invite.messageHint")}
          autosize
          minRows={3}
          maxLength={2000}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          error={fieldErrors(mutation.error, "personalMessage")[0]}
        />
        <NativeSelect
          label={t("admin.invite.mailLanguage")}
          value={mailLocale}
          onChange={(event) => setMailLocale(event.currentTarget.value === "en" ? "en" : "nl")}
          data={[
            { value: "nl", label: "Nederlands" },
            { value: "en", label: "English" },
          ]}
        />
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending}>
            {t("admin.invite.submit")}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t("identity.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const STATUS_COLOR: Record<Invitation["status"], string> = {
  pending: "blue.8",
  accepted: "teal.9",
  revoked: "red.9",
  expired: "gray.7",
};

const DELIVERY_COLOR: Record<Invitation["delivery"], string> = {
  sending: "gray.7",
  sent: "teal.9",
  failed: "red.9",
};

/** Whether the list should look again soon: a mail is still on its way. */
const stillSending = (invitations: readonly Invitation[] | undefined) =>
  invitations?.some((i) => i.status === "pending" && i.delivery === "sending") ?? false;

/** Where an open invitation's mail is: on its way, delivered, or failed (resending tries again). */
function DeliveryBadge({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  if (invitation.status !== "pending") return null;
  return (
    <Badge
      color={DELIVERY_COLOR[invitation.delivery]}
      variant={invitation.delivery === "failed" ? "filled" : "outline"}
      style={{ overflow: "visible" }}
      styles={{ label: { overflow: "visible" } }}
    >
      {t(`admin.invitations.delivery.${invitation.delivery}`)}
    </Badge>
  );
}

/** The organisation's invitations; `openOnly` starts with only those not yet accepted (the staff home's link). */
export function InvitationList({ openOnly = false }: { openOnly?: boolean }) {
  const { t } = useTranslation();
  const [onlyOpen, setOnlyOpen] = useState(openOnly);
  const locale = useLocale();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const invitations = useQuery({
    ...invitationsQuery,
    refetchInterval: (query) => (stillSending(query.state.data?.invitations) ? 2_000 : false),
  });
  const [done, setDone] = useState<string | null>(null);
  const action = useMutation({
    mutationFn: ({ id, what }: { id: string; what: "resend" | "revoke"; email: string }) =>
      invitationAction(id, what),
    onSuccess: (saved, { what, email }) => {
      queryClient.setQueryData(invitationsQuery.queryKey, (old) =>
        old ? { invitations: old.invitations.map((i) => (i.id === saved.id ? saved : i)) } : old,
      );
      setDone(t(what === "resend" ? "admin.invitations.resent" : "admin.invitations.revokedDone", { email }));
    },
  });
  const format = dateFormat(locale);

  if (invitations.isPending) return <Loader size="sm" aria-label={t("shell.loading")} />;
  if (invitations.isError) return <Notice color="red">{errorText(invitations.error)}</Notice>;
  if (invitations.data.invitations.length === 0)
    return <Text c="dimmed">{t("admin.invitations.empty")}</Text>;
  const shown = onlyOpen
    ? invitations.data.invitations.filter((i) => i.status === "pending")
    : invitations.data.invitations;

  return (
    <Stack gap="sm">
      {done && (
        <Notice color="green" status>
          {done}
        </Notice>
      )}
      <FormError error={action.error} />
      <Checkbox
        label={t("admin.invitations.onlyOpen")}
        checked={onlyOpen}
        onChange={(event) => setOnlyOpen(event.currentTarget.checked)}
      />
      {shown.length === 0 ? (
        <Text c="dimmed">{t("admin.invitations.noneOpen")}</Text>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="sm" striped>
            <Table.Caption c="dimmed">{t("admin.invitations.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("identity.email")}</Table.Th>
                <Table.Th scope="col">{t("admin.users.organisationRole")}</Table.Th>
                <Table.Th scope="col">{t("admin.users.status")}</Table.Th>
                <Table.Th scope="col">{t("admin.invitations.invitedBy")}</Table.Th>
                <Table.Th scope="col">{t("admin.invitations.lastSent")}</Table.Th>
                <Table.Th scope="col">{t("admin.invitations.expires")}</Table.Th>
                <Table.Th scope="col">{t("admin.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((invitation) => {
                const busy = action.isPending && action.variables?.id === invitation.id;
                return (
                  <Table.Tr key={invitation.id}>
                    <Table.Th scope="row" fw={600} style={{ overflowWrap: "anywhere" }}>
                      {invitation.email}
                    </Table.Th>
                    <Table.Td>
                      {invitation.organisationName}: {t(`roles.${invitation.role}`)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Badge
                          color={STATUS_COLOR[invitation.status]}
                          variant="filled"
                          style={{ overflow: "visible" }}
                          styles={{ label: { overflow: "visible" } }}
                        >
                          {t(`admin.invitations.status.${invitation.status}`)}
                        </Badge>
                        <DeliveryBadge invitation={invitation} />
                      </Group>
                      {invitation.status === "pending" && invitation.delivery === "failed" && (
                        <Text size="sm" c="red" mt={4}>
                          {t("admin.invitations.deliveryFailedHint")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{invitation.invitedBy.name}</Table.Td>
                    <Table.Td>{format.format(new Date(invitation.lastSentAt))}</Table.Td>
                    <Table.Td>{format.format(new Date(invitation.expiresAt))}</Table.Td>
                    <Table.Td>
                      {(invitation.status === "pending" || invitation.status === "expired") && (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="outline"
                            loading={busy && action.variables?.what === "resend"}
                            aria-label={t("admin.invitations.resendTo", { email: invitation.email })}
                            onClick={() => {
                              setDone(null);
                              action.mutate({ id: invitation.id, what: "resend", email: invitation.email });
                            }}
                          >
                            {t("admin.invitations.resend")}
                          </Button>
                          {invitation.status === "pending" && (
                            <Button
                              size="xs"
                              variant="outline"
                              color="red"
                              loading={busy && action.variables?.what === "revoke"}
                              aria-label={t("admin.invitations.revokeFor", { email: invitation.email })}
                              onClick={() => {
                                setDone(null);
                                action.mutate({ id: invitation.id, what: "revoke", email: invitation.email });
                              }}
                            >
                              {t("admin.invitations.revoke")}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
