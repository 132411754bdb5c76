import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AboutPage } from "./routes/about";
import { ComingSoonPage } from "./routes/coming-soon";
import { DevMailPage } from "./routes/dev-mail";
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

const rootRoute = createRootRoute({
  component: RootLayout,
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

const VacancySearchSchema = z.object({ q: z.string().trim().min(1).max(200).optional().catch(undefined) });

function VacanciesComingSoon() {
  const { t } = useTranslation();
  const { q } = vacanciesRoute.useSearch();
  return <ComingSoonPage detail={q ? t("comingSoon.search", { q }) : undefined} />;
}

const vacanciesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/vacatures",
  validateSearch: VacancySearchSchema,
  component: VacanciesComingSoon,
  staticData: { titleKey: "menu.vacancies", parent: "/" },
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
  validateSearch: z.object({ tab: z.enum(SETTINGS_TABS).optional().catch(undefined) }),
  component: function SettingsRoute() {
    return <SettingsPage tab={settingsRoute.useSearch().tab ?? "beveiliging"} />;
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

const devMailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/dev/mail",
  component: DevMailPage,
  staticData: { titleKey: "devMail.title", parent: "/" },
});

const routeTree = rootRoute.addChildren([
  devMailRoute,
  homeRoute,
  aboutRoute,
  vacanciesRoute,
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
