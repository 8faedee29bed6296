package insertion

import "bytes"

// A writer, or a publisher's software, keeps one typographic habit
// through a text: curly or straight apostrophes and quotes, one kind of
// dash. A run that keeps to one habit while the rest of the document
// keeps to another was written or set elsewhere: it is evidence of a
// glued-in piece, as a marker line is. It never flags a run on its own.

// The habits counted, in pairs (or a triple, for dashes) of which a text
// usually keeps one.
const (
	curlyApostrophe = iota // ’ and ‘
	straightApostrophe
	curlyQuote // “ and ”
	straightQuote
	emDash     // —
	enDash     // –
	spacedDash // " - "
	habits
)

// typography counts the habits of a span.
type typography [habits]int32

func (t typography) plus(o typography) typography {
	for k := range t {
		t[k] += o[k]
	}
	return t
}

func (t typography) minus(o typography) typography {
	for k := range t {
		t[k] -= o[k]
	}
	return t
}

// countTypography counts the habits in src: each kind of byte is found by
// a vectorised search, so prose costs little.
func countTypography(src []byte) typography {
	var t typography
	t[straightApostrophe] = int32(bytes.Count(src, []byte{'\''}))
	t[straightQuote] = int32(bytes.Count(src, []byte{'"'}))
	// " - ": hyphens are rarer than spaces, so the search is for them.
	for i := 0; ; i++ {
		k := bytes.IndexByte(src[i:], '-')
		if k < 0 {
			break
		}
		i += k
		if i > 0 && i+1 < len(src) && src[i-1] == ' ' && src[i+1] == ' ' {
			t[spacedDash]++
		}
	}
	// The curly quotes and the dashes are U+2013..U+201D: E2 80 xx.
	for i := 0; ; i++ {
		k := bytes.IndexByte(src[i:], 0xE2)
		if k < 0 || i+k+2 >= len(src) {
			break
		}
		i += k
		if src[i+1] == 0x80 {
			switch src[i+2] {
			case 0x98, 0x99:
				t[curlyApostrophe]++
			case 0x9C, 0x9D:
				t[curlyQuote]++
			case 0x94:
				t[emDash]++
			case 0x93:
				t[enDash]++
			}
		}
	}
	return t
}

// minHabit is how often a run and the rest must each show their habit.
const minHabit = 2

// habitGroups are the sets of habits a text chooses one of.
var habitGroups = [][]int{
	{curlyApostrophe, straightApostrophe},
	{curlyQuote, straightQuote},
	{emDash, enDash, spacedDash},
}

// otherHabit reports whether block and host each keep to a different
// habit of one group: the block uses one at least minHabit times and no
// other of its group, the host another one at least minHabit times and
// never the block's.
func otherHabit(block, host typography) bool {
	for _, g := range habitGroups {
		for _, a := range g {
			if block[a] < minHabit || host[a] != 0 {
				continue
			}
			blockOthers, hostOthers := int32(0), int32(0)
			for _, b := range g {
				if b != a {
					blockOthers += block[b]
					hostOthers += host[b]
				}
			}
			if blockOthers == 0 && hostOthers >= minHabit {
				return true
			}
		}
	}
	return false
}

// mixedHabits reports whether a document shows two habits of one group
// at least minHabit times each: only then can a run and the rest keep to
// different ones (most documents keep to one, and skip the per-run test).
func mixedHabits(doc typography) bool {
	for _, g := range habitGroups {
		kept := 0
		for _, a := range g {
			if doc[a] >= minHabit {
				kept++
			}
		}
		if kept >= 2 {
			return true
		}
	}
	return false
}

// otherTypography reports otherHabit for run i..j and the rest of the
// document.
func (c *cohesion) otherTypography(i, j int) bool {
	if !c.mixedTypo {
		return false
	}
	block := c.typo[j+1].minus(c.typo[i])
	return otherHabit(block, c.typo[c.n].minus(block))
}

func resizeTypo(s []typography, n int) []typography {
	if cap(s) < n {
		return make([]typography, n)
	}
	s = s[:n]
	clear(s)
	return s
}
