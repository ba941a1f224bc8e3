export * from './directory.keys';
export * from './public-park.reader';
export * from './supplier-directory.repository';
export * from './supplier-sources.reader';
