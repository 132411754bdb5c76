import type { MessageLocale } from "./i18n";

/**
 * Every failure the API reports has one of these codes; the HTTP status and the sentence a
 * person reads are decided here and nowhere else.
 */
export const ERROR_CODES = {
  validation_failed: {
    status: 400,
    nl: "Niet alle velden zijn goed ingevuld.",
    en: "Some fields are not filled in correctly.",
    de: "Nicht alle Felder sind korrekt ausgefüllt.",
    fr: "Certains champs ne sont pas correctement remplis.",
  },
  invalid_json: {
    status: 400,
    nl: "De verzonden gegevens zijn geen geldige JSON.",
    en: "The data sent is not valid JSON.",
    de: "Die gesendeten Daten sind kein gültiges JSON.",
    fr: "Les données envoyées ne sont pas du JSON valide.",
  },
  bad_request: {
    status: 400,
    nl: "Het verzoek is ongeldig.",
    en: "The request is invalid.",
    de: "Die Anfrage ist ungültig.",
    fr: "La demande n'est pas valide.",
  },
  unauthenticated: {
    status: 401,
    nl: "Log eerst in.",
    en: "Please log in first.",
    de: "Bitte melden Sie sich zuerst an.",
    fr: "Veuillez d'abord vous connecter.",
  },
  invalid_credentials: {
    status: 401,
    nl: "Het e-mailadres of wachtwoord klopt niet.",
    en: "The e-mail address or password is not correct.",
    de: "Die E-Mail-Adresse oder das Passwort ist nicht korrekt.",
    fr: "L'adresse e-mail ou le mot de passe est incorrect.",
  },
  invalid_two_factor_code: {
    status: 401,
    nl: "Deze code klopt niet.",
    en: "This code is not correct.",
    de: "Dieser Code ist nicht korrekt.",
    fr: "Ce code est incorrect.",
  },
  two_factor_expired: {
    status: 401,
    nl: "De inlogpoging is verlopen. Log opnieuw in.",
    en: "The sign-in attempt has expired. Please sign in again.",
    de: "Der Anmeldeversuch ist abgelaufen. Bitte melden Sie sich erneut an.",
    fr: "La tentative de connexion a expiré. Veuillez vous reconnecter.",
  },
  invalid_token: {
    status: 400,
    nl: "Deze link is ongeldig of verlopen. Vraag een nieuwe aan.",
    en: "This link is invalid or has expired. Please request a new one.",
    de: "Dieser Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.",
    fr: "Ce lien n'est pas valide ou a expiré. Veuillez en demander un nouveau.",
  },
  password_policy: {
    status: 400,
    nl: "Dit wachtwoord voldoet niet aan de regels.",
    en: "This password does not meet the rules.",
    de: "Dieses Passwort entspricht nicht den Regeln.",
    fr: "Ce mot de passe ne respecte pas les règles.",
  },
  two_factor_required: {
    status: 403,
    nl: "Stel eerst je tweede factor (authenticator-app) in.",
    en: "Please set up your second factor (authenticator app) first.",
    de: "Bitte richten Sie zuerst Ihren zweiten Faktor (Authenticator-App) ein.",
    fr: "Veuillez d'abord configurer votre second facteur (application d'authentification).",
  },
  no_phone: {
    status: 400,
    nl: "Er is geen bevestigd mobiel nummer bekend. Bevestig het bij Instellingen > Beveiliging of gebruik de authenticator-app.",
    en: "No confirmed mobile number is known. Confirm it under Settings > Security or use the authenticator app.",
    de: "Es ist keine bestätigte Mobilnummer bekannt. Bestätigen Sie sie unter Einstellungen > Sicherheit oder verwenden Sie die Authenticator-App.",
    fr: "Aucun numéro de mobile confirmé n'est connu. Confirmez-le dans Paramètres > Sécurité ou utilisez l'application d'authentification.",
  },
  not_a_mobile_number: {
    status: 400,
    nl: "Dit is geen Nederlands mobiel nummer. Vul een nummer in dat met 06 begint.",
    en: "This is not a Dutch mobile number. Enter a number starting with 06.",
    de: "Dies ist keine niederländische Mobilnummer. Geben Sie eine Nummer ein, die mit 06 beginnt.",
    fr: "Ce n'est pas un numéro de mobile néerlandais. Saisissez un numéro commençant par 06.",
  },
  invalid_sms_code: {
    status: 400,
    nl: "Deze code klopt niet. Controleer de sms en probeer het opnieuw.",
    en: "This code is not correct. Check the text message and try again.",
    de: "Dieser Code ist nicht korrekt. Prüfen Sie die SMS und versuchen Sie es erneut.",
    fr: "Ce code est incorrect. Vérifiez le SMS et réessayez.",
  },
  sms_code_expired: {
    status: 400,
    nl: "Deze code is niet meer geldig. Vraag een nieuwe code aan.",
    en: "This code is no longer valid. Ask for a new code.",
    de: "Dieser Code ist nicht mehr gültig. Fordern Sie einen neuen Code an.",
    fr: "Ce code n'est plus valable. Demandez un nouveau code.",
  },
  sms_number_taken: {
    status: 409,
    nl: "Dit mobiele nummer is al bevestigd voor een ander account. Gebruik je eigen nummer.",
    en: "This mobile number is already confirmed for another account. Use your own number.",
    de: "Diese Mobilnummer ist bereits für ein anderes Konto bestätigt. Verwenden Sie Ihre eigene Nummer.",
    fr: "Ce numéro de mobile est déjà confirmé pour un autre compte. Utilisez votre propre numéro.",
  },
  sms_number_unchanged: {
    status: 409,
    nl: "Dit nummer is al bevestigd voor je account.",
    en: "This number is already confirmed for your account.",
    de: "Diese Nummer ist für Ihr Konto bereits bestätigt.",
    fr: "Ce numéro est déjà confirmé pour votre compte.",
  },
  account_deactivated: {
    status: 403,
    nl: "Je toegang is ingetrokken. Neem contact op met de beheerder van je organisatie.",
    en: "Your access has been revoked. Please contact your organisation's administrator.",
    de: "Ihr Zugang wurde entzogen. Bitte wenden Sie sich an den Administrator Ihrer Organisation.",
    fr: "Votre accès a été révoqué. Veuillez contacter l'administrateur de votre organisation.",
  },
  account_locked: {
    status: 423,
    nl: "Te veel foute codes. Je account is 15 minuten geblokkeerd.",
    en: "Too many wrong codes. Your account is locked for 15 minutes.",
    de: "Zu viele falsche Codes. Ihr Konto ist für 15 Minuten gesperrt.",
    fr: "Trop de codes erronés. Votre compte est bloqué pendant 15 minutes.",
  },
  email_not_verified: {
    status: 403,
    nl: "Bevestig eerst je e-mailadres via de link in je e-mail.",
    en: "Please confirm your e-mail address first, using the link in your e-mail.",
    de: "Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse über den Link in Ihrer E-Mail.",
    fr: "Veuillez d'abord confirmer votre adresse e-mail à l'aide du lien figurant dans votre e-mail.",
  },
  sso_not_configured: {
    status: 400,
    nl: "Voor dit e-maildomein is geen Microsoft-login ingesteld. Log in met je wachtwoord.",
    en: "Microsoft sign-in is not set up for this e-mail domain. Please sign in with your password.",
    de: "Für diese E-Mail-Domain ist keine Microsoft-Anmeldung eingerichtet. Bitte melden Sie sich mit Ihrem Passwort an.",
    fr: "La connexion Microsoft n'est pas configurée pour ce domaine e-mail. Veuillez vous connecter avec votre mot de passe.",
  },
  sso_private_account: {
    status: 403,
    nl: "Log in met je werkaccount van Microsoft, niet met een privéaccount.",
    en: "Please sign in with your Microsoft work account, not a personal account.",
    de: "Bitte melden Sie sich mit Ihrem Microsoft-Geschäftskonto an, nicht mit einem privaten Konto.",
    fr: "Veuillez vous connecter avec votre compte professionnel Microsoft, et non avec un compte personnel.",
  },
  sso_no_account: {
    status: 403,
    nl: "Er is geen Werkbrug-account voor dit werkaccount. Vraag je beheerder om een uitnodiging.",
    en: "There is no Werkbrug account for this work account. Ask your administrator for an invitation.",
    de: "Für dieses Geschäftskonto gibt es kein Werkbrug-Konto. Bitten Sie Ihren Administrator um eine Einladung.",
    fr: "Il n'existe pas de compte Werkbrug pour ce compte professionnel. Demandez une invitation à votre administrateur.",
  },
  cross_origin_request: {
    status: 403,
    nl: "Dit verzoek komt niet van de website van dit portaal en is geweigerd. Open het portaal via zijn eigen adres en probeer het opnieuw.",
    en: "This request did not come from this portal's own website and was refused. Open the portal at its own address and try again.",
    de: "Diese Anfrage stammt nicht von der Website dieses Portals und wurde abgelehnt. Öffnen Sie das Portal unter seiner eigenen Adresse und versuchen Sie es erneut.",
    fr: "Cette demande ne provient pas du site de ce portail et a été refusée. Ouvrez le portail à sa propre adresse et réessayez.",
  },
  forbidden: {
    status: 403,
    nl: "Je hebt geen toegang tot deze gegevens.",
    en: "You do not have access to this data.",
    de: "Sie haben keinen Zugriff auf diese Daten.",
    fr: "Vous n'avez pas accès à ces données.",
  },
  not_found: {
    status: 404,
    nl: "Deze pagina of dit item bestaat niet.",
    en: "This page or item does not exist.",
    de: "Diese Seite oder dieses Element existiert nicht.",
    fr: "Cette page ou cet élément n'existe pas.",
  },
  portal_not_found: {
    status: 404,
    nl: "Dit portaal bestaat niet.",
    en: "This portal does not exist.",
    de: "Dieses Portal existiert nicht.",
    fr: "Ce portail n'existe pas.",
  },
  conflict: {
    status: 409,
    nl: "Dit botst met gegevens die al bestaan.",
    en: "This conflicts with data that already exists.",
    de: "Dies steht im Widerspruch zu bereits vorhandenen Daten.",
    fr: "Cela entre en conflit avec des données qui existent déjà.",
  },
  site_name_taken: {
    status: 409,
    nl: "Deze organisatie heeft al een locatie met deze naam. Kies een andere naam.",
    en: "This organisation already has a site with this name. Choose another name.",
    de: "Diese Organisation hat bereits einen Standort mit diesem Namen. Wählen Sie einen anderen Namen.",
    fr: "Cette organisation a déjà un site portant ce nom. Choisissez un autre nom.",
  },
  registry_unavailable: {
    status: 503,
    nl: "Het KvK-register is nu niet bereikbaar. Vul de gegevens van de werkgever zelf in.",
    en: "The Chamber of Commerce register cannot be reached right now. Enter the employer's details yourself.",
    de: "Das Handelsregister (KvK) ist derzeit nicht erreichbar. Geben Sie die Daten des Arbeitgebers selbst ein.",
    fr: "Le registre du commerce (KvK) est actuellement inaccessible. Saisissez vous-même les coordonnées de l'employeur.",
  },
  invalid_transition: {
    status: 409,
    nl: "Deze actie kan niet bij de huidige status van de vacature.",
    en: "This action is not possible in the vacancy's current status.",
    de: "Diese Aktion ist im aktuellen Status der Stelle nicht möglich.",
    fr: "Cette action n'est pas possible dans le statut actuel de l'offre d'emploi.",
  },
  has_applications: {
    status: 409,
    nl: "Er zijn al reacties op deze vacature. Archiveer hem in plaats van hem te verwijderen.",
    en: "People have already responded to this vacancy. Archive it instead of deleting it.",
    de: "Auf diese Stelle gibt es bereits Reaktionen. Archivieren Sie sie, statt sie zu löschen.",
    fr: "Cette offre d'emploi a déjà reçu des réponses. Archivez-la au lieu de la supprimer.",
  },
  already_applied: {
    status: 409,
    nl: "Je hebt al gereageerd op deze vacature.",
    en: "You have already responded to this vacancy.",
    de: "Sie haben sich bereits auf diese Stelle gemeldet.",
    fr: "Vous avez déjà répondu à cette offre d'emploi.",
  },
  referral_duplicate: {
    status: 409,
    nl: "Deze persoon is al aangemeld voor deze vacature.",
    en: "This person has already been referred to this vacancy.",
    de: "Diese Person wurde bereits für diese Stelle empfohlen.",
    fr: "Cette personne a déjà été recommandée pour cette offre.",
  },
  referral_token_invalid: {
    status: 404,
    nl: "Deze link is al gebruikt of bestaat niet. Heb je je belangstelling al bevestigd? Dan hoef je niets meer te doen.",
    en: "This link has already been used or does not exist. Have you already confirmed your interest? Then there is nothing more to do.",
    de: "Dieser Link wurde bereits verwendet oder existiert nicht. Haben Sie Ihr Interesse schon bestätigt? Dann ist nichts mehr zu tun.",
    fr: "Ce lien a déjà été utilisé ou n'existe pas. Avez-vous déjà confirmé votre intérêt ? Alors il n'y a plus rien à faire.",
  },
  referral_token_expired: {
    status: 410,
    nl: "Deze link is verlopen. Vraag degene die je heeft aangemeld om je opnieuw aan te melden.",
    en: "This link has expired. Ask the person who referred you to refer you again.",
    de: "Dieser Link ist abgelaufen. Bitten Sie die Person, die Sie empfohlen hat, Sie erneut zu empfehlen.",
    fr: "Ce lien a expiré. Demandez à la personne qui vous a recommandé de vous recommander à nouveau.",
  },
  phase_unknown: {
    status: 400,
    nl: "Deze fase hoort niet bij de procedure van deze kandidaat.",
    en: "This phase is not part of this candidate's procedure.",
    de: "Diese Phase gehört nicht zum Verfahren dieses Kandidaten.",
    fr: "Cette phase ne fait pas partie de la procédure de ce candidat.",
  },
  outcome_not_allowed: {
    status: 400,
    nl: "Deze uitkomst kan niet in deze fase.",
    en: "This outcome is not possible in this phase.",
    de: "Dieses Ergebnis ist in dieser Phase nicht möglich.",
    fr: "Ce résultat n'est pas possible dans cette phase.",
  },
  already_in_phase: {
    status: 409,
    nl: "De kandidaat staat al in deze fase, met deze uitkomst.",
    en: "The candidate is already in this phase, with this outcome.",
    de: "Der Kandidat befindet sich bereits in dieser Phase, mit diesem Ergebnis.",
    fr: "Le candidat se trouve déjà dans cette phase, avec ce résultat.",
  },
  match_closed: {
    status: 409,
    nl: "Deze kandidaat is aangenomen, afgewezen, gearchiveerd of teruggetrokken. Maak eerst de laatste stap ongedaan.",
    en: "This candidate was hired, rejected, archived or withdrew. Undo the last step first.",
    de: "Dieser Kandidat wurde eingestellt, abgelehnt, archiviert oder hat sich zurückgezogen. Machen Sie zuerst den letzten Schritt rückgängig.",
    fr: "Ce candidat a été embauché, refusé, archivé ou s'est retiré. Annulez d'abord la dernière étape.",
  },
  match_changed: {
    status: 409,
    nl: "Iemand anders heeft deze kandidaat net verplaatst. Bekijk de nieuwe stand en probeer het opnieuw.",
    en: "Someone else has just moved this candidate. Look at where they are now and try again.",
    de: "Jemand anderes hat diesen Kandidaten gerade verschoben. Sehen Sie sich den neuen Stand an und versuchen Sie es erneut.",
    fr: "Quelqu'un d'autre vient de déplacer ce candidat. Consultez la nouvelle situation et réessayez.",
  },
  nothing_to_undo: {
    status: 409,
    nl: "Er is geen stap om ongedaan te maken.",
    en: "There is no step to undo.",
    de: "Es gibt keinen Schritt, der rückgängig gemacht werden kann.",
    fr: "Il n'y a aucune étape à annuler.",
  },
  milestone_not_open: {
    status: 409,
    nl: "Deze mijlpaal is nog niet aan de beurt: geef eerst de mijlpaal ervoor een groene uitkomst.",
    en: "This milestone is not open yet: first give the milestone before it a green outcome.",
    de: "Dieser Meilenstein ist noch nicht an der Reihe: Geben Sie zuerst dem vorigen ein grünes Ergebnis.",
    fr: "Cette étape n'est pas encore ouverte : donnez d'abord un résultat vert à l'étape précédente.",
  },
  milestone_not_last: {
    status: 409,
    nl: "Alleen de laatst gegeven uitkomst kan ongedaan worden gemaakt.",
    en: "Only the outcome given last can be undone.",
    de: "Nur das zuletzt gegebene Ergebnis kann rückgängig gemacht werden.",
    fr: "Seul le dernier résultat donné peut être annulé.",
  },
  milestone_in_use: {
    status: 409,
    nl: "Deze mijlpaal is al gebruikt voor kandidaten en kan niet worden verwijderd. Geef hem eventueel een andere naam.",
    en: "This milestone has been used for candidates and cannot be removed. You may rename it instead.",
    de: "Dieser Meilenstein wurde bereits verwendet und kann nicht entfernt werden. Sie können ihn umbenennen.",
    fr: "Cette étape a déjà été utilisée et ne peut pas être supprimée. Vous pouvez la renommer.",
  },
  milestone_unknown: {
    status: 400,
    nl: "Deze mijlpaal hoort niet bij de verwijzingsprocedure van deze organisatie.",
    en: "This milestone does not belong to this organisation's referral procedure.",
    de: "Dieser Meilenstein gehört nicht zum Empfehlungsverfahren dieser Organisation.",
    fr: "Cette étape n'appartient pas à la procédure de recommandation de cette organisation.",
  },
  procedure_in_use: {
    status: 409,
    nl: "Op deze vacature staan al kandidaten in een andere procedure.",
    en: "This vacancy already has candidates in another procedure.",
    de: "Für diese Stelle gibt es bereits Kandidaten in einem anderen Verfahren.",
    fr: "Cette offre d'emploi a déjà des candidats dans une autre procédure.",
  },
  confirmation_required: {
    status: 400,
    nl: "Bevestig dat je dit definitief wilt verwijderen.",
    en: "Confirm that you want to delete this for good.",
    de: "Bestätigen Sie, dass Sie dies endgültig löschen möchten.",
    fr: "Confirmez que vous souhaitez supprimer cet élément définitivement.",
  },
  invitation_unusable: {
    status: 410,
    nl: "Deze uitnodiging kan niet meer gebruikt worden.",
    en: "This invitation can no longer be used.",
    de: "Diese Einladung kann nicht mehr verwendet werden.",
    fr: "Cette invitation ne peut plus être utilisée.",
  },
  payload_too_large: {
    status: 413,
    nl: "Wat je verstuurt is te groot.",
    en: "What you are sending is too large.",
    de: "Was Sie senden, ist zu groß.",
    fr: "Ce que vous envoyez est trop volumineux.",
  },
  unsupported_media_type: {
    status: 415,
    nl: "Dit soort inhoud wordt niet geaccepteerd.",
    en: "This type of content is not accepted.",
    de: "Diese Art von Inhalt wird nicht akzeptiert.",
    fr: "Ce type de contenu n'est pas accepté.",
  },
  rate_limited: {
    status: 429,
    nl: "Te veel pogingen. Probeer het later opnieuw.",
    en: "Too many attempts. Please try again later.",
    de: "Zu viele Versuche. Bitte versuchen Sie es später erneut.",
    fr: "Trop de tentatives. Veuillez réessayer plus tard.",
  },
  sms_not_sent: {
    status: 502,
    nl: "De sms met je code kon niet worden verstuurd. Probeer het zo nog eens of gebruik je authenticator-app.",
    en: "The text message with your code could not be sent. Try again shortly or use your authenticator app.",
    de: "Die SMS mit Ihrem Code konnte nicht gesendet werden. Versuchen Sie es gleich noch einmal oder verwenden Sie Ihre Authenticator-App.",
    fr: "Le SMS contenant votre code n'a pas pu être envoyé. Réessayez dans un instant ou utilisez votre application d'authentification.",
  },
  recent_sign_in_required: {
    status: 403,
    nl: "Log opnieuw in en probeer het binnen 10 minuten nog eens.",
    en: "Please sign in again and try once more within 10 minutes.",
    de: "Bitte melden Sie sich erneut an und versuchen Sie es innerhalb von 10 Minuten noch einmal.",
    fr: "Veuillez vous reconnecter et réessayer dans les 10 minutes.",
  },
  account_has_staff_roles: {
    status: 409,
    nl: "Je account heeft ook een rol bij een organisatie. Vraag de beheerder van die organisatie eerst om je toegang in te trekken.",
    en: "Your account also has a role at an organisation. Ask that organisation's administrator to revoke your access first.",
    de: "Ihr Konto hat auch eine Rolle bei einer Organisation. Bitten Sie zuerst den Administrator dieser Organisation, Ihren Zugang zu entziehen.",
    fr: "Votre compte a aussi un rôle dans une organisation. Demandez d'abord à l'administrateur de cette organisation de révoquer votre accès.",
  },
  candidate_already_on_vacancy: {
    status: 409,
    nl: "Deze kandidaat staat al op deze vacature.",
    en: "This candidate is already on this vacancy.",
    de: "Dieser Kandidat ist bereits dieser Stelle zugeordnet.",
    fr: "Ce candidat figure déjà sur cette offre d'emploi.",
  },
  candidate_already_in_pool: {
    status: 409,
    nl: "Deze kandidaat staat al in deze talentpool.",
    en: "This candidate is already in this talent pool.",
    de: "Dieser Kandidat ist bereits in diesem Talentpool.",
    fr: "Ce candidat figure déjà dans ce vivier de talents.",
  },
  internal: {
    status: 500,
    nl: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
    en: "Something went wrong on our side. Please try again later.",
    de: "Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es später erneut.",
    fr: "Un problème est survenu de notre côté. Veuillez réessayer plus tard.",
  },
  message_no_team: {
    status: 409,
    nl: "Deze werkgever heeft (nog) geen team dat hem beheert: er is niemand om een bericht aan te sturen.",
    en: "This employer is not (yet) managed by a team: there is nobody to send a message to.",
    de: "Dieser Arbeitgeber wird (noch) von keinem Team betreut: Es gibt niemanden, an den eine Nachricht gesendet werden kann.",
    fr: "Cet employeur n'est (pas encore) géré par une équipe : il n'y a personne à qui envoyer un message.",
  },
  message_contact_without_account: {
    status: 409,
    nl: "Deze contactpersoon heeft nog geen toegang tot het portaal en kan berichten niet lezen.",
    en: "This contact person has no portal access yet and cannot read messages.",
    de: "Diese Kontaktperson hat noch keinen Zugang zum Portal und kann keine Nachrichten lesen.",
    fr: "Cette personne de contact n'a pas encore accès au portail et ne peut pas lire les messages.",
  },
  // Proposals (issue 12)
  reviewer_unknown: {
    status: 400,
    nl: "Kies contactpersonen van deze werkgever die toegang hebben tot het portaal.",
    en: "Choose contact persons of this employer who have access to the portal.",
    de: "Wählen Sie Kontaktpersonen dieses Arbeitgebers, die Zugang zum Portal haben.",
    fr: "Choisissez des personnes de contact de cet employeur qui ont accès au portail.",
  },
  not_proposable: {
    status: 409,
    nl: "Deze kandidaat kan in deze fase niet worden voorgesteld.",
    en: "This candidate cannot be proposed in this phase.",
    de: "Dieser Kandidat kann in dieser Phase nicht vorgeschlagen werden.",
    fr: "Ce candidat ne peut pas être proposé dans cette phase.",
  },
  already_proposed: {
    status: 409,
    nl: "Deze kandidaat is al voorgesteld voor deze vacature.",
    en: "This candidate has already been proposed for this vacancy.",
    de: "Dieser Kandidat wurde für diese Stelle bereits vorgeschlagen.",
    fr: "Ce candidat a déjà été proposé pour cette offre d'emploi.",
  },
  no_proposal: {
    status: 409,
    nl: "Deze kandidaat is niet voorgesteld.",
    en: "This candidate has not been proposed.",
    de: "Dieser Kandidat wurde nicht vorgeschlagen.",
    fr: "Ce candidat n'a pas été proposé.",
  },
  proposal_decided: {
    status: 409,
    nl: "Over dit voorstel is al een oordeel gegeven.",
    en: "A verdict on this proposal has already been given.",
    de: "Zu diesem Vorschlag wurde bereits ein Urteil abgegeben.",
    fr: "Un avis a déjà été donné sur cette proposition.",
  },
  not_reviewable: {
    status: 409,
    nl: "Deze kandidaat wacht niet (meer) op een oordeel.",
    en: "This candidate is not (or no longer) waiting for a verdict.",
    de: "Dieser Kandidat wartet nicht (mehr) auf ein Urteil.",
    fr: "Ce candidat n'attend pas (ou plus) d'avis.",
  },
  verdict_comment_required: {
    status: 400,
    nl: "Geef bij een afwijzing een toelichting.",
    en: "Please add a comment when you reject.",
    de: "Bitte fügen Sie bei einer Ablehnung eine Begründung hinzu.",
    fr: "Veuillez ajouter un commentaire en cas de refus.",
  },
  match_not_hired: {
    status: 409,
    nl: "Een plaatsing legt u vast zodra de kandidaat is aangenomen.",
    en: "A placement can be recorded once the candidate has been hired.",
    de: "Ein Einsatz kann erfasst werden, sobald der Kandidat eingestellt ist.",
    fr: "Une mission peut être enregistrée une fois le candidat embauché.",
  },
  placement_exists: {
    status: 409,
    nl: "Voor deze kandidaat op deze vacature is al een plaatsing vastgelegd.",
    en: "A placement has already been recorded for this candidate on this vacancy.",
    de: "Für diesen Kandidaten auf dieser Stelle ist bereits ein Einsatz erfasst.",
    fr: "Une mission a déjà été enregistrée pour ce candidat sur cette offre.",
  },
  timesheet_locked: {
    status: 409,
    nl: "Deze weekstaat is verzonden of goedgekeurd en kan niet meer worden gewijzigd.",
    en: "This timesheet has been submitted or approved and can no longer be changed.",
    de: "Dieser Stundenzettel wurde übermittelt oder genehmigt und kann nicht mehr geändert werden.",
    fr: "Cette feuille de temps a été envoyée ou approuvée et ne peut plus être modifiée.",
  },
  timesheet_not_waiting: {
    status: 409,
    nl: "Deze weekstaat wacht niet (meer) op goedkeuring.",
    en: "This timesheet is not (or no longer) waiting for approval.",
    de: "Dieser Stundenzettel wartet nicht (mehr) auf Genehmigung.",
    fr: "Cette feuille de temps n'attend pas (ou plus) d'approbation.",
  },
  timesheet_not_approved: {
    status: 409,
    nl: "Alleen een goedgekeurde weekstaat kan als SETU-urenbriefje worden gedownload.",
    en: "Only an approved timesheet can be downloaded as a SETU Timecard.",
    de: "Nur ein genehmigter Stundenzettel kann als SETU-Timecard heruntergeladen werden.",
    fr: "Seule une feuille de temps approuvée peut être téléchargée au format SETU Timecard.",
  },
  timesheet_comment_required: {
    status: 400,
    nl: "Geef bij het afkeuren van een weekstaat een toelichting.",
    en: "Please add a comment when you reject a timesheet.",
    de: "Bitte fügen Sie bei der Ablehnung eines Stundenzettels eine Begründung hinzu.",
    fr: "Veuillez ajouter un commentaire lorsque vous refusez une feuille de temps.",
  },
  timesheet_empty: {
    status: 400,
    nl: "Vul op ten minste één dag uren in voordat u de weekstaat verstuurt.",
    en: "Fill in hours on at least one day before you submit the timesheet.",
    de: "Tragen Sie an mindestens einem Tag Stunden ein, bevor Sie den Stundenzettel übermitteln.",
    fr: "Saisissez des heures pour au moins un jour avant d'envoyer la feuille de temps.",
  },
  // --- Issue 15 parts 4 and 5: applicants per vacancy and mailing applicants ---
  applicants_not_on_vacancy: {
    status: 422,
    nl: "Niet alle gekozen sollicitanten horen bij deze vacature. Er is niets gewijzigd.",
    en: "Not all chosen applicants belong to this vacancy. Nothing was changed.",
    de: "Nicht alle ausgewählten Bewerber gehören zu dieser Stelle. Es wurde nichts geändert.",
    fr: "Tous les candidats choisis n'appartiennent pas à cette offre. Rien n'a été modifié.",
  },
  correction_invalid: {
    status: 422,
    nl: "Deze waarde kan niet worden opgeslagen.",
    en: "This value cannot be saved.",
    de: "Dieser Wert kann nicht gespeichert werden.",
    fr: "Cette valeur ne peut pas être enregistrée.",
  },
  merge_field_unknown: {
    status: 422,
    nl: "De tekst bevat een samenvoegveld dat niet bestaat.",
    en: "The text contains a merge field that does not exist.",
    de: "Der Text enthält ein Seriendruckfeld, das es nicht gibt.",
    fr: "Le texte contient un champ de fusion qui n'existe pas.",
  },
  applicant_without_email: {
    status: 422,
    nl: "Niet alle gekozen sollicitanten hebben een e-mailadres. Er is niets verstuurd.",
    en: "Not all chosen applicants have an e-mail address. Nothing was sent.",
    de: "Nicht alle ausgewählten Bewerber haben eine E-Mail-Adresse. Es wurde nichts gesendet.",
    fr: "Tous les candidats choisis n'ont pas d'adresse e-mail. Rien n'a été envoyé.",
  },
  // Issue 15 part 7: publication channels (job sites, the multiposter).
  job_site_taken: {
    status: 409,
    nl: "Er is al een vacaturesite met deze naam of code. Kies een andere.",
    en: "A job site with this name or code already exists. Choose another.",
    de: "Es gibt bereits eine Jobbörse mit diesem Namen oder Code. Wählen Sie einen anderen.",
    fr: "Un site d'emploi portant ce nom ou ce code existe déjà. Choisissez-en un autre.",
  },
  // --- Issue 15, application forms and applying through them (forms module) ---
  form_change_orphans_answers: {
    status: 409,
    nl: "Deze wijziging maakt gegeven antwoorden onleesbaar. Laat de soort van het veld en de gekozen opties staan, of maak een nieuw veld.",
    en: "This change would make given answers unreadable. Keep the field's kind and the chosen options, or add a new field.",
    de: "Diese Änderung würde gegebene Antworten unlesbar machen. Behalten Sie die Art des Feldes und die gewählten Optionen bei oder fügen Sie ein neues Feld hinzu.",
    fr: "Cette modification rendrait illisibles des réponses données. Gardez le type du champ et les options choisies, ou ajoutez un nouveau champ.",
  },
  form_definition_invalid: {
    status: 422,
    nl: "Het formulier klopt niet. Bekijk de gemarkeerde velden.",
    en: "The form is not right. Check the marked fields.",
    de: "Das Formular ist nicht korrekt. Prüfen Sie die markierten Felder.",
    fr: "Le formulaire n'est pas correct. Vérifiez les champs signalés.",
  },
  application_knocked_out: {
    status: 422,
    nl: "Met dit antwoord kun je niet solliciteren op deze vacature.",
    en: "With this answer you cannot apply for this vacancy.",
    de: "Mit dieser Antwort können Sie sich nicht auf diese Stelle bewerben.",
    fr: "Avec cette réponse, vous ne pouvez pas postuler à cette offre.",
  },
  application_incomplete: {
    status: 422,
    nl: "Je sollicitatie is nog niet volledig. Bekijk de gemarkeerde vragen; je concept blijft bewaard.",
    en: "Your application is not complete yet. Check the marked questions; your draft is kept.",
    de: "Ihre Bewerbung ist noch nicht vollständig. Prüfen Sie die markierten Fragen; Ihr Entwurf bleibt gespeichert.",
    fr: "Votre candidature n'est pas encore complète. Vérifiez les questions signalées ; votre brouillon est conservé.",
  },
  application_form_required: {
    status: 409,
    nl: "Solliciteer op deze vacature met het sollicitatieformulier.",
    en: "Apply for this vacancy with its application form.",
    de: "Bewerben Sie sich auf diese Stelle mit dem Bewerbungsformular.",
    fr: "Postulez à cette offre avec son formulaire de candidature.",
  },
  application_final: {
    status: 409,
    nl: "Deze sollicitatie is al afgerond en kan niet meer worden ingetrokken.",
    en: "This application is already final and can no longer be withdrawn.",
    de: "Diese Bewerbung ist bereits abgeschlossen und kann nicht mehr zurückgezogen werden.",
    fr: "Cette candidature est déjà clôturée et ne peut plus être retirée.",
  },
  // --- end of issue 15, application forms ---
  // --- issue 16, reserve lists and closing ---
  procedure_closed: {
    status: 409,
    nl: "Deze selectieprocedure is afgesloten. Er kan niets meer aan gewijzigd worden.",
    en: "This selection procedure is closed. Nothing in it can be changed any more.",
    de: "Dieses Auswahlverfahren ist abgeschlossen. Daran kann nichts mehr geändert werden.",
    fr: "Cette procédure de sélection est clôturée. Plus rien ne peut y être modifié.",
  },
  procedure_already_closed: {
    status: 409,
    nl: "Deze selectieprocedure is al afgesloten of geannuleerd.",
    en: "This selection procedure has already been completed or cancelled.",
    de: "Dieses Auswahlverfahren wurde bereits abgeschlossen oder abgebrochen.",
    fr: "Cette procédure de sélection a déjà été clôturée ou annulée.",
  },
  procedure_not_selection: {
    status: 409,
    nl: "Alleen een vacature met een selectieprocedure kan afgesloten of geannuleerd worden.",
    en: "Only a vacancy with a selection procedure can be completed or cancelled.",
    de: "Nur eine Stelle mit einem Auswahlverfahren kann abgeschlossen oder abgebrochen werden.",
    fr: "Seule une offre avec une procédure de sélection peut être clôturée ou annulée.",
  },
  reserve_list_exists: {
    status: 409,
    nl: "Deze vacature heeft al een werfreserve.",
    en: "This vacancy already has a reserve list.",
    de: "Diese Stelle hat bereits eine Reserveliste.",
    fr: "Cette offre a déjà une réserve de recrutement.",
  },
  reserve_list_not_valid: {
    status: 409,
    nl: "Deze werfreserve is vandaag niet geldig (nog niet begonnen of verlopen). Er is niemand opgeroepen.",
    en: "This reserve list is not valid today (not started yet or expired). Nobody was called up.",
    de: "Diese Reserveliste ist heute nicht gültig (noch nicht begonnen oder abgelaufen). Niemand wurde einberufen.",
    fr: "Cette réserve de recrutement n'est pas valable aujourd'hui (pas encore commencée ou expirée). Personne n'a été convoqué.",
  },
  reserve_list_not_applicant: {
    status: 422,
    nl: "Niet iedereen die je koos heeft op deze vacature gesolliciteerd. Er is niemand toegevoegd.",
    en: "Not everyone you chose is an applicant of this vacancy. Nobody was added.",
    de: "Nicht alle Ausgewählten sind Bewerber dieser Stelle. Niemand wurde hinzugefügt.",
    fr: "Toutes les personnes choisies ne sont pas candidates à cette offre. Personne n'a été ajouté.",
  },
  reserve_list_target_invalid: {
    status: 422,
    nl: "Kies een andere vacature van dezelfde organisatie dan die van de werfreserve.",
    en: "Choose another vacancy of the same organisation than the reserve list's own.",
    de: "Wählen Sie eine andere Stelle derselben Organisation als die der Reserveliste.",
    fr: "Choisissez une autre offre de la même organisation que celle de la réserve.",
  },
  reserve_list_order_mismatch: {
    status: 422,
    nl: "De volgorde moet alle laureaten van de werfreserve precies één keer bevatten.",
    en: "The order must hold every laureate of the reserve list exactly once.",
    de: "Die Reihenfolge muss jeden Kandidaten der Reserveliste genau einmal enthalten.",
    fr: "L'ordre doit contenir chaque lauréat de la réserve exactement une fois.",
  },
  // --- end ---
  // --- issue 16, selection events ---
  slot_full: {
    status: 409,
    nl: "Dit moment is volzet. Kies een ander moment.",
    en: "This slot is full. Choose another one.",
    de: "Dieser Termin ist ausgebucht. Wählen Sie einen anderen.",
    fr: "Ce créneau est complet. Choisissez-en un autre.",
  },
  booking_closed: {
    status: 409,
    nl: "De inschrijvingstermijn is voorbij: je kunt niet meer inschrijven, wijzigen of annuleren.",
    en: "The booking deadline has passed: you can no longer book, change or cancel.",
    de: "Die Anmeldefrist ist abgelaufen: Sie können nicht mehr buchen, ändern oder stornieren.",
    fr: "Le délai d'inscription est dépassé : vous ne pouvez plus réserver, modifier ou annuler.",
  },
  already_booked: {
    status: 409,
    nl: "Je bent al ingeschreven voor dit moment.",
    en: "You have already booked this slot.",
    de: "Sie haben diesen Termin bereits gebucht.",
    fr: "Vous avez déjà réservé ce créneau.",
  },
  not_booked: {
    status: 409,
    nl: "Er is (nog) geen inschrijving.",
    en: "There is no booking (yet).",
    de: "Es gibt (noch) keine Buchung.",
    fr: "Il n'y a pas (encore) de réservation.",
  },
  session_has_bookings: {
    status: 409,
    nl: "In deze sessie zijn al sollicitanten ingeschreven; ze kan niet worden verwijderd.",
    en: "Applicants have booked this session; it cannot be removed.",
    de: "Für diese Sitzung haben sich bereits Bewerber angemeldet; sie kann nicht entfernt werden.",
    fr: "Des candidats sont inscrits à cette session ; elle ne peut pas être supprimée.",
  },
  // --- end ---
  // --- issue 16, hiring and onboarding ---
  national_register_number_required: {
    status: 422,
    nl: "Voor 'Aangenomen' is het rijksregisternummer van de laureaat nodig. Vul het in bij de aanpassingsvelden op het sollicitantenprofiel en probeer het opnieuw.",
    en: "'Hired' needs the laureate's national register number. Enter it in the correction fields on the applicant's profile and try again.",
    de: "Für 'Eingestellt' ist die Nationalregisternummer erforderlich. Tragen Sie sie in den Korrekturfeldern des Bewerberprofils ein und versuchen Sie es erneut.",
    fr: "Pour 'Engagé', le numéro de registre national du lauréat est nécessaire. Saisissez-le dans les champs de correction du profil du candidat et réessayez.",
  },
  onboarding_action_not_yours: {
    status: 403,
    nl: "Alleen wie deze actie kreeg, kan ze als voltooid markeren.",
    en: "Only the person this action was assigned to can mark it done.",
    de: "Nur die Person, der diese Aufgabe zugewiesen wurde, kann sie als erledigt markieren.",
    fr: "Seule la personne à qui cette action a été attribuée peut la marquer comme terminée.",
  },
  // --- end ---
  // --- issue 16, selection results (jury scores, PV-rapport and its approval) ---
  not_on_jury: {
    status: 403,
    nl: "Alleen de juryleden van deze vacature geven scores.",
    en: "Only this vacancy's jury members give scores.",
    de: "Nur die Jurymitglieder dieser Stelle vergeben Punkte.",
    fr: "Seuls les membres du jury de cette offre attribuent des notes.",
  },
  selection_outcome_decided: {
    status: 409,
    nl: "Over deze sollicitant is al beslist: de scores liggen vast.",
    en: "This applicant's outcome has been decided: the scores are final.",
    de: "Über diesen Bewerber wurde bereits entschieden: Die Punkte stehen fest.",
    fr: "Le résultat de ce candidat est déjà décidé : les notes sont définitives.",
  },
  selection_outcome_unavailable: {
    status: 409,
    nl: "De procedure van deze vacature kent deze uitslag niet. Kies een selectieprocedure.",
    en: "This vacancy's procedure has no such outcome. Choose a selection procedure.",
    de: "Das Verfahren dieser Stelle kennt dieses Ergebnis nicht. Wählen Sie ein Auswahlverfahren.",
    fr: "La procédure de cette offre ne connaît pas ce résultat. Choisissez une procédure de sélection.",
  },
  selection_part_scored: {
    status: 409,
    nl: "Een selectieonderdeel met scores kan niet weg.",
    en: "A selection part with scores cannot be removed.",
    de: "Ein Auswahlteil mit Punkten kann nicht entfernt werden.",
    fr: "Une épreuve déjà notée ne peut pas être supprimée.",
  },
  selection_report_locked: {
    status: 409,
    nl: "Het PV-rapport wacht op goedkeuring of is goedgekeurd: de selectie verandert niet meer.",
    en: "The selection report awaits or has approval: the selection no longer changes.",
    de: "Der Auswahlbericht wartet auf Genehmigung oder ist genehmigt: Die Auswahl ändert sich nicht mehr.",
    fr: "Le rapport de sélection attend ou a reçu son approbation : la sélection ne change plus.",
  },
  approval_pending: {
    status: 409,
    nl: "Er wacht al een goedkeuringsvraag voor dit PV-rapport.",
    en: "An approval request for this selection report is already waiting.",
    de: "Für diesen Auswahlbericht wartet bereits eine Genehmigungsanfrage.",
    fr: "Une demande d'approbation de ce rapport de sélection est déjà en attente.",
  },
  selection_already_approved: {
    status: 409,
    nl: "Dit PV-rapport is al goedgekeurd.",
    en: "This selection report has already been approved.",
    de: "Dieser Auswahlbericht wurde bereits genehmigt.",
    fr: "Ce rapport de sélection a déjà été approuvé.",
  },
  approval_decided: {
    status: 409,
    nl: "Over deze goedkeuringsvraag is al beslist.",
    en: "This approval request has already been decided.",
    de: "Über diese Genehmigungsanfrage wurde bereits entschieden.",
    fr: "Cette demande d'approbation a déjà été traitée.",
  },
  // --- end ---
  // --- issue 17, parts 6 and 7 (rate limits, files and jobs) ---
  too_many_requests: {
    status: 429,
    nl: "Te veel verzoeken in korte tijd. Wacht even en probeer het dan opnieuw.",
    en: "Too many requests in a short time. Please wait a moment and try again.",
    de: "Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es erneut.",
    fr: "Trop de requêtes en peu de temps. Veuillez patienter un instant puis réessayer.",
  },
  job_not_found: {
    status: 404,
    nl: "Deze taak bestaat niet.",
    en: "This job does not exist.",
    de: "Diese Aufgabe gibt es nicht.",
    fr: "Cette tâche n'existe pas.",
  },
  job_already_running: {
    status: 409,
    nl: "Deze taak loopt al. Wacht tot ze klaar is.",
    en: "This job is already running. Wait until it has finished.",
    de: "Diese Aufgabe läuft bereits. Warten Sie, bis sie fertig ist.",
    fr: "Cette tâche est déjà en cours. Attendez qu'elle soit terminée.",
  },
  // --- end ---
} as const satisfies Record<string, { status: number } & Record<MessageLocale, string>>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      fields?: FieldError[];
      /** Overrides the code's sentence, in every message language. */
      message?: Record<MessageLocale, string>;
      /** Where the thing the error is about lives, e.g. the already registered employer. */
      link?: { href: string; label: string };
      cause?: unknown;
    } = {},
  ) {
    super(options.message?.en ?? ERROR_CODES[code].en, { cause: options.cause });
    this.name = "AppError";
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  messageFor(locale: MessageLocale): string {
    const own = this.options.message;
    if (own) return own[locale];
    return ERROR_CODES[this.code][locale];
  }
}
