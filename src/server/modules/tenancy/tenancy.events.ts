/**
 * The events of platform administration (decision 0032), each written in the transaction of its
 * change. Nothing subscribes yet: they are the record of what the platform admin did, and the
 * hook for webhooks or mail later. Payloads hold ids and the fields that changed, not free text.
 * - portal.created / portal.updated / portal.deactivated / portal.reactivated: subject { portalId }
 *   (portal.updated: payload { fields })
 * - organisation.created: subject { organisationId }; payload { kind, parentId }
 * - organisation.updated: subject { organisationId }; payload { fields }
 * - organisation.moved: subject { organisationId }; payload { fromParentId, toParentId }
 * - organisation.deactivated / organisation.reactivated / organisation.deleted: subject { organisationId }
 */
export const TENANCY_EVENTS = {
  portalCreated: "portal.created",
  portalUpdated: "portal.updated",
  portalDeactivated: "portal.deactivated",
  portalReactivated: "portal.reactivated",
  organisationCreated: "organisation.created",
  organisationUpdated: "organisation.updated",
  organisationMoved: "organisation.moved",
  organisationDeactivated: "organisation.deactivated",
  organisationReactivated: "organisation.reactivated",
  organisationDeleted: "organisation.deleted",
} as const;
