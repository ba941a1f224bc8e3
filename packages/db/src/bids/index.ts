export * from './auction-state';
export * from './bid.keys';
export * from './bid.repository';
export * from './bidding-need.repository';
export * from './bidding-tx';
export * from './closing-schedule.repository';
export * from './need-gate';
