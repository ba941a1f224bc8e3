export * from './auction.rules';
export * from './bid';
export * from './bid.rules';
export * from './bid.service';
export * from './money.rules';
export * from './ports';
export * from './retry';
export * from './supplier-gate';
