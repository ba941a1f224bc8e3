export * from './booking.keys';
export * from './booking.repository';
export * from './hold-ledger.writes';
export * from './waitlist.keys';
export * from './waitlist.repository';
