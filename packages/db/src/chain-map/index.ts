export * from './chain-map.keys';
export * from './chain-map.reader';
export * from './chain-map.sources';
export * from './contribution.repository';
