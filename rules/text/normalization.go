package text

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/dochygiene/hygiene/fixers"
	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// Normalization flags text that is not in Unicode Normalization Form C.
var Normalization = &rules.Rule{
	ID:      "text/normalization",
	Summary: "text not in Unicode NFC (decomposed accents)",
	Doc: `macOS file names, some PDF extractors and some CMSs store "é" as "e" plus
U+0301 COMBINING ACUTE ACCENT (NFD). It looks the same, but search, dedup and
tokenisers treat "café" and "café" as different words. The corpus should be
NFC (golang.org/x/text/unicode/norm).

A decomposed letter that composes is a warning. A canonical singleton
(U+2126 OHM SIGN for Ω, U+212B ANGSTROM SIGN for Å) is info. CJK
compatibility ideographs, whose NFC form is a different-looking variant, are
left alone.

Fix (safe): replace the span with its NFC form.`,
	Bad:       "cafe\u0301 in Zu\u0308rich",
	Good:      "café in Zürich",
	Severity:  rules.Warning,
	FixSafety: fixers.Safe,
	Run:       runNormalization,
}

func runNormalization(pass *rules.Pass) {
	doc := pass.Doc
	classes := lineClasses(doc)
	textBlocks(doc, func(b document.Block) {
		if !blockHasNonASCII(classes, b) {
			return // ASCII is NFC
		}
		src := doc.Src[b.Start:b.End]
		for off := 0; off < len(src); {
			// ASCII is NFC and every ASCII character starts a segment
			// that nothing before it composes with: the scan may start
			// at the last one before the next non-ASCII byte.
			p := off + firstNonASCII(src[off:])
			if p == len(src) {
				return
			}
			off = max(off, p-1)
			// ... and may stop at the first ASCII byte after it: the
			// quick check passes over ASCII without a test (it only
			// starts a new segment), so it fails, if at all, in this
			// run of non-ASCII characters, at the place and with the
			// answer the check of the whole rest of the block gives.
			// The check read the rest of the block's ASCII byte by byte
			// (18M instructions on the WCXB truth texts, 29M on the
			// pages); firstNonASCII reads it 32 bytes a step.
			q := p + firstASCII(src[p:])
			n := norm.NFC.QuickSpan(src[off:q])
			if off+n == q {
				off = q // all of the run is NFC
				continue
			}
			segStart := off + n
			k := norm.NFC.NextBoundary(src[segStart:], true)
			if k <= 0 {
				k = len(src) - segStart
			}
			segEnd := segStart + k
			checkSegment(pass, b.Start+segStart, b.Start+segEnd)
			off = segEnd
		}
	})
}

// checkSegment reports one normalisation segment whose NFC form differs.
func checkSegment(pass *rules.Pass, start, end int) {
	seg := pass.Doc.Src[start:end]
	if !utf8.Valid(seg) || compatibilityIdeograph(seg) {
		return // invalid bytes are text/encoding's
	}
	nfc := norm.NFC.Bytes(seg)
	if bytes.Equal(nfc, seg) {
		return
	}
	sev := rules.Info
	msg := fmt.Sprintf("%q is not NFC: a canonical singleton whose NFC form is %q", seg, nfc)
	if hasCombiningMark(seg) {
		sev = rules.Warning
		msg = fmt.Sprintf("%q is decomposed (not NFC); NFC writes it %q", seg, nfc)
	}
	pass.Report(rules.Finding{
		Start: start, End: end, Severity: sev, Message: msg,
		Fix: &fixers.Fix{Message: "normalise to NFC", Safety: fixers.Safe,
			Edits: []fixers.Edit{fixers.Replace(start, end, string(nfc))}},
	})
}

func hasCombiningMark(b []byte) bool {
	for _, r := range string(b) {
		if unicode.Is(unicode.Mn, r) || r >= 0x1161 && r <= 0x11ff {
			return true // combining marks, or Hangul jamo that compose
		}
	}
	return false
}

func compatibilityIdeograph(b []byte) bool {
	for _, r := range string(b) {
		if r >= 0xf900 && r <= 0xfaff || r >= 0x2f800 && r <= 0x2fa1f {
			return true
		}
	}
	return false
}
