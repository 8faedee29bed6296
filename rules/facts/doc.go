// Package facts holds the facts/ rules. Each rule is one file; register it in
// register.go.
package facts
