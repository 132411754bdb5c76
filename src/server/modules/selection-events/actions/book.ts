import type { MyInvitation } from "../../../../contracts/selection-events";
import { AppError } from "../../../platform/errors";
import type { Caller } from "../../tenancy";
import { SELECTION_EVENT_EVENTS, selectionEvent } from "../selection-events.events";
import { presentMyInvitation } from "../selection-events.presenter";
import { myInvitationsRepository } from "../selection-events.repository";
import type { SelectionEventDeps } from "./plan";

/** The applicant's invitations, each with its slots' free places and their own booking. */
export async function myInvitations(deps: SelectionEventDeps, caller: Caller): Promise<MyInvitation[]> {
  const scope = await caller.self();
  const { rows, sessions, slots } = await deps.store.bind(scope, myInvitationsRepository).list();
  const now = deps.now();
  return rows.map((row) => presentMyInvitation(row, sessions, slots, now));
}

export async function myInvitation(
  deps: SelectionEventDeps,
  caller: Caller,
  id: string,
): Promise<MyInvitation> {
  const found = (await myInvitations(deps, caller)).find((i) => i.id === id);
  // Someone else's invitation, or none: the same answer, so ids cannot be probed.
  if (!found) throw new AppError("not_found");
  return found;
}

/**
 * Books a slot, or moves the booking to another one, until the deadline. The invitation row and
 * then the slot row are locked, so two applicants racing for a slot's last place are served one
 * after the other and the second finds it full. The calendar SEQUENCE rises with each change.
 */
export async function book(
  deps: SelectionEventDeps,
  caller: Caller,
  invitationId: string,
  slotId: string,
): Promise<MyInvitation> {
  const scope = await caller.self();
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const repo = tx.bind(scope, myInvitationsRepository);
    const found = await repo.lock(invitationId);
    if (!found) throw new AppError("not_found");
    if (found.procedureClosed) throw new AppError("procedure_closed");
    if (deps.now() >= found.event.bookingDeadline) throw new AppError("booking_closed");
    if (found.invitation.slotId === slotId) throw new AppError("already_booked");
    const slot = await repo.lockSlot(invitationId, found.event.id, slotId);
    if (!slot) throw new AppError("not_found");
    if (slot.taken >= slot.capacity) throw new AppError("slot_full");
    const changed = found.invitation.slotId !== null;
    const row = await repo.setSlot(invitationId, slotId);
    await tx.emit(
      selectionEvent(
        SELECTION_EVENT_EVENTS.booked,
        {
          organisationId: found.event.organisationId,
          portalId: null,
          vacancyId: found.event.vacancyId,
          eventId: found.event.id,
        },
        { id: row.id, matchId: row.matchId, candidateId: found.candidateId },
        userId,
        { slotId, sequence: row.sequence, changed },
      ),
    );
  });
  return myInvitation(deps, caller, invitationId);
}

/** Cancels the booking until the deadline; the calendar gets a METHOD:CANCEL with the same UID. */
export async function cancelBooking(
  deps: SelectionEventDeps,
  caller: Caller,
  invitationId: string,
): Promise<MyInvitation> {
  const scope = await caller.self();
  const userId = caller.userId();
  await deps.store.transaction(async (tx) => {
    const repo = tx.bind(scope, myInvitationsRepository);
    const found = await repo.lock(invitationId);
    if (!found) throw new AppError("not_found");
    if (found.procedureClosed) throw new AppError("procedure_closed");
    if (deps.now() >= found.event.bookingDeadline) throw new AppError("booking_closed");
    const was = found.invitation.slotId;
    if (!was) throw new AppError("not_booked");
    const row = await repo.setSlot(invitationId, null);
    await tx.emit(
      selectionEvent(
        SELECTION_EVENT_EVENTS.cancelled,
        {
          organisationId: found.event.organisationId,
          portalId: null,
          vacancyId: found.event.vacancyId,
          eventId: found.event.id,
        },
        { id: row.id, matchId: row.matchId, candidateId: found.candidateId },
        userId,
        { slotId: was, sequence: row.sequence },
      ),
    );
  });
  return myInvitation(deps, caller, invitationId);
}
