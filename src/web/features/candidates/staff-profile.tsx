import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  Image,
  SimpleGrid,
  Spoiler,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import {
  IconAddressBook,
  IconCheck,
  IconFileText,
  IconMail,
  IconPhoto,
  IconSend,
  IconUser,
} from "@tabler/icons-react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CandidateStaffView, ContactDetailsResponse, OptionRef } from "../../../contracts/candidates";
import type { Locale } from "../../../contracts/common";
import { ApiError } from "../../api";
import { intlLocale } from "../../i18n";
import { NotFoundPage } from "../../routes/not-found";
import { formatMonthYear } from "../../ui/dates";
import { Dialog } from "../../ui/dialog";
import { Facts } from "../../ui/facts";
import { meQuery } from "../account/me-query";
import { FormError, fieldErrors, Notice, useErrorText } from "../identity/forms";
import { useLocale } from "../language/language-control";
import { usePageTitle } from "../navigation/page-title";
import { AddToTalentPool } from "../talent-pools/add-to-pool";
import { formatHours } from "../vacancies/format";
import { PageLoader, PlainBadge } from "../vacancies/ui";
import { referenceListsQuery } from "../vacancies/vacancies-api";
import { AttachmentList } from "../vacancies/vacancy-files";
import { AddToVacancy } from "./add-to-vacancy";
import { approachCandidate, fetchContactDetails, staffCandidateQuery } from "./candidates-api";
import { noManagerTextKey } from "./contact-text";
import { ANCHOR_OFFSET } from "./editor-ui";
import { FavouriteStar } from "./favourites";
import { gridLines } from "./profile-draft";
import { VideoList } from "./video";

const label = (option: OptionRef, locale: Locale) => option.label[locale] || option.label.nl;

/** A calendar day as "mrt 2013" ("sinds"/"tot" in the experience list), in the screen's language. */
function monthYear(iso: string, locale: Locale): string {
  return formatMonthYear(iso, intlLocale(locale));
}

function period(from: string, to: string | null, locale: Locale, now: string): string {
  return `${monthYear(from, locale)} – ${to ? monthYear(to, locale) : now}`;
}

/** A card block of the profile (Algemeen, Media, Ervaring) with an anchor for the summary's links. */
function Block({ id, title, children }: { id?: string; title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      id={id}
      aria-labelledby={headingId}
      style={ANCHOR_OFFSET}
    >
      <Title order={2} size="h3" id={headingId} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** One of the summary's lists ("Favoriete functies (8)"); left out when empty. */
function ListBlock({
  title,
  items,
  count = true,
}: {
  title: string;
  items: readonly string[];
  count?: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <div>
      <Title order={3} size="h5" mb={4}>
        {count && items.length > 1 ? `${title} (${items.length})` : title}
      </Title>
      <Stack gap={2} component="ul" className="werkbrug-plain-list">
        {items.map((item) => (
          <Text key={item} component="li" size="sm">
            {item}
          </Text>
        ))}
      </Stack>
    </div>
  );
}

function Tags({ candidate }: { candidate: CandidateStaffView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { workTypes, targetGroups } = candidate.summary.tags;
  if (workTypes.length === 0 && targetGroups.length === 0) return null;
  return (
    <Group gap={6} component="ul" className="werkbrug-plain-list" aria-label={t("candidates.profile.tags")}>
      {workTypes.length > 0 && (
        <li>
          <PlainBadge color="indigo.9">{workTypes.map((w) => label(w, locale)).join(", ")}</PlainBadge>
        </li>
      )}
      {targetGroups.map((group) => (
        <li key={group.id}>
          <PlainBadge color="grape.9">{label(group, locale)}</PlainBadge>
        </li>
      ))}
    </Group>
  );
}

/** "Contactgegevens": fetched on request, which the server logs and the candidate can read. */
function ContactDetails({ candidate, actions }: { candidate: CandidateStaffView; actions?: ReactNode }) {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: () => fetchContactDetails(candidate.id) });
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-start">
        <Button
          leftSection={<IconAddressBook aria-hidden="true" size={18} />}
          loading={mutation.isPending}
          onClick={() => mutation.mutate()}
        >
          {t("candidates.profile.contact.button")}
        </Button>
        {actions}
      </Group>
      <Text size="sm" c="dimmed">
        {t("candidates.profile.contact.logged")}
      </Text>
      <FormError error={mutation.error} />
      <div aria-live="polite">{mutation.data && <ContactCard details={mutation.data} />}</div>
    </Stack>
  );
}

function ContactCard({ details }: { details: ContactDetailsResponse }) {
  const { t } = useTranslation();
  const roles = useQuery(meQuery).data?.roles ?? [];
  const lines = (person: {
    name: string;
    email: string | null;
    phone: string | null;
    extra?: (string | null)[];
  }) => (
    <Stack gap={2}>
      <Text fw={700}>{person.name}</Text>
      {person.email && (
        <Anchor href={`mailto:${person.email}`} style={{ overflowWrap: "anywhere" }}>
          {person.email}
        </Anchor>
      )}
      {person.phone && <Anchor href={`tel:${person.phone.replace(/[^+\d]/g, "")}`}>{person.phone}</Anchor>}
      {person.extra?.filter(Boolean).map((line) => (
        <Text key={line}>{line}</Text>
      ))}
    </Stack>
  );
  return (
    <Card
      withBorder
      padding="md"
      radius="sm"
      bg="var(--werkbrug-surface-muted)"
      data-testid="contact-details"
    >
      {details.via === "candidate" ? (
        <Stack gap="xs">
          <Text>{t("candidates.profile.contact.direct")}</Text>
          {lines({
            name: details.candidate.name,
            email: details.candidate.email,
            phone: details.candidate.phone,
            extra: [[details.candidate.postcode, details.candidate.city].filter(Boolean).join(" ") || null],
          })}
        </Stack>
      ) : details.accountManager ? (
        <Stack gap="xs">
          <Text>{t("candidates.profile.contact.viaManager")}</Text>
          {lines({
            name: details.accountManager.name,
            email: details.accountManager.email,
            phone: details.accountManager.phone,
            extra: [details.accountManager.organisation],
          })}
        </Stack>
      ) : (
        <Text>{t(noManagerTextKey(roles))}</Text>
      )}
    </Card>
  );
}

/** "Benaderen": a message to the candidate, by mail and in their inbox. */
function Approach({ candidate }: { candidate: CandidateStaffView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState("");
  const [message, setMessage] = useState("");
  const [attempted, setAttempted] = useState(false);
  const mutation = useMutation({
    mutationFn: () => approachCandidate(candidate.id, { subject: subject.trim(), message: message.trim() }),
    onSuccess: () => {
      setOpen(false);
      setSubject("");
      setMessage("");
      setAttempted(false);
    },
  });
  const name = candidate.summary.firstName;

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    mutation.reset();
    if (subject.trim().length < 2 || message.trim().length < 2) return;
    mutation.mutate();
  }

  const hasFieldErrors = mutation.error instanceof ApiError && mutation.error.fields.length > 0;
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconSend aria-hidden="true" size={18} />}
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        {t("candidates.profile.approach.button")}
      </Button>
      <div role="status" aria-live="polite">
        {mutation.isSuccess && (
          <Text size="sm" c="teal">
            {t("candidates.profile.approach.sent", { name })}
          </Text>
        )}
      </div>
      <Dialog
        opened={open}
        onClose={() => setOpen(false)}
        title={t("candidates.profile.approach.title", { name })}
        closeLabel={t("admin.close")}
        size="lg"
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text c="dimmed">{t("candidates.profile.approach.intro")}</Text>
            {!hasFieldErrors && <FormError error={mutation.error} />}
            <TextInput
              label={t("candidates.profile.approach.subject")}
              required
              maxLength={200}
              data-autofocus
              value={subject}
              onChange={(e) => setSubject(e.currentTarget.value)}
              error={
                fieldErrors(mutation.error, "subject")[0] ??
                (attempted && subject.trim().length < 2
                  ? t("candidates.profile.approach.required")
                  : undefined)
              }
            />
            <Textarea
              label={t("candidates.profile.approach.message")}
              required
              autosize
              minRows={6}
              maxLength={5000}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              error={
                fieldErrors(mutation.error, "message")[0] ??
                (attempted && message.trim().length < 2
                  ? t("candidates.profile.approach.required")
                  : undefined)
              }
            />
            <Group gap="sm">
              <Button
                type="submit"
                loading={mutation.isPending}
                leftSection={<IconMail aria-hidden="true" size={16} />}
              >
                {t("candidates.profile.approach.send")}
              </Button>
              <Button variant="subtle" onClick={() => setOpen(false)}>
                {t("identity.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  );
}

function Summary({ candidate }: { candidate: CandidateStaffView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { summary, lists, media, documents } = candidate;
  const { data: referenceLists } = useQuery(referenceListsQuery);
  const name = `${summary.firstName} ${summary.lastName}`.trim();
  const hasMedia = media.photos.length + media.videos.length + media.links.length > 0;
  const a = summary.availability;
  const hours = formatHours(a.hoursMin, a.hoursMax, t);
  // The reference order of all days, so "maandag t/m vrijdag" only joins days that follow each other.
  const dayparts = referenceLists?.dayparts ?? [];
  const refDays = dayparts.filter((d) => d.kind === "day");
  const refParts = dayparts.filter((d) => d.kind === "daypart");
  const named = (items: readonly { id: string; label: OptionRef["label"] }[]) =>
    items.map((item) => ({ id: item.id, label: item.label[locale] || item.label.nl }));
  const grid = gridLines(
    a.grid,
    named(refDays.length > 0 ? refDays : a.days),
    named(refParts.length > 0 ? refParts : a.dayparts),
    (first, last) => t("candidates.profile.through", { first, last }),
  );
  const availability = [hours, ...grid].filter((line): line is string => line !== null);

  return (
    <Block title={t("candidates.profile.general")}>
      <Stack gap="md">
        <Group gap="lg" wrap="nowrap" align="flex-start">
          <Avatar
            src={summary.photoUrl}
            size={112}
            radius={112}
            color="portal"
            alt={summary.photoUrl ? t("candidates.profile.photoAlt", { name }) : ""}
          >
            {summary.photoUrl ? null : <IconUser aria-hidden="true" size={48} />}
          </Avatar>
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Text fz="xl" fw={700} data-testid="candidate-name">
              {name}
            </Text>
            {summary.headline && (
              <Text fs="italic" c="dimmed">
                {summary.headline}
              </Text>
            )}
            <Group gap="md">
              {hasMedia && (
                <Anchor
                  href="#media"
                  size="sm"
                  style={{ display: "inline-flex", gap: 4, alignItems: "center" }}
                >
                  <IconPhoto aria-hidden="true" size={16} />
                  {t("candidates.profile.mediaLink")}
                </Anchor>
              )}
              {documents.length > 0 && (
                <Anchor
                  href="#documenten"
                  size="sm"
                  style={{ display: "inline-flex", gap: 4, alignItems: "center" }}
                >
                  <IconFileText aria-hidden="true" size={16} />
                  {t("candidates.profile.documentsLink", { count: documents.length })}
                </Anchor>
              )}
            </Group>
            <Tags candidate={candidate} />
          </Stack>
        </Group>

        <Facts
          items={[
            [t("candidates.profile.place"), summary.place?.name],
            [t("candidates.profile.workLevel"), summary.workLevel ? label(summary.workLevel, locale) : null],
            [
              t("candidates.profile.educationLevel"),
              summary.educationLevel ? label(summary.educationLevel, locale) : null,
            ],
            [t("candidates.profile.availability"), hours],
          ]}
        />

        {summary.about && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t("candidates.profile.about")}
            </Title>
            <Spoiler
              maxHeight={96}
              showLabel={t("candidates.profile.readMore")}
              hideLabel={t("candidates.profile.readLess")}
            >
              <Text style={{ whiteSpace: "pre-line" }}>{summary.about}</Text>
            </Spoiler>
          </div>
        )}

        <ContactDetails
          candidate={candidate}
          actions={
            <>
              <FavouriteStar candidateId={candidate.id} name={candidate.summary.firstName} />
              <AddToVacancy candidateId={candidate.id} name={candidate.summary.firstName} />
              <AddToTalentPool candidateId={candidate.id} name={candidate.summary.firstName} />
              <Approach candidate={candidate} />
            </>
          }
        />

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
          <ListBlock
            title={t("candidates.profile.lists.workTypes")}
            items={summary.tags.workTypes.map((w) => label(w, locale))}
            count={false}
          />
          <ListBlock
            title={t("candidates.profile.lists.occupations")}
            items={lists.desiredOccupations.map((o) => label(o, locale))}
          />
          <ListBlock
            title={t("candidates.profile.lists.sectors")}
            items={lists.sectors.map((o) => label(o, locale))}
          />
          <ListBlock
            title={t("candidates.profile.lists.languages")}
            items={lists.languages.map(
              (l) => `${label(l, locale)} (${t(`profile.languageLevels.${l.level}`).toLowerCase()})`,
            )}
            count={false}
          />
          <ListBlock
            title={t("candidates.profile.lists.drivingLicences")}
            items={lists.drivingLicences.map((o) => label(o, locale))}
            count={false}
          />
          <ListBlock
            title={t("candidates.profile.lists.transport")}
            items={lists.transportModes.map((o) => label(o, locale))}
            count={false}
          />
          <ListBlock
            title={t("candidates.profile.lists.certificates")}
            items={lists.certificates.map((o) => label(o, locale))}
          />
          <ListBlock title={t("candidates.profile.lists.availability")} items={availability} count={false} />
          <ListBlock
            title={t("candidates.profile.lists.physical")}
            items={lists.physicalLimitations.map((o) => label(o, locale))}
          />
        </SimpleGrid>
      </Stack>
    </Block>
  );
}

function Media({ candidate }: { candidate: CandidateStaffView }) {
  const { t } = useTranslation();
  const { photos, videos, links } = candidate.media;
  const name = candidate.summary.firstName;
  return (
    <Block id="media" title={t("candidates.profile.media")}>
      <Stack gap="md">
        {videos.length > 0 && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t("candidates.profile.videos")}
            </Title>
            <VideoList videos={videos} />
            {videos.some((v) => !v.embedUrl) && (
              <Text size="sm" c="dimmed" mt={4}>
                {t("candidates.profile.videoConsent")}
              </Text>
            )}
          </div>
        )}
        {photos.length > 0 && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t("candidates.profile.photos")}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" component="ul" className="werkbrug-plain-list">
              {photos.map((photo, i) => (
                <li key={photo.id}>
                  <Image
                    src={photo.url}
                    alt={t("candidates.profile.photoOf", { name, number: i + 1 })}
                    radius="sm"
                    h={160}
                    fit="cover"
                  />
                </li>
              ))}
            </SimpleGrid>
          </div>
        )}
        {links.length > 0 && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t("candidates.profile.links")}
            </Title>
            <Stack gap={2} component="ul" className="werkbrug-plain-list">
              {links.map((link) => (
                <li key={link.url}>
                  <Anchor
                    href={link.url}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    style={{ overflowWrap: "anywhere" }}
                  >
                    {link.label || link.url.replace(/^https?:\/\/(www\.)?/, "")}
                  </Anchor>
                </li>
              ))}
            </Stack>
          </div>
        )}
      </Stack>
    </Block>
  );
}

function Entry({
  title,
  place,
  when,
  description,
  extra,
}: {
  title: string;
  place: string;
  when: string | null;
  description?: string;
  extra?: ReactNode;
}) {
  return (
    <Stack gap={2} component="li">
      <Text fw={700}>{title}</Text>
      {(place || when) && (
        <Text size="sm" c="dimmed">
          {[place, when ? `(${when})` : null].filter(Boolean).join(" ")}
        </Text>
      )}
      {extra}
      {description && (
        <Text size="sm" style={{ whiteSpace: "pre-line" }}>
          {description}
        </Text>
      )}
    </Stack>
  );
}

function Obtained({ children }: { children: string }) {
  return (
    <Group gap={4}>
      <IconCheck aria-hidden="true" size={16} color="var(--mantine-color-teal-text)" />
      <Text size="sm" fw={600}>
        {children}
      </Text>
    </Group>
  );
}

function Experience({ candidate }: { candidate: CandidateStaffView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = t("candidates.profile.now");
  const { work, education, courses } = candidate.experience;
  const at = (a: string, b: string) => [a, b].filter(Boolean).join(t("candidates.profile.in"));
  return (
    <Block id="ervaring" title={t("candidates.profile.experience")}>
      <Stack gap="lg">
        {work.length > 0 && (
          <div>
            <Title order={3} size="h4" mb="xs">
              {t("candidates.profile.work")}
            </Title>
            <Stack gap="sm" component="ul" className="werkbrug-plain-list">
              {work.map((e) => (
                <Entry
                  key={`${e.title}|${e.employer}|${e.from}|${e.to}`}
                  title={e.title}
                  place={at(e.employer, e.place)}
                  when={period(e.from, e.to, locale, now)}
                  description={e.description}
                />
              ))}
            </Stack>
          </div>
        )}
        {education.length > 0 && (
          <div>
            <Title order={3} size="h4" mb="xs">
              {t("candidates.profile.education")}
            </Title>
            <Stack gap="sm" component="ul" className="werkbrug-plain-list">
              {education.map((e) => (
                <Entry
                  key={`${e.title}|${e.institution}|${e.from}|${e.to}`}
                  title={e.title}
                  place={at(e.institution, e.place)}
                  when={period(e.from, e.to, locale, now)}
                  description={e.description}
                  extra={
                    <Group gap="sm">
                      {e.level && (
                        <Badge variant="outline" color="gray" tt="none">
                          {label(e.level, locale)}
                        </Badge>
                      )}
                      {e.diplomaObtained && <Obtained>{t("candidates.profile.diploma")}</Obtained>}
                    </Group>
                  }
                />
              ))}
            </Stack>
          </div>
        )}
        {courses.length > 0 && (
          <div>
            <Title order={3} size="h4" mb="xs">
              {t("candidates.profile.courses")}
            </Title>
            <Stack gap="sm" component="ul" className="werkbrug-plain-list">
              {courses.map((c) => (
                <Entry
                  key={`${c.title}|${c.provider}|${c.year}`}
                  title={c.title}
                  place={c.provider}
                  when={c.year === null ? null : String(c.year)}
                  extra={
                    c.certificate ? <Obtained>{t("candidates.profile.certificate")}</Obtained> : undefined
                  }
                />
              ))}
            </Stack>
          </div>
        )}
      </Stack>
    </Block>
  );
}

/**
 * HalloWerk's "Kandidaat profiel" for staff: the summary (Algemeen) with the contact-details
 * button, then Media and Ervaring, the documents and hobbies. A candidate who is not visible
 * through this portal answers 404, and so does this page.
 */
export function StaffCandidateProfile({ id }: { id: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery(staffCandidateQuery(id));
  const candidate = query.data;
  const notFound = query.error instanceof ApiError && query.error.status === 404;
  // The not-found page sets the same title; this component's effect runs after its child's.
  usePageTitle(
    notFound
      ? t("notFound.title")
      : candidate
        ? `${candidate.summary.firstName} ${candidate.summary.lastName}`.trim()
        : t("candidates.profile.title"),
    notFound ? "/" : "/kandidaten",
  );

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (notFound) return <NotFoundPage />;
    return <Notice color="red">{errorText(query.error)}</Notice>;
  }
  return <StaffProfileContent candidate={query.data} />;
}

/**
 * The profile's blocks without a page around them: the profile page above and the candidate
 * explorer's right-hand pane (which keeps its own page title) both show it.
 */
export function StaffProfileContent({
  candidate: c,
  children,
}: {
  candidate: CandidateStaffView;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const hasMedia = c.media.photos.length + c.media.videos.length + c.media.links.length > 0;
  const hasExperience =
    c.experience.work.length + c.experience.education.length + c.experience.courses.length > 0;

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Summary candidate={c} />
      {hasMedia && <Media candidate={c} />}
      {hasExperience && <Experience candidate={c} />}
      {c.documents.length > 0 && (
        <Block id="documenten" title={t("candidates.profile.documents")}>
          <AttachmentList attachments={c.documents} />
        </Block>
      )}
      {c.hobbies && (
        <Block title={t("candidates.profile.hobbies")}>
          <Text style={{ whiteSpace: "pre-line" }}>{c.hobbies}</Text>
        </Block>
      )}
      {children}
    </Stack>
  );
}
