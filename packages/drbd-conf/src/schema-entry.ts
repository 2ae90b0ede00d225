/**
 * `@ftkit/drbd-conf/schema`: for code that wants zod schemas or JSON Schema of the drbd.conf
 * model, or builds configurations from code with the validating `drbd` builders. Loads zod; the
 * main entry does not. The JSON Schema of `ConfigSchema` is also shipped as a file:
 * `@ftkit/drbd-conf/config.schema.json`.
 */

export type { BuildOptions } from './builders.js';
export { drbd } from './builders.js';
export type { ConfigInput, HostInput, OptionInput, ResourceInput, VolumeInput } from './model/build.js';
export {
  AddressFamilySchema,
  AddressSchema,
  CommonSchema,
  ConfigSchema,
  ConnectionSchema,
  configJsonSchema,
  DeviceSchema,
  EndpointSchema,
  GlobalSchema,
  HostSchema,
  IncludeSchema,
  MeshSchema,
  MetaDiskSchema,
  OptionSchema,
  PathSchema,
  ProxyHostSchema,
  ResourceSchema,
  SectionSchema,
  SpanSchema,
  TextValueSchema,
  VolumeSchema,
} from './schema.js';
