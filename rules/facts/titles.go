package facts

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dochygiene/hygiene/internal/knowledge"
)

// officeTitles are an office's titles in the forms findTitle compares:
// lower-cased, alone and after each qualifier, computed once per pack
// rather than at every candidate name.
type officeTitles struct {
	// titles are the title and its variants, lower-cased.
	titles []string
	// qualified are "qualifier title" phrases, lower-cased, titles outer
	// and qualifiers inner (the order findTitle breaks ties in).
	qualified []qualifiedTitle
	// lastWords are the last words of titles: any title phrase ends
	// with one.
	lastWords []string
}

type qualifiedTitle struct {
	phrase    string // "german chancellor"
	qualifier string // "German", as written in the pack
}

type titleIndex struct {
	pack    *knowledge.Pack
	offices map[*knowledge.Office]*officeTitles
}

var (
	titleMu      sync.Mutex
	currentTitle atomic.Pointer[titleIndex]
)

// titlesOf returns the office's titles, indexing the pack on first use.
func titlesOf(pack *knowledge.Pack, o *knowledge.Office) *officeTitles {
	idx := currentTitle.Load()
	if idx == nil || idx.pack != pack {
		idx = buildTitleIndex(pack)
	}
	return idx.offices[o]
}

func buildTitleIndex(pack *knowledge.Pack) *titleIndex {
	titleMu.Lock()
	defer titleMu.Unlock()
	if idx := currentTitle.Load(); idx != nil && idx.pack == pack {
		return idx
	}
	idx := &titleIndex{pack: pack, offices: make(map[*knowledge.Office]*officeTitles, len(pack.Offices))}
	for _, o := range pack.Offices {
		t := &officeTitles{}
		for _, title := range o.Titles() {
			title = strings.ToLower(title)
			t.titles = append(t.titles, title)
			t.lastWords = append(t.lastWords, title[strings.LastIndexByte(title, ' ')+1:])
			for _, q := range o.Qualifiers {
				t.qualified = append(t.qualified, qualifiedTitle{phrase: strings.ToLower(q) + " " + title, qualifier: q})
			}
		}
		idx.offices[o] = t
	}
	currentTitle.Store(idx)
	return idx
}

// mayEndWithTitle reports whether text, the words before a name, can end
// with one of the offices' titles in findTitle's reading (lower-cased,
// trailing spaces and one comma dropped). It answers on the bytes when
// the end of the text is ASCII and lets everything else through: most
// candidate names ("it may", "the key") have no title before them.
func mayEndWithTitle(pack *knowledge.Pack, offices []*knowledge.Office, text []byte) bool {
	text = trimTitleEnd(text)
	for _, o := range offices {
		for _, w := range titlesOf(pack, o).lastWords {
			if len(text) < len(w) {
				continue
			}
			tail := text[len(text)-len(w):]
			if !asciiBytes(tail) || asciiEqualFold(tail, w) {
				return true
			}
		}
	}
	return false
}

// trimTitleEnd drops trailing spaces and no-break spaces, then one comma.
func trimTitleEnd(b []byte) []byte {
	for {
		switch {
		case len(b) > 0 && b[len(b)-1] == ' ':
			b = b[:len(b)-1]
			continue
		case len(b) > 1 && b[len(b)-2] == 0xc2 && b[len(b)-1] == 0xa0:
			b = b[:len(b)-2]
			continue
		}
		break
	}
	if len(b) > 0 && b[len(b)-1] == ',' {
		b = b[:len(b)-1]
	}
	return b
}

func asciiBytes(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// asciiEqualFold compares ASCII bytes with a lower-case word.
func asciiEqualFold(b []byte, lower string) bool {
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
