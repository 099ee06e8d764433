export * from './image-ref';
export * from './tag';
export * from './overrides';
export * from './candidates';
export * from './update-kind';
export * from './platform';
export * from './link-template';
