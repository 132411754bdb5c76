import {
  type Icon,
  IconAffiliate,
  IconBook,
  IconBriefcase,
  IconBuilding,
  IconBuildingCommunity,
  IconCalendarEvent,
  IconChartBar,
  IconChecklist,
  IconChecks,
  IconClockHour4,
  IconClockPlay,
  IconFileDescription,
  IconFiles,
  IconHeart,
  IconHistory,
  IconHome,
  IconIdBadge2,
  IconInfoCircle,
  IconKey,
  IconListCheck,
  IconListNumbers,
  IconMail,
  IconMailCog,
  IconMapPin,
  IconSchool,
  IconSearch,
  IconSettings,
  IconTrophy,
  IconUser,
  IconUserCheck,
  IconUserPlus,
  IconUsers,
  IconUsersGroup,
  IconWorld,
  IconWorldWww,
} from "@tabler/icons-react";
import type { Role } from "../../../contracts/tenancy";
import { ROLES } from "../../../contracts/tenancy";

export type MenuRole = Role | "anonymous";
export type MenuCondition = "placed" | "sites" | "referrals";

export interface MenuItem {
  /** i18n key under `menu.` */
  key: string;
  href: string;
  icon: Icon;
  /** A page the server renders (the public job board): a full page load, not an app route. */
  external?: boolean;
  /**
   * Shown only to those it concerns: "placed" candidates (with a placement to write hours for),
   * those who manage an organisation's sites, those whose organisations take referrals.
   */
  when?: MenuCondition;
}

const home: MenuItem = { key: "home", href: "/", icon: IconHome };
/** The public job board, rendered by the server for visitors and search engines. */
const jobBoard: MenuItem = { key: "vacancies", href: "/vacatures", icon: IconBriefcase, external: true };
/** Staff: HalloWerk's "Vacatures", the Kansenportaal's "Kansenbeheer". */
const vacancies: MenuItem = { key: "vacancies", href: "/vacaturebeheer", icon: IconBriefcase };
/** Candidates: the vacancies ("kansen") they may see, and respond to. */
const kansen: MenuItem = { key: "vacancies", href: "/kansen", icon: IconBriefcase };
const forEmployers: MenuItem = { key: "forEmployers", href: "/voor-werkgevers", icon: IconBuilding };
const about: MenuItem = { key: "about", href: "/over", icon: IconInfoCircle };
const explorer: MenuItem = { key: "candidates", href: "/kandidaten", icon: IconSearch };
const favourites: MenuItem = { key: "favourites", href: "/favorieten", icon: IconHeart };
const history: MenuItem = { key: "history", href: "/geschiedenis", icon: IconHistory };
const employers: MenuItem = { key: "employers", href: "/werkgevers", icon: IconBuildingCommunity };
const messages: MenuItem = { key: "messages", href: "/berichten", icon: IconMail };
const settings: MenuItem = { key: "settings", href: "/instellingen", icon: IconSettings };
const proposed: MenuItem = { key: "proposedCandidates", href: "/voorgesteld", icon: IconUserCheck };
const talentPools: MenuItem = { key: "talentPools", href: "/talentpools", icon: IconUsersGroup };
const documents: MenuItem = { key: "documents", href: "/documenten", icon: IconFiles };
/** Carerix "Urenstaten": the contact approves weeks; a placed candidate writes them. */
const timesheets: MenuItem = { key: "timesheets", href: "/urenstaten", icon: IconClockHour4 };
const myTimesheets: MenuItem = { ...timesheets, when: "placed" };
/** The recruiters' placements, with the weeks of hours and the payroll export. */
const placements: MenuItem = { key: "placements", href: "/plaatsingen", icon: IconIdBadge2 };
const vacancyRequests: MenuItem = {
  key: "vacancyRequests",
  href: "/vacature-aanvragen",
  icon: IconChecklist,
};
const profile: MenuItem = { key: "profile", href: "/profiel", icon: IconUser };
/** An organisation's sites ("locaties"), for those who manage them. */
const sites: MenuItem = { key: "sites", href: "/locaties", icon: IconMapPin, when: "sites" };
/** The referral portal's "Kandidaten": the organisation's referred candidates and their milestones. */
const referrals: MenuItem = {
  key: "referrals",
  href: "/verwijzingen",
  icon: IconAffiliate,
  when: "referrals",
};
/** The referral portal's app: refer someone, follow them, see the points. */
const refer: MenuItem = { key: "refer", href: "/verwijzen", icon: IconUserPlus };
const myReferrals: MenuItem = { key: "myReferrals", href: "/mijn-verwijzingen", icon: IconListCheck };
const points: MenuItem = { key: "points", href: "/punten", icon: IconTrophy };
const applications: MenuItem = { key: "applications", href: "/sollicitaties", icon: IconFileDescription };
/** Vlimpers: the organisation's mail templates for applicants (merge fields, nl/en). */
const mailTemplates: MenuItem = { key: "mailTemplates", href: "/sjablonen/mails", icon: IconMailCog };
/** Vlimpers' multiposter: the external job sites the vacancies go to, and their click reports. */
const jobSites: MenuItem = { key: "jobSites", href: "/vacaturesites", icon: IconWorldWww };
const jobSiteReports: MenuItem = {
  key: "jobSiteReports",
  href: "/rapportages/vacaturesites",
  icon: IconChartBar,
};
/** Vlimpers: the leader's and jury member's vacancies, those they are on once someone applied. */
const involved: MenuItem = { key: "involvedVacancies", href: "/selecties", icon: IconBriefcase };
/** Vlimpers' selection events ("selectiemomenten"): planned events, bookings, the private calendar feed. */
const selectionEvents: MenuItem = {
  key: "selectionEvents",
  href: "/selectiemomenten",
  icon: IconCalendarEvent,
};
/** Vlimpers' "Vacatures goedkeuren": the PV-rapporten the HR officer or leader is asked to approve. */
const approvals: MenuItem = { key: "approvals", href: "/vacatures-goedkeuren", icon: IconChecks };
/** Vlimpers' reserve lists ("werfreserves") with their laureates and call-ups. */
const reserveLists: MenuItem = { key: "reserveLists", href: "/werfreserves", icon: IconListNumbers };
/** Onboarding ("inwerken"): the leader's and mentor's actions for new employees. */
const onboarding: MenuItem = { key: "onboarding", href: "/inwerken", icon: IconSchool };
/** The organisation's learning material for new employees, and its own e-mail domains. */
const learningMaterial: MenuItem = { key: "learningMaterial", href: "/leermateriaal", icon: IconBook };
// The manual puts user management under Instellingen, in the organisation's part.
const users: MenuItem = { key: "users", href: "/instellingen?tab=gebruikers", icon: IconUsers };
/** Issue 17: the platform's portals, every organisation, sign-in connections and background jobs. */
const portals: MenuItem = { key: "portals", href: "/portalen", icon: IconWorld };
const organisations: MenuItem = { key: "organisations", href: "/organisaties", icon: IconBuildingCommunity };
const sso: MenuItem = { key: "sso", href: "/sso-koppelingen", icon: IconKey };
const jobs: MenuItem = { key: "jobs", href: "/beheer/taken", icon: IconClockPlay };

/**
 * The main menu per role, taken from the manuals: HalloWerk for municipal staff (explorer,
 * favourites, vacancies, employers), Carerix for the hiring manager, Vlimpers for HR and
 * selection, the referral portal for referrers. An item is here only once its page works for
 * that role (no dead ends; `menu.test.ts` checks every href against the router). Still to come
 * with their issues: the platform admin's "Portalen" and "Organisaties". A new employee reaches
 * "Mijn inwerken" from their home and the mail, not from the menu (only the hired have any).
 */
export const MENU_BY_ROLE: Readonly<Record<MenuRole, readonly MenuItem[]>> = {
  anonymous: [home, jobBoard, forEmployers, about],
  candidate: [home, kansen, applications, myTimesheets, profile, messages, settings],
  referrer: [home, refer, myReferrals, points, jobBoard, settings],
  jury_member: [home, involved, selectionEvents, onboarding, settings],
  line_manager: [home, involved, approvals, selectionEvents, onboarding, settings],
  selection_officer: [
    home,
    vacancies,
    selectionEvents,
    reserveLists,
    onboarding,
    mailTemplates,
    jobSites,
    jobSiteReports,
    learningMaterial,
    referrals,
    sites,
    settings,
  ],
  hr_officer: [
    home,
    vacancyRequests,
    approvals,
    vacancies,
    selectionEvents,
    reserveLists,
    onboarding,
    learningMaterial,
    settings,
  ],
  employer_contact: [
    home,
    vacancies,
    proposed,
    talentPools,
    timesheets,
    documents,
    messages,
    referrals,
    sites,
    settings,
  ],
  account_manager: [
    home,
    explorer,
    favourites,
    vacancies,
    employers,
    talentPools,
    placements,
    history,
    messages,
    referrals,
    sites,
    settings,
  ],
  org_admin: [
    home,
    explorer,
    favourites,
    vacancies,
    employers,
    talentPools,
    placements,
    history,
    messages,
    referrals,
    selectionEvents,
    reserveLists,
    onboarding,
    mailTemplates,
    jobSites,
    jobSiteReports,
    learningMaterial,
    users,
    sso,
    sites,
    settings,
  ],
  platform_admin: [
    home,
    vacancies,
    selectionEvents,
    reserveLists,
    jobSites,
    jobSiteReports,
    referrals,
    portals,
    organisations,
    users,
    sso,
    jobs,
    sites,
    settings,
  ],
};

/**
 * Someone with several roles sees the menu of the most capable one; ROLES is ordered from
 * most to least capable.
 */
export function menuRole(roles: readonly Role[] | null): MenuRole {
  if (roles === null) return "anonymous";
  return ROLES.find((role) => roles.includes(role)) ?? "candidate";
}

/** The two parts of a portal one account can switch between (Kansenportaal). */
export type Side = "candidate" | "employer";

/** Someone who is a candidate and also staff can look at the portal from either side. */
export function hasBothSides(roles: readonly Role[] | null): boolean {
  if (!roles?.includes("candidate")) return false;
  return roles.some((role) => role !== "candidate");
}

/** The menu role for a chosen side; the side only matters to people who have both. */
export function menuRoleOnSide(roles: readonly Role[] | null, side: Side): MenuRole {
  if (side === "candidate" && hasBothSides(roles)) return "candidate";
  return menuRole(roles);
}

/** Longest matching prefix wins, so /vacaturebeheer/123 highlights "Vacatures", not "Home". */
export function activeMenuHref(items: readonly MenuItem[], pathname: string): string | null {
  let best: string | null = null;
  for (const { href: target, external } of items) {
    // Items pointing at a tab of a page (?tab=…) never outrank the page itself; server pages
    // are never the app's current page.
    if (target.includes("?") || external) continue;
    const href = target;
    const matches = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
    if (matches && (best === null || href.length > best.length)) best = href;
  }
  return best;
}
