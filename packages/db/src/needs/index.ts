export * from './bidder-reader';
export * from './filtered-query';
export * from './need.keys';
export * from './need.repository';
export * from './park-demand';
