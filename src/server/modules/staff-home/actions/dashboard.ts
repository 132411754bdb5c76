import { addDays, mondayOf } from "../../../../contracts/calendar-weeks";
import {
  CLOSING_SOON_DAYS,
  STAFF_FIGURE_WEEKS,
  STAFF_HOME_ROLES,
  type StaffDashboardResponse,
  type StaffWeekFigures,
} from "../../../../contracts/staff-home";
import type { Store } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { vacancyScopeOf } from "../../vacancies";
import { INVITATION_BLOCK_ROLES, TEAM_BLOCK_ROLES, VACANCY_BLOCK_ROLES } from "../staff-home.policy";
import { staffDashboardRepository } from "../staff-home.repository";

export interface StaffHomeDeps {
  store: Store;
  /** Today's date in the Netherlands (`YYYY-MM-DD`); tests may pin it. */
  today: () => string;
  /** The caller's unread notices: verdicts on their proposals (the matches module counts them). */
  verdictsUnread: (caller: Caller) => Promise<number>;
  /** Messages to the caller's side nobody opened (the messages module counts them). */
  messagesUnread: (caller: Caller) => Promise<number>;
  /** Invitations the caller manages that are still open (the identity module lists them). */
  invitationsOpen: (caller: Caller) => Promise<number>;
  /** Whether the caller works with referrals, and their unread notices of new ones (referrals module). */
  referrals: (caller: Caller) => Promise<{ works: boolean; unread: number }>;
  /** A referrer's unread news about their referred people (referrals module). */
  referralProgressUnread: (caller: Caller) => Promise<number>;
}

/** The Mondays of the last `STAFF_FIGURE_WEEKS` weeks, the one `today` falls in last. */
export function lastWeeks(today: string): string[] {
  const current = mondayOf(today);
  return Array.from({ length: STAFF_FIGURE_WEEKS }, (_, i) =>
    addDays(current, -7 * (STAFF_FIGURE_WEEKS - 1 - i)),
  );
}

const count = (n: number) => ({ count: n });

/**
 * The staff home (issue 19): what waits for the caller, each block only for a role whose menu
 * has the page it links to, and the figures of the last weeks on their team's vacancies.
 * Account managers and org admins count their own vacancies; HR and selection officers (and the
 * platform administrator) all the vacancies they see.
 */
export async function staffDashboard(deps: StaffHomeDeps, caller: Caller): Promise<StaffDashboardResponse> {
  const today = deps.today();
  const team = caller.hasRole(...TEAM_BLOCK_ROLES);
  const vacancyBlocks = caller.hasRole(...VACANCY_BLOCK_ROLES);
  const invitations = caller.hasRole(...INVITATION_BLOCK_ROLES);
  const weeks = lastWeeks(today);
  // Jury members and referrers see their own organisation's figures (no vacancy pages of theirs).
  const scope = vacancyBlocks
    ? await vacancyScopeOf(caller)
    : await caller.scopeAs(STAFF_HOME_ROLES, null, { teamEmployers: "kept" });
  const repo = deps.store.bind(scope, staffDashboardRepository);
  const referrer = caller.hasRole("referrer");
  const [waiting, steps, verdicts, messages, open, referrals, progress] = await Promise.all([
    vacancyBlocks
      ? repo.waiting({
          today,
          until: addDays(today, CLOSING_SOON_DAYS),
          accountManagerUserId: team ? caller.userId() : null,
        })
      : null,
    repo.perWeek(weeks[0]!),
    team ? deps.verdictsUnread(caller) : null,
    team ? deps.messagesUnread(caller) : null,
    invitations ? deps.invitationsOpen(caller) : null,
    deps.referrals(caller),
    referrer ? deps.referralProgressUnread(caller) : null,
  ]);
  const byWeek = new Map<string, StaffWeekFigures>(
    weeks.map((weekStart) => [
      weekStart,
      { weekStart, published: 0, applications: 0, proposals: 0, placements: 0 },
    ]),
  );
  for (const step of steps) {
    const figures = byWeek.get(step.week);
    if (figures) figures[step.series] += step.n;
  }
  return {
    newApplications: waiting
      ? { count: waiting.applications, vacancies: waiting.vacanciesWithApplications }
      : null,
    closingSoon: waiting ? count(waiting.closingSoon) : null,
    verdicts: verdicts === null ? null : count(verdicts),
    messages: messages === null ? null : count(messages),
    invitations: open === null ? null : count(open),
    newReferrals: referrals.works ? count(referrals.unread) : null,
    referralProgress: progress === null ? null : count(progress),
    vacancyFilter: team ? "mine" : "all",
    figures: [...byWeek.values()],
  };
}
