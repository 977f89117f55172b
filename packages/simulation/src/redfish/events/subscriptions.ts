import { randomBytes } from 'node:crypto';
import { badProperty } from '../errors.js';
import type { JsonObject } from '../json.js';
import { subscriptionPath } from '../paths.js';
import type { EventMessage } from './event-log.js';

interface Subscription {
  id: string;
  destination: string;
  context: string | undefined;
  /** Deliveries to one destination go in order, one after another. */
  queue: Promise<void>;
}

/**
 * Push subscriptions (EventDestination): each event is POSTed to the destination. Best
 * effort, as DSP0266 allows: a destination that fails misses the event (a client that must
 * not miss any uses SSE with Last-Event-ID, or rescans).
 */
export class Subscriptions {
  private readonly subscriptions = new Map<string, Subscription>();

  /** Creates a subscription from a POST body; refuses a body without a usable Destination. */
  create(body: unknown): string {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw badProperty('PropertyValueTypeError', 'body', 'must be a JSON object');
    const {
      Destination: destination,
      Protocol: protocol,
      Context: context,
    } = body as Record<string, unknown>;
    if (typeof destination !== 'string') throw badProperty('PropertyMissing', 'Destination', 'is required');
    if (!/^https?:\/\/[^\s]+$/.test(destination))
      throw badProperty('PropertyValueFormatError', 'Destination', 'must be an http or https URI');
    if (protocol !== undefined && protocol !== 'Redfish')
      throw badProperty('PropertyValueNotInList', 'Protocol', 'must be Redfish');
    if (context !== undefined && typeof context !== 'string')
      throw badProperty('PropertyValueTypeError', 'Context', 'must be a string');
    const id = randomBytes(6).toString('hex');
    this.subscriptions.set(id, { id, destination, context, queue: Promise.resolve() });
    return id;
  }

  ids(): string[] {
    return [...this.subscriptions.keys()];
  }

  resource(id: string): JsonObject | undefined {
    const subscription = this.subscriptions.get(id);
    if (!subscription) return undefined;
    return {
      '@odata.id': subscriptionPath(id),
      '@odata.type': '#EventDestination.v1_13_0.EventDestination',
      Id: id,
      Name: `Event subscription ${id}`,
      Destination: subscription.destination,
      Protocol: 'Redfish',
      SubscriptionType: 'RedfishEvent',
      Context: subscription.context ?? null,
    };
  }

  remove(id: string): boolean {
    return this.subscriptions.delete(id);
  }

  deliver(messages: readonly EventMessage[]): void {
    for (const subscription of this.subscriptions.values()) {
      for (const message of messages) {
        subscription.queue = subscription.queue.then(() => post(subscription, message));
      }
    }
  }
}

async function post(subscription: Subscription, message: EventMessage): Promise<void> {
  const data =
    subscription.context === undefined ? message.data : withContext(message.data, subscription.context);
  try {
    await fetch(subscription.destination, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: data,
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    // Best effort: the destination may be gone; it misses this event.
  }
}

/** The subscriber's Context travels in each event it receives (the event was serialized once). */
function withContext(data: string, context: string): string {
  return JSON.stringify({ ...(JSON.parse(data) as object), Context: context });
}
