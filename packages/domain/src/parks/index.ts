export * from './park';
export * from './park.service';
export * from './ports';
