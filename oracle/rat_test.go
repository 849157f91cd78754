package oracle

// Boundaries of the number reader and the error format: the exponent bound
// is inclusive, every digit is a digit, and a ParseError prints only the
// location it knows.

import (
	"math/big"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// TestParseRatExponentBound: exponents up to ±100000 are read exactly, one
// more is an error naming the exponent, wherever the e stands.
func TestParseRatExponentBound(t *testing.T) {
	big10 := new(big.Int).Exp(big.NewInt(10), big.NewInt(maxExponent), nil)
	for s, want := range map[string]*big.Rat{
		"1e100000":   new(big.Rat).SetInt(big10),
		"1E+100000":  new(big.Rat).SetInt(big10),
		"-1e-100000": new(big.Rat).SetFrac(big.NewInt(-1), big10),
	} {
		if r, err := ParseRat(s); err != nil || r.Cmp(want) != 0 {
			t.Errorf("ParseRat(%q): %v", s, err)
		}
	}
	for _, s := range []string{"1e100001", "1e-100001", "-2.5E+100001", "e200000"} {
		if _, err := ParseRat(s); err == nil || !strings.Contains(err.Error(), "exponent") {
			t.Errorf("ParseRat(%q) = %v, want an exponent error", s, err)
		}
	}
}

// TestParseRatFractionDigits: numerators and denominators made of every
// digit, 0 to 9, are integers.
func TestParseRatFractionDigits(t *testing.T) {
	for s, want := range map[string]*big.Rat{
		"9/19":       big.NewRat(9, 19),
		"-99/9":      big.NewRat(-11, 1),
		"1234/56789": big.NewRat(1234, 56789),
		"+90/0009":   big.NewRat(10, 1),
		"7 / 8":      nil,
		"0/5":        new(big.Rat),
		"8/-0":       nil,
		"12a/3":      nil,
		"1/:":        nil,
		"/3":         nil,
	} {
		r, err := ParseRat(s)
		switch {
		case want == nil && err == nil:
			t.Errorf("ParseRat(%q) = %s, want an error", s, r.RatString())
		case want != nil && (err != nil || r.Cmp(want) != 0):
			t.Errorf("ParseRat(%q) = %v, %v; want %s", s, r, err, want.RatString())
		}
	}
}

// TestParseErrorFormat: file:line:column, file:line, or the file alone when
// the line is not known.
func TestParseErrorFormat(t *testing.T) {
	for _, c := range []struct {
		e    ParseError
		want string
	}{
		{ParseError{File: "f", Line: 3, Column: 7, Msg: "m"}, "f:3:7: m"},
		{ParseError{File: "f", Line: 3, Msg: "m"}, "f:3: m"},
		{ParseError{File: "f", Column: 7, Msg: "m"}, "f: m"},
		{ParseError{File: "f", Msg: "m"}, "f: m"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("%+v prints %q, want %q", c.e, got, c.want)
		}
	}
}

// TestParseRatLeadingZeros: a leading zero is a decimal digit in both parts
// of a fraction, as it is in an integer ("010" is ten, not eight).
func TestParseRatLeadingZeros(t *testing.T) {
	for s, want := range map[string]*big.Rat{
		"010":    big.NewRat(10, 1),
		"1/010":  big.NewRat(1, 10),
		"010/1":  big.NewRat(10, 1),
		"-07/09": big.NewRat(-7, 9),
		"1/0009": big.NewRat(1, 9),
	} {
		if r, err := ParseRat(s); err != nil || r.Cmp(want) != 0 {
			t.Errorf("ParseRat(%q) = %v, %v; want %s", s, r, err, want.RatString())
		}
	}
	for _, s := range []string{"1/-2", "1/+2", "-1/-2"} {
		if r, err := ParseRat(s); err == nil {
			t.Errorf("ParseRat(%q) = %s, want an error (signed denominator)", s, r.RatString())
		}
	}
}

// TestParseDecimalFastPath: every plain decimal the fast path takes gives
// exactly what big.Rat.SetString gives for it, and the fast path declines
// (ok false) what is not a plain decimal of at most 18 digits.
func TestParseDecimalFastPath(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		s := rapid.StringMatching(`[+-]?[0-9]{0,20}(\.[0-9]{0,20})?`).Draw(t, "s")
		r, ok := parseDecimal(s)
		want, wok := new(big.Rat).SetString(s)
		digits := strings.Count(s, "") - 1 - strings.Count(s, ".") - strings.Count(s, "+") - strings.Count(s, "-")
		intPart, frac, hasDot := strings.Cut(strings.TrimLeft(s, "+-"), ".")
		plain := digits <= 18 && intPart != "" && (!hasDot || frac != "")
		if ok != plain {
			t.Fatalf("parseDecimal(%q): ok = %v, want %v", s, ok, plain)
		}
		if ok && (!wok || r.Cmp(want) != 0) {
			t.Fatalf("parseDecimal(%q) = %s, SetString gives %v (%v)", s, r.RatString(), want, wok)
		}
	})
}

// BenchmarkParseRat: a 4-digit decimal by the fast path, and the same
// number in scientific notation, which the general path reads.
func BenchmarkParseRat(b *testing.B) {
	for _, s := range []string{"-0.7072", "-7072e-4"} {
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				ParseRat(s)
			}
		})
	}
}
