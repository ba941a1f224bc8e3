import type { EntityNames, MailedNotification } from '@parkbridge/domain/mail';
import type { NotificationKind } from '@parkbridge/domain/notifications';

/**
 * One notification of every kind, with the data its producer really writes (the services under
 * packages/domain build these shapes), and the names a reader would find for them.
 */
export const NAMES: EntityNames = {
  needs: { need_01J00000000000000000000001: 'Cold-rolled steel coil, 2 mm' },
  deals: { deal_01J000000000000000000DEAL1: 'Cold-rolled steel coil, 2 mm' },
  expos: { expo_01J000000000000000000EXPO1: 'Eshtehard Industry Week 2026' },
};

const needId = 'need_01J00000000000000000000001';
const dealId = 'deal_01J000000000000000000DEAL1';
const expoId = 'expo_01J000000000000000000EXPO1';
const booking = {
  bookingId: 'bkg_01J0000000000000000000BKG1',
  expoId,
  slotId: 'slot_1',
  sliceId: null,
  slotCode: 'A-12',
  status: 'held',
  expiresAt: '2026-03-02T09:15:00.000Z',
};

const offering = {
  offeringId: 'off_01J00000000000000000OFFER1',
  parkId: 'park_1',
  title: 'Former dairy line, hall B',
};

export const SAMPLE_DATA: Record<NotificationKind, { entityId: string; data: Record<string, unknown> }> = {
  'need.matched': {
    entityId: needId,
    data: {
      needId,
      title: 'Cold-rolled steel coil, 2 mm',
      category: '2410',
      parkId: 'park_1',
      closesAt: '2026-03-09T12:00:00.000Z',
      score: 87,
      listingId: 'lst_1',
    },
  },
  'need.amended': {
    entityId: needId,
    data: {
      needId,
      title: 'Cold-rolled steel coil, 2 mm',
      seq: 1,
      reason: 'Thicker coil',
      fields: ['description'],
      closesAt: '2026-03-09T12:00:00.000Z',
      closeMoved: false,
    },
  },
  'need.cancelled': { entityId: needId, data: { needId, reason: 'The line is shut for a month' } },
  'need.extended': {
    entityId: needId,
    data: { needId, closesAt: '2026-03-10T12:00:00.000Z', reason: 'anti_sniping' },
  },
  'need.closed': { entityId: needId, data: { needId, bids: 3 } },
  'question.asked': { entityId: needId, data: { needId, questionId: 'q_1' } },
  'question.answered': { entityId: needId, data: { needId, questionId: 'q_1' } },
  'bid.outbid': { entityId: needId, data: { needId } },
  'bid.needs_reconfirmation': { entityId: needId, data: { needId, amendment: 1 } },
  'bid.won': { entityId: needId, data: { needId, bidId: 'bid_1', dealId } },
  'bid.lost': { entityId: needId, data: { needId, bidId: 'bid_2' } },
  'award.approval_requested': { entityId: needId, data: { needId, bidId: 'bid_1', requestId: 'awr_1' } },
  'deal.confirmed': { entityId: dealId, data: { dealId, needId } },
  'deal.delivered': { entityId: dealId, data: { dealId, needId } },
  'deal.accepted': { entityId: dealId, data: { dealId, needId } },
  'deal.rated': { entityId: dealId, data: { dealId, needId } },
  'deal.cancelled': {
    entityId: dealId,
    data: { dealId, needId, by: 'buyer', reason: 'Found it in the park' },
  },
  'deal.message': { entityId: dealId, data: { dealId, needId, messageId: 'msg_1' } },
  'booking.requested': { entityId: booking.bookingId, data: { ...booking, status: 'requested' } },
  'booking.confirmed': { entityId: booking.bookingId, data: { ...booking, status: 'confirmed' } },
  'booking.rejected': { entityId: booking.bookingId, data: { ...booking, status: 'rejected' } },
  'booking.cancelled': { entityId: booking.bookingId, data: { ...booking, status: 'cancelled' } },
  'booking.offered': { entityId: booking.bookingId, data: booking },
  'booking.expired': { entityId: booking.bookingId, data: { ...booking, status: 'expired' } },
  'offering.won': { entityId: offering.offeringId, data: offering },
  'offering.lost': { entityId: offering.offeringId, data: offering },
  'offering.cancelled': {
    entityId: offering.offeringId,
    data: { offeringId: offering.offeringId, title: offering.title, reason: 'The plot is needed for a road' },
  },
  'email.suppressed': {
    entityId: 'usr_1',
    data: { userId: 'usr_1', name: 'Reza', email: 'reza@alborz.example', reason: 'bounce' },
  },
};

export const sampleNotification = (kind: NotificationKind, i = 0): MailedNotification => ({
  notificationId: `ntf_${kind.replace(/\W/g, '')}${i}`,
  orgId: 'org_1',
  kind,
  ...SAMPLE_DATA[kind],
  createdAt: '2026-03-01T10:00:00.000Z',
});
