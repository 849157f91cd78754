package lowerbound

// model_test.go checks the piece-count formulas, the paper's witnesses and
// the error values against small models written from the paper and by hand.

import (
	"errors"
	"fmt"
	"math/big"
	"testing"

	"github.com/ftcheck/ftcheck/oracle"
)

// alternatingNet is g(t) = Σ_{k=1..m} (−1)^k σ(t − k): every kink changes the
// slope by ±1, so it has exactly m breakpoints and m + 1 pieces.
func alternatingNet(m int) *oracle.Network {
	l1 := oracle.Layer{}
	out := oracle.Layer{W: [][]*big.Rat{{}}, B: []*big.Rat{new(big.Rat)}}
	for k := 1; k <= m; k++ {
		l1.W = append(l1.W, []*big.Rat{big.NewRat(1, 1)})
		l1.B = append(l1.B, big.NewRat(int64(-k), 1))
		out.W[0] = append(out.W[0], big.NewRat(int64(sgn(k)), 1))
	}
	return &oracle.Network{Layers: []oracle.Layer{l1, out}}
}

// TestTwoLayerPiecesTight: the 2-layer count m + 1 is attained by the
// alternating net (oracle count), so it is the exact maximum.
func TestTwoLayerPiecesTight(t *testing.T) {
	for m := 1; m <= 9; m++ {
		if p := Pieces1D(alternatingNet(m)); p != TwoLayerPieces(m) || p != m+1 {
			t.Fatalf("m=%d: alternating net has %d pieces, TwoLayerPieces %d", m, p, TwoLayerPieces(m))
		}
	}
}

// TestPieceFormulas: the paper's 2·d1·d2 + d2 + 1 and (d1+1)(d2+1) at hand
// values, and their difference d1(d2 − 1) (pieces.go) over a grid.
func TestPieceFormulas(t *testing.T) {
	for _, c := range []struct{ d1, d2, paper, sharp int }{
		{1, 1, 4, 4}, {2, 3, 16, 12}, {3, 2, 15, 12}, {0, 4, 5, 5}, {5, 0, 1, 6},
	} {
		if p, s := PaperThreeLayerPieces(c.d1, c.d2), SharpThreeLayerPieces(c.d1, c.d2); p != c.paper || s != c.sharp {
			t.Errorf("%d×%d: paper %d sharp %d, by hand %d and %d", c.d1, c.d2, p, s, c.paper, c.sharp)
		}
	}
	for d1 := 0; d1 <= 8; d1++ {
		for d2 := 0; d2 <= 8; d2++ {
			if PaperThreeLayerPieces(d1, d2)-SharpThreeLayerPieces(d1, d2) != d1*(d2-1) {
				t.Fatalf("%d×%d: paper − sharp ≠ d1(d2−1)", d1, d2)
			}
		}
	}
	// MaxPieces3 by hand: d1 = 1: d2 + 2; d1 = 2: 2d2 + 3; d2 = 1:
	// d1 + 2 + ⌈d1/2⌉; else (d1+1)(d2+1).
	for _, c := range []struct{ d1, d2, want int }{
		{1, 1, 3}, {1, 4, 6}, {2, 1, 5}, {2, 4, 11}, {3, 1, 7}, {4, 1, 8}, {5, 1, 10}, {3, 2, 12}, {4, 3, 20},
	} {
		if got := MaxPieces3(c.d1, c.d2); got != c.want {
			t.Errorf("MaxPieces3(%d, %d) = %d, by hand %d", c.d1, c.d2, got, c.want)
		}
	}
}

// TestPaperStepMax: v(d1) = (m − d1)(2d1 + 1) has v(d1+1) − v(d1) =
// 2m − 3 − 4d1, odd and decreasing in d1, so the maximiser is the least d1
// with 4d1 + 3 > 2m (unique: no ties).
func TestPaperStepMax(t *testing.T) {
	for m := 0; m <= 60; m++ {
		d := 0
		for 4*d+3 < 2*m {
			d++
		}
		best, arg := PaperStepMax(m)
		if arg != d || best != (m-d)*(2*d+1) {
			t.Fatalf("m=%d: PaperStepMax = (%d, %d), want (%d, %d)", m, best, arg, (m-d)*(2*d+1), d)
		}
	}
}

// TestMaxPiecesAtTotalRange: the maximum runs over d1 = 1..m−1 with
// d2 = m − d1 (both widths at least 1), and nothing else.
func TestMaxPiecesAtTotalRange(t *testing.T) {
	for m := 0; m <= 7; m++ {
		var seen []string
		got := MaxPiecesAtTotal(m, func(d1, d2 int) int {
			seen = append(seen, fmt.Sprintf("%d+%d", d1, d2))
			return 10*d1 + d2
		})
		var want []string
		best := 0
		for d1 := 1; d1 <= m-1; d1++ {
			want = append(want, fmt.Sprintf("%d+%d", d1, m-d1))
			best = 10*d1 + m - d1
		}
		if fmt.Sprint(seen) != fmt.Sprint(want) || got != best {
			t.Fatalf("m=%d: called with %v, returned %d; want %v and %d", m, seen, got, want, best)
		}
	}
}

// TestThreeLayerLowerFromPiecesModel: the least m = d1 + d2 (d1, d2 ≥ 1)
// with bound(d1, d2) ≥ pieces, searched directly; 0 for at most one piece.
func TestThreeLayerLowerFromPiecesModel(t *testing.T) {
	bounds := map[string]func(d1, d2 int) int{
		"MaxPieces3": MaxPieces3, "sharp": SharpThreeLayerPieces, "paper": PaperThreeLayerPieces,
	}
	for name, bound := range bounds {
		for pieces := -1; pieces <= 80; pieces++ {
			want := 0
			if pieces > 1 {
			search:
				for m := 2; ; m++ {
					for d1 := 1; d1 < m; d1++ {
						if bound(d1, m-d1) >= pieces {
							want = m
							break search
						}
					}
				}
			}
			if got := ThreeLayerLowerFromPieces(pieces, bound); got != want {
				t.Fatalf("%s, %d pieces: least m = %d, search %d", name, pieces, got, want)
			}
			if name == "MaxPieces3" && pieces >= 1 && SharpThreeLayerLower(pieces-1) != want {
				t.Fatalf("SharpThreeLayerLower(%d) = %d, want %d", pieces-1, SharpThreeLayerLower(pieces-1), want)
			}
		}
	}
	// By hand: constant data (R = 0, one piece) needs no unit; two pieces
	// need 1×1 (3 pieces), m = 2; 13 pieces: at m = 5 the widths give 1×4: 6,
	// 2×3: 9, 3×2: 12, 4×1: 8, and at m = 6 3×3 gives 16, so m = 6.
	for _, c := range []struct{ R, want int }{{0, 0}, {1, 2}, {12, 6}} {
		if got := SharpThreeLayerLower(c.R); got != c.want {
			t.Errorf("SharpThreeLayerLower(%d) = %d, by hand %d", c.R, got, c.want)
		}
	}
}

// TestPaperWitnessValues: the paper's two families exactly as Sec. 4.1
// writes them: x_i = i; for K ≥ 3N+2, z_i = 2 if 6 | i and i ≤ 3N, −1 if
// i ≡ 3 (mod 6) and i ≤ 3N; for K = 2N+1, z_i = 2 if 4 | i and i ≤ 2N, −1
// if i ≡ 2 (mod 4) and i ≤ 2N; 0 elsewhere.
func TestPaperWitnessValues(t *testing.T) {
	check := func(N, K int, want func(i int) int64) {
		in, err := PaperWitness(N, K)
		if err != nil {
			t.Fatalf("N=%d K=%d: %v", N, K, err)
		}
		if in.K() != K || in.Dim() != 1 {
			t.Fatalf("N=%d K=%d: K=%d dim %d", N, K, in.K(), in.Dim())
		}
		for i := 1; i <= K; i++ {
			if in.X[i-1][0].Cmp(big.NewRat(int64(i), 1)) != 0 || in.Z[i-1].Cmp(big.NewRat(want(i), 1)) != 0 {
				t.Fatalf("N=%d K=%d: (x_%d, z_%d) = (%v, %v), want (%d, %d)", N, K, i, i, in.X[i-1][0], in.Z[i-1], i, want(i))
			}
		}
	}
	for N := 0; N <= 6; N++ {
		for K := max(3, 3*N+2); K <= 3*N+5; K++ {
			check(N, K, func(i int) int64 {
				switch {
				case i > 3*N:
					return 0
				case i%6 == 0:
					return 2
				case i%6 == 3:
					return -1
				}
				return 0
			})
		}
		if 2*N+1 >= 3 && 2*N+1 < 3*N+2 {
			check(N, 2*N+1, func(i int) int64 {
				switch {
				case i > 2*N:
					return 0
				case i%4 == 0:
					return 2
				case i%4 == 2:
					return -1
				}
				return 0
			})
		}
	}
}

// TestWitnessSource: which family each (N, K) uses.
func TestWitnessSource(t *testing.T) {
	for _, c := range []struct {
		N, K int
		want string
	}{
		{2, 8, "paper Sec. 4.1, K ≥ 3N+2"},
		{2, 9, "paper Sec. 4.1, K ≥ 3N+2"},
		{3, 7, "zigzag (ours; the paper's K = 2N+1 witness is unsound for N ≥ 2)"},
		{3, 8, "zigzag (ours; the paper asserts one exists)"},
		{3, 10, "zigzag (ours; the paper asserts one exists)"},
	} {
		if got := WitnessSource(c.N, c.K); got != c.want {
			t.Errorf("WitnessSource(%d, %d) = %q, want %q", c.N, c.K, got, c.want)
		}
	}
}

// TestErrorMessages: the error values say what is wrong and where.
func TestErrorMessages(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&DataError{0, "no points"}, "lowerbound: no points"},
		{&DataError{3, "missing value"}, "lowerbound: row 3: missing value"},
		{&WitnessError{"zigzag", 4, 3, "need 0 ≤ N ≤ K"}, "witness zigzag N=4 K=3: need 0 ≤ N ≤ K"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("Error() = %q, want %q", got, c.want)
		}
	}
	_, err := MinBreakpoints(oracle.Rats(1, 2), oracle.Rats(1))
	if err == nil || err.Error() != "lowerbound: 2 inputs but 1 values" {
		t.Errorf("length mismatch: %v", err)
	}
}

// TestDuplicateNamesFirstRows: with three equal inputs among four rows the
// error names the first two rows (in input order) that collide.
func TestDuplicateNamesFirstRows(t *testing.T) {
	for _, c := range []struct {
		t    []int64
		i, j int
	}{
		{[]int64{5, 1, 5, 5}, 1, 3},
		{[]int64{2, 7, 2, 2, 0}, 1, 3},
		{[]int64{0, 1, 2, 2}, 3, 4},
		{[]int64{3, 3}, 1, 2},
	} {
		ts := oracle.Rats(c.t...)
		_, err := MinBreakpoints(ts, oracle.Rats(c.t...))
		var dup *oracle.DuplicatePointError
		if !errors.As(err, &dup) || dup.I != c.i || dup.J != c.j {
			t.Errorf("t = %v: got %v, want rows %d and %d", c.t, err, c.i, c.j)
		}
	}
}
