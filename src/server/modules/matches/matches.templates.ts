import type { Labels, Outcome, PhaseMeaning, ProcedureKind } from "../../../contracts/matches";

export interface PhaseTemplate {
  key: string;
  label: Labels;
  visibleToContacts: boolean;
  outcomes: readonly Outcome[];
  meaning: PhaseMeaning;
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
  options: { visible?: boolean; outcomes?: readonly Outcome[]; meaning?: PhaseMeaning } = {},
): PhaseTemplate => ({
  key,
  label: name,
  visibleToContacts: options.visible ?? false,
  outcomes: options.outcomes ?? [],
  meaning: options.meaning ?? "active",
});

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
      ...(
        [
          ["contact_made", label("Contact gemaakt", "Contact made", "Kontakt aufgenommen", "Contact établi")],
          [
            "interview_planned",
            label("Interview gepland", "Interview scheduled", "Gespräch geplant", "Entretien planifié"),
          ],
          [
            "interview_done",
            label("Interview voltooid", "Interview completed", "Gespräch geführt", "Entretien terminé"),
          ],
          ["offer_made", label("Aanbod gedaan", "Offer made", "Angebot gemacht", "Offre faite")],
          [
            "started",
            label("Begonnen met werk", "Started work", "Arbeit aufgenommen", "A commencé à travailler"),
          ],
          [
            "still_working",
            label(
              "Nog aan het werk na 3 maanden",
              "Still working after 3 months",
              "Nach 3 Monaten noch beschäftigt",
              "Toujours en poste après 3 mois",
            ),
          ],
        ] as const
      ).map(([key, name]) => phase(key, name, { visible: true, outcomes: TRAFFIC_LIGHT })),
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
