import { Select, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RecipientEmployer } from "../../../contracts/messages";
import { Dialog } from "../../ui/dialog";
import { FormError, fieldErrors } from "../identity/forms";
import { PageLoader } from "../vacancies/ui";
import { Composer } from "./message-parts";
import { recipientsQuery, sendMessage } from "./messages-api";

const only = <T,>(list: readonly T[]): T | undefined => (list.length === 1 ? list[0] : undefined);

function contactLabel(contact: RecipientEmployer["contacts"][number]): string {
  return contact.email ? `${contact.name} (${contact.email})` : contact.name;
}

/**
 * "Nieuw bericht" from the team: an employer it keeps, one of its contact persons with portal
 * access, the text and attachments. The message goes into the general conversation with that
 * contact; `onSent` gets the thread.
 */
export function NewMessageDialog({
  employerId: initialEmployer,
  contactPersonId: initialContact,
  onClose,
  onSent,
}: {
  /** Chosen beforehand (from an employer's contact list). */
  employerId?: string;
  contactPersonId?: string;
  onClose: () => void;
  onSent: (threadId: string) => void;
}) {
  const { t } = useTranslation();
  const recipients = useQuery(recipientsQuery);
  const [employerId, setEmployerId] = useState<string | null>(initialEmployer ?? null);
  const [contactId, setContactId] = useState<string | null>(initialContact ?? null);
  const employers = recipients.data ?? [];
  const employer = employers.find((e) => e.id === employerId) ?? only(employers);
  const contacts = employer?.contacts ?? [];
  const contact = contacts.find((c) => c.id === contactId) ?? only(contacts);
  return (
    <Dialog opened onClose={onClose} title={t("messages.new")} closeLabel={t("messages.close")} size="lg">
      {recipients.isPending ? (
        <PageLoader />
      ) : recipients.isError ? (
        <FormError error={recipients.error} />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("messages.newIntro")}
          </Text>
          <Composer
            label={t("messages.text")}
            submitLabel={t("messages.send")}
            send={(draft) => sendMessage({ ...draft, contactPersonId: contact?.id ?? null })}
            onSent={onSent}
            otherFields={["contactPersonId"]}
            fields={(error) => (
              <>
                <Select
                  label={t("messages.employer")}
                  required
                  searchable
                  data={employers.map((e) => ({ value: e.id, label: e.name }))}
                  value={employer?.id ?? null}
                  onChange={(value) => {
                    setEmployerId(value);
                    setContactId(null);
                  }}
                  nothingFoundMessage={t("messages.noEmployers")}
                />
                <Select
                  label={t("messages.recipient")}
                  required
                  searchable
                  disabled={!employer}
                  data={contacts.map((c) => ({ value: c.id, label: contactLabel(c) }))}
                  value={contact?.id ?? null}
                  onChange={setContactId}
                  description={employer && contacts.length === 0 ? t("messages.noRecipients") : undefined}
                  error={fieldErrors(error, "contactPersonId")[0]}
                />
              </>
            )}
          />
        </Stack>
      )}
    </Dialog>
  );
}
