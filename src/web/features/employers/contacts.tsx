import {
  Anchor,
  Button,
  Divider,
  Group,
  NativeSelect,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from "@mantine/core";
import {
  IconEdit,
  IconMail,
  IconMailForward,
  IconSend,
  IconTrash,
  IconUserOff,
  IconUserPlus,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CONTACT_LANGUAGES,
  type ContactLanguage,
  type ContactPerson,
  type ContactPersonInput,
  type Employer,
} from "../../../contracts/employers";
import { Dialog } from "../../ui/dialog";
import { Facts } from "../../ui/facts";
import { meQuery } from "../account/me-query";
import { FormError, fieldErrors, Notice } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { NewMessageDialog } from "../messages/new-message";
import classes from "./employers.module.css";
import {
  addContact,
  deleteContact,
  employerKeys,
  inviteContact,
  revokeContact,
  updateContact,
} from "./employers-api";
import { AccessBadge, ConfirmDialog, formatDate, formatDateTime, SidePanel } from "./ui";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_PATTERN = /^\+?[0-9 ()-]{6,20}$/;

/** Keeps the cached employer in step with a contact the API has just returned. */
function useContactCache(employerId: string) {
  const queryClient = useQueryClient();
  return {
    put(contact: ContactPerson) {
      queryClient.setQueryData(employerKeys.detail(employerId), (old: Employer | undefined) => {
        if (!old) return old;
        const exists = old.contacts.some((c) => c.id === contact.id);
        return {
          ...old,
          contacts: exists
            ? old.contacts.map((c) => (c.id === contact.id ? contact : c))
            : [...old.contacts, contact],
        };
      });
      void queryClient.invalidateQueries({ queryKey: employerKeys.lists });
    },
    remove(contactId: string) {
      queryClient.setQueryData(employerKeys.detail(employerId), (old: Employer | undefined) =>
        old ? { ...old, contacts: old.contacts.filter((c) => c.id !== contactId) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: employerKeys.lists });
    },
  };
}

/** "12 mrt 2026 · 3 vacatures", or a dash when the contact has done nothing in the portal yet. */
function ActivityText({ contact }: { contact: ContactPerson }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { lastActiveAt, vacancies } = contact.activity;
  if (!lastActiveAt && vacancies === 0) return <span>–</span>;
  return (
    <span>
      {[
        lastActiveAt ? formatDate(lastActiveAt, locale) : null,
        t("employers.contacts.vacancyCount", { count: vacancies }),
      ]
        .filter(Boolean)
        .join(" · ")}
    </span>
  );
}

/** The contact persons of an employer; a row opens the side panel. */
export function ContactsTable({
  employer,
  onOpen,
}: {
  employer: Employer;
  onOpen: (contactId: string) => void;
}) {
  const { t } = useTranslation();
  if (employer.contacts.length === 0) return <Text c="dimmed">{t("employers.contacts.none")}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" fz="sm" striped>
        <Table.Caption c="dimmed">{t("employers.contacts.caption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("employers.contacts.name")}</Table.Th>
            <Table.Th scope="col">{t("employers.contacts.email")}</Table.Th>
            <Table.Th scope="col">{t("employers.contacts.phone")}</Table.Th>
            <Table.Th scope="col">{t("employers.contacts.activity")}</Table.Th>
            <Table.Th scope="col">{t("employers.contacts.access")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {employer.contacts.map((contact) => (
            <Table.Tr key={contact.id} className={classes.rowLink}>
              <Table.Th scope="row" fw={400}>
                <UnstyledButton
                  className={classes.rowTarget}
                  onClick={() => onOpen(contact.id)}
                  aria-haspopup="dialog"
                >
                  {contact.name}
                </UnstyledButton>
              </Table.Th>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{contact.email ?? "–"}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{contact.phone ?? "–"}</Table.Td>
              <Table.Td>
                <ActivityText contact={contact} />
              </Table.Td>
              <Table.Td>
                <AccessBadge status={contact.access.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface ContactValues {
  name: string;
  email: string;
  phone: string;
  notes: string;
  mayManageVacancies: boolean;
  language: ContactLanguage;
}

function valuesOf(contact: ContactPerson | null): ContactValues {
  return {
    name: contact?.name ?? "",
    email: contact?.email ?? "",
    phone: contact?.phone ?? "",
    notes: contact?.notes ?? "",
    mayManageVacancies: contact?.mayManageVacancies ?? false,
    language: contact?.language ?? "nl",
  };
}

function contactBody(values: ContactValues): ContactPersonInput {
  return {
    name: values.name.trim(),
    email: values.email.trim() === "" ? null : values.email.trim(),
    phone: values.phone.trim() === "" ? null : values.phone.trim(),
    notes: values.notes.trim(),
    mayManageVacancies: values.mayManageVacancies,
    language: values.language,
  };
}

/** "Contact toevoegen" and "Aanpassen": name, e-mail, phone, notes, rights and language. */
export function ContactFormDialog({
  employerId,
  contact,
  onClose,
  onSaved,
}: {
  employerId: string;
  /** The contact to change; none to add one. */
  contact: ContactPerson | null;
  onClose: () => void;
  onSaved: (contact: ContactPerson) => void;
}) {
  const { t } = useTranslation();
  const cache = useContactCache(employerId);
  const [values, setValues] = useState<ContactValues>(() => valuesOf(contact));
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: ContactPersonInput) =>
      contact ? updateContact(employerId, contact.id, body) : addContact(employerId, body),
    onSuccess: (saved) => {
      cache.put(saved);
      onSaved(saved);
    },
  });
  const problems = {
    name: attempted && values.name.trim().length < 2 ? t("employers.contacts.nameRequired") : undefined,
    email:
      attempted && values.email.trim() !== "" && !EMAIL_PATTERN.test(values.email.trim())
        ? t("employers.contacts.emailInvalid")
        : undefined,
    phone:
      attempted && values.phone.trim() !== "" && !PHONE_PATTERN.test(values.phone.trim())
        ? t("employers.contacts.phoneInvalid")
        : undefined,
  };
  const fieldError = (path: keyof ContactValues): ReactNode =>
    fieldErrors(mutation.error, path).join(" ") || (problems as Record<string, string | undefined>)[path];
  const set = <K extends keyof ContactValues>(key: K, value: ContactValues[K]) =>
    setValues((old) => ({ ...old, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    const body = contactBody(values);
    if (
      body.name.length < 2 ||
      (body.email && !EMAIL_PATTERN.test(body.email)) ||
      (body.phone && !PHONE_PATTERN.test(body.phone))
    ) {
      return;
    }
    mutation.mutate(body);
  }

  return (
    <Dialog
      opened
      onClose={onClose}
      title={
        contact ? t("employers.contacts.editTitle", { name: contact.name }) : t("employers.contacts.addTitle")
      }
      closeLabel={t("employers.close")}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormError error={mutation.error} />
          <TextInput
            label={t("employers.contacts.name")}
            required
            data-autofocus
            autoComplete="off"
            maxLength={200}
            value={values.name}
            onChange={(event) => set("name", event.currentTarget.value)}
            error={fieldError("name")}
          />
          <TextInput
            label={t("employers.contacts.email")}
            description={t("employers.contacts.emailHint")}
            type="email"
            autoComplete="off"
            maxLength={254}
            value={values.email}
            onChange={(event) => set("email", event.currentTarget.value)}
            error={fieldError("email")}
          />
          <TextInput
            label={t("employers.contacts.phone")}
            type="tel"
            autoComplete="off"
            maxLength={20}
            value={values.phone}
            onChange={(event) => set("phone", event.currentTarget.value)}
            error={fieldError("phone")}
          />
          <Textarea
            label={t("employers.contacts.notes")}
            autosize
            minRows={3}
            maxLength={5000}
            value={values.notes}
            onChange={(event) => set("notes", event.currentTarget.value)}
            error={fieldError("notes")}
          />
          <Switch
            label={t("employers.contacts.mayManageVacanciesLabel")}
            description={t("employers.contacts.mayManageVacanciesHint")}
            checked={values.mayManageVacancies}
            onChange={(event) => set("mayManageVacancies", event.currentTarget.checked)}
          />
          <NativeSelect
            label={t("employers.contacts.language")}
            description={t("employers.contacts.languageHint")}
            value={values.language}
            onChange={(event) => {
              const next = CONTACT_LANGUAGES.find((l) => l === event.currentTarget.value);
              if (next) set("language", next);
            }}
            data={CONTACT_LANGUAGES.map((value) => ({ value, label: t(`employers.languages.${value}`) }))}
            error={fieldError("language")}
          />
          <Group gap="sm" mt="xs">
            <Button type="submit" loading={mutation.isPending}>
              {t("employers.save")}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {t("employers.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

function InviteDialog({
  employerId,
  contact,
  onClose,
  onSent,
}: {
  employerId: string;
  contact: ContactPerson;
  onClose: () => void;
  onSent: (contact: ContactPerson) => void;
}) {
  const { t } = useTranslation();
  const cache = useContactCache(employerId);
  const [message, setMessage] = useState("");
  const mutation = useMutation({
    mutationFn: () => inviteContact(employerId, contact.id, message.trim() === "" ? null : message.trim()),
    onSuccess: (saved) => {
      cache.put(saved);
      onSent(saved);
    },
  });
  return (
    <Dialog
      opened
      onClose={onClose}
      title={t("employers.contacts.inviteTitle", { name: contact.name })}
      closeLabel={t("employers.close")}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          mutation.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text c="dimmed">{t("employers.contacts.inviteIntro", { email: contact.email })}</Text>
          <FormError error={mutation.error} />
          <Textarea
            label={t("employers.contacts.personalMessage")}
            description={t("employers.contacts.personalMessageHint")}
            autosize
            minRows={4}
            maxLength={2000}
            data-autofocus
            value={message}
            onChange={(event) => setMessage(event.currentTarget.value)}
          />
          <Group gap="sm">
            <Button
              type="submit"
              leftSection={<IconSend aria-hidden="true" size={16} />}
              loading={mutation.isPending}
            >
              {t("employers.contacts.send")}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {t("employers.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}

type PanelDialog = "invite" | "edit" | "delete" | "revokeAccess" | "message" | null;

/**
 * HalloWerk's side panel for a contact person: details, what they may do, their access to the
 * portal and the actions on it (invite, resend, revoke), change and delete.
 */
export function ContactPanel({
  employer,
  contactId,
  onClose,
}: {
  employer: Employer;
  contactId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cache = useContactCache(employer.id);
  const [dialog, setDialog] = useState<PanelDialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const explanationId = useId();
  // Kept while the panel slides out, so its content does not vanish mid-animation.
  const [last, setLast] = useState<ContactPerson | null>(null);
  const current = employer.contacts.find((c) => c.id === contactId) ?? null;
  if (current && current !== last) setLast(current);
  const contact = current ?? last;

  const revoke = useMutation({
    mutationFn: ({ id }: { id: string; invitation: boolean }) => revokeContact(employer.id, id),
    onSuccess: (saved, { invitation }) => {
      cache.put(saved);
      setDialog(null);
      setDone(
        invitation
          ? t("employers.contacts.done.invitationRevoked")
          : t("employers.contacts.done.accessRevoked"),
      );
    },
  });
  const resend = useMutation({
    mutationFn: (id: string) => inviteContact(employer.id, id, null),
    onSuccess: (saved) => {
      cache.put(saved);
      setDone(t("employers.contacts.done.resent", { email: saved.email }));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteContact(employer.id, id),
    onSuccess: (_data, id) => {
      setDialog(null);
      close();
      cache.remove(id);
    },
  });

  function close() {
    setDone(null);
    revoke.reset();
    resend.reset();
    remove.reset();
    onClose();
  }

  function open(next: PanelDialog) {
    setDone(null);
    revoke.reset();
    resend.reset();
    setDialog(next);
  }

  const status = contact?.access.status ?? "none";
  const hasAccess = status === "active" || status === "invited";
  const editable = employer.permissions.edit;
  const canInvite = editable && !employer.archived;
  // The team that keeps the employer writes to its contacts with portal access (RPO messages).
  const roles = useQuery(meQuery).data?.roles ?? [];
  const canMessage =
    status === "active" &&
    !employer.archived &&
    employer.managedBy !== null &&
    (roles.includes("account_manager") || roles.includes("org_admin"));

  return (
    <>
      <SidePanel
        opened={contactId !== null && current !== null}
        onClose={close}
        title={contact?.name ?? ""}
        closeLabel={t("employers.contacts.closePanel")}
        suspended={dialog !== null}
      >
        {contact && (
          <Stack gap="md">
            {done && (
              <Notice color="green" status>
                {done}
              </Notice>
            )}
            <FormError error={revoke.error ?? resend.error} />
            <Facts
              items={[
                [
                  t("employers.contacts.email"),
                  contact.email ? (
                    <Anchor key="email" href={`mailto:${contact.email}`}>
                      {contact.email}
                    </Anchor>
                  ) : null,
                ],
                [
                  t("employers.contacts.phone"),
                  contact.phone ? (
                    <Anchor key="phone" href={`tel:${contact.phone.replace(/[^+\d]/g, "")}`}>
                      {contact.phone}
                    </Anchor>
                  ) : null,
                ],
                [t("employers.contacts.language"), t(`employers.languages.${contact.language}`)],
                [
                  t("employers.contacts.rights"),
                  contact.mayManageVacancies
                    ? t("employers.contacts.mayManageVacancies")
                    : t("employers.contacts.mayNotManageVacancies"),
                ],
                [t("employers.contacts.activity"), <ActivityText key="activity" contact={contact} />],
                [t("employers.contacts.added"), formatDate(contact.createdAt, locale)],
              ]}
            />
            {contact.notes && (
              <Stack gap={4}>
                <Title order={3} size="h5">
                  {t("employers.contacts.notes")}
                </Title>
                <Text className={classes.description}>{contact.notes}</Text>
              </Stack>
            )}

            <Divider />
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t("employers.contacts.accessTitle")}
              </Title>
              <Group gap="xs">
                <AccessBadge status={status} />
              </Group>
              <Facts
                items={[
                  [
                    t("employers.contacts.invitedAt"),
                    contact.access.invitedAt ? formatDateTime(contact.access.invitedAt, locale) : null,
                  ],
                  [
                    status === "expired"
                      ? t("employers.contacts.expiredAt")
                      : t("employers.contacts.expiresAt"),
                    contact.access.expiresAt && (status === "invited" || status === "expired")
                      ? formatDate(contact.access.expiresAt, locale)
                      : null,
                  ],
                  [
                    t("employers.contacts.lastSignIn"),
                    contact.access.lastSignInAt ? formatDateTime(contact.access.lastSignInAt, locale) : null,
                  ],
                ]}
              />
              <Text size="sm" c="dimmed">
                {t(`employers.contacts.accessText.${status}`)}
              </Text>
              {canInvite && (
                <Group gap="xs">
                  {(status === "none" || status === "expired" || status === "revoked") && (
                    <Button
                      leftSection={<IconUserPlus aria-hidden="true" size={16} />}
                      disabled={!contact.email}
                      aria-describedby={contact.email ? undefined : `${explanationId}-invite`}
                      onClick={() => open("invite")}
                    >
                      {status === "none"
                        ? t("employers.contacts.invite")
                        : t("employers.contacts.inviteAgain")}
                    </Button>
                  )}
                  {status === "invited" && (
                    <>
                      <Button
                        variant="outline"
                        leftSection={<IconMailForward aria-hidden="true" size={16} />}
                        loading={resend.isPending}
                        onClick={() => {
                          setDone(null);
                          revoke.reset();
                          resend.mutate(contact.id);
                        }}
                      >
                        {t("employers.contacts.resend")}
                      </Button>
                      <Button
                        variant="outline"
                        color="red"
                        leftSection={<IconUserOff aria-hidden="true" size={16} />}
                        loading={revoke.isPending}
                        onClick={() => {
                          setDone(null);
                          resend.reset();
                          revoke.mutate({ id: contact.id, invitation: true });
                        }}
                      >
                        {t("employers.contacts.revokeInvitation")}
                      </Button>
                    </>
                  )}
                  {status === "active" && (
                    <Button
                      variant="outline"
                      color="red"
                      leftSection={<IconUserOff aria-hidden="true" size={16} />}
                      onClick={() => open("revokeAccess")}
                    >
                      {t("employers.contacts.revokeAccess")}
                    </Button>
                  )}
                </Group>
              )}
              {canMessage && (
                <Button
                  variant="light"
                  leftSection={<IconMail aria-hidden="true" size={16} />}
                  aria-label={t("messages.sendToContact", { name: contact.name })}
                  aria-haspopup="dialog"
                  style={{ alignSelf: "flex-start" }}
                  onClick={() => open("message")}
                >
                  {t("messages.sendTo")}
                </Button>
              )}
              {canInvite && !contact.email && !hasAccess && (
                <Text size="sm" c="dimmed" id={`${explanationId}-invite`}>
                  {t("employers.contacts.inviteNeedsEmail")}
                </Text>
              )}
            </Stack>

            {editable && (
              <>
                <Divider />
                <Group gap="xs">
                  <Button
                    variant="outline"
                    leftSection={<IconEdit aria-hidden="true" size={16} />}
                    onClick={() => open("edit")}
                  >
                    {t("employers.contacts.edit")}
                  </Button>
                  <Button
                    variant="outline"
                    color="red"
                    leftSection={<IconTrash aria-hidden="true" size={16} />}
                    disabled={hasAccess}
                    aria-describedby={hasAccess ? `${explanationId}-delete` : undefined}
                    onClick={() => open("delete")}
                  >
                    {t("employers.contacts.delete")}
                  </Button>
                </Group>
                {hasAccess && (
                  <Text size="sm" c="dimmed" id={`${explanationId}-delete`}>
                    {t("employers.contacts.deleteBlocked")}
                  </Text>
                )}
              </>
            )}
          </Stack>
        )}
      </SidePanel>

      {contact && dialog === "invite" && (
        <InviteDialog
          employerId={employer.id}
          contact={contact}
          onClose={() => setDialog(null)}
          onSent={(saved) => {
            setDialog(null);
            setDone(t("employers.contacts.done.invited", { email: saved.email }));
          }}
        />
      )}
      {contact && dialog === "message" && (
        <NewMessageDialog
          employerId={employer.id}
          contactPersonId={contact.id}
          onClose={() => setDialog(null)}
          onSent={() => {
            setDialog(null);
            setDone(t("messages.sent"));
          }}
        />
      )}
      {contact && dialog === "edit" && (
        <ContactFormDialog
          employerId={employer.id}
          contact={contact}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setDone(t("employers.contacts.done.saved"));
          }}
        />
      )}
      {contact && dialog === "revokeAccess" && (
        <ConfirmDialog
          title={t("employers.contacts.revokeAccessTitle", { name: contact.name })}
          text={t("employers.contacts.revokeAccessText", { name: contact.name })}
          confirmLabel={t("employers.contacts.revokeAccessConfirm")}
          danger
          pending={revoke.isPending}
          error={revoke.error}
          onConfirm={() => revoke.mutate({ id: contact.id, invitation: false })}
          onClose={() => {
            revoke.reset();
            setDialog(null);
          }}
        />
      )}
      {contact && dialog === "delete" && (
        <ConfirmDialog
          title={t("employers.contacts.deleteTitle", { name: contact.name })}
          text={t("employers.contacts.deleteText", { name: contact.name, employer: employer.name })}
          confirmLabel={t("employers.contacts.deleteConfirm")}
          danger
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate(contact.id)}
          onClose={() => {
            remove.reset();
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
