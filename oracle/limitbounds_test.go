package oracle

// The limits at equality: a layer's own denominator of exactly MaxBits bits,
// a zero weight outside the fan-in, exponent digits at the ends of 0–9, the
// exponent's saturation, and the length at which error text is cut.

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
)

// TestGrowthLayerDenominatorBound: g(x) = x/512 has D = 2⁹, 10 bits: within
// MaxBits 10, and over MaxBits 9 before any row is seen.
func TestGrowthLayerDenominatorBound(t *testing.T) {
	n := &Network{Layers: []Layer{{W: [][]*big.Rat{{big.NewRat(1, 512)}}, B: Rats(0)}}}
	if _, err := NewGrowth(n, "n.json", 10); err != nil {
		t.Errorf("D of 10 bits, MaxBits 10: %v", err)
	}
	_, err := NewGrowth(n, "n.json", 9)
	var le *LimitError
	if !errors.As(err, &le) || le.Got != 10 || !strings.Contains(err.Error(), "n.json: layers[0]:") {
		t.Errorf("D of 10 bits, MaxBits 9: %v, want 10 bits at layers[0]", err)
	}
}

// TestGrowthFanCountsNonzero: for g(x) = 3x1 + 0x2 + 0x3 the fan is 1 (1
// bit), not 3: D = 1 (1 bit), 3 scaled to D has 2 + 1 = 3 bits, the row
// (1, 1, 1) has h = 1 + 1 = 2, so layer 0 may need max(3 + 2 + 1, 3 + 1) + 1
// = 7 bits.
func TestGrowthFanCountsNonzero(t *testing.T) {
	n := &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(3, 0, 0)}, B: Rats(0)}}}
	g, err := NewGrowth(n, "n.json", 6)
	if err != nil {
		t.Fatal(err)
	}
	var le *LimitError
	if err := g.Check(Rats(1, 1, 1)); !errors.As(err, &le) || le.Got != 7 {
		t.Errorf("MaxBits 6: %v, want 7 bits", err)
	}
	g, _ = NewGrowth(n, "n.json", 7)
	if err := g.Check(Rats(1, 1, 1)); err != nil {
		t.Errorf("7 bits within MaxBits 7: %v", err)
	}
}

// TestExponentDigits: exponents made of 0 and 9 count in full: 1e10 has
// 1 + 10 = 11 digits and 1e9 has 10, each one over a limit one less.
func TestExponentDigits(t *testing.T) {
	for s, n := range map[string]int{"1e10": 11, "1e9": 10, "1e+09": 10, "1e-9": 11, "1e-09": 11} {
		_, err := ParseRatLimit(s, n-1)
		var le *LimitError
		if !errors.As(err, &le) || le.Got != n || !strings.Contains(err.Error(), "(exponent included)") {
			t.Errorf("%s, limit %d: %v, want %d digits", s, n-1, err, n)
		}
		if _, err := ParseRatLimit(s, n); err != nil {
			t.Errorf("%s, limit %d: %v", s, n, err)
		}
	}
}

// TestExponentSaturation: |e| is read digit by digit until it reaches 2^40
// = 1099511627776, then the rest is skipped; a value one below still takes
// the next digit.
func TestExponentSaturation(t *testing.T) {
	for s, want := range map[string]int{
		"10995116277760":     1 << 40,
		"10995116277750":     10995116277750,
		"-10995116277769999": 1 << 40,
	} {
		if got, ok := exponentValue(s); !ok || got != want {
			t.Errorf("exponentValue(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
	if got, ok := exponentValue(strings.Repeat("9", 1000)); !ok || got < 1<<40 {
		t.Errorf("1000 nines: %d, %v; want at least 2^40", got, ok)
	}
}

// TestQuoteShort: text of 40 bytes is quoted whole; from 41 on, its first 20
// and last 12 bytes are kept.
func TestQuoteShort(t *testing.T) {
	s40 := strings.Repeat("a", 20) + strings.Repeat("b", 8) + strings.Repeat("c", 12)
	if got := quoteShort(s40); got != fmt.Sprintf("%q", s40) {
		t.Errorf("40 bytes: %s", got)
	}
	if got, want := quoteShort(s40+"d"), `"aaaaaaaaaaaaaaaaaaaa…cccccccccccd"`; got != want {
		t.Errorf("41 bytes: %s, want %s", got, want)
	}
}
