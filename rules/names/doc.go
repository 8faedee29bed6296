// Package names holds the names/ rules. Each rule is one file; register it in
// register.go.
package names
