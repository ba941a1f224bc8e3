export * from './auction-state';
export * from './bid.keys';
export * from './bid.repository';
export * from './bidder-reader';
export * from './bidding-need.repository';
export * from './closing-schedule.repository';
export * from './need-gate';
