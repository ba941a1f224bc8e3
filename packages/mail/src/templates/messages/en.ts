/**
 * The emails' words in English: the source of every key. The other languages are typed against
 * it, so a key missing in one of them does not compile, and the template tests render every kind
 * in every language. Placeholders are {name}; the catalogue (catalogue.ts) says which each email
 * may use, and a placeholder it cannot fill fails the test, never an email.
 */
export const en = {
  'mail.greeting': 'Hello {name},',
  'mail.why': 'You receive this email because of your Parkbridge email settings.',
  'mail.settings': 'Change what Parkbridge emails you',
  'mail.unsubscribe': 'Unsubscribe from emails like this',
  'mail.unsubscribeDigest': 'Stop the daily digest',
  'mail.signature': 'Parkbridge, the marketplace of your industrial park',
  'mail.linkHint': 'Or open this address:',

  'action.need': 'Open the need',
  'action.deal': 'Open the deal',
  'action.dealRoom': 'Open the deal room',
  'action.offering': 'Open the offering',
  'action.bookings': 'See your bookings',
  'action.expoBookings': 'Review the bookings',
  'action.settings': 'Open your settings',
  'action.digest': 'Open Parkbridge',

  'digest.subject': 'Your Parkbridge digest for {date}',
  'digest.intro': 'Here is what happened since your last digest.',
  'digest.more': 'There is more in your notifications in the app.',

  'need.matched.subject': 'A new need matches your listings: {need}',
  'need.matched.body':
    'The need “{need}” was just published and matches what you offer. Bids close on {closesAt}.',
  'need.amended.subject': 'A need you bid on was amended: {need}',
  'need.amended.body': 'The buyer amended “{need}”: {reason}. Check the new terms and reconfirm your bid.',
  'need.cancelled.subject': 'A need you bid on was cancelled: {need}',
  'need.cancelled.body': 'The buyer cancelled “{need}”. The reason given: {reason}',
  'need.extended.subject': 'The close of “{need}” moved',
  'need.extended.body': 'Bids on “{need}” now close on {closesAt}.',
  'need.closed.subject': 'Bidding on your need has closed: {need}',
  'need.closed.body':
    'Bidding on “{need}” has closed with {bids} bid(s). Compare them and award one, or cancel with a reason.',
  'question.asked.subject': 'A supplier asked a question about {need}',
  'question.asked.body':
    'A supplier asked a question about your need “{need}”. Answer it: every bidder sees the answer, never the asker.',
  'question.answered.subject': 'A question about {need} was answered',
  'question.answered.body':
    'The buyer answered a question about “{need}”. Read the answer before you bid or revise.',
  'bid.outbid.subject': 'You were outbid on {need}',
  'bid.outbid.body':
    'Another supplier now offers the best price on “{need}”. You may revise your bid until the close.',
  'bid.needs_reconfirmation.subject': 'Reconfirm your bid on {need}',
  'bid.needs_reconfirmation.body':
    'The need “{need}” was amended, so your bid must be reconfirmed under the new terms.',
  'bid.won.subject': 'Your bid won: {need}',
  'bid.won.body':
    'The buyer awarded your bid on “{need}”. Deal {dealRef} was created: confirm it to go ahead.',
  'bid.lost.subject': 'The buyer chose another bid on {need}',
  'bid.lost.body': 'The buyer awarded another bid on “{need}”. Thank you for bidding.',
  'award.approval_requested.subject': 'An award on {need} waits for your approval',
  'award.approval_requested.body':
    'A colleague asked to award “{need}” above your organisation’s approval threshold. It waits for a second admin: open the need to approve or decline it.',
  'deal.confirmed.subject': 'Deal {dealRef} confirmed: {deal}',
  'deal.confirmed.body': 'The seller confirmed deal {dealRef} for “{deal}”.',
  'deal.delivered.subject': 'Deal {dealRef} delivered: {deal}',
  'deal.delivered.body':
    'The seller marked deal {dealRef} for “{deal}” as delivered. Accept the delivery once the goods are with you.',
  'deal.accepted.subject': 'Delivery accepted on deal {dealRef}: {deal}',
  'deal.accepted.body':
    'The buyer accepted the delivery of deal {dealRef} for “{deal}”. You can now rate each other.',
  'deal.rated.subject': 'You were rated on deal {dealRef}',
  'deal.rated.body': 'The other side rated deal {dealRef} for “{deal}”.',
  'deal.cancelled.subject': 'Deal {dealRef} was cancelled: {deal}',
  'deal.cancelled.body': 'The other side cancelled deal {dealRef} for “{deal}”. The reason given: {reason}',
  'deal.message.subject': 'New message on deal {dealRef}: {deal}',
  'deal.message.body': 'The other side wrote to you in the room of deal {dealRef} for “{deal}”.',
  'booking.requested.subject': 'Slot {slot} at {expo} awaits your approval',
  'booking.requested.body': 'A firm asked to book slot {slot} at {expo}. Approve or reject the booking.',
  'booking.confirmed.subject': 'Your booking of slot {slot} at {expo} is confirmed',
  'booking.confirmed.body': 'The park approved your booking of slot {slot} at {expo}.',
  'booking.rejected.subject': 'Your booking of slot {slot} at {expo} was rejected',
  'booking.rejected.body':
    'The park rejected your booking of slot {slot} at {expo}. Other slots may still be free.',
  'booking.cancelled.subject': 'The booking of slot {slot} at {expo} was cancelled',
  'booking.cancelled.body': 'The booking of slot {slot} at {expo} was cancelled.',
  'booking.offered.subject': 'Slot {slot} at {expo} is held for you',
  'booking.offered.body':
    'Slot {slot} at {expo}, which you waited for, is held for you until {expiresAt}. Submit the booking before then.',
  'booking.expired.subject': 'Your hold on slot {slot} at {expo} expired',
  'booking.expired.body':
    'Your hold on slot {slot} at {expo} expired before the booking was submitted, so the slot is free again.',
  'offering.won.subject': 'Your bid for {offering} won',
  'offering.won.body':
    'The park awarded “{offering}” to your bid, and your firm is now an approved tenant of the park.',
  'offering.lost.subject': '{offering} went to another bid',
  'offering.lost.body': 'The park awarded “{offering}” to another bidder. Thank you for bidding.',
  'offering.cancelled.subject': '{offering} was withdrawn',
  'offering.cancelled.body': 'The park withdrew “{offering}”, on which you bid. The reason given: {reason}',
  'email.suppressed.subject': 'Email to {address} cannot be delivered',
  'email.suppressed.body':
    'Email to {person} ({address}) bounced or was marked as spam, so Parkbridge stopped sending to it. Check the address in the settings.',

  'invitation.subject': '{inviterName} invites you to {orgName} on Parkbridge',
  'invitation.body':
    '{inviterName} invites you to join {orgName} on Parkbridge as {role}. The invitation is valid until {expiresAt}.',
  'invitation.action': 'Accept the invitation',
  'role.admin': 'administrator',
  'role.buyer': 'buyer',
  'role.seller': 'seller',
  'role.viewer': 'viewer',
  'role.staff': 'staff',

  'account.verify.subject': 'Your Parkbridge verification code',
  'account.verify.body':
    'Your verification code is {code}. Enter it in Parkbridge to confirm your email address.',
  'account.reset.subject': 'Reset your Parkbridge password',
  'account.reset.body':
    'Your code to reset your password is {code}. If you did not ask for it, ignore this email.',
  'account.welcome.subject': 'Your Parkbridge account',
  'account.welcome.body':
    'An account was made for you. Sign in as {username} with the temporary password {code} and choose your own.',
  'account.signIn.subject': 'Your Parkbridge sign-in code',
  'account.signIn.body': 'Your sign-in code is {code}.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
