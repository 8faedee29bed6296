// Package dates finds calendar dates in article text: full dates in the
// common English formats (with or without a weekday and a year), and the
// article's own date from a date line near the top. The facts rules share
// it so that they agree on what a date is and which date an article has.
package dates

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Match is one date found in text. Offsets are absolute byte offsets into
// the text that was searched.
type Match struct {
	// Start and End span the whole match, weekday included.
	Start, End int
	// DateStart is where the date proper begins (after any weekday).
	DateStart int
	Year      int // 0 when the text gave no year
	Month     time.Month
	Day       int
	// Weekday is set when a weekday name stands next to the date;
	// WeekdayStart and WeekdayEnd span it.
	Weekday                  time.Weekday
	HasWeekday               bool
	WeekdayStart, WeekdayEnd int
}

// HasYear reports whether the text gave the year.
func (m Match) HasYear() bool { return m.Year != 0 }

// Time returns the date at midnight UTC in year (m.Year when it is set).
func (m Match) Time(year int) time.Time {
	if m.Year != 0 {
		year = m.Year
	}
	return time.Date(year, m.Month, m.Day, 0, 0, 0, 0, time.UTC)
}

// Valid reports whether the day exists in the given year (the match's own
// year when it has one).
func (m Match) Valid(year int) bool {
	t := m.Time(year)
	return t.Day() == m.Day && t.Month() == m.Month
}

// The month and weekday names are written as abbreviations with optional
// endings, longest first ("Sep(?:t(?:ember)?)?"): the same matches in the
// same order of preference as the plain list, in fewer instructions. The
// list made dateRE 501 instructions, one over what regexp runs its
// backtracker for; at 413 a short piece is searched by the backtracker,
// not the automaton (TestRewrittenExpressionAgrees holds it to the list).
const (
	monthRE   = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
	weekdayRE = `(Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\.?,?[ \t\x{00a0}]+(?:the[ \t]+)?`
	sp        = `[ \t\x{00a0}]+`
	ordinal   = `(?:st|nd|rd|th)?`
)

// dateRE matches one date, optionally preceded by a weekday. Groups:
// 1 weekday; 2-4 month day year (MDY); 5-7 day month year (DMY);
// 8-10 ISO; 11-13 dotted day.month.year; 14-16 slashed.
//
// It is compiled on first use, not when the program starts: compiling it
// took a fifth of a millisecond of every process's start, and most
// commands, and documents without a date-like word, never use it.
var dateRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(dateExpr) })

const dateExpr = `(?:\b` + weekdayRE + `)?(?:` +
	`\b` + monthRE + sp + `(\d{1,2})` + ordinal + `\b(?:,?` + sp + `(\d{4})\b)?` +
	`|\b(\d{1,2})` + ordinal + sp + `(?:of` + sp + `)?` + monthRE + `(?:,?` + sp + `(\d{4})\b)?` +
	`|\b(\d{4})-(\d{2})-(\d{2})\b` +
	`|\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b` +
	`|\b(\d{1,2})/(\d{1,2})/(\d{4})\b` +
	`)`

// anchoredDateRE is dateRE anchored at the start of the text
// (appendWeekdayMatches), compiled on first use.
var anchoredDateRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:` + dateExpr + `)`) })

// trailingWeekdayRE matches "(Thursday)" right after a date (compiled on
// first use, as dateRE).
var trailingWeekdayRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[ \t]*\((Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\)`)
})

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

var weekdays = map[string]time.Weekday{
	"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday,
	"fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
}

// Find returns the dates in src[start:end), in order. Ambiguous numeric
// dates ("4/9/2025", which is April in the US and September elsewhere) are
// left out unless one number is over 12.
func Find(src []byte, start, end int) []Match {
	if start < 0 {
		start = 0
	}
	if end > len(src) {
		end = len(src)
	}
	if start >= end {
		return nil
	}
	return find(src, start, end, false)
}

// FindWeekdays is Find for dates written with a weekday only; it skips
// the text around digits that names no weekday, which is most of it.
func FindWeekdays(src []byte, start, end int) []Match {
	var out []Match
	for _, m := range find(src, start, end, true) {
		if m.HasWeekday {
			out = append(out, m)
		}
	}
	return out
}

func find(src []byte, start, end int, weekdayOnly bool) []Match {
	if start < 0 {
		start = 0
	}
	if end > len(src) {
		end = len(src)
	}
	if weekdayOnly && !namesWeekday(src[start:end]) {
		// Every window a weekday passes lies inside the range (after a
		// space or at its start), so a range naming no weekday holds
		// no window that does. Most prose names none, and this scan is
		// cheaper than finding the windows around its digits.
		return nil
	}
	var out []Match
	for _, w := range digitWindows(src, start, end) {
		text := src[w[0]:w[1]]
		if (!weekdayOnly || namesWeekday(text)) && mayHoldDate(text) {
			out = appendDates(out, src, w[0], w[1], weekdayOnly)
		}
	}
	return out
}

// WeekdayOffsets returns, in order, the offsets in src where a weekday
// name or abbreviation starts the way a date with a weekday writes it
// (weekdayAt). A range of src holding none of them holds no date with a
// weekday: FindWeekdays finds nothing there (namesWeekday, which it asks
// first, tests the same and more: the byte before the name too, and the
// byte after it inside the range). Asked once per document, it settles
// most documents with one fast search per weekday initial
// (bytes.IndexByte) instead of a scan of every block: most documents
// name no weekday at all, and those that do, in a few blocks.
//
// Most capitals found ("The", "She", "Minister") fail on the two letters
// after them, compared here as one number with the one or two pairs a
// weekday of that initial has, before the call to weekdayAt: the call
// was two thirds of the instructions spent per capital (3.4M of 19.8M on
// the WCXB truth texts, 81,000 capitals for 226 weekdays).
func WeekdayOffsets(src []byte) []int {
	var out []int
	for _, w := range weekdayInitials {
		for i := 0; i+3 < len(src); i++ {
			k := bytes.IndexByte(src[i:len(src)-3], w.initial)
			if k < 0 {
				break
			}
			i += k
			if next := uint16(src[i+1]) | uint16(src[i+2])<<8; (next == w.next[0] || next == w.next[1]) && weekdayAt(src, i) {
				out = append(out, i)
			}
		}
	}
	slices.Sort(out)
	return out
}

// weekdayInitials are the initials of weekdayWords, each with the two
// letters that follow it in a weekday (little-endian, as WeekdayOffsets
// reads them): Mon, Tue and Thu, Wed, Fri, Sat and Sun.
var weekdayInitials = [...]struct {
	initial byte
	next    [2]uint16
}{
	{'M', [2]uint16{'o' | 'n'<<8, 'o' | 'n'<<8}},
	{'T', [2]uint16{'u' | 'e'<<8, 'h' | 'u'<<8}},
	{'W', [2]uint16{'e' | 'd'<<8, 'e' | 'd'<<8}},
	{'F', [2]uint16{'r' | 'i'<<8, 'r' | 'i'<<8}},
	{'S', [2]uint16{'a' | 't'<<8, 'u' | 'n'<<8}},
}

// weekdayAt reports whether a weekday name or abbreviation of
// weekdayWords starts at src[i], followed by a byte endsWeekday accepts.
func weekdayAt(src []byte, i int) bool {
	if i+3 >= len(src) {
		return false
	}
	// Most capitals ("The", "She") fail on the three-letter prefix,
	// read as one number.
	switch uint32(src[i]) | uint32(src[i+1])<<8 | uint32(src[i+2])<<16 {
	case 'M' | 'o'<<8 | 'n'<<16, 'T' | 'u'<<8 | 'e'<<16, 'W' | 'e'<<8 | 'd'<<16, 'T' | 'h'<<8 | 'u'<<16,
		'F' | 'r'<<8 | 'i'<<16, 'S' | 'a'<<8 | 't'<<16, 'S' | 'u'<<8 | 'n'<<16:
	default:
		return false
	}
	for _, name := range weekdayWords[src[i]] {
		if n := len(name); i+n < len(src) && string(src[i:i+n]) == name && endsWeekday(src[i+n]) {
			return true
		}
	}
	return false
}

// weekdayWords are the weekday names and abbreviations of the date
// expressions, by first letter.
var weekdayWords = [256][]string{
	'M': {"Monday", "Mon"},
	'T': {"Tuesday", "Thursday", "Tues", "Tue", "Thurs", "Thur", "Thu"},
	'W': {"Wednesday", "Wed"},
	'F': {"Friday", "Fri"},
	'S': {"Saturday", "Sunday", "Sat", "Sun"},
}

// namesWeekday reports whether w holds a weekday name or abbreviation the
// way a date with a weekday writes it: at a word start, followed by a
// full stop, comma, space or closing bracket ("Friday, ", "(Friday)").
// Without one, no date in w can have a weekday; "Sunni" or "Monetary" do
// not count.
func namesWeekday(w []byte) bool { return nextWeekday(w, 0) >= 0 }

// nextWeekday returns the first offset from i on where namesWeekday finds
// a weekday in w, or -1.
func nextWeekday(w []byte, i int) int {
	for ; i+3 < len(w); i++ {
		// A weekday opens with a capital: go to the next one eight
		// bytes at a time.
		for i+8 <= len(w) {
			if m := capitalLanes(binary.LittleEndian.Uint64(w[i:])); m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
			i += 8
		}
		if i+3 >= len(w) {
			break
		}
		// Every weekday name and abbreviation opens with one of seven
		// three-letter prefixes: most capitals ("The", "She") stop here.
		if !weekdayPrefix(w[i], w[i+1], w[i+2]) {
			continue
		}
		words := weekdayWords[w[i]]
		if len(words) == 0 || i > 0 && isWordByte(w[i-1]) {
			continue
		}
		for _, name := range words {
			if n := len(name); i+n < len(w) && string(w[i:i+n]) == name && endsWeekday(w[i+n]) {
				return i
			}
		}
	}
	return -1
}

// weekdayPrefix reports whether a, b, c open a weekday name or
// abbreviation of weekdayWords: Mon, Tue, Wed, Thu, Fri, Sat or Sun.
func weekdayPrefix(a, b, c byte) bool {
	switch string([]byte{a, b, c}) {
	case "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun":
		return true
	}
	return false
}

// capitalLanes returns a mask whose lowest set bit is the high bit of
// the first of the eight bytes of x between 0x40 and 0x5F (the capitals,
// "@" and "[\\]^_"), and zero when there is none. It is the zero-byte test
// on x with three high bits kept and 010 flipped off: exact for the
// lowest lane, which is all a scan needs.
func capitalLanes(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	v := x&0xe0e0e0e0e0e0e0e0 ^ 0x4040404040404040
	return (v - ones) &^ v & highs
}

// endsWeekday reports whether c may follow a weekday in a date: ".", ",",
// a space, a tab, a no-break space (its first byte) or ")".
func endsWeekday(c byte) bool {
	return c == '.' || c == ',' || c == ' ' || c == '\t' || c == 0xc2 || c == ')'
}

// isWordByte is the expressions' \w: ASCII letters, digits, underscore.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || isDigit(c) || c == '_'
}

// mayHoldDate is a cheap test before the date expression: a month name,
// or digits joined by ".", "-" or "/".
func mayHoldDate(w []byte) bool {
	for i := 1; i+1 < len(w); i++ {
		if (w[i] == '.' || w[i] == '-' || w[i] == '/') && isDigit(w[i-1]) && isDigit(w[i+1]) {
			return true
		}
	}
	return namesMonth(w)
}

// namesMonth reports whether w holds the start of a month name ("Jan",
// "Feb", ... "Dec"), in one pass.
func namesMonth(w []byte) bool {
	for i := 0; i+2 < len(w); i++ {
		switch a, b := w[i+1], w[i+2]; w[i] {
		case 'J':
			if a == 'a' && b == 'n' || a == 'u' && (b == 'n' || b == 'l') {
				return true
			}
		case 'F':
			if a == 'e' && b == 'b' {
				return true
			}
		case 'M':
			if a == 'a' && (b == 'r' || b == 'y') {
				return true
			}
		case 'A':
			if a == 'p' && b == 'r' || a == 'u' && b == 'g' {
				return true
			}
		case 'S':
			if a == 'e' && b == 'p' {
				return true
			}
		case 'O':
			if a == 'c' && b == 't' {
				return true
			}
		case 'N':
			if a == 'o' && b == 'v' {
				return true
			}
		case 'D':
			if a == 'e' && b == 'c' {
				return true
			}
		}
	}
	return false
}

// digitWindows returns the stretches of src[start:end) around digits,
// widened to white space: every date has a digit, and running the date
// expression only there keeps Find fast on long prose.
func digitWindows(src []byte, start, end int) [][2]int {
	const before, after = 32, 24
	var out [][2]int
	for i := start; i < end; i++ {
		if i = nextDigit(src, i, end); i == end {
			break
		}
		lo := max(start, i-before)
		for lo > start && !isSpace(src[lo-1]) {
			lo--
		}
		j := i
		for j < end && isDigit(src[j]) {
			j++
		}
		hi := min(end, j+after)
		for hi < end && !isSpace(src[hi]) {
			hi++
		}
		if n := len(out); n > 0 && lo <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], hi)
		} else {
			out = append(out, [2]int{lo, hi})
		}
		i = j
	}
	return out
}

// nextDigit returns the offset of the first ASCII digit in src[i:end), or
// end. Prose has few digits: it skips eight bytes at a time while none of
// them is a digit.
func nextDigit(src []byte, i, end int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= end; i += 8 {
		// Digits become bytes below 10; the classic "has a byte less
		// than n" test finds them (bytes with the high bit set are never
		// counted).
		x := binary.LittleEndian.Uint64(src[i:]) ^ 0x3030303030303030
		if (x-10*ones)&^x&highs != 0 {
			break
		}
	}
	for i < end && !isDigit(src[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// appendMatches appends the dates of the window src[start:end).
//
// A date holds ASCII letters, digits, blanks, ".,-/" and no-break spaces,
// nothing else, so the window is cut at every other byte (but the two of
// a no-break space, 0xC2 0xA0) and only the pieces with a digit and a
// month name or a numeric date's separator are searched. The cuts change
// no match: a cut byte is not a word character (_ is never cut), so \b
// reads the edge of a piece as it reads the byte, and the bytes of a cut
// character left at a piece's edge read as an invalid character, which
// no date holds either. The pieces are short, which lets the expression
// run its backtracker, many times faster than the automaton it runs on a
// long text (a window of a paragraph full of numbers).
func appendMatches(out []Match, src []byte, start, end int) []Match {
	return appendDates(out, src, start, end, false)
}

// appendDates is appendMatches, with weekdayOnly for FindWeekdays, which
// keeps only the dates with a weekday: it skips the pieces that can hold
// none, most pieces of a window naming a weekday, so the expression runs
// on few (it was 12.5M of the 19.5M instructions FindWeekdays and the
// weekday screen took on the WCXB truth texts).
func appendDates(out []Match, src []byte, start, end int, weekdayOnly bool) []Match {
	text := src[start:end]
	for lo := 0; lo < len(text); {
		hi := lo
		for hi < len(text) && !cutsDates[text[hi]] {
			hi++
		}
		piece := text[lo:hi]
		switch {
		case !hasDigit(piece) || !mayHoldDate(piece):
		case !weekdayOnly || bracketedWeekdayAt(text, hi):
			out = appendPieceMatches(out, text, lo, hi, start)
		default:
			out = appendWeekdayMatches(out, text, lo, hi, start)
		}
		lo = hi + 1
	}
	return out
}

// bracketedWeekdayAt reports whether text[i:] opens with a weekday in
// brackets, "(Thursday)", as trailingWeekdayRE reads it after a date.
func bracketedWeekdayAt(text []byte, i int) bool {
	if i >= len(text) || text[i] != '(' {
		return false
	}
	for _, name := range [...]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"} {
		if rest := text[i+1:]; len(rest) > len(name) && string(rest[:len(name)]) == name && rest[len(name)] == ')' {
			return true
		}
	}
	return false
}

// appendWeekdayMatches appends the dates of the piece text[lo:hi) of a
// window that have a weekday before them, the only ones with a weekday
// unless the piece is followed by one in brackets (bracketedWeekdayAt):
// such a weekday follows its date across blanks only, which no piece is
// cut at, so the "(" ends the piece.
//
// Such a date's match starts at its weekday, where namesWeekday finds
// one, and no match of the piece covers a weekday's first letter without
// starting there: a date's other words (month names, "of", ordinals) are
// no weekday's. So the piece's matches from a weekday on are those of
// dateRE anchored there (leftmost-first, the same match), found without
// running the expression over the rest of the piece: the automaton over
// long pieces was most of FindWeekdays' instructions.
func appendWeekdayMatches(out []Match, text []byte, lo, hi, start int) []Match {
	piece := text[lo:hi]
	for i := nextWeekday(piece, 0); i >= 0; i = nextWeekday(piece, i) {
		span := anchoredDateRE().FindIndex(piece[i:])
		if span == nil {
			i++
			continue
		}
		out = appendSpanMatch(out, text, lo+i+span[0], lo+i+span[1], start)
		i += span[1]
	}
	return out
}

// cutsDates marks the bytes no date holds, other than word characters:
// the places appendMatches cuts a window.
var cutsDates = func() (t [256]bool) {
	for c := range 256 {
		if c >= 0x80 {
			t[c] = c != 0xc2 && c != 0xa0 // the bytes of a no-break space
			continue
		}
		t[c] = !isWordByte(byte(c)) && !strings.ContainsRune(" \t.,-/", rune(c))
	}
	return t
}()

func hasDigit(b []byte) bool {
	for _, c := range b {
		if isDigit(c) {
			return true
		}
	}
	return false
}

// appendPieceMatches appends the dates of text[lo:hi), a piece of the
// window text that starts at offset start of the source. The tests on the
// bytes around a date read the whole window.
func appendPieceMatches(out []Match, text []byte, lo, hi, start int) []Match {
	// Find the spans first, then the groups inside each: the group-tracking
	// search over a whole window is many times slower.
	for _, span := range dateRE().FindAllIndex(text[lo:hi], -1) {
		out = appendSpanMatch(out, text, span[0]+lo, span[1]+lo, start)
	}
	return out
}

// appendSpanMatch appends the date dateRE matched at text[from:to) in a
// window starting at offset start of the source, unless a digit comes
// right before it.
func appendSpanMatch(out []Match, text []byte, from, to, start int) []Match {
	if from > 0 && isDigit(text[from-1]) {
		return out
	}
	loc := dateRE().FindSubmatchIndex(text[:to][from:])
	if loc == nil {
		return out
	}
	for k := range loc {
		if loc[k] >= 0 {
			loc[k] += from
		}
	}
	m, ok := build(text, loc)
	if !ok {
		return out
	}
	if !m.HasWeekday {
		if tw := trailingWeekdayRE().FindSubmatchIndex(text[loc[1]:]); tw != nil {
			m.HasWeekday = true
			m.Weekday = weekdays[strings.ToLower(string(text[loc[1]+tw[2]:loc[1]+tw[2]+3]))]
			m.WeekdayStart, m.WeekdayEnd = loc[1]+tw[2], loc[1]+tw[3]
			m.End = loc[1] + tw[1]
		}
	}
	shift(&m, start)
	return append(out, m)
}

func shift(m *Match, by int) {
	m.Start += by
	m.End += by
	m.DateStart += by
	if m.HasWeekday {
		m.WeekdayStart += by
		m.WeekdayEnd += by
	}
}

func group(text []byte, loc []int, g int) string {
	if loc[2*g] < 0 {
		return ""
	}
	return string(text[loc[2*g]:loc[2*g+1]])
}

func build(text []byte, loc []int) (Match, bool) {
	m := Match{Start: loc[0], End: loc[1], DateStart: loc[0]}
	if wd := group(text, loc, 1); wd != "" {
		m.HasWeekday = true
		m.Weekday = weekdays[strings.ToLower(wd[:3])]
		m.WeekdayStart, m.WeekdayEnd = loc[2], loc[3]
	}
	var ok bool
	switch {
	case loc[4] >= 0:
		m.DateStart = loc[4]
		m.Month, m.Day, m.Year, ok = named(group(text, loc, 2), group(text, loc, 3), group(text, loc, 4))
	case loc[10] >= 0:
		m.DateStart = loc[10]
		m.Month, m.Day, m.Year, ok = named(group(text, loc, 6), group(text, loc, 5), group(text, loc, 7))
	case loc[16] >= 0:
		m.DateStart = loc[16]
		m.Month, m.Day, m.Year, ok = numeric(group(text, loc, 9), group(text, loc, 10), group(text, loc, 8))
	case loc[22] >= 0:
		m.DateStart = loc[22]
		m.Month, m.Day, m.Year, ok = numeric(group(text, loc, 12), group(text, loc, 11), group(text, loc, 13))
	case loc[28] >= 0:
		m.DateStart = loc[28]
		a, b := atoi(group(text, loc, 14)), atoi(group(text, loc, 15))
		switch {
		case a > 12 && b <= 12:
			m.Month, m.Day, m.Year, ok = numeric(group(text, loc, 15), group(text, loc, 14), group(text, loc, 16))
		case b > 12 && a <= 12:
			m.Month, m.Day, m.Year, ok = numeric(group(text, loc, 14), group(text, loc, 15), group(text, loc, 16))
		}
	}
	if !ok {
		return m, false
	}
	if m.Year != 0 && (m.Year < 1800 || m.Year > 2199) {
		return m, false
	}
	return m, m.Valid(2024) // 2024 is a leap year: 29 February passes without a year
}

func named(month, day, year string) (time.Month, int, int, bool) {
	mo, ok := months[strings.ToLower(month[:3])]
	if !ok {
		return 0, 0, 0, false
	}
	d := atoi(day)
	if d < 1 || d > 31 {
		return 0, 0, 0, false
	}
	return mo, d, atoi(year), true
}

func numeric(month, day, year string) (time.Month, int, int, bool) {
	mo, d := atoi(month), atoi(day)
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return 0, 0, 0, false
	}
	return time.Month(mo), d, atoi(year), true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// InferYear picks the year for a date written without one: the year that
// puts it closest to the article date (a January article's "Monday,
// December 30" is last December).
func InferYear(m Match, article time.Time) int {
	best, bestDist := 0, time.Duration(1<<62)
	for y := article.Year() - 1; y <= article.Year()+1; y++ {
		if !m.Valid(y) {
			continue
		}
		d := m.Time(y).Sub(article)
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = y, d
		}
	}
	return best
}
