import {
  type Drive,
  decodeDriveColumns,
  type FaultRequest,
  type FaultResult,
  FaultResultSchema,
  type TopologySnapshot,
  TopologySnapshotSchema,
} from '@drivebay/api-types';

/** Seeds and inspects state through the API, as tests should (never through clicks). */
export class DrivebayApi {
  constructor(private readonly baseUrl: string) {}

  async topology(): Promise<{ snapshot: TopologySnapshot; drives: Drive[] }> {
    const response = await fetch(new URL('/api/v1/topology', this.baseUrl));
    if (!response.ok) throw new Error(`GET /api/v1/topology: ${response.status}`);
    const snapshot = TopologySnapshotSchema.parse(await response.json());
    return { snapshot, drives: decodeDriveColumns(snapshot.drives) };
  }

  async inject(fault: FaultRequest): Promise<FaultResult> {
    const response = await fetch(new URL('/api/v1/admin/simulator/faults', this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fault),
    });
    if (response.status !== 202)
      throw new Error(`fault ${fault.kind}: ${response.status} ${await response.text()}`);
    return FaultResultSchema.parse(await response.json());
  }
}
