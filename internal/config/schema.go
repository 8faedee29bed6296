package config

import _ "embed"

// Schema is the JSON Schema of .hygiene.yaml, for editors and validators.
//
//go:embed hygiene.schema.json
var Schema []byte
