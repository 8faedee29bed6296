package footnotes

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
)

// findRefs scans the prose blocks for reference markers. Code blocks,
// inline code, note markers and the markers of the definitions themselves
// are skipped.
func findRefs(doc *document.Document, defs []Def) []Ref {
	var skipTo map[int]int // block index -> offset where its text starts
	if len(defs) > 0 {
		skipTo = make(map[int]int, len(defs))
		for _, d := range defs {
			skipTo[d.Block] = max(skipTo[d.Block], d.End)
		}
	}
	var refs []Ref
	stops := newStopFinder(doc.Src)
	// next is the first stop byte at or after nextFrom: a block whose
	// text holds none has no reference and is passed over without a
	// scan (most blocks of most documents).
	next, nextFrom := -1, -1
	for bi := range doc.Blocks {
		b := &doc.Blocks[bi]
		if b.Kind == document.Code || b.Kind == document.Separator {
			continue
		}
		from := b.ContentStart
		if skipTo != nil {
			from = max(from, skipTo[bi])
		}
		if next < from || from < nextFrom {
			next, nextFrom = stops.next(from, len(doc.Src)), from
		}
		if next >= b.End {
			continue
		}
		refs = scanBlock(doc.Src, b.Start, from, b.End, &stops, refs)
	}
	return refs
}

// scanBlock appends the references found in src[from:end); blockStart
// bounds how far back the context checks look.
func scanBlock(src []byte, blockStart, from, end int, stops *stopFinder, refs []Ref) []Ref {
	s := scanner{src: src[:end], blockStart: blockStart, lastRefEnd: -1}
	for i := from; i < end; {
		// Most bytes open nothing: go to the next one that may.
		if i = stops.next(i, end); i >= end {
			break
		}
		c := src[i]
		switch {
		case c == '`':
			i = skipInlineCode(src[:end], i)
			continue
		case c == '[':
			if r, ok := s.bracket(i); ok {
				refs = append(refs, r)
				s.lastRefEnd = r.End
				i = r.End
				continue
			}
		case c == '<':
			if r, ok := s.supTag(i); ok {
				refs = append(refs, r)
				s.lastRefEnd = r.End
				i = r.End
				continue
			}
		case c >= utf8.RuneSelf:
			if r, ok := s.superscript(i); ok {
				refs = append(refs, r)
				s.lastRefEnd = r.End
				i = r.End
				continue
			}
			_, size := utf8.DecodeRune(src[i:end])
			i += size
			continue
		}
		i++
	}
	return refs
}

// stopBytes are the bytes scanBlock acts on: a backtick, an opening
// bracket or angle bracket, and the first bytes of the superscript digits
// (0xC2 for "¹²³", 0xE2 for "⁰⁴⁵⁶⁷⁸⁹"). Every other byte above ASCII is
// passed over as part of a character that opens nothing; since 0xC2 and
// 0xE2 lead a character and never continue one, skipping such bytes one by
// one or a character at a time reaches the same stops.
var stopBytes = [...]byte{'`', '[', '<', 0xc2, 0xe2}

// stopSeconds are, per stop byte, the bytes that must follow it for the
// stop to count ("" for any): a 0xC2 or 0xE2 matters only when it opens a
// superscript digit (C2 B2, C2 B3, C2 B9; E2 81 B0 to B9). An article's
// curly quotes and dashes (E2 80 ..) and no-break spaces (C2 A0), by far
// its most frequent stop bytes, open none: stopping at them only sent
// scanBlock to decode and pass over them.
var stopSeconds = [len(stopBytes)]string{3: "\xb2\xb3\xb9", 4: "\x81"}

// stopFinder finds the next stop of a document with one fast search
// (bytes.IndexByte) per stop byte and occurrence, instead of a look at
// every byte: a document has few of them. It keeps, per stop byte, the
// next stop found, the answer for every offset from the one searched from
// up to it: scanBlock asks in text order.
type stopFinder struct {
	src []byte
	// at[k] is the offset of the first stop of stopBytes[k] at or after
	// from[k] (len(src) for none): the answer for every offset in
	// [from[k], at[k]].
	at, from [len(stopBytes)]int
	// first is the least of at and last the greatest of from: every
	// offset in [last, first] has first for its answer, which settles
	// most blocks (and every block of a document with no stop byte
	// left) without a look at each byte value.
	first, last int
}

func newStopFinder(src []byte) stopFinder {
	f := stopFinder{src: src, first: -1}
	for k := range f.at {
		f.at[k] = -1 // nothing searched yet
	}
	return f
}

// next returns the offset of the first stop in src[i:end), or end.
func (f *stopFinder) next(i, end int) int {
	if f.last <= i && i <= f.first {
		return min(f.first, end)
	}
	f.first, f.last = len(f.src), 0
	for k := range stopBytes {
		if f.at[k] < i || f.from[k] > i {
			f.from[k] = i
			f.at[k] = f.search(k, i)
		}
		f.first, f.last = min(f.first, f.at[k]), max(f.last, f.from[k])
	}
	return min(f.first, end)
}

// search returns the offset of the first stop of stopBytes[k] at or after
// i, or len(src).
func (f *stopFinder) search(k, i int) int {
	c, seconds := stopBytes[k], stopSeconds[k]
	if len(seconds) == 1 {
		return f.searchSecond(c, seconds[0], i)
	}
	for {
		j := bytes.IndexByte(f.src[i:], c)
		if j < 0 {
			return len(f.src)
		}
		i += j
		if seconds == "" || i+1 < len(f.src) && strings.IndexByte(seconds, f.src[i+1]) >= 0 {
			return i
		}
		i++
	}
}

// searchSecond returns the offset of the first c followed by second at
// or after i, or len(src), searching for second: 0x81 after 0xE2 (the
// superscript digits) is rare in any text, while an article's curly
// quotes and dashes put a 0xE2 every few hundred bytes.
func (f *stopFinder) searchSecond(c, second byte, i int) int {
	for p := i + 1; p < len(f.src); p++ {
		j := bytes.IndexByte(f.src[p:], second)
		if j < 0 {
			break
		}
		if p += j; f.src[p-1] == c {
			return p - 1
		}
	}
	return len(f.src)
}

// skipInlineCode returns the offset after the inline code span that opens
// at i, or i+1 when the backtick opens none: a backtick between letters is
// an apostrophe ("Model`s"), and a backtick run with no closing run of the
// same length on the same line is literal.
func skipInlineCode(src []byte, i int) int {
	n := 1
	for i+n < len(src) && src[i+n] == '`' {
		n++
	}
	if n == 1 && i > 0 && i+1 < len(src) && isASCIIAlnum(src[i-1]) && isASCIIAlnum(src[i+1]) {
		return i + 1
	}
	run := src[i : i+n]
	for j := i + n; j < len(src) && src[j] != '\n'; {
		if src[j] != '`' {
			j++
			continue
		}
		k := j
		for k < len(src) && src[k] == '`' {
			k++
		}
		if k-j == len(run) {
			return k
		}
		j = k
	}
	return i + n
}

type scanner struct {
	src        []byte // the document up to the end of the block
	blockStart int
	lastRefEnd int
}

// bracket reads "[3]", "[ 3 ]", "[1-3]", "[1, 2]" or "[^name]" at i and
// checks that its surroundings make it a footnote reference rather than
// code, a Markdown link or an interval.
func (s *scanner) bracket(i int) (Ref, bool) {
	src := s.src
	closing := bytes.IndexByte(src[i+1:min(len(src), i+48)], ']')
	if closing < 0 {
		return Ref{}, false
	}
	end := i + 1 + closing + 1
	inner := src[i+1 : end-1]
	r := Ref{Start: i, End: end, InnerStart: i + 1, InnerEnd: end - 1, Style: Bracket}
	// A Markdown converter escapes the brackets: "\[1\]" is still a marker.
	if i > s.blockStart && src[i-1] == '\\' {
		if len(inner) < 2 || inner[len(inner)-1] != '\\' {
			return Ref{}, false
		}
		inner = inner[:len(inner)-1]
		r.Start, r.InnerEnd = i-1, r.InnerEnd-1
	}
	if len(inner) > 1 && inner[0] == '^' {
		label := string(inner[1:])
		r.Style = Caret
		r.InnerStart++
		if n, ok := noteNumber(label); ok {
			r.Nums = []int{n}
		} else if validName(label) && !looksLikeCharClass(label) {
			r.Name = label
		} else {
			return Ref{}, false
		}
	} else {
		list, ok := parseNumberList(inner)
		if !ok {
			return Ref{}, false
		}
		r.Nums, r.Range = list.nums, list.ranged
		r.InnerStart += list.lead
		r.InnerEnd -= list.trail
		if list.count == 2 && !list.ranged && s.afterIntervalWord(r.Start) {
			return Ref{}, false // "in the range [1, 5]"
		}
	}
	if !s.bracketContextOK(r.Start, end, r.Style == Caret) {
		return Ref{}, false
	}
	r.SpaceBefore = s.spaceBefore(r.Start)
	return r, true
}

// bracketContextOK rejects markers that are Markdown link syntax or code.
func (s *scanner) bracketContextOK(start, end int, caret bool) bool {
	src := s.src
	if end < len(src) {
		switch src[end] {
		case '(', '{', '=', '_':
			return false // link "[1](url)", code "a[1]=", "x[1]{"
		case '.':
			if end+1 < len(src) && isASCIIAlnum(src[end+1]) {
				return false // "items[1].name"
			}
		case '[':
			if end+1 < len(src) && src[end+1] != '^' && !isDigit(src[end+1]) {
				return false // reference link "[1][id]"
			}
		case ':':
			if s.atLineStart(start) {
				return false // link definition "[1]: https://..."
			}
		}
	}
	if start == s.blockStart {
		return true
	}
	prev, _ := utf8.DecodeLastRune(src[s.blockStart:start])
	switch {
	case prev == ']':
		return start == s.lastRefEnd // "[1][2]" yes, "[text][1]" no
	case prev == '!' || prev == '\\':
		return false
	case caret:
		return true // "[^3]" is Markdown wherever it stands
	case prev < utf8.RuneSelf && (isASCIIAlnum(byte(prev)) || prev == '_' || prev == '$'):
		return !codeIdentifier(s.identifierBefore(start))
	}
	return true
}

// identifierBefore returns the run of identifier characters ending at i,
// with dots that join two such runs ("obj.items").
func (s *scanner) identifierBefore(i int) []byte {
	j := i
	for j > s.blockStart {
		c := s.src[j-1]
		if isASCIIAlnum(c) || c == '_' || c == '$' || c == '.' && j < i && isASCIIAlnum(s.src[j]) {
			j--
			continue
		}
		break
	}
	return s.src[j:i]
}

// codeIdentifier reports an identifier that only code would write:
// snake_case, $var, a.b. CamelCase is not enough: brand names
// ("YouTube[3]", "vLLM[2]") carry references in prose.
func codeIdentifier(id []byte) bool {
	return bytes.ContainsAny(id, "_$.")
}

// intervalWords precede a pair that is an interval, not two citations.
var intervalWords = map[string]bool{
	"range": true, "ranges": true, "interval": true, "intervals": true, "between": true,
	"domain": true, "scale": true, "from": true,
}

func (s *scanner) afterIntervalWord(i int) bool {
	j := i
	for j > s.blockStart && (s.src[j-1] == ' ' || s.src[j-1] == '\t') {
		j--
	}
	k := j
	for k > s.blockStart && isASCIILetter(s.src[k-1]) {
		k--
	}
	return intervalWords[strings.ToLower(string(s.src[k:j]))]
}

func (s *scanner) atLineStart(i int) bool {
	for j := i; j > s.blockStart; j-- {
		switch s.src[j-1] {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return true
		}
		return false
	}
	return true
}

func (s *scanner) spaceBefore(i int) bool {
	if i == s.blockStart {
		return false
	}
	r, _ := utf8.DecodeLastRune(s.src[s.blockStart:i])
	return r == ' ' || r == '\t' || r == '\u00a0'
}

// looksLikeCharClass rejects "[^a-z]" and friends when a regular
// expression is quoted outside backticks.
func looksLikeCharClass(label string) bool {
	return strings.Contains(label, "-") && len(label) <= 5
}

// numberList is the parsed inside of a bracket: "1", "1-3", "4, 5".
type numberList struct {
	nums        []int
	count       int // items written (a range is one)
	ranged      bool
	lead, trail int // white space inside the brackets
}

// parseNumberList accepts numbers separated by "," or ";" and ranges
// written with "-", "–" or "—", with optional white space.
func parseNumberList(b []byte) (numberList, bool) {
	var l numberList
	trimmed := bytes.TrimLeft(b, " \u00a0")
	l.lead = len(b) - len(trimmed)
	t := bytes.TrimRight(trimmed, " \u00a0")
	l.trail = len(trimmed) - len(t)
	if len(t) == 0 {
		return l, false
	}
	for _, item := range splitAny(t, ",;") {
		item = bytes.Trim(item, " \u00a0")
		lo, hi, isRange, ok := parseItem(item)
		if !ok {
			return l, false
		}
		l.count++
		if !isRange {
			l.nums = append(l.nums, lo)
			continue
		}
		l.ranged = true
		for n := lo; n <= hi; n++ {
			l.nums = append(l.nums, n)
		}
	}
	return l, true
}

func parseItem(item []byte) (lo, hi int, isRange, ok bool) {
	for _, dash := range []string{"-", "–", "—"} {
		a, b, found := bytes.Cut(item, []byte(dash))
		if !found {
			continue
		}
		lo, ok1 := noteNumber(string(bytes.Trim(a, " \u00a0")))
		hi, ok2 := noteNumber(string(bytes.Trim(b, " \u00a0")))
		if !ok1 || !ok2 || hi <= lo || hi-lo > maxRange {
			return 0, 0, false, false
		}
		return lo, hi, true, true
	}
	n, ok := noteNumber(string(item))
	return n, n, false, ok
}

func splitAny(b []byte, seps string) [][]byte {
	return bytes.FieldsFunc(b, func(r rune) bool { return strings.ContainsRune(seps, r) })
}

// supTag reads "<sup>3</sup>" (any case) at i.
func (s *scanner) supTag(i int) (Ref, bool) {
	m, ok := scanSupTag(s.src, i)
	if !ok || !s.superscriptContextOK(i, m.nums) {
		return Ref{}, false
	}
	return Ref{Start: i, End: m.end, InnerStart: m.innerStart, InnerEnd: m.innerEnd,
		Style: Sup, Nums: m.nums, Range: m.ranged, SpaceBefore: s.spaceBefore(i)}, true
}

type supMatch struct {
	end, innerStart, innerEnd int
	nums                      []int
	ranged                    bool
}

func scanSupTag(src []byte, i int) (supMatch, bool) {
	const open, closeTag = "<sup>", "</sup>"
	if len(src)-i < len(open)+1+len(closeTag) || !bytes.EqualFold(src[i:i+len(open)], []byte(open)) {
		return supMatch{}, false
	}
	innerStart := i + len(open)
	limit := min(len(src), innerStart+24)
	c := bytes.Index(bytes.ToLower(src[innerStart:limit]), []byte(closeTag))
	if c <= 0 {
		return supMatch{}, false
	}
	list, ok := parseNumberList(src[innerStart : innerStart+c])
	if !ok {
		return supMatch{}, false
	}
	return supMatch{
		end:        innerStart + c + len(closeTag),
		innerStart: innerStart + list.lead, innerEnd: innerStart + c - list.trail,
		nums: list.nums, ranged: list.ranged,
	}, true
}

// superscript reads a run of superscript digits ("¹²", "¹⁻³", "¹,²") at i.
func (s *scanner) superscript(i int) (Ref, bool) {
	src := s.src
	r, _ := utf8.DecodeRune(src[i:])
	if superscriptDigit(r) < 0 {
		return Ref{}, false
	}
	j, nums, ranged, ok := scanSuperscriptList(src, i)
	if !ok || !s.superscriptContextOK(i, nums) {
		return Ref{}, false
	}
	if j < len(src) {
		if next, _ := utf8.DecodeRune(src[j:]); unicode.IsLetter(next) || unicode.IsDigit(next) {
			return Ref{}, false // "x²y"
		}
	}
	return Ref{Start: i, End: j, InnerStart: i, InnerEnd: j, Style: Superscript,
		Nums: nums, Range: ranged, SpaceBefore: false}, true
}

// scanSuperscriptList reads superscript numbers joined by "," or by a
// superscript minus (a range).
func scanSuperscriptList(src []byte, i int) (end int, nums []int, ranged, ok bool) {
	j := i
	pendingRange := false
	for {
		k := j
		for k < len(src) {
			r, size := utf8.DecodeRune(src[k:])
			if superscriptDigit(r) < 0 {
				break
			}
			k += size
		}
		n, good := superscriptNumber(src[j:k])
		if !good {
			return 0, nil, false, false
		}
		if pendingRange {
			lo := nums[len(nums)-1]
			if n <= lo || n-lo > maxRange {
				return 0, nil, false, false
			}
			for m := lo + 1; m <= n; m++ {
				nums = append(nums, m)
			}
			ranged = true
		} else {
			nums = append(nums, n)
		}
		j = k
		if j >= len(src) {
			return j, nums, ranged, true
		}
		sep, size := utf8.DecodeRune(src[j:])
		if sep != ',' && sep != '\u207b' {
			return j, nums, ranged, true
		}
		next, _ := utf8.DecodeRune(src[j+size:])
		if superscriptDigit(next) < 0 {
			return j, nums, ranged, true
		}
		pendingRange = sep == '\u207b'
		j += size
	}
}

// units are short words a superscript 2 or 3 follows as an exponent.
var units = map[string]bool{
	"sec": true, "min": true, "mph": true, "kmh": true, "mile": true, "miles": true,
	"feet": true, "foot": true, "inch": true, "inches": true, "yard": true, "yards": true,
	"meter": true, "meters": true, "metre": true, "metres": true, "sqm": true, "sqft": true,
}

// superscriptContextOK accepts a superscript marker after closing
// punctuation or after a word. Exponents are refused: after a number
// ("10²"), after a word of fewer than three letters ("m²", "x²", "E=mc²")
// unless the value is never an exponent (1, or 10 and up: "100G¹"), and
// after a unit squared or cubed ("16 inch²").
func (s *scanner) superscriptContextOK(i int, nums []int) bool {
	if i == s.blockStart {
		return false
	}
	prev, _ := utf8.DecodeLastRune(s.src[s.blockStart:i])
	switch prev {
	case '.', ',', ';', ':', '!', '?', ')', '"', '\'', '\u201d', '\u2019', '*':
		return true
	}
	if !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
		return false
	}
	j, letters, digits, wordStart := i, 0, 0, -1
	for j > s.blockStart {
		r, size := utf8.DecodeLastRune(s.src[s.blockStart:j])
		isLetter := unicode.IsLetter(r)
		if !isLetter && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '\u2019' {
			break
		}
		if !isLetter && wordStart < 0 {
			wordStart = j // the last run of letters starts here
		}
		if isLetter {
			letters++
		} else if unicode.IsDigit(r) {
			digits++
		}
		j -= size
	}
	if wordStart < 0 {
		wordStart = j
	}
	word := strings.ToLower(string(s.src[wordStart:i]))
	squared := len(nums) == 1 && (nums[0] == 2 || nums[0] == 3)
	switch {
	case letters == 0:
		return false
	case len(nums) > 1 || nums[0] == 1 || nums[0] >= 10:
		return true
	case word == "s" && digits >= 2:
		return true // a decade: "the 1960s³"
	case letters < 3:
		// "16ft⁶": a mixed token takes an exponent only squared or cubed.
		return digits > 0 && !squared
	}
	return !squared || !units[word]
}

// superscriptDigit returns the value of a superscript digit rune, or -1.
func superscriptDigit(r rune) int {
	switch r {
	case '\u2070':
		return 0
	case '\u00b9':
		return 1
	case '\u00b2':
		return 2
	case '\u00b3':
		return 3
	}
	if r >= '\u2074' && r <= '\u2079' {
		return int(r-'\u2074') + 4
	}
	return -1
}

// superscriptNumber parses a run of superscript digits as a note number.
func superscriptNumber(b []byte) (int, bool) {
	var plain []byte
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		d := superscriptDigit(r)
		if d < 0 {
			return 0, false
		}
		plain = append(plain, byte('0'+d))
		b = b[size:]
	}
	return noteNumber(string(plain))
}

// superscriptString writes n in superscript digits.
func superscriptString(n int) string {
	digits := []rune{'\u2070', '\u00b9', '\u00b2', '\u00b3', '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079'}
	var b strings.Builder
	for _, c := range itoa(n) {
		b.WriteRune(digits[c-'0'])
	}
	return b.String()
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isASCIIAlnum(c byte) bool  { return isDigit(c) || isASCIILetter(c) }
