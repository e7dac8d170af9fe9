/**
 * A connection whose calls a stop cancels: `signal` rides on every call that brings none of its
 * own, so once it aborts the calls still waiting in the scheduler's queue or between retries are
 * cancelled at once, while a request already sent finishes. A stopped repair then ends in about
 * the time one request takes, instead of draining a queue paced by the rate limit. (Types only
 * from connection.ts: this module does not load the SDK.)
 */
import type { CallControl, GenesysConnection } from './connection';
import type { OperationName, SdkArgs } from './operations';

export function withSignal(connection: GenesysConnection, signal: AbortSignal): GenesysConnection {
  return {
    target: connection.target,
    scheduler: connection.scheduler,
    call<K extends OperationName>(operation: K, args: SdkArgs<K>, control: CallControl<K> = {}) {
      return connection.call(operation, args, { signal, ...control });
    },
    close: () => connection.close(),
  };
}
