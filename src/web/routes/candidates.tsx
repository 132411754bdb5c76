import { IconLock, IconUser } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Navigate, useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { meQuery } from "../features/account/me-query";
import { PrivacyPanel } from "../features/candidates/privacy-panel";
import type { ProfileSection } from "../features/candidates/profile-draft";
import { ProfileEditor } from "../features/candidates/profile-editor";
import { StaffCandidateProfile } from "../features/candidates/staff-profile";
import { CandidateExplorer, type ExplorerPageProps } from "../features/explorer/explorer-page";
import { PageLoader } from "../features/vacancies/ui";
import { type PageTab, PageTabs } from "../ui/tabs";

/** Pages for signed-in people only; visitors go to the sign-in and come back here. */
function RequireSignIn({ path, children }: { path: string; children: ReactNode }) {
  const me = useQuery(meQuery);
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to="/inloggen" search={{ redirect: path }} replace />;
  return <>{children}</>;
}

type ProfileTab = "profiel" | "privacy";

/** "Mijn profiel" and its privacy tab, each at an address of its own. */
function ProfileTabs({ tab, section }: { tab: ProfileTab; section?: ProfileSection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tabs: PageTab<ProfileTab>[] = [
    { value: "profiel", label: t("profile.tabs.profile"), icon: <IconUser aria-hidden="true" size={16} /> },
    { value: "privacy", label: t("profile.tabs.privacy"), icon: <IconLock aria-hidden="true" size={16} /> },
  ];
  return (
    <PageTabs
      label={t("menu.profile")}
      value={tab}
      onChange={(next) => void navigate({ to: next === "privacy" ? "/profiel/privacy" : "/profiel" })}
      tabs={tabs}
    >
      <PageTabs.Panel value="profiel">
        {tab === "profiel" && <ProfileEditor section={section} />}
      </PageTabs.Panel>
      <PageTabs.Panel value="privacy">{tab === "privacy" && <PrivacyPanel />}</PageTabs.Panel>
    </PageTabs>
  );
}

/** The editor, at the section the address names ("/profiel?onderdeel=werkervaring"). */
export function ProfilePage({ section }: { section: ProfileSection | undefined }) {
  return (
    <RequireSignIn path={section ? `/profiel?onderdeel=${section}` : "/profiel"}>
      <ProfileTabs tab="profiel" section={section} />
    </RequireSignIn>
  );
}

export function ProfilePrivacyPage() {
  return (
    <RequireSignIn path="/profiel/privacy">
      <ProfileTabs tab="privacy" />
    </RequireSignIn>
  );
}

export function CandidateProfilePage({ id }: { id: string }) {
  return (
    <RequireSignIn path={`/kandidaten/${id}`}>
      <StaffCandidateProfile key={id} id={id} />
    </RequireSignIn>
  );
}

/** The candidate explorer ("Kandidaten verkenner") for staff. */
export function CandidateExplorerPage(props: ExplorerPageProps) {
  return (
    <RequireSignIn path={`/kandidaten${window.location.search}`}>
      <CandidateExplorer {...props} />
    </RequireSignIn>
  );
}
