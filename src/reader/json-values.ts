/**
 * sigs.k8s.io/yaml ends its conversion with `json.Marshal` (yaml.go, `yamlToJSON`), which has no
 * number for `.inf`, `-.inf` or `.nan`: kubectl fails with "json: unsupported value: +Inf".
 */
export function unsupportedJsonValue(value: unknown): string | undefined {
  if (typeof value !== 'number' || Number.isFinite(value)) return undefined;
  const go = Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  return `error converting YAML to JSON: json: unsupported value: ${go} (YAML reads an unquoted .inf or .nan as a number JSON cannot hold); quote it if it is text`;
}
