package oracle

// The fixed-width path at the edges of its bounds: the 128-bit integers
// against big.Int, each width's threshold at exactly the bound and one past
// it, the ReLU threshold at equality, and the last of several chunks.
// Expected widths follow from fasteval.go's lim_l = ⌊(2^k − 1)/G_l⌋ worked
// by hand; expected values from the network's formula.

import (
	"math/big"
	"runtime"
	"slices"
	"testing"
)

// pow2 is 2^k as a big.Int.
func pow2(k uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), k) }

// toI128 is v modulo 2^128 in two's complement, the model of i128.
func toI128(v *big.Int) i128 {
	m := new(big.Int).Mod(v, pow2(128))
	lo := new(big.Int).Mod(m, pow2(64))
	return i128{new(big.Int).Rsh(m, 64).Uint64(), lo.Uint64()}
}

// TestI128AgainstBigInt: less, big and mulAdd agree with big.Int on values
// at the ends of each 64-bit half, equal pairs included.
func TestI128AgainstBigInt(t *testing.T) {
	var vals []*big.Int
	for _, k := range []uint{0, 1, 62, 63, 64, 65, 126} {
		p := pow2(k)
		for _, d := range []int64{-1, 0, 1} {
			v := new(big.Int).Add(p, big.NewInt(d))
			vals = append(vals, v, new(big.Int).Neg(v))
		}
	}
	vals = append(vals, big.NewInt(0), new(big.Int).Neg(pow2(127)), new(big.Int).Sub(pow2(127), big.NewInt(1)))
	var z, tmp big.Int
	for _, a := range vals {
		toI128(a).big(&z, &tmp)
		if z.Cmp(a) != 0 {
			t.Errorf("big(%v) = %v", a, &z)
		}
		for _, b := range vals {
			if got, want := toI128(a).less(toI128(b)), a.Cmp(b) < 0; got != want {
				t.Errorf("%v < %v: %v, want %v", a, b, got, want)
			}
		}
		for _, m := range []int64{0, 1, -1, 3, -7, 1 << 62, -1 << 63} {
			for _, s := range []int64{0, 5, -5} {
				want := new(big.Int).Mul(a, big.NewInt(m))
				want.Add(want, big.NewInt(s))
				if got := i128From(s).mulAdd(toI128(a), m); got != toI128(want) {
					t.Errorf("%d + %v·%d: %v, want %v", s, a, m, got, toI128(want))
				}
			}
		}
	}
}

// ratOf is the rational v.
func ratOf(v *big.Int) *big.Rat { return new(big.Rat).SetInt(v) }

// widthsOf evaluates the single row x by the fixed-width path and checks
// its value against want and its widths against modes.
func widthsOf(t *testing.T, n *Network, floor int64, x []*big.Rat, want *big.Rat, modes ...string) {
	t.Helper()
	got, plan := FastEvalAll(n, [][]*big.Rat{x}, floor, 53)
	if got == nil || got[0].Cmp(want) != 0 || !slices.Equal(plan, modes) {
		t.Errorf("x = %v, floor %d: %v in widths %v, want %v in %v", x, floor, got, plan, want.RatString(), modes)
	}
}

// TestFastWidthThresholds: each width is taken up to exactly its bound on
// B_0 and left one past it.
func TestFastWidthThresholds(t *testing.T) {
	m1 := big.NewInt(-1)
	less1 := func(k uint) *big.Int { return new(big.Int).Add(pow2(k), m1) }
	// g(x) = x: G = 1, so float64 up to 2^53 − 1 and int64 up to 2^63 − 1
	// (the cap of every width); 2^63 does not fit int64 at all.
	id := &Network{Layers: []Layer{{W: [][]*big.Rat{Rats(1)}, B: Rats(0)}}}
	for _, c := range []struct {
		x    *big.Int
		mode string
	}{{less1(53), "float64"}, {pow2(53), "int64"}, {new(big.Int).Neg(less1(53)), "float64"},
		{new(big.Int).Neg(pow2(53)), "int64"}, {less1(63), "int64"}, {pow2(63), "big"}} {
		widthsOf(t, id, 0, []*big.Rat{ratOf(c.x)}, ratOf(c.x), c.mode)
	}
	// x = 1/(2^63 − 1): E = B_0 = 2^63 − 1 is still scaled to int64.
	x := new(big.Rat).SetFrac(big.NewInt(1), less1(63))
	widthsOf(t, id, 0, []*big.Rat{x}, x, "int64")
	// g(x) = 2^52·x: S = 2^52 has 53 bits, below 2^53, so float64 takes
	// B_0 ≤ ⌊(2^53 − 1)/2^52⌋ = 1.
	w52 := &Network{Layers: []Layer{{W: [][]*big.Rat{{ratOf(pow2(52))}}, B: Rats(0)}}}
	widthsOf(t, w52, 0, Rats(1), ratOf(pow2(52)), "float64")
	widthsOf(t, w52, 0, Rats(2), ratOf(pow2(53)), "int64")
	// g(x) = 2^40·σ(2^40·x): G_0 = 2^40 and G_1 = 2^80, so layer 0 takes
	// float64 up to 2^13 − 1, int64 up to 2^23 − 1, and layer 1 has only
	// 128 bits, up to B_0 = 2^47 − 1.
	w40 := &Network{Layers: []Layer{
		{W: [][]*big.Rat{{ratOf(pow2(40))}}, B: Rats(0)},
		{W: [][]*big.Rat{{ratOf(pow2(40))}}, B: Rats(0)},
	}}
	for _, c := range []struct {
		k     uint
		minus bool
		modes []string
	}{
		{13, true, []string{"float64", "int128"}}, {13, false, []string{"int64", "int128"}},
		{23, true, []string{"int64", "int128"}}, {23, false, []string{"int128", "int128"}},
		{47, true, []string{"int128", "int128"}}, {47, false, []string{"big"}},
	} {
		x := pow2(c.k)
		if c.minus {
			x = less1(c.k)
		}
		want := new(big.Int).Mul(x, pow2(80))
		widthsOf(t, w40, 0, []*big.Rat{ratOf(x)}, ratOf(want), c.modes...)
	}
}

// TestFastReLUThreshold: the ReLU zeroes exactly the scaled pre-activations
// below floor, in each width: g(x) = σ(2^40·(x1 − x2) + 1) with x1 = x2 has
// Z = 1, kept for floor ≤ 1 and zeroed for floor 2. With S = 2^41 + 1, layer
// 0 takes float64 for B_0 ≤ 4095 and int64 for B_0 ≤ 2^22 − 1.
func TestFastReLUThreshold(t *testing.T) {
	p40 := ratOf(pow2(40))
	n := &Network{Layers: []Layer{
		{W: [][]*big.Rat{{p40, new(big.Rat).Neg(p40)}}, B: Rats(1)},
		{W: [][]*big.Rat{Rats(1)}, B: Rats(0)},
	}}
	for _, c := range []struct {
		b    int64
		mode string
	}{{1, "float64"}, {1 << 13, "int64"}, {1 << 23, "int128"}} {
		for floor, want := range map[int64]int64{0: 1, 1: 1, 2: 0} {
			widthsOf(t, n, floor, Rats(c.b, c.b), big.NewRat(want, 1), c.mode, c.mode)
		}
	}
}

// TestFirstMismatchLastChunk: with several workers, a mismatch in the last,
// one-row chunk of 257 rows (chunks of 128) is found, and an earlier one
// wins over it.
func TestFirstMismatchLastChunk(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	id := NewEvaluator(&Network{Layers: []Layer{{W: [][]*big.Rat{Rats(1)}, B: Rats(0)}}})
	X, Y := make([][]*big.Rat, 257), make([]*big.Rat, 257)
	for i := range X {
		X[i], Y[i] = Rats(int64(i)), big.NewRat(int64(i), 1)
	}
	if got := firstMismatch(id, nil, X, Y); got != 257 {
		t.Errorf("all rows right: %d, want 257", got)
	}
	Y[256] = big.NewRat(-1, 1)
	if got := firstMismatch(id, nil, X, Y); got != 256 {
		t.Errorf("row 256 wrong: %d, want 256", got)
	}
	Y[130] = big.NewRat(-1, 1)
	if got := firstMismatch(id, nil, X, Y); got != 130 {
		t.Errorf("rows 130 and 256 wrong: %d, want 130", got)
	}
}
