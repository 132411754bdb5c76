import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Navigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { meQuery } from "../features/account/me-query";
import { Notice, useErrorText } from "../features/identity/forms";
import { usePageTitle } from "../features/navigation/page-title";
import { MyInvitations } from "../features/selection-events/booking-page";
import { CandidateVacancies } from "../features/vacancies/candidate-vacancies";
import { CandidateVacancy, MyApplications } from "../features/vacancies/candidate-vacancy";
import { InvolvedVacanciesPage } from "../features/vacancies/involved-vacancies";
import type { CandidateSearch, StaffSearch } from "../features/vacancies/search-params";
import { PageLoader } from "../features/vacancies/ui";
import { vacancyQuery } from "../features/vacancies/vacancies-api";
import { useVacancyNotice, VacancyDetail } from "../features/vacancies/vacancy-detail";
import { VacancyForm } from "../features/vacancies/vacancy-form";
import { VacancyOverview } from "../features/vacancies/vacancy-overview";
import { VacancyPrint } from "../features/vacancies/vacancy-print";

/** Pages for signed-in people only; visitors go to the sign-in and come back here. */
function RequireSignIn({ path, children }: { path: string; children: ReactNode }) {
  const me = useQuery(meQuery);
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to="/inloggen" search={{ redirect: path }} replace />;
  return <>{children}</>;
}

function Flash() {
  const notice = useVacancyNotice();
  return notice ? (
    <Notice color="green" status>
      {notice}
    </Notice>
  ) : null;
}

export function VacancyManagementPage({
  search,
  onSearch,
  requests = false,
}: {
  search: StaffSearch;
  onSearch: (next: StaffSearch) => void;
  requests?: boolean;
}) {
  return (
    <RequireSignIn path={requests ? "/vacature-aanvragen" : "/vacaturebeheer"}>
      <Stack gap="md">
        <Flash />
        <VacancyOverview
          search={search}
          onSearch={onSearch}
          fixedStatus={requests ? "requested" : undefined}
        />
      </Stack>
    </RequireSignIn>
  );
}

export function NewVacancyPage({ organisationId }: { organisationId?: string }) {
  return (
    <RequireSignIn path="/vacaturebeheer/nieuw">
      <VacancyForm {...(organisationId ? { organisationId } : {})} />
    </RequireSignIn>
  );
}

function EditVacancy({ id }: { id: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const query = useQuery(vacancyQuery(id));
  usePageTitle(
    query.data ? t("vacancies.edit.titleOf", { title: query.data.displayTitle }) : t("vacancies.edit.title"),
    `/vacaturebeheer/${id}`,
  );
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <Notice color="red">{errorText(query.error)}</Notice>;
  if (!query.data.permissions.edit) return <Notice color="orange">{t("vacancies.edit.notAllowed")}</Notice>;
  return (
    <Stack gap="md">
      <Flash />
      {/* Keyed: a refetch (language switch, save elsewhere) never resets what is being typed. */}
      <VacancyForm key={query.data.id} vacancy={query.data} />
    </Stack>
  );
}

export function EditVacancyPage({ id }: { id: string }) {
  return (
    <RequireSignIn path={`/vacaturebeheer/${id}/bewerken`}>
      <EditVacancy id={id} />
    </RequireSignIn>
  );
}

export function VacancyDetailPage({ id }: { id: string }) {
  return (
    <RequireSignIn path={`/vacaturebeheer/${id}`}>
      <VacancyDetail id={id} />
    </RequireSignIn>
  );
}

export function VacancyPrintPage({ id }: { id: string }) {
  const me = useQuery(meQuery);
  if (me.isPending) return <PageLoader />;
  if (!me.data)
    return <Navigate to="/inloggen" search={{ redirect: `/vacaturebeheer/${id}/print` }} replace />;
  return <VacancyPrint id={id} />;
}

export function KansenPage({
  search,
  onSearch,
}: {
  search: CandidateSearch;
  onSearch: (next: CandidateSearch) => void;
}) {
  return (
    <RequireSignIn path="/kansen">
      <CandidateVacancies search={search} onSearch={onSearch} />
    </RequireSignIn>
  );
}

export function KansPage({ id }: { id: string }) {
  return (
    <RequireSignIn path={`/kansen/${id}`}>
      <CandidateVacancy id={id} />
    </RequireSignIn>
  );
}

export function ApplicationsPage() {
  return (
    <RequireSignIn path="/sollicitaties">
      <Stack gap="lg">
        <MyInvitations />
        <MyApplications />
      </Stack>
    </RequireSignIn>
  );
}

export function InvolvedVacanciesRoutePage() {
  return (
    <RequireSignIn path="/selecties">
      <InvolvedVacanciesPage />
    </RequireSignIn>
  );
}
