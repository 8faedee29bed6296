package boilerplate

// The cutsets " \t\u00a0" and " \t\u00a0*_" hold a rune that is not
// ASCII, which sends bytes.TrimRight and bytes.TrimLeft to their slow
// path (a rune decoded and looked up in the cutset per byte); line edges
// are trimmed for every candidate line, so these do it byte-wise.

// trimRightBlanks is bytes.TrimRight(b, " \t\u00a0"), and with marks
// bytes.TrimRight(b, " \t\u00a0*_"). A no-break space is the two bytes
// C2 A0; an A0 after any other byte is not a rune of the cutset (it
// decodes as utf8.RuneError), so the trim stops there, as TrimRight does.
func trimRightBlanks(b []byte, marks bool) []byte {
	for len(b) > 0 {
		switch c := b[len(b)-1]; {
		case c == ' ' || c == '\t' || marks && (c == '*' || c == '_'):
			b = b[:len(b)-1]
		case c == 0xa0 && len(b) >= 2 && b[len(b)-2] == 0xc2:
			b = b[:len(b)-2]
		default:
			return b
		}
	}
	return b
}

// trimLeftBlanks is bytes.TrimLeft(b, " \t\u00a0") but for the result's
// capacity (an all-blank b gives b[len(b):], TrimLeft nil: the callers
// only use the length).
func trimLeftBlanks(b []byte) []byte {
	for len(b) > 0 {
		switch {
		case b[0] == ' ' || b[0] == '\t':
			b = b[1:]
		case b[0] == 0xc2 && len(b) >= 2 && b[1] == 0xa0:
			b = b[2:]
		default:
			return b
		}
	}
	return b
}
