/**
 * Stable rule ids carried by every validation {@link Diagnostic}. Tools may filter or
 * suppress findings by these ids, so they never change meaning.
 */
export const Rules = {
  // Decoding (before validation): wrong JSON types, unknown fields, wrong apiVersion/kind.
  DECODE_TYPE: 'decode-type',
  UNKNOWN_FIELD: 'unknown-field',
  API_VERSION: 'api-version',
  KIND: 'kind',

  // A.1 object metadata
  METADATA_NAME_REQUIRED: 'metadata-name-required',
  METADATA_NAME: 'metadata-name',
  METADATA_GENERATE_NAME: 'metadata-generate-name',
  METADATA_NAMESPACE: 'metadata-namespace',
  METADATA_LABEL_KEY: 'metadata-label-key',
  METADATA_LABEL_VALUE: 'metadata-label-value',
  METADATA_ANNOTATION_KEY: 'metadata-annotation-key',
  METADATA_ANNOTATIONS_SIZE: 'metadata-annotations-size',
  METADATA_FINALIZER: 'metadata-finalizer',

  // A.2 / A.3 label selectors
  SELECTOR_LABEL_KEY: 'selector-label-key',
  SELECTOR_LABEL_VALUE: 'selector-label-value',
  SELECTOR_OPERATOR: 'selector-operator',
  SELECTOR_VALUES_REQUIRED: 'selector-values-required',
  SELECTOR_VALUES_FORBIDDEN: 'selector-values-forbidden',
  SELECTOR_EXPRESSION_KEY: 'selector-expression-key',
  SELECTOR_EXPRESSION_VALUE: 'selector-expression-value',

  // A.4 ports
  PORT_PROTOCOL: 'port-protocol',
  PORT_RANGE: 'port-range',
  PORT_NAME: 'port-name',
  END_PORT_WITHOUT_PORT: 'end-port-without-port',
  END_PORT_NAMED_PORT: 'end-port-named-port',
  END_PORT_BELOW_PORT: 'end-port-below-port',
  END_PORT_RANGE: 'end-port-range',

  // A.5 peers
  PEER_REQUIRED: 'peer-required',
  PEER_IPBLOCK_EXCLUSIVE: 'peer-ipblock-exclusive',

  // A.6 ipBlock
  IPBLOCK_CIDR_REQUIRED: 'ipblock-cidr-required',
  IPBLOCK_CIDR_INVALID: 'ipblock-cidr-invalid',
  IPBLOCK_CIDR_LEADING_ZEROS: 'ipblock-cidr-leading-zeros',
  IPBLOCK_CIDR_IPV4_MAPPED: 'ipblock-cidr-ipv4-mapped',
  IPBLOCK_CIDR_HOST_BITS: 'ipblock-cidr-host-bits',
  IPBLOCK_CIDR_NON_CANONICAL: 'ipblock-cidr-non-canonical',
  IPBLOCK_EXCEPT_SUBSET: 'ipblock-except-subset',

  // A.7 policyTypes
  POLICY_TYPES_COUNT: 'policy-types-count',
  POLICY_TYPES_VALUE: 'policy-types-value',
} as const;
