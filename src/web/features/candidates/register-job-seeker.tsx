import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  RegisteredJobSeekerResponseSchema,
  type RegisterJobSeekerRequest,
} from "../../../contracts/candidates";
import { api } from "../../api";
import { AppLink } from "../../ui/app-link";
import { FormError, fieldErrors, Notice } from "../identity/forms";
import { type RemoteOption, RemoteSelect, Section } from "../vacancies/ui";
import { searchPlaces } from "../vacancies/vacancies-api";

/**
 * An account manager registers a job seeker (municipality practice): the profile exists at once
 * with the account manager as go-between, and the job seeker gets a link to claim the account.
 */
export function RegisterJobSeekerPage() {
  const { t } = useTranslation();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [phone, setPhone] = useState("");
  const [place, setPlace] = useState<RemoteOption | null>(null);
  const [invite, setInvite] = useState(true);
  const register = useMutation({
    mutationFn: (body: RegisterJobSeekerRequest) =>
      api("/api/v1/candidates", RegisteredJobSeekerResponseSchema, { method: "POST", body }),
  });
  const error = (path: string) => fieldErrors(register.error, path)[0];

  function submit(event: FormEvent) {
    event.preventDefault();
    register.mutate({
      name: name.trim(),
      email: email.trim() || null,
      phone: phone.trim() || null,
      placeId: place?.value ?? null,
      invite: invite && email.trim() !== "",
    });
  }

  if (register.isSuccess) {
    const { jobSeeker } = register.data;
    return (
      <Section title={t("jobSeeker.title")}>
        <Stack gap="md">
          <Notice color="green" status title={t("jobSeeker.doneTitle", { name: jobSeeker.name })}>
            {jobSeeker.claim.status === "pending"
              ? t("jobSeeker.doneInvited", { email: jobSeeker.email })
              : t("jobSeeker.done")}
          </Notice>
          <Group>
            <Button component={AppLink} href={`/kandidaten/${jobSeeker.candidateId}`} variant="light">
              {t("jobSeeker.open")}
            </Button>
            <Button variant="subtle" onClick={() => register.reset()}>
              {t("jobSeeker.another")}
            </Button>
          </Group>
        </Stack>
      </Section>
    );
  }

  return (
    <Section title={t("jobSeeker.title")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t("jobSeeker.intro")}</Text>
          <FormError error={register.error} />
          <TextInput
            label={t("jobSeeker.name")}
            required
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error("name")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("jobSeeker.email")}
              description={t("jobSeeker.emailHint")}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={error("email")}
            />
            <TextInput
              label={t("jobSeeker.phone")}
              type="tel"
              autoComplete="off"
              value={phone}
              onChange={(e) => setPhone(e.currentTarget.value)}
              error={error("phone")}
            />
          </SimpleGrid>
          <RemoteSelect
            label={t("jobSeeker.place")}
            value={place}
            cacheKey="places"
            load={async (q, signal) =>
              (await searchPlaces(q, signal)).map((p) => ({ value: p.id, label: p.name }))
            }
            onChange={setPlace}
            error={error("placeId")}
          />
          <Checkbox
            label={t("jobSeeker.invite")}
            checked={invite}
            disabled={email.trim() === ""}
            onChange={(e) => setInvite(e.currentTarget.checked)}
          />
          <Button type="submit" loading={register.isPending} style={{ alignSelf: "flex-start" }}>
            {t("jobSeeker.submit")}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
