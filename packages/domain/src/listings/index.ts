export * from './listing';
export * from './listing.service';
export * from './ports';
