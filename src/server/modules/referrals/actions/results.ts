import { randomBytes } from "node:crypto";
import type {
  ReferralSettings,
  ReferralStatsResponse,
  UpdateReferralSettingsRequest,
} from "../../../../contracts/referrals";
import { AppError } from "../../../platform/errors";
import { reaches } from "../../../platform/scope";
import { editMilestones, milestonesOf, referralProcedureOf } from "../../matches";
import { siteLimitsOf } from "../../sites";
import type { Caller } from "../../tenancy";
import { referralsRepository } from "../referrals.repository";
import { type ReferralDeps, staffReach } from "./context";
import { pointsTable } from "./points";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The months (yyyy-mm) from the month of `from` to that of `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split("-").map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    months.push(month);
    if (month >= end) break;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

/**
 * Results for the organisation: the referrers' leaderboard (referrals, hires, points) per site and
 * period, and referrals and hires per month. Default period: this month and the 11 before it.
 */
export async function referralStats(
  deps: ReferralDeps,
  caller: Caller,
  query: { siteId?: string | undefined; from?: string | undefined; to?: string | undefined },
  today: string,
): Promise<ReferralStatsResponse> {
  const { scope, reach } = await staffReach(deps, caller);
  const to = query.to ?? today;
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  const from = query.from ?? isoDay(new Date(Date.UTC(ty, tm - 12, 1)));
  if (from > to) throw new AppError("validation_failed");
  const period = { from: day(from), to: new Date(day(to).getTime() + 86_400_000), siteId: query.siteId };
  const repo = deps.store.bind(scope, referralsRepository);
  const [board, months] = await Promise.all([repo.leaderboard(reach, period), repo.perMonth(reach, period)]);
  const count = (rows: readonly { userId: string | null; n: number }[], id: string) =>
    rows.find((r) => r.userId === id)?.n ?? 0;
  const leaderboard = board.names
    .map((person) => ({
      referrer: person,
      referrals: count(board.made, person.id),
      hires: count(board.hired, person.id),
      points: count(board.points, person.id),
    }))
    .sort(
      (a, b) =>
        b.points - a.points ||
        b.hires - a.hires ||
        b.referrals - a.referrals ||
        a.referrer.name.localeCompare(b.referrer.name, "nl"),
    );
  const inMonth = (rows: readonly { month: string; n: number }[], month: string) =>
    rows.find((r) => r.month === month)?.n ?? 0;
  return {
    from,
    to,
    leaderboard,
    perMonth: monthsBetween(from, to).map((month) => ({
      month,
      referrals: inMonth(months.made, month),
      hires: inMonth(months.hired, month),
    })),
  };
}

/** Which organisation's settings: the one asked for, or the caller's only one. */
async function settingsScope(deps: ReferralDeps, caller: Caller, organisationId: string | undefined) {
  const { scope, actor } = await staffReach(deps, caller);
  const own = [...new Set([...actor.managerOf, ...actor.selectionOf, ...actor.accountManagerFor])];
  const id = organisationId ?? (own.length === 1 ? own[0] : undefined);
  if (!id) throw new AppError("validation_failed");
  if (!reaches(scope, id)) throw new AppError("not_found");
  // Someone limited to sites works with candidates, not with the organisation's settings.
  if ((await siteLimitsOf(deps.store, caller, id)).length > 0) throw new AppError("forbidden");
  return { scope, organisationId: id };
}

/** The organisation's milestones with their outcomes, and the points a green outcome gives. */
export async function getReferralSettings(
  deps: ReferralDeps,
  caller: Caller,
  organisationId: string | undefined,
): Promise<ReferralSettings> {
  const { scope, organisationId: id } = await settingsScope(deps, caller, organisationId);
  const procedure = await referralProcedureOf(deps, scope, id);
  const points = pointsTable(await deps.store.bind(scope, referralsRepository).pointRules(id));
  return {
    organisationId: id,
    procedureId: procedure.id,
    milestones: milestonesOf(procedure).map((m) => ({
      phaseId: m.id,
      key: m.key,
      label: m.label,
      options: m.outcomeOptions,
      points: points(m.key),
    })),
  };
}

const optionKey = () => `o_${randomBytes(4).toString("hex")}`;

/**
 * Saves the whole ordered list of milestones (renamed, added, moved, removed when unused) and
 * their points, in one transaction: a refused change leaves everything as it was.
 */
export async function updateReferralSettings(
  deps: ReferralDeps,
  caller: Caller,
  input: UpdateReferralSettingsRequest,
): Promise<ReferralSettings> {
  const { scope, organisationId } = await settingsScope(deps, caller, input.organisationId);
  const procedure = await referralProcedureOf(deps, scope, organisationId);
  const keyOf = new Map(procedure.phases.map((p) => [p.id, p.key]));
  const milestones = input.milestones.map((m) => ({
    id: m.phaseId,
    key: m.phaseId ? keyOf.get(m.phaseId) : `m_${randomBytes(4).toString("hex")}`,
    label: { nl: m.label.nl, en: m.label.en, de: m.label.de || m.label.en, fr: m.label.fr || m.label.en },
    outcomeOptions: m.options.map((o) => ({
      key: o.key ?? optionKey(),
      colour: o.colour,
      label: { nl: o.label.nl, en: o.label.en, de: o.label.en, fr: o.label.en },
    })),
    points: m.points,
  }));
  for (const m of milestones) {
    if (!m.outcomeOptions.some((o) => o.colour === "green")) throw new AppError("validation_failed");
    if (new Set(m.outcomeOptions.map((o) => o.key)).size !== m.outcomeOptions.length)
      throw new AppError("validation_failed");
  }
  await deps.store.transaction(async (tx) => {
    await editMilestones(tx, scope, procedure, milestones);
    await tx.bind(scope, referralsRepository).setPointRules(
      organisationId,
      // Every milestone's points, zeros too: an organisation that has rules no longer gets the defaults.
      milestones.flatMap((m) => (m.key ? [{ phaseKey: m.key, points: m.points }] : [])),
    );
  });
  return getReferralSettings(deps, caller, organisationId);
}
