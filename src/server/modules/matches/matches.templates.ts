import type {
  Labels,
  Outcome,
  OutcomeOption,
  PhaseMeaning,
  ProcedureKind,
  ReferralColour,
} from "../../../contracts/matches";

export interface PhaseTemplate {
  key: string;
  label: Labels;
  visibleToContacts: boolean;
  outcomes: readonly Outcome[];
  meaning: PhaseMeaning;
  outcomeOptions: readonly OutcomeOption[];
}

export interface ProcedureTemplate {
  template: string;
  kind: ProcedureKind;
  name: Labels;
  isDefault: boolean;
  phases: readonly PhaseTemplate[];
}

const label = (nl: string, en: string, de: string, fr: string): Labels => ({ nl, en, de, fr });
const TRAFFIC_LIGHT: readonly Outcome[] = ["green", "orange", "red"];

const phase = (
  key: string,
  name: Labels,
  options: {
    visible?: boolean;
    outcomes?: readonly Outcome[];
    meaning?: PhaseMeaning;
    outcomeOptions?: readonly OutcomeOption[];
  } = {},
): PhaseTemplate => ({
  key,
  label: name,
  visibleToContacts: options.visible ?? false,
  outcomes: options.outcomes ?? [],
  meaning: options.meaning ?? "active",
  outcomeOptions: options.outcomeOptions ?? [],
});

const option = (key: string, colour: ReferralColour, name: Labels): OutcomeOption => ({
  key,
  colour,
  label: name,
});

/**
 * The referral portal's milestones (seed 003) in order, each with its list of outcomes: green
 * opens the next milestone, orange keeps it open, red archives the candidate.
 */
export const REFERRAL_MILESTONES: readonly (readonly [string, Labels, readonly OutcomeOption[]])[] = [
  [
    "contact_made",
    label("Contact gemaakt?", "Contact made?", "Kontakt aufgenommen?", "Contact établi ?"),
    [
      option(
        "reached",
        "green",
        label("Ja, contact gemaakt", "Yes, in contact", "Ja, Kontakt aufgenommen", "Oui, contact établi"),
      ),
      option(
        "not_reached",
        "orange",
        label("Nog niet bereikt", "Not reached yet", "Noch nicht erreicht", "Pas encore joint"),
      ),
      option(
        "not_interested",
        "red",
        label("Niet geïnteresseerd", "Not interested", "Kein Interesse", "Pas intéressé"),
      ),
    ],
  ],
  [
    "interview_planned",
    label("Gesprek gepland", "Interview scheduled", "Gespräch geplant", "Entretien planifié"),
    [
      option(
        "planned",
        "green",
        label("Gesprek gepland", "Interview scheduled", "Gespräch geplant", "Entretien planifié"),
      ),
      option(
        "no_date_yet",
        "orange",
        label("Nog geen datum", "No date yet", "Noch kein Termin", "Pas encore de date"),
      ),
      option(
        "no_interview",
        "red",
        label("Geen gesprek", "No interview", "Kein Gespräch", "Pas d'entretien"),
      ),
    ],
  ],
  [
    "interview_done",
    label("Interview voltooid", "Interview completed", "Gespräch geführt", "Entretien terminé"),
    [
      option(
        "positive",
        "green",
        label("Voltooid, positief", "Completed, positive", "Geführt, positiv", "Terminé, positif"),
      ),
      option(
        "second_interview",
        "orange",
        label(
          "Tweede gesprek nodig",
          "Second interview needed",
          "Zweites Gespräch nötig",
          "Deuxième entretien nécessaire",
        ),
      ),
      option("not_suitable", "red", label("Niet geschikt", "Not suitable", "Nicht geeignet", "Pas adapté")),
    ],
  ],
  [
    "offer_made",
    label("Aanbod gedaan", "Offer made", "Angebot gemacht", "Offre faite"),
    [
      option(
        "accepted",
        "green",
        label("Aanbod aangenomen", "Offer accepted", "Angebot angenommen", "Offre acceptée"),
      ),
      option(
        "thinking",
        "orange",
        label("Bedenktijd", "Thinking it over", "Bedenkzeit", "Temps de réflexion"),
      ),
      option(
        "declined",
        "red",
        label("Aanbod afgewezen", "Offer declined", "Angebot abgelehnt", "Offre refusée"),
      ),
    ],
  ],
  [
    "started",
    label("Begonnen werk", "Started work", "Arbeit aufgenommen", "A commencé à travailler"),
    [
      option("started", "green", label("Begonnen", "Started", "Angefangen", "A commencé")),
      option(
        "start_moved",
        "orange",
        label(
          "Startdatum verschoven",
          "Start date moved",
          "Starttermin verschoben",
          "Date de début reportée",
        ),
      ),
      option(
        "did_not_start",
        "red",
        label("Niet begonnen", "Did not start", "Nicht angefangen", "N'a pas commencé"),
      ),
    ],
  ],
  [
    "still_working",
    label(
      "Is de kandidaat nog aan het werk na 3 maanden?",
      "Is the candidate still working after 3 months?",
      "Ist die Person nach 3 Monaten noch beschäftigt?",
      "Le candidat travaille-t-il encore après 3 mois ?",
    ),
    [
      option(
        "still_working",
        "green",
        label("Ja, nog aan het werk", "Yes, still working", "Ja, noch beschäftigt", "Oui, toujours en poste"),
      ),
      option(
        "not_known_yet",
        "orange",
        label("Nog niet bekend", "Not known yet", "Noch nicht bekannt", "Pas encore connu"),
      ),
      option("left", "red", label("Uit dienst", "Has left", "Ausgeschieden", "A quitté")),
    ],
  ],
];

/**
 * The procedures every organisation gets (decision 0016). Migration 0018 copied these into each
 * organisation that existed then; `ensureProcedures` copies them for any organisation on first
 * use. Changing a template changes what new organisations get, never existing copies.
 */
export const PROCEDURE_TEMPLATES: readonly ProcedureTemplate[] = [
  {
    // HalloWerk's save and propose, Carerix's proposal flow: contact persons see the proposed
    // candidates and approve or reject them, which moves the match on.
    template: "recruitment",
    kind: "recruitment",
    name: label("Werving", "Recruitment", "Rekrutierung", "Recrutement"),
    isDefault: true,
    phases: [
      phase(
        "saved",
        label(
          "Opgeslagen (longlist)",
          "Saved (long list)",
          "Gespeichert (Longlist)",
          "Enregistré (liste longue)",
        ),
      ),
      phase("applied", label("Gesolliciteerd", "Applied", "Beworben", "Candidature reçue")),
      phase("screening", label("In behandeling", "In review", "In Bearbeitung", "En cours d'examen")),
      phase("proposed", label("Voorgesteld", "Proposed", "Vorgeschlagen", "Proposé"), { visible: true }),
      phase(
        "approved",
        label(
          "Goedgekeurd door opdrachtgever",
          "Approved by the client",
          "Vom Auftraggeber genehmigt",
          "Approuvé par le client",
        ),
        { visible: true },
      ),
      phase("interview", label("Gesprek", "Interview", "Vorstellungsgespräch", "Entretien"), {
        visible: true,
        outcomes: ["passed", "failed"],
      }),
      phase("offer", label("Aanbod", "Offer", "Angebot", "Offre"), { visible: true }),
      phase("hired", label("Aangenomen", "Hired", "Eingestellt", "Embauché"), {
        visible: true,
        meaning: "hired",
      }),
      phase(
        "declined",
        label(
          "Afgekeurd door opdrachtgever",
          "Declined by the client",
          "Vom Auftraggeber abgelehnt",
          "Refusé par le client",
        ),
        { visible: true, meaning: "rejected" },
      ),
      phase("rejected", label("Afgewezen", "Rejected", "Abgesagt", "Refusé"), { meaning: "rejected" }),
      phase("withdrawn", label("Teruggetrokken", "Withdrawn", "Zurückgezogen", "Retiré"), {
        meaning: "withdrawn",
      }),
    ],
  },
  {
    // The referral portal: milestones with a green, orange or red outcome; red archives.
    template: "referral",
    kind: "referral",
    name: label("Verwijzing", "Referral", "Empfehlung", "Recommandation"),
    isDefault: false,
    phases: [
      phase("referred", label("Aangemeld door verwijzer", "Referred", "Empfohlen", "Recommandé"), {
        visible: true,
      }),
      ...REFERRAL_MILESTONES.map(([key, name, options]) =>
        phase(key, name, { visible: true, outcomes: TRAFFIC_LIGHT, outcomeOptions: options }),
      ),
      phase("archived", label("Gearchiveerd", "Archived", "Archiviert", "Archivé"), {
        visible: true,
        meaning: "archived",
      }),
    ],
  },
  {
    // Vlimpers Rekrutering: the applicant statuses of a selection procedure.
    template: "selection",
    kind: "selection",
    name: label("Selectieprocedure", "Selection procedure", "Auswahlverfahren", "Procédure de sélection"),
    isDefault: false,
    phases: [
      phase("submitted", label("Ingediend", "Submitted", "Eingereicht", "Introduite")),
      phase("in_progress", label("In behandeling", "In progress", "In Bearbeitung", "En traitement")),
      phase(
        "preselected",
        label("Geslaagd preselectie", "Passed preselection", "Vorauswahl bestanden", "Présélection réussie"),
      ),
      phase("invited", label("Uitgenodigd", "Invited", "Eingeladen", "Invité")),
      phase("passed", label("Geslaagd", "Passed", "Bestanden", "Réussi"), { visible: true }),
      phase("failed", label("Niet geslaagd", "Not passed", "Nicht bestanden", "Échoué"), {
        meaning: "rejected",
      }),
      phase("reserve", label("Werfreserve", "Reserve list", "Reserveliste", "Réserve de recrutement"), {
        visible: true,
      }),
      phase("hired", label("Aangenomen", "Hired", "Eingestellt", "Engagé"), {
        visible: true,
        meaning: "hired",
      }),
      phase("withdrawn", label("Teruggetrokken", "Withdrawn", "Zurückgezogen", "Retiré"), {
        meaning: "withdrawn",
      }),
    ],
  },
];
