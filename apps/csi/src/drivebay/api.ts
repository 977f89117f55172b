import {
  type AvailableCapacity,
  AvailableCapacitySchema,
  type ComposeResponse,
  ComposeResponseSchema,
  type CsiErrorReport,
  type Server,
  ServerListSchema,
  ServerSchema,
  type Volume,
  type VolumeList,
  VolumeListSchema,
  type VolumeRequestInput,
  VolumeSchema,
} from '@drivebay/api-types';
import type { z } from 'zod';
import { CsiError } from '../csi/status.js';
import type { CallContext, DrivebayHttp } from './http.js';

/**
 * Drivebay's HTTP API as the plugin uses it. The plugin keeps no state of its own: every answer
 * comes from Drivebay's store, so a restarted plugin picks up exactly where the last one was.
 */
export class DrivebayApi {
  constructor(private readonly http: DrivebayHttp) {}

  async compose(request: VolumeRequestInput, context: CallContext): Promise<ComposeResponse> {
    return this.call(ComposeResponseSchema, 'POST', '/api/v1/volumes', request, context);
  }

  async volume(id: string, context: CallContext): Promise<Volume> {
    return this.call(VolumeSchema, 'GET', `/api/v1/volumes/${encodeURIComponent(id)}`, undefined, context);
  }

  /** The volume, or undefined when Drivebay has none by that id. */
  async findVolume(id: string, context: CallContext): Promise<Volume | undefined> {
    try {
      return await this.volume(id, context);
    } catch (error) {
      if (error instanceof CsiError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  }

  async listVolumes(
    query: { cluster: string; after?: string | undefined; limit: number },
    context: CallContext,
  ): Promise<VolumeList> {
    const params = new URLSearchParams({ cluster: query.cluster, limit: String(query.limit) });
    if (query.after) params.set('after', query.after);
    return this.call(VolumeListSchema, 'GET', `/api/v1/volumes?${params}`, undefined, context);
  }

  async deleteVolume(id: string, context: CallContext): Promise<void> {
    await this.http.request('DELETE', `/api/v1/volumes/${encodeURIComponent(id)}`, undefined, context);
  }

  /** One step of the lifecycle: publish, unpublish, stage, unstage, node-publish, node-unpublish, expand. */
  async step(
    id: string,
    step: LifecycleStep,
    body: Record<string, unknown>,
    context: CallContext,
  ): Promise<Volume> {
    return this.call(
      VolumeSchema,
      'POST',
      `/api/v1/volumes/${encodeURIComponent(id)}/${step}`,
      body,
      context,
    );
  }

  async capacity(parameters: Record<string, string>, context: CallContext): Promise<AvailableCapacity> {
    return this.call(AvailableCapacitySchema, 'POST', '/api/v1/capacity/available', { parameters }, context);
  }

  async server(id: string, context: CallContext): Promise<Server> {
    return this.call(ServerSchema, 'GET', `/api/v1/servers/${encodeURIComponent(id)}`, undefined, context);
  }

  async serversByHostname(hostname: string, context: CallContext): Promise<Server[]> {
    const path = `/api/v1/servers?${new URLSearchParams({ hostname })}`;
    return (await this.call(ServerListSchema, 'GET', path, undefined, context)).servers;
  }

  /** Tells Drivebay a node-side step failed, so the volume's page shows it; best effort. */
  async reportError(id: string, report: CsiErrorReport, context: CallContext): Promise<void> {
    await this.http.request('POST', `/api/v1/volumes/${encodeURIComponent(id)}/csi-errors`, report, context);
  }

  /** Drivebay serves current state and accepts the token: what Probe answers. */
  async ready(context: CallContext): Promise<void> {
    await this.http.request('GET', '/readyz', undefined, context);
    await this.http.request('GET', '/api/v1/auth/me', undefined, context);
  }

  private async call<S extends z.ZodType>(
    schema: S,
    method: string,
    path: string,
    body: unknown,
    context: CallContext,
  ): Promise<z.infer<S>> {
    const response = await this.http.request(method, path, body, context);
    const parsed = schema.safeParse(response.body);
    if (!parsed.success)
      throw new CsiError(
        'INTERNAL',
        `Drivebay's answer to ${method} ${path} is not what this plugin expects (versions apart?)`,
      );
    return parsed.data;
  }
}

export type LifecycleStep =
  | 'publish'
  | 'unpublish'
  | 'stage'
  | 'unstage'
  | 'node-publish'
  | 'node-unpublish'
  | 'expand';
