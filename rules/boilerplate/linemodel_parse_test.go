package boilerplate

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func BenchmarkParseModel(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		mustParseModel(lineModelText)
	}
}

// The in-place parser reads the committed model exactly as the former
// parser (kept below as the reference) did: the same trees, lexicon,
// thresholds and flat forest.
func TestParseModelMatchesReference(t *testing.T) {
	got, err := parseModel(lineModelText)
	if err != nil {
		t.Fatal(err)
	}
	want, err := referenceParseModel(lineModelText)
	if err != nil {
		t.Fatal(err)
	}
	if got.base != want.base || got.info != want.info || got.warning != want.warning || got.error != want.error || got.gate != want.gate {
		t.Errorf("header: got %v %v %v %v %d, want %v %v %v %v %d", got.base, got.info, got.warning, got.error, got.gate,
			want.base, want.info, want.warning, want.error, want.gate)
	}
	if !reflect.DeepEqual(got.trees, want.trees) {
		t.Error("trees differ")
	}
	if !reflect.DeepEqual(got.lex, want.lex) {
		t.Error("lexicons differ")
	}
	if !reflect.DeepEqual(got.flat, want.flat) {
		t.Error("flat forests differ")
	}
	for w, v := range want.lex {
		if g, ok := got.lexIdx.get(w); !ok || g != v {
			t.Errorf("lexicon index: %q = %v %v, want %v", w, g, ok, v)
		}
	}
}

// Malformed files fail with the same message as before.
func TestParseModelErrorsMatchReference(t *testing.T) {
	features := "features " + strings.Join(featureNames, " ") + "\n"
	node := "0 0.5 1 2 0\n-1 0 0 0 1\n-1 0 0 0 -1\n"
	inputs := []string{
		"", "# only a comment\n", features, features + "base 0\n",
		"features words bytes\nbase 0\ntree 1\n-1 0 0 0 0\n",
		features + "bias 1\n", features + "thresholds 0.5 0.8\n", features + "thresholds 0.5 x 0.9\n",
		features + "gate -1\n", features + "gate two\n", features + "lex word\n", features + "lex word x\n",
		features + "lex a b c\n", features + "base\n", features + "base 1 2\n", features + "base 1e99\n",
		features + "tree 0\n", features + "tree x\n", features + "tree 3\n" + node[:12],
		features + "tree 3\n0 1 1 2 0\n-1 0 0 0 1\n", features + "tree 1\n0 1 1 2 0\n",
		features + "tree 3\n0 1 0 2 0\n-1 0 0 0 1\n-1 0 0 0 1\n",
		features + "tree 3\n9999 1 1 2 0\n-1 0 0 0 1\n-1 0 0 0 1\n",
		features + "tree 3\n99999 1 1 2 0\n-1 0 0 0 1\n-1 0 0 0 1\n",
		features + "tree 3\n0 1 1 2\n", features + "tree 3\nx y z w v\n", features + "tree 3\n0 y 1 2 v\n",
		features + "tree 3\n0 1 1 2 v\n", features + "tree 3\n0 1 x 2 0\n", features + "tree 3\n0 1 1 x 0\n",
		features + "base 0\ntree 3\n" + node, features + "\r\n\tbase  0 \r\ntree 3\r\n" + strings.ReplaceAll(node, "\n", "\r\n"),
		features + "lex caf\u00e9 1\nlex a\u00a0b 2\ntree 3\n" + node, features + "lex a\u00a0b\ntree 3\n" + node,
		features + "base 0\ntree 3\n" + node + "tree 1\n",
	}
	for _, in := range inputs {
		_, gotErr := parseModel(in)
		_, wantErr := referenceParseModel(in)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%q: error %v, want %v", in[min(len(in), len(features)):], gotErr, wantErr)
		}
	}
}

// referenceParseModel and the functions below are the former parser
// (strings.Split, strings.Fields, a slice per tree), kept as the reference
// the in-place parser must agree with.
// referenceParseModel reads the weights file written by internal/train:
//
//	features NAME...            (must equal featureNames)
//	thresholds INFO WARNING ERROR
//	base B
//	tree N                      followed by N node lines:
//	FEATURE THRESHOLD LEFT RIGHT VALUE   (FEATURE -1 for a leaf)
//
// Lines starting with # are comments.
func referenceParseModel(text string) (*lineModel, error) {
	m := &lineModel{lex: Lexicon{}}
	var tree []treeNode
	want, sawFeatures := 0, false
	for n, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("line %d: "+format, append([]any{n + 1}, args...)...)
		}
		if want > 0 {
			node, err := referenceParseNode(f)
			if err != nil {
				return nil, fail("%v", err)
			}
			tree = append(tree, node)
			if want--; want == 0 {
				m.trees = append(m.trees, tree)
			}
			continue
		}
		switch f[0] {
		case "features":
			sawFeatures = true
			if strings.Join(f[1:], " ") != strings.Join(featureNames, " ") {
				return nil, fail("features differ from the code's; retrain with go run ./rules/boilerplate/internal/train")
			}
		case "thresholds":
			v, err := referenceFloats(f[1:], 3)
			if err != nil {
				return nil, fail("%v", err)
			}
			m.info, m.warning, m.error = v[0], v[1], v[2]
		case "gate":
			v, err := strconv.Atoi(strings.Join(f[1:], ""))
			if err != nil || v < 0 {
				return nil, fail("bad gate %q", strings.Join(f[1:], " "))
			}
			m.gate = v
		case "lex":
			if len(f) != 3 {
				return nil, fail("want a word and its weight")
			}
			v, err := referenceFloats(f[2:], 1)
			if err != nil {
				return nil, fail("%v", err)
			}
			m.lex[f[1]] = v[0]
		case "base":
			v, err := referenceFloats(f[1:], 1)
			if err != nil {
				return nil, fail("%v", err)
			}
			m.base = v[0]
		case "tree":
			k, err := strconv.Atoi(strings.Join(f[1:], ""))
			if err != nil || k < 1 {
				return nil, fail("bad node count %q", strings.Join(f[1:], " "))
			}
			want, tree = k, make([]treeNode, 0, k)
		default:
			return nil, fail("unknown record %q", f[0])
		}
	}
	if want > 0 {
		return nil, fmt.Errorf("last tree misses %d nodes", want)
	}
	if !sawFeatures {
		return nil, fmt.Errorf("no features record")
	}
	if len(m.trees) == 0 {
		return nil, fmt.Errorf("no trees")
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	m.flat = referenceFlatten(m.trees)
	m.lexIdx = newLexIndex(m.lex)
	return m, nil
}

func referenceParseNode(f []string) (treeNode, error) {
	if len(f) != 5 {
		return treeNode{}, fmt.Errorf("want 5 fields in a node, got %d", len(f))
	}
	feat, err1 := strconv.Atoi(f[0])
	left, err2 := strconv.Atoi(f[2])
	right, err3 := strconv.Atoi(f[3])
	v, err4 := referenceFloats([]string{f[1], f[4]}, 2)
	for _, err := range []error{err1, err2, err3, err4} {
		if err != nil {
			return treeNode{}, err
		}
	}
	if feat < -1 || feat > math.MaxInt16 || left < 0 || left > math.MaxInt16 || right < 0 || right > math.MaxInt16 {
		return treeNode{}, fmt.Errorf("node fields out of range")
	}
	return treeNode{feature: int16(feat), threshold: v[0], left: int16(left), right: int16(right), value: v[1]}, nil
}

func referenceFloats(f []string, n int) ([]float32, error) {
	if len(f) != n {
		return nil, fmt.Errorf("want %d numbers, got %d", n, len(f))
	}
	out := make([]float32, n)
	for i, s := range f {
		v, err := strconv.ParseFloat(s, 32)
		if err != nil {
			return nil, err
		}
		out[i] = float32(v)
	}
	return out, nil
}

// referenceFlatten is the former flatten: it returns the flat form of trees, nil when one is too deep.
func referenceFlatten(trees [][]treeNode) *flatForest {
	depth := 0
	for _, t := range trees {
		depth = max(depth, treeDepth(t, 0))
	}
	if depth > maxFlatDepth {
		return nil
	}
	inner := 1<<depth - 1
	f := &flatForest{depth: depth, inner: inner, trees: len(trees),
		split: make([]flatNode, 0, len(trees)*inner),
		leaf:  make([]float32, 0, len(trees)*(inner+1)),
	}
	for _, t := range trees {
		split := make([]flatNode, inner)
		leaves := make([]float32, inner+1)
		var fill func(node, slot, level int)
		fill = func(node, slot, level int) {
			if level == depth {
				leaves[slot-inner] = t[node].value
				return
			}
			nd := t[node]
			left, right := int(nd.left), int(nd.right)
			if nd.feature < 0 {
				// A dummy split: both sides hold this leaf.
				left, right = node, node
			} else {
				split[slot] = flatNode{int32(nd.feature), nd.threshold}
			}
			fill(left, 2*slot+1, level+1)
			fill(right, 2*slot+2, level+1)
		}
		fill(0, 0, 0)
		f.split = append(f.split, split...)
		f.leaf = append(f.leaf, leaves...)
	}
	f.batch = batchNodes(f.split)
	return f
}

func BenchmarkReferenceParseModel(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := referenceParseModel(lineModelText); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnpackModel(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := unpackModel(lineModelPacked, lineModelText); err != nil {
			b.Fatal(err)
		}
	}
}

// The committed pack was made from the committed weights file: after
// retraining, go generate ./rules/boilerplate.
func TestLineModelPackIsFresh(t *testing.T) {
	packed, err := PackLineModel(lineModelText)
	if err != nil {
		t.Fatal(err)
	}
	if string(packed) != lineModelPacked {
		t.Fatal("linemodel.bin was not made from linemodel.txt: run go generate ./rules/boilerplate")
	}
}

// The pack gives the model the text gives.
func TestUnpackModelMatchesParse(t *testing.T) {
	got, err := unpackModel(lineModelPacked, lineModelText)
	if err != nil {
		t.Fatal(err)
	}
	want := mustParseModel(lineModelText)
	if got.base != want.base || got.info != want.info || got.warning != want.warning || got.error != want.error || got.gate != want.gate {
		t.Error("headers differ")
	}
	if got.trees != nil || !reflect.DeepEqual(got.flat, want.flat) || !reflect.DeepEqual(got.lex, want.lex) {
		t.Error("flat forests or lexicons differ (or node trees were unpacked)")
	}
	x := make([]float32, len(featureNames))
	for i := range 200 {
		for j := range x {
			x[j] = float32((i*7919+j*104729)%1000) / 50
		}
		if got.predict(x) != want.predict(x) {
			t.Fatalf("row %d: packed model scores %v, parsed %v", i, got.predict(x), want.predict(x))
		}
	}
}

// A pack made from another text, or cut short, is not used: the model is
// parsed from the text.
func TestStalePackIsNotUsed(t *testing.T) {
	features := "features " + strings.Join(featureNames, " ") + "\n"
	old := features + "thresholds 0.5 0.8 0.9\nlex more 1.5\nbase -1\ntree 3\n0 2 1 2 0\n-1 0 0 0 -1\n-1 0 0 0 3\n"
	retrained := strings.Replace(old, "base -1", "base 2", 1)
	packed, err := PackLineModel(old)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := unpackModel(string(packed), retrained); err == nil {
		t.Error("a pack of another text was used")
	}
	if m := loadModel(retrained, string(packed)); m.base != 2 {
		t.Errorf("base %v, want the retrained text's 2", m.base)
	}
	for n := range len(packed) {
		if _, err := unpackModel(string(packed[:n]), old); err == nil {
			t.Fatalf("a pack cut to %d of %d bytes was used", n, len(packed))
		}
	}
	if m, err := unpackModel(string(packed), old); err != nil || m.base != -1 || m.lex["more"] != 1.5 {
		t.Errorf("pack of the same text: %v", err)
	}
}

// Changing any one byte of a text changes its hash.
func TestTextHashSeesEveryByte(t *testing.T) {
	text := []byte("features words bytes\nbase -1\ntree 3\n0 2 1 2 0\n")
	want := textHash(string(text))
	for i := range text {
		old := text[i]
		text[i] ^= 1
		if textHash(string(text)) == want {
			t.Errorf("byte %d changed, hash did not", i)
		}
		text[i] = old
	}
}
