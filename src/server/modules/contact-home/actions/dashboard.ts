import type { ContactDashboardResponse, ContactMonthFigures } from "../../../../contracts/contact-home";
import type { Store } from "../../../platform/store";
import type { Caller } from "../../tenancy";
import { CONTACT_HOME_ROLES } from "../contact-home.policy";
import { contactDashboardRepository } from "../contact-home.repository";

export interface ContactHomeDeps {
  store: Store;
  /** Today's date in the Netherlands (`YYYY-MM-DD`); tests may pin it. */
  today: () => string;
  /** The proposals waiting for this contact's verdict (the matches module counts them). */
  proposalsWaiting: (caller: Caller) => Promise<number>;
  /** The submitted weeks waiting for this contact's approval (the placements module counts them). */
  timesheetsWaiting: (caller: Caller) => Promise<number>;
  /** Whether the caller works with referrals, and their unread notices of new ones (referrals module). */
  referrals: (caller: Caller) => Promise<{ works: boolean; unread: number }>;
}

/** The 12 months ending with the one `today` falls in, oldest first, as `YYYY-MM`. */
export function lastTwelveMonths(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months: string[] = [];
  for (let back = 11; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
  }
  return months;
}

/**
 * The contact's dashboard (Carerix): the employer's active vacancies, the proposed candidates
 * waiting for a verdict, and the proposals, approvals and rejections of the last 12 months.
 * Everything is counted over the employers the caller is a contact person of, never more.
 */
export async function contactDashboard(
  deps: ContactHomeDeps,
  caller: Caller,
): Promise<ContactDashboardResponse> {
  const scope = await caller.scopeAs(CONTACT_HOME_ROLES);
  const repo = deps.store.bind(scope, contactDashboardRepository);
  const today = deps.today();
  const months = lastTwelveMonths(today);
  const [employers, active, proposed, timesheets, steps, referrals] = await Promise.all([
    repo.employers(),
    repo.activeVacancies(today),
    deps.proposalsWaiting(caller),
    deps.timesheetsWaiting(caller),
    repo.stepsPerMonth(months[0]!),
    deps.referrals(caller),
  ]);
  const byMonth = new Map<string, ContactMonthFigures>(
    months.map((month) => [month, { month, proposed: 0, approved: 0, declined: 0 }]),
  );
  for (const step of steps) {
    const figures = byMonth.get(step.month);
    if (figures) figures[step.key] += step.n;
  }
  return {
    employers,
    activeVacancies: { count: active },
    proposed: { count: proposed },
    timesheets: { count: timesheets },
    newReferrals: referrals.works ? { count: referrals.unread } : null,
    figures: [...byMonth.values()],
  };
}
