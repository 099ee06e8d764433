import { ContainerEntity } from './container.entity';

export * from './container.entity';

export const entities = [ContainerEntity];
