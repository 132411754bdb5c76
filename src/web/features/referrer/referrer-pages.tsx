import { useQuery } from "@tanstack/react-query";
import { Navigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { meQuery } from "../account/me-query";
import { PageLoader } from "../vacancies/ui";
import { MyReferralsPage } from "./my-referrals-page";
import { PointsPage } from "./points-page";
import { ReferPage } from "./refer-page";

/** The referrer's pages are for signed-in people; visitors sign in and come back. */
function SignedIn({ path, children }: { path: string; children: ReactNode }) {
  const me = useQuery(meQuery);
  if (me.isPending) return <PageLoader />;
  if (!me.data) return <Navigate to="/inloggen" search={{ redirect: path }} replace />;
  return <>{children}</>;
}

export function ReferRoutePage() {
  return (
    <SignedIn path="/verwijzen">
      <ReferPage />
    </SignedIn>
  );
}

export function MyReferralsRoutePage() {
  return (
    <SignedIn path="/mijn-verwijzingen">
      <MyReferralsPage />
    </SignedIn>
  );
}

export function PointsRoutePage() {
  return (
    <SignedIn path="/punten">
      <PointsPage />
    </SignedIn>
  );
}

export { ConfirmReferralPage } from "./confirm-page";
