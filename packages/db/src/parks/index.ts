export * from './park.repository';
