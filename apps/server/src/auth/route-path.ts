import type { ExecutionContext } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';

function first(value: unknown): string {
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return typeof value === 'string' ? value : '';
}

/** The Nest route pattern of the handler (`/api/containers/:id/watch`): what the policy table is written in. */
export function routePattern(context: ExecutionContext): string {
  const controllerPath = first(Reflect.getMetadata(PATH_METADATA, context.getClass()));
  const handlerPath = first(Reflect.getMetadata(PATH_METADATA, context.getHandler()));
  const joined = [controllerPath, handlerPath]
    .join('/')
    .split('/')
    .filter((segment) => segment.length > 0)
    .join('/');
  return `/${joined}`;
}
