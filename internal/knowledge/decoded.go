package knowledge

import "encoding/binary"

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
// under data/, the length and dataHash of the bytes decoded, and the result.
type decodedFile struct {
	name string
	size int
	hash uint64
	data *fileData
}

// decodedYAML returns the build-time decoding of the embedded file name
// when it was made from data, nil otherwise.
func decodedYAML(name string, data []byte) *fileData {
	for i := range decodedFiles {
		f := &decodedFiles[i]
		if f.name == name && f.size == len(data) && f.hash == dataHash(data) {
			return f.data
		}
	}
	return nil
}

// dataHash is a quick hash that tells an edited file from the one decoded:
// FNV-1a's steps over 8-byte words. Each step is a bijection of the hash,
// so files of one length that differ in a single word never collide.
// (hash/crc32 would first build its tables, which cost a fresh process
// more than hashing the files.)
func dataHash(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for ; len(b) >= 8; b = b[8:] {
		h = (h ^ binary.LittleEndian.Uint64(b)) * 1099511628211
	}
	for _, c := range b {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}
