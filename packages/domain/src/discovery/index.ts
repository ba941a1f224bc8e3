export * from './ports';
export * from './public-park';
export * from './public-park.service';
export * from './supplier-directory.service';
export * from './supplier-entry';
