export * from './amendments.consumer';
export * from './matching.consumer';
