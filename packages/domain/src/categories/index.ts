export * from './category';
export * from './isic-rev4';
export * from './translation-note';
