package boilerplate

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

func mustParseModel(text string) *lineModel {
	m, err := parseModel(text)
	if err != nil {
		panic("boilerplate: linemodel.txt: " + err.Error())
	}
	return m
}

// parseModel reads the weights file written by internal/train:
//
//	features NAME...            (must equal featureNames)
//	thresholds INFO WARNING ERROR
//	gate N
//	lex WORD WEIGHT
//	base B
//	tree N                      followed by N node lines:
//	FEATURE THRESHOLD LEFT RIGHT VALUE   (FEATURE -1 for a leaf)
//
// Lines starting with # are comments.
//
// Every process that lints a page parses the file (15,000 lines), and a
// fresh process linting one article waits for it, so the text is read in
// place: the fields of a line are substrings of text kept in one reused
// slice, the nodes of all trees share one array, and the lexicon map is
// sized up front.
func parseModel(text string) (*lineModel, error) {
	m := &lineModel{lex: make(Lexicon, strings.Count(text, "\nlex "))}
	// Every node is a line, so the lines bound the nodes.
	nodes := make([]treeNode, 0, strings.Count(text, "\n")+1)
	var buf [8]string
	treeStart, want, sawFeatures := 0, 0, false
	for n := 0; len(text) > 0; n++ {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		f := fields(line, buf[:0])
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if want > 0 {
			node, err := parseNode(f)
			if err != nil {
				return nil, lineError(n, "%v", err)
			}
			nodes = append(nodes, node)
			if want--; want == 0 {
				m.trees = append(m.trees, nodes[treeStart:len(nodes):len(nodes)])
			}
			continue
		}
		switch f[0] {
		case "features":
			sawFeatures = true
			if !equalStrings(f[1:], featureNames) {
				return nil, lineError(n, "features differ from the code's; retrain with go run ./rules/boilerplate/internal/train")
			}
		case "thresholds":
			v, err := floats(f[1:], 3)
			if err != nil {
				return nil, lineError(n, "%v", err)
			}
			m.info, m.warning, m.error = v[0], v[1], v[2]
		case "gate":
			v, err := strconv.Atoi(strings.Join(f[1:], ""))
			if err != nil || v < 0 {
				return nil, lineError(n, "bad gate %q", strings.Join(f[1:], " "))
			}
			m.gate = v
		case "lex":
			if len(f) != 3 {
				return nil, lineError(n, "want a word and its weight")
			}
			v, err := parseFloat32(f[2])
			if err != nil {
				return nil, lineError(n, "%v", err)
			}
			m.lex[f[1]] = v
		case "base":
			v, err := floats(f[1:], 1)
			if err != nil {
				return nil, lineError(n, "%v", err)
			}
			m.base = v[0]
		case "tree":
			k, err := strconv.Atoi(strings.Join(f[1:], ""))
			if err != nil || k < 1 {
				return nil, lineError(n, "bad node count %q", strings.Join(f[1:], " "))
			}
			want, treeStart = k, len(nodes)
		default:
			return nil, lineError(n, "unknown record %q", f[0])
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
	m.flat = flatten(m.trees)
	m.lexIdx = newLexIndex(m.lex)
	return m, nil
}

// lineError is an error on the file's line n (0-based).
func lineError(n int, format string, args ...any) error {
	return fmt.Errorf("line %d: "+format, append([]any{n + 1}, args...)...)
}

// fields appends the fields of line to dst, as strings.Fields splits
// them. ASCII lines (all of the trainer's output but a few lexicon words)
// are split here without allocating; a line with other bytes goes to
// strings.Fields, which also splits at Unicode spaces.
func fields(line string, dst []string) []string {
	start := -1
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c >= 0x80:
			return strings.Fields(line)
		case isASCIISpace(c):
			if start >= 0 {
				dst = append(dst, line[start:i])
				start = -1
			}
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		dst = append(dst, line[start:])
	}
	return dst
}

// isASCIISpace is strings.Fields' test for an ASCII byte.
func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// check makes sure every node index and feature is in range, so predict
// can never panic or loop.
func (m *lineModel) check() error {
	for ti, t := range m.trees {
		for i, nd := range t {
			if nd.feature < 0 {
				continue
			}
			l, r := int(nd.left), int(nd.right)
			if int(nd.feature) >= len(featureNames) || l <= i || r <= i || l >= len(t) || r >= len(t) {
				return fmt.Errorf("tree %d node %d out of range", ti, i)
			}
		}
	}
	return nil
}

// parseNode reads FEATURE THRESHOLD LEFT RIGHT VALUE. A field that is no
// number is reported as strconv words it, the integers checked first.
func parseNode(f []string) (treeNode, error) {
	if len(f) != 5 {
		return treeNode{}, fmt.Errorf("want 5 fields in a node, got %d", len(f))
	}
	feat, err := strconv.Atoi(f[0])
	if err != nil {
		return treeNode{}, err
	}
	left, err := strconv.Atoi(f[2])
	if err != nil {
		return treeNode{}, err
	}
	right, err := strconv.Atoi(f[3])
	if err != nil {
		return treeNode{}, err
	}
	threshold, err := parseFloat32(f[1])
	if err != nil {
		return treeNode{}, err
	}
	value, err := parseFloat32(f[4])
	if err != nil {
		return treeNode{}, err
	}
	if feat < -1 || feat > math.MaxInt16 || left < 0 || left > math.MaxInt16 || right < 0 || right > math.MaxInt16 {
		return treeNode{}, fmt.Errorf("node fields out of range")
	}
	return treeNode{feature: int16(feat), threshold: threshold, left: int16(left), right: int16(right), value: value}, nil
}

// parseFloat32 is strconv.ParseFloat(s, 32); "0", which half the fields
// of a tree are (a leaf's threshold, an inner node's value), is taken
// without the full parse.
func parseFloat32(s string) (float32, error) {
	if s == "0" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 32)
	return float32(v), err
}

func floats(f []string, n int) ([]float32, error) {
	if len(f) != n {
		return nil, fmt.Errorf("want %d numbers, got %d", n, len(f))
	}
	out := make([]float32, n)
	for i, s := range f {
		v, err := parseFloat32(s)
		if err != nil {
			return nil, err
		}
		out[i] = v
	}
	return out, nil
}
