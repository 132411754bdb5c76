import type { EventBus } from "../../platform/events";
import type { Mailer } from "../../platform/mail";
import { mailLocale } from "../../platform/mail-templates";
import type { Store } from "../../platform/store";
import { systemScope } from "../../platform/system-scope";
import { mailPortalName, mailPortalUrl } from "../../platform/tenancy";
import {
  calledUpMail,
  laureateAddedMail,
  notRetainedMail,
  procedureCancelledMail,
  reserveListExpiringMail,
} from "./reserve-lists.mails";
import { reserveListMailRepository } from "./reserve-lists.repository";

/**
 * The events of reserve lists and closing, each in the transaction of its change (decision
 * 0015). Payloads hold ids and kinds; a reason someone wrote stays in its row.
 * - reserve_list.laureate_added: subject { reserveListId, laureateId, vacancyId, matchId, candidateId }
 * - reserve_list.called_up: subject { reserveListId, laureateId, callUpId, vacancyId (the new one),
 *   matchId (the new match), candidateId, fromVacancyId }; payload { kind: "call_up" | "added" }
 * - reserve_list.expiring: subject { reserveListId, vacancyId }; payload { endsOn, recipientUserId }
 * - procedure.closed: subject { vacancyId }; payload { kind, mailed }
 * - procedure.final_mail_requested: subject { vacancyId, matchId, candidateId }; payload { kind }
 */
export const RESERVE_LIST_EVENTS = {
  laureateAdded: "reserve_list.laureate_added",
  calledUp: "reserve_list.called_up",
  expiring: "reserve_list.expiring",
  procedureClosed: "procedure.closed",
  finalMail: "procedure.final_mail_requested",
} as const;

export interface ReserveListSubscriberDeps {
  store: Store;
  mailer: Mailer;
  /** Public URL of the national portal; a portal's URL is derived from it. */
  publicUrl: string;
}

export function registerReserveListSubscribers(events: EventBus, deps: ReserveListSubscriberDeps): void {
  const facts = () => deps.store.bind(systemScope("events"), reserveListMailRepository);
  const link = (portal: Parameters<typeof mailPortalUrl>[1], path: string) =>
    new URL(path, mailPortalUrl(deps.publicUrl, portal)).toString();

  /** The applicant of a match and the vacancy, as a mail needs them; null when either is gone. */
  async function applicantMail(matchId: string | undefined, vacancyId: string | undefined) {
    if (!matchId || !vacancyId) return null;
    const [person, vacancy] = await Promise.all([facts().person(matchId), facts().vacancy(vacancyId)]);
    if (!person?.email || !vacancy) return null;
    const locale = mailLocale(person.locale);
    return {
      to: person.email,
      base: {
        locale,
        portalName: mailPortalName(locale, vacancy),
        name: `${person.firstName} ${person.lastName}`.trim(),
        vacancyTitle: vacancy.displayTitle,
        organisationName: vacancy.organisationName,
        url: link(vacancy, "sollicitaties"),
      },
    };
  }

  events.subscribe({
    name: "reserve-lists.laureate-mail",
    types: [RESERVE_LIST_EVENTS.laureateAdded],
    /** The laureate is told they are on the reserve list, and for how long it holds. */
    async handle(event) {
      const list = event.subject.reserveListId ? await facts().list(event.subject.reserveListId) : null;
      const mail = await applicantMail(event.subject.matchId, event.subject.vacancyId);
      if (!list || !mail) return;
      await deps.mailer.send({
        to: mail.to,
        ...laureateAddedMail({ ...mail.base, startsOn: list.startsOn, endsOn: list.endsOn }),
      });
    },
  });

  events.subscribe({
    name: "reserve-lists.call-up-mail",
    types: [RESERVE_LIST_EVENTS.calledUp],
    /** A called-up laureate hears of the new vacancy; one added by hand is not mailed. */
    async handle(event) {
      if (event.payload.kind !== "call_up") return;
      const from = event.subject.fromVacancyId ? await facts().vacancy(event.subject.fromVacancyId) : null;
      const mail = await applicantMail(event.subject.matchId, event.subject.vacancyId);
      if (!from || !mail) return;
      await deps.mailer.send({
        to: mail.to,
        ...calledUpMail({ ...mail.base, fromVacancyTitle: from.displayTitle }),
      });
    },
  });

  events.subscribe({
    name: "reserve-lists.expiry-mail",
    types: [RESERVE_LIST_EVENTS.expiring],
    /** The vacancy's owner (else its contact person): the list ends within 30 days. */
    async handle(event) {
      const recipientUserId = event.payload.recipientUserId;
      const { vacancyId, reserveListId } = event.subject;
      if (typeof recipientUserId !== "string" || !vacancyId || !reserveListId) return;
      const [user, vacancy] = await Promise.all([facts().user(recipientUserId), facts().vacancy(vacancyId)]);
      if (!user || !vacancy) return;
      const locale = mailLocale(user.locale);
      await deps.mailer.send({
        to: user.email,
        ...reserveListExpiringMail({
          locale,
          portalName: mailPortalName(locale, vacancy),
          name: user.name,
          vacancyTitle: vacancy.displayTitle,
          organisationName: vacancy.organisationName,
          endsOn: String(event.payload.endsOn ?? ""),
          url: link(vacancy, `werfreserves/${reserveListId}`),
        }),
      });
    },
  });

  events.subscribe({
    name: "reserve-lists.final-mail",
    types: [RESERVE_LIST_EVENTS.finalMail],
    /** An applicant still open when the procedure closed: not retained, or the procedure was cancelled. */
    async handle(event) {
      const { vacancyId, matchId } = event.subject;
      const closure = vacancyId ? await facts().closure(vacancyId) : null;
      const mail = await applicantMail(matchId, vacancyId);
      if (!closure || !mail) return;
      await deps.mailer.send({
        to: mail.to,
        ...(closure.kind === "cancelled"
          ? procedureCancelledMail({ ...mail.base, reason: closure.reason ?? "" })
          : notRetainedMail(mail.base)),
      });
    },
  });
}
