package knowledge

import (
	"encoding/binary"
	"io"
	"io/fs"
)

// The embedded files are decoded when hygiene is built, not in every
// process: a fresh process that lints one article spent most of its wait
// for the pack in the YAML decoder and the TSV reader. decoded_data.go
// holds what they make of each file as Go values, written by
//
//	go generate ./internal/knowledge
//
// (TestDecodedDataIsFresh decodes the files with the code the user's
// files go through and fails when decoded_data.go differs). A file whose
// bytes are not the ones decoded, after an edit of data/*, is decoded at
// run time as before until decoded_data.go is regenerated.
//
// If decoded_data.go no longer compiles after a change of the types it
// holds, give it the single line `var decodedFiles []decodedFile` and
// regenerate.
//
//go:generate go test -run TestDecodedDataIsFresh -update-decoded .

// decodedFile is one embedded file decoded at build time: its name under
// data/, the length and dataHash of the bytes decoded, and the result:
// data for a YAML file, tsv for the office TSV.
type decodedFile struct {
	name string
	size int
	hash uint64
	data *fileData
	tsv  *decodedTSV
}

// decodedTSV is what addTSV adds to an empty builder: the offices in the
// order first seen and the people with their keys (folded names).
type decodedTSV struct {
	offices []officeData
	people  []decodedPerson
}

type decodedPerson struct {
	key  string
	data personData
}

// decoded returns the build-time decoding of the embedded file name, nil
// when there is none.
func decoded(name string) *decodedFile {
	for i := range decodedFiles {
		if decodedFiles[i].name == name {
			return &decodedFiles[i]
		}
	}
	return nil
}

// madeFrom reports whether f was decoded from the bytes of the file name
// in fsys. It hashes them through a buffer on the stack: a copy of the
// whole file (175 KB for the TSV) would cost more than the hash.
func (f *decodedFile) madeFrom(fsys fs.FS, name string) bool {
	file, err := fsys.Open(name)
	if err != nil {
		return false
	}
	defer file.Close()
	var buf [4096]byte // a multiple of 8: dataHashUpdate's words line up
	h, size := uint64(dataHashOffset), 0
	for {
		n, err := io.ReadFull(file, buf[:])
		h, size = dataHashUpdate(h, buf[:n]), size+n
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return false
		}
	}
	return size == f.size && h == f.hash
}

// addDecoded adds a file decoded at build time, as addFile would add its
// bytes. It reports false, adding nothing, for a TSV file when the
// builder is not empty: the decoding is of the file read first.
func (b *builder) addDecoded(name string, f *decodedFile) (bool, error) {
	if f.tsv == nil {
		return true, b.addData(name, f.data)
	}
	if len(b.people) > 0 || len(b.offices) > 0 {
		return false, nil
	}
	// The builder is empty: size its maps for the file.
	b.offices = make(map[string]*officeData, len(f.tsv.offices)+64)
	b.people = make(map[string]*personData, len(f.tsv.people)+64)
	for i := range f.tsv.offices {
		b.addOffice(&f.tsv.offices[i])
	}
	for i := range f.tsv.people {
		b.addPersonKey(f.tsv.people[i].key, &f.tsv.people[i].data)
	}
	return true, nil
}

// dataHash is a quick hash that tells an edited file from the one decoded:
// FNV-1a's steps over 8-byte words. Each step is a bijection of the hash,
// so files of one length that differ in a single word never collide.
// (hash/crc32 would first build its tables, which cost a fresh process
// more than hashing the files.)
func dataHash(b []byte) uint64 { return dataHashUpdate(dataHashOffset, b) }

// dataHashUpdate adds b to the hash h of the bytes before it, whose
// length must be a multiple of 8.
func dataHashUpdate(h uint64, b []byte) uint64 {
	for ; len(b) >= 8; b = b[8:] {
		h = (h ^ binary.LittleEndian.Uint64(b)) * dataHashPrime
	}
	for _, c := range b {
		h = (h ^ uint64(c)) * dataHashPrime
	}
	return h
}

const (
	dataHashOffset = 14695981039346656037 // FNV-1a's
	dataHashPrime  = 1099511628211
)
