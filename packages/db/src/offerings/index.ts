export * from './offering.keys';
export * from './offering.repository';
