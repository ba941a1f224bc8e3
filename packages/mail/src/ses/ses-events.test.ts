import { describe, expect, it } from 'vitest';
import { suppressionsFromSesEvent } from './ses-events';

const event = (body: unknown) => JSON.stringify(body);

describe('suppressionsFromSesEvent', () => {
  it('suppresses every recipient of a permanent bounce, with its reason', () => {
    expect(
      suppressionsFromSesEvent(
        event({
          eventType: 'Bounce',
          mail: { messageId: 'm-1' },
          bounce: {
            bounceType: 'Permanent',
            bounceSubType: 'General',
            bouncedRecipients: [
              { emailAddress: 'Reza <Reza@Alborz.example>', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
              { emailAddress: 'old@alborz.example' },
            ],
          },
        }),
      ),
    ).toEqual([
      { email: 'reza@alborz.example', reason: 'bounce', detail: 'General: smtp; 550 5.1.1 user unknown' },
      { email: 'old@alborz.example', reason: 'bounce', detail: 'General' },
    ]);
  });

  it('suppresses the complainants of a complaint', () => {
    expect(
      suppressionsFromSesEvent(
        event({
          eventType: 'Complaint',
          complaint: {
            complainedRecipients: [{ emailAddress: 'a@b.example' }],
            complaintFeedbackType: 'abuse',
          },
        }),
      ),
    ).toEqual([{ email: 'a@b.example', reason: 'complaint', detail: 'abuse' }]);
  });

  it('leaves transient bounces, deliveries, other events and garbage alone', () => {
    const transient = {
      eventType: 'Bounce',
      bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'x@y.z' }] },
    };
    expect(suppressionsFromSesEvent(event(transient))).toEqual([]);
    expect(suppressionsFromSesEvent(event({ eventType: 'Delivery', mail: {} }))).toEqual([]);
    expect(suppressionsFromSesEvent('not json')).toEqual([]);
    expect(suppressionsFromSesEvent(event({ eventType: 'Bounce' }))).toEqual([]);
  });
});
