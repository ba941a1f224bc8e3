export * from './chain';
export * from './chain.service';
export * from './ports';
