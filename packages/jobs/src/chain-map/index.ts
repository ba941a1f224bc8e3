export * from './chain-map.consumer';
export * from './rebuild';
