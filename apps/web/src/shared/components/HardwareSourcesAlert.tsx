import { HardwareSourcesSchema } from '@drivebay/api-types';
import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/getJson';
import { formatTimestamp } from '../format/time';

/**
 * A Redfish service that is not answering, said on the Overview: its enclosures show offline, and
 * this says why (which service, since when, its last error) rather than leaving it to guesswork.
 */
export function HardwareSourcesAlert() {
  const sources = useQuery({
    queryKey: ['hardware-sources'],
    queryFn: ({ signal }) => getJson('/api/v1/hardware/sources', HardwareSourcesSchema, signal),
    refetchInterval: 15_000,
  }).data;
  const failing = sources?.services.filter((service) => service.state === 'down') ?? [];
  if (failing.length === 0) return null;
  return (
    <div className="attention attention--alert" role="alert" aria-label="Hardware sources failing">
      <strong>
        {failing.length === 1
          ? 'A hardware source is not answering'
          : `${failing.length} hardware sources are not answering`}
        : their enclosures show offline until they answer again.
      </strong>
      <ul>
        {failing.map((service) => (
          <li key={service.url} data-service={service.url}>
            Redfish {service.url}: last seen{' '}
            {service.lastSeen ? formatTimestamp(service.lastSeen, true) : 'never'}
            {service.lastError && ` · ${service.lastError}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
