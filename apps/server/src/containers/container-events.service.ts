import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { ContainerEntity } from '../database/entities';

export interface ContainerEvents {
  changed: [containers: ContainerEntity[]];
  removed: [ids: string[]];
  cycle: [watcher: string, containers: ContainerEntity[]];
  updated: [containers: ContainerEntity[]];
}

/** In-process notifications about containers, for the update checker and live UI updates. */
@Injectable()
export class ContainerEventsService extends EventEmitter<ContainerEvents> {
  emitChanged(containers: ContainerEntity[]): void {
    this.emit('changed', containers);
  }

  emitRemoved(ids: string[]): void {
    this.emit('removed', ids);
  }

  emitCycle(watcher: string, containers: ContainerEntity[]): void {
    this.emit('cycle', watcher, containers);
  }

  emitUpdated(containers: ContainerEntity[]): void {
    this.emit('updated', containers);
  }
}
