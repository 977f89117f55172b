import type { JsonObject } from './json.js';

/**
 * Which property a locate LED is served as: `LocationIndicatorActive` (Redfish 2020 on) or the
 * deprecated `IndicatorLED` that older services still send. A PATCH may use either.
 */
export type IndicatorStyle = 'LocationIndicatorActive' | 'IndicatorLED';

export function indicatorProperty(active: boolean, style: IndicatorStyle): JsonObject {
  return style === 'LocationIndicatorActive'
    ? { LocationIndicatorActive: active }
    : { IndicatorLED: active ? 'Lit' : 'Off' };
}
