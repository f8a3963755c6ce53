/** The If-Match value for a record version (a department, a member): its ETag, the version quoted. */
export function versionETag(version: number): string {
  return `"${version}"`;
}
