package knowledge

import "hash/crc32"

// The embedded YAML files are decoded when hygiene is built, not in every
// process: a fresh process that lints one article spent half of its wait
// for the pack in the YAML decoder. decoded_yaml.go holds each file's
// fileData as Go values, written by
//
//	go generate ./internal/knowledge
//
// (TestDecodedYAMLIsFresh decodes the files with the decoder the user's
// files go through and fails when decoded_yaml.go differs). A file whose
// bytes are not the ones decoded, after an edit of data/*.yaml, is
// decoded at run time as before until decoded_yaml.go is regenerated.
//
// If decoded_yaml.go no longer compiles after a change of fileData, give
// it the single line `var decodedFiles []decodedFile` and regenerate.
//
//go:generate go test -run TestDecodedYAMLIsFresh -update-decoded .

// decodedFile is one embedded YAML file decoded at build time: its name
// under data/, the length and CRC-32 of the bytes decoded, and the result.
type decodedFile struct {
	name string
	size int
	crc  uint32
	data *fileData
}

// decodedYAML returns the build-time decoding of the embedded file name
// when it was made from data, nil otherwise.
func decodedYAML(name string, data []byte) *fileData {
	for i := range decodedFiles {
		f := &decodedFiles[i]
		if f.name == name && f.size == len(data) && f.crc == crc32.ChecksumIEEE(data) {
			return f.data
		}
	}
	return nil
}
