import type { AuditRecord, AuditResult } from '@drivebay/api-types';
import type { Clock } from '../clock.js';
import { putRecord } from '../state/collections.js';
import type { StoreWriter } from '../state/store-writer.js';
import type { Operation, TxnRequest, TxnResult } from '../store/types.js';
import { currentRequest, type RequestContext } from './request-context.js';

/**
 * Writes audit records: inside the transaction of the change they describe when there is one,
 * else on their own as the record of a refused or failed attempt.
 */
export class AuditTrail {
  constructor(
    private readonly writer: StoreWriter,
    private readonly clock: Clock,
    private readonly nextId: () => string,
  ) {}

  /** The put of an audit record for `context`. */
  operation(context: RequestContext, result: AuditResult, status?: number, detail?: string): Operation {
    const record: AuditRecord = {
      id: this.nextId().replace(/^ev-/, 'au-'),
      at: this.clock.now().toISOString(),
      actor: context.actor,
      ip: context.ip,
      action: context.action,
      ...(context.target ? { target: context.target } : {}),
      result,
      ...(status !== undefined ? { status } : {}),
      ...(detail ? { detail } : {}),
    };
    return putRecord('audit', record.id, record);
  }

  /**
   * Commits `request`, adding the current request's audit record (result ok) to the same
   * transaction if it has none yet. Outside a request (the hardware source, the rebuild
   * scheduler) the change's domain events are its record.
   */
  async commit(request: TxnRequest, detail?: string): Promise<TxnResult> {
    const context = currentRequest();
    if (!context || context.audited) return this.writer.commit(request);
    const operations = [...request.operations, this.operation(context, 'ok', undefined, detail)];
    const outcome = await this.writer.commit({ ...request, operations });
    if (outcome.succeeded) context.audited = true;
    return outcome;
  }

  /** Records an attempt that changed nothing (refused, failed, or an idempotent repeat). */
  async record(context: RequestContext, result: AuditResult, status: number, detail?: string): Promise<void> {
    context.audited = true;
    await this.writer.commit({ operations: [this.operation(context, result, status, detail)] });
  }
}
