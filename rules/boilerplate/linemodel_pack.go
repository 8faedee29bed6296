package boilerplate

import (
	_ "embed"
	"encoding/binary"
	"errors"
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
// was made from and is used only for that text).
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
const packMagic = "hygiene line model pack 2\n"

// PackLineModel returns the packed form of a weights file (see
// linemodel.bin): the magic, the text's length and textHash, the features
// line, then little-endian numbers: thresholds, base, gate; the lexicon
// (count, then each word's length, bytes and weight, in byte order); the
// trees (count, then each tree's node count and nodes: feature, left,
// right as int16, threshold and value as float32 bits).
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
	b = binary.LittleEndian.AppendUint32(b, uint32(len(m.trees)))
	for _, t := range m.trees {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(t)))
		for _, nd := range t {
			b = binary.LittleEndian.AppendUint16(b, uint16(nd.feature))
			b = binary.LittleEndian.AppendUint16(b, uint16(nd.left))
			b = binary.LittleEndian.AppendUint16(b, uint16(nd.right))
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(nd.threshold))
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(nd.value))
		}
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
	nTrees := int(r.uint32())
	// A node takes 14 bytes; the rest of the pack bounds the nodes.
	nodes := make([]treeNode, 0, len(r.s)/14)
	for range nTrees {
		k := int(r.uint32())
		if k > len(r.s)/14 {
			return nil, errStalePack
		}
		start := len(nodes)
		for range k {
			nd := treeNode{feature: int16(r.uint16()), left: int16(r.uint16()), right: int16(r.uint16())}
			nd.threshold, nd.value = r.float32(), r.float32()
			nodes = append(nodes, nd)
		}
		m.trees = append(m.trees, nodes[start:len(nodes):len(nodes)])
	}
	if r.bad || len(r.s) != 0 || len(m.trees) == 0 {
		return nil, errStalePack
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	m.flat = flatten(m.trees)
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
