import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { LOCALES, type Locale, UI_LOCALES, type UiLocale } from "../../contracts/common";
import { passwordMessages } from "../modules/identity/password-policy";

export type { Locale };
export const DEFAULT_LOCALE = "nl" satisfies Locale;

/**
 * The languages of the API's own messages (errors and field messages): the UI languages, so an
 * employer contact reading German or French gets them in German or French. Content (texts with a
 * `LocalizedText`) stays in `Locale` (nl/en).
 */
export type MessageLocale = UiLocale;
export const MESSAGE_LOCALES: readonly MessageLocale[] = UI_LOCALES;

/**
 * Picks the first supported language from an Accept-Language header, honouring q-values;
 * Dutch when nothing matches, because Dutch is the product's default language. For content.
 */
export function negotiateLocale(header: string | undefined): Locale {
  return negotiate(header, LOCALES);
}

/** Like negotiateLocale, for the API's own messages: also German and French. */
export function negotiateMessageLocale(header: string | undefined): MessageLocale {
  return negotiate(header, UI_LOCALES);
}

function negotiate<L extends string>(header: string | undefined, supported: readonly L[]): L | "nl" {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    if ((supported as readonly string[]).includes(entry.lang)) return entry.lang as L;
  }
  return DEFAULT_LOCALE;
}

/** The language for content in a response (nl/en). */
export function requestLocale(request: FastifyRequest): Locale {
  return negotiateLocale(request.headers["accept-language"]);
}

/** The language for the API's own messages in a response (nl/en/de/fr): errors and field messages. */
export function requestMessageLocale(request: FastifyRequest): MessageLocale {
  return negotiateMessageLocale(request.headers["accept-language"]);
}

const zodLocales = {
  nl: z.locales.nl(),
  en: z.locales.en(),
  de: z.locales.de(),
  fr: z.locales.fr(),
} as const satisfies Record<MessageLocale, unknown>;

/** Our own validation message keys (used as zod custom messages) and their texts. */
export const fieldMessages: Record<string, Record<MessageLocale, string>> = {
  kvk_invalid: {
    nl: "Een KvK-nummer bestaat uit 8 cijfers.",
    en: "A Chamber of Commerce number has 8 digits.",
    de: "Eine KvK-Nummer (Handelsregisternummer) besteht aus 8 Ziffern.",
    fr: "Un numéro KvK (registre du commerce) comporte 8 chiffres.",
  },
  required: {
    nl: "Dit veld is verplicht.",
    en: "This field is required.",
    de: "Dieses Feld ist ein Pflichtfeld.",
    fr: "Ce champ est obligatoire.",
  },
  phone_invalid: {
    nl: "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.",
    en: "Enter a valid phone number, e.g. +31 6 12345678.",
    de: "Geben Sie eine gültige Telefonnummer ein, z. B. +31 6 12345678.",
    fr: "Saisissez un numéro de téléphone valide, par exemple +31 6 12345678.",
  },
  postcode_invalid: {
    nl: "Vul een postcode in zoals 2511 AB.",
    en: "Enter a postcode such as 2511 AB.",
    de: "Geben Sie eine Postleitzahl wie 2511 AB ein.",
    fr: "Saisissez un code postal tel que 2511 AB.",
  },
  terms_required: {
    nl: "Ga akkoord met de gebruiksvoorwaarden om verder te gaan.",
    en: "Please accept the terms of use to continue.",
    de: "Bitte akzeptieren Sie die Nutzungsbedingungen, um fortzufahren.",
    fr: "Veuillez accepter les conditions d'utilisation pour continuer.",
  },
  date_invalid: {
    nl: "Vul een datum in als 2026-12-31.",
    en: "Enter a date such as 2026-12-31.",
    de: "Geben Sie ein Datum wie 2026-12-31 ein.",
    fr: "Saisissez une date telle que 2026-12-31.",
  },
  range_min_above_max: {
    nl: "Het minimum is hoger dan het maximum.",
    en: "The minimum is higher than the maximum.",
    de: "Das Minimum ist höher als das Maximum.",
    fr: "Le minimum est supérieur au maximum.",
  },
  closes_before_publication: {
    nl: "De sluitingsdatum ligt vóór een publicatiedatum.",
    en: "The closing date is before a publication date.",
    de: "Das Schlussdatum liegt vor einem Veröffentlichungsdatum.",
    fr: "La date de clôture est antérieure à une date de publication.",
  },
  end_date_required: {
    nl: "Vul de einddatum in van een tijdelijke functie.",
    en: "Enter the end date of a temporary position.",
    de: "Geben Sie das Enddatum einer befristeten Stelle ein.",
    fr: "Saisissez la date de fin d'un poste temporaire.",
  },
  contact_other_organisation: {
    nl: "De contactpersoon hoort niet bij deze organisatie.",
    en: "The contact person does not belong to this organisation.",
    de: "Die Kontaktperson gehört nicht zu dieser Organisation.",
    fr: "La personne de contact n'appartient pas à cette organisation.",
  },
  department_other_organisation: {
    nl: "Deze afdeling hoort niet bij deze organisatie.",
    en: "This department does not belong to this organisation.",
    de: "Diese Abteilung gehört nicht zu dieser Organisation.",
    fr: "Ce service n'appartient pas à cette organisation.",
  },
  person_not_allowed: {
    nl: "Deze persoon kan hier niet gekozen worden.",
    en: "This person cannot be chosen here.",
    de: "Diese Person kann hier nicht ausgewählt werden.",
    fr: "Cette personne ne peut pas être choisie ici.",
  },
  unknown_occupation: {
    nl: "Dit beroep kennen we niet.",
    en: "This occupation is unknown.",
    de: "Dieser Beruf ist uns nicht bekannt.",
    fr: "Cette profession nous est inconnue.",
  },
  unknown_place: {
    nl: "Deze plaats kennen we niet.",
    en: "This place is unknown.",
    de: "Dieser Ort ist uns nicht bekannt.",
    fr: "Ce lieu nous est inconnu.",
  },
  site_not_available: {
    nl: "Kies een actieve locatie van deze organisatie.",
    en: "Choose an active site of this organisation.",
    de: "Wählen Sie einen aktiven Standort dieser Organisation.",
    fr: "Choisissez un site actif de cette organisation.",
  },
  site_name_taken: {
    nl: "Deze naam is al in gebruik voor een andere locatie.",
    en: "This name is already used for another site.",
    de: "Dieser Name wird bereits für einen anderen Standort verwendet.",
    fr: "Ce nom est déjà utilisé pour un autre site.",
  },
  unknown_option: {
    nl: "Kies een waarde uit de lijst.",
    en: "Choose a value from the list.",
    de: "Wählen Sie einen Wert aus der Liste.",
    fr: "Choisissez une valeur dans la liste.",
  },
  required_for_publication: {
    nl: "Nodig om te publiceren.",
    en: "Needed to publish.",
    de: "Für die Veröffentlichung erforderlich.",
    fr: "Nécessaire pour publier.",
  },
  audience_required: {
    nl: "Kies voor minstens één doelgroep een publicatiedatum.",
    en: "Choose a publication date for at least one audience.",
    de: "Wählen Sie für mindestens eine Zielgruppe ein Veröffentlichungsdatum.",
    fr: "Choisissez une date de publication pour au moins un public cible.",
  },
  file_type_not_allowed: {
    nl: "Alleen PDF, DOCX of een afbeelding (PNG, JPG, WebP).",
    en: "Only PDF, DOCX or an image (PNG, JPG, WebP).",
    de: "Nur PDF, DOCX oder ein Bild (PNG, JPG, WebP).",
    fr: "Uniquement PDF, DOCX ou une image (PNG, JPG, WebP).",
  },
  document_type_not_allowed: {
    nl: "Alleen PDF of DOCX.",
    en: "Only PDF or DOCX.",
    de: "Nur PDF oder DOCX.",
    fr: "Uniquement PDF ou DOCX.",
  },
  image_type_not_allowed: {
    nl: "Alleen PNG, JPG of WebP.",
    en: "Only PNG, JPG or WebP.",
    de: "Nur PNG, JPG oder WebP.",
    fr: "Uniquement PNG, JPG ou WebP.",
  },
  file_too_large: {
    nl: "Het bestand is groter dan 10 MB.",
    en: "The file is larger than 10 MB.",
    de: "Die Datei ist größer als 10 MB.",
    fr: "Le fichier dépasse 10 Mo.",
  },
  photo_too_large: {
    nl: "De foto is groter dan 5 MB.",
    en: "The photo is larger than 5 MB.",
    de: "Das Foto ist größer als 5 MB.",
    fr: "La photo dépasse 5 Mo.",
  },
  end_before_start: {
    nl: "De einddatum ligt vóór de begindatum.",
    en: "The end date is before the start date.",
    de: "Das Enddatum liegt vor dem Anfangsdatum.",
    fr: "La date de fin est antérieure à la date de début.",
  },
  birth_date_invalid: {
    nl: "Vul een geboortedatum in die in het verleden ligt.",
    en: "Enter a date of birth in the past.",
    de: "Geben Sie ein Geburtsdatum in der Vergangenheit ein.",
    fr: "Saisissez une date de naissance dans le passé.",
  },
  url_invalid: {
    nl: "Vul een webadres in dat begint met https://.",
    en: "Enter a web address starting with https://.",
    de: "Geben Sie eine Webadresse ein, die mit https:// beginnt.",
    fr: "Saisissez une adresse web commençant par https://.",
  },
  consent_required: {
    nl: "Vink aan dat je toestemming hebt gevraagd en gekregen.",
    en: "Tick the box to confirm that you asked for and got permission.",
    de: "Bestätigen Sie, dass Sie um Erlaubnis gebeten und sie erhalten haben.",
    fr: "Cochez la case pour confirmer que vous avez demandé et obtenu l'autorisation.",
  },
  email_invalid: {
    nl: "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
    en: "Enter a valid e-mail address, e.g. name@example.com.",
    de: "Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.",
    fr: "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
  },
  unknown_language: {
    nl: "Deze taal kennen we niet.",
    en: "This language is unknown.",
    de: "Diese Sprache ist uns nicht bekannt.",
    fr: "Cette langue nous est inconnue.",
  },
  too_many_files: {
    nl: "Je hebt het maximale aantal bestanden bereikt. Verwijder er eerst een.",
    en: "You have reached the maximum number of files. Remove one first.",
    de: "Sie haben die maximale Anzahl an Dateien erreicht. Entfernen Sie zuerst eine.",
    fr: "Vous avez atteint le nombre maximal de fichiers. Supprimez-en d'abord un.",
  },
  password_incorrect: {
    nl: "Dit wachtwoord klopt niet.",
    en: "This password is not correct.",
    de: "Dieses Passwort ist nicht korrekt.",
    fr: "Ce mot de passe est incorrect.",
  },
  unknown_chip: {
    nl: "Deze zoekterm kennen we niet. Kies een suggestie uit de lijst.",
    en: "This search term is unknown. Choose a suggestion from the list.",
    de: "Dieser Suchbegriff ist uns nicht bekannt. Wählen Sie einen Vorschlag aus der Liste.",
    fr: "Ce terme de recherche nous est inconnu. Choisissez une suggestion dans la liste.",
  },
  radius_without_place: {
    nl: "Kies eerst een plaats om in een straal te zoeken.",
    en: "Choose a place first to search within a radius.",
    de: "Wählen Sie zuerst einen Ort, um in einem Umkreis zu suchen.",
    fr: "Choisissez d'abord un lieu pour rechercher dans un rayon.",
  },
  radius_invalid: {
    nl: "Kies een straal van 5, 10, 25, 50 of 100 km.",
    en: "Choose a radius of 5, 10, 25, 50 or 100 km.",
    de: "Wählen Sie einen Umkreis von 5, 10, 25, 50 oder 100 km.",
    fr: "Choisissez un rayon de 5, 10, 25, 50 ou 100 km.",
  },
  unknown_filter: {
    nl: "Dit filter kennen we niet.",
    en: "This filter is unknown.",
    de: "Dieser Filter ist uns nicht bekannt.",
    fr: "Ce filtre nous est inconnu.",
  },
  too_many_words: {
    nl: "Zoek met hoogstens 8 woorden; gebruik filters om verder te verfijnen.",
    en: "Search with at most 8 words; use filters to narrow down further.",
    de: "Suchen Sie mit höchstens 8 Wörtern; verwenden Sie Filter, um weiter einzugrenzen.",
    fr: "Recherchez avec 8 mots au maximum ; utilisez des filtres pour affiner davantage.",
  },
  page_too_deep: {
    nl: "Zo ver bladeren kan niet: verfijn je zoekopdracht met filters.",
    en: "You cannot page this far: narrow your search with filters.",
    de: "So weit können Sie nicht blättern: Verfeinern Sie Ihre Suche mit Filtern.",
    fr: "Vous ne pouvez pas paginer aussi loin : affinez votre recherche avec des filtres.",
  },
  document_type_unknown: {
    nl: "Kies het soort document (cv, certificaat, diploma, referentie, contract, identiteitsbewijs of ander document).",
    en: "Choose the kind of document (CV, certificate, diploma, reference, contract, identity document or other).",
    de: "Wählen Sie die Art des Dokuments (Lebenslauf, Zertifikat, Diplom, Referenz, Vertrag, Ausweisdokument oder sonstiges Dokument).",
    fr: "Choisissez le type de document (CV, certificat, diplôme, référence, contrat, pièce d'identité ou autre document).",
  },
  document_type_hidden: {
    nl: "Dit soort document is niet zichtbaar voor contactpersonen.",
    en: "This kind of document is not visible to contact persons.",
    de: "Diese Art von Dokument ist für Kontaktpersonen nicht sichtbar.",
    fr: "Ce type de document n'est pas visible pour les personnes de contact.",
  },
  match_document_file_not_allowed: {
    nl: "Alleen PDF, DOCX, JPEG of PNG.",
    en: "Only PDF, DOCX, JPEG or PNG.",
    de: "Nur PDF, DOCX, JPEG oder PNG.",
    fr: "Uniquement PDF, DOCX, JPEG ou PNG.",
  },
  department_outside_relation: {
    nl: "Deze afdeling valt buiten je relatie met de werkgever. Kies een afdeling uit de lijst.",
    en: "This department is outside your relation with the employer. Choose a department from the list.",
    de: "Diese Abteilung liegt außerhalb Ihrer Beziehung zum Arbeitgeber. Wählen Sie eine Abteilung aus der Liste.",
    fr: "Ce service est en dehors de votre relation avec l'employeur. Choisissez un service dans la liste.",
  },
  department_required_for_relation: {
    nl: "Kies de afdeling waarvoor je de vacature aanmaakt.",
    en: "Choose the department you are creating the vacancy for.",
    de: "Wählen Sie die Abteilung, für die Sie die Stelle anlegen.",
    fr: "Choisissez le service pour lequel vous créez l'offre d'emploi.",
  },
  locale_contacts_only: {
    nl: "Kies Nederlands of Engels; Duits en Frans zijn er voor contactpersonen van werkgevers.",
    en: "Choose Dutch or English; German and French are for employers' contact persons.",
    de: "Wählen Sie Niederländisch oder Englisch; Deutsch und Französisch sind für Kontaktpersonen von Arbeitgebern vorgesehen.",
    fr: "Choisissez le néerlandais ou l'anglais ; l'allemand et le français sont réservés aux personnes de contact des employeurs.",
  },
  attachment_type_not_allowed: {
    nl: "Alleen PDF, DOCX, JPG of PNG.",
    en: "Only PDF, DOCX, JPG or PNG.",
    de: "Nur PDF, DOCX, JPG oder PNG.",
    fr: "Uniquement PDF, DOCX, JPG ou PNG.",
  },
  message_too_long: {
    nl: "Een bericht is hoogstens 10.000 tekens lang.",
    en: "A message is at most 10,000 characters long.",
    de: "Eine Nachricht ist höchstens 10.000 Zeichen lang.",
    fr: "Un message comporte au maximum 10 000 caractères.",
  },
  too_many_attachments: {
    nl: "Voeg hoogstens 5 bijlagen toe.",
    en: "Add at most 5 attachments.",
    de: "Fügen Sie höchstens 5 Anhänge hinzu.",
    fr: "Ajoutez au maximum 5 pièces jointes.",
  },
  message_match_by_contact: {
    nl: "Alleen de contactpersoon kiest een kandidaat als onderwerp; antwoord in diens gesprek.",
    en: "Only the contact person chooses a candidate as the subject; reply in their conversation.",
    de: "Nur die Kontaktperson wählt einen Kandidaten als Betreff; antworten Sie in deren Gespräch.",
    fr: "Seule la personne de contact choisit un candidat comme objet ; répondez dans sa conversation.",
  },
  hours_over_day: {
    nl: "Op één dag passen niet meer dan 24 uur.",
    en: "A day cannot hold more than 24 hours.",
    de: "Ein Tag kann nicht mehr als 24 Stunden haben.",
    fr: "Une journée ne peut pas compter plus de 24 heures.",
  },
  hours_quarter: {
    nl: "Vul uren in per kwartier (bijvoorbeeld 7,75), niet negatief en hoogstens 24.",
    en: "Enter hours in quarter hours (e.g. 7.75), not negative and at most 24.",
    de: "Geben Sie Stunden in Viertelstunden ein (z. B. 7,75), nicht negativ und höchstens 24.",
    fr: "Saisissez les heures par quarts d'heure (par ex. 7,75), sans valeur négative et 24 au maximum.",
  },
  date_outside_week: {
    nl: "Deze dag valt niet in deze week.",
    en: "This day is not in this week.",
    de: "Dieser Tag liegt nicht in dieser Woche.",
    fr: "Ce jour n'est pas dans cette semaine.",
  },
  date_outside_placement: {
    nl: "Op deze dag liep de plaatsing niet: uren kunnen alleen binnen de start- en einddatum.",
    en: "The placement did not run on this day: hours only fit between its start and end date.",
    de: "An diesem Tag lief der Einsatz nicht: Stunden nur zwischen Start- und Enddatum.",
    fr: "La mission ne courait pas ce jour-là : les heures doivent être entre les dates de début et de fin.",
  },
  entry_twice: {
    nl: "Deze dag en soort uren staan er twee keer in.",
    en: "This day and kind of hours appear twice.",
    de: "Dieser Tag und diese Stundenart kommen doppelt vor.",
    fr: "Ce jour et ce type d'heures figurent deux fois.",
  },
  week_in_future: {
    nl: "Deze week is nog niet begonnen.",
    en: "This week has not started yet.",
    de: "Diese Woche hat noch nicht begonnen.",
    fr: "Cette semaine n'a pas encore commencé.",
  },
  week_starts_monday: {
    nl: "Een week begint op maandag.",
    en: "A week starts on Monday.",
    de: "Eine Woche beginnt am Montag.",
    fr: "Une semaine commence le lundi.",
  },
  approver_required: {
    nl: "Kies ten minste één contactpersoon die de uren goedkeurt.",
    en: "Choose at least one contact person to approve the hours.",
    de: "Wählen Sie mindestens eine Kontaktperson, die die Stunden genehmigt.",
    fr: "Choisissez au moins une personne de contact qui approuve les heures.",
  },
  approver_invalid: {
    nl: "Kies contactpersonen van deze werkgever met toegang tot het portaal.",
    en: "Choose contact persons of this employer with access to the portal.",
    de: "Wählen Sie Kontaktpersonen dieses Arbeitgebers mit Zugang zum Portal.",
    fr: "Choisissez des personnes de contact de cet employeur ayant accès au portail.",
  },
  period_invalid: {
    nl: "Kies een periode van hoogstens een jaar, met de einddatum na de begindatum.",
    en: "Choose a period of at most a year, with the end after the start.",
    de: "Wählen Sie einen Zeitraum von höchstens einem Jahr, mit dem Ende nach dem Beginn.",
    fr: "Choisissez une période d'un an au maximum, la fin après le début.",
  },
  // --- Issue 15 parts 4 and 5: applicants per vacancy and mailing applicants ---
  applicant_not_on_vacancy: {
    nl: "Geen sollicitant van deze vacature",
    en: "Not an applicant of this vacancy",
    de: "Kein Bewerber dieser Stelle",
    fr: "Pas un candidat de cette offre",
  },
  applicant_without_email: {
    nl: "Geen e-mailadres bekend",
    en: "No e-mail address known",
    de: "Keine E-Mail-Adresse bekannt",
    fr: "Aucune adresse e-mail connue",
  },

  merge_field_unknown: {
    nl: "Onbekend samenvoegveld:",
    en: "Unknown merge field:",
    de: "Unbekanntes Seriendruckfeld:",
    fr: "Champ de fusion inconnu :",
  },
  template_or_message: {
    nl: "Kies een sjabloon of schrijf een bericht (niet allebei).",
    en: "Choose a template or write a message (not both).",
    de: "Wählen Sie eine Vorlage oder schreiben Sie eine Nachricht (nicht beides).",
    fr: "Choisissez un modèle ou rédigez un message (pas les deux).",
  },
  duplicate_ids: {
    nl: "Elke sollicitant mag maar één keer gekozen zijn.",
    en: "Each applicant may be chosen only once.",
    de: "Jeder Bewerber darf nur einmal ausgewählt sein.",
    fr: "Chaque candidat ne peut être choisi qu'une fois.",
  },
  // Issue 15 part 7: publication channels (job sites, the multiposter).
  job_site_code_invalid: {
    nl: "Gebruik kleine letters, cijfers, punt, streepje of liggend streepje (hoogstens 40 tekens).",
    en: "Use lower-case letters, digits, dot, hyphen or underscore (at most 40 characters).",
    de: "Verwenden Sie Kleinbuchstaben, Ziffern, Punkt, Binde- oder Unterstrich (höchstens 40 Zeichen).",
    fr: "Utilisez des minuscules, chiffres, point, tiret ou tiret bas (40 caractères au maximum).",
  },
  job_site_code_taken: {
    nl: "Deze code is al in gebruik voor een andere vacaturesite.",
    en: "This code is already used for another job site.",
    de: "Dieser Code wird bereits für eine andere Jobbörse verwendet.",
    fr: "Ce code est déjà utilisé pour un autre site d'emploi.",
  },
  job_site_name_taken: {
    nl: "Deze naam is al in gebruik voor een andere vacaturesite.",
    en: "This name is already used for another job site.",
    de: "Dieser Name wird bereits für eine andere Jobbörse verwendet.",
    fr: "Ce nom est déjà utilisé pour un autre site d'emploi.",
  },
  job_site_unknown: {
    nl: "Kies een actieve vacaturesite van deze organisatie.",
    en: "Choose an active job site of this organisation.",
    de: "Wählen Sie eine aktive Jobbörse dieser Organisation.",
    fr: "Choisissez un site d'emploi actif de cette organisation.",
  },
  job_sites_need_public_board: {
    nl: "Vacaturesites verwijzen naar de openbare vacaturebank: zet die ook aan.",
    en: "Job sites link to the public job board: switch it on as well.",
    de: "Jobbörsen verlinken auf die öffentliche Stellenbörse: Schalten Sie diese ebenfalls ein.",
    fr: "Les sites d'emploi renvoient au site d'offres public : activez-le aussi.",
  },
  // --- Issue 15, application forms and applying through them (forms module) ---
  form_key_invalid: {
    nl: "Gebruik kleine letters, cijfers en _ (begin met een letter).",
    en: "Use lower-case letters, digits and _ (start with a letter).",
    de: "Verwenden Sie Kleinbuchstaben, Ziffern und _ (mit einem Buchstaben beginnen).",
    fr: "Utilisez des minuscules, des chiffres et _ (en commençant par une lettre).",
  },
  form_key_duplicate: {
    nl: "Deze sleutel komt al voor in het formulier.",
    en: "This key is already used in the form.",
    de: "Dieser Schlüssel wird im Formular bereits verwendet.",
    fr: "Cette clé est déjà utilisée dans le formulaire.",
  },
  form_options_required: {
    nl: "Geef ten minste twee keuzes.",
    en: "Give at least two options.",
    de: "Geben Sie mindestens zwei Optionen an.",
    fr: "Indiquez au moins deux options.",
  },
  form_knock_out_invalid: {
    nl: "Een knock-outantwoord hoort bij een ja/nee- of keuzevraag in de sectie met toelatingsvragen en moet een van de antwoorden zijn.",
    en: "A knock-out answer belongs to a yes/no or choice question in the eligibility section and must be one of its answers.",
    de: "Eine K.-o.-Antwort gehört zu einer Ja/Nein- oder Auswahlfrage im Abschnitt Zulassungsfragen und muss eine ihrer Antworten sein.",
    fr: "Une réponse éliminatoire appartient à une question oui/non ou à choix de la section d'éligibilité et doit être l'une de ses réponses.",
  },
  form_label_required: {
    nl: "Geef een Nederlandse omschrijving.",
    en: "Give a Dutch label.",
    de: "Geben Sie eine niederländische Bezeichnung an.",
    fr: "Indiquez un libellé en néerlandais.",
  },
  form_kind_changed: {
    nl: "Dit veld is al beantwoord; de soort kan niet meer veranderen. Maak een nieuw veld.",
    en: "This field has been answered; its kind can no longer change. Add a new field.",
    de: "Dieses Feld wurde bereits beantwortet; seine Art kann sich nicht mehr ändern. Fügen Sie ein neues Feld hinzu.",
    fr: "Ce champ a déjà reçu des réponses ; son type ne peut plus changer. Ajoutez un nouveau champ.",
  },
  form_option_answered: {
    nl: "Deze keuze is al gekozen door sollicitanten en kan niet weg of een andere sleutel krijgen.",
    en: "Applicants have chosen this option; it cannot be removed or get another key.",
    de: "Bewerber haben diese Option gewählt; sie kann nicht entfernt werden oder einen anderen Schlüssel erhalten.",
    fr: "Des candidats ont choisi cette option ; elle ne peut pas être supprimée ni changer de clé.",
  },
  template_unknown: {
    nl: "Dit sjabloon bestaat niet (meer).",
    en: "This template does not exist (any more).",
    de: "Diese Vorlage existiert nicht (mehr).",
    fr: "Ce modèle n'existe pas (ou plus).",
  },
  answer_unknown_field: {
    nl: "Deze vraag staat niet in het formulier.",
    en: "This question is not in the form.",
    de: "Diese Frage steht nicht im Formular.",
    fr: "Cette question ne figure pas dans le formulaire.",
  },
  answer_invalid: {
    nl: "Dit antwoord past niet bij de vraag.",
    en: "This answer does not fit the question.",
    de: "Diese Antwort passt nicht zur Frage.",
    fr: "Cette réponse ne correspond pas à la question.",
  },
  national_register_number_invalid: {
    nl: "Dit is geen geldig rijksregisternummer (11 cijfers, bv. 85.07.30-033.28).",
    en: "This is not a valid national register number (11 digits, e.g. 85.07.30-033.28).",
    de: "Dies ist keine gültige Nationalregisternummer (11 Ziffern, z. B. 85.07.30-033.28).",
    fr: "Ce n'est pas un numéro de registre national valide (11 chiffres, p. ex. 85.07.30-033.28).",
  },
  file_missing: {
    nl: "Dit bestand is niet (meer) gevonden. Upload het opnieuw.",
    en: "This file was not found. Upload it again.",
    de: "Diese Datei wurde nicht gefunden. Laden Sie sie erneut hoch.",
    fr: "Ce fichier est introuvable. Téléversez-le à nouveau.",
  },

  answer_filter_invalid: {
    nl: "Kies een antwoord uit de lijst.",
    en: "Choose an answer from the list.",
    de: "Wählen Sie eine Antwort aus der Liste.",
    fr: "Choisissez une réponse dans la liste.",
  },
  // --- end of issue 15, application forms ---
  // --- issue 16, reserve lists and closing ---
  reserve_list_end_before_start: {
    nl: "De einddatum moet op of na de begindatum liggen.",
    en: "The end date must be on or after the start date.",
    de: "Das Enddatum muss am oder nach dem Anfangsdatum liegen.",
    fr: "La date de fin doit être égale ou postérieure à la date de début.",
  },
  reserve_list_not_applicant: {
    nl: "Geen sollicitant van deze vacature",
    en: "Not an applicant of this vacancy",
    de: "Kein Bewerber dieser Stelle",
    fr: "Pas un candidat de cette offre",
  },
  reserve_list_order_mismatch: {
    nl: "Zet elke laureaat precies één keer in de volgorde.",
    en: "Put every laureate in the order exactly once.",
    de: "Jeden Kandidaten genau einmal in die Reihenfolge setzen.",
    fr: "Placez chaque lauréat exactement une fois dans l'ordre.",
  },
  closure_reason_required: {
    nl: "Geef de reden van de annulering.",
    en: "Give the reason for cancelling.",
    de: "Geben Sie den Grund für den Abbruch an.",
    fr: "Indiquez la raison de l'annulation.",
  },
  // --- end ---
  // --- issue 16, selection events ---
  time_invalid: {
    nl: "Vul een tijd in als uu:mm, bijvoorbeeld 09:30.",
    en: "Enter a time as hh:mm, for example 09:30.",
    de: "Geben Sie eine Uhrzeit als hh:mm ein, zum Beispiel 09:30.",
    fr: "Saisissez une heure au format hh:mm, par exemple 09:30.",
  },
  time_end_before_start: {
    nl: "Het einde moet na het begin liggen.",
    en: "The end must be after the start.",
    de: "Das Ende muss nach dem Beginn liegen.",
    fr: "La fin doit être après le début.",
  },
  capacity_too_small: {
    nl: "Een onderdeel heeft plaats voor minstens 1 persoon.",
    en: "A slot has room for at least 1 person.",
    de: "Ein Zeitfenster hat Platz für mindestens 1 Person.",
    fr: "Un créneau a de la place pour au moins 1 personne.",
  },
  slots_required: {
    nl: "Voeg minstens één onderdeel toe.",
    en: "Add at least one slot.",
    de: "Fügen Sie mindestens ein Zeitfenster hinzu.",
    fr: "Ajoutez au moins un créneau.",
  },
  slot_outside_session: {
    nl: "Een onderdeel valt binnen de tijden van zijn sessie.",
    en: "A slot lies within its session's times.",
    de: "Ein Zeitfenster liegt innerhalb der Zeiten seiner Sitzung.",
    fr: "Un créneau se situe dans les horaires de sa session.",
  },
  sessions_required: {
    nl: "Voeg minstens één sessie toe.",
    en: "Add at least one session.",
    de: "Fügen Sie mindestens eine Sitzung hinzu.",
    fr: "Ajoutez au moins une session.",
  },
  place_or_link_required: {
    nl: "Vul een adres of een link voor online deelname in.",
    en: "Enter an address or a link to join online.",
    de: "Geben Sie eine Adresse oder einen Link zur Online-Teilnahme ein.",
    fr: "Saisissez une adresse ou un lien pour participer en ligne.",
  },
  phase_unknown: {
    nl: "Deze fase hoort niet bij de procedure van de vacature.",
    en: "This phase is not part of the vacancy's procedure.",
    de: "Diese Phase gehört nicht zum Verfahren der Stelle.",
    fr: "Cette phase ne fait pas partie de la procédure de l'offre.",
  },
  phases_required: {
    nl: "Kies minstens één fase.",
    en: "Choose at least one phase.",
    de: "Wählen Sie mindestens eine Phase.",
    fr: "Choisissez au moins une phase.",
  },
  // --- end ---
  // --- issue 16, hiring and onboarding ---
  start_date_past: {
    nl: "De startdatum kan niet in het verleden liggen.",
    en: "The start date cannot be in the past.",
    de: "Das Startdatum darf nicht in der Vergangenheit liegen.",
    fr: "La date d'entrée ne peut pas être dans le passé.",
  },
  mentor_not_staff: {
    nl: "Kies als meter of peter een medewerker van de eigen organisatie.",
    en: "Choose a staff member of the organisation as mentor.",
    de: "Wählen Sie als Mentor eine Person aus der eigenen Organisation.",
    fr: "Choisissez comme parrain ou marraine un membre du personnel de l'organisation.",
  },
  material_unknown: {
    nl: "Kies leermateriaal van de eigen organisatie dat actief is.",
    en: "Choose active learning material of the organisation.",
    de: "Wählen Sie aktives Lernmaterial der eigenen Organisation.",
    fr: "Choisissez un support de formation actif de l'organisation.",
  },
  email_domain_invalid: {
    nl: "Vul een e-maildomein in zoals vlaanderen.be (zonder @).",
    en: "Enter an e-mail domain such as vlaanderen.be (without @).",
    de: "Geben Sie eine E-Mail-Domain wie vlaanderen.be ein (ohne @).",
    fr: "Saisissez un domaine e-mail comme vlaanderen.be (sans @).",
  },
  // --- end ---
  // --- issue 16, selection results (jury scores, PV-rapport and its approval) ---
  selection_part_unknown: {
    nl: "Dit selectieonderdeel hoort niet bij deze vacature.",
    en: "This selection part does not belong to this vacancy.",
    de: "Dieser Auswahlteil gehört nicht zu dieser Stelle.",
    fr: "Cette épreuve n'appartient pas à cette offre.",
  },
  score_above_max: {
    nl: "De score mag niet hoger zijn dan het maximum van het onderdeel.",
    en: "The score may not be higher than the part's maximum.",
    de: "Die Punktzahl darf nicht höher sein als das Maximum des Teils.",
    fr: "La note ne peut pas dépasser le maximum de l'épreuve.",
  },
  score_precision: {
    nl: "Geef de score met hoogstens twee cijfers na de komma.",
    en: "Give the score with at most two decimals.",
    de: "Geben Sie die Punktzahl mit höchstens zwei Nachkommastellen an.",
    fr: "Indiquez la note avec au plus deux décimales.",
  },
  score_or_verdict_required: {
    nl: "Geef een score, een oordeel of allebei.",
    en: "Give a score, a verdict or both.",
    de: "Geben Sie eine Punktzahl, ein Urteil oder beides an.",
    fr: "Indiquez une note, un avis ou les deux.",
  },
  approver_not_on_team: {
    nl: "Kies de HR-verantwoordelijke of een leidinggevende van deze vacature.",
    en: "Choose this vacancy's HR officer or one of its leaders.",
    de: "Wählen Sie die HR-Verantwortliche oder eine Führungskraft dieser Stelle.",
    fr: "Choisissez le responsable RH ou un responsable hiérarchique de cette offre.",
  },
  rejection_remarks_required: {
    nl: "Schrijf bij een afkeuring wat er moet veranderen.",
    en: "When rejecting, write what needs to change.",
    de: "Schreiben Sie bei einer Ablehnung, was sich ändern muss.",
    fr: "En cas de refus, indiquez ce qui doit changer.",
  },
  // --- end ---
  // --- issue 17, part 2 platform administration ---
  logo_too_large: {
    nl: "Het logo is groter dan 1 MB.",
    en: "The logo is larger than 1 MB.",
    de: "Das Logo ist größer als 1 MB.",
    fr: "Le logo dépasse 1 Mo.",
  },
  // --- end ---
};

/** The text of one of our field message keys (for checks made in services, not in zod). */
export function fieldMessage(key: string, locale: MessageLocale): string {
  return (fieldMessages[key] ?? fieldMessages.required!)[locale];
}

type ZodIssue = z.core.$ZodIssue;

/** Type names as a person reads them, for "must be …" messages. */
const typeNames: Record<string, Record<MessageLocale, string>> = {
  string: { nl: "tekst", en: "text", de: "Text", fr: "du texte" },
  number: { nl: "een getal", en: "a number", de: "eine Zahl", fr: "un nombre" },
  int: { nl: "een geheel getal", en: "a whole number", de: "eine ganze Zahl", fr: "un nombre entier" },
  boolean: {
    nl: "ja of nee (true/false)",
    en: "yes or no (true/false)",
    de: "ja oder nein (true/false)",
    fr: "oui ou non (true/false)",
  },
  array: { nl: "een lijst", en: "a list", de: "eine Liste", fr: "une liste" },
  object: {
    nl: "een object met velden",
    en: "an object with fields",
    de: "ein Objekt mit Feldern",
    fr: "un objet avec des champs",
  },
  date: { nl: "een datum", en: "a date", de: "ein Datum", fr: "une date" },
};

/** "Must be …" in each message language. */
const mustBe: Record<MessageLocale, (name: string) => string> = {
  nl: (name) => `Moet ${name} zijn.`,
  en: (name) => `Must be ${name}.`,
  de: (name) => `Muss ${name} sein.`,
  fr: (name) => `Doit être ${name}.`,
};

/** Turns one zod issue into a sentence in the user's language. */
export function translateIssue(issue: ZodIssue, locale: MessageLocale): string {
  // Looked up at call time: the identity module's messages import this module in turn.
  const own = fieldMessages[issue.message] ?? passwordMessages[issue.message];
  if (own) return own[locale];
  if (issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined) {
    return fieldMessages.required![locale];
  }
  if (issue.code === "invalid_type") {
    const name = typeNames[issue.expected];
    if (name) return mustBe[locale](name[locale]);
  }
  const localeError = zodLocales[locale].localeError as (
    i: ZodIssue,
  ) => string | { message: string } | undefined;
  const text = localeError(issue);
  if (typeof text === "string") return text;
  return text?.message ?? issue.message;
}
