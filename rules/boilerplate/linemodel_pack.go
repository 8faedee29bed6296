package boilerplate

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
)

// linemodel.bin is linemodel.txt parsed and stored as numbers, so that a
// process reads the model without parsing 15,000 lines of text (a fresh
// process linting one article waited for that parse). The text stays the
// model's source, written by internal/train; after retraining, run
//
//	go generate ./rules/boilerplate
//
// TestLineModelPackIsFresh fails until then, and until then the model is
// parsed from the text (the pack records the length and hash of the text it
// was made from and is used only for that text). The file must exist for
// the package to build; an empty one counts as stale.
//
//go:generate go run ./internal/packmodel
//go:embed linemodel.bin
var lineModelPacked string

// loadModel returns the model of text, from packed when packed was made
// from text and the code's features.
func loadModel(text, packed string) *lineModel {
	if m, err := unpackModel(packed, text); err == nil {
		return m
	}
	return mustParseModel(text)
}

// packMagic starts a packed model; the version changes with the layout.
const packMagic = "hygiene line model pack 3\n"

// PackLineModel returns the packed form of a weights file (see
// linemodel.bin): the magic, the text's length and textHash, the features
// line, then little-endian numbers: thresholds, base, gate; the lexicon
// (count, then each word's length, bytes and weight, in byte order); the
// trees in the flat form predict walks (flatten): depth and tree count,
// the inner nodes (feature as uint16, threshold as float32 bits), then
// the leaves. The packed model has no node trees (predict does not need
// them); the text's parse keeps them.
func PackLineModel(text string) ([]byte, error) {
	m, err := parseModel(text)
	if err != nil {
		return nil, err
	}
	var b []byte
	b = append(b, packMagic...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(text)))
	b = binary.LittleEndian.AppendUint64(b, textHash(text))
	b = appendString(b, strings.Join(featureNames, " "))
	for _, v := range []float32{m.info, m.warning, m.error, m.base} {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(m.gate))
	words := make([]string, 0, len(m.lex))
	for w := range m.lex {
		words = append(words, w)
	}
	sort.Strings(words)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(words)))
	for _, w := range words {
		b = appendString(b, w)
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(m.lex[w]))
	}
	f := m.flat
	if f == nil {
		return nil, fmt.Errorf("trees deeper than %d cannot be packed", maxFlatDepth)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(f.depth))
	b = binary.LittleEndian.AppendUint32(b, uint32(f.trees))
	for _, n := range f.split {
		b = binary.LittleEndian.AppendUint16(b, uint16(n.feature))
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(n.threshold))
	}
	for _, v := range f.leaf {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	return b, nil
}

// textHash is a quick hash of s that tells a retrained weights file from
// the one packed: FNV-1a's steps over 8-byte words. Each step is a
// bijection of the hash, so texts of one length that differ in a single
// word never collide. (hash/crc32 would first build its tables, which
// cost a fresh process more than hashing the text.)
func textHash(s string) uint64 {
	h := uint64(fnvOffset)
	for ; len(s) >= 8; s = s[8:] {
		h = (h ^ le64(s)) * fnvPrime
	}
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func appendString(b []byte, s string) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
	return append(b, s...)
}

var errStalePack = errors.New("packed model not made from this text")

// unpackModel reads a model packed by PackLineModel from text. It fails
// when the pack was made from another text or other features, or is
// damaged; the caller then parses the text.
func unpackModel(packed, text string) (*lineModel, error) {
	r := packReader{s: packed}
	if r.take(len(packMagic)) != packMagic || r.uint32() != uint32(len(text)) ||
		r.uint64() != textHash(text) || r.string() != strings.Join(featureNames, " ") {
		return nil, errStalePack
	}
	m := &lineModel{}
	m.info, m.warning, m.error, m.base = r.float32(), r.float32(), r.float32(), r.float32()
	m.gate = int(r.uint32())
	nLex := int(r.uint32())
	if nLex > len(r.s) {
		return nil, errStalePack
	}
	m.lex = make(Lexicon, nLex)
	for range nLex {
		w := r.string()
		m.lex[w] = r.float32()
	}
	f := &flatForest{depth: int(r.uint32()), trees: int(r.uint32())}
	if f.depth < 1 || f.depth > maxFlatDepth || f.trees < 1 || f.trees > len(r.s) {
		return nil, errStalePack
	}
	f.inner = 1<<f.depth - 1
	if len(r.s) != f.trees*(6*f.inner+4*(f.inner+1)) {
		return nil, errStalePack
	}
	f.split = make([]flatNode, f.trees*f.inner)
	for i := range f.split {
		f.split[i] = flatNode{feature: int32(r.uint16()), threshold: r.float32()}
		if int(f.split[i].feature) >= len(featureNames) {
			return nil, errStalePack
		}
	}
	f.leaf = make([]float32, f.trees*(f.inner+1))
	for i := range f.leaf {
		f.leaf[i] = r.float32()
	}
	if r.bad || len(r.s) != 0 {
		return nil, errStalePack
	}
	f.batch = batchNodes(f.split)
	m.flat = f
	m.lexIdx = newLexIndex(m.lex)
	return m, nil
}

// packReader reads little-endian numbers and strings off the front of s;
// bad is set, and zeros returned, once s runs short.
type packReader struct {
	s   string
	bad bool
}

func (r *packReader) take(n int) string {
	if n < 0 || n > len(r.s) {
		r.bad, r.s = true, ""
		return ""
	}
	out := r.s[:n]
	r.s = r.s[n:]
	return out
}

func (r *packReader) uint16() uint16 {
	b := r.take(2)
	if len(b) < 2 {
		return 0
	}
	return uint16(b[0]) | uint16(b[1])<<8
}

func (r *packReader) uint32() uint32 {
	b := r.take(4)
	if len(b) < 4 {
		return 0
	}
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func (r *packReader) uint64() uint64 {
	lo := uint64(r.uint32())
	return lo | uint64(r.uint32())<<32
}

func (r *packReader) float32() float32 { return math.Float32frombits(r.uint32()) }

func (r *packReader) string() string { return r.take(int(r.uint32())) }
