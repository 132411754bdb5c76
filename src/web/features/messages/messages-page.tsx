import { useQuery } from "@tanstack/react-query";
import { NotFoundPage } from "../../routes/not-found";
import { meQuery } from "../account/me-query";
import { CandidateInbox } from "../candidates/inbox";
import { menuRoleOnSide } from "../navigation/menu";
import { useSide } from "../navigation/side";
import { PageLoader } from "../vacancies/ui";
import { ContactMessages } from "./contact-messages";
import { TeamInbox } from "./team-inbox";

/**
 * "Berichten": the team's inbox across all contacts ("RPO-berichten") for account managers and
 * org admins, their own threads for an employer's contact person, and on the candidate side the
 * candidate's inbox as before. Nobody else has messages here.
 */
export function MessagesRoutePage({ unread = false }: { unread?: boolean }) {
  const me = useQuery(meQuery);
  const side = useSide();
  if (me.isPending) return <PageLoader />;
  const roles = me.data?.roles ?? null;
  const role = menuRoleOnSide(roles, side);
  if (role === "candidate" && roles?.includes("candidate")) return <CandidateInbox />;
  if (role === "account_manager" || role === "org_admin") return <TeamInbox unread={unread} />;
  if (role === "employer_contact") return <ContactMessages />;
  return <NotFoundPage />;
}
