package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"

	"github.com/dochygiene/hygiene/internal/document"
	"github.com/dochygiene/hygiene/rules"
)

// locateMore fills the parts of an Item that the richer formats and the
// baselines need: the excerpt, byte-column ranges and the fingerprint.
func locateMore(doc *document.Document, it *Item) {
	it.Excerpt = excerpt(doc, it.Start, it.End)
	it.Bytes, it.EditBytes = byteRanges(doc, it.Finding)
	it.Fingerprint = fingerprint(doc, it.Finding)
}

// neighbourhoodBytes is how far the neighbourhood of a finding reaches on
// each side, within the flagged line(s).
const neighbourhoodBytes = 40

// fingerprint hashes the rule ID, the flagged text and its neighbourhood:
// up to 40 bytes before and after it, never past the ends of its own
// line(s). Neither the path nor the line number goes in, so the hash
// survives lines being added or removed elsewhere, even right above or
// below; CRLF is read as LF so a line-end conversion keeps it too. Two
// identical findings (the same prompt line twice) share a hash; baselines
// count them and SARIF numbers them.
func fingerprint(doc *document.Document, f rules.Finding) string {
	start, end := f.Start, f.End
	from := max(doc.Lines[doc.LineAt(start)].Start, start-neighbourhoodBytes, 0)
	to := min(doc.Lines[doc.LineAt(max(start, end-1))].End, end+neighbourhoodBytes, len(doc.Src))
	from, to = min(from, start), max(to, end)
	h := sha256.New()
	for _, part := range [][]byte{[]byte(f.Rule.ID), doc.Src[from:start], doc.Src[start:end], doc.Src[end:to]} {
		if bytes.IndexByte(part, '\r') >= 0 {
			part = bytes.ReplaceAll(part, []byte("\r\n"), []byte("\n"))
		}
		h.Write(part)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
