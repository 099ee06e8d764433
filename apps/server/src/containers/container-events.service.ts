import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { ContainerEntity } from '../database/entities';

export interface ContainerEvents {
  changed: [containers: ContainerEntity[]];
  removed: [ids: string[]];
  /** After a check: every checked container, and those whose update state changed. */
  updated: [checked: ContainerEntity[], changed: ContainerEntity[]];
  /** A trigger ran (id, trigger, status), for live history. */
  history: [run: { id: string; trigger: string; status: string; containerName: string | null }];
  /** A watcher's full check cycle ended (metrics). */
  cycle: [report: { watcher: string; containers: number; durationMs: number; error: string | null }];
}

/** In-process notifications about containers, for the update checker and live UI updates. */
@Injectable()
export class ContainerEventsService extends EventEmitter<ContainerEvents> {
  /** Listens to one event; returns the function that stops listening. */
  subscribe<K extends keyof ContainerEvents>(name: K, listener: (...args: ContainerEvents[K]) => void): () => void {
    const untyped = listener as (...args: unknown[]) => void;
    (this as EventEmitter).on(name, untyped);
    return () => (this as EventEmitter).off(name, untyped);
  }

  emitChanged(containers: ContainerEntity[]): void {
    this.emit('changed', containers);
  }

  emitRemoved(ids: string[]): void {
    this.emit('removed', ids);
  }

  emitHistory(run: { id: string; trigger: string; status: string; containerName: string | null }): void {
    this.emit('history', run);
  }

  emitUpdated(checked: ContainerEntity[], changed: ContainerEntity[]): void {
    this.emit('updated', checked, changed);
  }

  emitCycle(report: { watcher: string; containers: number; durationMs: number; error: string | null }): void {
    this.emit('cycle', report);
  }
}
