export * from './image-ref';
export * from './tag';
export * from './overrides';
export * from './platform';
export * from './link-template';
