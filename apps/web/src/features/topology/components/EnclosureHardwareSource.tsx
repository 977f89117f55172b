import { EnclosureSourceSchema } from '@drivebay/api-types';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api/apiError';
import { getJson } from '../../../shared/api/getJson';
import { DetailList, type DetailRow } from '../../../shared/components/DetailList';
import { formatTimestamp } from '../../../shared/format/time';

/**
 * Where the enclosure's record comes from: the Redfish service that reported it, when it last
 * answered, and what the chassis says of itself (maker, model, firmware, Status). Read again every
 * half minute; a site without per-enclosure sources (an in-process simulator) shows nothing.
 */
export function EnclosureHardwareSource({ enclosureId }: { enclosureId: string }) {
  const path = `/api/v1/enclosures/${encodeURIComponent(enclosureId)}/source`;
  const query = useQuery({
    queryKey: ['enclosure-source', enclosureId],
    queryFn: ({ signal }) => getJson(path, EnclosureSourceSchema, signal),
    refetchInterval: 30_000,
    retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status === 404),
  });
  if (query.error instanceof ApiError && query.error.status === 404) return null;
  const source = query.data;
  const rows: DetailRow[] = source
    ? [
        { label: 'Service', value: source.service },
        { label: 'Resource', value: source.path },
        { label: 'Last seen', value: source.lastSeen ? formatTimestamp(source.lastSeen, true) : 'never' },
        {
          label: 'Hardware',
          value: makerAndModel(source.manufacturer, source.model),
        },
        { label: 'Serial', value: source.serialNumber ?? 'not reported' },
        { label: 'Firmware', value: source.firmwareVersion ?? 'not reported' },
        {
          label: 'Redfish status',
          value: [source.state, source.health].filter(Boolean).join(', ') || 'not reported',
        },
      ]
    : [];
  return (
    <section className="enclosure-source" aria-labelledby="enclosure-source-heading">
      <h3 id="enclosure-source-heading">Hardware source</h3>
      {query.error ? (
        <p className="card-note">Could not read where this enclosure comes from: {query.error.message}</p>
      ) : !source ? (
        <p className="card-note">Loading…</p>
      ) : (
        <DetailList rows={rows} />
      )}
    </section>
  );
}

/** Many services put the maker in the model too ("Western Digital Ultrastar Data60"): say it once. */
function makerAndModel(manufacturer: string | null, model: string | null): string {
  if (manufacturer && model?.toLowerCase().startsWith(manufacturer.toLowerCase())) return model;
  return [manufacturer, model].filter(Boolean).join(' ') || 'not reported';
}
