package knowledge

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"go.yaml.in/yaml/v3"
)

//go:embed data/*.yaml data/*.tsv
var embedded embed.FS

// fileData is one YAML pack file as written.
type fileData struct {
	ValidAsOf   string            `yaml:"valid_as_of"`
	People      []personData      `yaml:"people"`
	Offices     []officeData      `yaml:"offices"`
	Initialisms []initialismData  `yaml:"initialisms"`
	Facts       []factData        `yaml:"facts"`
	Common      *commonNamesData  `yaml:"common_names"`
	Extra       map[string]string `yaml:"about"`
}

type personData struct {
	Name            string   `yaml:"name"`
	Given           []string `yaml:"given"`
	Surname         string   `yaml:"surname"`
	FamilyFirst     bool     `yaml:"family_first"`
	SurnameVariants []string `yaml:"surname_variants"`
	GivenVariants   []string `yaml:"given_variants"`
	Relatives       []string `yaml:"relatives"`
	// Also are other full names of this person in the pack's sources
	// ("Mary Elizabeth Truss" in the Factbook for "Liz Truss").
	Also   []string `yaml:"also"`
	Source string   `yaml:"source"`

	curated bool // written by hand (YAML), not generated
}

type officeData struct {
	ID            string     `yaml:"id"`
	Title         string     `yaml:"title"`
	TitleVariants []string   `yaml:"title_variants"`
	Qualifiers    []string   `yaml:"qualifiers"`
	Source        string     `yaml:"source"`
	Terms         []termData `yaml:"terms"`

	curated bool
}

type termData struct {
	Holder string `yaml:"holder"`
	From   string `yaml:"from"`
	To     string `yaml:"to"`
	// Current marks a term still running at valid_as_of (no To).
	Current bool `yaml:"current"`
	// EndUnknown says To is only the last day the term was seen to run.
	EndUnknown bool `yaml:"end_unknown"`
	// EndBy is the latest the term can have ended (a successor's start).
	EndBy  string `yaml:"end_by"`
	Source string `yaml:"source"`
}

type initialismData struct {
	Form      string            `yaml:"form"`
	Styles    map[string]string `yaml:"styles"`
	Word      bool              `yaml:"word"`
	Expansion string            `yaml:"expansion"`
}

type factData struct {
	ID           string            `yaml:"id"`
	Claim        string            `yaml:"claim"`
	Item         string            `yaml:"item"`
	Subjects     []string          `yaml:"subjects"`
	Owners       []string          `yaml:"owners"`
	Value        string            `yaml:"value"`
	Context      []string          `yaml:"context"`
	Strong       []string          `yaml:"strong"`
	Alternatives []alternativeData `yaml:"alternatives"`
	Source       string            `yaml:"source"`
}

type alternativeData struct {
	Value   string   `yaml:"value"`
	Context []string `yaml:"context"`
}

type commonNamesData struct {
	Given    []string `yaml:"given"`
	Surnames []string `yaml:"surnames"`
}

// builder accumulates files in order; later entries replace earlier ones
// with the same key.
type builder struct {
	validAsOf   time.Time
	people      map[string]*personData
	personOrder []string
	offices     map[string]*officeData
	officeOrder []string
	initialisms map[string]initialismData
	facts       map[string]factData
	factOrder   []string
	common      commonNamesData
}

func newBuilder() *builder {
	return &builder{people: map[string]*personData{}, offices: map[string]*officeData{},
		initialisms: map[string]initialismData{}, facts: map[string]factData{}}
}

var (
	defaultOnce sync.Once
	defaultPack *Pack
	defaultErr  error
	active      atomic.Pointer[Pack]
)

// Default returns the embedded pack, loaded once.
func Default() *Pack {
	defaultOnce.Do(func() { defaultPack, defaultErr = loadEmbedded() })
	if defaultErr != nil {
		// The embedded files are tested; a broken one is a build bug.
		panic("knowledge: embedded pack: " + defaultErr.Error())
	}
	return defaultPack
}

// Active returns the pack rules use: the embedded one plus the user's
// files when Use was called.
func Active() *Pack {
	if p := active.Load(); p != nil {
		return p
	}
	return Default()
}

// Use loads the user's pack files or directories (YAML and TSV) on top of
// the embedded pack and makes the result the active pack. Call it once
// before linting; with no paths the embedded pack is active.
func Use(paths ...string) error {
	if len(paths) == 0 {
		active.Store(nil)
		return nil
	}
	p, err := Load(paths...)
	if err != nil {
		return err
	}
	active.Store(p)
	return nil
}

// Load builds a pack from the embedded files followed by paths (files or
// directories of *.yaml, *.yml and *.tsv, read in name order).
func Load(paths ...string) (*Pack, error) {
	b := newBuilder()
	if err := b.addEmbedded(); err != nil {
		return nil, err
	}
	for _, p := range paths {
		if err := b.addPath(p); err != nil {
			return nil, err
		}
	}
	return b.build()
}

func loadEmbedded() (*Pack, error) {
	b := newBuilder()
	if err := b.addEmbedded(); err != nil {
		return nil, err
	}
	return b.build()
}

func (b *builder) addEmbedded() error {
	entries, err := fs.ReadDir(embedded, "data")
	if err != nil {
		return err
	}
	// The generated TSV goes first so that hand-curated YAML can replace
	// its offices.
	sort.Slice(entries, func(i, j int) bool {
		ti, tj := strings.HasSuffix(entries[i].Name(), ".tsv"), strings.HasSuffix(entries[j].Name(), ".tsv")
		if ti != tj {
			return ti
		}
		return entries[i].Name() < entries[j].Name()
	})
	for _, e := range entries {
		name := "data/" + e.Name()
		if f := decoded(name); f != nil && f.madeFrom(embedded, name) {
			added, err := b.addDecoded(name, f)
			if err != nil {
				return err
			}
			if added {
				continue
			}
		}
		data, err := embedded.ReadFile(name)
		if err != nil {
			return err
		}
		if err := b.addFile(name, data); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) addPath(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("knowledge pack %s: no such file or directory", path)
		}
		return fmt.Errorf("knowledge pack %s: %v", path, err)
	}
	files := []string{path}
	if st.IsDir() {
		files = nil
		entries, err := os.ReadDir(path)
		if err != nil {
			return fmt.Errorf("knowledge: %v", err)
		}
		for _, e := range entries {
			if !e.IsDir() && isPackFile(e.Name()) {
				files = append(files, filepath.Join(path, e.Name()))
			}
		}
		if len(files) == 0 {
			return fmt.Errorf("knowledge pack %s: no .yaml, .yml or .tsv files in the directory", path)
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("knowledge: %v", err)
		}
		if err := b.addFile(f, data); err != nil {
			return err
		}
	}
	return nil
}

func isPackFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml" || ext == ".tsv"
}

func (b *builder) addFile(name string, data []byte) error {
	if strings.HasSuffix(strings.ToLower(name), ".tsv") {
		return b.addTSV(name, data)
	}
	f, err := decodeYAML(name, data)
	if err != nil {
		return err
	}
	return b.addData(name, f)
}

// decodeYAML decodes a YAML pack file; name is for the error.
func decodeYAML(name string, data []byte) (*fileData, error) {
	var f fileData
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && err.Error() != "EOF" {
		return nil, fmt.Errorf("knowledge: %s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return &f, nil
}

func (b *builder) addData(name string, f *fileData) error {
	if f.ValidAsOf != "" {
		t, err := parseDay(f.ValidAsOf)
		if err != nil {
			return fmt.Errorf("knowledge: %s: valid_as_of: %v", name, err)
		}
		b.validAsOf = t
	}
	for i := range f.People {
		p := f.People[i]
		p.curated = true
		if strings.TrimSpace(p.Name) == "" {
			return fmt.Errorf("knowledge: %s: people[%d]: name is empty", name, i)
		}
		b.addPerson(&p)
	}
	for i := range f.Offices {
		o := f.Offices[i]
		o.curated = true
		if o.ID == "" || o.Title == "" {
			return fmt.Errorf("knowledge: %s: offices[%d]: id and title are required", name, i)
		}
		for j, t := range o.Terms {
			if t.Holder == "" || t.From == "" {
				return fmt.Errorf("knowledge: %s: office %s: terms[%d]: holder and from are required", name, o.ID, j)
			}
		}
		b.addOffice(&o)
	}
	for i, in := range f.Initialisms {
		if in.Form == "" {
			return fmt.Errorf("knowledge: %s: initialisms[%d]: form is empty", name, i)
		}
		b.initialisms[strings.ToUpper(in.Form)] = in
	}
	for i, fa := range f.Facts {
		if fa.ID == "" || fa.Value == "" || fa.Item == "" || len(fa.Subjects)+len(fa.Owners) == 0 {
			return fmt.Errorf("knowledge: %s: facts[%d]: id, item, value and subjects or owners are required", name, i)
		}
		if _, seen := b.facts[fa.ID]; !seen {
			b.factOrder = append(b.factOrder, fa.ID)
		}
		b.facts[fa.ID] = fa
	}
	if f.Common != nil {
		b.common.Given = append(b.common.Given, f.Common.Given...)
		b.common.Surnames = append(b.common.Surnames, f.Common.Surnames...)
	}
	return nil
}

func (b *builder) addPerson(p *personData) {
	b.addPersonKey(Fold(p.Name), p)
	for _, name := range p.Also {
		b.addPersonKey(Fold(name), p)
	}
}

// addPersonKey files p under key, a folded name.
func (b *builder) addPersonKey(key string, p *personData) {
	if _, seen := b.people[key]; !seen {
		b.personOrder = append(b.personOrder, key)
	}
	b.people[key] = p
}

func (b *builder) addOffice(o *officeData) {
	if _, seen := b.offices[o.ID]; !seen {
		b.officeOrder = append(b.officeOrder, o.ID)
	}
	b.offices[o.ID] = o
}

// TSV columns of the generated office file (see internal/factbookgen).
var tsvColumns = []string{"office", "title", "title_variants", "qualifiers", "holder", "given", "surname", "family_first", "from", "to", "current", "end_by", "source"}

// addTSV reads offices and their holders, one term per row. Rows of one
// office must be contiguous; the first row of an office (re)defines it.
//
// Every process that checks names reads the embedded file (800 rows), so
// the rows are cut in place: the columns are substrings of one copy of
// data, in an array on the stack.
func (b *builder) addTSV(name string, data []byte) error {
	text := string(data)
	var cols [13]string // len(tsvColumns)
	var cur *officeData
	for line := 1; len(text) > 0; line++ {
		row := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			row, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if len(row) >= maxTSVLine {
			return bufio.ErrTooLong // as the line scanner this replaced
		}
		row = strings.TrimSuffix(row, "\r")
		if row == "" || row[0] == '#' {
			continue
		}
		if first, _, _ := strings.Cut(row, "\t"); first == tsvColumns[0] {
			continue // header
		}
		if n := strings.Count(row, "\t") + 1; n != len(tsvColumns) {
			return fmt.Errorf("knowledge: %s:%d: want %d tab-separated columns, got %d", name, line, len(tsvColumns), n)
		}
		for i := range cols {
			cols[i], row, _ = strings.Cut(row, "\t")
		}
		cur = b.addTSVRow(cur, &cols)
	}
	return nil
}

// maxTSVLine is the longest line a TSV file may have (plus one).
const maxTSVLine = 1 << 20

// addTSVRow adds the term of one row to cur, the office of the rows
// before it, or to a new office when the row starts one; and its holder
// when new. It returns the row's office.
func (b *builder) addTSVRow(cur *officeData, cols *[13]string) *officeData {
	if cur == nil || cur.ID != cols[0] {
		cur = &officeData{ID: cols[0], Title: cols[1], TitleVariants: splitList(cols[2]), Qualifiers: splitList(cols[3]), Source: cols[12]}
		b.addOffice(cur)
	}
	holder := cols[4]
	if key := Fold(holder); b.people[key] == nil {
		b.addPersonKey(key, &personData{Name: holder, Given: strings.Fields(cols[5]), Surname: cols[6], FamilyFirst: cols[7] == "1", Source: cols[12]})
	}
	cur.Terms = append(cur.Terms, termData{Holder: holder, From: cols[8], To: cols[9], Current: cols[10] == "1", EndUnknown: cols[10] == "?", EndBy: cols[11], Source: cols[12]})
	return cur
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

func parseDay(s string) (time.Time, error) {
	if t, ok := parseISODay(s); ok {
		return t, nil
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return t, fmt.Errorf("%q is not a YYYY-MM-DD date", s)
	}
	return t, nil
}

// parseISODay reads s when it is exactly YYYY-MM-DD and the day exists,
// as time.Parse would, without its general layout machinery (the pack has
// two thousand dates). It leaves anything else, and every error, to
// time.Parse.
func parseISODay(s string) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	year, ok1 := decimal(s[:4])
	month, ok2 := decimal(s[5:7])
	day, ok3 := decimal(s[8:])
	if !ok1 || !ok2 || !ok3 || month < 1 || month > 12 || day < 1 {
		return time.Time{}, false
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day { // past the month's end: time.Parse words the error
		return time.Time{}, false
	}
	return t, true
}

// decimal reads a string of ASCII digits.
func decimal(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func (b *builder) build() (*Pack, error) {
	p := &Pack{ValidAsOf: b.validAsOf, CommonGiven: map[string]bool{}, CommonSurnames: map[string]bool{}}
	if p.ValidAsOf.IsZero() {
		return nil, errors.New("knowledge: no valid_as_of date in the pack")
	}
	// Sized up front: growing them was a tenth of the embedded pack's load.
	byKey := make(map[string]*Person, len(b.personOrder))
	built := make(map[*personData]*Person, len(b.personOrder))
	p.People = make([]*Person, 0, len(b.personOrder))
	p.Offices = make([]*Office, 0, len(b.officeOrder))
	store := make([]Person, 0, len(b.personOrder))
	// One array for the people's given-name caches too: a pointer each,
	// filled on first use.
	givenCaches := make([]givenCache, len(b.personOrder))
	for _, key := range b.personOrder {
		d := b.people[key]
		person, ok := built[d]
		if !ok {
			store = append(store, Person{})
			person = &store[len(store)-1]
			fillPerson(person, d)
			person.given = &givenCaches[len(store)-1]
			built[d] = person
			p.People = append(p.People, person)
		}
		byKey[key] = person
	}
	for _, id := range b.officeOrder {
		o, err := buildOffice(b.offices[id], byKey, p)
		if err != nil {
			return nil, err
		}
		p.Offices = append(p.Offices, o)
	}
	forms := make([]string, 0, len(b.initialisms))
	for f := range b.initialisms {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	for _, f := range forms {
		in := b.initialisms[f]
		p.Initialisms = append(p.Initialisms, &Initialism{Form: in.Form, Styles: in.Styles, Word: in.Word, Expansion: in.Expansion})
	}
	for _, id := range b.factOrder {
		p.Facts = append(p.Facts, newFact(b.facts[id]))
	}
	for _, g := range b.common.Given {
		p.CommonGiven[Fold(g)] = true
	}
	for _, s := range b.common.Surnames {
		p.CommonSurnames[Fold(s)] = true
	}
	p.index()
	return p, nil
}

// newPerson fills in given names and surname from the name when the file
// left them out: the last word is the surname, or the first for
// family-first names.
func newPerson(d *personData) *Person {
	person := new(Person)
	fillPerson(person, d)
	return person
}

// fillPerson is newPerson writing to person (build allocates the people
// of the pack in one array).
func fillPerson(person *Person, d *personData) {
	*person = Person{Name: d.Name, Given: d.Given, Surname: d.Surname, FamilyFirst: d.FamilyFirst,
		SurnameVariants: d.SurnameVariants, GivenVariants: d.GivenVariants, Relatives: d.Relatives, Also: d.Also, Source: d.Source, Curated: d.curated}
	if person.Surname != "" && len(person.Given) > 0 && singleSpaced(d.Name) {
		return // nothing to fill in, nothing to respace
	}
	words := strings.Fields(d.Name)
	person.Name = strings.Join(words, " ")
	if person.Surname == "" && len(words) > 0 {
		if d.FamilyFirst {
			person.Surname = words[0]
		} else {
			person.Surname = words[len(words)-1]
		}
	}
	if len(person.Given) == 0 && len(words) > 1 {
		if d.FamilyFirst {
			person.Given = words[1:]
		} else {
			person.Given = words[:len(words)-1]
		}
	}
}

// singleSpaced reports whether s is its words joined by single spaces
// (strings.Join(strings.Fields(s), " ") == s), as nearly every name is.
func singleSpaced(s string) bool {
	space := true // at the start, as after a space
	for _, r := range s {
		if unicode.IsSpace(r) {
			if space || r != ' ' {
				return false
			}
			space = true
			continue
		}
		space = false
	}
	return !space || s == ""
}

func buildOffice(d *officeData, people map[string]*Person, p *Pack) (*Office, error) {
	o := &Office{ID: d.ID, Title: d.Title, TitleVariants: d.TitleVariants, Qualifiers: d.Qualifiers, Source: d.Source,
		Terms: make([]Term, 0, len(d.Terms))}
	var buf [64]byte
	for _, t := range d.Terms {
		// Looked up by the folded name in a buffer on the stack: a
		// string is made only for a new holder.
		holder := people[string(appendFoldString(buf[:0], t.Holder))]
		if holder == nil {
			holder = newPerson(&personData{Name: t.Holder, Source: d.Source})
			people[Fold(t.Holder)] = holder
			p.People = append(p.People, holder)
		}
		holder.Curated = holder.Curated || d.curated
		from, err := parseDay(t.From)
		if err != nil {
			return nil, fmt.Errorf("knowledge: office %s, %s: from: %v", d.ID, t.Holder, err)
		}
		term := Term{Holder: holder, From: from, Current: t.Current, EndUnknown: t.EndUnknown, Source: firstNonEmpty(t.Source, d.Source)}
		switch {
		case t.To != "":
			if term.To, err = parseDay(t.To); err != nil {
				return nil, fmt.Errorf("knowledge: office %s, %s: to: %v", d.ID, t.Holder, err)
			}
			if !term.To.After(term.From) {
				return nil, fmt.Errorf("knowledge: office %s, %s: term ends before it starts", d.ID, t.Holder)
			}
		case !t.Current:
			return nil, fmt.Errorf("knowledge: office %s, %s: a term needs a to date or current: true", d.ID, t.Holder)
		}
		if t.EndBy != "" {
			if term.EndBy, err = parseDay(t.EndBy); err != nil {
				return nil, fmt.Errorf("knowledge: office %s, %s: end_by: %v", d.ID, t.Holder, err)
			}
		}
		o.Terms = append(o.Terms, term)
	}
	return o, nil
}

func newFact(d factData) *Fact {
	f := &Fact{ID: d.ID, Claim: d.Claim, Item: d.Item, Subjects: d.Subjects, Owners: d.Owners, Value: d.Value,
		Context: d.Context, Strong: d.Strong, Source: d.Source}
	for _, a := range d.Alternatives {
		f.Alternatives = append(f.Alternatives, Alternative(a))
	}
	return f
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
