export * from './need.keys';
export * from './need.repository';
export * from './park-demand';
