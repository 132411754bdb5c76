import {
  type MailContent,
  type MailLocale,
  mailGreeting,
  mailLinkFallback,
  renderLetter,
} from "../../platform/mail-templates";

/** The PV's approval mails (Vlimpers "goedkeuring vragen"); staff read Dutch or English. */

interface ApprovalMailBase {
  locale: MailLocale;
  portalName: string;
  name: string;
  vacancyTitle: string;
  organisationName: string;
  url: string;
}

const lang = (locale: MailLocale): "nl" | "en" => (locale === "nl" ? "nl" : "en");

function letter(
  m: ApprovalMailBase,
  subject: Record<"nl" | "en", string>,
  paragraphs: Record<"nl" | "en", string[]>,
  action: Record<"nl" | "en", string>,
  quote?: { intro: Record<"nl" | "en", string>; text: string },
): MailContent {
  const l = lang(m.locale);
  return renderLetter({
    locale: l,
    portalName: m.portalName,
    subject: subject[l],
    greeting: mailGreeting(l, m.name),
    blocks: [
      ...paragraphs[l].map((text) => ({ kind: "paragraph" as const, text })),
      ...(quote ? [{ kind: "quote" as const, intro: quote.intro[l], text: quote.text }] : []),
      { kind: "action", label: action[l], url: m.url, fallback: mailLinkFallback(l) },
    ],
  });
}

/** To the HR officer or leader asked: a PV waits for their approval. */
export function approvalRequestedMail(m: ApprovalMailBase & { requesterName: string }): MailContent {
  return letter(
    m,
    { nl: `PV ter goedkeuring: ${m.vacancyTitle}`, en: `Selection report for approval: ${m.vacancyTitle}` },
    {
      nl: [
        `${m.requesterName} vraagt je de selectieprocedure en het PV-rapport van ${m.vacancyTitle} (${m.organisationName}) goed te keuren.`,
        "Lees het rapport en keur het goed of af, met je opmerkingen, op het scherm Vacatures goedkeuren.",
      ],
      en: [
        `${m.requesterName} asks you to approve the selection procedure and the selection report of ${m.vacancyTitle} (${m.organisationName}).`,
        "Read the report and approve or reject it, with your remarks, on the Approve vacancies screen.",
      ],
    },
    { nl: "PV bekijken", en: "View the report" },
  );
}

/** To the officer who asked: the PV was approved or rejected, with the remarks. */
export function approvalDecidedMail(
  m: ApprovalMailBase & { approved: boolean; approverName: string; remarks: string | null },
): MailContent {
  return letter(
    m,
    m.approved
      ? { nl: `PV goedgekeurd: ${m.vacancyTitle}`, en: `Selection report approved: ${m.vacancyTitle}` }
      : { nl: `PV afgekeurd: ${m.vacancyTitle}`, en: `Selection report rejected: ${m.vacancyTitle}` },
    m.approved
      ? {
          nl: [
            `${m.approverName} heeft de selectieprocedure en het PV-rapport van ${m.vacancyTitle} goedgekeurd.`,
          ],
          en: [
            `${m.approverName} approved the selection procedure and the selection report of ${m.vacancyTitle}.`,
          ],
        }
      : {
          nl: [
            `${m.approverName} heeft de selectieprocedure en het PV-rapport van ${m.vacancyTitle} afgekeurd.`,
            "Pas aan wat nodig is en vraag opnieuw goedkeuring.",
          ],
          en: [
            `${m.approverName} rejected the selection procedure and the selection report of ${m.vacancyTitle}.`,
            "Change what is needed and ask for approval again.",
          ],
        },
    { nl: "Selectie bekijken", en: "View the selection" },
    m.remarks ? { intro: { nl: "De opmerkingen:", en: "The remarks:" }, text: m.remarks } : undefined,
  );
}
