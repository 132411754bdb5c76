import { createRootRoute, createRoute, createRouter, Outlet, useMatches } from "@tanstack/react-router";
import { z } from "zod";
import { ApplicantDetailPage } from "./features/applicants/applicant-detail";
import { ApplicantsPage } from "./features/applicants/applicants-page";
import { ApplicantSearchSchema } from "./features/applicants/search-params";
import { MailTemplatesPage } from "./features/applicants/templates-page";
import { ContactHistoryPage, FavouritesPage } from "./features/candidates/favourites";
import { PROFILE_SECTIONS } from "./features/candidates/profile-draft";
import { RegisterJobSeekerPage } from "./features/candidates/register-job-seeker";
import { JobSitesPage } from "./features/channels/job-sites-page";
import { ChannelReportsPage } from "./features/channels/reports-page";
import { rememberSource } from "./features/channels/source";
import { DocumentsPage } from "./features/documents/documents-page";
import { EmployerSearchSchema } from "./features/employers/search-params";
import { ExplorerUrlSchema } from "./features/explorer/search-params";
import { FormBuilderPage } from "./features/forms/form-builder";
import { JobsPage } from "./features/jobs/jobs-page";
import { MessagesRoutePage } from "./features/messages/messages-page";
import { CandidateOnboardingPage } from "./features/onboarding/candidate-onboarding-page";
import { MaterialsPage } from "./features/onboarding/materials-page";
import { MyOnboardingPage } from "./features/onboarding/my-onboarding-page";
import { PlacementPage } from "./features/placements/placement-detail";
import { PlacementsPage } from "./features/placements/placements-page";
import { PlacementSearchSchema } from "./features/placements/search-params";
import { OrganisationsPage } from "./features/platform-admin/organisations-page";
import { EditPortalPage, NewPortalPage, PortalsPage } from "./features/platform-admin/portals-page";
import { ProposedCandidatePage, ProposedPage } from "./features/proposals/proposed-pages";
import { ReferralDetailPage } from "./features/referrals/referral-detail";
import { ReferralsPage } from "./features/referrals/referrals-page";
import { ResultsPage } from "./features/referrals/results-page";
import { ReferralSearchSchema } from "./features/referrals/search-params";
import { ReferralSettingsPage } from "./features/referrals/settings-page";
import { rememberReferralCode } from "./features/referrer/referral-code";
import {
  ConfirmReferralPage,
  MyReferralsRoutePage,
  PointsRoutePage,
  ReferRoutePage,
} from "./features/referrer/referrer-pages";
import { ReserveListPage, ReserveListsPage } from "./features/reserve-lists/reserve-lists-page";
import { BookingRoutePage } from "./features/selection-events/booking-page";
import { SelectionEventPage } from "./features/selection-events/event-page";
import { SelectionEventsPage } from "./features/selection-events/events-page";
import { PlanEventPage } from "./features/selection-events/plan-event-page";
import { ApprovalPage, ApprovalsPage } from "./features/selection-results/approvals-page";
import { SelectionPage } from "./features/selection-results/selection-page";
import { SetupPage } from "./features/setup/setup-page";
import { SitesPage } from "./features/sites/sites-page";
import { SsoPage } from "./features/sso/sso-page";
import { TalentPoolPage, TalentPoolsPage } from "./features/talent-pools/talent-pools-page";
import { TimesheetsPage } from "./features/timesheets/timesheets-page";
import { WeekEditorPage } from "./features/timesheets/week-editor";
import { TimesheetWeekPage } from "./features/timesheets/week-page";
import { CandidateSearchSchema, StaffSearchSchema } from "./features/vacancies/search-params";
import { AboutPage } from "./routes/about";
import {
  CandidateExplorerPage,
  CandidateProfilePage,
  ProfilePage,
  ProfilePrivacyPage,
} from "./routes/candidates";
import { ClaimAccountPage } from "./routes/claim-account";
import { ComingSoonPage } from "./routes/coming-soon";
import { DevMailPage } from "./routes/dev-mail";
import { EmployerDetailPage, EmployersPage, NewEmployerPage } from "./routes/employers";
import { ForgotPasswordPage } from "./routes/forgot-password";
import { HomePage } from "./routes/home";
import { InvitationPage } from "./routes/invitation";
import { NotFoundPage } from "./routes/not-found";
import { RegisterConfirmedPage, RegisterPage } from "./routes/register";
import { ResetPasswordPage } from "./routes/reset-password";
import { RootLayout } from "./routes/root-layout";
import { SETTINGS_TABS, SettingsPage } from "./routes/settings";
import { SignInPage } from "./routes/sign-in";
import { SignOutPage } from "./routes/sign-out";
import { TwoFactorSetupPage } from "./routes/two-factor-setup";
import {
  ApplicationsPage,
  EditVacancyPage,
  InvolvedVacanciesRoutePage,
  KansenPage,
  KansPage,
  NewVacancyPage,
  VacancyDetailPage,
  VacancyManagementPage,
  VacancyPrintPage,
} from "./routes/vacancies";

declare module "@tanstack/react-router" {
  interface StaticDataRouteOption {
    /** A page on its own, without header and menu (the print view). */
    bare?: boolean;
  }
}

/** The app shell around every page, except pages that must stand alone. */
function AppRoot() {
  const bare = useMatches({ select: (matches) => matches.some((m) => m.staticData?.bare === true) });
  return bare ? <Outlet /> : <RootLayout />;
}

const rootRoute = createRootRoute({
  component: AppRoot,
  notFoundComponent: NotFoundPage,
});

const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  component: HomePage,
  staticData: { titleKey: "home.title" },
});

const aboutRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/over",
  component: AboutPage,
  staticData: { titleKey: "about.title", parent: "/" },
});

const forEmployersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/voor-werkgevers",
  component: () => <ComingSoonPage />,
  staticData: { titleKey: "menu.forEmployers", parent: "/" },
});

/** Optional text from the address bar; anything malformed is simply ignored. */
const optionalText = z.string().trim().min(1).max(2000).optional().catch(undefined);

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/inloggen",
  validateSearch: z.object({
    redirect: optionalText,
    email: optionalText,
    reset: z.coerce.boolean().optional().catch(undefined),
    sso_error: optionalText,
  }),
  component: function LoginRoute() {
    return <SignInPage search={loginRoute.useSearch()} />;
  },
  staticData: { titleKey: "account.login", parent: "/" },
});

const logoutRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/uitloggen",
  component: SignOutPage,
  staticData: { titleKey: "account.logout" },
});

const twoFactorSetupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/beveiliging-instellen",
  component: TwoFactorSetupPage,
  staticData: { titleKey: "twoFactor.title" },
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/wachtwoord-vergeten",
  validateSearch: z.object({ email: optionalText }),
  component: function ForgotPasswordRoute() {
    return <ForgotPasswordPage email={forgotPasswordRoute.useSearch().email} />;
  },
  staticData: { titleKey: "forgotPassword.title", parent: "/inloggen" },
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/wachtwoord-herstellen",
  validateSearch: z.object({ token: optionalText, error: optionalText }),
  component: function ResetPasswordRoute() {
    const { token, error } = resetPasswordRoute.useSearch();
    return <ResetPasswordPage token={token} error={error} />;
  },
  staticData: { titleKey: "resetPassword.title", parent: "/inloggen" },
});

const settingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/instellingen",
  validateSearch: z.object({
    tab: z.enum(SETTINGS_TABS).optional().catch(undefined),
    // "open": the invitations list starts with those not yet accepted (the staff home's link).
    uitnodigingen: z.enum(["open"]).optional().catch(undefined),
  }),
  component: function SettingsRoute() {
    const search = settingsRoute.useSearch();
    return (
      <SettingsPage tab={search.tab ?? "beveiliging"} openInvitations={search.uitnodigingen === "open"} />
    );
  },
  staticData: { titleKey: "menu.settings", parent: "/" },
});

const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/uitnodiging",
  validateSearch: z.object({ token: optionalText }),
  component: function InvitationRoute() {
    return <InvitationPage token={invitationRoute.useSearch().token} />;
  },
  staticData: { titleKey: "invitation.title" },
});

// First run (issue 17 part 1): the start-up banner's one-time link.
const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/inrichten",
  validateSearch: z.object({ token: optionalText }),
  component: function SetupRoute() {
    return <SetupPage token={setupRoute.useSearch().token} />;
  },
  staticData: { titleKey: "setup.title" },
});

const registerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/registreren",
  component: RegisterPage,
  staticData: { titleKey: "register.title", parent: "/" },
});

const registerConfirmedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/registreren/bevestigd",
  validateSearch: z.object({ error: optionalText }),
  component: function RegisterConfirmedRoute() {
    return <RegisterConfirmedPage error={registerConfirmedRoute.useSearch().error} />;
  },
  staticData: { titleKey: "register.confirmedTitle", parent: "/" },
});

const vacancyManagementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacaturebeheer",
  validateSearch: StaffSearchSchema,
  component: function VacancyManagementRoute() {
    const navigate = vacancyManagementRoute.useNavigate();
    return (
      <VacancyManagementPage
        search={vacancyManagementRoute.useSearch()}
        onSearch={(search) => void navigate({ search })}
      />
    );
  },
  staticData: { titleKey: "vacancies.overview.title", parent: "/" },
});

const vacancyRequestsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacature-aanvragen",
  validateSearch: StaffSearchSchema,
  component: function VacancyRequestsRoute() {
    const navigate = vacancyRequestsRoute.useNavigate();
    return (
      <VacancyManagementPage
        requests
        search={vacancyRequestsRoute.useSearch()}
        onSearch={(search) => void navigate({ search })}
      />
    );
  },
  staticData: { titleKey: "menu.vacancyRequests", parent: "/" },
});

const newVacancyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacaturebeheer/nieuw",
  validateSearch: z.object({ organisationId: z.string().uuid().optional().catch(undefined) }),
  component: function NewVacancyRoute() {
    const { organisationId } = newVacancyRoute.useSearch();
    return <NewVacancyPage {...(organisationId ? { organisationId } : {})} />;
  },
  staticData: { titleKey: "vacancies.new.title", parent: "/vacaturebeheer" },
});

const vacancyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacaturebeheer/$id",
  component: function VacancyRoute() {
    return <VacancyDetailPage id={vacancyRoute.useParams().id} />;
  },
  staticData: { titleKey: "vacancies.detail.title", parent: "/vacaturebeheer" },
});

const editVacancyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacaturebeheer/$id/bewerken",
  component: function EditVacancyRoute() {
    return <EditVacancyPage id={editVacancyRoute.useParams().id} />;
  },
  staticData: { titleKey: "vacancies.edit.title", parent: "/vacaturebeheer" },
});

const vacancyFormRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacaturebeheer/$id/formulier",
  component: function VacancyFormRoute() {
    return <FormBuilderPage vacancyId={vacancyFormRoute.useParams().id} />;
  },
  staticData: { titleKey: "forms.builder.title", parent: "/vacaturebeheer" },
});

const printVacancyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacaturebeheer/$id/print",
  component: function PrintVacancyRoute() {
    return <VacancyPrintPage id={printVacancyRoute.useParams().id} />;
  },
  staticData: { titleKey: "vacancies.print.title", bare: true },
});

const kansenRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kansen",
  validateSearch: CandidateSearchSchema,
  component: function KansenRoute() {
    const navigate = kansenRoute.useNavigate();
    return <KansenPage search={kansenRoute.useSearch()} onSearch={(search) => void navigate({ search })} />;
  },
  staticData: { titleKey: "kansen.title", parent: "/" },
});

const kansRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kansen/$id",
  // `ref`: an employee's personal link from the job board (referral portal), kept for applying.
  // `utm_source`: the job site the person came from (the job board's apply click), for applying.
  validateSearch: z.object({
    ref: z.string().max(64).optional().catch(undefined),
    utm_source: z.string().max(60).optional().catch(undefined),
  }),
  component: function KansRoute() {
    const { id } = kansRoute.useParams();
    const search = kansRoute.useSearch();
    rememberReferralCode(id, search.ref);
    rememberSource(id, search.utm_source);
    return <KansPage id={id} />;
  },
  staticData: { titleKey: "kansen.detailTitle", parent: "/kansen" },
});

const applicationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sollicitaties",
  component: ApplicationsPage,
  staticData: { titleKey: "menu.applications", parent: "/" },
});

const employersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/werkgevers",
  validateSearch: EmployerSearchSchema,
  component: function EmployersRoute() {
    const navigate = employersRoute.useNavigate();
    return (
      <EmployersPage search={employersRoute.useSearch()} onSearch={(search) => void navigate({ search })} />
    );
  },
  staticData: { titleKey: "employers.title", parent: "/" },
});

const newEmployerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/werkgevers/nieuw",
  component: NewEmployerPage,
  staticData: { titleKey: "employers.new.title", parent: "/werkgevers" },
});

const employerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/werkgevers/$id",
  component: function EmployerRoute() {
    return <EmployerDetailPage id={employerRoute.useParams().id} />;
  },
  staticData: { titleKey: "employers.detail.title", parent: "/werkgevers" },
});

const devMailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/dev/mail",
  component: DevMailPage,
  staticData: { titleKey: "devMail.title", parent: "/" },
});

const claimAccountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/account-activeren",
  validateSearch: z.object({ token: optionalText }),
  component: function ClaimAccountRoute() {
    const { token } = claimAccountRoute.useSearch();
    return <ClaimAccountPage {...(token ? { token } : {})} />;
  },
  staticData: { titleKey: "claim.submit", parent: "/" },
});

const profileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/profiel",
  validateSearch: z.object({ onderdeel: z.enum(PROFILE_SECTIONS).optional().catch(undefined) }),
  component: function ProfileRoute() {
    return <ProfilePage section={profileRoute.useSearch().onderdeel} />;
  },
  staticData: { titleKey: "menu.profile", parent: "/" },
});

const profilePrivacyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/profiel/privacy",
  component: ProfilePrivacyPage,
  staticData: { titleKey: "privacy.title", parent: "/profiel" },
});

const explorerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kandidaten",
  validateSearch: ExplorerUrlSchema,
  component: function ExplorerRoute() {
    const navigate = explorerRoute.useNavigate();
    return (
      <CandidateExplorerPage
        search={explorerRoute.useSearch()}
        onSearch={(search, options) =>
          // A ticked filter or an opened profile keeps the page where it is; a new page of results starts at the top.
          void navigate({
            search,
            replace: options?.replace ?? false,
            resetScroll: options?.resetScroll ?? false,
          })
        }
      />
    );
  },
  staticData: { titleKey: "menu.candidates", parent: "/" },
});

const candidateProfileRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kandidaten/$id",
  component: function CandidateProfileRoute() {
    return <CandidateProfilePage id={candidateProfileRoute.useParams().id} />;
  },
  staticData: { titleKey: "candidates.profile.title", parent: "/kandidaten" },
});

const messagesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/berichten",
  // "?unread=true": the team inbox opens with only the unopened messages (the staff home's link).
  validateSearch: z.object({ unread: z.enum(["true"]).optional().catch(undefined) }),
  component: function MessagesRoute() {
    return <MessagesRoutePage unread={messagesRoute.useSearch().unread === "true"} />;
  },
  staticData: { titleKey: "inbox.title", parent: "/" },
});

const registerJobSeekerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/kandidaten/nieuw",
  component: RegisterJobSeekerPage,
  staticData: { titleKey: "jobSeeker.title", parent: "/" },
});

const favouritesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/favorieten",
  component: FavouritesPage,
  staticData: { titleKey: "favourites.title", parent: "/" },
});

const contactHistoryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/geschiedenis",
  component: ContactHistoryPage,
  staticData: { titleKey: "contactHistory.title", parent: "/" },
});

// Documents by type (issue 12): a contact person's documents on the matches they see.
const documentsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/documenten",
  component: DocumentsPage,
  staticData: { titleKey: "documents.page.title", parent: "/" },
});

const talentPoolsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/talentpools",
  component: TalentPoolsPage,
  staticData: { titleKey: "menu.talentPools", parent: "/" },
});
const talentPoolRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/talentpools/$id",
  component: function TalentPoolRoute() {
    return <TalentPoolPage id={talentPoolRoute.useParams().id} />;
  },
  staticData: { titleKey: "talentPools.poolTitle", parent: "/talentpools" },
});

// Sites ("Locaties", issue 14) of the organisations whose vacancies the person manages.
const sitesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/locaties",
  validateSearch: z.object({ organisatie: z.string().uuid().optional().catch(undefined) }),
  component: function SitesRoute() {
    const navigate = sitesRoute.useNavigate();
    return (
      <SitesPage
        organisationId={sitesRoute.useSearch().organisatie}
        onChoose={(organisatie) => void navigate({ search: { organisatie }, replace: true })}
      />
    );
  },
  staticData: { titleKey: "sites.title", parent: "/" },
});

// The platform administrator's background jobs: last runs and "Nu uitvoeren" (issue 17 part 7).
const jobsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/beheer/taken",
  component: JobsPage,
  staticData: { titleKey: "jobs.title", parent: "/" },
});

// Proposed candidates for contact persons (issue 12): the list and one candidate to review.
const proposedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/voorgesteld",
  component: ProposedPage,
  staticData: { titleKey: "proposals.title", parent: "/" },
});
const proposedCandidateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/voorgesteld/$matchId",
  component: function ProposedCandidateRoute() {
    return <ProposedCandidatePage matchId={proposedCandidateRoute.useParams().matchId} />;
  },
  staticData: { titleKey: "proposals.detail.title", parent: "/voorgesteld" },
});

// Placements for recruiters (issue 13): the list with the payroll export, and one placement.
const placementsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/plaatsingen",
  validateSearch: PlacementSearchSchema,
  component: function PlacementsRoute() {
    const navigate = placementsRoute.useNavigate();
    return (
      <PlacementsPage search={placementsRoute.useSearch()} onSearch={(search) => void navigate({ search })} />
    );
  },
  staticData: { titleKey: "placements.title", parent: "/" },
});
const placementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/plaatsingen/$placementId",
  component: function PlacementRoute() {
    return <PlacementPage id={placementRoute.useParams().placementId} />;
  },
  staticData: { titleKey: "placements.detail.title", parent: "/plaatsingen" },
});

// Timesheets (issue 13): the candidate's weeks and the contact's approvals, one week to fill in,
// one week to read (and decide).
const timesheetsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/urenstaten",
  component: TimesheetsPage,
  staticData: { titleKey: "timesheets.title", parent: "/" },
});
const timesheetWeekRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/urenstaten/week/$timesheetId",
  component: function TimesheetWeekRoute() {
    return <TimesheetWeekPage timesheetId={timesheetWeekRoute.useParams().timesheetId} />;
  },
  staticData: { titleKey: "timesheets.week.title", parent: "/urenstaten" },
});
const weekEditorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/urenstaten/$placementId/$weekStart",
  component: function WeekEditorRoute() {
    const { placementId, weekStart } = weekEditorRoute.useParams();
    return <WeekEditorPage placementId={placementId} weekStart={weekStart} />;
  },
  staticData: { titleKey: "timesheets.editor.title", parent: "/urenstaten" },
});

// Referrals, the organisation's side (issue 14): the referred candidates, one candidate's
// milestones, the results (leaderboard, per month) and the milestones' settings.
const referralsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verwijzingen",
  validateSearch: ReferralSearchSchema,
  component: function ReferralsRoute() {
    const navigate = referralsRoute.useNavigate();
    return (
      <ReferralsPage search={referralsRoute.useSearch()} onSearch={(search) => void navigate({ search })} />
    );
  },
  staticData: { titleKey: "referrals.titles.candidates", parent: "/" },
});
const referralResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verwijzingen/resultaten",
  validateSearch: z.object({
    siteId: z.string().uuid().optional().catch(undefined),
    from: z.string().date().optional().catch(undefined),
    to: z.string().date().optional().catch(undefined),
  }),
  component: function ReferralResultsRoute() {
    const navigate = referralResultsRoute.useNavigate();
    return (
      <ResultsPage
        period={referralResultsRoute.useSearch()}
        onPeriod={(period) =>
          void navigate({
            search: {
              siteId: period.siteId || undefined,
              from: period.from || undefined,
              to: period.to || undefined,
            },
            replace: true,
          })
        }
      />
    );
  },
  staticData: { titleKey: "referrals.titles.results", parent: "/verwijzingen" },
});
const referralSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verwijzingen/instellingen",
  validateSearch: z.object({ organisationId: z.string().uuid().optional().catch(undefined) }),
  component: function ReferralSettingsRoute() {
    const navigate = referralSettingsRoute.useNavigate();
    return (
      <ReferralSettingsPage
        organisationId={referralSettingsRoute.useSearch().organisationId}
        onOrganisation={(organisationId) => void navigate({ search: { organisationId } })}
      />
    );
  },
  staticData: { titleKey: "referrals.titles.settings", parent: "/verwijzingen" },
});
const referralRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verwijzingen/$id",
  component: function ReferralRoute() {
    return <ReferralDetailPage id={referralRoute.useParams().id} />;
  },
  staticData: { titleKey: "referrals.detail.title", parent: "/verwijzingen" },
});

const referRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verwijzen",
  component: ReferRoutePage,
  staticData: { titleKey: "referrer.titles.refer", parent: "/" },
});

const myReferralsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/mijn-verwijzingen",
  component: MyReferralsRoutePage,
  staticData: { titleKey: "referrer.titles.mine", parent: "/" },
});

const involvedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/selecties",
  component: InvolvedVacanciesRoutePage,
  staticData: { titleKey: "vacancies.involved.title", parent: "/" },
});

const pointsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/punten",
  component: PointsRoutePage,
  staticData: { titleKey: "referrer.titles.points", parent: "/" },
});

const confirmReferralRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/verwijzing/bevestigen",
  validateSearch: z.object({ token: optionalText }),
  component: function ConfirmReferralRoute() {
    const { token } = confirmReferralRoute.useSearch();
    return <ConfirmReferralPage {...(token ? { token } : {})} />;
  },
  staticData: { titleKey: "referrer.titles.confirm", parent: "/" },
});

// Applicants per vacancy and mail to them (issue 15): the list, one applicant, the mail templates.
const applicantsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacaturebeheer/$id/sollicitanten",
  validateSearch: ApplicantSearchSchema,
  component: function ApplicantsRoute() {
    const navigate = applicantsRoute.useNavigate();
    return (
      <ApplicantsPage
        vacancyId={applicantsRoute.useParams().id}
        search={applicantsRoute.useSearch()}
        onSearch={(search) => void navigate({ search })}
      />
    );
  },
  staticData: { titleKey: "applicants.titles.list", parent: "/vacaturebeheer" },
});
const applicantRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacaturebeheer/$id/sollicitanten/$matchId",
  component: function ApplicantRoute() {
    const { id, matchId } = applicantRoute.useParams();
    return <ApplicantDetailPage vacancyId={id} matchId={matchId} />;
  },
  staticData: { titleKey: "applicants.titles.detail", parent: "/vacaturebeheer" },
});
const mailTemplatesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sjablonen/mails",
  component: MailTemplatesPage,
  staticData: { titleKey: "applicants.titles.templates", parent: "/" },
});

// Publication channels (issue 15 part 7): the family's job sites and the multiposter's reports.
const jobSitesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacaturesites",
  component: JobSitesPage,
  staticData: { titleKey: "channels.sitesTitle", parent: "/" },
});
const channelReportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/rapportages/vacaturesites",
  component: ChannelReportsPage,
  staticData: { titleKey: "channels.reportsTitle", parent: "/" },
});

// Platform administration (issue 17 part 2): portals and organisations.
const portalsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/portalen",
  component: PortalsPage,
  staticData: { titleKey: "platformAdmin.portals.title", parent: "/" },
});
const newPortalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/portalen/nieuw",
  component: NewPortalPage,
  staticData: { titleKey: "platformAdmin.portals.newTitle", parent: "/portalen" },
});
const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/portalen/$id",
  validateSearch: z.object({ created: z.coerce.boolean().optional().catch(undefined) }),
  component: function PortalRoutePage() {
    return (
      <EditPortalPage
        portalId={portalRoute.useParams().id}
        created={portalRoute.useSearch().created === true}
      />
    );
  },
  staticData: { titleKey: "platformAdmin.portals.editTitle", parent: "/portalen" },
});
const organisationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/organisaties",
  component: OrganisationsPage,
  staticData: { titleKey: "platformAdmin.organisations.title", parent: "/" },
});
// Single sign-on connections (issue 17 part 3): org admins and the platform admin.
const ssoRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sso-koppelingen",
  component: SsoPage,
  staticData: { titleKey: "sso.title", parent: "/" },
});

// Reserve lists ("werfreserves", issue 16 part 5): the overview and one list.
const reserveListsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/werfreserves",
  component: ReserveListsPage,
  staticData: { titleKey: "reserveLists.overview.title", parent: "/" },
});
const reserveListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/werfreserves/$id",
  component: function ReserveListRoutePage() {
    return <ReserveListPage listId={reserveListRoute.useParams().id} />;
  },
  staticData: { titleKey: "reserveLists.title", parent: "/werfreserves" },
});

// Selection events (issue 16 parts 1 and 2): the overview, one event, planning, the applicant's booking.
const selectionEventsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/selectiemomenten",
  component: SelectionEventsPage,
  staticData: { titleKey: "selectionEvents.titles.overview", parent: "/" },
});
const selectionEventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/selectiemomenten/$id",
  component: function SelectionEventRoute() {
    return <SelectionEventPage eventId={selectionEventRoute.useParams().id} />;
  },
  staticData: { titleKey: "selectionEvents.titles.event", parent: "/selectiemomenten" },
});
const planSelectionEventRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacaturebeheer/$id/selectiemomenten/nieuw",
  component: function PlanSelectionEventRoute() {
    return <PlanEventPage vacancyId={planSelectionEventRoute.useParams().id} />;
  },
  staticData: { titleKey: "selectionEvents.titles.plan", parent: "/vacaturebeheer" },
});
const bookingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/selectiemomenten/inschrijven/$invitationId",
  component: function BookingRoute() {
    return <BookingRoutePage invitationId={bookingRoute.useParams().invitationId} />;
  },
  staticData: { titleKey: "selectionEvents.titles.book", parent: "/sollicitaties" },
});

// Hiring and onboarding (issue 16 parts 7 and 8): staff's actions, the material, the new employee's page.
const myOnboardingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/inwerken",
  component: MyOnboardingPage,
  staticData: { titleKey: "onboarding.titles.mine", parent: "/" },
});
const materialsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/leermateriaal",
  component: MaterialsPage,
  staticData: { titleKey: "onboarding.titles.materials", parent: "/" },
});
const candidateOnboardingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/mijn-inwerken",
  component: CandidateOnboardingPage,
  staticData: { titleKey: "onboarding.titles.candidate", parent: "/" },
});

// Selection results (issue 16 parts 3-4): the jury's scores and the officer's decisions, the PV's approval.
const selectionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacaturebeheer/$id/beoordeling",
  component: function SelectionRoute() {
    return <SelectionPage vacancyId={selectionRoute.useParams().id} />;
  },
  staticData: { titleKey: "selectionResults.titles.selection", parent: "/vacaturebeheer" },
});
const approvalsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacatures-goedkeuren",
  component: ApprovalsPage,
  staticData: { titleKey: "selectionResults.titles.approvals", parent: "/" },
});
const approvalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacatures-goedkeuren/$approvalId",
  component: function ApprovalRoute() {
    return <ApprovalPage approvalId={approvalRoute.useParams().approvalId} />;
  },
  staticData: { titleKey: "selectionResults.titles.approval", parent: "/vacatures-goedkeuren" },
});

const routeTree = rootRoute.addChildren([
  portalsRoute,
  newPortalRoute,
  portalRoute,
  organisationsRoute,
  setupRoute,
  jobsRoute,
  reserveListsRoute,
  ssoRoute,
  reserveListRoute,
  selectionEventsRoute,
  selectionEventRoute,
  planSelectionEventRoute,
  bookingRoute,
  myOnboardingRoute,
  materialsRoute,
  candidateOnboardingRoute,
  selectionRoute,
  approvalsRoute,
  approvalRoute,
  applicantsRoute,
  applicantRoute,
  mailTemplatesRoute,
  jobSitesRoute,
  channelReportsRoute,
  vacancyFormRoute,
  referralsRoute,
  referralResultsRoute,
  referralSettingsRoute,
  referralRoute,
  referRoute,
  myReferralsRoute,
  pointsRoute,
  involvedRoute,
  confirmReferralRoute,
  placementsRoute,
  placementRoute,
  timesheetsRoute,
  timesheetWeekRoute,
  weekEditorRoute,
  documentsRoute,
  talentPoolsRoute,
  talentPoolRoute,
  sitesRoute,
  proposedRoute,
  proposedCandidateRoute,
  claimAccountRoute,
  favouritesRoute,
  contactHistoryRoute,
  registerJobSeekerRoute,
  messagesRoute,
  devMailRoute,
  homeRoute,
  aboutRoute,
  vacancyManagementRoute,
  vacancyRequestsRoute,
  newVacancyRoute,
  vacancyRoute,
  editVacancyRoute,
  printVacancyRoute,
  kansenRoute,
  kansRoute,
  applicationsRoute,
  forEmployersRoute,
  loginRoute,
  logoutRoute,
  twoFactorSetupRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  settingsRoute,
  invitationRoute,
  registerRoute,
  registerConfirmedRoute,
  employersRoute,
  newEmployerRoute,
  employerRoute,
  profileRoute,
  profilePrivacyRoute,
  explorerRoute,
  candidateProfileRoute,
]);

export const router = createRouter({
  routeTree,
  defaultPreload: "intent",
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
