import type { TriggerContext, TriggerEvent, TriggerOutcome, TriggerProvider } from './trigger';

/**
 * Base of the providers that send one message whatever the number of events (chat, mail, SMS):
 * simple and batch mode differ only in how many events `send` receives.
 */
export abstract class MessageTrigger implements TriggerProvider {
  notify(event: TriggerEvent, ctx: TriggerContext): Promise<TriggerOutcome> {
    return this.send([event], ctx);
  }

  notifyBatch(events: readonly TriggerEvent[], ctx: TriggerContext): Promise<TriggerOutcome> {
    if (events.length === 0) return Promise.resolve({ summary: 'nothing to send (empty batch)' });
    return this.send(events, ctx);
  }

  protected abstract send(
    events: readonly TriggerEvent[],
    ctx: TriggerContext,
  ): Promise<TriggerOutcome>;
}
