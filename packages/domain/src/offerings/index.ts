export * from './offering';
export * from './offering.rules';
export * from './offering.service';
export * from './offering-award.service';
export * from './offering-bid.service';
export * from './ports';
