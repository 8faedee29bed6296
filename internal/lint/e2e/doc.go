// Package e2e holds the end-to-end benchmarks and tests of the lint
// pipeline with every rule family linked, kept apart from package lint so
// that lint's own tests run with test rules only.
package e2e
