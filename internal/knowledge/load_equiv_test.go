package knowledge

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
)

// dumpPack writes every field and index of p in a fixed order, so that
// two loads can be compared as text.
func dumpPack(p *Pack) string {
	var b strings.Builder
	idx := map[*Person]int{}
	fmt.Fprintf(&b, "valid %v\n", p.ValidAsOf)
	for i, person := range p.People {
		idx[person] = i
		fmt.Fprintf(&b, "person %d %#v\n", i, *person)
	}
	for _, o := range p.Offices {
		fmt.Fprintf(&b, "office %q %q %q %q %q\n", o.ID, o.Title, o.TitleVariants, o.Qualifiers, o.Source)
		for _, t := range o.Terms {
			fmt.Fprintf(&b, "  term %d %v %v %v %v %v %q\n", idx[t.Holder], t.From, t.To, t.Current, t.EndUnknown, t.EndBy, t.Source)
		}
	}
	for _, in := range p.Initialisms {
		fmt.Fprintf(&b, "initialism %#v\n", *in)
	}
	for _, f := range p.Facts {
		fmt.Fprintf(&b, "fact %#v\n", *f)
	}
	for _, set := range []map[string]bool{p.CommonGiven, p.CommonSurnames} {
		fmt.Fprintf(&b, "common %q\n", sortedKeys(set))
	}
	for _, m := range []map[string][]*Person{p.bySurname, p.byLastWord} {
		for _, k := range sortedKeys(m) {
			fmt.Fprintf(&b, "key %q:", k)
			for _, person := range m[k] {
				fmt.Fprintf(&b, " %d", idx[person])
			}
			b.WriteString("\n")
		}
	}
	for _, k := range sortedKeys(p.byName) {
		fmt.Fprintf(&b, "name %q %d\n", k, idx[p.byName[k]])
	}
	for _, k := range sortedKeys(p.initialisms) {
		fmt.Fprintf(&b, "initialism key %q\n", k)
		if p.initialisms[k] != p.Initialism(k) {
			b.WriteString("  differs\n")
		}
		fmt.Fprintf(&b, "  %#v\n", *p.initialisms[k])
	}
	var held []string
	for person, offices := range p.officesOf {
		var ids []string
		for _, o := range offices {
			ids = append(ids, o.ID)
		}
		held = append(held, fmt.Sprintf("held %d %q", idx[person], ids))
	}
	sort.Strings(held)
	b.WriteString(strings.Join(held, "\n"))
	fmt.Fprintf(&b, "\nfilter %x\n", p.lastWords.bits)
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestDumpPack writes the dump of the embedded pack to $KNOWLEDGE_DUMP
// (for comparing loaders by hand).
func TestDumpPack(t *testing.T) {
	out := os.Getenv("KNOWLEDGE_DUMP")
	if out == "" {
		t.Skip("KNOWLEDGE_DUMP not set")
	}
	p, err := loadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	overlay, err := Load("../../testdata/knowledge")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte(dumpPack(p)+"overlay\n"+dumpPack(overlay)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The in-place TSV reader builds the same offices and people as the
// former one and fails on the same input with the same error.
func TestAddTSVMatchesReference(t *testing.T) {
	embeddedTSV, err := embedded.ReadFile("data/factbook_offices.tsv")
	if err != nil {
		t.Fatal(err)
	}
	header := strings.Join(tsvColumns, "\t") + "\n"
	row := func(office, holder, given string) string {
		return strings.Join([]string{office, "President", "Head", "A;B", holder, given, "Doe", "0", "2020-01-01", "", "1", "", "src"}, "\t") + "\n"
	}
	inputs := []string{
		string(embeddedTSV),
		"", "\n\n# only comments\n", header,
		header + row("x/president", "Jane Doe", "Jane") + row("x/president", "John Doe", "") + row("y/pm", "Jane Doe", "J"),
		row("x/a", "Ana  Lopez", "Ana") + "\r\n" + strings.TrimSuffix(row("x/a", "Bo Li", "Bo"), "\n") + "\r\n" + row("x/b", "Bo Li", "Bo"),
		row("x/a", "A B", "A") + row("x/b", "C D", "C") + row("x/a", "E F", "E"),
		row("x/a", "Jürgen Weiß", "Jürgen") + row("x/a", "jürgen weiss", "J"),
		header + "a\tb\n", row("x/a", "A B", "A") + "office\tonly\n" + "x\ty\tz\n",
		strings.TrimSuffix(row("x/a", "A B", "A"), "\n"),
		row("x/a", "A B", "A") + strings.Repeat("x", 1<<20) + "\n" + row("x/b", "C D", "C"),
		row("x/a", "A B", "A") + strings.Repeat("x", 1<<20-1) + "\n",
		row("x/a", "A B", "A") + strings.Repeat("x", 1<<20-2) + "\r\n",
	}
	for i, in := range inputs {
		got, want := newBuilder(), newBuilder()
		gotErr := got.addTSV("f.tsv", []byte(in))
		wantErr := want.referenceAddTSV("f.tsv", []byte(in))
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("input %d: error %v, want %v", i, gotErr, wantErr)
		}
		if g, w := dumpBuilder(got), dumpBuilder(want); g != w {
			t.Errorf("input %d: built\n%s\nwant\n%s", i, g, w)
		}
	}
}

func dumpBuilder(b *builder) string {
	var out strings.Builder
	for _, k := range b.personOrder {
		fmt.Fprintf(&out, "person %q %#v\n", k, *b.people[k])
	}
	for _, id := range b.officeOrder {
		fmt.Fprintf(&out, "office %#v\n", *b.offices[id])
	}
	return out.String()
}

// parseDay gives what time.Parse gave, value and error.
func TestParseDayMatchesReference(t *testing.T) {
	inputs := []string{"2024-02-29", "2023-02-29", "2023-02-28", "2000-02-29", "1900-02-29", "2023-04-31", "2023-12-31",
		"2023-13-01", "2023-00-10", "2023-01-00", "0000-01-01", "9999-12-31", "2023-1-01", "2023-01-1", " 2023-01-01",
		"2023-01-01 ", "2023/01/01", "2023-01-0x", "+023-01-01", "", "20230101", "2023-01-01T00:00:00Z", "２０２３-01-01"}
	for _, in := range inputs {
		got, gotErr := parseDay(in)
		want, wantErr := referenceParseDay(in)
		if got != want || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%q: %v %v, want %v %v", in, got, gotErr, want, wantErr)
		}
	}
}

// lastWord and singleSpaced agree with strings.Fields.
func TestWordHelpersMatchFields(t *testing.T) {
	inputs := []string{"", " ", "a", " a ", "a b", "a  b", "\ta\tb\n", "von der leyen", "xi jinping ", "a\u00a0b", "a\u2003", "é b",
		"ü", "a\u0085", "\u00a0", "a b c", "a \u00a0b"}
	for _, in := range inputs {
		f := strings.Fields(in)
		last, words := lastWord(in)
		wantLast, wantWords := "", min(len(f), 2)
		if len(f) > 0 {
			wantLast = f[len(f)-1]
		}
		if last != wantLast || words != wantWords {
			t.Errorf("lastWord(%q) = %q %d, want %q %d", in, last, words, wantLast, wantWords)
		}
		if got, want := singleSpaced(in), strings.Join(f, " ") == in; got != want {
			t.Errorf("singleSpaced(%q) = %v, want %v", in, got, want)
		}
	}
}

// referenceAddTSV is the former addTSV (a line scanner and strings.Split):
// it reads offices and their holders, one term per row. Rows of one
// office must be contiguous; the first row of an office (re)defines it.
func (b *builder) referenceAddTSV(name string, data []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	var cur *officeData
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || text[0] == '#' {
			continue
		}
		cols := strings.Split(text, "\t")
		if cols[0] == tsvColumns[0] {
			continue // header
		}
		if len(cols) != len(tsvColumns) {
			return fmt.Errorf("knowledge: %s:%d: want %d tab-separated columns, got %d", name, line, len(tsvColumns), len(cols))
		}
		if cur == nil || cur.ID != cols[0] {
			cur = &officeData{ID: cols[0], Title: cols[1], TitleVariants: splitList(cols[2]), Qualifiers: splitList(cols[3]), Source: cols[12]}
			b.addOffice(cur)
		}
		holder := cols[4]
		if _, known := b.people[Fold(holder)]; !known {
			b.referenceAddPerson(&personData{Name: holder, Given: strings.Fields(cols[5]), Surname: cols[6], FamilyFirst: cols[7] == "1", Source: cols[12]})
		}
		cur.Terms = append(cur.Terms, termData{Holder: holder, From: cols[8], To: cols[9], Current: cols[10] == "1", EndUnknown: cols[10] == "?", EndBy: cols[11], Source: cols[12]})
	}
	return sc.Err()
}

// referenceAddPerson is the former addPerson.
func (b *builder) referenceAddPerson(p *personData) {
	for _, name := range append([]string{p.Name}, p.Also...) {
		key := Fold(name)
		if _, seen := b.people[key]; !seen {
			b.personOrder = append(b.personOrder, key)
		}
		b.people[key] = p
	}
}

// referenceParseDay is the former parseDay (time.Parse alone).
func referenceParseDay(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return t, fmt.Errorf("%q is not a YYYY-MM-DD date", s)
	}
	return t, nil
}

// appendFoldString gives Fold's key.
func TestAppendFoldStringMatchesFold(t *testing.T) {
	for _, s := range []string{"", "abc", "Keir Starmer", "KEIR", "Sébastien Lecornu", "O’Neill", "ÉMILE", "Ursula von der Leyen", "İstanbul", "a\u00a0B"} {
		if got := string(appendFoldString(nil, s)); got != Fold(s) {
			t.Errorf("appendFoldString(%q) = %q, want %q", s, got, Fold(s))
		}
	}
}
