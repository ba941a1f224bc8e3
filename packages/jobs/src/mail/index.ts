export * from './dispatch.job';
export * from './plan.consumer';
