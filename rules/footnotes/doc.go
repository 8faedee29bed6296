// Package footnotes holds the footnotes/ rules. Each rule is one file; register it in
// register.go.
package footnotes
