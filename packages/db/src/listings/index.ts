export * from './listing.keys';
export * from './listing.repository';
