import {
  type MailContent,
  type MailLocale,
  mailGreeting,
  mailLinkFallback,
  renderLetter,
} from "../../platform/mail-templates";

interface ProposalMail {
  locale: MailLocale;
  portalName: string;
  name: string;
  candidateName: string;
  vacancyTitle: string;
  proposerName: string;
  note: string;
  reviewUrl: string;
}

const PROPOSED: Record<
  MailLocale,
  { subject: (m: ProposalMail) => string; body: (m: ProposalMail) => string; note: string; action: string }
> = {
  nl: {
    subject: (m) => `Kandidaat voorgesteld voor ${m.vacancyTitle}: ${m.candidateName}`,
    body: (m) =>
      `${m.proposerName} stelt ${m.candidateName} voor voor de vacature ${m.vacancyTitle}. Bekijk het profiel en keur de kandidaat goed of af.`,
    note: "De toelichting:",
    action: "Kandidaat beoordelen",
  },
  en: {
    subject: (m) => `Candidate proposed for ${m.vacancyTitle}: ${m.candidateName}`,
    body: (m) =>
      `${m.proposerName} proposes ${m.candidateName} for the vacancy ${m.vacancyTitle}. Please look at the profile and approve or reject the candidate.`,
    note: "Their note:",
    action: "Review the candidate",
  },
  de: {
    subject: (m) => `Kandidat für ${m.vacancyTitle} vorgeschlagen: ${m.candidateName}`,
    body: (m) =>
      `${m.proposerName} schlägt ${m.candidateName} für die Stelle ${m.vacancyTitle} vor. Bitte sehen Sie sich das Profil an und genehmigen oder lehnen Sie den Kandidaten ab.`,
    note: "Die Anmerkung:",
    action: "Kandidaten beurteilen",
  },
  fr: {
    subject: (m) => `Candidat proposé pour ${m.vacancyTitle} : ${m.candidateName}`,
    body: (m) =>
      `${m.proposerName} vous propose ${m.candidateName} pour le poste ${m.vacancyTitle}. Veuillez consulter le profil et approuver ou refuser le candidat.`,
    note: "Sa remarque :",
    action: "Évaluer le candidat",
  },
};

/** To a contact person who is asked to review a proposed candidate. */
export function proposalMail(m: ProposalMail): MailContent {
  const t = PROPOSED[m.locale];
  return renderLetter({
    locale: m.locale,
    portalName: m.portalName,
    subject: t.subject(m),
    greeting: mailGreeting(m.locale, m.name),
    blocks: [
      { kind: "paragraph", text: t.body(m) },
      ...(m.note ? [{ kind: "quote" as const, intro: t.note, text: m.note }] : []),
      { kind: "action", label: t.action, url: m.reviewUrl, fallback: mailLinkFallback(m.locale) },
    ],
  });
}

interface DecisionMail {
  locale: MailLocale;
  portalName: string;
  name: string;
  candidateName: string;
  vacancyTitle: string;
  reviewerName: string;
  decision: "approved" | "rejected";
  vacancyUrl: string;
}

const DECIDED: Record<
  MailLocale,
  {
    subject: (m: DecisionMail) => string;
    body: (m: DecisionMail) => string;
    action: string;
  }
> = {
  nl: {
    subject: (m) =>
      `${m.candidateName} ${m.decision === "approved" ? "goedgekeurd" : "afgewezen"} voor ${m.vacancyTitle}`,
    body: (m) =>
      `${m.reviewerName} heeft ${m.candidateName} voor de vacature ${m.vacancyTitle} ${m.decision === "approved" ? "goedgekeurd" : "afgewezen"}. Het commentaar staat op het tabblad Evaluatie van de kandidaat.`,
    action: "Bekijk de vacature",
  },
  en: {
    subject: (m) => `${m.candidateName} ${m.decision} for ${m.vacancyTitle}`,
    body: (m) =>
      `${m.reviewerName} has ${m.decision} ${m.candidateName} for the vacancy ${m.vacancyTitle}. The comment is on the candidate's Evaluation tab.`,
    action: "View the vacancy",
  },
  de: {
    subject: (m) =>
      `${m.candidateName} für ${m.vacancyTitle} ${m.decision === "approved" ? "genehmigt" : "abgelehnt"}`,
    body: (m) =>
      `${m.reviewerName} hat ${m.candidateName} für die Stelle ${m.vacancyTitle} ${m.decision === "approved" ? "genehmigt" : "abgelehnt"}. Der Kommentar steht auf der Registerkarte „Bewertung“ des Kandidaten.`,
    action: "Stelle ansehen",
  },
  fr: {
    subject: (m) =>
      `${m.candidateName} ${m.decision === "approved" ? "approuvé" : "refusé"} pour ${m.vacancyTitle}`,
    body: (m) =>
      `${m.reviewerName} a ${m.decision === "approved" ? "approuvé" : "refusé"} ${m.candidateName} pour le poste ${m.vacancyTitle}. Le commentaire figure dans l'onglet « Évaluation » du candidat.`,
    action: "Voir le poste",
  },
};

/** To the recruiter who proposed (and the vacancy's account manager): the contact's verdict. */
export function proposalDecidedMail(m: DecisionMail): MailContent {
  const t = DECIDED[m.locale];
  return renderLetter({
    locale: m.locale,
    portalName: m.portalName,
    subject: t.subject(m),
    greeting: mailGreeting(m.locale, m.name),
    blocks: [
      { kind: "paragraph", text: t.body(m) },
      { kind: "action", label: t.action, url: m.vacancyUrl, fallback: mailLinkFallback(m.locale) },
    ],
  });
}
