export * from './operator';
export * from './park';
export * from './park.service';
export * from './ports';
