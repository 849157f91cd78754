package lowerbound

import (
	"bytes"
	"fmt"
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
	"pgregory.net/rapid"
)

// checkInterval verifies an interval independently: its net fine-tunes the
// data exactly (oracle), has Hi hidden units, and Lo ≤ Hi.
func checkInterval(t, z []*big.Rat, iv *Interval) error {
	if iv.Lo > iv.Hi {
		return fmt.Errorf("lo %d > hi %d", iv.Lo, iv.Hi)
	}
	if _, err := instance.OnLine(t, z).Verify(iv.Net); err != nil {
		return fmt.Errorf("net does not fine-tune: %v", err)
	}
	if h := iv.Net.Hidden(); h != iv.Hi {
		return fmt.Errorf("net has %d hidden units, hi = %d", h, iv.Hi)
	}
	return nil
}

// TestTwoLayerMin1DProperty: m* of a 2-layer net lies in [R, R+1]; the
// certificate's network fine-tunes the data exactly with hi units, and never
// has more pieces on the line than hi + 1 (the counting lemma).
func TestTwoLayerMin1DProperty(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		d := lineGen(1, 9).Draw(rt, "data")
		iv, err := TwoLayerMin1D(d[0], d[1])
		if err != nil {
			rt.Fatal(err)
		}
		R, _ := MinBreakpoints(d[0], d[1])
		if iv.Lo < R || iv.Hi > R+1 {
			rt.Fatalf("interval [%d, %d] outside [R, R+1], R = %d", iv.Lo, iv.Hi, R)
		}
		if err := checkInterval(d[0], d[1], iv); err != nil {
			rt.Fatal(err)
		}
		if p := Pieces1D(iv.Net); p > TwoLayerPieces(iv.Hi) {
			rt.Fatalf("net with %d units has %d pieces", iv.Hi, p)
		}
		three, err := ThreeLayerMin1D(d[0], d[1])
		if err != nil {
			rt.Fatal(err)
		}
		if err := checkInterval(d[0], d[1], three); err != nil {
			rt.Fatal(err)
		}
	})
}

// TestTwoLayerK3Exact: for every K = 3 dataset on the grid with R = 1, the
// certificate is decided, and one unit suffices exactly when the data is
// monotone (a single unit b + wσ(at + c) is monotone — an argument
// independent of the certificate's case analysis).
func TestTwoLayerK3Exact(t *testing.T) {
	eachGrid(3, 2, func(ts, vs []*big.Rat) {
		iv, err := TwoLayerMin1D(ts, vs)
		if err != nil {
			t.Fatal(err)
		}
		if iv.Breaks != 1 {
			return
		}
		d0 := new(big.Rat).Sub(vs[1], vs[0]).Sign()
		d1 := new(big.Rat).Sub(vs[2], vs[1]).Sign()
		monotone := d0*d1 >= 0
		if !iv.Decided || (iv.Hi == 1) != monotone {
			t.Fatalf("v = %v: interval [%d, %d], monotone %v", ratStrings(vs), iv.Lo, iv.Hi, monotone)
		}
	})
}

// TestCertificateErrors: duplicate inputs give the oracle's typed error.
func TestCertificateErrors(t *testing.T) {
	if _, err := TwoLayerMin1D(oracle.Rats(1, 1), oracle.Rats(0, 1)); err == nil {
		t.Fatal("duplicate t: no error")
	}
	if _, err := ThreeLayerLower1D(oracle.Rats(1, 2), oracle.Rats(0)); err == nil {
		t.Fatal("length mismatch: no error")
	}
}

// ExampleWriteMstar: the instance (0, 1, 0) needs R = 1 breakpoint but two
// 2-layer units (one unit is monotone).
func ExampleWriteMstar() {
	var b bytes.Buffer
	_ = WriteMstar(&b, oracle.Rats(1, 2, 3), oracle.Rats(0, 1, 0))
	fmt.Print(b.String())
	// Output:
	// min-breakpoints: 1
	// 2-layer m*: [2, 2] (upper: R breakpoints + one unit for the left slope)
	// 3-layer m*: [2, 3] (upper: 2-layer net with 2 units, then one unit σ(g + C) − C)
}

// BenchmarkTwoLayerMin1D: the 2-layer certificate (R, interpolant, net,
// exact verification by the oracle) for K points, beside the baseline of
// evaluating the same net layer by layer (oracle.Network.Eval) at the same
// points; and the 3-layer certificate.
func BenchmarkTwoLayerMin1D(b *testing.B) {
	for _, K := range []int{1000, 100000} {
		ts, vs := benchData(K)
		b.Run(fmt.Sprintf("certificate-K=%d", K), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := TwoLayerMin1D(ts, vs); err != nil {
					b.Fatal(err)
				}
			}
		})
		if K > 1000 {
			continue // the baseline is O(K·m): 10⁵ points × 5·10⁴ units is out of reach
		}
		iv, _ := TwoLayerMin1D(ts, vs)
		b.Run(fmt.Sprintf("baseline-Eval-K=%d-m=%d", K, iv.Hi), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				for _, t := range ts {
					iv.Net.Eval([]*big.Rat{t})
				}
			}
		})
		b.Run(fmt.Sprintf("three-layer-K=%d", K), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := ThreeLayerMin1D(ts, vs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestZigzagNeedsOnlyR: for zigzag data with K ≥ 5 (every turn nonzero,
// turns alternating, so R = K−2) the certificate finds a verified net with
// R = K−2 units (slide.go), so m* = K−2, not K−1.
func TestZigzagNeedsOnlyR(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		K := rapid.IntRange(5, 17).Draw(rt, "K")
		shift := int64(rapid.IntRange(-4, 4).Draw(rt, "shift"))
		ts := make([]*big.Rat, K)
		vs := make([]*big.Rat, K)
		for i := range ts {
			ts[i] = big.NewRat(int64(i+1), 1)
			mag := int64(rapid.IntRange(1, 6).Draw(rt, fmt.Sprintf("mag[%d]", i)))
			if i%2 == 1 {
				mag = -mag
			}
			vs[i] = big.NewRat(mag+shift, 1)
		}
		iv, err := TwoLayerMin1D(ts, vs)
		if err != nil {
			rt.Fatal(err)
		}
		if iv.Breaks != K-2 {
			rt.Fatalf("not a zigzag: R = %d", iv.Breaks)
		}
		if !iv.Decided || iv.Hi != K-2 {
			rt.Fatalf("K = %d zigzag: interval [%d, %d], want K−2", K, iv.Lo, iv.Hi)
		}
		if err := checkInterval(ts, vs, iv); err != nil {
			rt.Fatal(err)
		}
	})
}

// TestSlideAllRightEvenK: the even-K construction of slide.go on its own
// gives a verified R-unit net for every zigzag with K even ≥ 6, also with
// uneven spacing (data that is not a zigzag is skipped).
func TestSlideAllRightEvenK(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		K := 2 * rapid.IntRange(3, 8).Draw(rt, "half")
		ts := make([]*big.Rat, K)
		vs := make([]*big.Rat, K)
		cur := int64(0)
		for i := range ts {
			cur += int64(rapid.IntRange(1, 2).Draw(rt, fmt.Sprintf("gap[%d]", i)))
			ts[i] = big.NewRat(cur, 1)
			mag := int64(rapid.IntRange(1, 9).Draw(rt, fmt.Sprintf("mag[%d]", i)))
			if i%2 == 1 {
				mag = -mag
			}
			vs[i] = big.NewRat(mag, 1)
		}
		ln, _ := SortLine(ts, vs)
		if ln.MinBreakpoints() != K-2 {
			return
		}
		if u := slideAllRight(ln); u == nil || len(u) != K-2 {
			rt.Fatalf("K = %d zigzag: no verified (K−2)-unit net from sliding right", K)
		}
	})
}
