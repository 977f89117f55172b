import { z } from 'zod';

/**
 * Lenient schemas of the Redfish resources Drivebay reads: every property optional, unknown ones
 * kept (vendors add many), but a property that is there must have its schema's type, so that a
 * wrong payload is named by its field rather than mapped into nonsense.
 */

/** A reference to another resource. */
export const ODataRefSchema = z.looseObject({ '@odata.id': z.string().min(1) });
export type ODataRef = z.infer<typeof ODataRefSchema>;

const Refs = z.array(ODataRefSchema);

export const StatusSchema = z.looseObject({
  State: z.string().nullish(),
  Health: z.string().nullish(),
});

/** Drivebay's own facts, where Redfish has no property for them (vendors will not send these). */
const OemDrivebay = <T extends z.ZodRawShape>(shape: T) =>
  z.looseObject({ Drivebay: z.looseObject(shape).optional() }).optional();

export const ServiceRootSchema = z.looseObject({
  RedfishVersion: z.string().optional(),
  Chassis: ODataRefSchema.optional(),
  Systems: ODataRefSchema.optional(),
  Storage: ODataRefSchema.optional(),
  Fabrics: ODataRefSchema.optional(),
  SessionService: ODataRefSchema.optional(),
  EventService: ODataRefSchema.optional(),
  Links: z.looseObject({ Sessions: ODataRefSchema.optional() }).optional(),
  ProtocolFeaturesSupported: z
    .looseObject({
      ExpandQuery: z
        .looseObject({
          ExpandAll: z.boolean().optional(),
          Levels: z.boolean().optional(),
          MaxLevels: z.number().optional(),
          Links: z.boolean().optional(),
          NoLinks: z.boolean().optional(),
        })
        .optional(),
      TopSkipQuery: z.boolean().optional(),
    })
    .optional(),
  Oem: OemDrivebay({
    Site: z
      .looseObject({ Id: z.string(), Name: z.string().optional(), Scale: z.string().optional() })
      .optional(),
  }),
});
export type ServiceRoot = z.infer<typeof ServiceRootSchema>;

/** A collection page: members as references or, with $expand, as the resources themselves. */
export const CollectionSchema = z.looseObject({
  Members: z.array(z.looseObject({ '@odata.id': z.string().min(1) })).optional(),
  'Members@odata.count': z.number().optional(),
  'Members@odata.nextLink': z.string().optional(),
});

const PlacementSchema = z.looseObject({ Row: z.string().optional(), Rack: z.string().optional() });
const PartLocationSchema = z.looseObject({
  LocationOrdinalValue: z.number().optional(),
  LocationType: z.string().optional(),
  ServiceLabel: z.string().optional(),
});
/** Resource.Location (v1_1+), which older services lack. */
const LocationSchema = z.looseObject({
  Placement: PlacementSchema.optional(),
  PartLocation: PartLocationSchema.optional(),
});
/** The Location array older Drive schemas (v1_0–v1_3) carry: `{ Info, InfoFormat }`. */
const LegacyLocationSchema = z.array(
  z.looseObject({ Info: z.string().optional(), InfoFormat: z.string().optional() }),
);

export const ChassisSchema = z.looseObject({
  '@odata.id': z.string().optional(),
  Id: z.string().min(1),
  Name: z.string().optional(),
  ChassisType: z.string().optional(),
  Manufacturer: z.string().nullish(),
  Model: z.string().nullish(),
  SerialNumber: z.string().nullish(),
  PartNumber: z.string().nullish(),
  FirmwareVersion: z.string().nullish(),
  Status: StatusSchema.optional(),
  LocationIndicatorActive: z.boolean().nullish(),
  IndicatorLED: z.string().nullish(),
  Location: LocationSchema.optional(),
  Drives: ODataRefSchema.optional(),
  Links: z
    .looseObject({
      ContainedBy: ODataRefSchema.optional(),
      Contains: Refs.optional(),
      Drives: Refs.optional(),
      ComputerSystems: Refs.optional(),
    })
    .optional(),
  Oem: OemDrivebay({
    Kind: z.enum(['jbod', 'ebod']).optional(),
    BayCount: z.number().int().positive().optional(),
    StorageGroup: z.string().optional(),
    BandwidthDomain: z.string().optional(),
    Transports: z.array(z.string()).optional(),
    FirmwareVersion: z.string().optional(),
    Row: z.number().int().nonnegative().optional(),
    Position: z.number().int().nonnegative().optional(),
  }),
});
export type Chassis = z.infer<typeof ChassisSchema>;

export const DriveResourceSchema = z.looseObject({
  '@odata.id': z.string().optional(),
  Id: z.string().optional(),
  Name: z.string().optional(),
  SerialNumber: z.string().nullish(),
  Model: z.string().nullish(),
  Manufacturer: z.string().nullish(),
  MediaType: z.string().nullish(),
  RotationSpeedRPM: z.number().nullish(),
  CapacityBytes: z.number().nullish(),
  Protocol: z.string().nullish(),
  Status: StatusSchema.optional(),
  PhysicalLocation: z.looseObject({ PartLocation: PartLocationSchema.optional() }).optional(),
  Location: LegacyLocationSchema.optional(),
  LocationIndicatorActive: z.boolean().nullish(),
  IndicatorLED: z.string().nullish(),
  Links: z.looseObject({ Chassis: ODataRefSchema.optional() }).optional(),
  Oem: OemDrivebay({ Tags: z.array(z.string()).optional() }),
});
export type DriveResource = z.infer<typeof DriveResourceSchema>;

export const SystemSchema = z.looseObject({
  '@odata.id': z.string().optional(),
  Id: z.string().min(1),
  Name: z.string().optional(),
  HostName: z.string().nullish(),
  PowerState: z.string().nullish(),
  Status: StatusSchema.optional(),
  Storage: ODataRefSchema.optional(),
  Links: z.looseObject({ Chassis: Refs.optional() }).optional(),
  Oem: OemDrivebay({ Rack: z.string().optional(), Transports: z.array(z.string()).optional() }),
});
export type SystemResource = z.infer<typeof SystemSchema>;

/** Storage (Redfish/Swordfish): its drives are a plain array of links, not a collection. */
export const StorageSchema = z.looseObject({ Id: z.string().optional(), Drives: Refs.optional() });

export const FabricSchema = z.looseObject({ Id: z.string().optional(), FabricType: z.string().nullish() });

export const EventServiceSchema = z.looseObject({
  ServiceEnabled: z.boolean().nullish(),
  ServerSentEventUri: z.string().nullish(),
});

export const SessionServiceSchema = z.looseObject({ SessionTimeout: z.number().optional() });

export const EventSchema = z.looseObject({
  Id: z.string().optional(),
  Events: z
    .array(
      z.looseObject({
        EventId: z.string().optional(),
        MessageId: z.string().optional(),
        OriginOfCondition: ODataRefSchema.optional(),
      }),
    )
    .optional(),
});
export type RedfishEvent = z.infer<typeof EventSchema>;

/** The first problem of a payload, said by its field: "CapacityBytes: expected number, got string". */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const field = issue.path.length > 0 ? issue.path.join('.') : '(the resource)';
  return `${field}: ${issue.message}`;
}
