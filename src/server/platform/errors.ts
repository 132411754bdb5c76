import type { Locale } from "./i18n";

/**
 * Every failure the API reports has one of these codes; the HTTP status and the sentence a
 * person reads are decided here and nowhere else.
 */
export const ERROR_CODES = {
  validation_failed: {
    status: 400,
    nl: "Niet alle velden zijn goed ingevuld.",
    en: "Some fields are not filled in correctly.",
  },
  invalid_json: {
    status: 400,
    nl: "De verzonden gegevens zijn geen geldige JSON.",
    en: "The data sent is not valid JSON.",
  },
  bad_request: { status: 400, nl: "Het verzoek is ongeldig.", en: "The request is invalid." },
  unauthenticated: { status: 401, nl: "Log eerst in.", en: "Please log in first." },
  invalid_credentials: {
    status: 401,
    nl: "Het e-mailadres of wachtwoord klopt niet.",
    en: "The e-mail address or password is not correct.",
  },
  invalid_two_factor_code: {
    status: 401,
    nl: "Deze code klopt niet.",
    en: "This code is not correct.",
  },
  two_factor_expired: {
    status: 401,
    nl: "De inlogpoging is verlopen. Log opnieuw in.",
    en: "The sign-in attempt has expired. Please sign in again.",
  },
  invalid_token: {
    status: 400,
    nl: "Deze link is ongeldig of verlopen. Vraag een nieuwe aan.",
    en: "This link is invalid or has expired. Please request a new one.",
  },
  password_policy: {
    status: 400,
    nl: "Dit wachtwoord voldoet niet aan de regels.",
    en: "This password does not meet the rules.",
  },
  two_factor_required: {
    status: 403,
    nl: "Stel eerst je tweede factor (authenticator-app) in.",
    en: "Please set up your second factor (authenticator app) first.",
  },
  no_phone: {
    status: 400,
    nl: "Er is geen mobiel nummer bekend. Vul het in bij Instellingen of gebruik de authenticator-app.",
    en: "No mobile number is known. Add it under Settings or use the authenticator app.",
  },
  account_deactivated: {
    status: 403,
    nl: "Je toegang is ingetrokken. Neem contact op met de beheerder van je organisatie.",
    en: "Your access has been revoked. Please contact your organisation's administrator.",
  },
  account_locked: {
    status: 423,
    nl: "Te veel foute codes. Je account is 15 minuten geblokkeerd.",
    en: "Too many wrong codes. Your account is locked for 15 minutes.",
  },
  email_not_verified: {
    status: 403,
    nl: "Bevestig eerst je e-mailadres via de link in je e-mail.",
    en: "Please confirm your e-mail address first, using the link in your e-mail.",
  },
  sso_not_configured: {
    status: 400,
    nl: "Voor dit e-maildomein is geen Microsoft-login ingesteld. Log in met je wachtwoord.",
    en: "Microsoft sign-in is not set up for this e-mail domain. Please sign in with your password.",
  },
  sso_private_account: {
    status: 403,
    nl: "Log in met je werkaccount van Microsoft, niet met een privéaccount.",
    en: "Please sign in with your Microsoft work account, not a personal account.",
  },
  sso_no_account: {
    status: 403,
    nl: "Er is geen Werkbrug-account voor dit werkaccount. Vraag je beheerder om een uitnodiging.",
    en: "There is no Werkbrug account for this work account. Ask your administrator for an invitation.",
  },
  cross_origin_request: {
    status: 403,
    nl: "Dit verzoek komt niet van de website van dit portaal en is geweigerd. Open het portaal via zijn eigen adres en probeer het opnieuw.",
    en: "This request did not come from this portal's own website and was refused. Open the portal at its own address and try again.",
  },
  forbidden: {
    status: 403,
    nl: "Je hebt geen toegang tot deze gegevens.",
    en: "You do not have access to this data.",
  },
  not_found: {
    status: 404,
    nl: "Deze pagina of dit item bestaat niet.",
    en: "This page or item does not exist.",
  },
  portal_not_found: {
    status: 404,
    nl: "Dit portaal bestaat niet.",
    en: "This portal does not exist.",
  },
  conflict: {
    status: 409,
    nl: "Dit botst met gegevens die al bestaan.",
    en: "This conflicts with data that already exists.",
  },
  registry_unavailable: {
    status: 503,
    nl: "Het KvK-register is nu niet bereikbaar. Vul de gegevens van de werkgever zelf in.",
    en: "The Chamber of Commerce register cannot be reached right now. Enter the employer's details yourself.",
  },
  invalid_transition: {
    status: 409,
    nl: "Deze actie kan niet bij de huidige status van de vacature.",
    en: "This action is not possible in the vacancy's current status.",
  },
  has_applications: {
    status: 409,
    nl: "Er zijn al reacties op deze vacature. Archiveer hem in plaats van hem te verwijderen.",
    en: "People have already responded to this vacancy. Archive it instead of deleting it.",
  },
  already_applied: {
    status: 409,
    nl: "Je hebt al gereageerd op deze vacature.",
    en: "You have already responded to this vacancy.",
  },
  phase_unknown: {
    status: 400,
    nl: "Deze fase hoort niet bij de procedure van deze kandidaat.",
    en: "This phase is not part of this candidate's procedure.",
  },
  outcome_not_allowed: {
    status: 400,
    nl: "Deze uitkomst kan niet in deze fase.",
    en: "This outcome is not possible in this phase.",
  },
  already_in_phase: {
    status: 409,
    nl: "De kandidaat staat al in deze fase, met deze uitkomst.",
    en: "The candidate is already in this phase, with this outcome.",
  },
  match_closed: {
    status: 409,
    nl: "Deze kandidaat is aangenomen, afgewezen, gearchiveerd of teruggetrokken. Maak eerst de laatste stap ongedaan.",
    en: "This candidate was hired, rejected, archived or withdrew. Undo the last step first.",
  },
  match_changed: {
    status: 409,
    nl: "Iemand anders heeft deze kandidaat net verplaatst. Bekijk de nieuwe stand en probeer het opnieuw.",
    en: "Someone else has just moved this candidate. Look at where they are now and try again.",
  },
  nothing_to_undo: {
    status: 409,
    nl: "Er is geen stap om ongedaan te maken.",
    en: "There is no step to undo.",
  },
  procedure_in_use: {
    status: 409,
    nl: "Op deze vacature staan al kandidaten in een andere procedure.",
    en: "This vacancy already has candidates in another procedure.",
  },
  confirmation_required: {
    status: 400,
    nl: "Bevestig dat je dit definitief wilt verwijderen.",
    en: "Confirm that you want to delete this for good.",
  },
  invitation_unusable: {
    status: 410,
    nl: "Deze uitnodiging kan niet meer gebruikt worden.",
    en: "This invitation can no longer be used.",
  },
  payload_too_large: {
    status: 413,
    nl: "Wat je verstuurt is te groot.",
    en: "What you are sending is too large.",
  },
  unsupported_media_type: {
    status: 415,
    nl: "Dit soort inhoud wordt niet geaccepteerd.",
    en: "This type of content is not accepted.",
  },
  rate_limited: {
    status: 429,
    nl: "Te veel pogingen. Probeer het later opnieuw.",
    en: "Too many attempts. Please try again later.",
  },
  sms_not_sent: {
    status: 502,
    nl: "De sms met je code kon niet worden verstuurd. Probeer het zo nog eens of gebruik je authenticator-app.",
    en: "The text message with your code could not be sent. Try again shortly or use your authenticator app.",
  },
  recent_sign_in_required: {
    status: 403,
    nl: "Log opnieuw in en probeer het binnen 10 minuten nog eens.",
    en: "Please sign in again and try once more within 10 minutes.",
  },
  account_has_staff_roles: {
    status: 409,
    nl: "Je account heeft ook een rol bij een organisatie. Vraag de beheerder van die organisatie eerst om je toegang in te trekken.",
    en: "Your account also has a role at an organisation. Ask that organisation's administrator to revoke your access first.",
  },
  candidate_already_on_vacancy: {
    status: 409,
    nl: "Deze kandidaat staat al op deze vacature.",
    en: "This candidate is already on this vacancy.",
  },
  candidate_already_in_pool: {
    status: 409,
    nl: "Deze kandidaat staat al in deze talentpool.",
    en: "This candidate is already in this talent pool.",
  },
  internal: {
    status: 500,
    nl: "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
    en: "Something went wrong on our side. Please try again later.",
  },
  message_no_team: {
    status: 409,
    nl: "Deze werkgever heeft (nog) geen team dat hem beheert: er is niemand om een bericht aan te sturen.",
    en: "This employer is not (yet) managed by a team: there is nobody to send a message to.",
  },
  message_contact_without_account: {
    status: 409,
    nl: "Deze contactpersoon heeft nog geen toegang tot het portaal en kan berichten niet lezen.",
    en: "This contact person has no portal access yet and cannot read messages.",
  },
  // Proposals (issue 12)
  reviewer_unknown: {
    status: 400,
    nl: "Kies contactpersonen van deze werkgever die toegang hebben tot het portaal.",
    en: "Choose contact persons of this employer who have access to the portal.",
  },
  not_proposable: {
    status: 409,
    nl: "Deze kandidaat kan in deze fase niet worden voorgesteld.",
    en: "This candidate cannot be proposed in this phase.",
  },
  already_proposed: {
    status: 409,
    nl: "Deze kandidaat is al voorgesteld voor deze vacature.",
    en: "This candidate has already been proposed for this vacancy.",
  },
  no_proposal: {
    status: 409,
    nl: "Deze kandidaat is niet voorgesteld.",
    en: "This candidate has not been proposed.",
  },
  proposal_decided: {
    status: 409,
    nl: "Over dit voorstel is al een oordeel gegeven.",
    en: "A verdict on this proposal has already been given.",
  },
  not_reviewable: {
    status: 409,
    nl: "Deze kandidaat wacht niet (meer) op een oordeel.",
    en: "This candidate is not (or no longer) waiting for a verdict.",
  },
  verdict_comment_required: {
    status: 400,
    nl: "Geef bij een afwijzing een toelichting.",
    en: "Please add a comment when you reject.",
  },
} as const satisfies Record<string, { status: number } & Record<Locale, string>>;

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
      message?: Partial<Record<Locale, string>>;
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

  messageFor(locale: Locale): string {
    return this.options.message?.[locale] ?? ERROR_CODES[this.code][locale];
  }
}
