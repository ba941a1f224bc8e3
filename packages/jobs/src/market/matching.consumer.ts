import type { MatchingService, MatchWork } from '@parkbridge/domain/matching';
import { type Change, fieldsDiffer, typeOf } from '../stream/change';
import type { StreamConsumer } from '../stream/consumer';

/** Fields whose change can change a need's matches (status is handled on its own). */
const NEED_FIELDS = [
  // Copied onto its matches (a buyer's matches across its needs).
  'title',
  'category',
  'quantity',
  'unit',
  'recurrence',
  'requiredCertificates',
  'parkId',
  'visibility',
  'ownerOrgId',
];
const LISTING_FIELDS = [
  // Shown on the owner's list of matches, which carries a copy.
  'title',
  'kind',
  'category',
  'unit',
  'capacityPerPeriod',
  'period',
  'minOrder',
  'leadTimeDays',
  'serviceArea',
  'certificates',
  'availableUntil',
  'parkId',
  'location',
  'country',
];

function needChange(c: Change): boolean {
  const wasOpen = c.oldImage?.status === 'open';
  const isOpen = c.newImage?.status === 'open';
  if (wasOpen !== isOpen) return true;
  return isOpen && fieldsDiffer(c.oldImage, c.newImage, NEED_FIELDS);
}

function listingChange(c: Change): boolean {
  const wasActive = c.oldImage?.status === 'active';
  const isActive = c.newImage?.status === 'active';
  if (wasActive !== isActive) return true;
  return isActive && fieldsDiffer(c.oldImage, c.newImage, LISTING_FIELDS);
}

/** An approval, rejection, suspension or change of roles of a supplier's membership. */
const membershipChange = (c: Change) => fieldsDiffer(c.oldImage, c.newImage, ['status', 'suspended', 'as']);
/** A supplier's new name: its matches carry a copy. */
const nameChange = (c: Change) => c.kind === 'MODIFY' && fieldsDiffer(c.oldImage, c.newImage, ['name']);
/** A certificate kind newly held, or held longer (verifications move the marker). */
const heldKindChange = (c: Change) => fieldsDiffer(c.oldImage, c.newImage, ['heldUntil']);

const image = (c: Change) => (c.newImage ?? c.oldImage) as Record<string, unknown>;

/**
 * Matching, off the table's stream: a need opening, changing or closing; a listing published,
 * changed, paused or withdrawn; a supplier approved or suspended, or a certificate verified; a
 * supplier renamed (the copy of its name on its matches). Each record does one bounded step of the
 * run and leaves the next as a work item, whose own record comes back here (match-work.ts).
 * Every step recomputes from the current items, so a redelivered record changes nothing and
 * a matched supplier is notified once per need (the notification's dedupe key).
 */
export function matchingConsumer(matching: MatchingService): StreamConsumer {
  return {
    name: 'market.matching',
    wants(change) {
      switch (typeOf(change)) {
        case 'need':
          return needChange(change);
        case 'listing':
          return listingChange(change);
        case 'membership':
          return membershipChange(change);
        case 'certificate-kind':
          return heldKindChange(change);
        case 'org':
          return nameChange(change);
        case 'match-work':
          return change.kind === 'INSERT';
        default:
          return false;
      }
    },
    async handle(change) {
      const item = image(change);
      const work = workOf(typeOf(change), item);
      if (work) await matching.advance(change.id, work);
      else if (typeOf(change) === 'org') await matching.renameSupplier(String(item.orgId));
    },
  };
}

function workOf(type: string | undefined, item: Record<string, unknown>): MatchWork | null {
  switch (type) {
    case 'need':
      return { kind: 'match-need', needId: String(item.needId) };
    case 'listing':
      return { kind: 'match-listing', listingId: String(item.listingId) };
    case 'membership':
    case 'certificate-kind':
      return { kind: 'rematch-supplier', orgId: String(item.orgId) };
    case 'match-work':
      return item.work as MatchWork;
    default:
      return null;
  }
}
