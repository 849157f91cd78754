package lowerbound

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"pgregory.net/rapid"
)

// TestPieceBoundsOnRandomNets: every random 2-layer net with m units has at
// most m+1 pieces on the line, and every random 3-layer net with widths
// d1, d2 at most MaxPieces3(d1, d2) ≤ (d1+1)(d2+1) ≤ 2d1d2 + d2 + 1.
func TestPieceBoundsOnRandomNets(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		seed := rapid.Uint64().Draw(rt, "seed")
		r := rand.New(rand.NewPCG(seed, 1))
		m := rapid.IntRange(1, 10).Draw(rt, "m")
		if p := Pieces1D(RandomNet(r, []int{m}, 4)); p > TwoLayerPieces(m) {
			rt.Fatalf("2-layer m=%d: %d pieces", m, p)
		}
		d1 := rapid.IntRange(1, 4).Draw(rt, "d1")
		d2 := rapid.IntRange(1, 4).Draw(rt, "d2")
		p := Pieces1D(RandomNet(r, []int{d1, d2}, 4))
		if p > MaxPieces3(d1, d2) || MaxPieces3(d1, d2) > SharpThreeLayerPieces(d1, d2) || SharpThreeLayerPieces(d1, d2) > PaperThreeLayerPieces(d1, d2) {
			rt.Fatalf("3-layer %d×%d: %d pieces; bounds %d ≤ %d ≤ %d violated", d1, d2, p, MaxPieces3(d1, d2), SharpThreeLayerPieces(d1, d2), PaperThreeLayerPieces(d1, d2))
		}
	})
}

// TestMaxPiecesAttainedD1One: for d1 = 1 the search reaches d2 + 2 pieces,
// so MaxPieces3 is the exact maximum there; for a 2-layer net it reaches
// m + 1.
func TestMaxPiecesAttainedD1One(t *testing.T) {
	for d2 := 1; d2 <= 3; d2++ {
		if sr := MaxPiecesSearch([]int{1, d2}, 3, 4, 1200, 3); sr.Pieces != d2+2 {
			t.Errorf("1×%d: best %d pieces, bound %d", d2, sr.Pieces, d2+2)
		}
	}
	for m := 1; m <= 4; m++ {
		if sr := MaxPiecesSearch([]int{m}, 3, 2, 400, 3); sr.Pieces != m+1 {
			t.Errorf("2-layer m=%d: best %d pieces", m, sr.Pieces)
		}
	}
}

// TestZigzagNetAttains: the explicit zigzag nets have exactly MaxPieces3
// pieces (oracle count) for 3 ≤ d1 ≤ 6, 1 ≤ d2 ≤ 5, which equals
// (d1+1)(d2+1) when d2 ≥ 2; and the search attains MaxPieces3 for d1 = 2.
func TestZigzagNetAttains(t *testing.T) {
	for d1 := 3; d1 <= 6; d1++ {
		for d2 := 1; d2 <= 5; d2++ {
			n := ZigzagNet(d1, d2)
			if n == nil {
				t.Fatalf("%d×%d: no zigzag net", d1, d2)
			}
			if w := n.Widths(); w[0] != d1 || w[1] != d2 {
				t.Fatalf("%d×%d: widths %v", d1, d2, w)
			}
			if p := Pieces1D(n); p != MaxPieces3(d1, d2) || (d2 >= 2 && p != SharpThreeLayerPieces(d1, d2)) {
				t.Errorf("%d×%d: %d pieces, bound %d", d1, d2, p, MaxPieces3(d1, d2))
			}
		}
	}
	for d2 := 1; d2 <= 2; d2++ {
		if sr := MaxPiecesSearch([]int{2, d2}, 3, 4, 2000, 7); sr.Pieces != MaxPieces3(2, d2) {
			t.Errorf("2×%d: search best %d, bound %d", d2, sr.Pieces, MaxPieces3(2, d2))
		}
	}
}

// TestPlantedPieceBoundMinusOne: a bound one below MaxPieces3 is refuted by
// the search at d1 = 1 and by the zigzag net at d1 = 3, d2 = 2.
func TestPlantedPieceBoundMinusOne(t *testing.T) {
	sr := MaxPiecesSearch([]int{1, 2}, 3, 4, 1200, 3)
	if sr.Pieces <= MaxPieces3(1, 2)-1 {
		t.Fatal("a piece bound minus one was not refuted at 1×2")
	}
	if Pieces1D(ZigzagNet(3, 2)) <= MaxPieces3(3, 2)-1 {
		t.Fatal("a piece bound minus one was not refuted at 3×2")
	}
}

// TestThreeLayerLowerBounds: the stated bound is the least m with
// (2m+1)² ≥ 8M+1 (checked against that squared form directly), the sharper
// one is never below it, and small values worked by hand: M = 3 needs 4
// pieces, which 1×1 (3 pieces) cannot give and 1×2 (4) can, so 3; the
// stated bound gives 2 (2·3 ≥ 6).
func TestThreeLayerLowerBounds(t *testing.T) {
	for M := 0; M <= 3000; M++ {
		p := PaperThreeLayerLower(M)
		ok := func(m int) bool { return (2*m+1)*(2*m+1) >= 8*M+1 }
		if !ok(p) || (p > 0 && ok(p-1)) {
			t.Fatalf("M=%d: PaperThreeLayerLower = %d", M, p)
		}
		if s := SharpThreeLayerLower(M); s < p {
			t.Fatalf("M=%d: sharper %d below stated %d", M, s, p)
		}
	}
	if PaperThreeLayerLower(3) != 2 || SharpThreeLayerLower(3) != 3 {
		t.Fatal("M=3 worked example")
	}
	for m := 0; m <= 200; m++ {
		best, _ := PaperStepMax(m)
		if 2*best > m*(m+1) {
			t.Fatalf("m=%d: 2d1d2+d2 = %d > m(m+1)/2", m, best)
		}
	}
}

// TestMaxPiecesTableLong prints the best piece counts found for d1, d2 ≤ 3
// with a long search (FTCHECK_LONG=1 only).
func TestMaxPiecesTableLong(t *testing.T) {
	if os.Getenv("FTCHECK_LONG") == "" {
		t.Skip("set FTCHECK_LONG=1")
	}
	for d1 := 1; d1 <= 3; d1++ {
		for d2 := 1; d2 <= 3; d2++ {
			best := 0
			for _, w := range []int{2, 3, 5} {
				best = max(best, MaxPiecesSearch([]int{d1, d2}, w, 20, 40000, uint64(w)).Pieces)
			}
			fmt.Printf("%d×%d: found %d, proven ≤ %d, paper %d\n", d1, d2, best, MaxPieces3(d1, d2), PaperThreeLayerPieces(d1, d2))
		}
	}
}
