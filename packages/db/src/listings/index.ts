export * from './listing.keys';
export * from './listing.repository';
export * from './supplier-supply';
