package oracle

// Limits on hostile input: a number's size as written, and the growth of
// exact values through a network's layers. Both are checked before the work
// they bound, so a small file can never buy an unbounded computation; each
// limit hit is a *LimitError naming the limit.

import (
	"fmt"
	"math/big"
	"strings"
)

// Default limits: far above what a trained network or a data set written
// from floats needs (an exact float64 has at most 767 significant digits; a
// float network of 100 layers stays under 2¹⁷ bits), far below what makes a
// parse or an evaluation take minutes.
const (
	DefaultMaxDigits = 10000
	DefaultMaxBits   = 1 << 17
)

// Limits bounds the cost of reading and evaluating user input.
type Limits struct {
	// MaxDigits bounds the decimal digits of one number, counted as its
	// numerator and denominator written out: "1e-5" (1/100000) has 7,
	// "12/345" has 5, "0.25" has 3 + 3 (25/100 before reduction).
	MaxDigits int
	// MaxBits bounds the bits of the numerators and denominators that
	// evaluating a network may reach, layer by layer (GrowthBound).
	MaxBits int
}

// DefaultLimits are the limits of ReadData, ReadNetwork and the command's
// flags when not set.
var DefaultLimits = Limits{MaxDigits: DefaultMaxDigits, MaxBits: DefaultMaxBits}

// LimitError reports input beyond a limit: what passed it, by how much, and
// the limit's name (the command's flag without its dash).
type LimitError struct {
	Limit string // "max-digits", "max-bits", …
	Max   int
	Got   int    // the size found (a lower bound when larger than an int)
	What  string // what passed the limit
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("%s: %d, over the limit %s = %d", e.What, e.Got, e.Limit, e.Max)
}

// numberDigits bounds the decimal digits of the numerator and denominator
// of a number as written: m·10^E with m of k digits, f of them after the
// point, is an integer of k + E − f digits or a fraction over 10^(f−E) with
// f − E + 1 more; p/q has the digits of p and q. Reducing only shortens a
// number, so what ftcheck writes counts no more than what it read. ok is
// false when the exponent does not even fit an int.
func numberDigits(t string) (n int, ok bool) {
	mant, shift := t, 0
	if i := indexAnyByte(t, "eE"); i >= 0 {
		mant = t[:i]
		e, ok := exponentValue(t[i+1:])
		if !ok {
			return 0, false
		}
		shift = e
		if strings.HasPrefix(t[i+1:], "-") {
			shift = -e
		}
	}
	seenPoint := false
	for i := 0; i < len(mant); i++ {
		switch c := mant[i]; {
		case c >= '0' && c <= '9':
			n++
			if seenPoint {
				shift--
			}
		case c == '.':
			seenPoint = true
		}
	}
	if shift < 0 {
		return n - shift + 1, true
	}
	return n + shift, true
}

func indexAnyByte(s, chars string) int {
	for i := 0; i < len(s); i++ {
		for j := 0; j < len(chars); j++ {
			if s[i] == chars[j] {
				return i
			}
		}
	}
	return -1
}

// exponentValue is |e| for the digits of an exponent (an optional sign and
// decimal digits), saturating at 1<<40; ok is false for anything else.
func exponentValue(s string) (int, bool) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if v < 1<<40 {
			v = 10*v + int(c-'0')
		}
	}
	return v, true
}

// ParseRatLimit is ParseRat for a number of at most maxDigits digits
// (numberDigits; maxDigits ≤ 0: no limit beyond ParseRat's own). Longer
// numbers are a *LimitError before any conversion.
func ParseRatLimit(s string, maxDigits int) (*big.Rat, error) {
	if maxDigits > 0 {
		t := trimSpace(s)
		if n, ok := numberDigits(t); ok && n > maxDigits {
			what := fmt.Sprintf("%s: digits", quoteShort(t))
			if indexAnyByte(t, "eE") >= 0 {
				what += " (exponent included)"
			}
			return nil, &LimitError{Limit: "max-digits", Max: maxDigits, Got: n, What: what}
		}
	}
	return ParseRat(s)
}

func trimSpace(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n' || s[0] == '\v' || s[0] == '\f') {
		s = s[1:]
	}
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r' || s[len(s)-1] == '\n' || s[len(s)-1] == '\v' || s[len(s)-1] == '\f') {
		s = s[:len(s)-1]
	}
	return s
}

// quoteShort quotes s, cut in the middle when long, for error messages.
func quoteShort(s string) string {
	if len(s) > 40 {
		s = s[:20] + "…" + s[len(s)-12:]
	}
	return fmt.Sprintf("%q", s)
}
