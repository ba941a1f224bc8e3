export * from './parks.routes';
