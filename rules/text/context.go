package text

import (
	"bytes"
	"unicode/utf8"

	"github.com/dochygiene/hygiene/internal/document"
)

// This file holds the context checks every text rule shares: whether a span
// sits in code, a URL, an e-mail address or another machine token that the
// rules must never "fix".

// maxField bounds how far field looks either way: a chunk longer than that
// without a space is not prose, and the bound keeps a huge single-line
// document linear.
const maxField = 512

// field returns the white-space-delimited chunk of src around [start, end),
// bounded by the line and by maxField bytes on either side.
func field(src []byte, start, end int) (int, int) {
	fs := start
	for fs > 0 && start-fs < maxField {
		c := src[fs-1]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		fs--
	}
	fe := end
	for fe < len(src) && fe-end < maxField {
		c := src[fe]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		fe++
	}
	return fs, fe
}

// codeLike reports whether the span [start, end) belongs to a URL, an e-mail
// address, a path, a handle, an identifier or inline code.
func codeLike(src []byte, start, end int) bool {
	fs, fe := field(src, start, end)
	f := src[fs:fe]
	if len(f) >= maxField || bytes.ContainsAny(f, "@/\\_=<>{}`|#~^$%") || bytes.Contains(f, []byte("www.")) {
		return true
	}
	if innerDot(f) || mixedIdentifier(src[start:end]) || len(f) > 1 && f[0] == '-' && f[1] != ' ' {
		return true // ... or a command-line flag ("-asan", "--verbose")
	}
	return inInlineCode(src, start)
}

// innerDot reports a dot between two letters or digits: a domain, a file
// name or a version ("example.com", "index.html", "v1.2"). "U.S." and
// "e.g." are dotted too; rules calling this lose nothing on them.
func innerDot(f []byte) bool {
	for i := 1; i+1 < len(f); i++ {
		if f[i] == '.' && isAlnum(f[i-1]) && isAlnum(f[i+1]) {
			return true
		}
	}
	return false
}

// mixedIdentifier reports a token that mixes letters and digits or has an
// upper-case letter after a lower-case one: "covid19", "iPhone",
// "getElementById".
func mixedIdentifier(tok []byte) bool {
	digits, letters := false, false
	for i, c := range tok {
		switch {
		case c >= '0' && c <= '9':
			digits = true
		case c >= 'A' && c <= 'Z':
			letters = true
			if i > 0 && tok[i-1] >= 'a' && tok[i-1] <= 'z' {
				return true
			}
		case c >= 'a' && c <= 'z' || c >= utf8.RuneSelf:
			letters = true
		}
	}
	return digits && letters
}

// inInlineCode reports whether offset lies between backticks on its line.
// Inline code spans are short: only the last kilobyte before offset is
// counted, which keeps a huge single-line document linear.
func inInlineCode(src []byte, offset int) bool {
	from := max(0, offset-1024)
	ls := from + bytes.LastIndexByte(src[from:offset], '\n') + 1
	return bytes.Count(src[ls:offset], []byte("`"))%2 == 1
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// allLowerASCII reports whether b is only the letters a-z.
func allLowerASCII(b []byte) bool {
	for _, c := range b {
		if !isLowerASCII(c) {
			return false
		}
	}
	return len(b) > 0
}

// asciiLetters reports whether b is only the letters a-z and A-Z.
func asciiLetters(b []byte) bool {
	for _, c := range b {
		if !isLowerASCII(c) && !isUpperASCII(c) {
			return false
		}
	}
	return len(b) > 0
}

// textBlocks calls fn for every block that is not code: fenced code holds
// text the rules must leave alone.
func textBlocks(doc *document.Document, fn func(b document.Block)) {
	for _, b := range doc.Blocks {
		if b.Kind != document.Code {
			fn(b)
		}
	}
}

// lowerASCII returns b lower-cased when it is ASCII letters only.
func lowerASCII(b []byte) (string, bool) {
	out := make([]byte, len(b))
	for i, c := range b {
		switch {
		case isLowerASCII(c):
			out[i] = c
		case isUpperASCII(c):
			out[i] = c + 'a' - 'A'
		default:
			return "", false
		}
	}
	return string(out), true
}

// codeMarkers are substrings that prose almost never holds and source
// code, shell commands and configuration almost always do.
var codeMarkers = []string{"{", "}", "://", ":=", "::", "==", "!=", "=>", "->", "&&", "||", "();", "#!", "/*", "*/", "//"}

// codeStarts open a line of a shell session or a program.
var codeStarts = []string{"$ ", "> ", "sudo ", "git ", "cd ", "npm ", "pip ", "docker ", "curl ", "rsync ", "func ",
	"def ", "import ", "class ", "var ", "let ", "const ", "return ", "if (", "for (", "#include", "print(", "echo "}

// looksLikeCode reports whether a line reads as code or a command rather
// than prose: indented four spaces, holding code punctuation, or opening
// with a command or keyword.
func looksLikeCode(line []byte) bool {
	if bytes.HasPrefix(line, []byte("    ")) || bytes.HasPrefix(line, []byte("\t")) {
		return true
	}
	t := bytes.TrimSpace(line)
	if len(t) == 0 {
		return false
	}
	// One pass notes which marker characters occur; most prose lines
	// hold none of them and need no substring search.
	var seen [128]bool
	for _, c := range t {
		if c < 128 {
			seen[c] = true
		}
	}
	for _, m := range codeMarkers {
		if seen[m[0]] && bytes.Contains(t, []byte(m)) {
			return true
		}
	}
	for _, s := range codeStarts {
		if t[0] == s[0] && bytes.HasPrefix(t, []byte(s)) {
			return true
		}
	}
	last := t[len(t)-1]
	return last == ';' || last == '{' || seen['`'] && bytes.Count(t, []byte("`")) >= 2 || seen['_'] && snakeCase(t)
}

// snakeCase reports an identifier with an underscore between letters
// ("query_preview"), which prose does not write.
func snakeCase(t []byte) bool {
	for i := 1; i+1 < len(t); i++ {
		if t[i] == '_' && isAlnum(t[i-1]) && isAlnum(t[i+1]) {
			return true
		}
	}
	return false
}

// technicalDocument reports whether a document shows code: a fenced block,
// or three lines that look like code. Such documents discuss markup and
// commands as their subject, so markup in them is weaker evidence of
// ingestion debris.
func technicalDocument(doc *document.Document) bool {
	lines := 0
	for _, b := range doc.Blocks {
		if b.Kind == document.Code {
			return true
		}
	}
	for i := range doc.Lines {
		if looksLikeCode(doc.LineText(i)) {
			lines++
			if lines >= 3 {
				return true
			}
		}
	}
	return false
}
