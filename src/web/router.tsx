import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AboutPage } from "./routes/about";
import { ComingSoonPage } from "./routes/coming-soon";
import { DevMailPage } from "./routes/dev-mail";
import { HomePage } from "./routes/home";
import { NotFoundPage } from "./routes/not-found";
import { RootLayout } from "./routes/root-layout";

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

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/inloggen",
  component: () => <ComingSoonPage />,
  staticData: { titleKey: "account.login", parent: "/" },
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
