package rules

import (
	"fmt"
	"time"
)

// Options are a rule's settings from the config file (`rules: ID: options:`).
// Values are what the YAML decoder produced: string, int, float64, bool,
// []any or map[string]any. The getters return the default when a key is
// absent; the config loader has already checked types against OptionSpecs.
type Options map[string]any

// Int returns an integer option.
func (o Options) Int(key string, def int) int {
	switch v := o[key].(type) {
	case int:
		return v
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return def
}

// Float returns a number option.
func (o Options) Float(key string, def float64) float64 {
	switch v := o[key].(type) {
	case int:
		return float64(v)
	case int64:
		return float64(v)
	case float64:
		return v
	}
	return def
}

// Bool returns a boolean option.
func (o Options) Bool(key string, def bool) bool {
	if v, ok := o[key].(bool); ok {
		return v
	}
	return def
}

// String returns a string option.
func (o Options) String(key, def string) string {
	if v, ok := o[key].(string); ok {
		return v
	}
	return def
}

// Strings returns a list-of-strings option.
func (o Options) Strings(key string) []string {
	switch v := o[key].(type) {
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			out = append(out, fmt.Sprint(x))
		}
		return out
	}
	return nil
}

// Date returns a date option written as YYYY-MM-DD.
func (o Options) Date(key string) (time.Time, bool) {
	switch v := o[key].(type) {
	case time.Time:
		return v, true
	case string:
		t, err := time.Parse("2006-01-02", v)
		return t, err == nil
	}
	return time.Time{}, false
}
