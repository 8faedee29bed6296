package cli

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"os"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/lint"
)

// ledgerRecord is one applied edit, one JSON line. The ledger is a
// contract: auditors read it, and fixers.Reverse undoes a cleanup from it
// (round, round_start, round_end, removed, inserted).
type ledgerRecord struct {
	Path string `json:"path"`
	// Record is the JSON Lines record id, "" for a plain file.
	Record string `json:"record"`
	Rule   string `json:"rule"`
	Safety string `json:"safety"`
	// Start and End are the byte range in the original text.
	Start int `json:"start"`
	End   int `json:"end"`
	// Removed is the text taken out, Inserted the text put in.
	Removed  string `json:"removed"`
	Inserted string `json:"inserted"`
	// Round is the lint-and-fix round; RoundStart and RoundEnd the range
	// in the text that round saw (the same as start and end in round 1).
	Round      int `json:"round"`
	RoundStart int `json:"round_start"`
	RoundEnd   int `json:"round_end"`
	// Seam marks blank lines normalised next to a removal.
	Seam    bool   `json:"seam,omitempty"`
	Message string `json:"message"`
	// RemovedBase64 and InsertedBase64 carry the exact bytes when they are
	// not valid UTF-8, which a JSON string cannot hold.
	RemovedBase64  string `json:"removed_base64,omitempty"`
	InsertedBase64 string `json:"inserted_base64,omitempty"`
}

type ledgerWriter struct {
	info os.FileInfo
	f    *os.File
	buf  *bufio.Writer
	enc  *json.Encoder

	lastPath string // the last path asked about, for is: records of one
	lastIs   bool   // file arrive together
}

func openLedger(path string) (*ledgerWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	buf := bufio.NewWriter(f)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return &ledgerWriter{info: info, f: f, buf: buf, enc: enc}, nil
}

// is reports whether path is the ledger file itself (a ledger written into
// the corpus is a .jsonl file the walk finds).
func (l *ledgerWriter) is(path string) bool {
	if l == nil || path == "-" {
		return false
	}
	if path != l.lastPath {
		info, err := os.Stat(path)
		l.lastPath, l.lastIs = path, err == nil && os.SameFile(info, l.info)
	}
	return l.lastIs
}

func (l *ledgerWriter) write(fx *lint.Fixed) error {
	record := ""
	if fx.Unit.Record != nil {
		record = fx.Unit.Record.ID
	}
	for _, a := range fx.Result.Applied {
		rec := ledgerRecord{
			Path: fx.Unit.File.Path, Record: record, Rule: a.Rule, Safety: a.Safety.String(),
			Start: a.Start, End: a.End, Removed: a.Removed, Inserted: a.Inserted,
			Round: a.Round, RoundStart: a.RoundStart, RoundEnd: a.RoundEnd,
			Seam: a.Seam, Message: a.Message,
		}
		if !utf8.ValidString(a.Removed) {
			rec.RemovedBase64 = base64.StdEncoding.EncodeToString([]byte(a.Removed))
		}
		if !utf8.ValidString(a.Inserted) {
			rec.InsertedBase64 = base64.StdEncoding.EncodeToString([]byte(a.Inserted))
		}
		if err := l.enc.Encode(rec); err != nil {
			return err
		}
	}
	return nil
}

func (l *ledgerWriter) Close() error {
	err := l.buf.Flush()
	if e := l.f.Sync(); err == nil {
		err = e
	}
	if e := l.f.Close(); err == nil {
		err = e
	}
	return err
}
