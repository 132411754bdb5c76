import { activityOverview, activityTimeZone } from "./actions/activity-overview";
import { archiveEmployer, deleteEmployer, restoreEmployer } from "./actions/archive-employer";
import { inviteContact, revokeContact } from "./actions/contact-access";
import { addContact, deleteContact, updateContact } from "./actions/contact-persons";
import type { EmployerDeps } from "./actions/context";
import { createEmployer, searchRegistry } from "./actions/create-employer";
import { accountManagerHome, listEmployers } from "./actions/list-employers";
import {
  assignAccountManager,
  assignableManagers,
  getEmployer,
  updateEmployer,
} from "./actions/update-employer";

export type { ContactInvitations, EmployerDeps } from "./actions/context";

type Action<A extends unknown[], R> = (deps: EmployerDeps, ...args: A) => Promise<R>;
type Bound<F> = F extends Action<infer A, infer R> ? (...args: A) => Promise<R> : never;

function bindAll<T extends Record<string, Action<never[], unknown>>>(deps: EmployerDeps, actions: T) {
  return Object.fromEntries(
    Object.entries(actions).map(([name, action]) => [name, (...args: never[]) => action(deps, ...args)]),
  ) as { [K in keyof T]: Bound<T[K]> };
}

/**
 * The employer CRM's actions (one file each under `actions/`) with their dependencies filled in;
 * each but the KvK lookup takes the caller first. Routes parse, call one of these and answer.
 */
export function createEmployerService(deps: EmployerDeps) {
  return bindAll(deps, {
    list: listEmployers,
    home: accountManagerHome,
    registrySearch: searchRegistry,
    accountManagers: assignableManagers,
    activity: activityOverview,
    activityTimeZone,
    create: createEmployer,
    get: getEmployer,
    update: updateEmployer,
    assignAccountManager,
    archive: archiveEmployer,
    unarchive: restoreEmployer,
    remove: deleteEmployer,
    addContact,
    updateContact,
    deleteContact,
    invite: inviteContact,
    revoke: revokeContact,
  });
}

export type EmployerService = ReturnType<typeof createEmployerService>;
