// Package insertion holds the insertion/ rules. Each rule is one file; register it in
// register.go.
package insertion
