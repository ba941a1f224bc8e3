import type { Stored } from '../core';
import type { Invitation } from '../people/invitation';
import type { InvitationMailer } from '../people/invitation.service';
import type { MailMessages } from './mail-messages';
import { effectivePreferences } from './preferences';

/**
 * An invitation goes out as a direct message of the outbox, once per invitation, in the inviting
 * firm's country's language (the invitee has no settings yet), with the link whose secret is its
 * only proof. Without a web origin to link to, nothing is sent: the invitee still finds it in
 * GET /v1/invitations/mine.
 */
export function invitationMailer(d: {
  messages: Pick<MailMessages, 'send'>;
  countryOf: (orgId: string) => Promise<string | null>;
  webOrigin: () => string | undefined;
}): InvitationMailer {
  return {
    async send(invitation: Stored<Invitation>, secret: string) {
      const origin = d.webOrigin();
      if (!origin) return;
      const country = await d.countryOf(invitation.orgId);
      const link = new URL(`/invitations/${invitation.invitationId}`, origin);
      link.searchParams.set('token', secret);
      await d.messages.send({
        template: 'invitation',
        to: invitation.email,
        language: effectivePreferences(null, { country }).language,
        vars: {
          orgName: invitation.orgName,
          role: invitation.role,
          inviterName: invitation.invitedByName,
          link: link.toString(),
          expiresAt: invitation.expiresAt,
        },
        dedupeKey: `invitation#${invitation.invitationId}`,
      });
    },
  };
}
