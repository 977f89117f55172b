// The source's status shapes cross the process boundary: they live in api-types.
export {
  type EnclosureSource,
  EnclosureSourceSchema,
  type RedfishServiceStatus,
  RedfishServiceStatusSchema,
} from '@drivebay/api-types';
