package cli

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// A unified diff of two texts, line by line, with three lines of context:
// what `diff -u` and `git apply` read. Lines are compared with their
// terminators, so a CRLF turned LF shows; a last line without a newline is
// marked "\ No newline at end of file".

const diffContext = 3

// maxDiffEdits bounds the Myers search (its trace grows with the square
// of the edit count); past it the changed middle becomes one hunk, which
// is still a correct diff, only not a minimal one.
const maxDiffEdits = 1000

// lineOp is one line of the diff: ' ' kept, '-' removed, '+' added; a and
// b index the line in the old and the new text.
type lineOp struct {
	kind byte
	a, b int
}

// writeUnifiedDiff writes the diff of old and new under the given names;
// nothing when they are equal.
func writeUnifiedDiff(w io.Writer, oldName, newName string, old, new []byte, color bool) error {
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)
	hunks := groupHunks(ops)
	if len(hunks) == 0 {
		return nil
	}
	var out bytes.Buffer
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return "\x1b[" + code + "m" + s + "\x1b[0m"
	}
	fmt.Fprint(&out, paint("1", "--- "+oldName)+"\n"+paint("1", "+++ "+newName)+"\n")
	for _, h := range hunks {
		first := h[0]
		aStart, bStart := first.a, first.b
		aCount, bCount := 0, 0
		for _, op := range h {
			if op.kind != '+' {
				aCount++
			}
			if op.kind != '-' {
				bCount++
			}
		}
		fmt.Fprintf(&out, "%s\n", paint("36", fmt.Sprintf("@@ -%s +%s @@", hunkRange(aStart, aCount), hunkRange(bStart, bCount))))
		for _, op := range h {
			var line, code string
			switch op.kind {
			case ' ':
				line = a[op.a]
			case '-':
				line, code = a[op.a], "31"
			case '+':
				line, code = b[op.b], "32"
			}
			text := string(op.kind) + strings.TrimSuffix(line, "\n")
			if code != "" {
				text = paint(code, text)
			}
			out.WriteString(text + "\n")
			if !strings.HasSuffix(line, "\n") {
				out.WriteString("\\ No newline at end of file\n")
			}
		}
	}
	_, err := w.Write(out.Bytes())
	return err
}

// hunkRange formats a hunk's side: start is the 0-based index of its first
// line; an empty side names the line before it.
func hunkRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}

// splitLines splits after every "\n", keeping the terminators.
func splitLines(b []byte) []string {
	var out []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			out = append(out, string(b))
			break
		}
		out = append(out, string(b[:i+1]))
		b = b[i+1:]
	}
	return out
}

// diffLines returns the edit script from a to b: the common prefix and
// suffix, and Myers' shortest script for the middle.
func diffLines(a, b []string) []lineOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []lineOp
	for i := 0; i < pre; i++ {
		ops = append(ops, lineOp{' ', i, i})
	}
	mid, ok := myers(a[pre:len(a)-suf], b[pre:len(b)-suf])
	if !ok {
		mid = nil
		for i := range a[pre : len(a)-suf] {
			mid = append(mid, lineOp{'-', i, 0})
		}
		for j := range b[pre : len(b)-suf] {
			mid = append(mid, lineOp{'+', len(a) - suf - pre, j})
		}
	}
	for _, op := range mid {
		ops = append(ops, lineOp{op.kind, op.a + pre, op.b + pre})
	}
	for i := 0; i < suf; i++ {
		ops = append(ops, lineOp{' ', len(a) - suf + i, len(b) - suf + i})
	}
	return ops
}

// myers is the O(ND) shortest edit script (Myers 1986), with the trace
// of each round kept for walking back. It gives up past maxDiffEdits.
func myers(a, b []string) ([]lineOp, bool) {
	n, m := len(a), len(b)
	limit := min(n+m, maxDiffEdits)
	off := n + m + 1
	v := make([]int, 2*off+1)
	var trace [][]int // trace[d][k+d] is the furthest x on diagonal k after round d
	for d := 0; d <= limit; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
		}
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
		if v[off+n-m] >= n && n-m >= -d && n-m <= d && (n-m+d)%2 == 0 {
			return backtrack(a, b, trace), true
		}
	}
	return nil, false
}

func backtrack(a, b []string, trace [][]int) []lineOp {
	x, y := len(a), len(b)
	var rev []lineOp
	at := func(d, k int) int { return trace[d][k+d] }
	for d := len(trace) - 1; d > 0; d-- {
		k := x - y
		var prevK int
		if k == -d || k != d && at(d-1, k-1) < at(d-1, k+1) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := at(d-1, prevK)
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x--
			y--
			rev = append(rev, lineOp{' ', x, y})
		}
		if prevK == k+1 {
			y--
			rev = append(rev, lineOp{'+', x, y})
		} else {
			x--
			rev = append(rev, lineOp{'-', x, y})
		}
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, lineOp{' ', x, y})
	}
	ops := make([]lineOp, len(rev))
	for i, op := range rev {
		ops[len(rev)-1-i] = op
	}
	return ops
}

// groupHunks cuts the script into hunks: changes with up to diffContext
// kept lines around them, neighbours closer than twice that merged.
func groupHunks(ops []lineOp) [][]lineOp {
	var hunks [][]lineOp
	i := 0
	for i < len(ops) {
		for i < len(ops) && ops[i].kind == ' ' {
			i++
		}
		if i == len(ops) {
			break
		}
		start := max(0, i-diffContext)
		end := i
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*diffContext {
				end = min(run, end+diffContext)
				break
			}
			end = run
		}
		hunks = append(hunks, ops[start:end])
		i = end
	}
	return hunks
}
