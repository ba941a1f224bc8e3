export * from './matching.consumer';
export * from './need-events.consumer';
export * from './need-index.consumer';
