import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Navigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { meQuery } from "../features/account/me-query";
import { EmployerDetail, useEmployerNotice } from "../features/employers/employer-detail";
import { NewEmployer } from "../features/employers/employer-new";
import { EmployerOverview } from "../features/employers/employer-overview";
import type { EmployerSearch } from "../features/employers/search-params";
import { Notice } from "../features/identity/forms";
import { PageLoader } from "../features/vacancies/ui";

/** Pages for signed-in people only; visitors go to the sign-in and come back here. */
function RequireSignIn({ path, children }: { path: string; children: ReactNode }) {
  const me = useQuery(meQuery);
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to="/inloggen" search={{ redirect: path }} replace />;
  return <>{children}</>;
}

export function EmployersPage({
  search,
  onSearch,
}: {
  search: EmployerSearch;
  onSearch: (next: EmployerSearch) => void;
}) {
  const notice = useEmployerNotice();
  return (
    <RequireSignIn path="/werkgevers">
      <Stack gap="md">
        {notice && (
          <Notice color="green" status>
            {notice}
          </Notice>
        )}
        <EmployerOverview search={search} onSearch={onSearch} />
      </Stack>
    </RequireSignIn>
  );
}

export function NewEmployerPage() {
  return (
    <RequireSignIn path="/werkgevers/nieuw">
      <NewEmployer />
    </RequireSignIn>
  );
}

export function EmployerDetailPage({ id }: { id: string }) {
  return (
    <RequireSignIn path={`/werkgevers/${id}`}>
      {/* Keyed: another employer starts with a closed side panel and no dialogs. */}
      <EmployerDetail key={id} id={id} />
    </RequireSignIn>
  );
}
