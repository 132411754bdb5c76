import type {
  AccountManagerHomeResponse,
  EmployerListQuery,
  EmployerListResponse,
} from "../../../../contracts/employers";
import type { Caller } from "../../tenancy";
import { employerActivityRepository, visitsRepository } from "../employer-activity.repository";
import { crmScopesOf } from "../employers.policy";
import { presentChange, presentListItem } from "../employers.presenter";
import { EMPLOYER_PAGE_SIZE, employersRepository } from "../employers.repository";
import type { EmployerDeps } from "./context";

/** The employers overview: search, account manager and archive filters, sorting, pages of 20. */
export async function listEmployers(
  { store }: EmployerDeps,
  caller: Caller,
  query: EmployerListQuery,
): Promise<EmployerListResponse> {
  const scopes = await crmScopesOf(caller);
  const { rows, total } = await store
    .bind(scopes.read, employersRepository)
    .list(query, { userId: caller.userId() });
  return {
    employers: rows.map((r) => presentListItem(r, r.accountManagerUserId ? r.manager : null)),
    total,
    page: query.page,
    pageSize: EMPLOYER_PAGE_SIZE,
  };
}

const HOME = "employers-home";
/** A first visit shows what changed in the last two weeks. */
const FIRST_VISIT_DAYS = 14;

/** The account manager's home: my employers, my vacancies, and what changed since my last visit. */
export async function accountManagerHome(
  { store }: EmployerDeps,
  caller: Caller,
): Promise<AccountManagerHomeResponse> {
  const userId = caller.userId();
  const scopes = await crmScopesOf(caller);
  const visits = store.bind(await caller.self(), visitsRepository);
  const employers = store.bind(scopes.read, employersRepository);
  const activity = store.bind(scopes.read, employerActivityRepository);
  const since = await visits.last(HOME);
  const mine = await employers.list(
    { accountManager: "mine", archive: "active", sort: "name", order: "asc", page: 1 },
    { userId },
  );
  const myVacancies = await store.bind(scopes.work, employerActivityRepository).vacanciesManagedBy(userId);
  const after = since ?? new Date(Date.now() - FIRST_VISIT_DAYS * 86_400_000);
  const family = await employers.families(mine.rows.map((r) => r.id));
  const changes = (await activity.changesByVacancy(family, after, userId)).map(presentChange);
  await visits.record(HOME, new Date());
  const managers = new Map(
    (await store.bind(scopes.team, employerActivityRepository).teamManagers()).map((m) => [m.id, m] as const),
  );
  return {
    employers: mine.rows.map((r) =>
      presentListItem(
        { ...r, archivedAt: null },
        r.accountManagerUserId ? (managers.get(r.accountManagerUserId) ?? null) : null,
      ),
    ),
    vacancies: myVacancies,
    changes,
    lastVisitAt: since?.toISOString() ?? null,
  };
}
