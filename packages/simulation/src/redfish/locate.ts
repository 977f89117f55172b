import { badProperty } from './errors.js';

const LED_STATES = ['Lit', 'Blinking', 'Off'] as const;

/**
 * The locate LED state a PATCH asks for: `LocationIndicatorActive` (a boolean) or the older
 * `IndicatorLED` (`Lit` and `Blinking` light it). Any other property is refused, since the
 * service writes nothing else.
 */
export function requestedLocate(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badProperty('PropertyValueTypeError', 'body', 'must be a JSON object');
  const entries = Object.entries(body as Record<string, unknown>).filter(([key]) => !key.startsWith('@'));
  if (entries.length === 0) throw badProperty('PropertyMissing', 'LocationIndicatorActive', 'is required');
  const wanted = new Set<boolean>();
  for (const [key, value] of entries) {
    if (key === 'LocationIndicatorActive') {
      if (typeof value !== 'boolean') throw badProperty('PropertyValueTypeError', key, 'must be a boolean');
      wanted.add(value);
    } else if (key === 'IndicatorLED') {
      if (!LED_STATES.includes(value as (typeof LED_STATES)[number]))
        throw badProperty('PropertyValueNotInList', key, `must be one of ${LED_STATES.join(', ')}`);
      wanted.add(value !== 'Off');
    } else {
      throw badProperty('PropertyUnknown', key, 'is not a writable property of this resource');
    }
  }
  const [active] = wanted;
  if (wanted.size > 1 || active === undefined)
    throw badProperty('PropertyValueConflict', 'IndicatorLED', 'conflicts with LocationIndicatorActive');
  return active;
}
