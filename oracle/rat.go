package oracle

import (
	"fmt"
	"math/big"
	"strings"
)

// ParseRat reads an exact rational number: an integer ("-3"), a fraction
// ("7/3"), a decimal ("0.125" is 1/8) or scientific notation ("1e-3" is 1/1000).
// NaN, Inf, empty strings, zero denominators and anything else are errors.
func ParseRat(s string) (*big.Rat, error) {
	t := strings.TrimSpace(s)
	if r, ok := parseDecimal(t); ok {
		return r, nil
	}
	if t == "" {
		return nil, fmt.Errorf("empty number")
	}
	low := strings.ToLower(strings.TrimLeft(t, "+-"))
	if strings.HasPrefix(low, "nan") || strings.HasPrefix(low, "inf") {
		return nil, fmt.Errorf("%q is not a finite number", t)
	}
	var frac *big.Rat
	if strings.Count(t, "/") == 1 {
		i := strings.IndexByte(t, '/')
		num, den := strings.TrimSpace(t[:i]), strings.TrimSpace(t[i+1:])
		if !isInteger(num) || !isInteger(den) {
			return nil, fmt.Errorf("%q is not a number (fractions are p/q with integer p, q)", t)
		}
		if strings.ContainsAny(den, "+-") {
			return nil, fmt.Errorf("%q is not a number (a denominator has no sign)", t)
		}
		// Both parts in base 10: big.Rat.SetString would read "1/010" as
		// 1/8 (a leading 0 is an octal prefix there) and reject "1/09".
		n, _ := new(big.Int).SetString(num, 10)
		d, _ := new(big.Int).SetString(den, 10)
		if d.Sign() == 0 {
			return nil, fmt.Errorf("%q has a zero denominator", t)
		}
		frac = new(big.Rat).SetFrac(n, d)
	}
	for _, c := range t {
		if !strings.ContainsRune("0123456789+-./eE", c) {
			return nil, fmt.Errorf("%q is not a number", t)
		}
	}
	if err := checkExponent(t); err != nil {
		return nil, err
	}
	if frac != nil {
		return frac, nil
	}
	r, ok := new(big.Rat).SetString(t)
	if !ok {
		return nil, fmt.Errorf("%q is not a number", t)
	}
	return r, nil
}

// parseDecimal is ParseRat's fast path for the common case, a plain decimal
// [+-]digits[.digits] of at most 18 digits: the digits as an int64 m and
// the fraction's length e give m/10^e, reduced by the factors 2 and 5 it
// shares with 10^e (the only primes of 10^e), so that big.Rat's own
// normalization finds nothing left to cancel. ok is false for anything else,
// which the general path reads.
func parseDecimal(t string) (*big.Rat, bool) {
	i, neg := 0, false
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		neg = t[i] == '-'
		i++
	}
	var m int64
	digits, e, intDigits := 0, 0, 0
	dot := false
	for ; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			if digits++; digits > 18 {
				return nil, false
			}
			m = m*10 + int64(c-'0')
			if dot {
				e++
			} else {
				intDigits++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return nil, false
		}
	}
	if intDigits == 0 || (dot && e == 0) {
		return nil, false // "", ".5", "5.": the general path decides
	}
	e2, e5 := e, e
	for e2 > 0 && m != 0 && m&1 == 0 {
		m >>= 1
		e2--
	}
	for e5 > 0 && m != 0 && m%5 == 0 {
		m /= 5
		e5--
	}
	if m == 0 {
		return new(big.Rat), true
	}
	den := int64(1) << e2
	for range e5 {
		den *= 5 // 2^e2·5^e5 ≤ 10^18 < 2^63
	}
	if neg {
		m = -m
	}
	return new(big.Rat).SetFrac64(m, den), true
}

// maxExponent bounds the decimal exponent of scientific notation, so that a
// hostile "1e999999999" is an error instead of a gigabyte-sized integer.
const maxExponent = 100000

func checkExponent(t string) error {
	i := strings.IndexAny(t, "eE")
	if i < 0 {
		return nil
	}
	e, ok := new(big.Int).SetString(strings.TrimPrefix(t[i+1:], "+"), 10)
	if !ok {
		return fmt.Errorf("%q is not a number", t)
	}
	if e.CmpAbs(big.NewInt(maxExponent)) > 0 {
		return fmt.Errorf("%q: exponent beyond ±%d", t, maxExponent)
	}
	return nil
}

func isInteger(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// FormatRat writes r as an integer or a reduced fraction p/q, the output form
// of every ftcheck file.
func FormatRat(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	return r.RatString()
}

// Rats converts integers to rationals; a convenience for tests and examples.
func Rats(v ...int64) []*big.Rat {
	out := make([]*big.Rat, len(v))
	for i, x := range v {
		out[i] = big.NewRat(x, 1)
	}
	return out
}

// Zeros is n distinct zero rationals (each may be changed on its own).
func Zeros(n int) []*big.Rat {
	out := make([]*big.Rat, n)
	for i := range out {
		out[i] = new(big.Rat)
	}
	return out
}

// MustRat parses s with ParseRat and panics on error; for literals in code.
func MustRat(s string) *big.Rat {
	r, err := ParseRat(s)
	if err != nil {
		panic("oracle: " + err.Error())
	}
	return r
}
