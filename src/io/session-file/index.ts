/** Session files (`twinscreen-session/1`): write, read with bounds and validation. */
export * from './session-file';
export { encodeTagged, decodeTagged, TaggedJsonError } from './tagged-json';
export { crc32, listZip, readZipEntry, ZipError, type ZipLimits } from './bounded-zip';
