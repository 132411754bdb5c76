import type {
  ReferralColour,
  ReferralSettings,
  UpdateReferralSettingsRequest,
} from "../../../contracts/referrals";

/*
 * The settings page edits a copy of the organisation's milestones; saving sends the whole
 * ordered list, existing milestones by their phaseId and new ones without.
 */

export interface DraftOption {
  uid: string;
  key?: string;
  colour: ReferralColour;
  label: { nl: string; en: string };
}

export interface DraftMilestone {
  uid: string;
  phaseId: string | null;
  label: { nl: string; en: string };
  options: DraftOption[];
  points: number;
}

let counter = 0;
const uid = () => `n${++counter}`;

export function toDraft(settings: ReferralSettings): DraftMilestone[] {
  return settings.milestones.map((m) => ({
    uid: m.phaseId ?? uid(),
    phaseId: m.phaseId,
    label: { nl: m.label.nl, en: m.label.en },
    points: m.points,
    options: m.options.map((o) => ({
      uid: uid(),
      key: o.key,
      colour: o.colour,
      label: { nl: o.label.nl, en: o.label.en },
    })),
  }));
}

/** The whole ordered list as the server takes it. */
export function toRequest(
  organisationId: string,
  draft: readonly DraftMilestone[],
): UpdateReferralSettingsRequest {
  return {
    organisationId,
    milestones: draft.map((m) => ({
      phaseId: m.phaseId,
      label: { nl: m.label.nl.trim(), en: m.label.en.trim() },
      points: m.points,
      options: m.options.map((o) => ({
        ...(o.key ? { key: o.key } : {}),
        colour: o.colour,
        label: { nl: o.label.nl.trim(), en: o.label.en.trim() },
      })),
    })),
  };
}

/** Moves item `index` one place up (-1) or down (+1). */
export function move<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(target, 0, item);
  return next;
}

export function newOption(colour: ReferralColour): DraftOption {
  return { uid: uid(), colour, label: { nl: "", en: "" } };
}

/** A milestone being added: a green, an orange and a red outcome to name. */
export function newMilestone(): DraftMilestone {
  return {
    uid: uid(),
    phaseId: null,
    label: { nl: "", en: "" },
    points: 0,
    options: [newOption("green"), newOption("orange"), newOption("red")],
  };
}
